"""The neutral content of a printed score sheet (phiếu chấm điểm), built from core objects.

Both renderers (``score_sheet_pdf``, ``score_sheet_xlsx``) draw this and nothing else, so the PDF
and the workbook always say the same. Rows follow the criteria tree in document order; a node that
does not apply to the unit reads "Không áp dụng" and its descendants are left out. All text is NFC.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from parapp.core.criteria import Aggregation, Assessor, BonusMode, CriteriaSet, Node, Role
from parapp.core.rounds import Member, Unit
from parapp.core.scoring import EMPTY_ENTRY, LeafEntry, UnitResult

NOT_APPLICABLE = "Không áp dụng"
COLUMNS = (
    "STT",
    "Mã",
    "Nội dung",
    "Điểm tối đa",
    "Tự chấm",
    "Thẩm định",
    "Chênh lệch",
    "Ý kiến thẩm định",
)
MEMBER_AUTHORITY = "THÀNH VIÊN HỘI ĐỒNG"
DEFAULT_BODY = "Hội đồng thẩm định Chỉ số CCHC"


class SummaryKey(StrEnum):
    """The lines under the table, in print order."""

    ACHIEVED = "achieved"
    BONUS = "bonus"
    PENALTY = "penalty"
    TOTAL = "total"
    APPLICABLE_MAX = "applicable_max"
    INDEX = "index"
    CLASSIFICATION = "classification"


SUMMARY_LABELS = {
    SummaryKey.ACHIEVED: "Điểm đạt được của các lĩnh vực",
    SummaryKey.BONUS: "Điểm thưởng",
    SummaryKey.PENALTY: "Điểm trừ",
    SummaryKey.TOTAL: "Tổng điểm đạt được",
    SummaryKey.APPLICABLE_MAX: "Tổng điểm tối đa áp dụng",
    SummaryKey.INDEX: "Chỉ số cải cách hành chính (%)",
    SummaryKey.CLASSIFICATION: "Xếp loại",
}


@dataclass(frozen=True)
class SheetRow:
    """One node of the tree as printed."""

    stt: str
    code: str
    name: str
    depth: int
    is_leaf: bool
    applicable: bool
    maximum: Decimal
    """Applicable maximum (the node's own maximum when it does not apply)."""
    minimum: Decimal
    self_score: Decimal | None
    appraised: Decimal | None
    difference: Decimal | None
    """Appraised minus self-score, when both exist."""
    comment: str = ""
    appraisable: bool = False
    """A council-assessed leaf the member scores (score cells get range validation)."""
    parts: tuple[str, ...] = ()
    """Codes of the applicable children whose points add up to this row (same role)."""
    cap: tuple[Decimal, Decimal] | None = None
    """[minimum, maximum] a CAP group limits its children's sum to."""


@dataclass(frozen=True)
class SummaryLine:
    """A line under the table: a number, or a text (the class)."""

    key: SummaryKey
    label: str
    value: Decimal | None = None
    text: str = ""


@dataclass(frozen=True)
class Heading:
    """The ND30 header block: issuing body under its parent, place and date."""

    parent_body: str
    body: str
    place: str
    date: dt.date

    @property
    def place_date(self) -> str:
        """ "Thái Nguyên, ngày 05 tháng 02 năm 2026" (ND30: a leading zero for days under 10
        and for months 1 and 2)."""
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return nfc(f"{self.place}, ngày {day} tháng {month} năm {self.date.year}")


@dataclass(frozen=True)
class Signer:
    """Who signs: authority line (bold caps), their position, full name."""

    authority: str
    position: str
    name: str


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
    """
    roots = [n for n in criteria_set.nodes if areas is None or n.code in areas]
    complete = len(roots) == len(criteria_set.nodes)
    walker = _Rows(criteria_set, unit.unit_type, result, entries)
    for position, root in enumerate(criteria_set.nodes, 1):
        if root in roots:  # numbered as in the whole set, so area 9 stays IX on any sheet
            walker.add(root, roman(position), None)
    heads: dict[Role, list[str]] = {role: [] for role in Role}
    for code, role in walker.heads:
        heads[role].append(code)

    def head_sum(role: Role) -> Decimal:
        return sum((result.totals[c].achieved for c in heads[role]), Decimal(0))

    if complete:
        achieved, bonus, penalty = result.achieved, result.bonus, result.penalty
        applicable_max = result.applicable_max
    else:
        achieved, bonus = head_sum(Role.NORMAL), head_sum(Role.BONUS)
        penalty = -head_sum(Role.PENALTY) + Decimal(0)
        applicable_max = sum((result.totals[c].maximum for c in heads[Role.NORMAL]), Decimal(0))
    summary = [SummaryLine(SummaryKey.ACHIEVED, SUMMARY_LABELS[SummaryKey.ACHIEVED], achieved)]
    if walker.has_role[Role.BONUS]:
        summary.append(SummaryLine(SummaryKey.BONUS, SUMMARY_LABELS[SummaryKey.BONUS], bonus))
    if walker.has_role[Role.PENALTY]:
        summary.append(SummaryLine(SummaryKey.PENALTY, SUMMARY_LABELS[SummaryKey.PENALTY], penalty))
    summary += [
        SummaryLine(SummaryKey.TOTAL, SUMMARY_LABELS[SummaryKey.TOTAL], achieved + bonus - penalty),
        SummaryLine(
            SummaryKey.APPLICABLE_MAX, SUMMARY_LABELS[SummaryKey.APPLICABLE_MAX], applicable_max
        ),
    ]
    note = ""
    if complete:
        summary += [
            SummaryLine(SummaryKey.INDEX, SUMMARY_LABELS[SummaryKey.INDEX], result.index),
            SummaryLine(
                SummaryKey.CLASSIFICATION,
                SUMMARY_LABELS[SummaryKey.CLASSIFICATION],
                text=nfc(result.classification),
            ),
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
        rows=tuple(walker.rows),
        summary=tuple(summary),
        complete=complete,
        note=note,
        signer=Signer(MEMBER_AUTHORITY, nfc(member.title), nfc(member.name)),
        bonus_mode=criteria_set.bonus_mode,
        index_places=criteria_set.index_places,
        normal_heads=tuple(heads[Role.NORMAL]),
        bonus_heads=tuple(heads[Role.BONUS]),
        penalty_heads=tuple(heads[Role.PENALTY]),
        max_leaves=tuple(walker.max_leaves),
        form_id=criteria_set.form_id,
        form_version=criteria_set.version,
        round_id=round_id,
        unit_id=unit.id,
        member_id=member.id,
        appraisal_round=appraisal_round,
    )


class _Rows:
    """One walk over the member's areas, collecting rows, role heads and the applicable leaves."""

    def __init__(
        self,
        criteria_set: CriteriaSet,
        unit_type: str,
        result: UnitResult,
        entries: Mapping[str, LeafEntry],
    ) -> None:
        self.unit_type = unit_type
        self.result = result
        self.entries = entries
        self.rows: list[SheetRow] = []
        self.heads: list[tuple[str, Role]] = []
        self.max_leaves: list[str] = []
        self.has_role = dict.fromkeys(Role, False)
        self._counter = 0

    def add(self, node: Node, stt: str | None, parent: Node | None) -> None:
        if stt is None:
            self._counter += 1
            stt = str(self._counter)
        else:
            self._counter = 0
        total = self.result.totals[node.code]
        if parent is None or node.role is not parent.role:
            self.has_role[node.role] = True
            if total.applicable:
                self.heads.append((node.code, node.role))
        if not total.applicable:
            self.rows.append(self._not_applicable(node, stt))
            return
        if node.is_leaf:
            self.rows.append(self._leaf(node, stt))
            if node.role is Role.NORMAL:
                self.max_leaves.append(node.code)
            return
        parts = tuple(
            child.code
            for child in node.children
            if child.role is node.role and self.result.totals[child.code].applicable
        )
        cap = (
            (node.minimum, node.max_for(self.unit_type))
            if node.aggregation is Aggregation.CAP
            else None
        )
        self.rows.append(
            SheetRow(
                stt=stt,
                code=node.code,
                name=nfc(node.name),
                depth=node.depth,
                is_leaf=False,
                applicable=True,
                maximum=total.maximum,
                minimum=node.minimum,
                self_score=total.self_total,
                appraised=total.achieved,
                difference=total.achieved - total.self_total,
                parts=parts,
                cap=cap,
            )
        )
        for child in node.children:
            self.add(child, None, node)

    def _leaf(self, node: Node, stt: str) -> SheetRow:
        entry = self.entries.get(node.code, EMPTY_ENTRY)
        difference = None
        if entry.self_score is not None and entry.appraised is not None:
            difference = entry.appraised - entry.self_score
        return SheetRow(
            stt=stt,
            code=node.code,
            name=nfc(node.name),
            depth=node.depth,
            is_leaf=True,
            applicable=True,
            maximum=node.max_for(self.unit_type),
            minimum=node.minimum,
            self_score=entry.self_score,
            appraised=entry.appraised,
            difference=difference,
            comment=nfc(entry.comment),
            appraisable=node.assessor is Assessor.COUNCIL,
        )

    def _not_applicable(self, node: Node, stt: str) -> SheetRow:
        entry = self.entries.get(node.code, EMPTY_ENTRY) if node.is_leaf else EMPTY_ENTRY
        return SheetRow(
            stt=stt,
            code=node.code,
            name=nfc(node.name),
            depth=node.depth,
            is_leaf=node.is_leaf,
            applicable=False,
            maximum=node.max_for(self.unit_type),
            minimum=node.minimum,
            self_score=None,
            appraised=None,
            difference=None,
            comment=nfc(entry.comment),
        )
