"""Find stored score values whose text is not a number at all.

Decimal columns are text (``types.DecimalText``); a row written by hand, by an older release or by
another tool can hold text that ``Decimal`` cannot read ("abc", "5,0"), and every reader of the
round then fails on it. This scan reads the raw text instead, so the service can name each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from parapp.store.models import ComponentRow, ResolutionRow, ScoreRow, SelfAssessmentRow


@dataclass(frozen=True)
class RawValue:
    """One stored value that is not a number's text."""

    kind: str
    """"score" (a member's), "resolution" (the secretary's), "component" (survey, agency,
    leadership points), "component_figure", "self_score" or "self_figure"."""
    unit_id: str
    node_code: str
    member_id: str
    text: str


def _readable(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def unreadable_values(session: Session) -> list[RawValue]:
    """Every stored value whose text ``Decimal`` cannot read, by table, unit and item."""
    queries: list[tuple[str, Any, Any, Any]] = [
        ("score", ScoreRow, ScoreRow.value, ScoreRow.member_id),
        ("resolution", ResolutionRow, ResolutionRow.value, None),
        ("component", ComponentRow, ComponentRow.value, None),
        ("component_figure", ComponentRow, ComponentRow.figure, None),
        ("self_score", SelfAssessmentRow, SelfAssessmentRow.self_score, None),
        ("self_figure", SelfAssessmentRow, SelfAssessmentRow.figure, None),
    ]
    out: list[RawValue] = []
    for kind, model, column, member in queries:
        raw = type_coerce(column, String)
        extra = member if member is not None else type_coerce("", String)
        query = (
            select(model.unit_id, model.node_code, extra, raw)
            .where(column.is_not(None))
            .order_by(model.unit_id, model.node_code)
        )
        for unit_id, node_code, member_id, text in session.execute(query):
            if not _readable(str(text)):
                out.append(RawValue(kind, unit_id, node_code, member_id or "", str(text)))
    return out
