"""Score sheets for the io tests, built from the bundled department set without a database."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

from parapp import paths
from parapp.core import criteria_codec
from parapp.core.criteria import Assessor, CriteriaSet, Role
from parapp.core.rounds import Member, MemberRole, Unit
from parapp.core.scoring import LeafEntry, score_unit
from parapp.io.sheets.member_sheet import Heading, ScoreSheet, build_member_sheet

HOSTILE_COMMENT = '=HYPERLINK("http://example.invalid/x","bấm vào đây")'
NFD_COMMENT = unicodedata.normalize("NFD", "Thiếu tài liệu kiểm chứng; trừ 0,25 điểm.")
NA_LEAF = "5.1.1"
HEADING = Heading(
    parent_body="UBND tỉnh Thái Nguyên",
    body="Hội đồng thẩm định Chỉ số CCHC",
    place="Thái Nguyên",
    date=dt.date(2026, 12, 12),
)
MEMBER = Member("UV-01", "Lê Văn Thành", "Giám đốc Sở Tư pháp", MemberRole.MEMBER)


def department_set() -> CriteriaSet:
    """The bundled department set (10 areas, bonus and penalty, types "so" and "so-khong-tthc")."""
    return criteria_codec.loads(paths.resource("criteria", "par-so-2026.json").read_bytes())


def entries(criteria_set: CriteriaSet) -> dict[str, LeafEntry]:
    """Self-scores at the maximum; every fourth appraisal 0,25 lower with a comment; survey
    points at 90 %; one bonus; one leaf marked not applicable; one hostile comment."""
    out: dict[str, LeafEntry] = {}
    for number, leaf in enumerate(criteria_set.leaves()):
        top = leaf.maximum
        if leaf.role is Role.PENALTY:
            out[leaf.code] = LeafEntry(appraised=Decimal(0))
        elif leaf.role is Role.BONUS:
            value = top if number % 2 else Decimal(0)
            out[leaf.code] = LeafEntry(self_score=top, appraised=value, comment="Có quyết định.")
        elif leaf.assessor is not Assessor.COUNCIL:
            out[leaf.code] = LeafEntry(appraised=(top * Decimal("0.9")).quantize(Decimal("0.01")))
        elif number % 4 == 0 and top >= Decimal("0.25"):
            out[leaf.code] = LeafEntry(
                self_score=top, appraised=top - Decimal("0.25"), comment=NFD_COMMENT
            )
        else:
            out[leaf.code] = LeafEntry(self_score=top, appraised=top)
    out[NA_LEAF] = LeafEntry(not_applicable=True, comment="Đơn vị không có nhiệm vụ này.")
    out["1.1.1"] = LeafEntry(
        self_score=Decimal(1), appraised=Decimal("0.5"), comment=HOSTILE_COMMENT
    )
    return out


def sheet(
    unit_type: str = "so",
    areas: frozenset[str] | None = None,
    unit_name: str = "Sở Công Thương",
) -> ScoreSheet:
    """The member's sheet for one unit of ``unit_type`` over ``areas`` (None: all)."""
    criteria_set = department_set()
    values = entries(criteria_set)
    unit = Unit("SCT", unicodedata.normalize("NFD", unit_name), unit_type, "khoi-so")
    result = score_unit(criteria_set, unit.id, unit_type, values)
    return build_member_sheet(
        criteria_set,
        unit,
        MEMBER,
        result,
        values,
        areas=areas,
        appraisal_round=1,
        heading=HEADING,
        round_id="round-1",
    )
