"""The member's list of units: progress, total, index, class and flags; choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from parapp.core.messages import Lang
from parapp.services.member_view import UnitOverview
from parapp.ui.forms.ui_units_pane import Ui_UnitsPane
from parapp.ui.models.unit_list_model import UnitColumn, UnitListModel


class UnitsPane(QWidget):
    """A table of ``UnitOverview`` rows; emits ``unit_selected`` with the chosen unit's id."""

    unit_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnitsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._model = UnitListModel(self)
        table = self.ui.units_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(24)
        # Fitted once per fill, not ResizeToContents: that mode measures every row on each save.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(UnitColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.setFocusProxy(table)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def model(self) -> UnitListModel:
        """The units model."""
        return self._model

    def table(self) -> QTableView:
        """The table view."""
        return self.ui.units_table

    def set_lang(self, lang: Lang) -> None:
        """Format numbers for ``lang``."""
        self._model.set_lang(lang)

    def set_overviews(self, rows: list[UnitOverview]) -> None:
        """Show ``rows`` (the selection is cleared)."""
        self._model.set_overviews(rows)
        table = self.ui.units_table
        for column in list(UnitColumn)[1:]:
            table.resizeColumnToContents(column)
        table.resizeRowsToContents()

    def update(self, overview: UnitOverview) -> None:  # type: ignore[override]  # a row, not a repaint
        """Refresh one unit's row."""
        self._model.update(overview)

    def select_unit(self, unit_id: str) -> bool:
        """Select a unit; False when it is not listed."""
        row = self._model.row_of(unit_id)
        if row < 0:
            return False
        self.ui.units_table.selectRow(row)
        return True

    def current_unit_id(self) -> str | None:
        """The selected unit's id."""
        rows = self.ui.units_table.selectionModel().selectedRows()
        return self._model.overview(rows[0].row()).unit.id if rows else None

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes: list[QModelIndex] = selected.indexes()
        if indexes:
            self.unit_selected.emit(self._model.overview(indexes[0].row()).unit.id)
