"""The council meeting: attendance, the quorum rule, the contested items, votes and decisions.

The items put to the meeting are the disagreements still open (``results.disagreements``: the
members' scores differ beyond the round's threshold) and the items the secretary sends to the
council (``refer_item``). For each the meeting votes on a proposed score; when the proposal does
not carry under the round's quorum rule, the chair decides, recorded as such. A decision changes
the consolidated score through the same path as the secretary's ``resolve``: the ``resolution``
row and an audit row (who, when, why), here with the meeting as its source.

The whole meeting is checked before anything is written and recorded in one transaction: a
refused meeting (more votes than voters, a voter not on the council, approving the results
without quorum, …) leaves the round untouched, rows and audit alike.

Quorum rules (domain.md §7; a round setting, ``QUORUM_SETTING``):

* ``two_thirds_present`` (Quảng Nam): a proposal carries with at least 2/3 of the members
  present agreeing; written opinions are recorded, not counted. The meeting is valid with more
  than half of the council present.
* ``majority_of_all`` (Hà Nội): a proposal carries with more than half of all members agreeing,
  present or by written opinion. The meeting is valid when more than half of the council takes
  part, present or in writing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from parapp.core import scoring
from parapp.core.consolidation import Resolution
from parapp.core.criteria import Assessor
from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.findings import ScoreField, Severity
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, parse_score
from parapp.core.rounds import Member, MemberRole, Phase
from parapp.io.sheets.minutes_pdf import APPROVED_ACTION, APPROVED_REASON, MEETING_SOURCE
from parapp.services import results
from parapp.services.context import RoundContext
from parapp.store import meetings as meeting_store
from parapp.store import rounds as round_store
from parapp.store import settings as settings_store
from parapp.store import submissions as merge_store
from parapp.store.database import StoreSession as Session
from parapp.store.meetings import StoredItem, StoredMeeting, StoredVote

log = logging.getLogger(__name__)

QUORUM_SETTING = "meeting.quorum_rule"
NOT_APPLICABLE = "N/A"


class QuorumRule(StrEnum):
    """How a meeting's proposal carries (see the module's docstring)."""

    TWO_THIRDS_PRESENT = "two_thirds_present"
    MAJORITY_OF_ALL = "majority_of_all"

    @property
    def label(self) -> Msg:
        """The rule in words."""
        return QUORUM_LABELS[self]


QUORUM_LABELS = {
    QuorumRule.TWO_THIRDS_PRESENT: Msg(
        "≥ 2/3 số thành viên dự họp đồng ý", "≥ 2/3 of the members present agree"
    ),
    QuorumRule.MAJORITY_OF_ALL: Msg(
        "> 50% tổng số thành viên đồng ý (kể cả ý kiến bằng văn bản)",
        "> 50 % of all members agree (written opinions counted)",
    ),
}


class Choice(StrEnum):
    """A vote."""

    AGREE = "agree"
    DISAGREE = "disagree"
    OTHER = "other"


CHOICE_LABELS = {
    Choice.AGREE: Msg("đồng ý", "agree"),
    Choice.DISAGREE: Msg("không đồng ý", "disagree"),
    Choice.OTHER: Msg("ý kiến khác", "other opinion"),
}


class Attendance(StrEnum):
    """A member at the meeting."""

    PRESENT = "present"
    ABSENT = "absent"
    WRITTEN = "written"
    """Absent, sent a written opinion."""


class DecidedBy(StrEnum):
    """Who settled an item."""

    VOTE = "vote"
    CHAIR = "chair"


@dataclass(frozen=True)
class Votes:
    """Who voted what (member ids); an absent member's vote is their written opinion's."""

    agree: tuple[str, ...] = ()
    disagree: tuple[str, ...] = ()
    other: tuple[str, ...] = ()

    def cast(self) -> list[tuple[str, Choice]]:
        """Every vote, in the order given."""
        return [
            *((m, Choice.AGREE) for m in self.agree),
            *((m, Choice.DISAGREE) for m in self.disagree),
            *((m, Choice.OTHER) for m in self.other),
        ]


@dataclass(frozen=True)
class ItemInput:
    """A contested item put to the meeting."""

    unit_id: str
    node_code: str
    proposal: str
    """The score put to the vote ("8,5", or "N/A")."""
    votes: Votes = Votes()
    chair_value: str | None = None
    """The chair's decision when the proposal does not carry."""
    note: str = ""
    """The discussion, printed in the minutes and kept as the decision's reason."""
    refer: bool = False
    """The secretary sends the item to the council (it is not a disagreement)."""


