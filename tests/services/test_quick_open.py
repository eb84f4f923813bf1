"""The snapshot a member's scoring window shows first (plain sqlite3, read-only) equals what the
scoring services read through the ORM store, field by field, in appraisal round 1 and round 2
(explanations with their new evidence, the own and the consolidated round-1 scores, round-2
scores typed); anything it cannot show exactly (another schema, the secretary's round, a
read-only file, round-2 data the store would read otherwise) is declined."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.rounds import Assignment, Phase
from parapp.services import context as context_service
from parapp.services import (
    member_view,
    packages,
    quick_open,
    resubmission,
    round2,
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
        opened = shot.sheet(sheet.unit.id)
        assert opened == scoring.load_sheet(ctx, member, sheet.unit.id)
        assert opened is not None
        if shot.info.phase is Phase.ROUND_2:
            assert opened.round_2 == round2.round2_items(ctx, member, sheet.unit.id, sheet.areas)
        else:
            assert opened.round_2 is None
    assert shot.submitted == (resubmission.last_submission(ctx, member) is not None)
    assert quick_open.same_as_store(shot, ctx)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_constants_are_the_stores() -> None:
    assert quick_read.SCHEMA_HEAD == database.SCHEMA_HEAD  # itself checked against Alembic
    assert quick_open.LAST_SUBMISSION_KEY == resubmission.LAST_KEY
    assert quick_open.CONSOLIDATED_KEY == round2.CONSOLIDATED_KEY
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


def test_the_secretarys_round_is_declined(tmp_path: Path) -> None:
    path, _keys = round2_world.build(tmp_path / "r2")
    assert quick_read.read(path, "m1") is not None  # readable, but its round-1 scores are
    assert quick_open.snapshot(path) is None  # consolidated from every member's: not a workspace


# -- appraisal round 2 --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def round2_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """m1's round-2 package: A explains 1.1 (proposed 4, a new PDF cited at page 2; m1 and the
    council scored 3 in round 1); B explains 1.2 (m1: 4 in round 1) and 2.1 (m1 did not score it,
    m3 did: the council's 4), with no proposed score and no evidence."""
    folder = tmp_path_factory.mktemp("round2")
    path, _keys = round2_world.build(folder)
    with explanation_world.opened(path) as ctx:
        round2_world.explain(ctx, "B", "1.2", "2.1")
        return packages.build_member_package(ctx, "m1", folder / "pkg").path


@pytest.fixture
def ws2(round2_package: Path, tmp_path: Path) -> Iterator[RoundContext]:
    with packages.open_member_package(
        round2_package, tmp_path / "ws", clock=clock, actor="m1"
    ) as ctx:
        yield ctx


def test_a_round_2_workspace_reads_the_same_as_through_the_store(ws2: RoundContext) -> None:
    assert rounds.round_info(ws2).phase is Phase.ROUND_2
    shot = quick_open.snapshot(ws2.path)
    assert shot is not None
    _assert_same(shot, ws2)
    assert shot.round_2 is not None
    a, b = shot.round_2["A"]["1.1"], shot.round_2["B"]
    assert a.explanation.text == round2_world.EXPLANATION
    assert a.explanation.proposed == Decimal(4)
    assert [(r.file_name, r.page) for r in a.explanation.evidence] == [
        (round2_world.NEW_EVIDENCE, round2_world.NEW_PAGE)
    ]
    assert a.explanation.evidence[0].sha256 is not None
    assert a.own_round_1 is not None
    assert a.own_round_1.value == Decimal(3)
    assert a.consolidated_round_1 is not None
    assert a.consolidated_round_1.value == Decimal(3)
    assert list(b) == ["1.2", "2.1"]  # the explanation's order
    assert b["2.1"].own_round_1 is None  # m1 did not score it in round 1
    assert b["2.1"].consolidated_round_1 is not None
    assert b["2.1"].consolidated_round_1.value == Decimal(4)
    assert [s.explained for s in shot.sheets] == [frozenset({"1.1"}), frozenset({"1.2", "2.1"})]


def test_round_2_scores_comments_and_not_applicable_read_the_same(ws2: RoundContext) -> None:
    scoring.save_appraisal(ws2, "m1", "A", "1.1", "3,5")
    scoring.save_comment(ws2, "m1", "A", "1.1", "Tài liệu mới đủ căn cứ một phần")
    scoring.set_not_applicable(ws2, "m1", "B", "1.2", True)
    scoring.save_comment(ws2, "m1", "B", "2.1", "Chỉ có ý kiến, chưa chấm lại")
    with sqlite3.connect(ws2.path) as db:  # every edit is a round-2 row beside round 1's
        rows = db.execute(
            "SELECT unit_id, node_code, appraisal_round, value, not_applicable FROM score"
            " WHERE appraisal_round = 2 ORDER BY unit_id, node_code"
        ).fetchall()
    assert rows == [("A", "1.1", 2, "3.5", 0), ("B", "1.2", 2, "4", 1), ("B", "2.1", 2, None, 0)]
    shot = quick_open.snapshot(ws2.path)
    assert shot is not None
    _assert_same(shot, ws2)
    a, b = shot.sheet("A"), shot.sheet("B")
    assert a is not None
    assert b is not None
    assert a.entries["1.1"].appraised == Decimal("3.5")  # round 2 over round 1
    assert a.round_2 is not None
    assert a.round_2["1.1"].own_round_1 is not None
    assert a.round_2["1.1"].own_round_1.value == Decimal(3)  # round 1 still shown beside it
    assert b.entries["1.2"].not_applicable
    assert b.entries["2.1"].comment == "Chỉ có ý kiến, chưa chấm lại"


def test_a_round_2_item_changed_since_the_snapshot_is_not_the_snapshot(
    ws2: RoundContext,
) -> None:
    scoring.save_appraisal(ws2, "m1", "A", "1.1", "4")  # round 2 hides round 1 in the sheets
    shot = quick_open.snapshot(ws2.path)
    assert shot is not None
    assert quick_open.same_as_store(shot, ws2)
    with sqlite3.connect(ws2.path) as db:  # another writer: round 1's comment, then the text
        db.execute(
            "UPDATE score SET comment = 'Ý kiến lần 1' WHERE unit_id = 'A' AND appraisal_round = 1"
        )
    assert tuple(scoring.unit_sheets(ws2, "m1")) == shot.sheets  # the sheets cannot tell
    assert not quick_open.same_as_store(shot, ws2)
    again = quick_open.snapshot(ws2.path)
    assert again is not None
    assert quick_open.same_as_store(again, ws2)
    with sqlite3.connect(ws2.path) as db:
        db.execute("UPDATE explanation SET text = 'Giải trình đã sửa' WHERE node_code = '1.1'")
    assert not quick_open.same_as_store(again, ws2)


def test_round_2_data_the_store_reads_otherwise_is_declined(ws2: RoundContext) -> None:
    path = ws2.path
    ws2.close()
    shot = quick_open.snapshot(path)
    assert shot is not None
    with sqlite3.connect(path) as db:  # kept consolidated scores the store fails to read
        (kept,) = db.execute(
            "SELECT value FROM setting WHERE key = ?", (round2.CONSOLIDATED_KEY,)
        ).fetchone()
        db.execute(
            "UPDATE setting SET value = ? WHERE key = ?", ('{"A": [1]}', round2.CONSOLIDATED_KEY)
        )
    with open_round(path) as ctx, pytest.raises(AttributeError):
        scoring.load_sheet(ctx, "m1", "A")
    assert quick_open.snapshot(path) is None
    with sqlite3.connect(path) as db:
        db.execute("UPDATE setting SET value = ? WHERE key = ?", (kept, round2.CONSOLIDATED_KEY))
        db.commit()
        assert quick_open.snapshot(path) == shot
        # Two current explanations of a unit: the store's ``current`` takes either one.
        (first,) = db.execute("SELECT id FROM explanation_import WHERE unit_id = 'B'").fetchone()
        db.execute(
            "INSERT INTO explanation_import (unit_id, file_name, form_sha256, form_serial,"
            " imported_at, actor, approver_name, approver_title, approved_on, replaces, status)"
            " SELECT unit_id, 'B2.xlsx', form_sha256, 'again', imported_at, actor, approver_name,"
            " approver_title, approved_on, id, status FROM explanation_import WHERE id = ?",
            (first,),
        )
    assert quick_open.snapshot(path) is None
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM explanation_import WHERE form_serial = 'again'")
        # Two items at the same position: their order is the database's.
        db.execute("UPDATE explanation SET position = 1 WHERE unit_id = 'B'")
    assert quick_open.snapshot(path) is None


@pytest.fixture(scope="module")
def whole_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's whole year alone (its own round carried to the end): its round-2 workspaces
    are the members' as they re-scored and submitted them."""
    from parapp.services.demo import pki as demo_pki
    from parapp.services.demo import whole_year as whole
    from parapp.services.demo import year

    out = tmp_path_factory.mktemp("whole")
    year._whole_year(out, demo_pki.build_pki(out), None)  # the rest of the demo is not needed
    return out / whole.ROUND2_DIR / "workspaces"


@pytest.mark.slow
def test_the_demo_years_round_2_workspaces_read_the_same(whole_year: Path) -> None:
    found = sorted(whole_year.glob("*.parround"))
    assert len(found) >= 3
    typed = cited = 0
    for path in found:
        shot = quick_open.snapshot(path)
        assert shot is not None, path.name
        assert shot.info.phase is Phase.ROUND_2
        with open_round(path) as ctx:
            _assert_same(shot, ctx)
        assert shot.round_2 is not None
        for sheet in shot.sheets:
            for code, item in shot.round_2[sheet.unit.id].items():
                cited += bool(item.explanation.evidence)
                entry = sheet.entries.get(code)
                typed += entry is not None and entry.appraised is not None and bool(entry.comment)
    assert typed >= len(found)  # every member re-scored with a comment
    assert cited >= len(found)
