"""Ranking within groups: dense and competition ranks, checked by example and by property."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.criteria import RankingGroup, RankingMethod
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.ranking import (
    RankEntry,
    check_grouping,
    describe_groups,
    group_code,
    parse_groups,
    rank,
)
from tests.core.core_samples import base_data

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


# A round's own grouping -----------------------------------------------------------------------

COMMUNES = from_dict(
    base_data(
        unit_types=[
            {"code": "so", "label": "Sở"},
            {"code": "xa", "label": "Xã"},
            {"code": "phuong", "label": "Phường"},
            {"code": "dac-khu", "label": "Đặc khu"},
        ],
        ranking_groups=[
            {"code": "so-ban-nganh", "label": "Sở, ban, ngành", "unit_types": ["so"]},
            {
                "code": "xa-phuong",
                "label": "Xã, phường, đặc khu",
                "unit_types": ["xa", "phuong", "dac-khu"],
            },
        ],
    )
)  # fmt: skip


def test_groups_typed_with_codes_labels_and_default_labels() -> None:
    groups = parse_groups(
        "so-ban-nganh=so; phuong=Phường ; xa-dac-khu:Xã và đặc khu=xa,ĐẶC KHU;", COMMUNES
    )
    assert groups == (
        RankingGroup("so-ban-nganh", "Sở, ban, ngành", frozenset({"so"})),  # the set's label
        RankingGroup("phuong", "Phường", frozenset({"phuong"})),  # its type's label
        RankingGroup("xa-dac-khu", "Xã và đặc khu", frozenset({"xa", "dac-khu"})),
    )
    assert describe_groups(groups) == (
        "so-ban-nganh:Sở, ban, ngành=so; phuong:Phường=phuong; xa-dac-khu:Xã và đặc khu=dac-khu,xa"
    )
    assert parse_groups(describe_groups(groups), COMMUNES) == groups
    assert parse_groups("tat-ca=so,xa", COMMUNES)[0].label == "Sở, Xã"
    assert group_code(groups, "dac-khu") == "xa-dac-khu"
    assert group_code(groups, "huyen") == "huyen"


def test_bad_groups_are_refused_each_named() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_groups("so=so,huyen; xa=xa,so; xa=phuong; bad code=xa; noequals; trong=", COMMUNES)
    assert caught.value.describe("en").splitlines() == [
        "Cannot set the ranking groups:",
        "  - Group 1 (“so=so,huyen”): unit type “huyen” is not in the criteria set TEST-SO-2026 "
        "(known: so, xa, phuong, dac-khu).",
        "  - Group 2 (“xa=xa,so”): unit type “so” is already in group “so”; a type belongs to "
        "one group only.",
        "  - Group 3 (“xa=phuong”): group “xa” twice.",
        "  - Group 4 (“bad code=xa”): write CODE[:LABEL]=TYPE,TYPE (code: ASCII letters, digits, "
        "'-', '_', '.').",
        "  - Group 5 (“noequals”): write CODE[:LABEL]=TYPE,TYPE (code: ASCII letters, digits, "
        "'-', '_', '.').",
        "  - Group 6 (“trong=”): no unit type.",
    ]
    assert caught.value.describe("vi").startswith("Không đặt được nhóm xếp hạng:\n  - Nhóm thứ 1")
    with pytest.raises(ValidationError, match="No ranking group"):
        parse_groups(" ; ", COMMUNES)


def test_a_type_of_the_rounds_units_in_no_group_is_named() -> None:
    groups = parse_groups("so-ban-nganh=so; phuong=phuong", COMMUNES)
    missing = check_grouping(groups, {"so": 20, "xa": 3, "dac-khu": 0, "phuong": 2})
    assert [m.en for m in missing] == [
        "Unit type “xa” (3 unit(s) in the round) is in no ranking group."
    ]
