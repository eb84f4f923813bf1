"""Ranking units by index within their ranking groups (dense or competition ranking)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import RankingMethod


@dataclass(frozen=True)
class RankEntry:
    """One unit's published (rounded) index and the ranking group it is compared within."""

    unit_id: str
    group: str
    index: Decimal


def rank(
    entries: Sequence[RankEntry], method: RankingMethod = RankingMethod.DENSE
) -> dict[str, int]:
    """Rank units within each group, highest index first; equal indices share a rank.

    Dense: 90.10, 90.10, 88.50 -> 1, 1, 2. Competition: 1, 1, 3 (1 + the number of units of the
    group with a strictly greater index). The result depends on the values only, never on the
    order of ``entries``; its keys follow that order.

    Raises:
        ValueError: a unit appears twice (a programming error, not user input).
    """
    ids = [entry.unit_id for entry in entries]
    if len(set(ids)) != len(ids):
        twice = sorted({unit for unit in ids if ids.count(unit) > 1})
        raise ValueError(f"units ranked twice: {', '.join(twice)}")
    by_group: dict[str, list[Decimal]] = {}
    for entry in entries:
        by_group.setdefault(entry.group, []).append(entry.index)
    places: dict[str, dict[Decimal, int]] = {}
    for group, indices in by_group.items():
        if method is RankingMethod.DENSE:
            distinct = sorted(set(indices), reverse=True)
            places[group] = {value: position for position, value in enumerate(distinct, 1)}
        else:
            places[group] = {}
            for position, value in enumerate(sorted(indices, reverse=True), 1):
                places[group].setdefault(value, position)
    return {entry.unit_id: places[entry.group][entry.index] for entry in entries}
