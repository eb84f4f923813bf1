"""The one table model of every printed sheet over the criteria tree, and its one tree walker.

A sheet's table is the criteria tree in document order: four lead columns every such table starts
with (STT, Mã, Nội dung, Điểm tối đa), then the layout's own ``ColumnSet`` (the member's self-score,
appraisal, difference and comment; the council's self-score, council, other and final points and
note; a notice's round-1 result ...). ``walk`` numbers the rows, marks what does not apply (its
descendants are left out) and records how parents add up (``parts``, ``cap``) and which rows make
up the summary (``head_role``); a layout only says what its columns hold for one node
(``CellSource``). The lines under the table are ``SummaryLine``s. The renderers are
``pdf_table`` and ``xlsx_table``. All text is NFC.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from parapp.core.criteria import Aggregation, Assessor, CriteriaSet, Node, Role
from parapp.core.scoring import NodeTotal, UnitResult

NOT_APPLICABLE = "Không áp dụng"
LEAD_TITLES = ("STT", "Mã", "Nội dung", "Điểm tối đa")
"""The columns every criteria table starts with; the layout's columns follow."""
LEAD_COUNT = len(LEAD_TITLES)


def nfc(text: str) -> str:
    """NFC, so Vietnamese marks never print detached."""
    return unicodedata.normalize("NFC", text)


def roman(number: int) -> str:
    """Upper-case Roman numerals for area numbers (1 -> I, 14 -> XIV)."""
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


class ColumnKind(StrEnum):
    """What a column holds: a score (right-aligned, through the one formatter) or a text."""

    NUMBER = "number"
    TEXT = "text"


@dataclass(frozen=True)
class Column:
    """One of a layout's columns after the lead columns."""

    key: str
    """The key of the row's ``values`` (numbers) or ``texts`` (texts) this column shows."""
    title: str
    kind: ColumnKind = ColumnKind.NUMBER
    merged_when_not_applicable: bool = True
    """Part of the one cell that reads "Không áp dụng" on a row that does not apply (the
    merged columns must be adjacent)."""


@dataclass(frozen=True)
class ColumnSet:
    """A layout's columns after the lead columns, in print order."""

    columns: tuple[Column, ...]

    @property
    def titles(self) -> tuple[str, ...]:
        """Every column title of the table, lead columns first."""
        return (*LEAD_TITLES, *(column.title for column in self.columns))

    @property
    def width(self) -> int:
        """The number of columns of the table, lead columns included."""
        return LEAD_COUNT + len(self.columns)

    def position(self, key: str) -> int:
        """The 0-based position of column ``key`` in the whole table."""
        return LEAD_COUNT + next(i for i, c in enumerate(self.columns) if c.key == key)

    def not_applicable_span(self) -> tuple[int, int]:
        """0-based first and last position of the merged "Không áp dụng" cell."""
        merged = [
            LEAD_COUNT + i for i, c in enumerate(self.columns) if c.merged_when_not_applicable
        ]
        return merged[0], merged[-1]


@dataclass(frozen=True)
class Cells:
    """What a layout's columns hold for one node."""

    values: Mapping[str, Decimal | None] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)
    not_applicable_text: str = NOT_APPLICABLE
    """Shown in the merged cell of a row that does not apply."""


class CellSource(Protocol):
    """A layout's side of the walk: the cells of one node (applicable or not, leaf or parent)."""

    def cells(self, node: Node, total: NodeTotal) -> Cells:
        """The cells of ``node`` whose roll-up is ``total``."""


@dataclass(frozen=True)
class TableRow:
    """One node of the tree as printed."""

    stt: str
    code: str
    name: str
    depth: int
    is_leaf: bool
    applicable: bool
    role: Role
    maximum: Decimal
    """Applicable maximum (the node's own maximum when it does not apply)."""
    minimum: Decimal
    values: Mapping[str, Decimal | None] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)
    not_applicable_text: str = NOT_APPLICABLE
    appraisable: bool = False
    """An applicable council-assessed leaf (a member's score cell gets range validation)."""
    parts: tuple[str, ...] = ()
    """Codes of the applicable children whose points add up to this row (same role)."""
    cap: tuple[Decimal, Decimal] | None = None
    """[minimum, maximum] a CAP group limits its children's sum to."""
    head_role: Role | None = None
    """The role this row's points count for in the summary (areas and detached groups), set
    whether or not the row applies."""

    @property
    def bold(self) -> bool:
        """Areas print bold."""
        return self.depth == 1

    @property
    def italic(self) -> bool:
        """Criteria (parents below the areas) print italic."""
        return not self.bold and not self.is_leaf

    def value(self, key: str) -> Decimal | None:
        """The number in column ``key`` (None: blank)."""
        return self.values.get(key)

    def text(self, key: str) -> str:
        """The text in column ``key``."""
        return self.texts.get(key, "")


Row = TypeVar("Row", bound=TableRow)


def walk(
    criteria_set: CriteriaSet,
    unit_type: str | None,
    result: UnitResult,
    source: CellSource,
    row_type: type[Row],
    *,
    areas: Collection[str] | None = None,
) -> tuple[Row, ...]:
    """The rows of one unit's table over ``areas`` (None: every area), in document order.

    Areas keep their number in the whole set (area 9 stays IX on any sheet); below an area, rows
    are numbered 1, 2, ... in document order. A node that does not apply is one row, without its
    descendants.
    """
    walker = _Walker(unit_type, result, source, row_type)
    for position, root in enumerate(criteria_set.nodes, 1):
        if areas is None or root.code in areas:
            walker.add(root, roman(position), None)
    return tuple(walker.rows)


