"""Tree model of one unit's score sheet for a council member, and its filter proxy.

Columns: code | item | maximum | self-score | own round 1 | consolidated round 1 | proposed |
appraisal | difference | N/A | flags | evidence. The three round-1/proposed columns are filled in
appraisal round 2 only (the window hides them in round 1), when the tree lists only the unit's
explained items.
Every number comes from the sheet the services computed (``UnitSheet``, ``ScoreChange.result``);
the model only formats. After a save, ``apply_change`` emits ``dataChanged`` for the edited row and
for its ancestors' total and flag cells only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import IntEnum
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from parapp.core.criteria import CriteriaSet, Node
from parapp.core.findings import Finding
from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.core.round2 import Round2Item
from parapp.core.scoring import EMPTY_ENTRY, LeafEntry, UnitResult
from parapp.services import member_view
from parapp.services.sheets import ScoreChange, UnitSheet
from parapp.ui.models import round2_columns
from parapp.ui.models.criteria_tree_model import fold
from parapp.ui.models.score_filter import FILTER_ROLE, MINE, ScoreFilterProxyModel

__all__ = ["MINE", "Column", "ScoreFilterProxyModel", "ScoreTreeModel"]
"""The filter lives in ``score_filter``; the window imports both from here."""

_Index = QModelIndex | QPersistentModelIndex

NODE_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The node's code (str)."""
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Folded code and name, for the diacritic-free search."""
NEEDS_SCORE_ROLE = Qt.ItemDataRole.UserRole + 3
"""True for an editable, applicable leaf without an appraisal."""
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 4
"""True for a node with flags of its own."""
AREA_ROLE = Qt.ItemDataRole.UserRole + 5
"""The area code of the node."""
EDITABLE_ROLE = Qt.ItemDataRole.UserRole + 6
"""True for a leaf the member scores."""
LISTED_ROLE = Qt.ItemDataRole.UserRole + 7
"""False for a row the tree does not list of itself (round 2: all but the explained leaves)."""

_ERROR_COLOR = QColor(0xB7, 0x1C, 0x1C)
_ERROR_BACKGROUND = QColor(0xFD, 0xE0, 0xDC)
_WARNING_COLOR = QColor(0x8A, 0x5A, 0x00)
_UNANSWERED = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    )
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class Column(IntEnum):
    """The model's columns."""

    CODE = 0
    NAME = 1
    MAXIMUM = 2
    SELF_SCORE = 3
    OWN_ROUND_1 = 4
    COUNCIL_ROUND_1 = 5
    PROPOSED = 6
    APPRAISED = 7
    DIFFERENCE = 8
    NOT_APPLICABLE = 9
    FLAGS = 10
    EVIDENCE = 11


_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_R = Qt.ItemDataRole  # plain ints: data() compares the role for every cell the view paints
_DISPLAY, _EDIT, _CHECK_STATE = int(_R.DisplayRole), int(_R.EditRole), int(_R.CheckStateRole)
_ALIGNMENT, _FONT, _TOOLTIP = int(_R.TextAlignmentRole), int(_R.FontRole), int(_R.ToolTipRole)
_FOREGROUND, _BACKGROUND = int(_R.ForegroundRole), int(_R.BackgroundRole)
ROUND_2_COLUMNS = (Column.OWN_ROUND_1, Column.COUNCIL_ROUND_1, Column.PROPOSED)
"""Columns shown in appraisal round 2 only."""
_TWO_LINE_HEADERS = frozenset(
    (Column.MAXIMUM, Column.SELF_SCORE, *ROUND_2_COLUMNS, Column.APPRAISED, Column.DIFFERENCE)
)
_SAVE_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
    NEEDS_SCORE_ROLE,
    FLAGGED_ROLE,
    FILTER_ROLE,
]
"""What a save can change (never the size hint, the font or the search text)."""
_TOTAL_COLUMNS = (Column.MAXIMUM, Column.FLAGS)
"""An ancestor's cells a save can change: maximum (N/A) through flags."""


