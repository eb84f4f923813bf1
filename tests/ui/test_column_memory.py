"""Columns fit their contents, but a width the user dragged stays after every refill and at the
next start (QSettings), in the secretary's window on a real merged demo round."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import merge
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import year as demo
from parapp.services.demo.result import DemoResult
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import i18n

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return demo.build_demo(tmp_path_factory.mktemp("demo") / "out", submissions=True)


@pytest.fixture
def ctx(built: DemoResult, tmp_path: Path) -> Iterator[RoundContext]:
    target = tmp_path / built.rounds[0].path.name
    shutil.copy2(built.rounds[0].path, target)
    with open_round(target, actor="thu-ky") as opened:
        merge.merge_submissions(opened, list(built.rounds[0].submissions))
        yield opened


def _open(qtbot: QtBot, ctx: RoundContext, settings: QSettings) -> SecretaryWindow:
    i18n.install(Lang.VI)
    window = SecretaryWindow(ctx, Lang.VI, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.show_tab(window.results_pane)
    QApplication.processEvents()
    return window


def _drag_right_edge(table: QTableView, column: int, by: int) -> None:
    """The user drags the right edge of ``column``'s header by ``by`` pixels."""
    header = table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()
    QTest.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y)
    )
    QTest.mouseMove(viewport, QPoint(edge + by // 2, y))
    QTest.mouseMove(viewport, QPoint(edge + by, y))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge + by, y)
    )
    QApplication.processEvents()


def test_a_dragged_width_survives_refills_and_restarts(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = _open(qtbot, ctx, settings)
    table = window.results_pane.ui.results_table
    header = table.horizontalHeader()
    fitted_rank = header.sectionSize(0)
    assert fitted_rank >= table.sizeHintForColumn(0)  # fitted to the "1/19" cells
    _drag_right_edge(table, 0, 80)
    wide = header.sectionSize(0)
    assert wide >= fitted_rank + 60
    assert window.column_memory.widths("results") == {0: wide}

    window.results_pane.refresh()  # the pane fits its columns again on every refill
    qtbot.waitUntil(lambda: header.sectionSize(0) == wide)
    assert header.sectionSize(3) < wide * 3  # the others stay fitted to their contents
    window.close()

    again = _open(qtbot, ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    table = again.results_pane.ui.results_table
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(0) == wide)
    again.column_memory.forget("results")
    again.results_pane.refresh()
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(0) < wide)
    again.close()
    i18n.reset()
