"""The wizard's first page: the round's name and file, and its criteria set (a bundled one, or
the province's workbook with its check report shown row by row). Finishing it creates the round
file and takes its write lock."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, UserFacingError
from parapp.core.messages import Lang
from parapp.services import criteria_sets, round_setup, rounds
from parapp.services.context import ROUND_SUFFIX
from parapp.ui.secretary.wizard.section import ERROR_STYLE, OK_STYLE
from parapp.ui.secretary.wizard.units_section import fill_table, text_table

log = logging.getLogger(__name__)


class CriteriaPage(QWizardPage):
    """Name, file and criteria set of the new round."""

    def __init__(self, folder: Path, actor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = Lang.VI
        self.actor = actor
        self.session: round_setup.WriterSession | None = None
        self.workbook_set: CriteriaSet | None = None
        self.setTitle(self.tr("New appraisal round"))
        self.setSubTitle(
            self.tr("Name the round, choose where its file goes and which criteria set it uses.")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Thẩm định Chỉ số CCHC năm 2026"))
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(Path(folder) / f"tham-dinh{ROUND_SUFFIX}"), self)
        self.path_button = QPushButton(self.tr("Choose…"), self)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.path_button)
        form.addRow(self.tr("Round name"), self.name_edit)
        form.addRow(self.tr("Round file"), path_row)
        layout.addLayout(form)
        self.bundled_radio = QRadioButton(self.tr("A bundled criteria set"), self)
        self.bundled_radio.setChecked(True)
        self.bundled_list = QListWidget(self)
        for bundled in criteria_sets.list_bundled():
            s = bundled.criteria_set
            item = QListWidgetItem(f"{s.form_id} — {s.name} ({s.year}, {s.version})")
            item.setData(Qt.ItemDataRole.UserRole, s.form_id)
            self.bundled_list.addItem(item)
        self.bundled_list.setCurrentRow(0)
        self.workbook_radio = QRadioButton(
            self.tr("The province's workbook (.xlsx or .json)"), self
        )
        book_row = QHBoxLayout()
        self.workbook_edit = QLineEdit(self)
        self.workbook_button = QPushButton(self.tr("Choose and check…"), self)
        book_row.addWidget(self.workbook_edit, 1)
        book_row.addWidget(self.workbook_button)
        self.report_label = QLabel(self)
        self.report_label.setWordWrap(True)
        self.report_table = text_table(self, [self.tr("Where"), self.tr("Problem")])
        self.report_table.hide()
        layout.addWidget(self.bundled_radio)
        layout.addWidget(self.bundled_list, 2)
        layout.addWidget(self.workbook_radio)
        layout.addLayout(book_row)
        layout.addWidget(self.report_label)
        layout.addWidget(self.report_table, 2)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message_label)
        self.setCommitPage(True)
        self.path_button.clicked.connect(self._choose_path)
        self.workbook_button.clicked.connect(self._choose_workbook)
        self.name_edit.textChanged.connect(self.completeChanged)

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