class ScoreEditor(Protocol):
    """What the model asks to change a leaf (implemented by ``undo.ScoreEditor``)."""

    def set_score(self, code: str, text: str) -> bool:
        """Save a typed score; False when refused."""
        ...

    def set_not_applicable(self, code: str, not_applicable: bool) -> bool:
        """Mark or clear N/A; False when refused."""
        ...


@dataclass
class _Item:
    node: Node
    row: int
    parent: _Item | None
    item_id: int
    editable: bool
    search: str
    children: list[_Item] = field(default_factory=list)


class ScoreTreeModel(QAbstractItemModel):
    """One unit's sheet as a tree; only editable leaves' appraisal and N/A cells can change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = Lang.VI
        self._set: CriteriaSet | None = None
        self._sheet: UnitSheet | None = None
        self._entries: dict[str, LeafEntry] = {}
        self._result: UnitResult | None = None
        self._flags: dict[str, tuple[Finding, ...]] = {}
        self._subtree_flags: dict[str, int] = {}
        self._evidence: Mapping[str, int] = {}
        self._roots: list[_Item] = []
        self._items: list[_Item] = []
        self._by_code: dict[str, _Item] = {}
        self._applies: dict[str, bool] = {}
        self._editor: ScoreEditor | None = None
        self._round_2: Mapping[str, Round2Item] | None = None

    # -- public -------------------------------------------------------------------------------

    def set_editor(self, editor: ScoreEditor | None) -> None:
        """Who saves edits made in the view."""
        self._editor = editor

    def set_lang(self, lang: Lang) -> None:
        """Format numbers for ``lang``."""
        self._lang = lang
        if self._roots:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._roots) - 1, len(Column) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def set_sheet(self, criteria_set: CriteriaSet, sheet: UnitSheet | None) -> None:
        """Show ``sheet`` (None: nothing); in round 2 only its explained items are listed."""
        self.beginResetModel()
        self._set = criteria_set
        self._sheet = sheet
        self._round_2 = sheet.round_2 if sheet is not None else None
        self._roots, self._items, self._by_code = [], [], {}
        if sheet is not None:
            self._entries = dict(sheet.entries)
            counts = dict(member_view.evidence_counts(sheet))
            for code, item in (self._round_2 or {}).items():
                counts[code] = counts.get(code, 0) + len(item.explanation.evidence)
            self._evidence = counts
            self._applies = {
                n.code: member_view.applies(criteria_set, n.code, sheet.unit.unit_type)
                for n in criteria_set.walk()
            }
            for row, root in enumerate(criteria_set.nodes):
                self._roots.append(self._build(root, row, None, sheet.areas))
            self._set_result(sheet.result)
        self.endResetModel()

    def sheet(self) -> UnitSheet | None:
        """The sheet shown (its entries as loaded; see ``entry`` for the current ones)."""
        return self._sheet

    def result(self) -> UnitResult | None:
        """The unit's current result."""
        return self._result

    def entry(self, code: str) -> LeafEntry:
        """The leaf's current entry."""
        return self._entries.get(code, EMPTY_ENTRY)

    def round2_item(self, code: str) -> Round2Item | None:
        """Round 2: what the member sees of an explained item (None otherwise)."""
        return None if self._round_2 is None else self._round_2.get(code)

    def is_editable(self, code: str) -> bool:
        """Whether the member scores node ``code`` of the sheet shown."""
        item = self._by_code.get(code)
        return item is not None and item.editable

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._items[index.internalId()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if item.editable and index.column() == Column.APPRAISED:
            flags |= Qt.ItemFlag.ItemIsEditable
        if item.editable and index.column() == Column.NOT_APPLICABLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def node_flags(self, code: str) -> tuple[Finding, ...]:
        """The flags of a node itself."""
        return self._flags.get(code, ())

    def index_of(self, code: str, column: int = 0) -> QModelIndex:
        """The index of node ``code`` (invalid when unknown)."""
        item = self._by_code.get(code)
        return QModelIndex() if item is None else self.createIndex(item.row, column, item.item_id)

    def leaf_codes(self) -> list[str]:
        """Every leaf code in tree order."""
        return [item.node.code for item in self._items if item.node.is_leaf]

    def apply_change(self, change: ScoreChange) -> None:
        """Take a saved change: update the leaf's entry and the result, refresh what changed."""
        item = self._by_code.get(change.node_code)
        if self._sheet is None or item is None or change.unit_id != self._sheet.unit.id:
            return
        new = change.new
        self._entries[change.node_code] = replace(
            self.entry(change.node_code),
            appraised=new.value,
            comment=new.comment,
            not_applicable=new.not_applicable,
        )
        self._set_result(change.result)
        last = len(Column) - 1
        self.dataChanged.emit(
            self.createIndex(item.row, 0, item.item_id),
            self.createIndex(item.row, last, item.item_id),
            _SAVE_ROLES,
        )
        parent = item.parent
        while parent is not None:
            self.dataChanged.emit(
                self.createIndex(parent.row, _TOTAL_COLUMNS[0], parent.item_id),
                self.createIndex(parent.row, _TOTAL_COLUMNS[1], parent.item_id),
                _SAVE_ROLES,
            )
            parent = parent.parent

    # -- Qt model -------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Asked ~100 times when the view measures a row: checked here, not via hasIndex (which
        # would call rowCount and columnCount back through Qt).
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = self._items[parent.internalId()].children
        else:
            siblings = self._roots
        if 0 <= row < len(siblings) and 0 <= column < _COLUMN_COUNT:
            return self.createIndex(row, column, siblings[row].item_id)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        item = self._item(index)
        if item.parent is None:
            return QModelIndex()
        # Parents always live in column 0, or views and QAbstractItemModelTester disagree.
        return self.createIndex(item.parent.row, 0, item.parent.item_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._roots) if not parent.isValid() else len(self._item(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(Column)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The view asks ~8 roles of every visible cell of a changed row (its size hint): the
        # ones this model never answers return at once.
        if role in _UNANSWERED or not index.isValid() or self._result is None:
            return None
        item = self._items[index.internalId()]
        column = _COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(item, column)
        if role == _EDIT:
            return self._edit_text(item) if column is Column.APPRAISED else None
        if role == _CHECK_STATE:
            return self._check_state(item) if column is Column.NOT_APPLICABLE else None
        if role == _ALIGNMENT:
            return self._alignment(column)
        if role == _FOREGROUND:
            return self._foreground(item, column)
        if role == _BACKGROUND:
            return self._background(item, column)
        if role == _FONT:
            return self._font(item)
        if role == _TOOLTIP:
            return self._tooltip(item, column)
        return self._custom(item, role)

    def setData(  # noqa: N802 - Qt override
        self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or self._editor is None:
            return False
        item = self._item(index)
        if not item.editable:
            return False
        code = item.node.code
        if role == Qt.ItemDataRole.EditRole and index.column() == Column.APPRAISED:
            return self._editor.set_score(code, str(value or ""))
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == Column.NOT_APPLICABLE:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            return self._editor.set_not_applicable(code, checked)
        return False

    # -- building -------------------------------------------------------------------------------

    def _build(
        self, node: Node, row: int, parent: _Item | None, areas: frozenset[str] | None
    ) -> _Item:
        item = _Item(
            node,
            row,
            parent,
            len(self._items),
            member_view.is_editable(
                node, areas, self._sheet.explained if self._sheet is not None else None
            ),
            fold(f"{node.code} {node.name}"),
        )
        self._items.append(item)
        self._by_code[node.code] = item
        item.children = [
            self._build(child, i, item, areas) for i, child in enumerate(node.children)
        ]
        return item

    def _set_result(self, result: UnitResult) -> None:
        areas = self._sheet.areas if self._sheet else None
        self._result = result
        self._flags = member_view.flags_by_node(member_view.member_findings(result, areas))
        subtree: dict[str, int] = {}
        for code, found in self._flags.items():
            item: _Item | None = self._by_code.get(code)
            while item is not None:
                subtree[item.node.code] = subtree.get(item.node.code, 0) + len(found)
                item = item.parent
        self._subtree_flags = subtree

    def _item(self, index: _Index) -> _Item:
        return self._items[index.internalId()]

    # -- data helpers ---------------------------------------------------------------------------

    def _header(self, column: Column) -> str:
        text = {
            Column.CODE: self.tr("Code"),
            Column.NAME: self.tr("Item"),
            Column.MAXIMUM: self.tr("Max."),
            Column.SELF_SCORE: self.tr("Self"),
            Column.OWN_ROUND_1: self.tr("Mine R1"),
            Column.COUNCIL_ROUND_1: self.tr("Council R1"),
            Column.PROPOSED: self.tr("Proposed"),
            Column.APPRAISED: self.tr("Appraisal"),
            Column.DIFFERENCE: self.tr("Diff."),
            Column.NOT_APPLICABLE: self.tr("N/A"),
            Column.FLAGS: self.tr("Flags"),
            Column.EVIDENCE: self.tr("Evid."),
        }[column]
        if column in _TWO_LINE_HEADERS:  # "Lần 1\n(tôi)": narrow number columns leave the
            head, _, tail = text.rpartition(" ")  # item's name room at 1366 px, round 2 too
            return f"{head}\n{tail}" if head else text
        return text

    def _header_tip(self, column: Column) -> str:
        return {
            Column.CODE: self.tr("Code of the item"),
            Column.NAME: self.tr("Area, criterion or sub-criterion"),
            Column.MAXIMUM: self.tr("Maximum points that apply to this unit"),
            Column.SELF_SCORE: self.tr("The unit's self-score"),
            Column.OWN_ROUND_1: self.tr("Your own appraisal in round 1"),
            Column.COUNCIL_ROUND_1: self.tr("The council's consolidated score of round 1"),
            Column.PROPOSED: self.tr("The score the unit proposes in its explanation"),
            Column.APPRAISED: self.tr("Your appraisal (type a score, Enter saves)"),
            Column.DIFFERENCE: self.tr("Appraisal minus self-score"),
            Column.NOT_APPLICABLE: self.tr("Not applicable to this unit"),
            Column.FLAGS: self.tr("Problems to look at"),
            Column.EVIDENCE: self.tr("Number of evidence documents cited"),
        }[column]

    def _number(self, value: Decimal | None) -> str:
        return format_score(value, self._lang)

    def _display(self, item: _Item, column: Column) -> str | None:
        node = item.node
        assert self._result is not None
        if column is Column.CODE:
            return node.code
        if column is Column.NAME:
            return node.name
        total = self._result.totals.get(node.code)
        applicable = total is not None and total.applicable
        if column is Column.FLAGS:
            count = self._subtree_flags.get(node.code, 0)
            return f"⚑ {count}" if count else ""
        if node.is_leaf:
            return self._leaf_display(item, column, applicable)
        if total is None or column in (Column.NOT_APPLICABLE, Column.EVIDENCE, *ROUND_2_COLUMNS):
            return None
        if not applicable:
            return "—" if column is Column.MAXIMUM else None
        # A parent's appraisal shows once something under it is scored, its difference once
        # everything is: a partial total against the full self-score would read as a drop.
        values = {
            Column.MAXIMUM: total.maximum,
            Column.SELF_SCORE: total.self_total,
            Column.APPRAISED: total.achieved if total.scored else None,
            Column.DIFFERENCE: member_view.difference(total.self_total, total.achieved)
            if total.scored and total.scored == total.leaves
            else None,
        }
        return (
            self._signed(values[column])
            if column is Column.DIFFERENCE
            else self._number(values[column])
        )

    def _leaf_display(self, item: _Item, column: Column, applicable: bool) -> str | None:
        entry = self.entry(item.node.code)
        assert self._sheet is not None
        if column is Column.MAXIMUM:
            return (
                self._number(item.node.max_for(self._sheet.unit.unit_type))
                if (self._applies.get(item.node.code, True))
                else "—"
            )
        if column is Column.SELF_SCORE:
            return self._number(entry.self_score)
        if column in ROUND_2_COLUMNS:
            return round2_columns.text(
                self.round2_item(item.node.code), column.name, self._number, self.tr("N/A")
            )
        if column is Column.APPRAISED:
            return self._number(entry.appraised)
        if column is Column.DIFFERENCE:
            return self._signed(member_view.difference(entry.self_score, entry.appraised))
        if column is Column.EVIDENCE:
            count = self._evidence.get(item.node.code, 0)
            return str(count) if count else ""
        return None

    def _signed(self, value: Decimal | None) -> str:
        if value is None or value.is_zero():
            return ""
        text = self._number(value)
        return text if value < 0 else f"+{text}"

    def _edit_text(self, item: _Item) -> str:
        return self._number(self.entry(item.node.code).appraised)

    def _check_state(self, item: _Item) -> Qt.CheckState | None:
        if not item.node.is_leaf:
            return None
        marked = self.entry(item.node.code).not_applicable
        by_type = not self._applies.get(item.node.code, True)
        return Qt.CheckState.Checked if marked or by_type else Qt.CheckState.Unchecked

    def _alignment(self, column: Column) -> object:
        if column in (Column.CODE, Column.NAME):
            return None
        return _CENTER if column in (Column.NOT_APPLICABLE, Column.EVIDENCE) else _RIGHT

    def _not_applicable(self, item: _Item) -> bool:
        assert self._result is not None
        total = self._result.totals.get(item.node.code)
        return total is not None and not total.applicable

    def _foreground(self, item: _Item, column: Column) -> QBrush | None:
        own = self._flags.get(item.node.code, ())
        if column in (Column.APPRAISED, Column.FLAGS) and own:
            return QBrush(_ERROR_COLOR if member_view.has_error(own) else _WARNING_COLOR)
        if column is Column.FLAGS and self._subtree_flags.get(item.node.code):
            return QBrush(_WARNING_COLOR)
        if self._not_applicable(item):
            palette = QGuiApplication.palette()
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _background(self, item: _Item, column: Column) -> QBrush | None:
        own = self._flags.get(item.node.code, ())
        if column is Column.APPRAISED and member_view.has_error(own):
            return QBrush(_ERROR_BACKGROUND)
        return None

    def _font(self, item: _Item) -> QFont | None:
        if item.node.depth == 1 or (item.node.is_leaf and not item.editable):
            font = QFont()
            font.setBold(item.node.depth == 1)
            font.setItalic(item.node.is_leaf and not item.editable)
            return font
        return None

    def _tooltip(self, item: _Item, column: Column) -> str | None:
        own = self._flags.get(item.node.code, ())
        if own and column in (Column.APPRAISED, Column.FLAGS, Column.CODE, Column.NAME):
            return "\n".join(f.message.get(self._lang) for f in own)
        if self._not_applicable(item):
            return self.tr("Not applicable to this unit: excluded from the totals")
        if item.node.is_leaf and not item.editable:
            return self.tr("Read-only: scored by a survey, another agency or another member")
        if column is Column.NAME:
            return item.node.name
        return None

    def _custom(self, item: _Item, role: int) -> object:
        code = item.node.code
        if role == NODE_CODE_ROLE:
            return code
        if role == SEARCH_TEXT_ROLE:
            return item.search
        if role == NEEDS_SCORE_ROLE:
            return self.needs_score(item)
        if role == FLAGGED_ROLE:
            return code in self._flags
        if role == AREA_ROLE:
            return member_view.area_of(code)
        if role == EDITABLE_ROLE:
            return item.editable
        if role == LISTED_ROLE:
            return self.is_listed(item)
        return None

    # -- for the filter (plain Python, no round trip through Qt's data()) ------------------------

    def row_item(self, row: int, parent: _Index) -> _Item:
        """The item at ``row`` under ``parent``."""
        return (self._roots if not parent.isValid() else self._item(parent).children)[row]

    def needs_score(self, item: _Item) -> bool:
        """An editable, applicable leaf without an appraisal."""
        return (
            item.editable
            and not self._not_applicable(item)
            and self.entry(item.node.code).appraised is None
        )

    def is_flagged(self, item: _Item) -> bool:
        """A node with flags of its own."""
        return item.node.code in self._flags

    def is_listed(self, item: _Item) -> bool:
        """False for a row the tree does not list of itself (round 2: all but explained leaves)."""
        return member_view.listed(item.node, self._sheet.explained if self._sheet else None)
