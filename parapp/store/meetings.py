"""Repository of the council's meetings: the records the minutes print and the referrals.

Functions take a ``Session`` and never commit; ``services.meeting`` owns the transaction, the
decisions (``submissions.put_resolution``) and the audit rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from parapp.store.meeting_models import (
    AttendanceRow,
    MeetingItemRow,
    MeetingRow,
    ReferralRow,
    VoteRow,
)

RESULTS_SUBJECT = "results"
"""The ``subject`` of the votes on approving the round's results."""


@dataclass(frozen=True)
class StoredVote:
    """A member's vote on a subject ("UNIT/CODE" or ``RESULTS_SUBJECT``)."""

    subject: str
    member_id: str
    choice: str
    written: bool


@dataclass(frozen=True)
class StoredItem:
    """A contested item with the council's decision."""

    unit_id: str
    node_code: str
    origin: str
    proposal: Decimal | None
    proposal_na: bool
    value: Decimal | None
    not_applicable: bool
    decided_by: str
    reason: str

    @property
    def subject(self) -> str:
        """Its votes' subject."""
        return subject(self.unit_id, self.node_code)


@dataclass(frozen=True)
class StoredMeeting:
    """A meeting as recorded."""

    id: int
    number: str
    held_on: str
    place: str
    chair_id: str
    secretary_id: str
    quorum_rule: str
    council_size: int
    approved: bool
    recorded_at: str
    actor: str
    note: str
    attendance: tuple[tuple[str, str, str], ...]
    """(member id, status, written opinion) in council order."""
    items: tuple[StoredItem, ...]
    votes: tuple[StoredVote, ...]


def subject(unit_id: str, node_code: str) -> str:
    """A contested item's vote subject."""
    return f"{unit_id}/{node_code}"


def add_meeting(
    session: Session,
    meeting: StoredMeeting,
) -> int:
    """Insert the meeting with its attendance, items and votes; return its id."""
    row = MeetingRow(
        number=meeting.number,
        held_on=meeting.held_on,
        place=meeting.place,
        chair_id=meeting.chair_id,
        secretary_id=meeting.secretary_id,
        quorum_rule=meeting.quorum_rule,
        council_size=meeting.council_size,
        approved=meeting.approved,
        recorded_at=meeting.recorded_at,
        actor=meeting.actor,
        note=meeting.note,
    )
    session.add(row)
    session.flush()
    for member_id, status, opinion in meeting.attendance:
        session.add(
            AttendanceRow(
                meeting_id=row.id, member_id=member_id, status=status, written_opinion=opinion
            )
        )
    for position, item in enumerate(meeting.items, 1):
        session.add(
            MeetingItemRow(
                meeting_id=row.id,
                position=position,
                unit_id=item.unit_id,
                node_code=item.node_code,
                origin=item.origin,
                proposal=item.proposal,
                proposal_na=item.proposal_na,
                value=item.value,
                not_applicable=item.not_applicable,
                decided_by=item.decided_by,
                reason=item.reason,
            )
        )
    for vote in meeting.votes:
        session.add(
            VoteRow(
                meeting_id=row.id,
                subject=vote.subject,
                member_id=vote.member_id,
                choice=vote.choice,
                written=vote.written,
            )
        )
    session.flush()
    return row.id


def meetings(session: Session) -> list[StoredMeeting]:
    """Every meeting, oldest first."""
    out = []
    for row in session.scalars(select(MeetingRow).order_by(MeetingRow.id)):
        attendance = session.scalars(
            select(AttendanceRow).where(AttendanceRow.meeting_id == row.id)
        ).all()
        items = session.scalars(
            select(MeetingItemRow)
            .where(MeetingItemRow.meeting_id == row.id)
            .order_by(MeetingItemRow.position)
        ).all()
        votes = session.scalars(
            select(VoteRow).where(VoteRow.meeting_id == row.id).order_by(VoteRow.id)
        ).all()
        out.append(
            StoredMeeting(
                row.id,
                row.number,
                row.held_on,
                row.place,
                row.chair_id,
                row.secretary_id,
                row.quorum_rule,
                row.council_size,
                row.approved,
                row.recorded_at,
                row.actor,
                row.note,
                tuple((a.member_id, a.status, a.written_opinion) for a in attendance),
                tuple(
                    StoredItem(
                        i.unit_id,
                        i.node_code,
                        i.origin,
                        i.proposal,
                        i.proposal_na,
                        i.value,
                        i.not_applicable,
                        i.decided_by,
                        i.reason,
                    )
                    for i in items
                ),
                tuple(StoredVote(v.subject, v.member_id, v.choice, v.written) for v in votes),
            )
        )
    return out


def approved(session: Session) -> bool:
    """Whether a meeting approved the results."""
    query = select(MeetingRow.id).where(MeetingRow.approved.is_(True)).limit(1)
    return session.scalar(query) is not None


def referrals(session: Session) -> dict[tuple[str, str], str]:
    """(unit id, node code) -> the secretary's note, for every item sent to the council."""
    rows = session.scalars(select(ReferralRow))
    return {(r.unit_id, r.node_code): r.note for r in rows}


def put_referral(
    session: Session, unit_id: str, node_code: str, note: str, actor: str, at: str
) -> bool:
    """Send an item to the council; False when it was already sent with that note."""
    row = session.get(ReferralRow, (unit_id, node_code))
    if row is not None and row.note == note:
        return False
    if row is None:
        session.add(
            ReferralRow(unit_id=unit_id, node_code=node_code, note=note, actor=actor, at=at)
        )
    else:
        row.note, row.actor, row.at = note, actor, at
    session.flush()
    return True


def decided(session: Session) -> set[tuple[str, str]]:
    """Items some meeting already decided."""
    rows = session.execute(select(MeetingItemRow.unit_id, MeetingItemRow.node_code))
    return {(u, c) for u, c in rows}
