"""Read-only tree model of a criteria set, its search filter, and the counts the browser shows.

Columns: code | name | maximum (for the chosen unit type) | assessor | scoring rule. Nodes that do
not apply to the chosen unit type stay visible, greyed, so the set's shape is never hidden.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from parapp.core.criteria import (
    Assessor,
    BandsRule,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    Role,
)
from parapp.core.messages import Lang
from parapp.core.numbers import format_score

_Index = QModelIndex | QPersistentModelIndex

NODE_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The node's code, for views that need the node behind a row."""
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Folded code and name (see ``fold``), what the search filter matches against."""
APPLIES_ROLE = Qt.ItemDataRole.UserRole + 3
"""Whether the node applies to the chosen unit type (bool)."""


class Column(IntEnum):
    """The model's columns."""

    CODE = 0
    NAME = 1
    MAXIMUM = 2
    ASSESSOR = 3
    RULE = 4


_BONUS_COLOR = QColor(0x1B, 0x5E, 0x20)
_PENALTY_COLOR = QColor(0xB7, 0x1C, 0x1C)


def fold(text: str) -> str:
    """Lower-case text without Vietnamese diacritics, so "thu tuc" finds "Thủ tục".

    NFD splits letters from their marks, the marks (category Mn) are dropped; "đ" is a letter of
    its own, not a "d" with a mark, so it is mapped explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d")


def assessor_label(assessor: Assessor) -> str:
    """The translated name of an assessor."""
    labels = {
        Assessor.COUNCIL: QCoreApplication.translate(
            "CriteriaTreeModel", "Self-assessed, appraised"
        ),
        Assessor.SURVEY: QCoreApplication.translate("CriteriaTreeModel", "Survey"),
        Assessor.AGENCY: QCoreApplication.translate("CriteriaTreeModel", "Another agency"),
        Assessor.LEADERSHIP: QCoreApplication.translate("CriteriaTreeModel", "Leadership"),
    }
    return labels[assessor]


def rule_summary(node: Node, lang: Lang) -> str:
    """A one-line summary of a leaf's scoring rule for the tree's last column."""
    rule = node.rule
    if isinstance(rule, LevelsRule):
        values = " / ".join(format_score(level.value, lang) for level in rule.levels)
        return QCoreApplication.translate("CriteriaTreeModel", "Levels: %1").replace("%1", values)
    if isinstance(rule, BandsRule):
        return QCoreApplication.translate("CriteriaTreeModel", "Bands on a figure (%1)").replace(
            "%1", rule.figure_unit or "—"
        )
    if isinstance(rule, ProportionalRule):
        return QCoreApplication.translate("CriteriaTreeModel", "Proportional to a figure")
    if isinstance(rule, FreeRule) and rule.step is not None:
        return QCoreApplication.translate("CriteriaTreeModel", "Free, step %1").replace(
            "%1", format_score(rule.step, lang)
        )
    return QCoreApplication.translate("CriteriaTreeModel", "Free")


@dataclass
class _Item:
    """A node with its place in the tree (``Node`` knows its children, not its parent)."""

    node: Node
    row: int
    parent: _Item | None
    item_id: int
    children: list[_Item] = field(default_factory=list)
    assessors: frozenset[Assessor] = frozenset()
    role_root: bool = False


@dataclass(frozen=True)
class Summary:
    """Counts and maxima of a set for one unit type (or the set as a whole)."""

    areas: int
    criteria: int
    sub_criteria: int
    leaves: int
    maximum_by_assessor: tuple[tuple[Assessor, Decimal], ...]
    bonus_maximum: Decimal
    penalty_maximum: Decimal

    @property
    def maximum(self) -> Decimal:
        """The normal (non-bonus, non-penalty) maximum: the sum over assessors."""
        return sum((amount for _, amount in self.maximum_by_assessor), Decimal(0))


def summarize(criteria_set: CriteriaSet, unit_type: str | None) -> Summary:
    """Count the applicable areas, criteria, sub-criteria and leaves and split the maximum by
    assessor. Bonus and penalty contents are counted apart, by their roots' caps."""
    nodes = [n for n in criteria_set.walk() if _applies(criteria_set, n, unit_type)]
    by_assessor: dict[Assessor, Decimal] = {}
    for node in nodes:
        if node.is_leaf and node.role is Role.NORMAL:
            by_assessor[node.assessor] = by_assessor.get(node.assessor, Decimal(0)) + node.max_for(
                unit_type
            )
    roots = [n for n in criteria_set.nodes if _applies(criteria_set, n, unit_type)]
    return Summary(
        areas=sum(1 for n in nodes if n.depth == 1),
        criteria=sum(1 for n in nodes if n.depth == 2),
        sub_criteria=sum(1 for n in nodes if n.depth >= 3),
        leaves=sum(1 for n in nodes if n.is_leaf),
        maximum_by_assessor=tuple((a, by_assessor[a]) for a in Assessor if a in by_assessor),
        bonus_maximum=sum(
            (n.max_for(unit_type) for n in roots if n.role is Role.BONUS), Decimal(0)
        ),
        penalty_maximum=sum(
            (n.max_for(unit_type) for n in roots if n.role is Role.PENALTY), Decimal(0)
        ),
    )


