"""A round's consolidated results: every unit's outcome, ranked within its ranking group.

Built from each unit's ``UnitResult`` (the council's consolidated scores run through the engine);
optionally compared with a previous year's results area by area, as provincial reports show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from parapp.core.criteria import CriteriaSet, Role
from parapp.core.ranking import RankEntry, rank
from parapp.core.rounds import Unit
from parapp.core.scoring import UnitResult


@dataclass(frozen=True)
class UnitOutcome:
    """One unit's result and its place in its ranking group."""

    unit: Unit
    result: UnitResult
    rank: int
    group_size: int
    complete: bool
    """Every applicable normal leaf has a consolidated score (no gaps, no open disagreement)."""
    appraised: bool = True
    """The unit has at least one final score; a unit without any is neither classified nor
    ranked (``rank`` 0) and follows the ranked units of its group."""


@dataclass(frozen=True)
class AreaChange:
    """An area's points this year against the previous year's (None: not comparable)."""

    code: str
    name: str
    current: Decimal | None
    previous: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """Current minus previous, when both exist."""
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


@dataclass(frozen=True)
class RoundResults:
    """Every unit's outcome, in ranking-group order then rank then list order."""

    criteria_set: CriteriaSet
    outcomes: tuple[UnitOutcome, ...]
    groups: tuple[tuple[str, str], ...]
    """(code, label) of each ranking group present, in the set's order."""
    previous: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    """Unit id -> area code -> the previous year's achieved points (empty: no comparison)."""

    def in_group(self, group: str) -> tuple[UnitOutcome, ...]:
        """The outcomes of one ranking group, best first."""
        return tuple(o for o in self.outcomes if o.unit.ranking_group == group)

    def area_changes(self, unit_id: str) -> tuple[AreaChange, ...]:
        """Per normal area: this year's points against last year's for the same area code."""
        outcome = next(o for o in self.outcomes if o.unit.id == unit_id)
        before = self.previous.get(unit_id, {})
        changes = []
        for area in self.criteria_set.nodes:
            if area.role is not Role.NORMAL:
                continue
            total = outcome.result.totals.get(area.code)
            current = total.achieved if total is not None and total.applicable else None
            changes.append(AreaChange(area.code, area.name, current, before.get(area.code)))
        return tuple(changes)


def build_results(
    criteria_set: CriteriaSet,
    units: Sequence[Unit],
    results: Mapping[str, UnitResult],
    complete: Mapping[str, bool] | None = None,
    previous: Mapping[str, Mapping[str, Decimal]] | None = None,
    appraised: Mapping[str, bool] | None = None,
) -> RoundResults:
    """Rank units within their ranking groups by index (the set's dense or competition method).

    Args:
        units: every unit of the round, in list order.
        results: unit id -> the engine's result of its consolidated scores.
        complete: unit id -> whether its scores are complete (default: all complete).
        previous: unit id -> area code -> previous year's points, for the comparison.
        appraised: unit id -> whether it has any final score (default: all); the others are
            not ranked and do not count in their group's size.
    """
    ranked = [u for u in units if appraised is None or appraised.get(u.id, False)]
    entries = [RankEntry(u.id, u.ranking_group, results[u.id].index) for u in ranked]
    ranks = rank(entries, criteria_set.ranking)
    sizes: dict[str, int] = {}
    for unit in ranked:
        sizes[unit.ranking_group] = sizes.get(unit.ranking_group, 0) + 1
    labels = {g.code: g.label for g in criteria_set.ranking_groups}
    order = [g.code for g in criteria_set.ranking_groups]
    present = sorted(
        {u.ranking_group for u in units},
        key=lambda g: (order.index(g) if g in order else len(order), g),
    )
    position = {u.id: i for i, u in enumerate(units)}
    outcomes = sorted(
        (
            UnitOutcome(
                unit=u,
                result=results[u.id],
                rank=ranks.get(u.id, 0),
                group_size=sizes.get(u.ranking_group, 0),
                complete=True if complete is None else complete.get(u.id, False),
                appraised=u.id in ranks,
            )
            for u in units
        ),
        key=lambda o: (
            present.index(o.unit.ranking_group),
            not o.appraised,
            o.rank,
            position[o.unit.id],
        ),
    )
    return RoundResults(
        criteria_set=criteria_set,
        outcomes=tuple(outcomes),
        groups=tuple((g, labels.get(g, g)) for g in present),
        previous=dict(previous or {}),
    )
