"""The secretary's "Year" tab (Năm thẩm định): the second half of the year, one table of units
with where each stands (notice sent, explanation received and approved by the unit's leader and
imported, round 2 scored, decided by the council), and every step's action beside it:

1. round-1 notices for the selected unit or all (deadline, signed by the secretary, progress and
   cancel);
2. explanation forms exported, a filled form or a whole folder imported (a line per file);
3. the quorum rule, the council meeting (``MeetingDialog``), the minutes written, signed by the
   secretary and then by the chair;
4. the announcement draft; the next phase (freezing last), or an earlier phase reopened with a
   reason.

Every action runs a service; a refusal shows the service's bilingual message and changes
nothing. Installed by ``year_tab.install_year_pane`` (one line in the secretary window).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from parapp.core.errors import UserFacingError
from parapp.core.messages import Lang
from parapp.core.progress import Progress
from parapp.core.rounds import PHASE_ORDER, Phase
from parapp.services import announce, explanations, meeting, minutes, notices, rounds, signing
from parapp.services.context import RoundContext
from parapp.services.meeting import QuorumRule
from parapp.services.minutes import Signer
from parapp.services.year_status import UnitYear, YearStatus, year_status
from parapp.ui.forms.ui_year_pane import Ui_YearPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.secretary.meeting_dialog import MeetingDialog
from parapp.ui.secretary.notices_dialog import NoticesDialog, ReopenDialog
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.progress import ProgressRun

if TYPE_CHECKING:
    from parapp.io.signing.validation import TrustSettings

log = logging.getLogger(__name__)

MAX_COLUMN_WIDTH = 220
ACTIONS_WIDTH = 330
"""The actions column's width: the table of units takes the rest of 1366 pixels."""
DONE = QColor("#e6f4ea")
WAITING = QColor("#fef7e0")


