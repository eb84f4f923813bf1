"""Typing a non-number in the scoring window: one inline message (red editor, red status text),
the text kept in the open editor to fix, no dialog, the cursor stays; a valid entry then saves
and moves on. Real key presses on the demo workspace."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from parapp.services.context import RoundContext
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.widgets.errors import open_error_boxes
from tests.ui.test_scoring_window import _stored, _window, ctx, demo_dir  # noqa: F401

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))


def _message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _editor(window: ScoringWindow) -> QLineEdit | None:
    tree = window.ui.criteria_tree
    editor = tree.indexWidget(tree.currentIndex())
    return editor if isinstance(editor, QLineEdit) else None


def _is_red(edit: QLineEdit) -> bool:
    return edit.property("refused") is True and "background" in edit.styleSheet()


def test_a_non_number_is_refused_inline_and_kept_to_fix(
    qtbot: QtBot,
    ctx: RoundContext,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    boxes: list[object] = []
    qtbot.waitUntil(lambda: window.current_code() is not None)
    assert window.select_code("1.1.1")
    tree = window.ui.criteria_tree
    QTest.keyClicks(tree, "a")  # any key opens the score editor
    editor = _editor(window)
    assert editor is not None
    QTest.keyClicks(editor, "bc")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    boxes.extend(_message_boxes())
    boxes.extend(open_error_boxes())
    assert boxes == []  # no dialog, not even one
    assert tree.state() == QAbstractItemView.State.EditingState
    assert _editor(window) is editor  # the same editor, still open
    assert editor.text() == "abc"  # nothing swallowed
    assert editor.hasFocus()
    assert _is_red(editor)
    status = window.ui.status_bar.currentMessage()
    assert "abc" in status
    assert "số" in status  # the core's Vietnamese reason
    assert window.current_code() == "1.1.1"  # the cursor did not move
    assert _stored(ctx, "1.1.1") is None
    assert window.undo_stack().count() == 0

    # More keys go into the editor; Return again refuses again, still without a dialog.
    QTest.keyClicks(editor, "!")
    assert editor.text() == "abc!"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert _message_boxes() == []
    assert open_error_boxes() == ()
    assert _editor(window) is editor

    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "small-inline-error.png"))

    # Fixing the text clears the marks; a valid entry saves and moves on.
    editor.selectAll()
    QTest.keyClicks(editor, "0,5")
    assert not _is_red(editor)
    assert window.ui.status_bar.currentMessage() == ""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    assert _stored(ctx, "1.1.1") == Decimal("0.5")
    assert window.current_code() == "1.1.2"
    assert _message_boxes() == []


def test_the_detail_pane_refuses_inline_too(
    qtbot: QtBot,
    ctx: RoundContext,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.select_code("1.1.1")
    edit = window.ui.detail_pane.ui.score_edit
    edit.setFocus()
    edit.clear()
    QTest.keyClicks(edit, "1e3")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert _message_boxes() == []
    assert open_error_boxes() == ()
    assert edit.text() == "1e3"
    assert _is_red(edit)
    assert "1e3" in window.ui.status_bar.currentMessage()
    assert window.current_code() == "1.1.1"
    assert _stored(ctx, "1.1.1") is None
    edit.selectAll()
    QTest.keyClicks(edit, "1")
    assert not _is_red(edit)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert _stored(ctx, "1.1.1") == Decimal(1)
    assert window.current_code() == "1.1.2"


def test_leaving_a_refused_text_closes_the_editor_without_a_dialog(
    qtbot: QtBot,
    ctx: RoundContext,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    assert window.select_code("1.1.1")
    tree = window.ui.criteria_tree
    QTest.keyClicks(tree, "x")
    editor = _editor(window)
    assert editor is not None
    window.ui.search_edit.setFocus()  # the member clicks elsewhere
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    assert _message_boxes() == []
    assert open_error_boxes() == ()
    assert "“x”" in window.ui.status_bar.currentMessage()
    assert window.ui.search_edit.property("refused") is not True  # not the wrong field
    assert _stored(ctx, "1.1.1") is None
