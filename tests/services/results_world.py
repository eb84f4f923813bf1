"""A real round file whose members' scores are merged, for the results' hard-rule checks.

Three departments: SA and SB scored by two members (store-level writes, as a merge leaves them)
with survey points imported; SC never scored. Values that break a rule are then written straight
into the SQLite file, as an older release, a manual decision or a hand-edited file leave them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import Location
from parapp.core.rounds import MemberRole, SelfAssessment
from parapp.services import rounds
from parapp.services.components import ComponentInput, store_components
from parapp.services.context import RoundContext, open_round
from parapp.services.self_assessment import store_self_assessment
from parapp.store import submissions as merge_store
from parapp.store.submissions import MergedScore

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-KIEMTRA",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử kiểm tra kết quả",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "ranking_groups": [{"code": "g-so", "label": "Khối sở", "unit_types": ["so"]}],
    "classes": [
        {"label": "Tốt", "lower": "80"},
        {"label": "Khá", "lower": "50"},
        {"label": "Yếu", "lower": "0"},
    ],
    "nodes": [
        {"code": "1", "name": "Công tác chỉ đạo, điều hành", "maximum": "4"},
        {
            "code": "1.1",
            "name": "Ban hành kế hoạch cải cách hành chính",
            "maximum": "1",
            "rule": {
                "kind": "levels",
                "levels": [
                    {"value": "1", "label": "Kịp thời"},
                    {"value": "0.5", "label": "Không kịp thời"},
                    {"value": "0", "label": "Không ban hành"},
                ],
            },
        },
        {
            "code": "1.2",
            "name": "Thực hiện kế hoạch",
            "maximum": "3",
            "rule": {"kind": "free", "step": "0.25"},
        },
        {"code": "2", "name": "Điều tra xã hội học", "maximum": "4"},
        {"code": "2.1", "name": "Mức độ hài lòng", "maximum": "4", "assessor": "survey"},
        {
            "code": "3",
            "name": "Điểm trừ",
            "maximum": "0",
            "minimum": "-1",
            "role": "penalty",
            "aggregation": "cap",
        },
        {
            "code": "3.1",
            "name": "Chậm báo cáo",
            "maximum": "0",
            "minimum": "-1",
            "role": "penalty",
        },
    ],
}
UNITS = (("SA", "Sở A"), ("SB", "Sở B"), ("SC", "Sở C"))
SCORES = {
    # unit: member -> (1.1, 1.2, 3.1); SA's 1.1 means 0,75: no level, yet a valid mean.
    "SA": {"UV1": ("1", "3", "0"), "UV2": ("0.5", "3", "0")},
    "SB": {"UV1": ("0.5", "2", "-1"), "UV2": ("0.5", "2", "-1")},
}
SURVEY = {"SA": "3.5", "SB": "3"}


def clock() -> dt.datetime:
    return dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)


def criteria_set() -> CriteriaSet:
    return from_dict(SET)


def build_round(path: Path) -> Path:
    """The round file, closed."""
    ctx = rounds.create_round(path, criteria_set(), "Thẩm định thử", clock=clock, actor="Thư ký")
    for unit_id, name in UNITS:
        rounds.add_unit(ctx, unit_id, name, "so")
    rounds.add_member(ctx, "CT", "Trịnh Việt Hùng", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR)
    rounds.add_member(ctx, "UV1", "Lê Văn Thành", "Giám đốc Sở Tư pháp")
    rounds.add_member(ctx, "UV2", "Phạm Thị Lan", "Giám đốc Sở Nội vụ")
    rounds.add_member(ctx, "TK", "Nguyễn Thị Thu Hà", "Trưởng phòng", MemberRole.SECRETARY)
    for unit_id in SCORES:
        store_self_assessment(
            ctx,
            unit_id,
            {"1.2": SelfAssessment("1.2", self_score=Decimal(3))},
            None,
            source="tu-danh-gia.xlsx",
            source_sha256="0" * 64,
        )
    store_components(
        ctx,
        [
            ComponentInput(unit_id, "2.1", None, Decimal(value), Location(file="kq.xlsx"))
            for unit_id, value in SURVEY.items()
        ],
        source="kq.xlsx",
        source_sha256="1" * 64,
    )
    merged = [
        MergedScore(unit_id, code, member_id, 1, Decimal(value), "", False, "2027-01-04", None)
        for unit_id, by_member in SCORES.items()
        for member_id, values in by_member.items()
        for code, value in zip(("1.1", "1.2", "3.1"), values, strict=True)
    ]
    with ctx.db.transaction() as s:
        merge_store.insert_merged(s, merged)
    ctx.close()
    return path


def sql(path: Path, statement: str, *params: object) -> None:
    """Run one statement on the real round file (as another tool or an old release would)."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            changed = connection.execute(statement, params).rowcount
    finally:
        connection.close()
    assert changed >= 1, statement


def set_member_score(path: Path, unit_id: str, code: str, member_id: str, text: str) -> None:
    """Store ``text`` as the member's merged score of the item."""
    sql(
        path,
        "UPDATE score SET value = ? WHERE unit_id = ? AND node_code = ? AND member_id = ?",
        text,
        unit_id,
        code,
        member_id,
    )


def set_survey(path: Path, unit_id: str, text: str) -> None:
    """Store ``text`` as the unit's survey points (item 2.1)."""
    sql(
        path,
        "UPDATE component SET value = ? WHERE unit_id = ? AND node_code = '2.1'",
        text,
        unit_id,
    )


def opened(path: Path) -> RoundContext:
    return open_round(path, clock=clock, actor="Thư ký")
