"""The scoring window shown from a snapshot of the workspace (before the store is loaded): it
shows what the window on the open store shows, in appraisal round 1 and round 2; the first edit
opens the store and is saved as always (in round 2, as a round-2 score); at hand-over a file
changed since the snapshot is reloaded from the store."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.core.rounds import Phase
from parapp.services import member_view, packages, quick_open, rounds, scoring
from parapp.services.context import open_round
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.quick_open import LazyRound
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.models.score_tree_model import ROUND_2_COLUMNS, Column
from parapp.ui.widgets import i18n
from tests.services import explanation_world, round2_world
from tests.services.merge_world import clock

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_demo(out)
    return out


@pytest.fixture
def workspace(demo_dir: Path, tmp_path: Path) -> Path:
    with open_first_member_workspace(demo_dir, tmp_path / "ws") as ctx:
        return ctx.path


def _window(qtbot: QtBot, source: object, member: str, tmp_path: Path) -> ScoringWindow:
    i18n.install(Lang.VI)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = ScoringWindow(source, member, Lang.VI, settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(window.isVisible)
    return window


def _shown(window: ScoringWindow) -> tuple[object, ...]:
    pane = window.ui.units_pane.model()
    rows = tuple(pane.overview(r) for r in range(pane.rowCount()))
    return (
        window.windowTitle(),
        window.status_text(),
        rows,
        window.ui.units_pane.current_unit_id(),
        window.current_code(),
        window.model().sheet(),
        window.submit_actions.sign_action.text(),
    )


def _stored(path: Path, unit: str, code: str) -> list[tuple[str | None]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT value FROM score WHERE unit_id = ? AND node_code = ?", (unit, code)
        ).fetchall()


def test_the_snapshot_shows_what_the_store_shows_and_an_edit_opens_it(
    qtbot: QtBot, workspace: Path, tmp_path: Path
) -> None:
    shot = quick_open.snapshot(workspace)
    assert shot is not None
    lazy = LazyRound(shot, actor=shot.member_id)
    quick = _window(qtbot, lazy, shot.member_id, tmp_path / "a")
    assert not quick.store_is_open()
    with open_round(workspace) as ctx:
        full = _window(qtbot, ctx, shot.member_id, tmp_path / "b")
        assert _shown(quick) == _shown(full)
        full.close()
    assert not quick.store_is_open()  # showing and moving around needs no store
    unit = quick.ui.units_pane.current_unit_id()
    code = quick.current_code()
    assert unit is not None
    assert code is not None
    value = "1" if quick.model().entry(code).appraised == Decimal(0) else "0"
    assert quick.model().setData(quick.model().index_of(code, Column.APPRAISED), value)
    assert quick.store_is_open()  # the edit opened the store and saved through it
    assert _stored(workspace, unit, code) == [(value,)]
    assert quick.model().entry(code).appraised == Decimal(value)
    quick.undo_stack().undo()
    assert _stored(workspace, unit, code) == [(None,)]
    quick.close()
    lazy.close()


def test_at_hand_over_a_changed_file_is_reloaded_from_the_store(
    qtbot: QtBot, workspace: Path, tmp_path: Path
) -> None:
    shot = quick_open.snapshot(workspace)
    assert shot is not None
    member = shot.member_id
    first = shot.sheets[0]
    with open_round(workspace) as ctx:  # another writer, after the snapshot was read
        code = next(
            leaf.code
            for leaf in ctx.criteria_set().leaves()
            if member_view.is_editable(leaf, first.areas)
            and member_view.applies(ctx.criteria_set(), leaf.code, first.unit.unit_type)
            and leaf.code not in first.entries
        )
        scoring.save_appraisal(ctx, member, first.unit.id, code, "0,5")
        expected = member_view.unit_overview(ctx, member)
    lazy = LazyRound(shot, actor=member)
    window = _window(qtbot, lazy, member, tmp_path)
    window.select_code(code)
    assert window.model().entry(code).appraised is None  # the snapshot, as read
    window.open_store_later()
    qtbot.waitUntil(window.store_is_open)
    qtbot.waitUntil(lambda: window.model().entry(code).appraised == Decimal("0.5"))
    pane = window.ui.units_pane.model()
    assert [pane.overview(r) for r in range(pane.rowCount())] == expected
    assert window.ui.units_pane.current_unit_id() == first.unit.id
    assert window.current_code() == code  # the place is kept
    window.close()
    lazy.close()


def test_an_unchanged_file_is_handed_over_without_a_reload(
    qtbot: QtBot, workspace: Path, tmp_path: Path
) -> None:
    shot = quick_open.snapshot(workspace)
    assert shot is not None
    lazy = LazyRound(shot, actor=shot.member_id)
    window = _window(qtbot, lazy, shot.member_id, tmp_path)
    sheet = window.model().sheet()
    window.open_store_later()
    qtbot.waitUntil(window.store_is_open)
    qtbot.wait(20)
    assert window.model().sheet() is sheet  # the model was not rebuilt
    assert rounds.round_info(window.store()) == shot.info
    window.close()
    lazy.close()


@pytest.fixture(scope="module")
def round2_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """m1's round-2 package (tests/services/round2_world.py): A explains 1.1 with a new PDF."""
    folder = tmp_path_factory.mktemp("round2")
    path, _keys = round2_world.build(folder)
    with explanation_world.opened(path) as ctx:
        return packages.build_member_package(ctx, "m1", folder / "pkg").path


