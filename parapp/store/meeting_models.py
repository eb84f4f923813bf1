"""ORM models of the council meeting (migration 0007): the meeting, who attended (with absent
members' written opinions), the contested items put to it, the votes and the decisions, and the
items the secretary sends to the council.

Decisions change consolidated scores only through the ``resolution`` table and the audit trail
(``services.meeting``); these rows keep what the minutes print.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parapp.store.models import ID, STAMP, Base
from parapp.store.types import DecimalText


class MeetingRow(Base):
    """One meeting of the council (Biên bản họp Hội đồng thẩm định)."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(64))
    """The minutes' number ("01/BB-HĐTĐ")."""
    held_on: Mapped[str] = mapped_column(String(40))
    """Date (and time) of the meeting, ISO 8601."""
    place: Mapped[str] = mapped_column(String(300))
    chair_id: Mapped[str] = mapped_column(ID)
    secretary_id: Mapped[str] = mapped_column(ID)
    quorum_rule: Mapped[str] = mapped_column(String(40))
    """The rule in force when the meeting was recorded (``services.meeting.QuorumRule``)."""
    council_size: Mapped[int] = mapped_column(Integer)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    """The meeting approved the round's results."""
    recorded_at: Mapped[str] = mapped_column(STAMP)
    actor: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")


class AttendanceRow(Base):
    """A council member at a meeting: present, or absent (with or without a written opinion)."""

    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(
        ID, ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(20))
    """``present``, ``absent`` or ``written`` (absent, sent a written opinion)."""
    written_opinion: Mapped[str] = mapped_column(Text, default="")


class MeetingItemRow(Base):
    """A contested item put to the meeting, with the council's decision."""

    __tablename__ = "meeting_item"
    __table_args__ = (UniqueConstraint("meeting_id", "unit_id", "node_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    node_code: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(20))
    """``disagreement`` (still differing beyond the threshold) or ``secretary`` (sent by her)."""
    proposal: Mapped[Decimal | None] = mapped_column(DecimalText)
    proposal_na: Mapped[bool] = mapped_column(Boolean, default=False)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    """The decided score (None with ``not_applicable``)."""
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str] = mapped_column(String(20))
    """``vote`` (the proposal carried) or ``chair`` (no majority: the chair decided)."""
    reason: Mapped[str] = mapped_column(Text)


class VoteRow(Base):
    """One member's vote on an item (``subject`` "UNIT/CODE") or on the results ("results")."""

    __tablename__ = "meeting_vote"
    __table_args__ = (UniqueConstraint("meeting_id", "subject", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(140))
    member_id: Mapped[str] = mapped_column(ID, ForeignKey("member.id", ondelete="CASCADE"))
    choice: Mapped[str] = mapped_column(String(20))
    """``agree``, ``disagree`` or ``other`` (another opinion)."""
    written: Mapped[bool] = mapped_column(Boolean, default=False)
    """Cast in an absent member's written opinion."""


class ReferralRow(Base):
    """An item the secretary sends to the council, with her note."""

    __tablename__ = "council_referral"

    unit_id: Mapped[str] = mapped_column(
        ID, ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    node_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(300))
    at: Mapped[str] = mapped_column(STAMP)


from parapp.store import lock as _lock  # noqa: E402, F401 - registers the frozen-round guard
