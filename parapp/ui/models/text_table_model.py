"""A read-only table of text rows: the secretary's merge report, completeness matrix, contested
items, ranking and audit trail. Panes turn service results into ``TableRow``s; no rules here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_Index = QModelIndex | QPersistentModelIndex

ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's key (whatever the pane stored: a file outcome, an item, a unit id)."""
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class TableRow:
    """One row: its cells, the object it stands for, and optional per-cell looks."""

    cells: tuple[str, ...]
    key: object = None
    backgrounds: dict[int, QColor] = field(default_factory=dict)
    """Column -> background colour."""
    foreground: QColor | None = None
    tooltip: str = ""


class TextTableModel(QAbstractTableModel):
    """Rows of text under translated headers; ``right_columns`` are right-aligned (numbers)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._tooltips: tuple[str, ...] = ()
        self._rows: list[TableRow] = []
        self._right: frozenset[int] = frozenset()

    def set_headers(
        self,
        headers: Sequence[str],
        tooltips: Sequence[str] = (),
        right_columns: Sequence[int] = (),
    ) -> None:
        """Set the column titles (the rows are cleared when the column count changes)."""
        headers = tuple(headers)
        if len(headers) != len(self._headers):
            self.beginResetModel()
            self._headers, self._rows = headers, []
            self._tooltips, self._right = tuple(tooltips), frozenset(right_columns)
            self.endResetModel()
            return
        self._headers, self._tooltips = headers, tuple(tooltips)
        self._right = frozenset(right_columns)
        if headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_rows(self, rows: Sequence[TableRow]) -> None:
        """Show ``rows`` (each as long as the headers)."""
        width = len(self._headers)
        if any(len(r.cells) != width for r in rows):
            raise ValueError("every row needs one cell per column")
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> TableRow:
        """The row shown at ``row``."""
        return self._rows[row]

    def rows(self) -> list[TableRow]:
        """Every row, in order."""
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self._tooltips):
            return self._tooltips[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.cells[column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column in row.backgrounds:
            return QBrush(row.backgrounds[column])
        if role == Qt.ItemDataRole.ForegroundRole and row.foreground is not None:
            return QBrush(row.foreground)
        if role == ROW_KEY_ROLE:
            return row.key
        return None
