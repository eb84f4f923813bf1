"""The neutral content of a printed score sheet (phiếu chấm điểm), built from core objects.

Both renderers (``member_pdf``, ``member_xlsx``) draw this and nothing else, so the PDF and the
workbook always say the same. The table is the shared ``table.TreeTable`` (rows follow the
criteria tree in document order; a node that does not apply to the unit reads "Không áp dụng" and
its descendants are left out) with the member's columns. All text is NFC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import BonusMode, CriteriaSet, Node, Role
from parapp.core.rounds import Member, Unit
from parapp.core.scoring import EMPTY_ENTRY, LeafEntry, NodeTotal, UnitResult
from parapp.io.sheets.page import Heading, Signer
from parapp.io.sheets.table import (
    NOT_APPLICABLE,
    SUMMARY_LABELS,
    Cells,
    Column,
    ColumnKind,
    ColumnSet,
    SummaryKey,
    SummaryLine,
    TableRow,
    TreeTable,
    heads,
    nfc,
    points_lines,
    roman,
    summary_line,
    walk,
)

__all__ = [
    "NOT_APPLICABLE",
    "SUMMARY_LABELS",
    "Heading",
    "Signer",
    "SummaryKey",
    "SummaryLine",
    "nfc",
    "roman",
]

SELF, APPRAISED, DIFFERENCE, COMMENT = "self", "appraised", "difference", "comment"
SECOND = "round_2"
"""The round-2 appraisal column (``APPRAISED`` holds round 1)."""
MEMBER_COLUMNS = ColumnSet(
    (
        Column(SELF, "Tự chấm"),
        Column(APPRAISED, "Thẩm định lần 1"),
        Column(SECOND, "Thẩm định lần 2"),
        Column(DIFFERENCE, "Chênh lệch"),
        Column(COMMENT, "Ý kiến thẩm định", ColumnKind.TEXT, merged_when_not_applicable=False),
    )
)
COLUMNS = MEMBER_COLUMNS.titles
MEMBER_AUTHORITY = "THÀNH VIÊN HỘI ĐỒNG"
DEFAULT_BODY = "Hội đồng thẩm định Chỉ số CCHC"


class SheetRow(TableRow):
    """One node of the member's table, with its columns by name."""

    @property
    def self_score(self) -> Decimal | None:
        """The unit's self-score (parents: the engine's self total)."""
        return self.value(SELF)

    @property
    def appraised(self) -> Decimal | None:
        """The member's appraisal of the sheet's round (parents: the points it adds up to)."""
        second = self.value(SECOND)
        return second if second is not None else self.value(APPRAISED)

    @property
    def round_1(self) -> Decimal | None:
        """The member's round-1 appraisal (parents: its points)."""
        return self.value(APPRAISED)

    @property
    def round_2(self) -> Decimal | None:
        """The member's round-2 appraisal (blank on a round-1 sheet)."""
        return self.value(SECOND)

    @property
    def difference(self) -> Decimal | None:
        """Appraised minus self-score, when both exist."""
        return self.value(DIFFERENCE)

    @property
    def comment(self) -> str:
        """The member's comment."""
        return self.text(COMMENT)


@dataclass(frozen=True)
class ScoreSheet:
    """Everything a printed score sheet shows, renderer-neutral."""

    heading: Heading
    title: str
    subtitle: str
    unit_name: str
    member_name: str
    rows: tuple[SheetRow, ...]
    summary: tuple[SummaryLine, ...]
    complete: bool
    """The sheet covers every area, so the index and the class are printed."""
    note: str
    signer: Signer
    bonus_mode: BonusMode
    index_places: int
    normal_heads: tuple[str, ...]
    """Codes whose points make up ``SummaryKey.ACHIEVED`` (the applicable normal areas)."""
    bonus_heads: tuple[str, ...]
    penalty_heads: tuple[str, ...]
    max_leaves: tuple[str, ...]
    """Applicable normal leaves whose maxima make up ``SummaryKey.APPLICABLE_MAX``."""
    form_id: str
    form_version: str
    round_id: str
    unit_id: str
    member_id: str
    appraisal_round: int

    def line(self, key: SummaryKey) -> SummaryLine | None:
        """The summary line ``key``, None when the sheet does not print it."""
        return next((line for line in self.summary if line.key is key), None)

    @property
    def table(self) -> TreeTable:
        """The table to render: the member's columns, the rows and the summary."""
        value_key = SECOND if self.appraisal_round == 2 else APPRAISED
        return TreeTable(MEMBER_COLUMNS, self.rows, self.summary, value_key)


