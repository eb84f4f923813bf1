"""The "Sign and submit" dialog: pick a key (a .p12 file, a USB token through its PKCS#11
module, or a new personal certificate), then sign and package the member's scores on a worker.

Signing is refused while errors in the member's own scores remain; they are listed and a
double-click goes to the item. A passphrase or PIN is read from its field once, the field is
cleared at once and the secret is never stored: a wrong PIN is reported, never retried (tokens
lock). The token's PIN flags are shown above the PIN field before it is typed (a wrong PIN was
entered, the final try, locked: then signing is disabled) and read again after a failure. The
last choice of key (file path, or module, token and key id) is kept in ``QSettings``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from parapp import paths
from parapp.core.findings import Finding
from parapp.core.pin_state import PinState, pin_warning
from parapp.services import submission
from parapp.services.context import RoundContext
from parapp.services.submission import (
    CreatedCertificate,
    KeySource,
    ModuleHint,
    Pkcs12Key,
    Submission,
    TokenCertificate,
    TokenInfo,
    TokenKey,
)
from parapp.ui.forms.ui_signing_dialog import Ui_SigningDialog
from parapp.ui.member.export_dialog import PLACE_KEY, default_folder
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.workers import BackgroundCall

log = logging.getLogger(__name__)

_GROUP = "signing_dialog"
_MODES = ("p12", "token", "create")
_UNIT_ROLE = Qt.ItemDataRole.UserRole
_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def certificates_folder() -> Path:
    """Where personal certificates go: the user's data folder/certificates."""
    return paths.user_data_dir() / "certificates"