class YearPane(QWidget):
    """The second half of the year, unit by unit."""

    changed = Signal()
    """Something in the round changed (the other tabs are stale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_YearPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._status: YearStatus | None = None
        self._call: ProgressRun | None = None
        self.trust: TrustSettings | None = None
        """The roots signatures are checked against (None: the bundled ones)."""
        self.dialog: QDialog | QFileDialog | QMessageBox | None = None
        """The dialog an action opened last (kept alive; tests drive it)."""
        self._model = TextTableModel(self)
        table = self.ui.units_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        ui = self.ui
        for box in (ui.notices_box, ui.explanations_box, ui.meeting_box, ui.close_box):
            box.setMaximumWidth(ACTIONS_WIDTH)
        for rule in QuorumRule:
            ui.quorum_combo.addItem("", rule.value)
        ui.notices_button.clicked.connect(self.open_notices)
        ui.export_forms_button.clicked.connect(self.choose_forms_folder)
        ui.import_form_button.clicked.connect(self.choose_form)
        ui.import_folder_button.clicked.connect(self.choose_forms_to_import)
        ui.quorum_combo.activated.connect(lambda _i: self.set_quorum_rule())
        ui.meeting_button.clicked.connect(self.open_meeting)
        ui.minutes_button.clicked.connect(lambda: self.choose_minutes_file(word=False))
        ui.minutes_docx_button.clicked.connect(lambda: self.choose_minutes_file(word=True))
        ui.sign_secretary_button.clicked.connect(lambda: self.open_sign_minutes(Signer.SECRETARY))
        ui.sign_chair_button.clicked.connect(lambda: self.open_sign_minutes(Signer.CHAIR))
        ui.announce_button.clicked.connect(self.choose_announcement_file)
        ui.advance_button.clicked.connect(self.confirm_advance)
        ui.reopen_button.clicked.connect(self.open_reopen)

    # -- public ---------------------------------------------------------------------------------

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx`` in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Texts in ``lang``."""
        self._lang = lang
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._fill()

    def refresh(self) -> None:
        """Read the units' status again."""
        if self._ctx is not None:
            try:
                self._status = year_status(self._ctx)
            except UserFacingError as exc:  # shown in the tab; the other tabs still work
                log.warning("year status unreadable: %s", exc)
                self._status = None
                self._fill()
                self.ui.summary_label.setText(exc.describe(self._lang))
                return
        self._fill()

    def model(self) -> TextTableModel:
        """One row per unit."""
        return self._model

    def status(self) -> YearStatus | None:
        """The status shown."""
        return self._status

    def report_text(self) -> str:
        """What the last action reported."""
        return self.ui.report_edit.toPlainText()

    def selected_unit(self) -> str | None:
        """The selected unit's id, if any."""
        index = self.ui.units_table.currentIndex()
        if not index.isValid() or self._status is None:
            return None
        return self._status.units[index.row()].unit_id

    def select_unit(self, unit_id: str) -> None:
        """Select a unit's row."""
        if self._status is not None:
            ids = [u.unit_id for u in self._status.units]
            self.ui.units_table.selectRow(ids.index(unit_id))

    def is_busy(self) -> bool:
        """Whether a worker runs."""
        return self._call is not None

    # -- 1. notices -----------------------------------------------------------------------------

    def open_notices(self) -> NoticesDialog | None:
        """The notices dialog, for the selected unit (or all); OK issues them."""
        if self._ctx is None:
            return None
        folder = self._ctx.path.parent / "notices"
        dialog = NoticesDialog(
            rounds.list_units(self._ctx), self, selected=self.selected_unit(), folder=folder
        )
        dialog.accepted.connect(lambda: self._issue_from(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _issue_from(self, dialog: NoticesDialog) -> None:
        ctx, key, trust = self._ctx, dialog.take_key(), self._trust()
        units, deadline, place = dialog.unit_ids(), dialog.deadline(), dialog.place()
        folder = dialog.folder()
        if ctx is None:
            return

        def issue(progress: Progress) -> Any:
            return notices.issue_notices(
                ctx, folder, key, trust, deadline=deadline, unit_ids=units, place=place,
                progress=progress,
            )  # fmt: skip

        self._run(self.tr("Issuing the round-1 notices"), issue, self._on_notices)

    def _on_notices(self, issued: Any) -> None:
        lines = [
            self.tr("%1: notice signed by %2 → %3").replace("%1", i.unit_id)
            .replace("%2", i.signer).replace("%3", str(i.pdf))
            for i in issued
        ]  # fmt: skip
        self._report(lines)

    # -- 2. explanations ------------------------------------------------------------------------

    def choose_forms_folder(self) -> None:
        """Ask for a folder, then export the explanation form of each unit (or the selected)."""
        dialog = QFileDialog(self, self.tr("Folder for the explanation forms"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda name: self.export_forms(Path(name)))
        self._open(dialog)

    def export_forms(self, folder: Path) -> list[Path]:
        """Write ``<unit>.xlsx`` per unit (the selected one, else every unit)."""
        if self._ctx is None or self._status is None:
            return []
        chosen = self.selected_unit()
        ids = [chosen] if chosen else [u.unit_id for u in self._status.units]
        written, lines = [], []
        for unit_id in ids:
            try:
                out = explanations.export_form(self._ctx, unit_id, folder / f"{unit_id}.xlsx")
            except Exception as exc:  # shown by the one error mapping; nothing written
                show_error(self, exc)
                break
            written.append(out)
            lines.append(
                self.tr("%1: form written → %2").replace("%1", unit_id).replace("%2", str(out))
            )
        self._report(lines)
        return written

    def choose_form(self) -> None:
        """Ask for a filled form (its new evidence beside it), then import it."""
        dialog = QFileDialog(self, self.tr("Import an explanation form"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Explanation form (*.xlsx)"))
        dialog.fileSelected.connect(lambda name: self.import_form(Path(name)))
        self._open(dialog)

    def import_form(self, path: Path, evidence: Path | None = None) -> bool:
        """Import one form, all or nothing (new evidence looked up beside it by default)."""
        if self._ctx is None:
            return False
        try:
            done = explanations.import_form(
                self._ctx, path, evidence_dir=evidence or Path(path).parent
            )
        except Exception as exc:  # shown by the one error mapping; nothing changed
            self._report([f"{Path(path).name}: {_describe(exc, self._lang)}"])
            show_error(self, exc)
            return False
        self._report([self._imported_line(Path(path).name, done)])
        self._changed()
        return True

    def choose_forms_to_import(self) -> None:
        """Ask for a folder of filled forms, then import every one."""
        dialog = QFileDialog(self, self.tr("Folder of filled explanation forms"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda name: self.import_folder(Path(name)))
        self._open(dialog)

    def import_folder(self, folder: Path) -> int:
        """Import every form in ``folder``, each all or nothing; a line per file. Returns how
        many were imported."""
        if self._ctx is None:
            return 0
        try:
            outcomes = explanations.import_folder(self._ctx, folder)
        except Exception as exc:  # shown by the one error mapping; nothing changed
            show_error(self, exc)
            return 0
        lines = [
            self._imported_line(o.file.name, o.report)
            if o.report is not None
            else f"✗ {o.file.name}: {_describe(o.error, self._lang)}"
            for o in outcomes
        ]
        self._report(lines or [self.tr("No form (*.xlsx) in %1.").replace("%1", str(folder))])
        if any(o.ok for o in outcomes):
            self._changed()
        return sum(1 for o in outcomes if o.ok)

    def _imported_line(self, name: str, done: Any) -> str:
        return (
            self.tr("✓ %1: %2 — %3 item(s), %4 new evidence file(s)")
            .replace("%1", name)
            .replace("%2", done.unit_id)
            .replace("%3", str(done.items))
            .replace("%4", str(done.evidence_stored))
        )

    # -- 3. meeting and minutes -----------------------------------------------------------------

    def set_quorum_rule(self, rule: QuorumRule | None = None) -> bool:
        """Store the quorum rule chosen (a refusal is shown and the rule stays)."""
        if self._ctx is None:
            return False
        chosen = rule.value if rule is not None else str(self.ui.quorum_combo.currentData())
        try:
            meeting.set_quorum_rule(self._ctx, chosen)
        except Exception as exc:
            show_error(self, exc)
            self._fill()
            return False
        self._fill()
        return True

    def open_meeting(self) -> MeetingDialog | None:
        """The meeting dialog; a recorded meeting refreshes the year."""
        if self._ctx is None:
            return None
        try:
            dialog = MeetingDialog(self._ctx, self._lang, self)
        except Exception as exc:  # e.g. the results cannot be read
            show_error(self, exc)
            return None
        dialog.accepted.connect(self._on_meeting)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_meeting(self) -> None:
        dialog = self.dialog
        if isinstance(dialog, MeetingDialog) and dialog.record is not None:
            stored = dialog.record.stored
            text = self.tr("Meeting %1 recorded: %2 item(s) decided; results approved: %3.")
            approved = self.tr("yes") if stored.approved else self.tr("no")
            self._report(
                [
                    text.replace("%1", stored.number)
                    .replace("%2", str(len(stored.items)))
                    .replace("%3", approved)
                ]
            )
        self._changed()

    def choose_minutes_file(self, word: bool = False) -> None:
        """Ask where to write the unsigned minutes (to read before signing), or with ``word``
        the same minutes as a Word file to edit."""
        name = "bien-ban-du-thao.docx" if word else "bien-ban-du-thao.pdf"
        then = functools.partial(self.write_minutes, word=word)
        self._save_dialog(self.tr("Write the minutes"), name, then)

    def write_minutes(self, pdf: Path, word: bool = False) -> bool:
        """Write the minutes of the latest meeting, unsigned (``word``: as a .docx to edit)."""
        if self._ctx is None:
            return False
        try:
            (minutes.write_minutes_docx if word else minutes.write_minutes)(self._ctx, pdf)
        except Exception as exc:
            show_error(self, exc)
            return False
        done = (
            self.tr("Minutes written as a Word file to edit → %1")
            if word
            else self.tr("Minutes written (unsigned) → %1")
        )
        self._report([done.replace("%1", str(pdf))])
        return True

    def open_sign_minutes(self, who: Signer, pdf: Path | None = None) -> NoticesDialog | None:
        """The key dialog for the secretary's (first) or the chair's (second) signature of
        ``pdf`` (default: ``meeting/bien-ban.pdf`` beside the round)."""
        if self._ctx is None:
            return None
        target = pdf or self._ctx.path.parent / "meeting" / "bien-ban.pdf"
        title = (
            self.tr("Sign the minutes as secretary: %1")
            if who is Signer.SECRETARY
            else self.tr("Sign the minutes as chair: %1")
        ).replace("%1", str(target))
        dialog = NoticesDialog((), self, key_only=True, title=title)
        dialog.accepted.connect(lambda: self._sign_from(dialog, who, target))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _sign_from(self, dialog: NoticesDialog, who: Signer, pdf: Path) -> None:
        ctx, key, trust = self._ctx, dialog.take_key(), self._trust()
        if ctx is None:
            return

        def sign(_progress: Progress) -> Any:
            pdf.parent.mkdir(parents=True, exist_ok=True)
            return minutes.sign_minutes(ctx, pdf, who, key, trust)

        self._run(self.tr("Signing the minutes"), sign, self._on_signed)

    def _on_signed(self, signed: Any) -> None:
        self._report([self.tr("Minutes signed → %1").replace("%1", str(signed.path))])
        self._changed()

    # -- 4. announcement and phases -------------------------------------------------------------

    def choose_announcement_file(self) -> None:
        """Ask where to write the draft decision (its annexes' workbook beside it)."""
        self._save_dialog(
            self.tr("Announcement draft"), "du-thao-quyet-dinh.pdf", self.write_announcement
        )

    def write_announcement(self, pdf: Path) -> bool:
        """Write the draft decision and its annexes workbook."""
        if self._ctx is None:
            return False
        try:
            written = announce.write_announcement(self._ctx, pdf=pdf, xlsx=pdf.with_suffix(".xlsx"))
        except Exception as exc:
            show_error(self, exc)
            return False
        self._report([self.tr("Written: %1").replace("%1", ", ".join(str(p) for p in written))])
        return True

    def confirm_advance(self) -> None:
        """Ask before moving the round to its next phase."""
        target = self._next_phase()
        if target is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Next phase"),
            self.tr("Move the round to the phase “%1”?").replace(
                "%1", target.label.get(self._lang)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(self.advance)
        self.dialog = box
        box.open()

    def advance(self) -> bool:
        """Move the round to its next phase (freezing last)."""
        target = self._next_phase()
        if self._ctx is None or target is None:
            return False
        return self._phase(lambda ctx: rounds.advance_phase(ctx, target))

    def open_reopen(self) -> ReopenDialog | None:
        """Ask for an earlier phase and the reason, then reopen it."""
        if self._ctx is None:
            return None
        current = rounds.round_info(self._ctx).phase
        dialog = ReopenDialog(PHASE_ORDER[: PHASE_ORDER.index(current)], self._lang, self)
        dialog.accepted.connect(lambda: self._reopen_from(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _reopen_from(self, dialog: ReopenDialog) -> None:
        phase = dialog.phase()
        if phase is not None:
            self.reopen(phase, dialog.reason())

    def reopen(self, phase: Phase, reason: str) -> bool:
        """Go back to ``phase``; the service refuses it without a reason."""
        return self._phase(lambda ctx: rounds.advance_phase(ctx, phase, reason))

    # -- internals ------------------------------------------------------------------------------

    def _phase(self, change: Callable[[RoundContext], object]) -> bool:
        if self._ctx is None:
            return False
        try:
            change(self._ctx)
        except Exception as exc:
            show_error(self, exc)
            return False
        self._changed()
        return True

    def _next_phase(self) -> Phase | None:
        if self._ctx is None:
            return None
        current = rounds.round_info(self._ctx).phase
        position = PHASE_ORDER.index(current)
        return PHASE_ORDER[position + 1] if position + 1 < len(PHASE_ORDER) else None

    def _trust(self) -> TrustSettings:
        return self.trust if self.trust is not None else signing.trust_settings()

    def _open(self, dialog: QFileDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _save_dialog(self, title: str, name: str, then: Callable[[Path], bool]) -> None:
        word = name.endswith(".docx")  # else a PDF
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Word (*.docx)") if word else self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("docx" if word else "pdf")
        if self._ctx is not None:
            dialog.setDirectory(str(self._ctx.path.parent))
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self._open(dialog)

    def _run(
        self, title: str, call: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        if self._call is not None:
            return
        run = ProgressRun(self, title, call)
        run.succeeded.connect(done)
        run.failed.connect(lambda exc: show_error(self, exc))
        run.finished.connect(self._on_finished)
        self._call = run
        self._enable()
        run.start()

    def _on_finished(self) -> None:
        self._call = None
        self._enable()
        self.refresh()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _report(self, lines: list[str]) -> None:
        self.ui.report_edit.setPlainText("\n".join(lines))

    def _enable(self) -> None:
        idle = self._call is None
        for button in (
            self.ui.notices_button,
            self.ui.sign_secretary_button,
            self.ui.sign_chair_button,
        ):
            button.setEnabled(idle)

    def _headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Unit"),
            self.tr("Notice sent"),
            self.tr("Deadline"),
            self.tr("Explanation"),
            self.tr("Approved by the leader"),
            self.tr("Round 2"),
            self.tr("Decided"),
            self.tr("Step"),
        ]

    def _fill(self) -> None:
        ui, lang = self.ui, self._lang
        for row, rule in enumerate(QuorumRule):
            ui.quorum_combo.setItemText(row, rule.label.get(lang))
        if self._ctx is not None:
            current = meeting.quorum_rule(self._ctx)
            ui.quorum_combo.setCurrentIndex(ui.quorum_combo.findData(current.value))
            info = rounds.round_info(self._ctx)
            target = self._next_phase()
            ui.advance_button.setText(
                self.tr("Move to: %1").replace("%1", target.label.get(lang))
                if target is not None
                else self.tr("Frozen")
            )
            ui.advance_button.setEnabled(target is not None)
            ui.reopen_button.setEnabled(info.phase is not PHASE_ORDER[0])
        self._model.set_headers(self._headers(), right_columns=[4, 6, 7])
        status = self._status
        self._model.set_rows([] if status is None else [self._row(u) for u in status.units])
        if status is not None and self._ctx is not None:
            phase = rounds.round_info(self._ctx).phase.label.get(lang)
            approved = self.tr("approved") if status.approved else self.tr("not approved yet")
            ui.summary_label.setText(
                self.tr("Phase: <b>%1</b> — %2 meeting(s), results %3.")
                .replace("%1", phase)
                .replace("%2", str(status.meetings))
                .replace("%3", approved)
            )
        table = ui.units_table
        table.resizeColumnsToContents()
        for number in range(self._model.columnCount() - 1):
            table.setColumnWidth(number, min(table.columnWidth(number), MAX_COLUMN_WIDTH))

    def _row(self, unit: UnitYear) -> TableRow:
        cells = (
            unit.unit_id,
            unit.name,
            _day(unit.notice_at) if unit.notice_at else "—",
            unit.deadline.strftime("%d/%m/%Y") if unit.deadline else "—",
            str(unit.explained) if unit.explained else "—",
            (
                f"{unit.approved_by} ({unit.approved_on:%d/%m/%Y})"
                if unit.approved_by and unit.approved_on
                else "—"
            ),
            f"{unit.round2_scored}/{unit.explained}" if unit.explained else "—",
            str(unit.decided) if unit.decided else "—",
            unit.describe().get(self._lang),
        )
        done = unit.decided or (unit.explained and unit.round2_scored >= unit.explained)
        look = DONE if done else WAITING if unit.notice_at else None
        return TableRow(cells, key=unit.unit_id, backgrounds={8: look} if look else {})


def _day(stamp: str) -> str:
    """ISO 8601 as dd/mm/yyyy."""
    try:
        return dt.datetime.fromisoformat(stamp).strftime("%d/%m/%Y")
    except ValueError:
        return stamp


def _describe(exc: BaseException | None, lang: Lang) -> str:
    describe = getattr(exc, "describe", None)
    return describe(lang) if callable(describe) else str(exc)