def _applies(criteria_set: CriteriaSet, node: Node, unit_type: str | None) -> bool:
    """A node applies when it and every ancestor apply (assembly forbids wider children anyway)."""
    code: str | None = node.code
    while code is not None:
        current = criteria_set.node(code)
        if not current.applies(unit_type):
            return False
        code = current.parent_code
    return True


class CriteriaTreeModel(QAbstractItemModel):
    """The nodes of one criteria set, read-only, with maxima for the chosen unit type."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set: CriteriaSet | None = None
        self._roots: list[_Item] = []
        self._items: list[_Item] = []
        self._unit_type: str | None = None
        self._lang = Lang.VI

    # -- content -----------------------------------------------------------------------------

    def criteria_set(self) -> CriteriaSet | None:
        """The set shown, if any."""
        return self._set

    def unit_type(self) -> str | None:
        """The unit type whose maxima are shown (None: the general maxima)."""
        return self._unit_type

    def set_criteria_set(
        self, criteria_set: CriteriaSet | None, unit_type: str | None = None
    ) -> None:
        """Show another set (resets the model)."""
        self.beginResetModel()
        self._set = criteria_set
        self._unit_type = unit_type
        self._items = []
        self._roots = [] if criteria_set is None else self._build(criteria_set.nodes, None)
        self.endResetModel()

    def set_unit_type(self, unit_type: str | None) -> None:
        """Show the maxima and applicability for ``unit_type``; rows stay where they are."""
        if unit_type != self._unit_type:
            self._unit_type = unit_type
            self._emit_all_changed()

    def set_lang(self, lang: Lang) -> None:
        """Format numbers for ``lang`` and re-read translated labels."""
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._emit_all_changed()

    def node(self, index: _Index) -> Node | None:
        """The node behind ``index`` (any column), None for the invisible root."""
        item = self._item(index)
        return None if item is None else item.node

    def index_of(self, code: str) -> QModelIndex:
        """The column-0 index of the node with ``code`` (invalid when the code is unknown)."""
        for item in self._items:
            if item.node.code == code:
                return self.createIndex(item.row, 0, item.item_id)
        return QModelIndex()

    def _build(self, nodes: tuple[Node, ...], parent: _Item | None) -> list[_Item]:
        items = []
        for row, node in enumerate(nodes):
            item = _Item(node=node, row=row, parent=parent, item_id=len(self._items) + 1)
            item.role_root = node.role is not Role.NORMAL and (
                parent is None or parent.node.role is not node.role
            )
            self._items.append(item)
            item.children = self._build(node.children, item)
            item.assessors = (
                frozenset({node.assessor})
                if node.is_leaf
                else frozenset().union(*(child.assessors for child in item.children))
            )
            items.append(item)
        return items

    def _item(self, index: _Index) -> _Item | None:
        if not index.isValid():
            return None
        return self._items[index.internalId() - 1]

    def _emit_all_changed(self) -> None:
        last = len(Column) - 1
        if self._roots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, last))
        for item in self._items:
            if item.children:
                first_child = self.createIndex(0, 0, item.children[0].item_id)
                last_child = self.createIndex(
                    len(item.children) - 1, last, item.children[-1].item_id
                )
                self.dataChanged.emit(first_child, last_child)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_item = self._item(parent)
        siblings = self._roots if parent_item is None else parent_item.children
        return self.createIndex(row, column, siblings[row].item_id)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        item = self._item(index)
        if item is None or item.parent is None:
            return QModelIndex()
        # Parents always live in column 0, or views and QAbstractItemModelTester disagree.
        return self.createIndex(item.parent.row, 0, item.parent.item_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        item = self._item(parent)
        return len(self._roots) if item is None else len(item.children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(Column)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        value: object = None
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self._header(Column(section))
            elif role == Qt.ItemDataRole.TextAlignmentRole and section == Column.MAXIMUM:
                value = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return value

    def _header(self, column: Column) -> str:
        headers = {
            Column.CODE: self.tr("Code"),
            Column.NAME: self.tr("Item"),
            Column.MAXIMUM: self.tr("Max. points"),
            Column.ASSESSOR: self.tr("Assessed by"),
            Column.RULE: self.tr("Scoring"),
        }
        return headers[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self._item(index)
        return None if item is None else self._data(item, Column(index.column()), role)

    def _data(self, item: _Item, column: Column, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.FontRole and item.node.depth == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.MAXIMUM:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == NODE_CODE_ROLE:
            return item.node.code
        if role == SEARCH_TEXT_ROLE:
            return fold(f"{item.node.code} {item.node.name}")
        if role == APPLIES_ROLE:
            return self._applies(item)
        return None

    def _applies(self, item: _Item) -> bool:
        current: _Item | None = item
        while current is not None:
            if not current.node.applies(self._unit_type):
                return False
            current = current.parent
        return True

    def _display(self, item: _Item, column: Column) -> str:
        node = item.node
        if column is Column.CODE:
            if item.role_root:
                return f"{node.code} (+)" if node.role is Role.BONUS else f"{node.code} (−)"
            return node.code
        if column is Column.NAME:
            return node.name
        if column is Column.MAXIMUM:
            if not self._applies(item):
                return "—"
            return format_score(node.max_for(self._unit_type), self._lang)
        if column is Column.ASSESSOR:
            if len(item.assessors) == 1:
                return assessor_label(next(iter(item.assessors)))
            return self.tr("Mixed")
        return rule_summary(node, self._lang) if node.is_leaf else ""

    def _tooltip(self, item: _Item, column: Column) -> str | None:
        if not self._applies(item):
            return self.tr("Does not apply to this unit type")
        if item.role_root:
            return (
                self.tr("Bonus points")
                if item.node.role is Role.BONUS
                else self.tr("Penalty points")
            )
        if column is Column.NAME:
            return item.node.name
        return None

    def _foreground(self, item: _Item) -> QBrush | None:
        if not self._applies(item):
            palette = QGuiApplication.palette()
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if item.node.role is Role.BONUS:
            return QBrush(_BONUS_COLOR)
        if item.node.role is Role.PENALTY:
            return QBrush(_PENALTY_COLOR)
        return None


class CriteriaFilterProxyModel(QSortFilterProxyModel):
    """Keeps rows whose code or name holds every typed word, diacritics ignored; ancestors of a
    match stay (recursive filtering) and so do the descendants of a matching row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_query(self, text: str) -> None:
        """Filter by ``text``; empty text shows everything."""
        words = tuple(fold(text).split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query_words(self) -> tuple[str, ...]:
        """The folded words filtered on."""
        return self._words

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = str(index.data(SEARCH_TEXT_ROLE) or "")
        return all(word in haystack for word in self._words)
