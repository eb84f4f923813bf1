"""The Help menu both windows carry: the offline user manual, the window's keyboard shortcuts, and
About (version, Python and Qt versions, licences of Qt and the bundled fonts).

The manual is Markdown in ``resources/manual/<lang>.md`` with its screenshots beside it, shown in a
``QTextBrowser``: bundled with the app, nothing is fetched.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from parapp import __version__, paths
from parapp.core.messages import Lang
from parapp.ui.widgets import i18n

DIALOG_SIZE = (900, 640)
"""Fits a 1366×768 screen with the taskbar and the window frame."""


def manual_file(lang: Lang | str | None = None) -> Path:
    """The manual in ``lang`` (the interface language by default)."""
    chosen = i18n.parse_lang(lang) if lang is not None else i18n.current_lang()
    return paths.resource("manual", f"{chosen.value}.md")


class ManualDialog(QDialog):
    """The user manual, with its screenshots, in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(*DIALOG_SIZE)
        self.load()

    def load(self) -> None:
        path = manual_file()
        self.setWindowTitle(self.tr("parapp user manual"))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.load()
        super().changeEvent(event)


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every action of ``window`` that has a shortcut, in menu order, keys as
    the user reads them (native text, e.g. "Ctrl+Shift+S")."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        name = action.text().replace("&", "").rstrip(".…").strip()
        if keys and name and (name, keys) not in rows and name not in seen:
            seen.add(name)
            rows.append((name, keys))
    return rows


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of the window it was opened from, read from its actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcuts_of(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)


def about_html() -> str:
    """Version, platform and licences, in the interface language."""
    versions = (
        QCoreApplication.translate("Help", "Python %1, Qt %2, PySide6 %3, %4")
        .replace("%1", platform.python_version())
        .replace("%2", qVersion())
        .replace("%3", PySide6.__version__)
        .replace("%4", f"{platform.system()} {platform.machine()}")
    )
    licences = [
        QCoreApplication.translate(
            "Help", "Qt and PySide6: GNU LGPL version 3 (The Qt Company), used unmodified."
        ),
        QCoreApplication.translate(
            "Help",
            "Liberation Serif 2.1.5 fonts: SIL Open Font License 1.1 "
            "(resources/fonts/LICENSE-LiberationSerif.txt).",
        ),
        QCoreApplication.translate(
            "Help",
            "pyHanko (MIT), ReportLab (BSD), openpyxl (MIT), SQLAlchemy and Alembic (MIT), "
            "cryptography (Apache 2.0 or BSD), python-pkcs11 (MIT).",
        ),
    ]
    summary = QCoreApplication.translate(
        "Help",
        "Offline appraisal of the PAR Index for appraisal councils: scoring, digital signing, "
        "merging and official printouts.",
    )
    heading = QCoreApplication.translate("Help", "Licences")
    items = "".join(f"<li>{html.escape(t)}</li>" for t in licences)
    return (
        f"<h3>parapp {__version__}</h3><p>{html.escape(summary)}</p>"
        f"<p>{html.escape(versions)}</p>"
        f"<p><b>{html.escape(heading)}</b></p><ul>{items}</ul>"
    )


class HelpMenu(QObject):
    """The "Help" menu added to a main window; re-translates itself on a language change."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.manual_action = QAction(window)
        self.manual_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.manual_action.triggered.connect(self.show_manual)
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(window)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.manual_action, self.shortcuts_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)
        window.menuBar().addMenu(self.menu)
        window.installEventFilter(self)
        self.dialog: QDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Help"))
        self.manual_action.setText(self.tr("&User manual"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About parapp"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show_manual(self) -> ManualDialog:
        dialog = ManualDialog(self.window)
        self._show(dialog)
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        self._show(dialog)
        return dialog

    def show_about(self) -> QDialog:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("About parapp"))
        text = QTextBrowser(dialog)
        text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(620, 420)
        self._show(dialog)
        return dialog

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()


def install_help_menu(window: QMainWindow) -> HelpMenu:
    """Add the Help menu (F1: the manual) to ``window``."""
    return HelpMenu(window)
