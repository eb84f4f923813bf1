"""The secretary's signing dialogs of the year tab: "Round-1 notices" (one unit or all, the
deadline for explanations, place, folder and the secretary's key), and the key alone for
signing the minutes (``key_only``).

The dialog only gathers: the year tab runs the service on a worker with progress and cancel.
The passphrase is read once (``take_key``) and the field cleared; it is never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from parapp.core.messages import Lang
from parapp.core.rounds import Phase, Unit
from parapp.services.signing import Pkcs12Key
from parapp.ui.forms.ui_notices_dialog import Ui_NoticesDialog

DEFAULT_DAYS = 10
"""The deadline offered: ten days after today."""


class NoticesDialog(QDialog):
    """Gathers what issuing round-1 notices (or signing the minutes) needs."""

    def __init__(
        self,
        units: Sequence[Unit],
        parent: QWidget | None = None,
        *,
        selected: str | None = None,
        folder: Path | None = None,
        key_only: bool = False,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NoticesDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        ui = self.ui
        ui.unit_combo.addItem(self.tr("All units (%1)").replace("%1", str(len(units))), None)
        for unit in units:
            ui.unit_combo.addItem(f"{unit.id} — {unit.name}", unit.id)
        if selected is not None:
            ui.unit_combo.setCurrentIndex(max(ui.unit_combo.findData(selected), 0))
        ui.deadline_edit.setDate(QDate.currentDate().addDays(DEFAULT_DAYS))
        ui.folder_edit.setText("" if folder is None else str(folder))
        ui.folder_button.clicked.connect(self._choose_folder)
        ui.key_button.clicked.connect(self._choose_key)
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        if key_only:
            for widget in (
                ui.unit_label,
                ui.unit_combo,
                ui.deadline_label,
                ui.deadline_edit,
                ui.folder_label,
                ui.folder_edit,
                ui.folder_button,
            ):
                widget.setVisible(False)
            ui.note_label.setText(self.tr("The passphrase is read once and not kept."))
        if title:
            self.setWindowTitle(title)

    def unit_ids(self) -> list[str] | None:
        """The chosen unit, or None for every unit."""
        chosen = self.ui.unit_combo.currentData()
        return None if chosen is None else [str(chosen)]

    def deadline(self) -> dt.date:
        """The deadline for explanations."""
        day = self.ui.deadline_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def place(self) -> str:
        """The place printed before the date."""
        return self.ui.place_edit.text().strip()

    def folder(self) -> Path:
        """Where the notices go."""
        return Path(self.ui.folder_edit.text().strip())

    def take_key(self) -> Pkcs12Key:
        """The key with its passphrase; the passphrase field is cleared."""
        passphrase = self.ui.passphrase_edit.text()
        self.ui.passphrase_edit.clear()
        return Pkcs12Key(Path(self.ui.key_edit.text().strip()), passphrase)

    def set_key_file(self, path: Path, passphrase: str = "") -> None:
        """Fill the key fields (tests, and a remembered key)."""
        self.ui.key_edit.setText(str(path))
        self.ui.passphrase_edit.setText(passphrase)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notices"))
        if chosen:
            self.ui.folder_edit.setText(chosen)

    def _choose_key(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("The secretary's key"), "", self.tr("PKCS#12 key (*.p12 *.pfx)")
        )
        if chosen:
            self.ui.key_edit.setText(chosen)


class ReopenDialog(QDialog):
    """Asks for an earlier phase and the reason to reopen it (the service requires one)."""

    def __init__(self, phases: Sequence[Phase], lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen an earlier phase"))
        form = QFormLayout(self)
        self.phase_combo = QComboBox(self)
        for phase in phases:
            self.phase_combo.addItem(phase.label.get(lang), phase.value)
        self.phase_combo.setCurrentIndex(self.phase_combo.count() - 1)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("why (required, kept in the audit log)"))
        form.addRow(self.tr("&Phase:"), self.phase_combo)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def phase(self) -> Phase | None:
        """The phase chosen (None: none earlier)."""
        data = self.phase_combo.currentData()
        return None if data is None else Phase(str(data))

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text()