class SigningDialog(QDialog):
    """Sign and submit the member's score package."""

    finding_activated = Signal(str, str)
    """(unit id, node code) of a blocking finding the member wants to correct."""
    submitted = Signal(object)
    """The ``Submission`` once the package is written and verified."""
    certificate_created = Signal(object)
    """The ``CreatedCertificate`` of a new personal certificate."""

    def __init__(
        self,
        ctx: RoundContext,
        member_id: str,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        certificate_folder: Path | None = None,
        out_folder: Path | None = None,
        ca_files: Sequence[Path] = (),
        module_hints: Sequence[ModuleHint] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SigningDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx = ctx
        self._member_id = member_id
        self._settings = settings
        self._ca_files = tuple(ca_files)
        self._job: BackgroundCall | None = None
        self._next: Callable[[], None] | None = None
        self._refusals: list[Finding] = []
        self._pin_states: dict[str, PinState] = {}
        self._unit_names = {u.id: u.name for u in submission.member_units(ctx, member_id)}
        ui = self.ui
        folder = certificate_folder if certificate_folder is not None else certificates_folder()
        ui.cert_folder_edit.setText(str(folder))
        ui.holder_name_edit.setText(submission.member_name(ctx, member_id))
        hints = submission.pkcs11_module_hints() if module_hints is None else module_hints
        for hint in hints:
            ui.module_combo.addItem(str(hint.path))
            ui.module_combo.setItemData(
                ui.module_combo.count() - 1, hint.vendor, Qt.ItemDataRole.ToolTipRole
            )
        out = out_folder if out_folder is not None else default_folder(settings, f"{_GROUP}/out")
        ui.out_folder_edit.setText(str(out))
        ui.progress_bar.hide()
        ui.offline_label.setStyleSheet("font-weight: bold;")
        ui.refusal_label.setStyleSheet("color: #b00020;")
        ui.pin_state_label.hide()
        # Marks below the line ("bị") are drawn past the width the style measures.
        button = ui.find_tokens_button
        button.setMinimumWidth(button.sizeHint().width() + button.fontMetrics().averageCharWidth())
        self._restore_choice()
        self._connect_signals()
        self.refresh_refusals()

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.sign_button.clicked.connect(self.start_signing)
        ui.close_button.clicked.connect(self.close)
        ui.recheck_button.clicked.connect(self.refresh_refusals)
        ui.refusal_list.itemActivated.connect(self._on_refusal_activated)
        ui.create_button.clicked.connect(self.start_creating_certificate)
        ui.find_tokens_button.clicked.connect(self.find_tokens)
        ui.token_combo.activated.connect(lambda _index: self._list_certificates())
        ui.token_combo.currentIndexChanged.connect(lambda _index: self._show_pin_state())
        ui.key_tabs.currentChanged.connect(lambda _index: self._update_sign_button())
        ui.p12_browse_button.clicked.connect(self._browse_p12)
        ui.module_browse_button.clicked.connect(self._browse_module)
        ui.out_browse_button.clicked.connect(self._browse_out)

    # -- public ---------------------------------------------------------------------------------

    def mode(self) -> str:
        """The key source shown: "p12", "token" or "create"."""
        return _MODES[self.ui.key_tabs.currentIndex()]

    def set_mode(self, mode: str) -> None:
        """Show the "p12", "token" or "create" tab."""
        self.ui.key_tabs.setCurrentIndex(_MODES.index(mode))

    def is_busy(self) -> bool:
        """A worker is running."""
        return self._job is not None

    def refusals(self) -> list[Finding]:
        """The findings that block signing, as last checked."""
        return list(self._refusals)

    def result_text(self) -> str:
        """What the dialog says about the last action."""
        return self.ui.result_label.text()

    def pin_state(self) -> PinState | None:
        """The chosen token's PIN state as last read from its flags (None: no token listed)."""
        label = self.ui.token_combo.currentData()
        return self._pin_states.get(label) if isinstance(label, str) else None

    def pin_state_text(self) -> str:
        """The warning shown above the PIN field ("" when none)."""
        label = self.ui.pin_state_label
        return label.text() if not label.isHidden() else ""

    def refresh_refusals(self) -> None:
        """Check again what blocks signing (after the member corrected scores)."""
        try:
            self._refusals = submission.refusals_before_signing(self._ctx, self._member_id)
        except Exception as exc:
            show_error(self, exc)
            self._refusals = []
        ui = self.ui
        ui.refusal_list.clear()
        lang = i18n.current_lang()
        for finding in self._refusals:
            unit = finding.unit or ""
            item = QListWidgetItem(
                f"{self._unit_names.get(unit, unit)} — {finding.message.get(lang)}"
            )
            item.setData(_UNIT_ROLE, unit)
            item.setData(_CODE_ROLE, finding.node or "")
            ui.refusal_list.addItem(item)
        ui.refusal_group.setVisible(bool(self._refusals))
        self._retext_refusals()
        self._update_sign_button()

    def start_signing(self) -> None:
        """Sign and package with the chosen key, on a worker; the secret fields are cleared."""
        if self._job is not None or self._refusals or self.mode() == "create":
            return
        key = self._take_key()
        if key is None:
            return
        ui = self.ui
        place = ui.place_edit.text()
        folder = Path(ui.out_folder_edit.text().strip())
        with_views = ui.views_check.isChecked()
        ctx, member, ca_files = self._ctx, self._member_id, self._ca_files
        self._run(
            lambda: submission.sign_and_submit(
                ctx, member, key, folder, place=place, with_views=with_views, ca_files=ca_files
            ),
            self._on_submitted,
            self.tr("Signing and packaging…"),
        )

    def start_creating_certificate(self) -> None:
        """Create a personal certificate on a worker; both passphrase fields are cleared."""
        if self._job is not None:
            return
        ui = self.ui
        folder = Path(ui.cert_folder_edit.text())
        name = ui.holder_name_edit.text()
        passphrase, confirmation = ui.new_passphrase_edit.text(), ui.confirm_passphrase_edit.text()
        ui.new_passphrase_edit.clear()
        ui.confirm_passphrase_edit.clear()
        self._run(
            lambda: submission.create_personal_certificate(folder, name, passphrase, confirmation),
            self._on_certificate_created,
            self.tr("Creating the certificate…"),
        )

    def find_tokens(self) -> None:
        """List the tokens of the module shown, on a worker."""
        if self._job is not None:
            return
        module = self._module()
        if module is None:
            return
        self._run(
            lambda: submission.list_tokens(module),
            self._on_tokens_found,
            self.tr("Looking for tokens…"),
        )

    # -- key --------------------------------------------------------------------------------

    def _module(self) -> Path | None:
        text = self.ui.module_combo.currentText().strip()
        if not text:
            self._say(self.tr("Choose the PKCS#11 module of your token."))
            return None
        return Path(text)

    def _take_key(self) -> KeySource | None:
        """The key the member chose, with its secret read once and its field cleared."""
        ui = self.ui
        if self.mode() == "p12":
            path = ui.p12_path_edit.text().strip()
            passphrase = ui.passphrase_edit.text()
            ui.passphrase_edit.clear()
            if not path:
                self._say(self.tr("Choose the key file (.p12 or .pfx)."))
                return None
            return Pkcs12Key(Path(path), passphrase)
        module = self._module()
        pin = ui.pin_edit.text()
        ui.pin_edit.clear()
        if module is None:
            return None
        if not pin:
            self._say(self.tr("Enter the token's PIN."))
            return None
        label = ui.token_combo.currentData()
        key_id = ui.certificate_combo.currentData()
        return TokenKey(
            module,
            pin,
            label if isinstance(label, str) else None,
            bytes.fromhex(key_id) if isinstance(key_id, str) else None,
            # The final-try warning was on screen when the member typed the PIN and signed.
            final_try_confirmed=self.pin_state() is PinState.FINAL_TRY,
        )

    # -- worker ---------------------------------------------------------------------------------

    def _run(
        self, call: Callable[[], object], on_success: Callable[[Any], None], busy_text: str
    ) -> None:
        job = BackgroundCall(call)
        job.succeeded.connect(on_success)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        self._set_busy(True)
        self._say(busy_text, error=False)
        job.start()

    def _on_failed(self, exc: BaseException) -> None:
        self.ui.result_label.clear()
        show_error(self, exc)
        if self.mode() == "token":
            self.ui.pin_edit.setFocus()
            if self.ui.token_combo.count():
                # A wrong PIN changes the token's flags: read them before the next PIN is typed.
                self._next = self._refresh_pin_states

    def _on_finished(self) -> None:
        self._job = None
        self._set_busy(False)
        then, self._next = self._next, None
        if then is not None:
            then()

    def _set_busy(self, busy: bool) -> None:
        ui = self.ui
        ui.progress_bar.setVisible(busy)
        ui.key_tabs.setEnabled(not busy)
        ui.submit_group.setEnabled(not busy)
        ui.recheck_button.setEnabled(not busy)
        self._update_sign_button()

    def _update_sign_button(self) -> None:
        locked = self.mode() == "token" and self.pin_state() is PinState.LOCKED
        self.ui.sign_button.setEnabled(
            self._job is None and not self._refusals and self.mode() != "create" and not locked
        )

    # -- results --------------------------------------------------------------------------------

    def _on_submitted(self, result: Submission) -> None:
        report = result.report
        lang = i18n.current_lang()
        signer = report.signatures[0].signer if report.signatures else "—"
        lines = [
            self.tr("Signed and saved the score package:"),
            str(result.path),
            self.tr("Checked again: %1; integrity: %2; signer: %3.")
            .replace("%1", report.trust.label.get(lang))
            .replace("%2", self.tr("intact") if report.intact else self.tr("NOT intact"))
            .replace("%3", signer),
            self.tr("Hand this file to the council secretary."),
        ]
        self._say("\n".join(lines), error=not report.intact)
        self._remember_choice()
        self.submitted.emit(result)

    def _on_certificate_created(self, created: CreatedCertificate) -> None:
        ui = self.ui
        fingerprint = submission.grouped_fingerprint(created.info.sha256)
        ui.created_label.setText(
            "\n".join(
                [
                    self.tr("Created %1 and %2.")
                    .replace("%1", created.pkcs12_path.name)
                    .replace("%2", created.certificate_path.name),
                    self.tr("Fingerprint (SHA-256) for the secretary to register:"),
                    fingerprint,
                ]
            )
        )
        ui.p12_path_edit.setText(str(created.pkcs12_path))
        self._settings.setValue(f"{_GROUP}/p12_path", str(created.pkcs12_path))
        self._say(self.tr("Certificate created: sign with it on the first tab."), error=False)
        self.certificate_created.emit(created)

    def _on_tokens_found(self, tokens: list[TokenInfo]) -> None:
        ui = self.ui
        self._pin_states = {token.label: token.pin_state for token in tokens}
        ui.token_combo.clear()
        ui.certificate_combo.clear()
        for token in tokens:
            text = f"{token.label} — {token.manufacturer} {token.model}".strip()
            ui.token_combo.addItem(text, token.label)
        if not tokens:
            self._say(self.tr("No token found: plug it in and try again."))
            return
        remembered = self._settings.value(f"{_GROUP}/token_label")
        ui.token_combo.setCurrentIndex(max(ui.token_combo.findData(remembered), 0))
        self._say(self.tr("%1 token(s) found.").replace("%1", str(len(tokens))), error=False)
        self._next = self._list_certificates  # once this worker has finished

    def _refresh_pin_states(self) -> None:
        module = self._module()
        if module is None or self._job is not None:
            return
        self._run(
            lambda: submission.list_tokens(module),
            self._on_pin_states_read,
            self.tr("Reading the token's state…"),
        )

    def _on_pin_states_read(self, tokens: list[TokenInfo]) -> None:
        self._pin_states = {token.label: token.pin_state for token in tokens}
        self.ui.result_label.clear()
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        """The token's PIN warning above the PIN field, before the PIN is typed."""
        ui = self.ui
        state = self.pin_state()
        label = ui.token_combo.currentData()
        warning = (
            pin_warning(state, label) if state is not None and isinstance(label, str) else None
        )
        if warning is None:
            ui.pin_state_label.clear()
            ui.pin_state_label.hide()
        else:
            ui.pin_state_label.setText(warning.get(i18n.current_lang()))
            severe = state in (PinState.FINAL_TRY, PinState.LOCKED)
            weight = "bold" if severe else "normal"
            ui.pin_state_label.setStyleSheet(f"color: #b00020; font-weight: {weight};")
            ui.pin_state_label.show()
        ui.pin_edit.setEnabled(state is not PinState.LOCKED)
        self._update_sign_button()

    def _list_certificates(self) -> None:
        module = self._module()
        label = self.ui.token_combo.currentData()
        if module is None or not isinstance(label, str) or self._job is not None:
            return
        self._run(
            lambda: submission.list_token_certificates(module, label),
            self._on_certificates_listed,
            self.tr("Reading the token's certificates…"),
        )

    def _on_certificates_listed(self, certificates: list[TokenCertificate]) -> None:
        combo = self.ui.certificate_combo
        combo.clear()
        for cert in certificates:
            combo.addItem(f"{cert.info.subject} ({cert.label})", cert.object_id.hex())
        remembered = self._settings.value(f"{_GROUP}/key_id")
        combo.setCurrentIndex(max(combo.findData(remembered), 0))
        self.ui.result_label.clear()

    # -- UI state -------------------------------------------------------------------------------

    def _restore_choice(self) -> None:
        s, ui = self._settings, self.ui
        mode = s.value(f"{_GROUP}/mode")
        if mode in _MODES and mode != "create":
            self.set_mode(str(mode))
        ui.p12_path_edit.setText(str(s.value(f"{_GROUP}/p12_path", "") or ""))
        module = s.value(f"{_GROUP}/module")
        if isinstance(module, str) and module:
            ui.module_combo.setCurrentText(module)
        ui.place_edit.setText(str(s.value(PLACE_KEY, "") or ""))

    def _remember_choice(self) -> None:
        """The key's whereabouts, never its secret."""
        s, ui = self._settings, self.ui
        s.setValue(f"{_GROUP}/mode", self.mode())
        if self.mode() == "p12":
            s.setValue(f"{_GROUP}/p12_path", ui.p12_path_edit.text().strip())
        else:
            s.setValue(f"{_GROUP}/module", ui.module_combo.currentText().strip())
            s.setValue(f"{_GROUP}/token_label", ui.token_combo.currentData() or "")
            s.setValue(f"{_GROUP}/key_id", ui.certificate_combo.currentData() or "")
        s.setValue(f"{_GROUP}/out", ui.out_folder_edit.text().strip())
        s.setValue(PLACE_KEY, ui.place_edit.text().strip())

    # -- small helpers --------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = True) -> None:
        label = self.ui.result_label
        label.setStyleSheet("color: #b00020;" if error else "")
        label.setText(text)

    def _retext_refusals(self) -> None:
        self.ui.refusal_label.setText(
            self.tr(
                "Signing is refused while %1 error(s) remain in your scores. "
                "Double-click one to go there, correct it, then check again."
            ).replace("%1", str(len(self._refusals)))
        )

    def _on_refusal_activated(self, item: QListWidgetItem) -> None:
        unit, code = item.data(_UNIT_ROLE), item.data(_CODE_ROLE)
        if isinstance(unit, str) and isinstance(code, str):
            self.finding_activated.emit(unit, code)

    def _browse_p12(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Key file"),
            self.ui.p12_path_edit.text(),
            self.tr("Key files (*.p12 *.pfx)"),
        )
        if chosen:
            self.ui.p12_path_edit.setText(chosen)

    def _browse_module(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("PKCS#11 module"),
            self.ui.module_combo.currentText(),
            self.tr("PKCS#11 modules (*.dll *.so *.dylib)"),
        )
        if chosen:
            self.ui.module_combo.setCurrentText(chosen)

    def _browse_out(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the score package"), self.ui.out_folder_edit.text()
        )
        if chosen:
            self.ui.out_folder_edit.setText(chosen)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
            self._retext_refusals()
            self._show_pin_state()
        super().changeEvent(event)
