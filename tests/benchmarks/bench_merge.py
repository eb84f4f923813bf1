"""Benchmark the secretary's merge and the round's results.

Run as ``uv run python tests/benchmarks/bench_merge.py``. Two parts, printed side by side:

1. 15 members' signed score packages x 30 units x PAR-SO-2026 (every council item): the full
   merge (verify signature and hashes, check every score, store, audit, archive) against merely
   unzipping and parsing the same files. Target: at most 2x.
2. A synthetic national round without signing: 1,890 units x 50 members, each unit scored by
   3 members on every council item, at increasing sizes: consolidation + results time, process
   RSS and Python memory (tracemalloc, started once the synthetic scores are stored, so only
   what the product code allocates counts): the peak while computing, and what the returned
   results still hold (every unit's engine result: it grows with the round by nature). The
   scores are read unit by unit: the peak less what the results hold is the pass's working
   memory. Target: linear growth, peak at most 500 MB.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.rounds import Phase
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, ScoreValue, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.services import criteria_sets, merge, results, rounds
from parapp.services.context import RoundContext
from parapp.services.signing import Pkcs12Key
from parapp.store import submissions as merge_store
from parapp.store.submissions import MergedScore
from tests.services.merge_world import NOW, Keys, clock, make_keys
from tests.signing_pki import P12_PASSPHRASE

FORM = "PAR-SO-2026"
MEMBERS_SIGNED = 15
UNITS_SIGNED = 30
NATIONAL_UNITS = (210, 630, 1890)
NATIONAL_MEMBERS = 50
PER_UNIT = 3
REPEATS = 3


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _council_leaves(criteria_set: CriteriaSet, unit_type: str) -> list[tuple[str, Decimal]]:
    return [
        (leaf.code, leaf.max_for(unit_type))
        for leaf in criteria_set.leaves()
        if leaf.assessor is Assessor.COUNCIL and leaf.applies(unit_type)
    ]


def _round(
    path: Path,
    criteria_set: CriteriaSet,
    units: int,
    members: int,
    keys: Keys | None,
    round_id: str | None = None,
) -> RoundContext:
    ctx = rounds.create_round(
        path, criteria_set, "Benchmark", clock=clock, actor="bench", round_id=round_id
    )
    rounds.add_units(ctx, [(f"U{i:04d}", f"Đơn vị {i}", "so") for i in range(units)])
    for m in range(members):
        der = keys.der[f"m{m}"] if keys else None
        rounds.add_member(ctx, f"m{m}", f"Thành viên {m}", "Ủy viên", certificate_der=der)
    rounds.advance_phase(ctx, Phase.ROUND_1)
    return ctx


def _packages(folder: Path, round_id: str, criteria_set: CriteriaSet, keys: Keys) -> list[Path]:
    leaves = _council_leaves(criteria_set, "so")
    files = []
    for m in range(MEMBERS_SIGNED):
        units = {
            f"U{u:04d}": {
                code: ScoreValue(maximum - Decimal((u + m) % 2) if maximum >= 1 else maximum)
                for code, maximum in leaves
            }
            for u in range(UNITS_SIGNED)
        }
        member = f"m{m}"
        scores = MemberScores(FORM, criteria_set.version, round_id, member, 1, units)
        manifest = ScoreManifest(
            FORM, criteria_set.version, round_id, member, str(uuid.uuid4()), None,
            NOW.isoformat(timespec="seconds"),
        )  # fmt: skip
        key = Pkcs12Key(keys.p12[member], P12_PASSPHRASE)
        with io_signing.open_signer(key, at=NOW, extra_chain=keys.trust.roots) as opened:
            out = folder / f"{member}.parscore"
            score_package.write_score_package(
                out,
                manifest,
                {SCORES: canonical_scores_json(scores)},
                lambda b, o=opened: io_signing.sign_detached(b, o, at=NOW),  # type: ignore[misc]
            )
        files.append(out)
    return files


def _unzip_and_parse(files: list[Path]) -> int:
    count = 0
    for path in files:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read(SCORES), parse_float=Decimal)
            json.loads(archive.read(score_package.MANIFEST))
        count += sum(len(v) for v in data["units"].values())
    return count


def part_one(tmp: Path) -> None:
    tmp.mkdir(parents=True)
    criteria_set = criteria_sets.find_bundled(FORM)
    keys = make_keys(tmp / "keys", tuple(f"m{m}" for m in range(MEMBERS_SIGNED)))
    round_id = str(uuid.uuid4())
    files = _packages(tmp, round_id, criteria_set, keys)
    base, verified, full = [], [], []
    scores = 0
    for i in range(REPEATS):
        start = time.perf_counter()
        scores = _unzip_and_parse(files)
        base.append(time.perf_counter() - start)
        start = time.perf_counter()
        for file in files:
            assert score_package.check_score_package(file, keys.trust).intact
        verified.append(time.perf_counter() - start)
        path = tmp / f"run{i}.parround"
        ctx = _round(path, criteria_set, UNITS_SIGNED, MEMBERS_SIGNED, keys, round_id)
        start = time.perf_counter()
        report = merge.merge_submissions(ctx, files, keys.trust)
        full.append(time.perf_counter() - start)
        assert report.ok, [f.reason.en for f in report.files]
        ctx.close()
    b, f = statistics.median(base), statistics.median(full)
    v = statistics.median(verified)
    _write(
        f"Part 1: {MEMBERS_SIGNED} signed packages x {UNITS_SIGNED} units x {FORM} "
        f"({scores} scores), median of {REPEATS}"
    )
    _write(f"  unzip + parse   {b * 1000:9.1f} ms")
    _write(f"  verified read   {v * 1000:9.1f} ms   (signature + hashes + typed parse)")
    _write(
        f"  full merge      {f * 1000:9.1f} ms   ratio {f / b:5.2f}x (target <= 2x); "
        f"{f / v:5.2f}x the verified read"
    )
    _write(
        f"  per file        {f / len(files) * 1000:9.1f} ms merge, "
        f"{b / len(files) * 1000:.1f} ms unzip + parse"
    )


def part_two(tmp: Path) -> None:
    criteria_set = criteria_sets.find_bundled(FORM)
    leaves = _council_leaves(criteria_set, "so")
    _write("")
    _write(f"Part 2: synthetic national round, {NATIONAL_MEMBERS} members, {PER_UNIT} per unit, "
           f"{len(leaves)} council items (no signing)")  # fmt: skip
    _write(f"  {'units':>6} {'scores':>9} {'store s':>8} {'results s':>10} {'us/score':>9} "
           f"{'peak MB':>8} {'held MB':>8} {'RSS MB':>7}")  # fmt: skip
    tmp.mkdir(parents=True)
    for units in NATIONAL_UNITS:
        ctx = _round(tmp / f"n{units}.parround", criteria_set, units, NATIONAL_MEMBERS, None)
        rows = [
            MergedScore(f"U{u:04d}", code, f"m{(u + k) % NATIONAL_MEMBERS}", 1,
                        maximum - Decimal(k % 2) if maximum >= 1 else maximum, "", False,
                        NOW.isoformat(), None)
            for u in range(units)
            for k in range(PER_UNIT)
            for code, maximum in leaves
        ]  # fmt: skip
        start = time.perf_counter()
        with ctx.db.transaction() as s:
            merge_store.insert_merged(s, rows)
        stored = time.perf_counter() - start
        del rows
        start = time.perf_counter()
        res = results.round_results(ctx)
        elapsed = time.perf_counter() - start
        del res
        # Memory in a second run: tracemalloc slows allocation-heavy code several times.
        tracemalloc.start()
        res = results.round_results(ctx)
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert len(res.outcomes) == units
        count = units * PER_UNIT * len(leaves)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _write(f"  {units:6d} {count:9d} {stored:8.2f} {elapsed:10.2f} "
               f"{elapsed / count * 1e6:9.1f} {peak / 1e6:8.1f} {held / 1e6:8.1f} "
               f"{rss:7.0f}")  # fmt: skip
        ctx.close()


def main() -> int:
    """Run both parts in a temporary folder and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        part_one(Path(tmp) / "one")
        part_two(Path(tmp) / "two")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
