"""Table model of the units a member scores: progress, total, index, class and flags per unit."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.services.member_view import UnitOverview

_Index = QModelIndex | QPersistentModelIndex

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The unit's id (str)."""

_FLAG_COLOR = QColor(0xB7, 0x1C, 0x1C)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class UnitColumn(IntEnum):
    """The model's columns."""

    NAME = 0
    PROGRESS = 1
    TOTAL = 2
    INDEX = 3
    CLASS = 4
    FLAGS = 5


class UnitListModel(QAbstractTableModel):
    """One row per unit; ``update`` refreshes a single row after a save."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitOverview] = []
        self._lang = Lang.VI

    def set_lang(self, lang: Lang) -> None:
        """Format numbers for ``lang``."""
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(UnitColumn) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(UnitColumn) - 1)

    def set_overviews(self, rows: list[UnitOverview]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update(self, overview: UnitOverview) -> None:
        """Replace the row of ``overview.unit`` and refresh it."""
        row = self.row_of(overview.unit.id)
        if row < 0:
            return
        self._rows[row] = overview
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(UnitColumn) - 1))

    def row_of(self, unit_id: str) -> int:
        """The row of a unit (-1 when absent)."""
        return next((i for i, o in enumerate(self._rows) if o.unit.id == unit_id), -1)

    def overview(self, row: int) -> UnitOverview:
        """The overview shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(UnitColumn)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(UnitColumn):
            return None
        column = UnitColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                UnitColumn.NAME: self.tr("Unit"),
                UnitColumn.PROGRESS: self.tr("Scored"),
                UnitColumn.TOTAL: self.tr("Total"),
                UnitColumn.INDEX: self.tr("Index %"),
                UnitColumn.CLASS: self.tr("Class"),
                UnitColumn.FLAGS: self.tr("Flags"),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                UnitColumn.NAME: self.tr("Appraised unit"),
                UnitColumn.PROGRESS: self.tr("Your items scored / items you score"),
                UnitColumn.TOTAL: self.tr("Points achieved / applicable maximum"),
                UnitColumn.INDEX: self.tr("PAR index of the unit, %"),
                UnitColumn.CLASS: self.tr("Classification"),
                UnitColumn.FLAGS: self.tr("Problems in your items"),
            }[column]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = UnitColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not UnitColumn.NAME:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column is UnitColumn.FLAGS and row.flags:
            return QBrush(_FLAG_COLOR)
        if role == UNIT_ID_ROLE:
            return row.unit.id
        return None

    def _display(self, row: UnitOverview, column: UnitColumn) -> str:
        if column is UnitColumn.NAME:
            return row.unit.name
        if column is UnitColumn.PROGRESS:
            return f"{row.scored}/{row.applicable}"
        if column is UnitColumn.TOTAL:
            return format_score(row.achieved, self._lang)
        if column is UnitColumn.INDEX:
            return format_score(row.index, self._lang)
        if column is UnitColumn.CLASS:
            return row.classification
        return f"⚑ {row.flags}" if row.flags else ""

    def _tooltip(self, row: UnitOverview) -> str:
        return (
            self.tr("%1\nScored %2 of %3 items; %4 of %5 points; index %6 % (%7)")
            .replace("%1", row.unit.name)
            .replace("%2", str(row.scored))
            .replace("%3", str(row.applicable))
            .replace("%4", format_score(row.achieved, self._lang))
            .replace("%5", format_score(row.applicable_max, self._lang))
            .replace("%6", format_score(row.index, self._lang))
            .replace("%7", row.classification or "—")
        )
