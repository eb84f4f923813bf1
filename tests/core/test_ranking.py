"""Ranking within groups: dense and competition ranks, checked by example and by property."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.criteria import RankingMethod
from parapp.core.ranking import RankEntry, rank

D = Decimal


def entries(*indices: str, group: str = "so") -> list[RankEntry]:
    return [RankEntry(f"u{i}", group, D(index)) for i, index in enumerate(indices, 1)]


@pytest.mark.parametrize(
    ("method", "expected"),
    [(RankingMethod.DENSE, [1, 1, 2, 3]), (RankingMethod.COMPETITION, [1, 1, 3, 4])],
)
def test_equal_indices_share_a_rank(method: RankingMethod, expected: list[int]) -> None:
    ranks = rank(entries("90.10", "90.10", "88.50", "70"), method)
    assert list(ranks.values()) == expected


def test_dense_is_the_default() -> None:
    assert list(rank(entries("88.50", "90.1", "90.10")).values()) == [2, 1, 1]


def test_groups_are_ranked_apart() -> None:
    units = [*entries("80", "95", group="so"), RankEntry("xa1", "xa", D("60"))]
    assert rank(units, RankingMethod.COMPETITION) == {"u1": 2, "u2": 1, "xa1": 1}


def test_no_units_give_no_ranks() -> None:
    assert rank([], RankingMethod.DENSE) == {}


def test_a_unit_ranked_twice_is_a_programming_error() -> None:
    units = [RankEntry("u1", "so", D(1)), RankEntry("u1", "xa", D(2)), RankEntry("u2", "so", D(1))]
    with pytest.raises(ValueError, match="units ranked twice: u1"):
        rank(units)


indices = st.decimals(min_value=0, max_value=120, places=2)
groups = st.sampled_from(["so", "xa", "dac-thu"])
unit_lists = st.lists(st.tuples(groups, indices), max_size=25).map(
    lambda rows: [RankEntry(f"u{i}", g, index) for i, (g, index) in enumerate(rows)]
)


@settings(max_examples=80, deadline=None)
@given(units=unit_lists, method=st.sampled_from(list(RankingMethod)), seed=st.randoms())
def test_ranking_invariants(
    units: list[RankEntry], method: RankingMethod, seed: random.Random
) -> None:
    ranks = rank(units, method)
    assert set(ranks) == {u.unit_id for u in units}
    for group in {u.group for u in units}:
        members = [u for u in units if u.group == group]
        assert min(ranks[u.unit_id] for u in members) == 1
        for a in members:
            greater = [b for b in members if b.index > a.index]
            for b in members:
                if a.index == b.index:
                    assert ranks[a.unit_id] == ranks[b.unit_id]
            if method is RankingMethod.COMPETITION:
                assert ranks[a.unit_id] == 1 + len(greater)
            else:
                assert ranks[a.unit_id] == 1 + len({b.index for b in greater})
        if method is RankingMethod.DENSE:
            used = sorted({ranks[u.unit_id] for u in members})
            assert used == list(range(1, len(used) + 1))
    shuffled = list(units)
    seed.shuffle(shuffled)
    assert rank(shuffled, method) == ranks
