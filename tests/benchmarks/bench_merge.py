"""Benchmark the secretary's merge of signed score packages against its floor.

Run as ``uv run python tests/benchmarks/bench_merge.py [--quick]``. 15 members' signed score
packages x 30 units x PAR-SO-2026 (every council item). The floor is the verified read of the same
packages (unzip, signature, hashes, typed parse: ``check_score_package``) plus a plain ``sqlite3``
``executemany`` of the same score rows into a fresh table in one transaction; parapp's full merge
(the same checks, every score's rule, store, audit, archive) is timed against it, medians of
several alternating repeats. Ends with ``RATIO merge <merge/floor> 1.5``. The national round is in
``bench_national.py``.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
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
from parapp.services import criteria_sets, merge, rounds
from parapp.services.context import RoundContext
from parapp.services.signing import Pkcs12Key
from tests.services.merge_world import NOW, Keys, clock, make_keys
from tests.signing_pki import P12_PASSPHRASE

FORM = "PAR-SO-2026"
MEMBERS_SIGNED = 15
UNITS_SIGNED = 30
REPEATS = 7


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _council_leaves(criteria_set: CriteriaSet, unit_type: str) -> list[tuple[str, Decimal]]:
    """Each council leaf with a value its rule allows (a level when it has levels)."""
    leaves = []
    for leaf in criteria_set.leaves():
        if leaf.assessor is Assessor.COUNCIL and leaf.applies(unit_type):
            levels = getattr(leaf.rule, "levels", None)
            value = levels[0].value if levels else leaf.max_for(unit_type)
            leaves.append((leaf.code, value))
    return leaves


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
            f"U{u:04d}": {code: ScoreValue(value) for code, value in leaves}
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


Row = tuple[str, str, str, int, str | None, str, bool]


def _score_rows(path: Path) -> list[Row]:
    """The score rows of one package, parsed exactly (decimals as Decimal, stored as text)."""
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read(SCORES))
    member, appraisal_round = data["member_id"], int(data["appraisal_round"])
    return [
        (unit, code, member, appraisal_round,
         None if e["value"] is None else str(Decimal(e["value"])), e["comment"],
         e["not_applicable"])
        for unit, items in data["units"].items()
        for code, e in items.items()
    ]  # fmt: skip


def _floor(files: list[Path], keys: Keys, db: Path) -> int:
    """Verified read of every package, then one plain sqlite3 executemany in one transaction."""
    rows: list[Row] = []
    for file in files:
        assert score_package.check_score_package(file, keys.trust).intact
        rows.extend(_score_rows(file))
    connection = sqlite3.connect(db)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE score (unit TEXT, code TEXT, member TEXT, appraisal_round INTEGER,"
            " value TEXT, comment TEXT, not_applicable INTEGER)"
        )
        with connection:
            connection.executemany("INSERT INTO score VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    finally:
        connection.close()
    return len(rows)


def measure(tmp: Path, repeats: int) -> float:
    """Print the merge against its floor; return the ratio."""
    tmp.mkdir(parents=True)
    criteria_set = criteria_sets.find_bundled(FORM)
    keys = make_keys(tmp / "keys", tuple(f"m{m}" for m in range(MEMBERS_SIGNED)))
    round_id = str(uuid.uuid4())
    files = _packages(tmp, round_id, criteria_set, keys)
    floor, full = [], []
    scores = 0
    for i in range(repeats):
        start = time.perf_counter()
        scores = _floor(files, keys, tmp / f"floor{i}.sqlite")
        floor.append(time.perf_counter() - start)
        ctx = _round(tmp / f"run{i}.parround", criteria_set, UNITS_SIGNED, MEMBERS_SIGNED, keys,
                     round_id)  # fmt: skip
        start = time.perf_counter()
        report = merge.merge_submissions(ctx, files, keys.trust)
        full.append(time.perf_counter() - start)
        assert report.ok, [f.reason.en for f in report.files][:1]
        ctx.close()
    f, m = statistics.median(floor), statistics.median(full)
    _write(f"{MEMBERS_SIGNED} signed packages x {UNITS_SIGNED} units x {FORM} ({scores} scores), "
           f"median of {repeats}")  # fmt: skip
    _write(f"  floor (verified read + sqlite3 executemany) {f * 1000:9.1f} ms")
    _write(f"  parapp merge                                {m * 1000:9.1f} ms")
    _write(f"RATIO merge {m / f:.2f} 1.5")
    return m / f


def main(argv: list[str]) -> int:
    """Run in a temporary folder and print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        measure(Path(tmp) / "merge", 3 if "--quick" in argv else REPEATS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
