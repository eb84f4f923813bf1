"""The Help menu: the bundled manual in the interface language (F1), the window's own shortcuts,
and About with versions and licences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTextBrowser
from pytestqt.qtbot import QtBot

from parapp import __version__
from parapp.core.messages import Lang
from parapp.ui.widgets import help as app_help
from parapp.ui.widgets import i18n

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QMainWindow]:
    i18n.install(Lang.VI)
    main = QMainWindow()
    file_menu = main.menuBar().addMenu("Tệp")
    save = QAction("&Lưu…", main)
    save.setShortcut(QKeySequence("Ctrl+S"))
    file_menu.addAction(save)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    yield main
    i18n.install(Lang.VI)


def test_f1_opens_the_vietnamese_manual_with_both_chapters(
    window: QMainWindow, qtbot: QtBot
) -> None:
    menu = app_help.install_help_menu(window)
    assert menu.menu.title() == "&Trợ giúp"
    assert menu.manual_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    dialog = menu.show_manual()
    text = dialog.browser.toPlainText()
    assert "Hướng dẫn sử dụng parapp" in text
    assert "Chương 1. Thành viên Hội đồng" in text
    assert "Chương 2. Thư ký Hội đồng" in text
    assert dialog.width() <= 1366
    assert dialog.height() <= 768


def test_switching_to_english_retranslates_the_menu_and_the_open_manual(
    window: QMainWindow, qtbot: QtBot
) -> None:
    menu = app_help.install_help_menu(window)
    dialog = menu.show_manual()
    i18n.install(Lang.EN)
    qtbot.waitUntil(lambda: menu.menu.title() == "&Help")
    qtbot.waitUntil(lambda: "parapp user manual" in dialog.browser.toPlainText())
    assert "Chapter 2. The secretary" in dialog.browser.toPlainText()


def test_shortcuts_are_read_from_the_windows_actions(window: QMainWindow) -> None:
    menu = app_help.install_help_menu(window)
    dialog = menu.show_shortcuts()
    cells = [
        (dialog.table.item(r, 0), dialog.table.item(r, 1)) for r in range(dialog.table.rowCount())
    ]
    rows = {
        name.text(): keys.text() for name, keys in cells if name is not None and keys is not None
    }
    assert rows["Lưu"] == "Ctrl+S"
    assert rows["Hướng dẫn sử dụng"] == "F1"


def test_about_names_the_versions_and_the_licences(window: QMainWindow) -> None:
    menu = app_help.install_help_menu(window)
    dialog = menu.show_about()
    [browser] = dialog.findChildren(QTextBrowser)
    text = browser.toPlainText()
    assert f"parapp {__version__}" in text
    assert qVersion() in text
    assert "SIL Open Font License 1.1" in text
    assert "LGPL" in text
    assert "Giấy phép" in text
