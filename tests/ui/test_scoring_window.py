"""The scoring window with real keystrokes on the demo workspace: entry, flags, totals, undo,
reopening, comments, level shortcuts, filters and search."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import scoring
from parapp.services.context import RoundContext
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.rounds import round_info
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.models.score_tree_model import Column
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import open_error_boxes

pytestmark = pytest.mark.gui
UNIT = "SCT"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_demo(out)
    return out


@pytest.fixture
def ctx(demo_dir: Path, tmp_path: Path) -> Iterator[RoundContext]:
    with open_first_member_workspace(demo_dir, tmp_path / "ws") as opened:
        yield opened


def _member(ctx: RoundContext) -> str:
    member = round_info(ctx).workspace_member_id
    assert member is not None
    return member


def _window(qtbot: QtBot, ctx: RoundContext, tmp_path: Path) -> ScoringWindow:
    i18n.install(Lang.VI)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = ScoringWindow(ctx, _member(ctx), Lang.VI, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _type_score(qtbot: QtBot, window: ScoringWindow, code: str, text: str) -> None:
    assert window.select_code(code)
    tree = window.ui.criteria_tree
    QTest.keyClicks(tree, text[0])
    editor = tree.indexWidget(tree.currentIndex())
    assert isinstance(editor, QWidget), "typing a digit opens the score editor"
    if len(text) > 1:
        QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes its editor through a queued call.
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)


def _stored(ctx: RoundContext, code: str) -> Decimal | None:
    return scoring.load_sheet(ctx, _member(ctx), UNIT).entries[code].appraised


def test_above_max_is_flagged_totals_change_undo_redo_and_reopen(
    qtbot: QtBot, ctx: RoundContext, demo_dir: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    before = window.status_text()
    _type_score(qtbot, window, "1.1.1", "5")
    model = window.model()
    assert model.entry("1.1.1").appraised == Decimal(5)  # kept as typed, never clamped
    assert _stored(ctx, "1.1.1") == Decimal(5)
    cell = model.index_of("1.1.1", Column.APPRAISED)
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150
    assert any("vượt điểm tối đa" in t for t in window.ui.findings_pane.texts())
    assert window.status_text() != before
    assert model.index_of("1.1", Column.APPRAISED).data() == "5,00"
    assert window.current_code() == "1.1.2"  # Enter moved to the next leaf

    QTest.keyClick(window.ui.criteria_tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.entry("1.1.1").appraised is None
    assert _stored(ctx, "1.1.1") is None
    assert window.status_text() == before
    QTest.keyClick(
        window.ui.criteria_tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _stored(ctx, "1.1.1") == Decimal(5)

    _type_score(qtbot, window, "1.1.2", "0.5")  # the point is accepted as well as the comma
    window.close()
    ctx.close()
    with open_first_member_workspace(demo_dir, tmp_path / "ws") as again:
        reopened = _window(qtbot, again, tmp_path)
        assert reopened.model().entry("1.1.1").appraised == Decimal(5)
        assert reopened.model().entry("1.1.2").appraised == Decimal("0.5")
        assert any("vượt điểm tối đa" in t for t in reopened.ui.findings_pane.texts())
        reopened.close()


def test_a_difference_needs_a_comment(qtbot: QtBot, ctx: RoundContext, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, tmp_path)
    _type_score(qtbot, window, "1.1.1", "0,5")
    assert window.model().node_flags("1.1.1")
    assert any("chưa có ý kiến" in t for t in window.ui.findings_pane.texts())
    window.select_code("1.1.1")
    comment = window.ui.detail_pane.ui.comment_edit
    comment.setFocus()
    QTest.keyClicks(comment, "Ban hanh cham")  # QTest types ASCII only
    QTest.keyClick(comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.model().node_flags("1.1.1") == ()
    assert not any("chưa có ý kiến" in t for t in window.ui.findings_pane.texts())
    assert scoring.load_sheet(ctx, _member(ctx), UNIT).entries["1.1.1"].comment == "Ban hanh cham"
    window.undo_stack().undo()
    assert window.model().node_flags("1.1.1")


def test_level_shortcuts_and_buttons(qtbot: QtBot, ctx: RoundContext, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.select_code("1.1.1")
    QTest.keyClick(window.ui.criteria_tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "1.1.1") == Decimal("0.5")
    assert window.current_code() == "1.1.2"
    window.select_code("1.1.3")
    buttons = window.ui.detail_pane.level_buttons()
    assert buttons
    QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert _stored(ctx, "1.1.3") == Decimal(1)


def test_refused_text_keeps_the_value_and_shows_why(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.select_code("1.1.1")
    edit = window.ui.detail_pane.ui.score_edit
    edit.setFocus()
    edit.clear()
    QTest.keyClicks(edit, "1e3")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert open_error_boxes() == ()  # inline, not a dialog (test_scoring_inline_error.py)
    assert edit.text() == "1e3"
    assert "1e3" in window.ui.status_bar.currentMessage()
    assert _stored(ctx, "1.1.1") is None
    assert window.undo_stack().count() == 0


def test_filters_and_search_without_diacritics(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    proxy = window.proxy()
    visible = proxy.rowCount()
    window.ui.area_combo.setCurrentIndex(window.ui.area_combo.findData(None))
    assert proxy.rowCount() > visible
    QTest.keyClicks(window.ui.search_edit, "thu tuc")
    assert window.select_code("3")
    assert "thủ tục" in window.model().index_of("3", Column.NAME).data().lower()
    window.ui.search_edit.clear()
    window.ui.flagged_check.setChecked(True)
    assert not window.select_code("1.1.1")
    _type_score_via_detail = window.ui.detail_pane
    window.ui.flagged_check.setChecked(False)
    window.ui.unscored_check.setChecked(True)
    assert window.select_code("1.1.1")
    _type_score(qtbot, window, "1.1.1", "1")
    assert not window.select_code("1.1.1")
    assert _type_score_via_detail is not None


def test_font_size_and_layout_are_kept(qtbot: QtBot, ctx: RoundContext, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, tmp_path)
    size = window.font().pointSizeF()
    window.ui.larger_font_action.trigger()
    assert window.font().pointSizeF() == size + 1
    window.close()
    again = _window(qtbot, ctx, tmp_path)
    assert again.font().pointSizeF() == size + 1


def test_not_applicable_is_ticked_with_the_mouse_saved_and_undone(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.open_unit(UNIT)
    code = "1.1.2"
    assert window.select_code(code)
    tree = window.ui.criteria_tree
    cell = tree.currentIndex().siblingAtColumn(Column.NOT_APPLICABLE)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(cell)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    delegate = tree.itemDelegateForIndex(cell)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, cell)
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    member = _member(ctx)
    qtbot.waitUntil(
        lambda: scoring.load_sheet(ctx, member, UNIT).entries[code].not_applicable is True
    )
    result = window.model().result()
    assert result is not None
    assert result.totals[code].applicable is False
    window.undo_stack().undo()
    assert scoring.load_sheet(ctx, member, UNIT).entries[code].not_applicable is False
