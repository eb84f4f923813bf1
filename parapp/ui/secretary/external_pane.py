"""The secretary's "Sign with another tool" tab (Ký bằng công cụ khác): the official PDFs exported
for signing elsewhere, with their state and their signers in order (the next one highlighted);
"Export unsigned…" writes the exact bytes to sign, "Import signed…" brings a signed PDF back
(``services.external_signing`` checks it; a refusal is shown with its reason and nothing in the
list changes); and the signature and seal images of the stamps, one per person
(``services.stamp_images``).

Installed into the secretary window by ``install_external_pane``: one more tab, re-read when
shown. No check is made here: every rule is the service's.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import Member, Unit
from parapp.services import external_signing, rounds, signing
from parapp.services.context import RoundContext
from parapp.services.external_documents import DocKind
from parapp.ui.forms.ui_external_pane import Ui_ExternalPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.secretary.added_tabs import TabTitle, as_stamped
from parapp.ui.secretary.external_images import StampImagesBox
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.workers import BackgroundCall

if TYPE_CHECKING:
    from parapp.ui.secretary.secretary_window import SecretaryWindow

log = logging.getLogger(__name__)

MAX_COLUMN_WIDTH = 280
NEXT_SIGNER = QColor("#fff3b0")
_LOOKS = {
    external_signing.EXPORTED: QColor("#fef7e0"),
    external_signing.PARTLY_SIGNED: QColor("#e8f0fe"),
    external_signing.SIGNED: QColor("#e6f4ea"),
    external_signing.SUPERSEDED: QColor("#f1f3f4"),
}
_FILE_STEMS = {
    DocKind.SHEET: "phieu-cham",
    DocKind.NOTICE: "thong-bao",
    DocKind.RESULTS: "ket-qua",
    DocKind.MINUTES: "bien-ban",
}


class ExternalPane(QWidget):
    """Shows ``external_signing.documents``; exports, imports, and chooses stamp images."""

    imported = Signal(object)
    """The ``ImportResult`` of a signed file just recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExternalPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._documents: list[tuple[Any, list[Any]]] = []
        self._members: dict[str, Member] = {}
        self._units: list[Unit] = []
        self._ca_files: list[Path] = []
        self._crl_files: list[Path] = []
        self._call: BackgroundCall | None = None
        self.file_dialog: QFileDialog | None = None
        self._model = TextTableModel(self)
        self._returns = TextTableModel(self)
        ui = self.ui
        for table, model in ((ui.documents_table, self._model), (ui.returns_table, self._returns)):
            table.setModel(model)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
        ui.splitter.setStretchFactor(0, 1)
        ui.documents_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_selected()
        )
        ui.kind_combo.currentIndexChanged.connect(lambda _i: self._enable_fields())
        ui.export_button.clicked.connect(self.choose_export)
        ui.import_button.clicked.connect(self.choose_import)
        ui.add_ca_button.clicked.connect(lambda: self._choose_trust(crl=False))
        ui.add_crl_button.clicked.connect(lambda: self._choose_trust(crl=True))
        self.images = StampImagesBox(ui, self, self._open_file)
        """The signature and seal images group."""
        today = QDate.currentDate()
        ui.date_edit.setDate(today)
        ui.deadline_edit.setDate(today.addDays(10))

    # -- public ---------------------------------------------------------------------------------

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx`` in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.images.set_context(ctx)
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Headers, states and choices in ``lang``."""
        self._lang = lang
        self._fill_choices()
        self._fill()

    def refresh(self) -> None:
        """Read the council, the units and the exported documents again."""
        if self._ctx is not None:
            self._members = {m.id: m for m in rounds.list_members(self._ctx)}
            self._units = rounds.list_units(self._ctx)
            self._fill_choices()
            self._documents = external_signing.documents(self._ctx)
        self._fill()

    def model(self) -> TextTableModel:
        """One row per exported document."""
        return self._model

    def returns_model(self) -> TextTableModel:
        """The files brought back for the selected document."""
        return self._returns

    def busy(self) -> bool:
        """An export or an import is running."""
        return self._call is not None

    def select_row(self, row: int) -> None:
        """Select the ``row``-th document."""
        self.ui.documents_table.selectRow(row)
        self._show_selected()

    def choose_document(self, kind: DocKind, member_id: str = "", unit_id: str = "") -> None:
        """Set the export form to ``kind`` (and the member and unit it needs)."""
        ui = self.ui
        ui.kind_combo.setCurrentIndex(max(0, ui.kind_combo.findData(kind.value)))
        if member_id:
            ui.member_combo.setCurrentIndex(max(0, ui.member_combo.findData(member_id)))
        if unit_id:
            ui.unit_combo.setCurrentIndex(max(0, ui.unit_combo.findData(unit_id)))

    def doc_name(self) -> str:
        """The DOC name the export form describes (``sheet:MEMBER:UNIT``, ``results``, …)."""
        ui = self.ui
        kind = DocKind(ui.kind_combo.currentData() or DocKind.SHEET.value)
        member, unit = ui.member_combo.currentData() or "", ui.unit_combo.currentData() or ""
        if kind is DocKind.SHEET:
            return f"sheet:{member}:{unit}"
        if kind is DocKind.NOTICE:
            return f"notice:{unit}"
        return kind.value

    def choose_export(self) -> None:
        """Ask where to write the document of the export form (not blocking)."""
        if self._ctx is None or self.busy():
            return
        kind = DocKind(self.ui.kind_combo.currentData() or DocKind.SHEET.value)
        parts = [_FILE_STEMS[kind], *self.doc_name().split(":")[1:], "chua-ky"]
        suggested = self._ctx.path.parent / ("-".join(parts) + ".pdf")
        self._open_file(
            self.tr("Export the unsigned document"),
            [self.tr("PDF documents (*.pdf)")],
            self.export_to,
            save=str(suggested),
        )

    def export_to(self, out: Path) -> bool:
        """Export the document of the form into ``out`` on a worker; False when busy."""
        ctx = self._ctx
        if ctx is None or self.busy():
            return False
        doc, params = self.doc_name(), self._params()
        self._run(
            lambda: external_signing.export_for_signing(ctx, doc, out, params), self._on_exported
        )
        return True

    def choose_import(self) -> None:
        """Ask for the signed PDF to bring back (not blocking)."""
        if self._ctx is None or self.busy():
            return
        self._open_file(
            self.tr("Import the signed document"),
            [self.tr("PDF documents (*.pdf)"), self.tr("All files (*)")],
            self.import_file,
        )

    def import_file(self, path: Path) -> bool:
        """Check and record ``path`` on a worker; False when busy."""
        ctx = self._ctx
        if ctx is None or self.busy():
            return False
        cas, crls = tuple(self._ca_files), tuple(self._crl_files)

        def call() -> external_signing.ImportResult:
            return external_signing.import_signed(ctx, path, signing.trust_settings(cas, crls))

        self._run(call, lambda result: self._on_imported(path, result))
        return True

    def _open_file(
        self, title: str, filters: list[str], chosen: Callable[[Path], object], *, save: str = ""
    ) -> None:
        """Open a (non-blocking) file dialog kept in ``file_dialog``; ``save``: suggested file."""
        dialog = QFileDialog(self, title, save)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("pdf")
            dialog.selectFile(save)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(filters)
        dialog.fileSelected.connect(lambda name: chosen(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def add_trust_file(self, path: Path, *, crl: bool = False) -> None:
        """Trust a CA certificate (or check a CRL) when importing, like ``--ca``/``--crl``."""
        try:
            signing.trust_settings(() if crl else (path,), (path,) if crl else ())
        except Exception as exc:  # shown by the one error mapping; nothing kept
            show_error(self, exc)
            return
        chosen = self._crl_files if crl else self._ca_files
        if path not in chosen:
            chosen.append(path)
        self._show_trust()

    # -- Qt overrides ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
            self.set_lang(i18n.current_lang())
        super().changeEvent(event)

    # -- internals: export and import -----------------------------------------------------------

    def _params(self) -> dict[str, str | None]:
        ui = self.ui
        date = ui.date_edit.date().toPython()
        deadline = ui.deadline_edit.date().toPython()
        assert isinstance(date, dt.date)
        assert isinstance(deadline, dt.date)
        params: dict[str, str | None] = {
            "place": ui.place_edit.text().strip() or None,
            "date": date.isoformat(),
        }
        if ui.kind_combo.currentData() == DocKind.NOTICE.value:
            params["deadline"] = deadline.isoformat()
        return params

    def _run(self, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        worker = BackgroundCall(call)
        worker.succeeded.connect(done)
        worker.failed.connect(lambda exc: show_error(self, exc))
        worker.finished.connect(self._on_finished)
        self._call = worker
        self._set_enabled(False)
        self.setCursor(Qt.CursorShape.WaitCursor)
        worker.start()

    def _on_finished(self) -> None:
        self._call = None
        self.unsetCursor()
        self._set_enabled(True)
        self._enable_fields()

    def _set_enabled(self, enabled: bool) -> None:
        ui = self.ui
        for widget in (ui.export_button, ui.import_button, ui.add_ca_button, ui.add_crl_button):
            widget.setEnabled(enabled)

    def _on_exported(self, done: external_signing.ExportResult) -> None:
        total = len(done.document.signers)
        text = Msg(
            f"Đã ghi {done.path.name} ({self._doc_label(done.document.doc)}; SHA-256 "
            f"{done.sha256[:16]}…). Người ký lượt {done.step + 1}/{total}: {done.signer_name}. "
            "Ký đúng tệp này, không sửa, rồi nhập lại bằng “Nhập bản đã ký…”.",
            f"Wrote {done.path.name} ({self._doc_label(done.document.doc)}; SHA-256 "
            f"{done.sha256[:16]}…). Signer {done.step + 1}/{total}: {done.signer_name}. Sign "
            "this very file, unedited, then bring it back with “Import signed…”.",
        )
        self.ui.result_label.setText(text.get(self._lang))
        self.refresh()

    def _on_imported(self, path: Path, result: external_signing.ImportResult) -> None:
        doc = f" ({self._doc_label(result.document.doc)})" if result.document else ""
        if not result.accepted:
            vi, en = (text.rstrip(". ") for text in (result.reason.vi, result.reason.en))
            show_error(
                self,
                ValidationError(
                    Msg(
                        f"Từ chối {path.name}{doc}: {vi}. Đợt không thay đổi (đã ghi nhận lần "
                        "từ chối).",
                        f"Refused {path.name}{doc}: {en}. The round is unchanged (the refusal "
                        "is recorded).",
                    )
                ),
            )
            self._show_selected()
            return
        self.ui.result_label.setText(f"{path.name}{doc}: {result.reason.get(self._lang)}.")
        self.refresh()
        if result.document is not None:
            self._select_document(result.document.id)
        self.imported.emit(result)

    def _choose_trust(self, *, crl: bool) -> None:
        title = self.tr("Add a CRL") if crl else self.tr("Add a trusted CA certificate")
        patterns = (
            self.tr("Revocation lists (*.crl)")
            if crl
            else self.tr("Certificates (*.pem *.cer *.crt *.der)")
        )
        self._open_file(
            title,
            [patterns, self.tr("All files (*)")],
            lambda path: self.add_trust_file(path, crl=crl),
        )

    def _show_trust(self) -> None:
        names = [p.name for p in self._ca_files] + [p.name for p in self._crl_files]
        if names:
            text = self.tr("Trusted besides the bundled roots: %1").replace("%1", ", ".join(names))
        else:
            text = self.tr("Trusted: the bundled root certificates.")
        self.ui.trust_label.setText(text)

    # -- internals: the lists -------------------------------------------------------------------

    def _name(self, member_id: str) -> str:
        member = self._members.get(member_id)
        return member.name if member else member_id

    def _doc_label(self, doc: str) -> str:
        units = {u.id: u.name for u in self._units}
        parts = doc.split(":")
        if parts[0] == DocKind.SHEET.value and len(parts) == 3:
            return (
                self.tr("Score sheet — %1 — %2")
                .replace("%1", self._name(parts[1]))
                .replace("%2", units.get(parts[2], parts[2]))
            )
        if parts[0] == DocKind.NOTICE.value and len(parts) == 2:
            return self.tr("Round-1 notice — %1").replace("%1", units.get(parts[1], parts[1]))
        if parts[0] == DocKind.RESULTS.value:
            return self.tr("Appraisal results")
        if parts[0] == DocKind.MINUTES.value:
            return self.tr("Council meeting minutes")
        return doc

    def _headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Document"),
            self.tr("State"),
            self.tr("Signers in order"),
            self.tr("Next signer"),
            self.tr("Exported at"),
            self.tr("File"),
            self.tr("SHA-256"),
        ]

    def _fill(self) -> None:
        self._model.set_headers(self._headers(), right_columns=[0])
        rows = []
        for document, returned in self._documents:
            signed = {r.step for r in returned if r.outcome == "accepted"}
            waiting = document.state in external_signing.OPEN_STATES
            step = len(signed)
            chain = " → ".join(
                ("▶ " if waiting and i == step else "")
                + f"{i + 1}. {self._name(m)}"
                + (" ✓" if i in signed else "")
                for i, m in enumerate(document.signers)
            )
            next_signer = (
                self._name(document.signers[step])
                if waiting and step < len(document.signers)
                else "—"
            )
            state = external_signing.STATE_LABELS.get(document.state)
            cells = (
                str(document.id),
                self._doc_label(document.doc),
                state.get(self._lang) if state else document.state,
                chain,
                next_signer,
                as_stamped(document.exported_at),
                document.file_name,
                document.exported_sha256[:16],
            )
            backgrounds = {}
            look = _LOOKS.get(document.state)
            if look is not None:
                backgrounds[2] = look
            if next_signer != "—":
                backgrounds[4] = NEXT_SIGNER
            tip = "\n".join(
                (
                    f"{document.doc}",
                    f"SHA-256: {document.exported_sha256}",
                    self.tr("Content fingerprint: %1").replace("%1", document.content_sha256),
                )
            )
            rows.append(TableRow(cells, key=document, backgrounds=backgrounds, tooltip=tip))
        self._model.set_rows(rows)
        _fit(self.ui.documents_table, self._model)
        self._show_trust()
        self._show_selected()

    def _selected(self) -> tuple[Any, list[Any]] | None:
        index = self.ui.documents_table.currentIndex()
        if not index.isValid() or index.row() >= len(self._documents):
            return None
        return self._documents[index.row()]

    def _select_document(self, document_id: int) -> None:
        for row, (document, _returned) in enumerate(self._documents):
            if document.id == document_id:
                self.select_row(row)
                return

    def _show_selected(self) -> None:
        chosen = self._selected()
        self._returns.set_headers(
            [
                self.tr("Received at"),
                self.tr("File"),
                self.tr("Outcome"),
                self.tr("Signer"),
                self.tr("Reason"),
            ]
        )
        rows = []
        for r in chosen[1] if chosen else []:
            accepted = r.outcome == "accepted"
            outcome = self.tr("accepted") if accepted else self.tr("refused")
            who = self._name(r.signer_member_id) if r.signer_member_id else r.signer_name or "—"
            reason = "" if accepted else Msg(r.reason_vi, r.reason_en).get(self._lang)
            look = QColor("#e6f4ea") if accepted else QColor("#fce8e6")
            tip = f"SHA-256: {r.file_sha256}" + (f"\n{reason}" if reason else "")
            cells = (as_stamped(r.received_at), r.file_name, outcome, who, reason)
            rows.append(TableRow(cells, key=r, backgrounds={2: look}, tooltip=tip))
        self._returns.set_rows(rows)
        _fit(self.ui.returns_table, self._returns)
        if chosen is not None:
            document = chosen[0]
            kind = DocKind(document.kind)
            parts = document.doc.split(":")
            member = parts[1] if kind is DocKind.SHEET else ""
            unit = parts[-1] if kind in (DocKind.SHEET, DocKind.NOTICE) else ""
            self.choose_document(kind, member, unit)

    def _fill_choices(self) -> None:
        ui = self.ui
        kind, member, unit = (
            ui.kind_combo.currentData(),
            ui.member_combo.currentData(),
            ui.unit_combo.currentData(),
        )
        for combo in (ui.kind_combo, ui.member_combo, ui.unit_combo):
            combo.blockSignals(True)
            combo.clear()
        labels = (
            (DocKind.SHEET, self.tr("A member's score sheet")),
            (DocKind.NOTICE, self.tr("Round-1 notice of a unit")),
            (DocKind.RESULTS, self.tr("Appraisal results")),
            (DocKind.MINUTES, self.tr("Council meeting minutes")),
        )
        for value, label in labels:
            ui.kind_combo.addItem(label, value.value)
        for m in self._members.values():
            ui.member_combo.addItem(f"{m.name} ({m.id})", m.id)
        for u in self._units:
            ui.unit_combo.addItem(f"{u.id} — {u.name}", u.id)
        for combo, value in (
            (ui.kind_combo, kind),
            (ui.member_combo, member),
            (ui.unit_combo, unit),
        ):
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        self._enable_fields()
        self.images.set_members(list(self._members.values()), self._lang)

    def _enable_fields(self) -> None:
        ui = self.ui
        kind = ui.kind_combo.currentData()
        ui.member_combo.setEnabled(kind == DocKind.SHEET.value)
        ui.unit_combo.setEnabled(kind in (DocKind.SHEET.value, DocKind.NOTICE.value))
        ui.deadline_edit.setEnabled(kind == DocKind.NOTICE.value)
        dated = kind != DocKind.MINUTES.value
        ui.date_edit.setEnabled(dated)
        ui.place_edit.setEnabled(dated)


def _fit(table: Any, model: TextTableModel) -> None:
    table.resizeColumnsToContents()
    for column in range(model.columnCount() - 1):
        table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))


def install_external_pane(window: SecretaryWindow, ctx: RoundContext, lang: Lang) -> ExternalPane:
    """Add the "Sign with another tool" tab at the end; re-read it whenever it is shown."""
    pane = ExternalPane(window)
    tabs = window.ui.tabs_widget
    tabs.addTab(pane, "")
    pane._title = TabTitle(  # type: ignore[attr-defined]  # kept alive with it
        window, pane, lambda: QCoreApplication.translate("ExternalPane", "Sign with another tool")
    )
    pane.set_context(ctx, lang)
    tabs.currentChanged.connect(lambda _i: pane.refresh() if tabs.currentWidget() is pane else None)
    return pane