def _round_2_shown(window: ScoringWindow) -> tuple[object, ...]:
    """What the round-2 window shows of its explained item: columns, the tree's row, the detail
    pane's facts, explanation and evidence."""
    tree, model, detail = window.ui.criteria_tree, window.model(), window.ui.detail_pane
    assert window.select_code("1.1")
    evidence = detail.ui.evidence_list
    return (
        tuple(tree.isColumnHidden(c) for c in Column),
        tuple(model.index_of("1.1", c).data() for c in Column),
        detail.code(),
        detail.ui.facts_label.text(),
        detail.ui.explanation_browser.toPlainText(),
        tuple(evidence.item(i).text() for i in range(evidence.count())),
    )


def test_a_round_2_window_from_the_snapshot_is_the_stores_and_saves_round_2(
    qtbot: QtBot, round2_package: Path, tmp_path: Path
) -> None:
    with packages.open_member_package(
        round2_package, tmp_path / "ws", clock=clock, actor="m1"
    ) as ctx:
        workspace = ctx.path
    shot = quick_open.snapshot(workspace)
    assert shot is not None
    assert shot.info.phase is Phase.ROUND_2
    lazy = LazyRound(shot, actor="m1")
    quick = _window(qtbot, lazy, "m1", tmp_path / "a")
    assert not quick.store_is_open()
    with open_round(workspace) as ctx:
        full = _window(qtbot, ctx, "m1", tmp_path / "b")
        assert _shown(quick) == _shown(full)
        assert _round_2_shown(quick) == _round_2_shown(full)
        full.close()
    assert not quick.store_is_open()  # showing the explanation needs no store
    assert all(not quick.ui.criteria_tree.isColumnHidden(c) for c in ROUND_2_COLUMNS)
    assert round2_world.EXPLANATION in quick.ui.detail_pane.ui.explanation_browser.toPlainText()
    assert quick.ui.units_pane.current_unit_id() == "A"
    assert quick.model().setData(quick.model().index_of("1.1", Column.APPRAISED), "3,5")
    assert quick.store_is_open()  # the edit at ready opened the store and saved through it
    with sqlite3.connect(workspace) as db:
        rows = db.execute(
            "SELECT appraisal_round, value FROM score WHERE unit_id = 'A' AND node_code = '1.1'"
            " ORDER BY appraisal_round"
        ).fetchall()
    assert rows == [(1, "3"), (2, "3.5")]  # round 1 kept, the edit is round 2's
    assert quick.model().index_of("1.1", Column.APPRAISED).data() == "3,50"
    assert quick.model().index_of("1.1", Column.OWN_ROUND_1).data() == "3,00"
    quick.close()
    lazy.close()
