"""Every check of a meeting before it is recorded (``meeting.record_meeting``): all problems
are gathered and refused together, in the order the minutes list them, nothing written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parapp.core.criteria_build import nfc
from parapp.core.errors import UserFacingError, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import format_score
from parapp.core.rounds import Member, Phase
from parapp.services import meeting as m
from parapp.services.context import RoundContext
from parapp.store.database import StoreSession as Session
from parapp.store.meetings import RESULTS_SUBJECT, StoredItem, StoredVote, subject

MAX_TEXT = 4000


@dataclass(frozen=True)
class CheckedMeeting:
    """A meeting ready to store."""

    number: str
    held_on: str
    place: str
    chair_id: str
    secretary_id: str
    approved: bool
    attendance: tuple[tuple[str, str, str], ...]
    items: tuple[StoredItem, ...]
    votes: tuple[StoredVote, ...]


class _Problems:
    def __init__(self) -> None:
        self.found: list[Msg] = []

    def add(self, vi: str, en: str) -> None:
        self.found.append(Msg(vi, en))

    def raise_any(self) -> None:
        if not self.found:
            return
        if len(self.found) == 1:
            raise ValidationError(self.found[0])
        head = Msg(
            f"Không ghi nhận cuộc họp: {len(self.found)} vấn đề.",
            f"The meeting was not recorded: {len(self.found)} problems.",
        )
        raise ValidationError(
            Msg(
                "\n  - ".join([head.vi, *(p.vi for p in self.found)]),
                "\n  - ".join([head.en, *(p.en for p in self.found)]),
            )
        )


def check_meeting(
    ctx: RoundContext,
    s: Session,
    meeting: m.MeetingInput,
    members: Sequence[Member],
    contested: Mapping[tuple[str, str], str],
    rule: m.QuorumRule,
    phase: Phase,
) -> CheckedMeeting:
    """The meeting as it will be stored.

    Raises:
        ValidationError: every problem, in one message.
    """
    if phase not in m.PHASES_FOR_MEETING:
        raise ValidationError(
            Msg(
                f"Đợt đang ở giai đoạn “{phase.label.vi}”: chỉ họp Hội đồng sau khi thẩm định "
                "và trước khi chốt điểm.",
                f"The round is in “{phase.label.en}”: the council meets after the appraisal "
                "and before the round is frozen.",
            )
        )
    p = _Problems()
    council = {x.id: x for x in members}
    number = nfc(meeting.number).strip()
    place = nfc(meeting.place).strip()
    if not number:
        p.add("Chưa có số biên bản.", "The minutes' number is missing.")
    if not place:
        p.add("Chưa có địa điểm họp.", "The place of the meeting is missing.")
    try:
        held_on = m.parse_date(meeting.held_on)
    except ValidationError as exc:
        held_on = ""
        p.found.append(exc.msg)
    present = list(dict.fromkeys(meeting.present))
    for member_id in [*present, *meeting.written]:
        if member_id not in council:
            p.add(
                f"“{member_id}” không phải thành viên Hội đồng.",
                f"“{member_id}” is not on the council.",
            )
    for member_id in meeting.written:
        if member_id in present:
            p.add(
                f"{member_id} dự họp nên không gửi ý kiến bằng văn bản.",
                f"{member_id} is present, so sends no written opinion.",
            )
    if meeting.chair_id not in council:
        p.add(
            f"Chủ tọa “{meeting.chair_id}” không phải thành viên Hội đồng.",
            f"The chair “{meeting.chair_id}” is not on the council.",
        )
    elif meeting.chair_id not in present:
        p.add(
            f"Chủ tọa {meeting.chair_id} phải có mặt tại cuộc họp.",
            f"The chair {meeting.chair_id} must be present.",
        )
    secretary = meeting.secretary_id or m.default_secretary(members)
    if secretary is None or secretary not in council:
        p.add(
            "Chưa có thư ký Hội đồng (thêm thành viên có vai trò thư ký hoặc chỉ rõ người ghi "
            "biên bản).",
            "The council has no secretary (add a member with the secretary role or name who "
            "keeps the minutes).",
        )
    status = {
        x.id: (
            m.Attendance.PRESENT
            if x.id in present
            else m.Attendance.WRITTEN
            if x.id in meeting.written
            else m.Attendance.ABSENT
        )
        for x in members
    }
    attendance = tuple(
        (x.id, status[x.id].value, nfc(meeting.written.get(x.id, "")).strip())
        for x in sorted(members, key=lambda x: x.position)
    )
    votes: list[StoredVote] = []
    items: list[StoredItem] = []
    seen: set[tuple[str, str]] = set()
    for item in meeting.items:
        key = (item.unit_id, item.node_code)
        where = f"{item.unit_id} {item.node_code}"
        if key in seen:
            p.add(f"Mục {where} ghi hai lần.", f"Item {where} is listed twice.")
            continue
        seen.add(key)
        try:
            m._check_item(ctx, s, item.unit_id, item.node_code)
        except UserFacingError as exc:
            p.found.append(exc.msg)
            continue
        origin = contested.get(key) or ("secretary" if item.refer else None)
        if origin is None:
            p.add(
                f"Mục {where} không còn chênh lệch và thư ký chưa chuyển ra Hội đồng (dùng "
                "--refer).",
                f"Item {where} is neither still contested nor sent to the council by the "
                "secretary (use --refer).",
            )
            continue
        before = len(p.found)
        cast = _votes(p, where, subject(*key), item.votes, council, status, len(members))
        votes += cast
        if len(p.found) > before:
            continue  # the decision rests on the votes
        decided = _decision(ctx, s, p, item, where, cast, rule, status, len(members), origin)
        if decided is not None:
            items.append(decided)
    approved = False
    if meeting.approve is not None:
        cast = _votes(p, "kết quả", RESULTS_SUBJECT, meeting.approve, council, status, len(members))
        votes += cast
        tally = m._tally(rule, cast, status, len(members))
        quorate = m._quorate(rule, list(status.values()), len(members))
        if not quorate or not tally.carried:
            p.add(
                "Cuộc họp không đủ điều kiện thông qua kết quả "
                f"({rule.label.vi}: {tally.agree} đồng ý, {_taking_part(status, rule)} tham "
                f"gia / {len(members)} thành viên).",
                "A meeting without quorum cannot approve the results "
                f"({rule.label.en}: {tally.agree} agree, {_taking_part(status, rule)} taking "
                f"part / {len(members)} members).",
            )
        remaining = sorted(set(contested) - {(i.unit_id, i.node_code) for i in items})
        if remaining:
            listed = ", ".join(f"{u} {c}" for u, c in remaining)
            p.add(
                f"Chưa thông qua được kết quả: còn mục chưa quyết định ({listed}).",
                f"The results cannot be approved: items still undecided ({listed}).",
            )
        approved = True
    p.raise_any()
    assert secretary is not None
    return CheckedMeeting(
        number,
        held_on,
        place,
        meeting.chair_id,
        secretary,
        approved,
        attendance,
        tuple(items),
        tuple(votes),
    )


def _taking_part(status: Mapping[str, str], rule: m.QuorumRule) -> int:
    counted = {m.Attendance.PRESENT} | (
        {m.Attendance.WRITTEN} if rule is m.QuorumRule.MAJORITY_OF_ALL else set()
    )
    return sum(1 for s in status.values() if s in counted)


def _votes(
    p: _Problems,
    where: str,
    subject_key: str,
    given: m.Votes,
    council: Mapping[str, Member],
    status: Mapping[str, str],
    size: int,
) -> list[StoredVote]:
    cast = given.cast()
    voters = [x for x in status if status[x] != m.Attendance.ABSENT]
    if len(cast) > len(voters):
        p.add(
            f"{where}: {len(cast)} phiếu nhưng chỉ có {len(voters)} người được biểu quyết "
            "(nhiều phiếu hơn số người).",
            f"{where}: {len(cast)} votes but only {len(voters)} voters (more votes than voters).",
        )
        return []
    out: list[StoredVote] = []
    seen: set[str] = set()
    for member_id, choice in cast:
        if member_id not in council:
            p.add(
                f"{where}: người biểu quyết “{member_id}” không phải thành viên Hội đồng.",
                f"{where}: the voter “{member_id}” is not on the council.",
            )
        elif member_id in seen:
            p.add(
                f"{where}: {member_id} biểu quyết hai lần (nhiều phiếu hơn số người).",
                f"{where}: {member_id} voted twice (more votes than voters).",
            )
        elif status[member_id] == m.Attendance.ABSENT:
            p.add(
                f"{where}: {member_id} vắng mặt, không có ý kiến bằng văn bản, không biểu quyết "
                "được.",
                f"{where}: {member_id} was absent without a written opinion and cannot vote.",
            )
        else:
            seen.add(member_id)
            written = status[member_id] == m.Attendance.WRITTEN
            out.append(StoredVote(subject_key, member_id, choice.value, written))
    return out


def _decision(
    ctx: RoundContext,
    s: Session,
    p: _Problems,
    item: m.ItemInput,
    where: str,
    cast: Sequence[StoredVote],
    rule: m.QuorumRule,
    status: Mapping[str, str],
    size: int,
    origin: str,
) -> StoredItem | None:
    from parapp.store import rounds as round_store  # noqa: PLC0415

    try:
        proposal, proposal_na = m.parse_value(item.proposal)
    except UserFacingError as exc:
        p.found.append(Msg(f"{where}: {exc.msg.vi}", f"{where}: {exc.msg.en}"))
        return None
    tally = m._tally(rule, cast, status, size)
    if tally.carried:
        value, na, by = proposal, proposal_na, m.DecidedBy.VOTE
    elif item.chair_value is None:
        p.add(
            f"{where}: đề xuất không đạt ({rule.label.vi}: {tally.agree} đồng ý); Chủ tọa phải "
            "quyết định (--chair-decides).",
            f"{where}: the proposal did not carry ({rule.label.en}: {tally.agree} agree); the "
            "chair must decide (--chair-decides).",
        )
        return None
    else:
        try:
            value, na = m.parse_value(item.chair_value)
        except UserFacingError as exc:
            p.found.append(Msg(f"{where}: {exc.msg.vi}", f"{where}: {exc.msg.en}"))
            return None
        by = m.DecidedBy.CHAIR
    unit = round_store.unit(s, item.unit_id)
    assert unit is not None  # checked by _check_item
    for number in (proposal, value):
        problem = (
            None if number is None else m.off_rule(ctx, unit.unit_type, item.node_code, number)
        )
        if problem is not None:
            p.add(f"{where}: {problem.vi}", f"{where}: {problem.en}")
            return None
    note = nfc(item.note).strip()
    if len(note) > MAX_TEXT:
        p.add(f"{where}: ý kiến dài quá {MAX_TEXT} ký tự.", f"{where}: the note is too long.")
        return None
    shown = "không áp dụng" if na else format_score(value)
    votes = f"{tally.agree} đồng ý, {tally.disagree} không đồng ý, {tally.other} ý kiến khác"
    head = (
        f"Hội đồng biểu quyết: {votes}; quyết định {shown}"
        if by is m.DecidedBy.VOTE
        else f"Biểu quyết không đạt ({votes}); Chủ tọa quyết định {shown}"
    )
    reason = f"{head}. {note}" if note else f"{head}."
    return StoredItem(
        item.unit_id, item.node_code, origin, proposal, proposal_na, value, na, by.value, reason
    )
