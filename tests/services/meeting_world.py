"""A real round for the council meeting: three appraisers (m1..m3) with certificates from a test
CA, plus the chair (ct) and the secretary (tk), both with certificates; two units (A, B); signed
score packages merged, the rule ``must_agree`` with threshold 0,5, so that A 1.1 and B 1.2 are
still contested; A 2.1 agreed (the secretary may send it to the council)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parapp.core.rounds import MemberRole
from parapp.services import merge, results, rounds
from parapp.services.context import RoundContext
from tests.services.merge_world import MEMBERS, Keys, make_keys, make_round, signed_package

COUNCIL = (*MEMBERS, "ct", "tk")
SCORES = {
    "m1": {"A": {"1.1": "4", "1.2": "5", "2.1": "5"}, "B": {"1.1": "3", "1.2": "6", "2.1": "4"}},
    "m2": {"A": {"1.1": "2", "1.2": "5", "2.1": "5"}, "B": {"1.1": "3", "1.2": "2", "2.1": "4"}},
}


def world_keys(folder: Path) -> Keys:
    return make_keys(folder, (*MEMBERS, "ct", "tk", "outsider"))


def meeting_round(path: Path, keys: Keys) -> RoundContext:
    """The round described above, in appraisal round 1, merged."""
    ctx = make_round(path, keys)
    rounds.add_member(
        ctx, "ct", "Nguyễn Văn Chủ", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR, keys.der["ct"]
    )
    rounds.add_member(
        ctx, "tk", "Trần Thị Thư", "Trưởng phòng CCHC", MemberRole.SECRETARY, keys.der["tk"]
    )
    info = rounds.round_info(ctx)
    packages = []
    for member, data in SCORES.items():
        out = path.parent / f"{member}.parscore"
        packages.append(signed_package(out, info.id, keys, member, data)[0])
    report = merge.merge_submissions(ctx, packages, keys.trust)
    assert report.ok, [f.reason.en for f in report.files]
    results.set_settings(ctx, "must_agree", "0,5")
    return ctx


def dump(path: Path) -> list[str]:
    """Every row of the round file, as SQL."""
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())
