"""Council members: name, title, role and signing certificate (from a .cer/.pem/.p12 file or
read from a plugged token), the fingerprint shown before anything is stored."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from parapp.core.rounds import ROLE_LABELS, MemberRole
from parapp.io.signing.certificates import grouped
from parapp.io.signing.tokens import TokenCertificate
from parapp.services import round_setup, rounds, submission
from parapp.services.context import system_clock
from parapp.services.rounds import MemberCertificate
from parapp.ui.forms.ui_members_section import Ui_MembersSection
from parapp.ui.secretary.wizard.roster_dialogs import RosterActions
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.secretary.wizard.units_section import fill_table, fit_rows


def member_id_for(name: str, taken: set[str]) -> str:
    """An ASCII id from a Vietnamese name ("Nguyễn Văn An" -> "nguyen-van-an"), unique."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    base = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40] or "tv"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class MembersSection(Section):
    """The council."""

    setting = round_setup.Setting.MEMBERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.certificate: MemberCertificate | None = None
        self._token_certs: list[TokenCertificate] = []
        self.ui = Ui_MembersSection()
        self.use_form(self.ui)
        ui = self.ui
        self.table, self.name_edit, self.id_edit = ui.table, ui.name_edit, ui.id_edit
        self.title_edit, self.role_combo = ui.title_edit, ui.role_combo
        self.cert_label = ui.cert_label
        self.file_button, self.module_combo = ui.file_button, ui.module_combo
        self.token_button, self.token_combo = ui.token_button, ui.token_combo
        self.clear_cert_button, self.add_button = ui.clear_cert_button, ui.add_button
        fit_rows(self.table)
        for role in (
            MemberRole.MEMBER,
            MemberRole.CHAIR,
            MemberRole.VICE_CHAIR,
            MemberRole.SECRETARY,
        ):
            self.role_combo.addItem(ROLE_LABELS[role].vi, role.value)
        for hint in submission.pkcs11_module_hints():
            self.module_combo.addItem(str(hint.path))
        self.token_combo.hide()
        self._set_certificate(None)
        self.roster = RosterActions(self, self.table, ui.edit_button, ui.remove_button, units=False)
        self.file_button.clicked.connect(self._choose_file)
        self.token_button.clicked.connect(self._read_token)
        self.token_combo.currentIndexChanged.connect(self.choose_token_certificate)
        self.clear_cert_button.clicked.connect(lambda: self._set_certificate(None))
        self.add_button.clicked.connect(self.add_member)

    def editors(self) -> list[QWidget]:
        return [
            self.name_edit, self.id_edit, self.title_edit, self.role_combo, self.file_button,
            self.token_button, self.token_combo, self.add_button,
        ]  # fmt: skip

    def apply_gate(self) -> None:
        """Adding follows the phase; correcting and removing only the lock and freezing."""
        super().apply_gate()
        self.roster.apply_gate()

    def refresh(self) -> None:
        for index in range(self.role_combo.count()):
            role = MemberRole(self.role_combo.itemData(index))
            self.role_combo.setItemText(index, ROLE_LABELS[role].get(self.lang))
        fill_table(
            self.table,
            [
                (
                    m.id, m.name, m.title, ROLE_LABELS[m.role].get(self.lang),
                    grouped(m.certificate_sha256) if m.certificate_sha256 else self.tr("none"),
                )
                for m in rounds.list_members(self.round_ctx())
            ],
        )  # fmt: skip

    # -- certificate ------------------------------------------------------------------------

    def load_certificate_file(self, path: Path, passphrase: str = "") -> bool:
        """Read the member's certificate from a file; its identity and fingerprint are shown."""
        got = self.attempt(
            lambda: rounds.read_certificate(Path(path), lambda: passphrase, at=system_clock())
        )
        self._set_certificate(got)
        return got is not None

    def load_token_certificates(self, module: Path) -> int:
        """List the certificates of the plugged tokens; the first is chosen."""
        found = self.attempt(lambda: round_setup.token_certificates(Path(module)))
        self._token_certs = found or []
        self.token_combo.blockSignals(True)
        self.token_combo.clear()
        for cert in self._token_certs:
            self.token_combo.addItem(f"{cert.token_label}: {cert.info.subject}")
        self.token_combo.blockSignals(False)
        self.token_combo.setVisible(bool(self._token_certs))
        if self._token_certs:
            self.choose_token_certificate(0)
        return len(self._token_certs)

    def choose_token_certificate(self, index: int) -> None:
        """Use the token's ``index``-th certificate."""
        if 0 <= index < len(self._token_certs):
            cert = self._token_certs[index]
            got = self.attempt(lambda: round_setup.certificate_from_token(cert, system_clock()))
            self._set_certificate(got)

    def _set_certificate(self, cert: MemberCertificate | None) -> None:
        self.certificate = cert
        if cert is None:
            self.cert_label.setText(self.tr("No certificate chosen."))
            return
        info = cert.info
        self.cert_label.setText(
            self.tr("%1 — issued by %2, valid %3 – %4")
            .replace("%1", info.subject)
            .replace("%2", info.issuer)
            .replace("%3", info.not_before.astimezone().strftime("%d/%m/%Y"))
            .replace("%4", info.not_after.astimezone().strftime("%d/%m/%Y"))
            + "\n"
            + self.tr("SHA-256 fingerprint: %1").replace("%1", grouped(info.sha256))
        )
        if not self.name_edit.text().strip():
            self.name_edit.setText(info.subject)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Member's certificate"), str(Path.home()),
            self.tr("Certificates (*.cer *.crt *.pem *.der *.p12 *.pfx)"),
        )  # fmt: skip
        if not name:
            return
        secret = ""
        if Path(name).suffix.lower() in (".p12", ".pfx"):
            secret, ok = QInputDialog.getText(
                self, self.tr("Passphrase"), self.tr("Passphrase of the .p12 file:"),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return
        self.load_certificate_file(Path(name), secret)

    def _read_token(self) -> None:
        self.load_token_certificates(Path(self.module_combo.currentText()))

    # -- add ---------------------------------------------------------------------------------

    def add_member(self) -> bool:
        """Add the member typed in the form, with the chosen certificate."""
        ctx = self.round_ctx()
        name = self.name_edit.text()
        taken = {m.id for m in rounds.list_members(ctx)}
        member_id = self.id_edit.text().strip() or member_id_for(name, taken)
        role = MemberRole(self.role_combo.currentData())
        der = self.certificate.der if self.certificate is not None else None
        title = self.title_edit.text()
        added = self.attempt(lambda: rounds.add_member(ctx, member_id, name, title, role, der))
        if added is None:
            return False
        for edit in (self.name_edit, self.id_edit, self.title_edit):
            edit.clear()
        self.role_combo.setCurrentIndex(0)  # the next one is a member unless said otherwise
        self._set_certificate(None)
        self.say(self.tr("Added member %1.").replace("%1", f"{added.name} ({added.id})"))
        self.refresh()
        return True
