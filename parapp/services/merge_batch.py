"""What one merge reads once for all its files: the round's identity and phase, its members,
units and assignments, the criteria set, the units' self-assessments and which members already
have stored scores.

A merge is one user action on a round that this process holds (the round lock): nothing else
changes these while it runs, and the merge itself changes only the scores, submissions, inbox
and audit rows, which each file's transaction reads afresh (or ``Batch`` follows: ``merged``).
Every check still runs per file against this snapshot: identity, the signer's registered
certificate, the phase, the member's scope, every value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from parapp.core.criteria import CriteriaSet
from parapp.core.rounds import Assignment, Member, RoundInfo, SelfAssessment, Unit
from parapp.services import sheets
from parapp.services.context import RoundContext
from parapp.services.merge_checks import Memo
from parapp.store import merge_rows
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store
from parapp.store.database import StoreSession as Session
from parapp.store.merge_rows import ScoreText

Scope = Mapping[str, frozenset[str] | None]
"""unit id -> the areas the member scores there (None: every area)."""


@dataclass
class Batch:
    """The round as one merge sees it (read in one transaction when the merge starts)."""

    info: RoundInfo
    members: dict[str, Member]
    units: dict[str, Unit]
    assignments: tuple[Assignment, ...]
    criteria_set: CriteriaSet
    scored: set[tuple[str, int]]
    """(member, appraisal round) with stored scores: the others need no read of them."""
    memo: Memo = field(default_factory=Memo)
    """Each distinct leaf check's outcome, for every file of the merge."""
    _scopes: dict[str, Scope] = field(default_factory=dict)
    _selfs: dict[str, dict[str, SelfAssessment]] = field(default_factory=dict)

    @classmethod
    def load(cls, ctx: RoundContext) -> Batch:
        """Read the round once for a merge."""
        criteria_set = ctx.criteria_set()
        with ctx.db.transaction() as s:
            return cls(
                round_store.info(s),
                {m.id: m for m in round_store.members(s)},
                {u.id: u for u in round_store.units(s)},
                round_store.assignments(s),
                criteria_set,
                merge_rows.scored_members(s),
            )

    def scope(self, member_id: str) -> Scope:
        """The units and areas the member scores (``rounds.member_scope``)."""
        found = self._scopes.get(member_id)
        if found is None:
            found = self._scopes[member_id] = sheets.scope_of(
                member_id, self.assignments, self.units
            )
        return found

    def selfs(self, s: Session, unit_ids: Iterable[str]) -> dict[str, dict[str, SelfAssessment]]:
        """The self-assessments of these units (known ones only), each unit read once."""
        wanted = {u for u in unit_ids if u in self.units}
        missing = wanted - self._selfs.keys()
        if missing:
            self._selfs.update(merge_store.self_assessments_of(s, missing))
        return {u: self._selfs[u] for u in wanted}

    def stored_rows(self, s: Session, member_id: str, appraisal_round: int) -> list[ScoreText]:
        """The member's stored scores of the appraisal round (read only when there are some)."""
        if (member_id, appraisal_round) not in self.scored:
            return []
        return merge_rows.member_score_texts(s, member_id, appraisal_round)

    def merged(self, member_id: str, appraisal_round: int) -> None:
        """A file of the member was committed: its scores are stored now."""
        self.scored.add((member_id, appraisal_round))
