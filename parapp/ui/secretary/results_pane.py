"""The secretary's "Results" tab: the consolidation rule, the ranking of each ranking group, and
the export of the workbook and PDF (on a worker) with printing of the PDF.

While any score the results are built from breaks a hard rule of the criteria set, the tab lists
each (unit, item, whose value, value, requirement), the official export is disabled and a draft
export ("DỰ THẢO" on every page, the list attached) is offered instead. A unit without any final
score shows "chưa có điểm thẩm định", without class or rank."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QWidget

from parapp.core.consolidation import RULE_LABELS, ConsolidationRule
from parapp.core.messages import Lang
from parapp.core.numbers import canonical, format_score
from parapp.core.results import RoundResults, UnitOutcome
from parapp.services import previous_year, reports, results, results_checks
from parapp.services.context import RoundContext
from parapp.services.previous_year import YearChange
from parapp.services.reports import ReportFiles
from parapp.services.results_checks import NOT_APPRAISED, ResultProblem
from parapp.ui.forms.ui_results_pane import Ui_ResultsPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.secretary.previous_year_bar import PreviousYearBar
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.print_sheet import SheetPrintJob
from parapp.ui.widgets.progress import ProgressRun

log = logging.getLogger(__name__)

INCOMPLETE_COLOR = QColor(0xFF, 0xF5, 0x9D)
COMPLETE_COLUMN = 4


class ResultsPane(QWidget):
    """Ranking per group, the round's consolidation settings, export and print."""

    settings_changed = Signal(object)
    """The new ``RoundSettings``."""
    exported = Signal(object)
    """The ``ReportFiles`` written."""
    export_failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ResultsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._results: RoundResults | None = None
        self._problems: tuple[ResultProblem, ...] = ()
        self._call: ProgressRun | None = None
        self._last_pdf: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_job: SheetPrintJob | None = None
        self._model = TextTableModel(self)
        table = self.ui.results_table
        table.setModel(self._model)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The round's classification bands, under the ranking (every results sheet lists them).
        self.bands_label = QLabel(self)
        self.bands_label.setObjectName("bands_label")
        self.bands_label.setWordWrap(True)
        layout = self.ui.results_layout
        layout.insertWidget(layout.indexOf(table) + 1, self.bands_label)
        # Last year's results kept in the round: the ranking then shows the changes.
        self._changes: dict[str, YearChange] = {}
        self.previous_bar = PreviousYearBar(self)
        layout.insertWidget(layout.indexOf(self.bands_label) + 1, self.previous_bar)
        self.previous_bar.changed.connect(self.refresh)
        self._blocking_model = TextTableModel(self)
        self.ui.blocking_table.setModel(self._blocking_model)
        self.ui.blocking_table.horizontalHeader().setStretchLastSection(True)
        self.ui.blocking_box.setVisible(False)
        self.ui.draft_button.setVisible(False)
        self.ui.date_edit.setDate(QDate.currentDate())
        for rule in ConsolidationRule:
            self.ui.rule_combo.addItem("", rule.value)
        self._set_texts()
        self.ui.rule_combo.currentIndexChanged.connect(self._update_threshold)
        self.ui.apply_settings_button.clicked.connect(self.apply_settings)
        self.ui.group_combo.currentIndexChanged.connect(self._fill)
        self.ui.export_button.clicked.connect(self.choose_export)
        self.ui.draft_button.clicked.connect(lambda: self.choose_export(draft=True))
        self.ui.print_button.clicked.connect(self.print_last)

    # -- public ---------------------------------------------------------------------------------

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx``; texts in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self._show_settings()
        self.previous_bar.set_context(ctx, lang)
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Texts and numbers in ``lang``."""
        self._lang = lang
        self._set_texts()
        self.previous_bar.set_lang(lang)
        self._fill()
        self._show_problems()

    def refresh(self) -> None:
        """Compute the results again, with the scores that block the official export."""
        if self._ctx is None:
            return
        checked = results_checks.checked_results(self._ctx)
        self._results, self._problems = checked.results, checked.problems
        shown = self._results
        self._changes = {} if shown is None else dict(previous_year.changes(self._ctx, shown))
        combo = self.ui.group_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, label in self._results.groups if self._results is not None else ():
            combo.addItem(label, code)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        self._fill()
        self._show_problems()

    def problems(self) -> tuple[ResultProblem, ...]:
        """The scores that break a hard rule (the official export is disabled while any)."""
        return self._problems

    def blocking_model(self) -> TextTableModel:
        """The list of those scores, as shown."""
        return self._blocking_model

    def model(self) -> TextTableModel:
        """The chosen group's ranking."""
        return self._model

    def round_results(self) -> RoundResults | None:
        """The results shown."""
        return self._results

    def select_group(self, code: str) -> bool:
        """Show one ranking group (False when absent)."""
        index = self.ui.group_combo.findData(code)
        if index >= 0:
            self.ui.group_combo.setCurrentIndex(index)
        return index >= 0

    def apply_settings(self) -> None:
        """Store the chosen rule and threshold (errors are shown)."""
        if self._ctx is None:
            return
        rule = str(self.ui.rule_combo.currentData())
        threshold = self.ui.threshold_edit.text().strip() or None
        try:
            chosen = results.set_settings(self._ctx, rule, threshold)
        except Exception as exc:
            show_error(self, exc)
            return
        self._show_settings()
        self.refresh()
        self.settings_changed.emit(chosen)

    def choose_export(self, draft: bool = False) -> None:
        """Ask where to write the PDF (the workbook goes beside it), then export (a draft
        with ``draft``)."""
        stem = self._ctx.path.stem if self._ctx is not None else "ket-qua"
        title = self.tr("Export a draft") if draft else self.tr("Export results")
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF and workbook (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{stem}-{'du-thao' if draft else 'ket-qua'}.pdf")
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name), draft=draft))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, pdf: Path, draft: bool = False) -> bool:
        """Write ``pdf`` and the workbook beside it (same name, ``.xlsx``) on a worker; official
        sheets only while no score breaks a hard rule, a ``draft`` whenever the results exist."""
        if self._ctx is None or self._call is not None or self._results is None:
            return False
        if self._problems and not draft:
            return False
        ctx, pdf = self._ctx, Path(pdf).with_suffix(".pdf")
        xlsx = pdf.with_suffix(".xlsx")
        place = self.ui.place_edit.text().strip()
        day = self.ui.date_edit.date()
        date = dt.date(day.year(), day.month(), day.day())
        call = ProgressRun(
            self,
            self.tr("Exporting the results"),
            lambda progress: reports.export_results(
                ctx, xlsx=xlsx, pdf=pdf, place=place, date=date, draft=draft, progress=progress
            ),
        )
        call.succeeded.connect(self._on_exported)
        call.failed.connect(self._on_export_failed)
        call.finished.connect(self._on_export_finished)
        self._call = call
        self.ui.export_button.setEnabled(False)
        self.ui.draft_button.setEnabled(False)
        self.ui.export_label.setText(self.tr("Exporting the results…"))
        call.start()
        return True

    def last_pdf(self) -> Path | None:
        """The PDF exported last."""
        return self._last_pdf

    def print_last(self) -> None:
        """The system print dialog for the PDF exported last (not blocking)."""
        if self._last_pdf is None:
            return
        self.print_job = SheetPrintJob(self._last_pdf, self)
        self.print_job.open()

    # -- internals ------------------------------------------------------------------------------

    def _set_texts(self) -> None:
        for row, rule in enumerate(ConsolidationRule):
            self.ui.rule_combo.setItemText(row, RULE_LABELS[rule].get(self._lang))
        self._model.set_headers(
            [
                self.tr("Rank"),
                self.tr("Unit"),
                self.tr("Index %"),
                self.tr("Class"),
                self.tr("Complete"),
                *(
                    (
                        self.tr("Last year's index %"),
                        self.tr("Δ index"),
                        self.tr("Last year's rank"),
                        self.tr("Δ rank"),
                    )
                    if self._changes
                    else ()
                ),
            ],
            right_columns=[0, 2, 5, 6, 7, 8] if self._changes else [0, 2],
        )
        self._blocking_model.set_headers(
            [
                self.tr("Unit"),
                self.tr("Item"),
                self.tr("Whose score"),
                self.tr("Value"),
                self.tr("Required"),
            ],
            right_columns=[3],
        )

    def _show_settings(self) -> None:
        if self._ctx is None:
            return
        current = results.settings(self._ctx)
        self.ui.rule_combo.setCurrentIndex(self.ui.rule_combo.findData(current.rule.value))
        text = canonical(current.threshold)
        self.ui.threshold_edit.setText(text.replace(".", ",") if self._lang is Lang.VI else text)
        self._update_threshold()

    def _update_threshold(self) -> None:
        must_agree = self.ui.rule_combo.currentData() == ConsolidationRule.MUST_AGREE.value
        self.ui.threshold_edit.setEnabled(must_agree)

    def _fill(self) -> None:
        found = self._results
        if found is None:
            self._model.set_rows([])
            self.bands_label.clear()
            return
        if found.bands is not None:
            self.bands_label.setText(
                self.tr("Classes: %1").replace("%1", found.bands.describe(self._lang))
            )
        group = self.ui.group_combo.currentData()
        outcomes = found.in_group(group) if isinstance(group, str) else found.outcomes
        self._set_texts()
        self._model.set_rows([self._with_year(self._row(o)) for o in outcomes])
        table = self.ui.results_table
        for column in range(self._model.columnCount()):
            if column != 1:
                table.resizeColumnToContents(column)
        # Set after the columns exist: a model reset with new columns drops the section modes.
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _row(self, outcome: UnitOutcome) -> TableRow:
        complete = self.tr("yes") if outcome.complete else self.tr("not yet")
        if not outcome.appraised:  # no final score at all: no index, class or rank
            return TableRow(
                ("", outcome.unit.name, "", NOT_APPRAISED.get(self._lang), complete),
                key=outcome.unit.id,
                backgrounds={COMPLETE_COLUMN: INCOMPLETE_COLOR},
            )
        return TableRow(
            (
                f"{outcome.rank}/{outcome.group_size}",
                outcome.unit.name,
                format_score(outcome.result.index, self._lang),
                outcome.result.classification,
                complete,
            ),
            key=outcome.unit.id,
            backgrounds={} if outcome.complete else {COMPLETE_COLUMN: INCOMPLETE_COLOR},
        )

    def _with_year(self, row: TableRow) -> TableRow:
        """The row with last year's index and rank and the changes, when they are known."""
        if not self._changes:
            return row
        change = self._changes.get(str(row.key))
        if change is None:
            return replace(row, cells=(*row.cells, "", "", "", ""))
        lang = self._lang
        index = "" if change.previous_index is None else format_score(change.previous_index, lang)
        moved = "" if change.index_change is None else format_score(change.index_change, lang)
        if change.index_change is not None and change.index_change > 0:
            moved = f"+{moved}"
        if change.rank_comparable:
            moves = change.rank_change
            rank_moved = "" if moves is None else (f"{moves:+d}" if moves else "0")
        else:
            rank_moved = self.tr("not comparable")
        rank = "" if change.previous_rank is None else str(change.previous_rank)
        return replace(row, cells=(*row.cells, index, moved, rank, rank_moved))

    def _show_problems(self) -> None:
        lang = self._lang
        problems = self._problems
        self._blocking_model.set_rows(
            [
                TableRow(
                    (
                        f"{p.unit_id} — {p.unit_name}",
                        p.node_code,
                        p.source.get(lang),
                        p.value_text(lang),
                        p.bound.get(lang),
                    ),
                    key=f"{p.unit_id}/{p.node_code}/{p.source.en}/{n}",
                    tooltip=p.message.get(lang),
                )
                for n, p in enumerate(problems)
            ]
        )
        self.ui.blocking_table.resizeColumnsToContents()
        self.ui.blocking_box.setVisible(bool(problems))
        if self._results is None:
            text = self.tr(
                "%1 stored value(s) are not numbers: nothing can be exported, not even a draft. "
                "Correct them first."
            )
        else:
            text = self.tr(
                "The official export is disabled: %1 score(s) break a rule of the criteria set. "
                "Correct them, or export a draft marked “DỰ THẢO” with this list attached."
            )
        self.ui.blocking_label.setText(text.replace("%1", str(len(problems))))
        self._enable_exports()

    def _enable_exports(self) -> None:
        idle = self._call is None and self._results is not None
        self.ui.export_button.setEnabled(idle and not self._problems)
        self.ui.draft_button.setVisible(bool(self._problems))
        self.ui.draft_button.setEnabled(idle)

    def _on_exported(self, files: ReportFiles) -> None:
        self._on_export_finished()  # before ``exported``: its handlers may export again
        self._last_pdf = files.pdf
        written = ", ".join(str(p) for p in (files.xlsx, files.pdf) if p is not None)
        text = self.tr("Written: %1 (%2 PDF page(s)).").replace("%1", written)
        if files.draft:
            text += " " + self.tr("This is a draft marked “DỰ THẢO”, not the official results.")
        text = text.replace("%2", str(files.pdf_pages))
        if files.incomplete:
            text += " " + self.tr("Provisional: %1 unit(s) are not complete.").replace(
                "%1", str(len(files.incomplete))
            )
        self.ui.export_label.setText(text)
        self.ui.print_button.setEnabled(files.pdf is not None)
        self.exported.emit(files)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._on_export_finished()
        self.ui.export_label.setText(self.tr("Nothing was exported."))
        show_error(self, exc)
        self.export_failed.emit(exc)

    def _on_export_finished(self) -> None:
        self._call = None
        self._enable_exports()
