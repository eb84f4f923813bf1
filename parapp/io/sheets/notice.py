"""The round-1 notice to a unit (Thông báo kết quả thẩm định lần 1), renderer-neutral.

It reuses the member sheet's rows (``build_member_sheet`` over the round-1 consolidated
entries: the same tree, numbering, totals and "Không áp dụng" rows) as a shared ``TreeTable``
with the notice's ``ColumnSet`` (the evidence the unit cited as a text column; the totals carry
the self-score and the difference beside the round-1 figure), plus the deadline for
explanations and the recipients. ``notice_pdf`` and ``notice_xlsx`` draw it through the shared
table renderers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from parapp.core.criteria import CriteriaSet
from parapp.core.rounds import Member, MemberRole, Unit
from parapp.core.scoring import LeafEntry, UnitResult
from parapp.io.sheets.member_sheet import (
    APPRAISED,
    COMMENT,
    DIFFERENCE,
    SELF,
    Heading,
    SheetRow,
    Signer,
    build_member_sheet,
    nfc,
)
from parapp.io.sheets.table import (
    Column,
    ColumnKind,
    ColumnSet,
    SummaryKey,
    SummaryLine,
    TreeTable,
    summary_line,
)

TITLE = "THÔNG BÁO"
SECRETARY_AUTHORITY = "THƯ KÝ HỘI ĐỒNG"
EVIDENCE = "evidence"
NOTICE_COLUMNS = ColumnSet(
    (
        Column(SELF, "Tự chấm"),
        Column(APPRAISED, "Thẩm định lần 1"),
        Column(DIFFERENCE, "Chênh lệch"),
        Column(COMMENT, "Ý kiến thẩm định", ColumnKind.TEXT, merged_when_not_applicable=False),
        Column(
            EVIDENCE,
            "Tài liệu kiểm chứng đơn vị đã gửi",
            ColumnKind.TEXT,
            merged_when_not_applicable=False,
        ),
    )
)
"""The notice's columns after the lead columns: the member sheet's round-1 columns and the
evidence the unit cited."""
COLUMNS = NOTICE_COLUMNS.titles
INDEX_LABEL = "Chỉ số cải cách hành chính lần 1 (%)"
SHOWN_TOTALS = (
    SummaryKey.ACHIEVED,
    SummaryKey.BONUS,
    SummaryKey.PENALTY,
    SummaryKey.TOTAL,
    SummaryKey.APPLICABLE_MAX,
)


def _total(key: SummaryKey, own: Decimal, round1: Decimal) -> SummaryLine:
    """A line under the table: the council's round-1 figure, the unit's own and the
    difference."""
    return summary_line(key, round1, others={SELF: own, DIFFERENCE: round1 - own})


@dataclass(frozen=True)
class NoticeSheet:
    """Everything a round-1 notice shows."""

    heading: Heading
    number: str
    """ "Số: …/TB-HĐTĐ" (left blank for the office's register)."""
    title: str
    subtitle: str
    unit_id: str
    unit_name: str
    round_name: str
    intro: str
    rows: tuple[SheetRow, ...]
    """The member sheet's rows over the round-1 entries, with the evidence cited (texts)."""
    summary: tuple[SummaryLine, ...]
    index: Decimal | None
    deadline: dt.date
    deadline_text: str
    signer: Signer
    recipients: tuple[str, ...]
    round_id: str
    form_id: str
    form_version: str
    below_self: tuple[str, ...]
    """Codes of the items whose round-1 score is below the unit's self-score."""

    @property
    def table(self) -> TreeTable:
        """The table to render: the notice's columns, the rows and the totals."""
        return TreeTable(NOTICE_COLUMNS, self.rows, self.summary, APPRAISED)


def secretary_signer(members: list[Member] | tuple[Member, ...]) -> Signer:
    """The council's secretary (first by position) as the notice's signer; an empty name when
    the round has none (signed by hand)."""
    secretary = next(
        (m for m in sorted(members, key=lambda m: m.position) if m.role is MemberRole.SECRETARY),
        None,
    )
    return Signer(SECRETARY_AUTHORITY, "", nfc(secretary.name) if secretary else "")


def _date_text(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def build_notice(
    criteria_set: CriteriaSet,
    unit: Unit,
    result: UnitResult,
    entries: Mapping[str, LeafEntry],
    evidence: Mapping[str, str],
    *,
    heading: Heading,
    signer: Signer,
    deadline: dt.date,
    round_id: str,
    round_name: str,
) -> NoticeSheet:
    """The notice of one unit.

    Args:
        criteria_set: the round's set.
        unit: the unit notified.
        result: ``score_unit`` of ``entries``.
        entries: leaf code -> self-score, the round-1 consolidated score, the appraisers'
            comment, N/A.
        evidence: leaf code -> the evidence the unit cited, as typed ("KH.pdf, tr. 3").
        heading: issuing body, place and date.
        signer: the secretary.
        deadline: the last day for the unit's explanation.
        round_id: the round's id.
        round_name: the round's name.
    """
    placeholder = Member("", signer.name, "", MemberRole.SECRETARY)
    sheet = build_member_sheet(
        criteria_set,
        unit,
        placeholder,
        result,
        entries,
        areas=None,
        appraisal_round=1,
        heading=heading,
        round_id=round_id,
    )
    rows = tuple(
        replace(r, texts={**r.texts, EVIDENCE: nfc(evidence.get(r.code, "")) if r.is_leaf else ""})
        for r in sheet.rows
    )
    below = tuple(
        r.code
        for r in sheet.rows
        if r.is_leaf
        and r.appraisable
        and r.self_score is not None
        and r.appraised is not None
        and r.appraised < r.self_score
    )
    self_bonus = _self_sum(sheet.bonus_heads, result)
    self_penalty = -_self_sum(sheet.penalty_heads, result) + Decimal(0)
    figures = {
        SummaryKey.ACHIEVED: (result.self_total, result.achieved),
        SummaryKey.BONUS: (self_bonus, result.bonus),
        SummaryKey.PENALTY: (self_penalty, result.penalty),
        SummaryKey.TOTAL: (
            result.self_total + self_bonus - self_penalty,
            result.achieved + result.bonus - result.penalty,
        ),
        SummaryKey.APPLICABLE_MAX: (result.applicable_max, result.applicable_max),
    }
    shown = {SummaryKey.ACHIEVED, SummaryKey.TOTAL, SummaryKey.APPLICABLE_MAX}
    if sheet.bonus_heads:
        shown.add(SummaryKey.BONUS)
    if sheet.penalty_heads:
        shown.add(SummaryKey.PENALTY)
    summary = [_total(key, *figures[key]) for key in SHOWN_TOTALS if key in shown]
    if result.index is not None:
        summary.append(summary_line(SummaryKey.INDEX, result.index, label=INDEX_LABEL))
    year = criteria_set.year
    intro = (
        f"Căn cứ kết quả thẩm định lần 1 của Hội đồng thẩm định Chỉ số cải cách hành chính năm "
        f"{year}, Hội đồng thông báo đến {unit.name} kết quả thẩm định lần 1 từng tiêu chí, "
        "tiêu chí thành phần như sau:"
    )
    deadline_text = (
        f"Đề nghị {unit.name} rà soát; đối với các nội dung chưa thống nhất, đơn vị gửi phiếu "
        f"giải trình (kèm tài liệu kiểm chứng bổ sung, có ý kiến duyệt của lãnh đạo đơn vị) về "
        f"Hội đồng trước ngày {_date_text(deadline)}. Quá thời hạn trên, Hội đồng sử dụng kết "
        "quả thẩm định lần 1 để tổng hợp."
    )
    return NoticeSheet(
        heading=sheet.heading,
        number="Số:        /TB-HĐTĐ",
        title=TITLE,
        subtitle=nfc(f"Kết quả thẩm định lần 1 Chỉ số cải cách hành chính năm {year}"),
        unit_id=unit.id,
        unit_name=nfc(unit.name),
        round_name=nfc(round_name),
        intro=nfc(intro),
        rows=rows,
        summary=tuple(summary),
        index=result.index,
        deadline=deadline,
        deadline_text=nfc(deadline_text),
        signer=signer,
        recipients=(nfc(f"- {unit.name};"), "- Lưu: VT, HĐTĐ."),
        round_id=round_id,
        form_id=criteria_set.form_id,
        form_version=criteria_set.version,
        below_self=below,
    )


def _self_sum(heads: tuple[str, ...], result: UnitResult) -> Decimal:
    return sum((result.totals[c].self_total for c in heads), Decimal(0))