def build_member_sheet(
    criteria_set: CriteriaSet,
    unit: Unit,
    member: Member,
    result: UnitResult,
    entries: Mapping[str, LeafEntry],
    *,
    areas: frozenset[str] | None,
    appraisal_round: int,
    heading: Heading,
    round_id: str,
    round_1: UnitResult | None = None,
) -> ScoreSheet:
    """A member's score sheet for one unit, over the member's areas (None: all).

    Args:
        criteria_set: the round's set.
        unit: the appraised unit.
        member: the member who scores and signs.
        result: ``score_unit`` of ``entries``.
        entries: leaf code -> entry (self-score, the member's appraisal, comment, N/A).
        areas: the area codes assigned to the member for this unit; None for every area.
        appraisal_round: 1 or 2.
        heading: issuing body, place and date.
        round_id: the round's id (for the workbook's metadata).
        round_1: on a round-2 sheet, the member's round-1 result (its "Thẩm định lần 1"
            column); the round-2 appraisal stands in "Thẩm định lần 2".
    """
    roots = [n for n in criteria_set.nodes if areas is None or n.code in areas]
    complete = len(roots) == len(criteria_set.nodes)
    first = round_1 if appraisal_round == 2 else None
    cells = _MemberCells(entries, second=appraisal_round == 2, round_1=first)
    rows = walk(criteria_set, unit.unit_type, result, cells, SheetRow, areas=areas)
    role_heads = {role: tuple(row.code for row in heads(rows, role)) for role in Role}

    def head_sum(role: Role) -> Decimal:
        return sum((result.totals[c].achieved for c in role_heads[role]), Decimal(0))

    if complete:
        achieved, bonus, penalty = result.achieved, result.bonus, result.penalty
        applicable_max = result.applicable_max
    else:
        achieved, bonus = head_sum(Role.NORMAL), head_sum(Role.BONUS)
        penalty = -head_sum(Role.PENALTY) + Decimal(0)
        applicable_max = sum(
            (result.totals[c].maximum for c in role_heads[Role.NORMAL]), Decimal(0)
        )
    roles = {row.head_role for row in rows if row.head_role is not None}
    summary = points_lines(achieved, bonus, penalty, applicable_max, roles)
    note = ""
    if appraisal_round == 2:
        note = (
            "Phiếu thẩm định lần 2 gồm các mục đơn vị đã giải trình; chỉ số và xếp loại của đơn "
            "vị do Hội đồng tổng hợp."
        )
    elif complete:
        summary += [
            summary_line(SummaryKey.INDEX, result.index),
            summary_line(SummaryKey.CLASSIFICATION, text=nfc(result.classification)),
        ]
    else:
        codes = ", ".join(r.code for r in roots)
        note = (
            f"Phiếu gồm các lĩnh vực được phân công (mã {codes}); chỉ số và xếp loại của đơn vị "
            "do Hội đồng tổng hợp từ phiếu của các thành viên."
        )
    return ScoreSheet(
        heading=Heading(
            nfc(heading.parent_body), nfc(heading.body), nfc(heading.place), heading.date
        ),
        title=nfc(f"PHIẾU CHẤM ĐIỂM THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {criteria_set.year}"),
        subtitle=f"(Thẩm định lần {appraisal_round})",
        unit_name=nfc(unit.name),
        member_name=nfc(member.name),
        rows=rows,
        summary=tuple(summary),
        complete=complete and appraisal_round == 1,
        note=note,
        signer=Signer(MEMBER_AUTHORITY, nfc(member.title), nfc(member.name)),
        bonus_mode=criteria_set.bonus_mode,
        index_places=criteria_set.index_places,
        normal_heads=role_heads[Role.NORMAL],
        bonus_heads=role_heads[Role.BONUS],
        penalty_heads=role_heads[Role.PENALTY],
        max_leaves=tuple(
            r.code for r in rows if r.is_leaf and r.applicable and r.role is Role.NORMAL
        ),
        form_id=criteria_set.form_id,
        form_version=criteria_set.version,
        round_id=round_id,
        unit_id=unit.id,
        member_id=member.id,
        appraisal_round=appraisal_round,
    )


class _MemberCells:
    """The member's columns: self-score, the round-1 and round-2 appraisal (the sheet's round
    in its column, on a round-2 sheet the member's round 1 beside it), the difference between
    the sheet's appraisal and the self-score, the comment."""

    def __init__(
        self, entries: Mapping[str, LeafEntry], *, second: bool, round_1: UnitResult | None
    ) -> None:
        self.entries = entries
        self.key = SECOND if second else APPRAISED
        self.round_1 = round_1

    def _first(self, node: Node) -> Decimal | None:
        if self.round_1 is None:
            return None
        total = self.round_1.totals.get(node.code)
        return total.achieved if total is not None and total.scored else None

    def cells(self, node: Node, total: NodeTotal) -> Cells:
        entry = self.entries.get(node.code, EMPTY_ENTRY) if node.is_leaf else EMPTY_ENTRY
        comment = {COMMENT: nfc(entry.comment)}
        if not total.applicable:
            return Cells(texts=comment)
        if not node.is_leaf:
            values: dict[str, Decimal | None] = {
                SELF: total.self_total,
                self.key: total.achieved,
                DIFFERENCE: total.achieved - total.self_total,
            }
        else:
            difference = None
            if entry.self_score is not None and entry.appraised is not None:
                difference = entry.appraised - entry.self_score
            values = {SELF: entry.self_score, self.key: entry.appraised, DIFFERENCE: difference}
        if self.key == SECOND:
            values[APPRAISED] = self._first(node)
        return Cells(values=values, texts=comment)
