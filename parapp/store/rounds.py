"""Repository of a round file: round identity, units, members, assignments, phases, audit.

Functions take a ``Session`` and return ``core`` objects; they never commit (the service owns the
transaction).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parapp.core import criteria_codec
from parapp.core.criteria import CriteriaSet
from parapp.core.rounds import (
    Assignment,
    Member,
    MemberRole,
    Phase,
    PhaseEvent,
    RoundInfo,
    RoundKind,
    Unit,
)
from parapp.store.models import (
    AssignmentRow,
    AuditRow,
    ImportRow,
    MemberRow,
    PhaseEventRow,
    RoundRow,
    UnitRow,
)


def create(session: Session, info: RoundInfo, criteria_json: str) -> None:
    """Insert the round row (a file holds exactly one round)."""
    session.add(
        RoundRow(
            id=info.id,
            name=info.name,
            year=info.year,
            form_id=info.form_id,
            form_version=info.form_version,
            criteria_json=criteria_json,
            criteria_sha256=info.criteria_sha256,
            phase=info.phase.value,
            kind=info.kind.value,
            workspace_member_id=info.workspace_member_id,
            package_id=info.package_id,
            created_at=info.created_at,
        )
    )


def _row(session: Session) -> RoundRow:
    return session.execute(select(RoundRow)).scalar_one()


def find_info(session: Session) -> RoundInfo | None:
    """The round's identity and phase, None when the file holds no round."""
    row = session.execute(select(RoundRow)).scalar_one_or_none()
    return None if row is None else _info(row)


def info(session: Session) -> RoundInfo:
    """The round's identity and phase."""
    return _info(_row(session))


def _info(row: RoundRow) -> RoundInfo:
    return RoundInfo(
        id=row.id,
        name=row.name,
        year=row.year,
        form_id=row.form_id,
        form_version=row.form_version,
        criteria_sha256=row.criteria_sha256,
        phase=Phase(row.phase),
        kind=RoundKind(row.kind),
        created_at=row.created_at,
        workspace_member_id=row.workspace_member_id,
        package_id=row.package_id,
    )


def criteria_json(session: Session) -> str:
    """The frozen criteria set as stored (canonical JSON)."""
    return _row(session).criteria_json


def criteria_set(session: Session) -> CriteriaSet:
    """The round's frozen criteria set."""
    return criteria_codec.loads(criteria_json(session), source="round")


def set_phase(session: Session, event: PhaseEvent) -> None:
    """Move the round to ``event.to_phase`` and log the transition."""
    _row(session).phase = event.to_phase.value
    session.add(
        PhaseEventRow(
            at=event.at,
            from_phase=event.from_phase.value,
            to_phase=event.to_phase.value,
            actor=event.actor,
            note=event.note,
        )
    )


def phase_events(session: Session) -> list[PhaseEvent]:
    """Every transition, oldest first."""
    rows = session.execute(select(PhaseEventRow).order_by(PhaseEventRow.id)).scalars()
    return [PhaseEvent(r.at, Phase(r.from_phase), Phase(r.to_phase), r.actor, r.note) for r in rows]


def add_unit(session: Session, unit: Unit) -> None:
    """Insert a unit."""
    session.add(
        UnitRow(
            id=unit.id,
            name=unit.name,
            unit_type=unit.unit_type,
            ranking_group=unit.ranking_group,
            position=unit.position,
        )
    )


def _next_position(session: Session, model: type[UnitRow] | type[MemberRow]) -> int:
    return int(session.execute(select(func.coalesce(func.max(model.position), 0))).scalar_one()) + 1


def next_unit_position(session: Session) -> int:
    """The position after the last unit (lists keep insertion order)."""
    return _next_position(session, UnitRow)


def next_member_position(session: Session) -> int:
    """The position after the last member."""
    return _next_position(session, MemberRow)


def units(session: Session) -> list[Unit]:
    """All units in list order."""
    rows = session.execute(select(UnitRow).order_by(UnitRow.position, UnitRow.id)).scalars()
    return [Unit(r.id, r.name, r.unit_type, r.ranking_group, r.position) for r in rows]


def unit(session: Session, unit_id: str) -> Unit | None:
    """One unit, or None."""
    r = session.get(UnitRow, unit_id)
    return None if r is None else Unit(r.id, r.name, r.unit_type, r.ranking_group, r.position)


def set_ranking_group(session: Session, unit_id: str, group: str) -> None:
    """Move a unit to another ranking group (its type stays)."""
    row = session.get(UnitRow, unit_id)
    if row is not None:
        row.ranking_group = group


def add_member(session: Session, member: Member, certificate_der: bytes | None = None) -> None:
    """Insert a council member."""
    session.add(
        MemberRow(
            id=member.id,
            name=member.name,
            title=member.title,
            role=member.role.value,
            position=member.position,
            certificate_der=certificate_der,
            certificate_sha256=member.certificate_sha256,
        )
    )


def members(session: Session) -> list[Member]:
    """All members in list order."""
    rows = session.execute(select(MemberRow).order_by(MemberRow.position, MemberRow.id)).scalars()
    return [_member(r) for r in rows]


def member(session: Session, member_id: str) -> Member | None:
    """One member, or None."""
    row = session.get(MemberRow, member_id)
    return None if row is None else _member(row)


def _member(r: MemberRow) -> Member:
    return Member(r.id, r.name, r.title, MemberRole(r.role), r.position, r.certificate_sha256)


def set_assignments(session: Session, member_id: str, assignments: Iterable[Assignment]) -> None:
    """Replace a member's assignments."""
    session.execute(delete(AssignmentRow).where(AssignmentRow.member_id == member_id))
    for a in assignments:
        session.add(AssignmentRow(member_id=a.member_id, unit_id=a.unit_id, area_code=a.area_code))


def assignments(session: Session) -> tuple[Assignment, ...]:
    """Every assignment, by member then unit then area."""
    rows = session.execute(
        select(AssignmentRow).order_by(
            AssignmentRow.member_id, AssignmentRow.unit_id, AssignmentRow.area_code
        )
    ).scalars()
    return tuple(Assignment(r.member_id, r.unit_id, r.area_code) for r in rows)


def audit(
    session: Session,
    *,
    at: str,
    actor: str,
    action: str,
    unit_id: str | None = None,
    node_code: str | None = None,
    field: str = "",
    old: str | None = None,
    new: str | None = None,
    reason: str = "",
    source: str = "",
) -> None:
    """Append one audit entry."""
    session.add(
        AuditRow(
            at=at,
            actor=actor,
            action=action,
            unit_id=unit_id,
            node_code=node_code,
            field=field,
            old=old,
            new=new,
            reason=reason,
            source=source,
        )
    )


def record_import(
    session: Session,
    *,
    at: str,
    kind: str,
    file_name: str,
    sha256: str,
    unit_id: str | None,
    changed: int,
) -> None:
    """Log an imported file by content hash."""
    session.add(
        ImportRow(
            at=at, kind=kind, file_name=file_name, sha256=sha256, unit_id=unit_id, changed=changed
        )
    )


def import_count(session: Session) -> int:
    """How many imports were logged (for tests and the audit view)."""
    return int(session.execute(select(func.count()).select_from(ImportRow)).scalar_one())
