"""The round-1 notice to a unit (Thông báo kết quả thẩm định lần 1), renderer-neutral.

It reuses the member sheet's rows (``build_member_sheet`` over the round-1 consolidated
entries: the same tree, numbering, totals and "Không áp dụng" rows) and adds what a notice says
beyond a score sheet: the evidence the unit cited, the totals of both columns, the deadline for
explanations and the recipients. ``notice_pdf`` and ``notice_xlsx`` draw it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import CriteriaSet
from parapp.core.rounds import Member, MemberRole, Unit
from parapp.core.scoring import LeafEntry, UnitResult
from parapp.io.sheets.member_sheet import Heading, SheetRow, Signer, build_member_sheet, nfc

TITLE = "THÔNG BÁO"
SECRETARY_AUTHORITY = "THƯ KÝ HỘI ĐỒNG"
COLUMNS = (
    "STT",
    "Mã",
    "Nội dung",
    "Điểm tối đa",
    "Tự chấm",
    "Thẩm định lần 1",
    "Chênh lệch",
    "Ý kiến thẩm định",
    "Tài liệu kiểm chứng đơn vị đã gửi",
)
TOTAL_LABELS = (
    ("achieved", "Điểm đạt được của các lĩnh vực"),
    ("bonus", "Điểm thưởng"),
    ("penalty", "Điểm trừ"),
    ("total", "Tổng điểm đạt được"),
    ("applicable_max", "Tổng điểm tối đa áp dụng"),
)


@dataclass(frozen=True)
class NoticeRow:
    """One node of the tree as the notice prints it: the sheet row and the evidence cited."""

    row: SheetRow
    evidence: str = ""


@dataclass(frozen=True)
class NoticeTotal:
    """A line under the table: the unit's own figure and the council's round-1 figure."""

    key: str
    label: str
    self_value: Decimal | None
    round1: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        """Round 1 minus self, when both exist."""
        if self.self_value is None or self.round1 is None:
            return None
        return self.round1 - self.self_value


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
    rows: tuple[NoticeRow, ...]
    totals: tuple[NoticeTotal, ...]
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
        NoticeRow(r, nfc(evidence.get(r.code, "")) if r.is_leaf else "") for r in sheet.rows
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
        "achieved": (result.self_total, result.achieved),
        "bonus": (self_bonus, result.bonus),
        "penalty": (self_penalty, result.penalty),
        "total": (
            result.self_total + self_bonus - self_penalty,
            result.achieved + result.bonus - result.penalty,
        ),
        "applicable_max": (result.applicable_max, result.applicable_max),
    }
    shown = {"achieved", "total", "applicable_max"}
    if sheet.bonus_heads:
        shown.add("bonus")
    if sheet.penalty_heads:
        shown.add("penalty")
    totals = tuple(
        NoticeTotal(key, label, *figures[key]) for key, label in TOTAL_LABELS if key in shown
    )
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
        totals=totals,
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