@dataclass(frozen=True)
class MeetingInput:
    """What the secretary records of a meeting."""

    number: str
    """The minutes' number ("01/BB-HĐTĐ")."""
    held_on: str
    """"YYYY-MM-DD" or "YYYY-MM-DD HH:MM"."""
    place: str
    chair_id: str
    present: tuple[str, ...]
    written: Mapping[str, str] = field(default_factory=dict)
    """Absent member -> their written opinion."""
    items: tuple[ItemInput, ...] = ()
    approve: Votes | None = None
    """The votes on approving the round's results (None: not put to the vote)."""
    secretary_id: str | None = None
    """Default: the council's secretary (first member with that role)."""
    note: str = ""


@dataclass(frozen=True)
class Tally:
    """A subject's votes counted under the rule."""

    agree: int
    disagree: int
    other: int
    counted_voters: int
    """Members whose vote counts (present; plus written opinions under ``majority_of_all``)."""
    carried: bool


@dataclass(frozen=True)
class MeetingRecord:
    """A recorded meeting with the members' names, for the minutes."""

    stored: StoredMeeting
    rule: QuorumRule
    members: tuple[Member, ...]

    @property
    def present(self) -> list[Member]:
        """Members present, in council order."""
        return self._with(Attendance.PRESENT)

    @property
    def absent(self) -> list[Member]:
        """Members absent without a written opinion."""
        return self._with(Attendance.ABSENT)

    @property
    def written(self) -> list[tuple[Member, str]]:
        """Absent members with their written opinions."""
        by_id = {m.id: m for m in self.members}
        return [
            (by_id[m], text)
            for m, status, text in self.stored.attendance
            if status == Attendance.WRITTEN
        ]

    def _with(self, status: Attendance) -> list[Member]:
        ids = {m for m, s, _ in self.stored.attendance if s == status}
        return [m for m in self.members if m.id in ids]

    def member(self, member_id: str) -> Member | None:
        """A council member by id."""
        return next((m for m in self.members if m.id == member_id), None)

    def votes(self, subject: str) -> list[StoredVote]:
        """The votes on one subject."""
        return [v for v in self.stored.votes if v.subject == subject]

    def tally(self, subject: str) -> Tally:
        """The subject's votes counted under the meeting's rule."""
        status = {m: s for m, s, _ in self.stored.attendance}
        return _tally(self.rule, self.votes(subject), status, self.stored.council_size)

    @property
    def quorate(self) -> bool:
        """Whether enough of the council took part."""
        status = [s for _, s, _ in self.stored.attendance]
        return _quorate(self.rule, status, self.stored.council_size)


def _tally(
    rule: QuorumRule, votes: Sequence[StoredVote], status: Mapping[str, str], size: int
) -> Tally:
    counts = dict.fromkeys(Choice, 0)
    counted = 0
    for vote in votes:
        counts[Choice(vote.choice)] += 1
    present = sum(1 for s in status.values() if s == Attendance.PRESENT)
    if rule is QuorumRule.TWO_THIRDS_PRESENT:
        agree = sum(
            1
            for v in votes
            if v.choice == Choice.AGREE and status.get(v.member_id) == Attendance.PRESENT
        )
        counted = present
        carried = present > 0 and 3 * agree >= 2 * present
    else:
        agree = counts[Choice.AGREE]
        counted = present + sum(1 for s in status.values() if s == Attendance.WRITTEN)
        carried = 2 * agree > size
    return Tally(
        counts[Choice.AGREE], counts[Choice.DISAGREE], counts[Choice.OTHER], counted, carried
    )


def _quorate(rule: QuorumRule, status: Sequence[str], size: int) -> bool:
    taking_part = {Attendance.PRESENT}
    if rule is QuorumRule.MAJORITY_OF_ALL:
        taking_part.add(Attendance.WRITTEN)
    return 2 * sum(1 for s in status if s in taking_part) > size


def quorum_rule(ctx: RoundContext) -> QuorumRule:
    """The round's quorum rule (default: ≥ 2/3 of the members present)."""
    with ctx.db.transaction() as s:
        value = settings_store.get(s, QUORUM_SETTING, QuorumRule.TWO_THIRDS_PRESENT.value)
    return QuorumRule(value)


