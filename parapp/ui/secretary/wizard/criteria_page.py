"""The wizard's first page: the round's name and file, and its criteria set (a bundled one, or
the province's workbook with its check report shown row by row). Finishing it creates the round
file and takes its write lock."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget, QWizardPage

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, UserFacingError
from parapp.core.messages import Lang
from parapp.services import criteria_sets, round_setup, rounds
from parapp.services.context import ROUND_SUFFIX
from parapp.ui.forms.ui_criteria_page import Ui_CriteriaPage
from parapp.ui.secretary.wizard.section import ERROR_STYLE, OK_STYLE
from parapp.ui.secretary.wizard.units_section import fill_table, fit_rows

log = logging.getLogger(__name__)


class CriteriaPage(QWizardPage):
    """Name, file and criteria set of the new round."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CriteriaPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.lang = Lang.VI
        self.actor = ""
        self.session: round_setup.WriterSession | None = None
        self.workbook_set: CriteriaSet | None = None
        ui = self.ui
        self.name_edit, self.path_edit = ui.name_edit, ui.path_edit
        self.path_button = ui.path_button
        self.bundled_radio, self.bundled_list = ui.bundled_radio, ui.bundled_list
        self.workbook_radio, self.workbook_edit = ui.workbook_radio, ui.workbook_edit
        self.workbook_button, self.report_label = ui.workbook_button, ui.report_label
        self.report_table, self.message_label = ui.report_table, ui.message_label
        for bundled in criteria_sets.list_bundled():
            s = bundled.criteria_set
            item = QListWidgetItem(f"{s.form_id} — {s.name} ({s.year}, {s.version})")
            item.setData(Qt.ItemDataRole.UserRole, s.form_id)
            self.bundled_list.addItem(item)
        self.bundled_list.setCurrentRow(0)
        fit_rows(self.report_table)
        self.report_table.hide()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.setCommitPage(True)
        self.path_button.clicked.connect(self._choose_path)
        self.workbook_button.clicked.connect(self._choose_workbook)
        self.name_edit.textChanged.connect(self.completeChanged)

    def start_in(self, folder: Path, actor: str = "") -> None:
        """Propose a round file in ``folder``; ``actor`` is written in the audit."""
        self.actor = actor
        self.path_edit.setText(str(Path(folder) / f"tham-dinh{ROUND_SUFFIX}"))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.name_edit.text().strip()) and bool(self.path_edit.text().strip())

    def check_workbook(self, path: Path) -> bool:
        """Read and check a criteria workbook; its problems are listed row by row."""
        self.workbook_edit.setText(str(path))
        self.workbook_radio.setChecked(True)
        self.workbook_set = None
        try:
            self.workbook_set = criteria_sets.open_file(Path(path))
        except ImportFormatError as exc:
            fill_table(
                self.report_table,
                [(p.location.describe(self.lang), p.message.get(self.lang)) for p in exc.problems],
            )
            self.report_table.show()
            self.report_label.setStyleSheet(ERROR_STYLE)
            self.report_label.setText(exc.msg.get(self.lang))
            return False
        except UserFacingError as exc:
            self.report_table.hide()
            self.report_label.setStyleSheet(ERROR_STYLE)
            self.report_label.setText(exc.describe(self.lang))
            return False
        s = self.workbook_set
        self.report_table.hide()
        self.report_label.setStyleSheet(OK_STYLE)
        self.report_label.setText(
            self.tr("Checked: %1 — %2 (%3), %4 areas, unit types: %5.")
            .replace("%1", s.form_id)
            .replace("%2", s.name)
            .replace("%3", s.version)
            .replace("%4", str(len(s.nodes)))
            .replace("%5", ", ".join(u.label for u in s.unit_types))
        )
        return True

    def chosen_set(self) -> CriteriaSet | None:
        """The set chosen on the page (None: a workbook not checked or refused)."""
        if self.workbook_radio.isChecked():
            return self.workbook_set
        item = self.bundled_list.currentItem()
        if item is None:
            return None
        return criteria_sets.find_bundled(str(item.data(Qt.ItemDataRole.UserRole)))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Create the round file (and take its lock); refusals are shown on the page."""
        if self.session is not None:
            return True
        chosen = self.chosen_set()
        if chosen is None:
            self.message_label.setText(
                self.tr("Choose a bundled set, or a workbook that passes the check.")
            )
            return False
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() != ROUND_SUFFIX:
            path = path.with_name(path.name + ROUND_SUFFIX)
        try:
            ctx = rounds.create_round(path, chosen, self.name_edit.text(), actor=self.actor)
        except UserFacingError as exc:
            self.message_label.setText(exc.describe(self.lang))
            return False
        self.session = round_setup.take_round(ctx)
        self.message_label.clear()
        log.info("created round %s with %s", path, chosen.form_id)
        return True

    def _choose_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Round file"), self.path_edit.text(),
            self.tr("Appraisal rounds (*.parround)"),
        )  # fmt: skip
        if name:
            self.path_edit.setText(name)

    def _choose_workbook(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Criteria set"), str(Path.home()),
            self.tr("Criteria sets (*.xlsx *.json)"),
        )  # fmt: skip
        if name:
            self.check_workbook(Path(name))
