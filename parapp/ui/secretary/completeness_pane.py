"""The secretary's "Completeness" tab: unit x area x member, coloured by what each member has
delivered (submitted, partial, missing, not assigned)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from parapp.core.messages import Lang
from parapp.services import results
from parapp.services.context import RoundContext
from parapp.services.results import CellState, Completeness, CompletenessCell
from parapp.ui.forms.ui_completeness_pane import Ui_CompletenessPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel

MARKS = {
    CellState.SUBMITTED: "✓",
    CellState.PARTIAL: "½",
    CellState.MISSING: "✗",
    CellState.NOT_ASSIGNED: "·",
}
CELL_COLORS = {
    CellState.SUBMITTED: QColor(0xC8, 0xE6, 0xC9),
    CellState.PARTIAL: QColor(0xFF, 0xF5, 0x9D),
    CellState.MISSING: QColor(0xFF, 0xCD, 0xD2),
    CellState.NOT_ASSIGNED: QColor(0xF5, 0xF5, 0xF5),
}
FIRST_MEMBER_COLUMN = 2


def cell_text(cell: CompletenessCell) -> str:
    """ "✓ 12/12", "½ 3/12", "✗ 0/12" or "·" (not assigned)."""
    if cell.state is CellState.NOT_ASSIGNED:
        return MARKS[cell.state]
    return f"{MARKS[cell.state]} {cell.scored}/{cell.items}"


class CompletenessPane(QWidget):
    """Shows ``services.results.completeness`` as a coloured matrix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CompletenessPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._matrix: Completeness | None = None
        self._model = TextTableModel(self)
        table = self.ui.matrix_table
        table.setModel(self._model)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx``; texts in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Show the legend and headers in ``lang``."""
        self._lang = lang
        self._fill()

    def refresh(self) -> None:
        """Read the matrix again."""
        if self._ctx is not None:
            self._matrix = results.completeness(self._ctx)
        self._fill()

    def model(self) -> TextTableModel:
        """One row per unit and area, one column per member."""
        return self._model

    def matrix(self) -> Completeness | None:
        """The matrix shown."""
        return self._matrix

    def _fill(self) -> None:
        legend = "   ".join(f"{MARKS[s]} {s.label.get(self._lang)}" for s in CellState)
        self.ui.legend_label.setText(legend)
        matrix = self._matrix
        if matrix is None:
            return
        members = matrix.members
        self._model.set_headers(
            [self.tr("Unit"), self.tr("Area"), *(m.id for m in members)],
            [
                self.tr("Appraised unit"),
                self.tr("Area of the criteria"),
                *(m.name for m in members),
            ],
        )
        rows = []
        for unit in matrix.units:
            for code, name in matrix.areas:
                cells = [matrix.cell(unit.id, code, m.id) for m in members]
                rows.append(
                    TableRow(
                        (unit.name, code, *(cell_text(c) for c in cells)),
                        key=(unit.id, code),
                        backgrounds={
                            FIRST_MEMBER_COLUMN + i: CELL_COLORS[c.state]
                            for i, c in enumerate(cells)
                        },
                        tooltip=f"{unit.name} — {code}. {name}",
                    )
                )
        self._model.set_rows(rows)
        table = self.ui.matrix_table
        table.resizeColumnsToContents()
        outstanding = len(matrix.outstanding())
        self.ui.summary_label.setText(
            self.tr("Outstanding: %1 cell(s) not (fully) submitted.").replace(
                "%1", str(outstanding)
            )
        )
