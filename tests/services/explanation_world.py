"""A round at the end of appraisal round 1, for notices and explanations: two units that
self-assessed with evidence, a secretary, three members' signed round-1 packages merged (the
real merge), and keys from a test CA (the secretary signs the notices)."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import EvidenceRef, MemberRole, Phase, SelfAssessment
from parapp.services import merge, rounds
from parapp.services.context import RoundContext, open_round
from parapp.services.self_assessment import store_self_assessment
from parapp.services.signing import Pkcs12Key
from tests.services.merge_world import MEMBERS, Keys, clock, make_keys, signed_package
from tests.services.merge_world import SET as MERGE_SET
from tests.signing_pki import P12_PASSPHRASE

SET = {
    **MERGE_SET,
    "nodes": [
        {**n, "rule": {"kind": "free", "step": "0.5"}} if n["code"] == "2.1" else n
        for n in MERGE_SET["nodes"]  # type: ignore[attr-defined]
    ],
}
"""The merge tests' set, with item 2.1 scored in steps of 0.5."""
SELF = {
    "A": {"1.1": "4", "1.2": "6", "2.1": "5"},
    "B": {"1.1": "3", "1.2": "5", "2.1": "4"},
}
ROUND1 = {
    # A: 1.1 and 2.1 below its self-score; B: only 1.2.
    "m1": {"A": {"1.1": "3", "1.2": "6"}, "B": {"1.1": "3", "1.2": "4"}},
    "m2": {"A": {"1.1": "3", "1.2": "6"}, "B": {"1.1": "3", "1.2": "4"}},
    "m3": {"A": {"2.1": "2,5"}, "B": {"2.1": "4"}},
}


def build(folder: Path) -> tuple[Path, Keys]:
    """Write ``folder/round.parround`` in round 1 with round 1 merged; return it and the keys."""
    keys = make_keys(folder / "keys", ("m1", "m2", "m3", "tk", "outsider"))
    path = folder / "round.parround"
    ctx = rounds.create_round(path, from_dict(dict(SET)), "Đợt thử", clock=clock, actor="tk")
    try:
        rounds.add_units(ctx, [(u, f"Sở {u}", "so") for u in SELF])
        for member in MEMBERS:
            rounds.add_member(
                ctx, member, f"Thành viên {member}", "Ủy viên", certificate_der=keys.der[member]
            )
        rounds.add_member(ctx, "tk", "Trần Thị Thư Ký", "Thư ký", MemberRole.SECRETARY)
        evidence = folder / "tlkc"
        evidence.mkdir()
        for unit, scores in SELF.items():
            (evidence / f"KH-{unit}.pdf").write_bytes(b"%PDF-1.4\n% evidence " + unit.encode())
            entries = {
                code: SelfAssessment(
                    code, None, Decimal(value), "", (EvidenceRef(f"KH-{unit}.pdf", 2),)
                )
                for code, value in scores.items()
            }
            store_self_assessment(
                ctx, unit, entries, evidence, source=f"{unit}.xlsx", source_sha256="0"
            )
        rounds.advance_phase(ctx, Phase.ROUND_1)
        info = rounds.round_info(ctx)
        packages = [
            signed_package(folder / f"{m}.parscore", info.id, keys, m, data)[0]
            for m, data in ROUND1.items()
        ]
        report = merge.merge_submissions(ctx, packages, keys.trust)
        assert report.ok, report
    finally:
        ctx.close()
    return path, keys


def copy_round(source: Path, folder: Path) -> Path:
    """A copy of the round file with its evidence and submissions folders, in ``folder``."""
    copy = folder / source.name
    shutil.copy(source, copy)
    for suffix in (".evidence", ".submissions"):
        extra = source.with_name(source.name + suffix)
        if extra.is_dir():
            shutil.copytree(extra, copy.with_name(copy.name + suffix))
    return copy


def secretary_key(keys: Keys) -> Pkcs12Key:
    return Pkcs12Key(keys.p12["tk"], P12_PASSPHRASE)


def opened(path: Path) -> RoundContext:
    return open_round(path, clock=clock, actor="tk")


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (sorted), to compare a round before and after a refused action."""
    with sqlite3.connect(path) as raw:
        tables = [
            r[0]
            for r in raw.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%'"
            )
        ]
        return {t: sorted(raw.execute(f'select * from "{t}"').fetchall(), key=repr) for t in tables}
