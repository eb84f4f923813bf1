"""The window ``parapp`` shows without arguments: open a package or a workspace, a recent file, or
the demo. It only asks; ``ui/app.py`` opens what was chosen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QPushButton, QWidget

from parapp.ui.forms.ui_start_page import Ui_StartPage
from parapp.ui.widgets import i18n
from parapp.ui.widgets.recent_files import Kind, RecentFiles

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole
CARD_WIDTH = 760
"""The page's column of text and buttons, at most (wider only when the buttons need it)."""


class StartPage(QWidget):
    """Buttons for the three ways in and the recent packages, rounds and workspaces, each named
    by kind (missing ones greyed, not opened), then the workspaces of the data folder."""

    open_requested = Signal(object)
    """A file was chosen (a ``Path`` to a .parpkg or .parround)."""
    demo_requested = Signal()

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._recent = recent
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.8)
        title_font.setBold(True)
        self.ui.title_label.setFont(title_font)
        self.ui.demo_button.setDefault(True)
        # The secretary's way in: set up a new round step by step (the wizard, then its window).
        self.new_round_button = QPushButton(self.tr("New appraisal round…"), self)
        self.new_round_button.setObjectName("new_round_button")
        self.ui.actions_layout.insertWidget(2, self.new_round_button)
        self.new_round_button.clicked.connect(self.new_round)
        self.wizard: QWidget | None = None
        self._connect_signals()
        self._keep_buttons_whole()
        self.refresh()

    def _keep_buttons_whole(self) -> None:
        """The buttons' texts are never cut: the layout may not squeeze a button below its text
        (the page then asks for more width, still well within 1366 px)."""
        layout = self.ui.actions_layout
        needed = 0
        for index in range(layout.count()):
            item = layout.itemAt(index)
            button = item.widget() if item is not None else None
            if isinstance(button, QPushButton):
                button.setMinimumWidth(0)
                button.setMinimumWidth(button.sizeHint().width())
                needed += button.minimumWidth() + layout.spacing()
        margins = self.ui.card_layout.contentsMargins()
        card = self.ui.card_widget
        card.setMaximumWidth(max(CARD_WIDTH, needed + margins.left() + margins.right()))

    def _connect_signals(self) -> None:
        self.ui.open_package_button.clicked.connect(self.choose_package)
        self.ui.open_workspace_button.clicked.connect(self.choose_workspace)
        self.ui.demo_button.clicked.connect(self.demo_requested)
        self.ui.recent_list.itemActivated.connect(self._open_item)
        self.ui.recent_list.currentItemChanged.connect(self._update_buttons)
        self.ui.open_recent_button.clicked.connect(self._open_current)
        self.ui.forget_missing_button.clicked.connect(self.forget_missing)

    # -- the recent list ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the recent files and check which still exist."""
        listing = self.ui.recent_list
        listing.clear()
        missing_text = self.tr("%1 — not found")
        missing_tip = self.tr(
            "%1\nNot found: the drive may be unplugged, or the file was moved or deleted."
        )
        kinds = {
            Kind.PACKAGE: self.tr("Scoring package"),
            Kind.WORKSPACE: self.tr("Workspace"),
            Kind.ROUND: self.tr("Appraisal round"),
        }
        listing.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for entry in self._recent.entries():
            item = QListWidgetItem()
            item.setData(PATH_ROLE, str(entry.path))
            item.setToolTip(str(entry.path))
            label = kinds[entry.kind]
            if entry.exists:
                item.setText(f"{label}: {entry.path.name}    ({entry.path.parent})")
            else:
                item.setText(f"{label}: " + missing_text.replace("%1", entry.path.name))
                item.setToolTip(missing_tip.replace("%1", str(entry.path)))
                # Greyed rather than dropped: the file may be on a drive that is not plugged in.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            listing.addItem(item)
        empty = listing.count() == 0
        listing.setVisible(not empty)
        self.ui.empty_label.setVisible(empty)
        self.ui.forget_missing_button.setEnabled(any(not e.exists for e in self._recent.entries()))
        enabled = [i for i in range(listing.count()) if self.is_available(i)]
        first = enabled[0] if enabled else -1
        listing.setCurrentRow(first)
        self._update_buttons()

    def recent_paths(self) -> list[Path]:
        """The listed paths, in order (tests and the window read them)."""
        listing = self.ui.recent_list
        return [Path(str(listing.item(i).data(PATH_ROLE))) for i in range(listing.count())]

    def is_available(self, row: int) -> bool:
        """Whether the listed file at ``row`` exists (enabled) or is greyed."""
        return bool(self.ui.recent_list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled)

    def forget_missing(self) -> None:
        """Drop the greyed entries from the list and the settings."""
        gone = self._recent.prune_missing()
        log.info("forgot %d missing recent file(s)", len(gone))
        self.refresh()

    def _update_buttons(self) -> None:
        item = self.ui.recent_list.currentItem()
        self.ui.open_recent_button.setEnabled(
            item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
        )

    def _open_current(self) -> None:
        item = self.ui.recent_list.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.open_requested.emit(Path(str(item.data(PATH_ROLE))))

    # -- file dialogs (never run in tests: they are modal) ------------------------------------

    def choose_package(self) -> None:
        """Ask for a scoring package and request it."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open scoring package"),
            self._start_folder(),
            self.tr("Scoring packages (*.parpkg)"),
        )
        if name:
            self.open_requested.emit(Path(name))

    def choose_workspace(self) -> None:
        """Ask for a workspace or round file and request it."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open workspace"),
            self._start_folder(),
            self.tr("Workspaces and rounds (*.parround)"),
        )
        if name:
            self.open_requested.emit(Path(name))

    def new_round(self) -> QWidget:
        """Show the new-round wizard; the round it sets up is then requested like an opened
        file."""
        from parapp.ui.secretary.wizard.new_round_wizard import NewRoundWizard  # noqa: PLC0415

        wizard = NewRoundWizard(Path(self._start_folder()), i18n.current_lang(), self)
        wizard.setWindowFlag(Qt.WindowType.Window, True)
        wizard.finished_round.connect(self.open_requested)
        wizard.resize(1280, 720)
        wizard.show()
        self.wizard = wizard
        return wizard

    def _start_folder(self) -> str:
        existing = [e.path.parent for e in self._recent.entries() if e.exists]
        return str(existing[0]) if existing else str(Path.home())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate the form and the list when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
            self.new_round_button.setText(self.tr("New appraisal round…"))
            self._keep_buttons_whole()
            self.refresh()
        super().changeEvent(event)
