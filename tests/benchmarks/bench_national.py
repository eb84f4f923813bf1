"""Scale: a synthetic national round's results time and the peak memory of computing them.

Run as ``uv run python tests/benchmarks/bench_national.py [--quick]``. For each size (units x 50
members, 3 members per unit, every council item of PAR-SO-2026) a child process builds the round
file (not timed); then a fresh child process opens it and computes ``results.round_results``:
its wall time (median of repeats) and the process's peak RSS (``ru_maxrss``, Python, Qt-free,
SQLAlchemy and the round included) are printed, and the cost exponent fitted over the sizes
(log time against log units; 1.0 is linear). The merged province's round of the demo (about 150
units of six types in four ranking groups, PAR-TINH-HOPNHAT-2026, merged from signed packages)
is measured the same way. Ends with ``VALUE national_rss <MB> MB 400`` and
``VALUE national_results <s> s 2`` for 1,890 units.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = (210, 630, 1890)
MEMBERS = 50
PER_UNIT = 3
FORM = "PAR-SO-2026"

BUILD = """
import sys
from decimal import Decimal
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from parapp.core.criteria import Assessor
from parapp.core.rounds import Phase
from parapp.services import criteria_sets, rounds
from parapp.store import submissions as merge_store
from parapp.store.submissions import MergedScore
from tests.services.merge_world import NOW, clock

units, path = int(sys.argv[1]), Path(sys.argv[2])
cs = criteria_sets.find_bundled("%(form)s")
leaves = []
for leaf in cs.leaves():
    if leaf.assessor is Assessor.COUNCIL and leaf.applies("so"):
        levels = getattr(leaf.rule, "levels", None)
        leaves.append((leaf.code, levels[0].value if levels else leaf.max_for("so")))
ctx = rounds.create_round(path, cs, "National", clock=clock, actor="bench")
rounds.add_units(ctx, [(f"U{i:04d}", f"Đơn vị {i}", "so") for i in range(units)])
for m in range(%(members)d):
    rounds.add_member(ctx, f"m{m}", f"Thành viên {m}", "Ủy viên")
rounds.advance_phase(ctx, Phase.ROUND_1)
with ctx.db.transaction() as s:
    for u in range(units):
        merge_store.insert_merged(s, [
            MergedScore(f"U{u:04d}", code, f"m{(u + k) %% %(members)d}", 1, value, "", False,
                        NOW.isoformat(), None)
            for k in range(%(per_unit)d) for code, value in leaves])
ctx.close()
print(units * %(per_unit)d * len(leaves))
""" % {"form": FORM, "members": MEMBERS, "per_unit": PER_UNIT}  # noqa: UP031 - braces in the code

PROVINCE = """
import sys
from datetime import UTC, datetime
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from parapp.services.demo import pki as demo_pki
from parapp.services.demo.merged_province import build_merged_round

out = Path(sys.argv[1])
built = build_merged_round(out, demo_pki.build_pki(out), lambda: datetime(2026, 12, 18, tzinfo=UTC))
print(built.path)
print(built.units, built.scores)
"""

MEASURE = """
import json, resource, sys, time
from pathlib import Path
from parapp.services import results
from parapp.services.context import open_round
repeats = int(sys.argv[2])
times = []
with open_round(Path(sys.argv[1])) as ctx:
    for _ in range(repeats):
        start = time.perf_counter()
        res = results.round_results(ctx)
        times.append(time.perf_counter() - start)
        count = len(res.outcomes)
        del res
times.sort()
print(json.dumps({"seconds": times[len(times) // 2], "units": count,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main(argv: list[str]) -> int:
    """Build each size, measure it in a fresh process, print the table, exponent and VALUEs."""
    repeats = 1 if "--quick" in argv else 3
    root = Path(__file__).resolve().parents[2]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for units in SIZES:
            path = Path(folder) / f"n{units}.parround"
            built = subprocess.run([sys.executable, "-c", BUILD, str(units), str(path), str(root)],
                                   check=True, capture_output=True, text=True)  # fmt: skip
            done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(repeats)],
                                  check=True, capture_output=True, text=True)  # fmt: skip
            found = json.loads(done.stdout.strip().splitlines()[-1])
            assert found["units"] == units
            rows.append((units, int(built.stdout.split()[-1]), found["seconds"], found["rss_mb"]))
        province = _province(Path(folder) / "province", root, repeats)
    out = sys.stdout
    out.write(f"national round, {MEMBERS} members, {PER_UNIT} per unit, {FORM}\n")
    out.write(f"  {'units':>6} {'scores':>9} {'results s':>10} {'peak RSS MB':>12}\n")
    for units, scores, seconds, rss in rows:
        out.write(f"  {units:6d} {scores:9d} {seconds:10.2f} {rss:12.0f}\n")
    units, scores, seconds, rss = province
    out.write("merged province round, PAR-TINH-HOPNHAT-2026, four ranking groups\n")
    out.write(f"  {units:6d} {scores:9d} {seconds:10.2f} {rss:12.0f}\n")
    (u0, _, t0, _), (u1, _, t1, _) = rows[0], rows[-1]
    exponent = math.log(t1 / t0) / math.log(u1 / u0)
    out.write(f"  fitted exponent (time ~ units^k): k = {exponent:.2f}\n")
    out.write(f"VALUE national_rss {rows[-1][3]:.0f} MB 400\n")
    out.write(f"VALUE national_results {rows[-1][2]:.2f} s 2\n")
    return 0


def _province(folder: Path, root: Path, repeats: int) -> tuple[int, int, float, float]:
    """(units, scores, results seconds, peak RSS MB) of the demo's merged province round."""
    folder.mkdir()
    built = subprocess.run([sys.executable, "-c", PROVINCE, str(folder), str(root)],
                           check=True, capture_output=True, text=True)  # fmt: skip
    path, counts = built.stdout.strip().splitlines()[-2:]
    units, scores = (int(n) for n in counts.split())
    done = subprocess.run([sys.executable, "-c", MEASURE, path, str(repeats)],
                          check=True, capture_output=True, text=True)  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["units"] == units
    return units, scores, found["seconds"], found["rss_mb"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
