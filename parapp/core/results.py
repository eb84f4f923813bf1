"""A round's consolidated results: every unit's outcome, ranked within its ranking group.

Built from each unit's ``UnitResult`` (the council's consolidated scores run through the engine);
optionally compared with a previous year's results area by area, as provincial reports show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from parapp.core.bands import BandSet
from parapp.core.criteria import CriteriaSet, RankingGroup, Role
from parapp.core.ranking import RankEntry, group_code, rank
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
    comparable: bool = True
    """False when the area's maximum for the unit changed since last year: no Δ then."""

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
    """Unit id -> area code -> the previous year's achieved points (empty: no comparison);
    only areas whose maximum for the unit did not change."""
    not_comparable: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Unit id -> codes of the areas compared last year whose maximum changed since."""
    bands: BandSet | None = None
    """The round's classification bands (None: the criteria set's own)."""

    def comparable(self, unit_id: str, code: str) -> bool:
        """Whether last year's points of an area can be set against this year's."""
        return code not in self.not_comparable.get(unit_id, frozenset())

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
            changes.append(
                AreaChange(
                    area.code,
                    area.name,
                    current,
                    before.get(area.code),
                    self.comparable(unit_id, area.code),
                )
            )
        return tuple(changes)


def build_results(
    criteria_set: CriteriaSet,
    units: Sequence[Unit],
    results: Mapping[str, UnitResult],
    complete: Mapping[str, bool] | None = None,
    previous: Mapping[str, Mapping[str, Decimal]] | None = None,
    appraised: Mapping[str, bool] | None = None,
    *,
    groups: Sequence[RankingGroup] | None = None,
    bands: BandSet | None = None,
    previous_max: Mapping[str, Mapping[str, Decimal]] | None = None,
) -> RoundResults:
    """Rank units within their ranking groups by index (the set's dense or competition method).

    Args:
        units: every unit of the round, in list order.
        results: unit id -> the engine's result of its consolidated scores.
        complete: unit id -> whether its scores are complete (default: all complete).
        previous: unit id -> area code -> previous year's points, for the comparison.
        appraised: unit id -> whether it has any final score (default: all); the others are
            not ranked and do not count in their group's size.
        groups: the round's ranking groups (default: the set's); a unit is ranked in the
            group holding its type, whatever group it was stored with.
        bands: the round's classification bands (default: the set's own classes).
        previous_max: unit id -> area code -> the area's maximum for the unit last year; an
            area whose maximum differs now is not compared (``not_comparable``).
    """
    if groups is not None:
        units = [replace(u, ranking_group=group_code(groups, u.unit_type)) for u in units]
    if bands is not None:
        results = {
            unit_id: replace(result, classification=bands.classify(result.index))
            for unit_id, result in results.items()
        }
    kept, not_comparable = _comparable(results, previous or {}, previous_max)
    ranked = [u for u in units if appraised is None or appraised.get(u.id, False)]
    entries = [RankEntry(u.id, u.ranking_group, results[u.id].index) for u in ranked]
    ranks = rank(entries, criteria_set.ranking)
    sizes: dict[str, int] = {}
    for unit in ranked:
        sizes[unit.ranking_group] = sizes.get(unit.ranking_group, 0) + 1
    chosen = criteria_set.ranking_groups if groups is None else tuple(groups)
    labels = {g.code: g.label for g in chosen}
    order = [g.code for g in chosen]
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
        previous=kept,
        not_comparable=not_comparable,
        bands=bands,
    )


def _comparable(
    results: Mapping[str, UnitResult],
    previous: Mapping[str, Mapping[str, Decimal]],
    previous_max: Mapping[str, Mapping[str, Decimal]] | None,
) -> tuple[dict[str, Mapping[str, Decimal]], dict[str, frozenset[str]]]:
    """Last year's points kept where the area's maximum for the unit is unchanged."""
    if previous_max is None:
        return dict(previous), {}
    kept: dict[str, Mapping[str, Decimal]] = {}
    dropped: dict[str, frozenset[str]] = {}
    for unit_id, points in previous.items():
        result = results.get(unit_id)
        maxima = previous_max.get(unit_id, {})
        same: dict[str, Decimal] = {}
        changed: set[str] = set()
        for code, value in points.items():
            total = None if result is None else result.totals.get(code)
            now = total.maximum if total is not None and total.applicable else None
            if now is not None and maxima.get(code) == now:
                same[code] = value
            else:
                changed.add(code)
        kept[unit_id] = same
        if changed:
            dropped[unit_id] = frozenset(changed)
    return kept, dropped
