"""Units of the round: the table (code, name, type, ranking group), adding one, or importing the
units workbook after a preview of its rows or its errors, row by row."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from parapp.services import ranking_settings, round_setup, rounds, workbooks
from parapp.services.round_setup import Setting, UnitsPreview
from parapp.ui.forms.ui_units_section import Ui_UnitsSection
from parapp.ui.secretary.wizard.roster_dialogs import RosterActions
from parapp.ui.secretary.wizard.section import Section


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the table's rows with read-only text."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


def fit_rows(*tables: QTableWidget) -> None:
    """Rows as tall as their text (what a form cannot say of a table's vertical header)."""
    for table in tables:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class UnitsSection(Section):
    """The round's units."""

    setting = Setting.UNITS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnitsSection()
        self.use_form(self.ui)
        self.preview: UnitsPreview | None = None
        self._preview_path: Path | None = None
        ui = self.ui
        self.table, self.preview_box = ui.table, ui.preview_box
        self.preview_table, self.problem_list = ui.preview_table, ui.problem_list
        self.code_edit, self.name_edit, self.type_combo = ui.code_edit, ui.name_edit, ui.type_combo
        self.add_button, self.template_button = ui.add_button, ui.template_button
        self.import_button, self.confirm_button = ui.import_button, ui.confirm_button
        fit_rows(self.table, self.preview_table)
        self.preview_box.hide()
        self.roster = RosterActions(self, self.table, ui.edit_button, ui.remove_button, units=True)
        self.add_button.clicked.connect(self.add_unit)
        self.name_edit.returnPressed.connect(self.add_unit)
        self.import_button.clicked.connect(self._choose_workbook)
        self.template_button.clicked.connect(self._choose_template)
        self.confirm_button.clicked.connect(self.import_previewed)

    def editors(self) -> list[QWidget]:
        return [self.code_edit, self.name_edit, self.type_combo, self.add_button]

    def apply_gate(self) -> None:
        """Adding follows the phase; correcting and removing only the lock and freezing."""
        super().apply_gate()
        self.roster.apply_gate()

    def refresh(self) -> None:
        ctx = self.round_ctx()
        criteria_set = ctx.criteria_set()
        current = self.type_combo.currentData()
        self.type_combo.clear()
        for unit_type in criteria_set.unit_types:
            self.type_combo.addItem(f"{unit_type.label} ({unit_type.code})", unit_type.code)
        if current is not None:
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(current)))
        groups = {g.code: g.label for g in ranking_settings.ranking_groups(ctx)}
        types = {u.code: u.label for u in criteria_set.unit_types}
        fill_table(
            self.table,
            [
                (u.id, u.name, types.get(u.unit_type, u.unit_type), groups.get(u.ranking_group, ""))
                for u in rounds.list_units(ctx)
            ],
        )

    def add_unit(self) -> bool:
        """Add the unit typed in the row under the table."""
        ctx = self.round_ctx()
        code, name = self.code_edit.text(), self.name_edit.text()
        unit_type = str(self.type_combo.currentData() or "")
        added = self.attempt(lambda: rounds.add_unit(ctx, code, name, unit_type))
        if added is None:
            return False
        self.code_edit.clear()
        self.name_edit.clear()
        self.code_edit.setFocus()
        self.say(self.tr("Added unit %1.").replace("%1", f"{added.id} — {added.name}"))
        self.refresh()
        return True

    def preview_workbook(self, path: Path) -> UnitsPreview:
        """Read a units workbook and show its rows, or its errors row by row; nothing stored."""
        preview = round_setup.preview_units(self.round_ctx(), Path(path))
        self.preview, self._preview_path = preview, Path(path)
        fill_table(
            self.preview_table,
            [
                (str(r.location.row or ""), r.id, r.name, r.unit_type)
                for r in preview.rows
            ],
        )  # fmt: skip
        self.problem_list.clear()
        for problem in preview.problems:
            self.problem_list.addItem(problem.describe(self.lang))
        self.problem_list.setVisible(bool(preview.problems))
        self.preview_table.setVisible(not preview.problems)
        self.confirm_button.setEnabled(not preview.problems and bool(preview.rows))
        self.preview_box.show()
        if preview.error is not None:
            self.say(preview.error.msg.get(self.lang), error=True)
        else:
            self.say(self.tr("%1 unit(s) ready to import.").replace("%1", str(len(preview.rows))))
        return preview

    def import_previewed(self) -> bool:
        """Import the previewed workbook (all or nothing)."""
        if self._preview_path is None:
            return False
        ctx, path = self.round_ctx(), self._preview_path
        added = self.attempt(lambda: workbooks.import_units(ctx, path))
        if added is None:
            return False
        self.preview_box.hide()
        self._preview_path = None
        self.say(self.tr("Added %1 unit(s).").replace("%1", str(len(added))))
        self.refresh()
        return True

    def _choose_workbook(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Units workbook"), str(Path.home()), self.tr("Excel workbooks (*.xlsx)")
        )
        if name:
            self.preview_workbook(Path(name))

    def _choose_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Units workbook template"), str(Path.home() / "don-vi.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if name:
            ctx = self.round_ctx()
            if self.attempt(lambda: workbooks.export_units_template(ctx, Path(name))):
                self.say(self.tr("Wrote %1.").replace("%1", name))
