"""The snapshot a member's scoring window shows first (plain sqlite3, read-only) equals what the
scoring services read through the ORM store, field by field; anything it cannot show exactly
(another schema, the secretary's round, appraisal round 2, a read-only file) is declined."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from parapp.core.rounds import Assignment, Phase
from parapp.services import context as context_service
from parapp.services import (
    member_view,
    packages,
    quick_open,
    resubmission,
    rounds,
    scoring,
    startup,
)
from parapp.services.context import RoundContext, open_round
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.sheets import scope_of
from parapp.store import database, quick_read
from tests.services import explanation_world, round2_world
from tests.services.merge_world import clock


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_demo(out)
    return out


@pytest.fixture
def ws(demo_dir: Path, tmp_path: Path) -> Iterator[RoundContext]:
    with open_first_member_workspace(demo_dir, tmp_path / "ws") as ctx:
        yield ctx


def _member(ctx: RoundContext) -> str:
    member = rounds.round_info(ctx).workspace_member_id
    assert member is not None
    return member


def _assert_same(shot: quick_open.Snapshot, ctx: RoundContext) -> None:
    member = shot.member_id
    assert shot.info == rounds.round_info(ctx)
    assert shot.criteria_set == ctx.criteria_set()
    assert list(shot.sheets) == scoring.unit_sheets(ctx, member)
    assert list(shot.overviews) == member_view.unit_overview(ctx, member)
    for sheet in shot.sheets:  # what the window shows when a unit is opened
        assert shot.sheet(sheet.unit.id) == scoring.load_sheet(ctx, member, sheet.unit.id)
    assert shot.submitted == (resubmission.last_submission(ctx, member) is not None)
    assert quick_open.same_as_store(shot, ctx)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_constants_are_the_stores() -> None:
    assert quick_read.SCHEMA_HEAD == database.SCHEMA_HEAD  # itself checked against Alembic
    assert quick_open.LAST_SUBMISSION_KEY == resubmission.LAST_KEY
    assert startup.ROUND_SUFFIX == context_service.ROUND_SUFFIX


def test_scope_of_a_member_from_the_assignments() -> None:
    rows = [
        Assignment("a", "U1", "1"),
        Assignment("a", "U1", "3"),
        Assignment("a", "U2", None),
        Assignment("a", "U2", "2"),
        Assignment("b", "U3", None),
    ]
    units = ["U1", "U2", "U3"]
    assert scope_of("a", rows, units) == {"U1": frozenset({"1", "3"}), "U2": None}
    assert scope_of("b", rows, units) == {"U3": None}
    assert scope_of("nobody", rows, units) == dict.fromkeys(units)  # unassigned: every unit


def test_the_demo_workspace_reads_the_same_as_through_the_store(ws: RoundContext) -> None:
    member = _member(ws)
    before = _sha(ws.path)
    shot = quick_open.snapshot(ws.path)
    assert shot is not None
    assert shot.member_id == member
    assert _sha(ws.path) == before  # read-only: not a byte of the file changed
    with sqlite3.connect(ws.path) as db:  # imported points are part of what is compared
        assert db.execute("SELECT count(*) FROM component").fetchone()[0] > 0
        assert db.execute("SELECT count(*) FROM evidence_ref").fetchone()[0] > 0
    _assert_same(shot, ws)


def test_scores_comments_and_not_applicable_read_the_same(ws: RoundContext) -> None:
    member = _member(ws)
    sheet = scoring.unit_sheets(ws, member)[0]
    unit = sheet.unit.id
    leaves = [
        leaf.code
        for leaf in ws.criteria_set().leaves()
        if member_view.is_editable(leaf, sheet.areas)
        and member_view.applies(ws.criteria_set(), leaf.code, sheet.unit.unit_type)
    ]
    scoring.save_appraisal(ws, member, unit, leaves[0], "0,75")
    scoring.save_appraisal(ws, member, unit, leaves[1], "99")  # above the maximum: flagged
    scoring.save_comment(ws, member, unit, leaves[1], "Vượt điểm tối đa — cần xem lại")
    scoring.set_not_applicable(ws, member, unit, leaves[2], True)
    other = scoring.unit_sheets(ws, member)[1].unit.id
    scoring.save_comment(ws, member, other, leaves[0], "Chỉ có ý kiến")
    shot = quick_open.snapshot(ws.path, member)
    assert shot is not None
    _assert_same(shot, ws)
    opened = shot.sheet(unit)
    assert opened is not None
    assert opened.entries[leaves[2]].not_applicable
    assert str(opened.entries[leaves[0]].appraised) == "0.75"


def test_a_submitted_member_is_known_from_the_snapshot(ws: RoundContext) -> None:
    member = _member(ws)
    resubmission.remember(ws, member, "sub-1", "2026-04-12T10:15:00+07:00", "x.parscore")
    shot = quick_open.snapshot(ws.path)
    assert shot is not None
    assert shot.submitted
    _assert_same(shot, ws)


def test_a_changed_file_is_not_the_snapshot(ws: RoundContext) -> None:
    member = _member(ws)
    shot = quick_open.snapshot(ws.path)
    assert shot is not None
    first = shot.sheets[0]
    code = next(
        leaf.code
        for leaf in ws.criteria_set().leaves()
        if member_view.is_editable(leaf, first.areas) and leaf.code not in first.entries
    )
    scoring.save_appraisal(ws, member, first.unit.id, code, "1")  # a writer, after the read
    assert not quick_open.same_as_store(shot, ws)
    assert quick_open.snapshot(ws.path) != shot


def test_other_schemas_and_unwritable_files_are_left_to_the_store(
    ws: RoundContext, tmp_path: Path
) -> None:
    ws.close()
    older = tmp_path / "older" / ws.path.name
    older.parent.mkdir()
    shutil.copy(ws.path, older)
    with sqlite3.connect(older) as db:
        db.execute("UPDATE alembic_version SET version_num = '0008'")
    assert quick_open.snapshot(older) is None
    assert quick_read.read(older, "x") is None
    damaged = tmp_path / "damaged.parround"
    damaged.write_bytes(b"not a database" * 100)
    assert quick_open.snapshot(damaged) is None
    assert quick_open.snapshot(tmp_path / "missing.parround") is None
    if os.geteuid() != 0:  # root writes anyway
        os.chmod(ws.path, 0o444)
        try:
            assert quick_open.snapshot(ws.path) is None
        finally:
            os.chmod(ws.path, 0o644)


def test_a_frozen_workspace_reads_the_same(ws: RoundContext) -> None:
    path = ws.path
    ws.close()
    with sqlite3.connect(path) as db:  # the phase a workspace reads as its round's frozen
        db.execute("UPDATE round SET phase = ?", (Phase.FROZEN.value,))
    with open_round(path) as ctx:
        shot = quick_open.snapshot(path)
        assert shot is not None
        assert shot.info.phase is Phase.FROZEN
        _assert_same(shot, ctx)


def test_the_secretarys_round_and_round_two_are_declined(tmp_path: Path) -> None:
    path, _keys = round2_world.build(tmp_path / "r2")
    assert quick_open.snapshot(path) is None  # the secretary's round: not a workspace
    with explanation_world.opened(path) as ctx:
        package = packages.build_member_package(ctx, "m1", tmp_path / "pkg").path
    with packages.open_member_package(package, tmp_path / "ws", clock=clock, actor="m1") as ws:
        assert rounds.round_info(ws).phase is Phase.ROUND_2
        assert quick_read.read(ws.path, "m1") is not None  # readable, but round 2's sheets
        assert quick_open.snapshot(ws.path) is None  # need the explanations: the store opens it
