"""The secretary's "Submissions" tab: drop or add members' signed score packages, merge them on a
worker, see one report row per file, and trust a member's certificate on first use."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QUrl, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from parapp.core.messages import Lang
from parapp.core.rounds import Member
from parapp.io.signing.validation import SignatureVerdict
from parapp.services import merge, merge_report, rounds, submission
from parapp.services.context import RoundContext
from parapp.services.merge import FileOutcome, MergeReport, Outcome
from parapp.ui.forms.ui_merge_pane import Ui_MergePane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.progress import ProgressRun
from parapp.ui.widgets.workers import BackgroundCall

log = logging.getLogger(__name__)

PACKAGE_SUFFIX = ".parscore"
OUTCOME_COLORS = {
    Outcome.ACCEPTED: QColor(0xC8, 0xE6, 0xC9),
    Outcome.SUPERSEDED: QColor(0xFF, 0xF5, 0x9D),
    Outcome.DUPLICATE: QColor(0xE0, 0xE0, 0xE0),
    Outcome.REFUSED: QColor(0xFF, 0xCD, 0xD2),
}
STATUS_COLUMN = 2


def package_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The local ``.parscore`` files among dropped URLs."""
    return [
        Path(url.toLocalFile())
        for url in urls
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PACKAGE_SUFFIX)
    ]