def set_quorum_rule(ctx: RoundContext, rule: str) -> QuorumRule:
    """Choose the quorum rule ("two_thirds_present" or "majority_of_all"); audited.

    Raises:
        ValidationError: an unknown rule.
    """
    try:
        chosen = QuorumRule(rule.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in QuorumRule)
        raise ValidationError(
            Msg(
                f"Quy tắc biểu quyết “{rule}” không có (chọn: {known}).",
                f"Unknown quorum rule “{rule}” (choose: {known}).",
            )
        ) from None
    with ctx.db.transaction() as s:
        old = settings_store.get(s, QUORUM_SETTING)
        at = ctx.now()
        if settings_store.put(s, QUORUM_SETTING, chosen.value, at=at, by=ctx.actor):
            round_store.audit(
                s,
                at=at,
                actor=ctx.actor,
                action="round_settings",
                field="quorum_rule",
                old=old,
                new=chosen.value,
            )
    return chosen


@dataclass(frozen=True)
class ContestedItem:
    """An item the council has to settle."""

    unit_id: str
    node_code: str
    origin: str
    """``disagreement`` or ``secretary``."""
    scores: tuple[tuple[str, Decimal | None, bool], ...]
    """(member id, value, not applicable) of each member's latest score."""
    note: str = ""


def contested_items(ctx: RoundContext) -> list[ContestedItem]:
    """The open disagreements, then the items the secretary sent that no meeting decided."""
    open_items = results.disagreements(ctx)
    with ctx.db.transaction() as s:
        referred = meeting_store.referrals(s)
        done = meeting_store.decided(s)
    out = [
        ContestedItem(
            i.unit_id,
            i.node_code,
            "disagreement",
            tuple((m.member_id, m.value, m.not_applicable) for m in i.scores),
        )
        for i in open_items
    ]
    seen = {(i.unit_id, i.node_code) for i in out}
    for (unit_id, code), note in sorted(referred.items()):
        if (unit_id, code) not in seen and (unit_id, code) not in done:
            out.append(ContestedItem(unit_id, code, "secretary", (), note))
    return out


def refer_item(ctx: RoundContext, unit_id: str, node_code: str, note: str = "") -> None:
    """Send an item to the council (audited).

    Raises:
        ValidationError: unknown unit, not a council-appraised item of that unit, frozen round.
    """
    with ctx.db.transaction() as s:
        _check_item(ctx, s, unit_id, node_code)
        at = ctx.now()
        if meeting_store.put_referral(s, unit_id, node_code, nfc(note).strip(), ctx.actor, at):
            round_store.audit(
                s,
                at=at,
                actor=ctx.actor,
                action="refer_to_council",
                unit_id=unit_id,
                node_code=node_code,
                reason=nfc(note).strip(),
            )


def _check_item(ctx: RoundContext, s: Session, unit_id: str, node_code: str) -> None:
    criteria_set = ctx.criteria_set()
    if (
        not criteria_set.has(node_code)
        or not criteria_set.node(node_code).is_leaf
        or criteria_set.node(node_code).assessor is not Assessor.COUNCIL
    ):
        raise ValidationError(
            Msg(
                f"“{node_code}” không phải là mục do Hội đồng thẩm định chấm.",
                f"“{node_code}” is not an item the council appraises.",
            )
        )
    unit = round_store.unit(s, unit_id)
    if unit is None:
        raise ValidationError(
            Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
        )
    if not scoring.applies_in_set(criteria_set, node_code, unit.unit_type):
        raise ValidationError(
            Msg(
                f"Mục {node_code} không áp dụng cho đơn vị {unit_id}.",
                f"Item {node_code} does not apply to unit {unit_id}.",
            )
        )


def meetings(ctx: RoundContext) -> list[MeetingRecord]:
    """Every recorded meeting, oldest first."""
    with ctx.db.transaction() as s:
        stored = meeting_store.meetings(s)
        members = tuple(round_store.members(s))
    return [MeetingRecord(m, QuorumRule(m.quorum_rule), members) for m in stored]


def results_approved(ctx: RoundContext) -> bool:
    """Whether a meeting approved the round's results (until then they are provisional)."""
    with ctx.db.transaction() as s:
        return meeting_store.approved(s)


