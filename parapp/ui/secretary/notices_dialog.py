"""The secretary's signing dialogs of the year tab: "Round-1 notices" (one unit or all, the
deadline for explanations, place, folder and the secretary's key), and the key alone for
signing the minutes (``key_only``).

The key is a .p12 file or a USB token (PKCS#11 module, token, key); the token's PIN flags are
shown above the PIN field before it is typed (``core.pin_state``), as in the member's signing
dialog. Listing tokens asks no PIN.

The dialog only gathers: the year tab runs the service on a worker with progress and cancel.
The passphrase or PIN is read once (``take_key``) and the field cleared; it is never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from parapp.core.messages import Lang
from parapp.core.pin_state import PinState, pin_warning
from parapp.core.rounds import Phase, Unit
from parapp.services import submission
from parapp.services.signing import Pkcs12Key, TokenKey
from parapp.services.submission import KeySource
from parapp.ui.forms.ui_notices_dialog import Ui_NoticesDialog
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error

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
        self._pin_states: dict[str, PinState] = {}
        self._key_only = key_only
        self._add_token_rows()
        if title:
            self.setWindowTitle(title)

    def _add_token_rows(self) -> None:
        """The ".p12 file / USB token" choice and the token's rows (module, token, key, PIN)."""
        form = self.ui.form_layout
        self.source_combo = QComboBox(self)
        self.source_combo.addItem(self.tr(".p12 key file"), "p12")
        self.source_combo.addItem(self.tr("USB token (PKCS#11)"), "token")
        form.insertRow(4, self.tr("&Sign with:"), self.source_combo)
        self.module_combo = QComboBox(self)
        self.module_combo.setEditable(True)
        for hint in submission.pkcs11_module_hints():
            self.module_combo.addItem(str(hint.path), hint.vendor)
        self.find_button = QPushButton(self.tr("&Find tokens"), self)
        module_row = QHBoxLayout()
        module_row.addWidget(self.module_combo, 1)
        module_row.addWidget(self.find_button)
        self.token_combo = QComboBox(self)
        self.certificate_combo = QComboBox(self)
        self.pin_state_label = QLabel(self)
        self.pin_state_label.setWordWrap(True)
        self.pin_state_label.setStyleSheet("color: #a61b1b;")
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._module_label = QLabel(self.tr("PKCS#11 &module:"), self)
        self._module_label.setBuddy(self.module_combo)
        form.addRow(self._module_label, module_row)
        form.addRow(self.tr("&Token:"), self.token_combo)
        form.addRow(self.tr("&Key:"), self.certificate_combo)
        form.addRow("", self.pin_state_label)
        form.addRow(self.tr("&PIN:"), self.pin_edit)
        self.find_button.clicked.connect(self.find_tokens)
        self.token_combo.currentIndexChanged.connect(lambda _index: self._on_token_chosen())
        self.source_combo.currentIndexChanged.connect(lambda _index: self._show_source())
        self._show_source()

    def mode(self) -> str:
        """The key source chosen: "p12" or "token"."""
        return str(self.source_combo.currentData())

    def set_mode(self, mode: str) -> None:
        """Choose "p12" or "token"."""
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(mode), 0))

    def set_module(self, module: Path) -> None:
        """The PKCS#11 module to list tokens from (tests, and a typed path)."""
        self.module_combo.setCurrentText(str(module))

    def find_tokens(self) -> bool:
        """List the tokens of the module shown (no PIN asked); False on an error (shown)."""
        text = self.module_combo.currentText().strip()
        if not text:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            tokens = submission.list_tokens(Path(text))
        except Exception as exc:  # a module that cannot be loaded: one sentence, shown
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc)
            return False
        QGuiApplication.restoreOverrideCursor()
        self._pin_states = {token.label: token.pin_state for token in tokens}
        self.token_combo.blockSignals(True)
        self.token_combo.clear()
        for token in tokens:
            self.token_combo.addItem(
                f"{token.label} — {token.manufacturer} {token.model}".strip(), token.label
            )
        self.token_combo.blockSignals(False)
        self._on_token_chosen()
        return bool(tokens)

    def pin_state_text(self) -> str:
        """The warning shown above the PIN field ("" when none)."""
        return self.pin_state_label.text() if not self.pin_state_label.isHidden() else ""

    def _pin_state(self) -> PinState | None:
        label = self.token_combo.currentData()
        return self._pin_states.get(label) if isinstance(label, str) else None

    def _on_token_chosen(self) -> None:
        """Show the chosen token's PIN warning and list its certificates (no PIN)."""
        label = self.token_combo.currentData()
        state = self._pin_state()
        warning = None if state is None else pin_warning(state, str(label))
        self.pin_state_label.setText("" if warning is None else warning.get(i18n.current_lang()))
        self.pin_state_label.setVisible(warning is not None and self.mode() == "token")
        self.pin_edit.setEnabled(state is not PinState.LOCKED)
        self.certificate_combo.clear()
        if not isinstance(label, str):
            return
        try:
            certificates = submission.list_token_certificates(
                Path(self.module_combo.currentText().strip()), label
            )
        except Exception as exc:
            show_error(self, exc)
            return
        for cert in certificates:
            self.certificate_combo.addItem(
                f"{cert.info.subject} ({cert.label})", cert.object_id.hex()
            )

    def _show_source(self) -> None:
        token = self.mode() == "token"
        form = self.ui.form_layout
        form.setRowVisible(self.ui.key_layout, not token)
        form.setRowVisible(self.ui.passphrase_edit, not token)
        form.setRowVisible(self._module_label, token)
        for widget in (self.token_combo, self.certificate_combo, self.pin_edit):
            form.setRowVisible(widget, token)
        form.setRowVisible(self.pin_state_label, token and bool(self.pin_state_label.text()))
        if self._key_only:
            self.ui.note_label.setText(
                self.tr("The PIN is read once and not kept.")
                if token
                else self.tr("The passphrase is read once and not kept.")
            )

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

    def take_key(self) -> KeySource:
        """The key with its passphrase or PIN; the secret's field is cleared."""
        if self.mode() == "token":
            pin = self.pin_edit.text()
            self.pin_edit.clear()
            label = self.token_combo.currentData()
            key_id = self.certificate_combo.currentData()
            return TokenKey(
                Path(self.module_combo.currentText().strip()),
                pin,
                label if isinstance(label, str) else None,
                bytes.fromhex(key_id) if isinstance(key_id, str) else None,
                # The final-try warning was on screen when the PIN was typed.
                final_try_confirmed=self._pin_state() is PinState.FINAL_TRY,
            )
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