class MergePane(QWidget):
    """Merges dropped or chosen packages; ``merged`` reports each finished merge."""

    merged = Signal(object)
    """A ``MergeReport``: every file's outcome."""
    merge_failed = Signal(object)
    """The exception of a merge that could not run at all."""
    trusted = Signal(object)
    """The ``Member`` whose certificate was just registered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MergePane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._members: dict[str, Member] = {}
        self._report: MergeReport | None = None
        self._call: ProgressRun | None = None
        self._signer_call: BackgroundCall | None = None
        self.file_dialog: QFileDialog | None = None
        self.trust_box: QMessageBox | None = None
        self._model = TextTableModel(self)
        self.details_label = QLabel(self)
        self.details_text = QPlainTextEdit(self)
        """The selected file's report: the verdict, every refused value, the merged warnings."""
        self._add_details()
        table = self.ui.report_table
        table.setModel(self._model)
        self._set_headers()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setAcceptDrops(True)
        self.ui.add_files_button.clicked.connect(self.choose_files)
        self.ui.trust_button.clicked.connect(self.trust_selected)
        table.selectionModel().currentRowChanged.connect(self._update_trust_button)
        table.selectionModel().currentRowChanged.connect(self._show_details)

    # -- public ---------------------------------------------------------------------------------

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx``; texts in ``lang``."""
        self._ctx = ctx
        self._lang = lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Show headers and reasons in ``lang``."""
        self._lang = lang
        self._set_headers()
        self._fill()

    def details(self) -> str:
        """The report shown for the selected file (or the first file needing attention)."""
        return self.details_text.toPlainText()

    def refresh(self) -> None:
        """Re-read the members (names and registered certificates)."""
        if self._ctx is not None:
            self._members = {m.id: m for m in rounds.list_members(self._ctx)}
        self._fill()

    def model(self) -> TextTableModel:
        """The report model (one row per file of the last merge)."""
        return self._model

    def report(self) -> MergeReport | None:
        """The last merge's report."""
        return self._report

    def is_merging(self) -> bool:
        """A merge runs on the worker."""
        return self._call is not None

    def merge_files(self, paths: Sequence[Path]) -> bool:
        """Merge ``paths`` on a worker (False when nothing to do or a merge still runs)."""
        if self._ctx is None or not paths or self._call is not None:
            return False
        ctx, files = self._ctx, [Path(p) for p in paths]
        call = ProgressRun(
            self,
            self.tr("Merging the submissions"),
            lambda progress: merge.merge_submissions(ctx, files, progress=progress),
        )
        call.succeeded.connect(self._on_merged)
        call.failed.connect(self._on_failed)
        call.finished.connect(self._on_finished)
        self._call = call
        self._set_busy(True)
        self.ui.summary_label.setText(self.tr("Merging %1 file(s)…").replace("%1", str(len(files))))
        log.info("merging %d file(s)", len(files))
        call.start()
        return True

    def choose_files(self) -> None:
        """Open a file dialog for score packages (not blocking)."""
        dialog = QFileDialog(self, self.tr("Add score packages"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Score packages (*.parscore)"), self.tr("All files (*)")])
        dialog.filesSelected.connect(lambda names: self.merge_files([Path(n) for n in names]))
        self.file_dialog = dialog
        dialog.open()

    def selected_outcome(self) -> FileOutcome | None:
        """The outcome of the selected report row."""
        row = self.ui.report_table.currentIndex().row()
        if row < 0 or self._report is None:
            return None
        key = self._model.row(row).key
        return key if isinstance(key, FileOutcome) else None

    def trust_selected(self) -> None:
        """Read the signer of the selected refused package, then ask to trust it."""
        outcome = self.selected_outcome()
        if outcome is None or not self._may_trust(outcome) or self._signer_call is not None:
            return
        path = outcome.path
        call = BackgroundCall(lambda: merge.package_signer(path))
        call.succeeded.connect(lambda verdict: self._confirm_trust(outcome, verdict))
        call.failed.connect(lambda exc: show_error(self, exc))
        call.finished.connect(self._on_signer_finished)
        self._signer_call = call
        call.start()

    # -- Qt overrides ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if package_paths(event.mimeData().urls()) and self._call is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = package_paths(event.mimeData().urls())
        if paths and self.merge_files(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- internals ------------------------------------------------------------------------------

    def _add_details(self) -> None:
        """The per-file report under the table (the table shows one line per file)."""
        self.details_label.setObjectName("details_label")
        self.details_label.setBuddy(self.details_text)
        self.details_text.setObjectName("details_text")
        self.details_text.setReadOnly(True)
        self.details_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = self.ui.merge_layout
        layout.addWidget(self.details_label)
        layout.addWidget(self.details_text)
        layout.setStretchFactor(self.ui.report_table, 3)
        layout.setStretchFactor(self.details_text, 2)
        QWidget.setTabOrder(self.ui.report_table, self.details_text)

    def _set_headers(self) -> None:
        self._model.set_headers(
            [self.tr("File"), self.tr("Member"), self.tr("Status"), self.tr("Reason")]
        )
        self.details_label.setText(self.tr("&Details of the selected file"))

    def _fill(self) -> None:
        outcomes = self._report.files if self._report is not None else ()
        self._model.set_rows([self._row(o) for o in outcomes])
        table = self.ui.report_table
        for column in range(3):
            table.resizeColumnToContents(column)
        if self._report is not None:
            self.ui.summary_label.setText(self._summary(self._report))
        self._update_trust_button(QModelIndex())
        self._show_details()

    def _row(self, outcome: FileOutcome) -> TableRow:
        member = self._members.get(outcome.member_id or "")
        who = member.name if member is not None else (outcome.member_id or "")
        reason = outcome.reason.get(self._lang)
        return TableRow(
            (outcome.path.name, who, outcome.outcome.label.get(self._lang), reason),
            key=outcome,
            backgrounds={STATUS_COLUMN: OUTCOME_COLORS[outcome.outcome]},
            tooltip=f"{outcome.path}\n{reason}",
        )

    def _show_details(self, *_args: object) -> None:
        outcome = self.selected_outcome() or self._needing_attention()
        lines = merge_report.file_lines(outcome, self._lang) if outcome is not None else []
        self.details_text.setPlainText("\n".join(lines))

    def _needing_attention(self) -> FileOutcome | None:
        """With no row selected: the first refused file, else the first with warnings."""
        outcomes = self._report.files if self._report is not None else ()
        refused = [o for o in outcomes if o.outcome is Outcome.REFUSED]
        warned = [o for o in outcomes if o.findings]
        return next(iter(refused or warned or outcomes), None)

    def _summary(self, report: MergeReport) -> str:
        parts = [f"{report.count(o)} {o.label.get(self._lang)}" for o in Outcome if report.count(o)]
        text = self.tr("Last merge: %1.").replace("%1", ", ".join(parts))
        if report.not_started:
            stopped = self.tr("Cancelled: %1 file(s) not merged, add them again to merge them.")
            text += " " + stopped.replace("%1", str(len(report.not_started)))
        return text

    def _may_trust(self, outcome: FileOutcome) -> bool:
        """Refused, from a known member who has no registered certificate yet."""
        member = self._members.get(outcome.member_id or "")
        return (
            outcome.outcome is Outcome.REFUSED
            and member is not None
            and member.certificate_sha256 is None
        )

    def _update_trust_button(self, *_args: object) -> None:
        outcome = self.selected_outcome()
        self.ui.trust_button.setEnabled(outcome is not None and self._may_trust(outcome))

    def _set_busy(self, busy: bool) -> None:
        self.ui.add_files_button.setEnabled(not busy)
        self.setAcceptDrops(not busy)

    def _on_merged(self, report: MergeReport) -> None:
        self._on_finished()  # before ``merged``: its handlers may merge again
        self._report = report
        self.refresh()
        self.merged.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self._on_finished()
        self.ui.summary_label.setText(self.tr("The merge did not run."))
        show_error(self, exc)
        self.merge_failed.emit(exc)

    def _on_finished(self) -> None:
        self._call = None
        self._set_busy(False)

    def _on_signer_finished(self) -> None:
        self._signer_call = None

    def _confirm_trust(self, outcome: FileOutcome, verdict: SignatureVerdict) -> None:
        member = self._members.get(outcome.member_id or "")
        if member is None:
            return
        text = (
            self.tr(
                "Trust this certificate as the signing certificate of %1 (%2)?\n\n"
                "Signer: %3\nFingerprint (SHA-256):\n%4\n\n"
                "Compare the fingerprint with the member (by phone or in person) before you "
                "confirm. The decision is recorded in the audit log."
            )
            .replace("%1", member.name)
            .replace("%2", member.id)
            .replace("%3", verdict.signer)
            .replace("%4", submission.grouped_fingerprint(verdict.certificate_sha256))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Trust this certificate"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda result: self._on_trust_answer(result, outcome, verdict.certificate_sha256)
        )
        self.trust_box = box
        box.open()

    def _on_trust_answer(self, result: int, outcome: FileOutcome, fingerprint: str) -> None:
        self.trust_box = None
        if result != QMessageBox.StandardButton.Yes.value or self._ctx is None:
            return
        try:
            member = merge.trust_member(
                self._ctx, outcome.member_id or "", fingerprint, self._ctx.actor
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.trusted.emit(member)
        self.merge_files([outcome.path])