def record_meeting(ctx: RoundContext, meeting: MeetingInput) -> MeetingRecord:
    """Check and record a whole meeting in one transaction (see the module's docstring).

    Raises:
        ValidationError: every problem found, in one message; nothing is written.
    """
    from parapp.services.meeting_checks import check_meeting  # noqa: PLC0415

    contested = {(i.unit_id, i.node_code): i.origin for i in contested_items(ctx)}
    rule = quorum_rule(ctx)
    with ctx.db.transaction() as s:
        phase = round_store.info(s).phase
        members = round_store.members(s)
        checked = check_meeting(ctx, s, meeting, members, contested, rule, phase)
        at = ctx.now()
        stored = StoredMeeting(
            0,
            checked.number,
            checked.held_on,
            checked.place,
            checked.chair_id,
            checked.secretary_id,
            rule.value,
            len(members),
            checked.approved,
            at,
            ctx.actor,
            nfc(meeting.note).strip(),
            checked.attendance,
            checked.items,
            checked.votes,
        )
        meeting_id = meeting_store.add_meeting(s, stored)
        source = f"{MEETING_SOURCE}{checked.number}"
        round_store.audit(
            s,
            at=at,
            actor=ctx.actor,
            action=APPROVED_ACTION,
            field="meeting",
            new=f"{checked.number} {checked.held_on}",
            reason=APPROVED_REASON if checked.approved else "",
            source=source,
        )
        for item in checked.items:
            _decide(ctx, s, item, at, source)
    log.info("meeting %s recorded: %d items", checked.number, len(checked.items))
    return next(m for m in meetings(ctx) if m.stored.id == meeting_id)


def _decide(ctx: RoundContext, s: Session, item: StoredItem, at: str, source: str) -> None:
    decision = Resolution(item.value, item.not_applicable, item.reason)
    old = merge_store.put_resolution(s, item.unit_id, item.node_code, decision, ctx.actor, at)
    round_store.audit(
        s,
        at=at,
        actor=ctx.actor,
        action="meeting_decision",
        unit_id=item.unit_id,
        node_code=item.node_code,
        field="council",
        old=None
        if old is None
        else value_text(old.resolution.value, old.resolution.not_applicable),
        new=value_text(item.value, item.not_applicable),
        reason=item.reason,
        source=source,
    )


def value_text(value: Decimal | None, not_applicable: bool) -> str:
    """A decided value as the audit writes it ("8.5", "N/A")."""
    if not_applicable:
        return NOT_APPLICABLE
    return "" if value is None else canonical(value)


def parse_value(text: str) -> tuple[Decimal | None, bool]:
    """ "8,5" -> (8.5, False); "N/A" (or "không áp dụng") -> (None, True).

    Raises:
        ValidationError: not a score.
    """
    if text.strip().lower() in results.NOT_APPLICABLE_WORDS:
        return None, True
    return parse_score(text), False


def parse_date(text: str) -> str:
    """ "2027-01-15" or "2027-01-15 08:30" as ISO text.

    Raises:
        ValidationError: neither.
    """
    raw = text.strip()
    try:
        if len(raw) > 10:
            return dt.datetime.fromisoformat(raw).isoformat(sep=" ", timespec="minutes")
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValidationError(
            Msg(
                f"Ngày họp “{text}” không hợp lệ; viết NNNN-TT-NN hoặc NNNN-TT-NN GG:PP.",
                f"The meeting date “{text}” is not valid; write YYYY-MM-DD or YYYY-MM-DD HH:MM.",
            )
        ) from None


def off_rule(ctx: RoundContext, unit_type: str, code: str, value: Decimal) -> Msg | None:
    """Why ``value`` breaks the item's rule (above its maximum, off its step or levels)."""
    node = ctx.criteria_set().node(code)
    found = scoring.validate_leaf(node, scoring.LeafEntry(appraised=value), unit_type)
    for finding in found:
        if finding.severity is Severity.ERROR and finding.field == ScoreField.APPRAISED:
            return finding.message
    return None


def default_secretary(members: Sequence[Member]) -> str | None:
    """The council's secretary (first in council order)."""
    ordered = sorted(members, key=lambda m: m.position)
    return next((m.id for m in ordered if m.role is MemberRole.SECRETARY), None)


PHASES_FOR_MEETING = (Phase.ROUND_1, Phase.EXPLANATION, Phase.ROUND_2)
"""A meeting is recorded once members have appraised, before the round is frozen."""