class _Walker(Generic[Row]):
    def __init__(
        self, unit_type: str | None, result: UnitResult, source: CellSource, row_type: type[Row]
    ) -> None:
        self.unit_type = unit_type
        self.result = result
        self.source = source
        self.row_type = row_type
        self.rows: list[Row] = []
        self._counter = 0

    def add(self, node: Node, stt: str | None, parent: Node | None) -> None:
        if stt is None:
            self._counter += 1
            stt = str(self._counter)
        else:
            self._counter = 0
        total = self.result.totals[node.code]
        cells = self.source.cells(node, total)
        applicable = total.applicable
        parts: tuple[str, ...] = ()
        cap = None
        if applicable and not node.is_leaf:
            parts = tuple(
                child.code
                for child in node.children
                if child.role is node.role and self.result.totals[child.code].applicable
            )
            if node.aggregation is Aggregation.CAP:
                cap = (node.minimum, node.max_for(self.unit_type))
        self.rows.append(
            self.row_type(
                stt=stt,
                code=node.code,
                name=nfc(node.name),
                depth=node.depth,
                is_leaf=node.is_leaf,
                applicable=applicable,
                role=node.role,
                maximum=total.maximum
                if applicable and not node.is_leaf
                else node.max_for(self.unit_type),
                minimum=node.minimum,
                values=cells.values,
                texts=cells.texts,
                not_applicable_text=cells.not_applicable_text,
                appraisable=applicable and node.is_leaf and node.assessor is Assessor.COUNCIL,
                parts=parts,
                cap=cap,
                head_role=node.role if parent is None or node.role is not parent.role else None,
            )
        )
        if applicable:
            for child in node.children:
                self.add(child, None, node)


def heads(rows: Collection[TableRow], role: Role) -> tuple[TableRow, ...]:
    """The applicable rows whose points make up the summary line of ``role``, in order."""
    return tuple(r for r in rows if r.head_role is role and r.applicable)


class SummaryKey(StrEnum):
    """The lines under a table, in print order."""

    ACHIEVED = "achieved"
    BONUS = "bonus"
    PENALTY = "penalty"
    TOTAL = "total"
    APPLICABLE_MAX = "applicable_max"
    INDEX = "index"
    CLASSIFICATION = "classification"
    RANK = "rank"


SUMMARY_LABELS = {
    SummaryKey.ACHIEVED: "Điểm đạt được của các lĩnh vực",
    SummaryKey.BONUS: "Điểm thưởng",
    SummaryKey.PENALTY: "Điểm trừ",
    SummaryKey.TOTAL: "Tổng điểm đạt được",
    SummaryKey.APPLICABLE_MAX: "Tổng điểm tối đa áp dụng",
    SummaryKey.INDEX: "Chỉ số cải cách hành chính (%)",
    SummaryKey.CLASSIFICATION: "Xếp loại",
    SummaryKey.RANK: "Xếp hạng",
}
TEXT_LINES = frozenset({SummaryKey.CLASSIFICATION, SummaryKey.RANK})


@dataclass(frozen=True)
class SummaryLine:
    """A line under the table: a number, or a text (class, rank)."""

    key: SummaryKey
    label: str
    value: Decimal | None = None
    text: str = ""
    others: Mapping[str, Decimal | None] = field(default_factory=dict)
    """Figures under other columns than the table's ``value_key`` (a notice's self-score and
    difference beside its round-1 figure), by column key."""

    @property
    def is_text(self) -> bool:
        """The line shows ``text`` rather than ``value``."""
        return self.key in TEXT_LINES


def summary_line(
    key: SummaryKey,
    value: Decimal | None = None,
    text: str = "",
    others: Mapping[str, Decimal | None] | None = None,
    label: str | None = None,
) -> SummaryLine:
    """The line ``key`` with its printed label (``label`` words it otherwise)."""
    return SummaryLine(key, label or SUMMARY_LABELS[key], value, text, dict(others or {}))


def points_lines(
    achieved: Decimal,
    bonus: Decimal,
    penalty: Decimal,
    applicable_max: Decimal,
    roles: Collection[Role],
) -> list[SummaryLine]:
    """The points under a table: achieved, bonus and penalty (when the table has those
    ``roles``), their total and the applicable maximum."""
    lines = [summary_line(SummaryKey.ACHIEVED, achieved)]
    if Role.BONUS in roles:
        lines.append(summary_line(SummaryKey.BONUS, bonus))
    if Role.PENALTY in roles:
        lines.append(summary_line(SummaryKey.PENALTY, penalty))
    lines += [
        summary_line(SummaryKey.TOTAL, achieved + bonus - penalty),
        summary_line(SummaryKey.APPLICABLE_MAX, applicable_max),
    ]
    return lines


@dataclass(frozen=True)
class TreeTable:
    """A table ready to render: its columns, its rows and the lines under it."""

    columns: ColumnSet
    rows: tuple[TableRow, ...]
    summary: tuple[SummaryLine, ...]
    value_key: str
    """The column under which the summary's figures stand (and whose cells parents add up)."""
