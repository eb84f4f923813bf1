"""Where each unit stands in the second half of the year, for the secretary's year tab: the
round-1 notice, the explanation (received, approved by the unit's leader, imported), round 2
(explained items scored by the members) and the council's decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parapp.core.messages import Msg
from parapp.services import explanations, meeting, notices, rounds
from parapp.services.context import RoundContext
from parapp.store import scores as score_store


@dataclass(frozen=True)
class UnitYear:
    """One unit's second half of the year."""

    unit_id: str
    name: str
    notice_at: str | None
    """When its round-1 notice was issued (ISO 8601), None: not yet."""
    deadline: dt.date | None
    explained: int
    """Items in its current explanation (0: none received)."""
    approved_by: str
    """The unit leader who approved the explanation ("" when none)."""
    approved_on: dt.date | None
    imported_at: str | None
    round2_scored: int
    """Explained items with at least one member's round-2 score merged."""
    decided: int
    """Its items the council decided at a meeting."""

    def describe(self) -> Msg:
        """The unit's step, in a few words."""
        if self.decided:
            return Msg(
                f"Hội đồng đã quyết định {self.decided} mục",
                f"Council decided {self.decided} item(s)",
            )
        if self.round2_scored:
            return Msg(
                f"Đã chấm lần 2: {self.round2_scored}/{self.explained} mục",
                f"Round 2 scored: {self.round2_scored}/{self.explained} item(s)",
            )
        if self.explained:
            return Msg("Đã nhập giải trình", "Explanation imported")
        if self.notice_at:
            return Msg("Đã gửi thông báo, chờ giải trình", "Notice sent, awaiting explanation")
        return Msg("Chưa gửi thông báo", "No notice yet")


@dataclass(frozen=True)
class YearStatus:
    """Every unit's second half of the year, in list order, with the round's meetings."""

    units: tuple[UnitYear, ...]
    meetings: int
    approved: bool
    """A meeting approved the round's results."""


def year_status(ctx: RoundContext) -> YearStatus:
    """Read the round's notices, explanations, round-2 scores and meetings."""
    sent = notices.notices_sent(ctx)
    current = explanations.current_explanations(ctx)
    records = meeting.meetings(ctx)
    with ctx.db.transaction() as s:
        # A stored value that is no number is the results tab's to report, not this tab's.
        round2 = score_store.items_scored_in_round(s, 2)
    decided: dict[str, set[str]] = {}
    for record in records:
        for item in record.stored.items:
            decided.setdefault(item.unit_id, set()).add(item.node_code)
    units = []
    for unit in rounds.list_units(ctx):
        notice = sent.get(unit.id)
        found = current.get(unit.id)
        codes = {i.node_code for i in found.items} if found is not None else set()
        units.append(
            UnitYear(
                unit_id=unit.id,
                name=unit.name,
                notice_at=None if notice is None else notice.issued_at,
                deadline=None if notice is None else notice.deadline,
                explained=len(codes),
                approved_by="" if found is None else found.approval.name,
                approved_on=None if found is None else found.approval.date,
                imported_at=None if found is None else found.imported_at,
                round2_scored=len(round2.get(unit.id, set()) & codes),
                decided=len(decided.get(unit.id, set())),
            )
        )
    return YearStatus(tuple(units), len(records), meeting.results_approved(ctx))
