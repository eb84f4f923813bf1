"""The frozen round (phase ``frozen``, *chốt điểm*) refuses every change of a score.

One guard at the store, so that no service can forget it: any flush or statement of a session
that would insert, change or delete a row of a score-bearing table (members' scores, the
secretary's and the council's decisions, survey and agency points, self-assessments and their
evidence, explanations, meeting records) or the consolidation settings is refused with a
``ValidationError`` while the round file says ``frozen``; the transaction rolls back, nothing is
written. Reopening (``services.rounds.advance_phase`` back to an earlier phase, with a reason,
audited) is the only way on. The audit log and the settings stay writable.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg

LOCKED_TABLES = frozenset(
    {
        "score",
        "resolution",
        "component",
        "self_assessment",
        "evidence_ref",
        "meeting",
        "meeting_attendance",
        "meeting_item",
        "meeting_vote",
        "council_referral",
    }
)
"""Tables whose rows make up or decide a score."""
LOCKED_PREFIXES = ("explanation",)
"""Tables of later modules that hold scores too (the units' explanations)."""
ROUND_SCORE_FIELDS = ("consolidation_rule", "agree_threshold")
"""Columns of the round row that change consolidated scores."""
FROZEN = "frozen"

FROZEN_MESSAGE = Msg(
    "Đợt thẩm định đã chốt điểm: không thay đổi được điểm nào. Muốn sửa, hãy mở lại giai đoạn "
    'trước (parapp round phase ĐỢT round_2 --note "lý do"); việc mở lại được ghi nhật ký.',
    "The round is frozen: no score can change. To correct one, reopen an earlier phase "
    '(parapp round phase ROUND round_2 --note "reason"); the reopening is audited.',
)


def _locked(table: str) -> bool:
    return table in LOCKED_TABLES or table.startswith(LOCKED_PREFIXES)


def _stored_phase(session: Session) -> str | None:
    """The phase as the file holds it (before this flush), read past the ORM."""
    try:
        row = session.connection().execute(text("SELECT phase FROM round")).first()
    except OperationalError:  # no round table yet (a schema being created)
        return None
    return None if row is None else str(row[0])


def _round_change(obj: Any) -> tuple[bool, bool]:
    """(changes a score setting, changes the phase) for a dirty round row."""
    state = inspect(obj)
    scores = any(state.attrs[name].history.has_changes() for name in ROUND_SCORE_FIELDS)
    return scores, state.attrs["phase"].history.has_changes()


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    touched = False
    reopening = False
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", "")
        if table == "round" and obj not in session.new:
            scores, phase = _round_change(obj)
            touched, reopening = touched or scores, reopening or phase
        elif _locked(table) and (obj not in session.dirty or session.is_modified(obj)):
            touched = True
    if touched and not reopening and _stored_phase(session) == FROZEN:
        raise ValidationError(FROZEN_MESSAGE)


@event.listens_for(Session, "do_orm_execute")
def _before_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", "")
    if _locked(name) and _stored_phase(state.session) == FROZEN:
        raise ValidationError(FROZEN_MESSAGE)
