"""Members' scores of one item become the council's score by the round's rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parapp.core.consolidation import (
    RULE_LABELS,
    ConsolidationRule,
    MemberScore,
    Resolution,
    Status,
    consolidate,
    mean,
    median,
)

D = Decimal
RULES = list(ConsolidationRule)


def scores(*values: str | None, na: tuple[int, ...] = ()) -> list[MemberScore]:
    return [
        MemberScore(f"m{i}", None if v is None else D(v), i in na) for i, v in enumerate(values)
    ]


@pytest.mark.parametrize(
    ("values", "expected_mean", "expected_median"),
    [
        (["1", "2"], "1.50", "1.50"),
        (["1", "1", "2"], "1.33", "1.00"),
        (["0.25", "0.5", "1", "2"], "0.94", "0.75"),  # 3.75/4 = 0.9375 -> 0.94 (half up)
        (["2.5"], "2.50", "2.50"),
    ],
)
def test_mean_and_median_round_once_half_up(
    values: list[str], expected_mean: str, expected_median: str
) -> None:
    decimals = [D(v) for v in values]
    assert str(mean(decimals)) == expected_mean
    assert str(median(decimals)) == expected_median


def test_single_rule_takes_the_one_score_and_flags_two() -> None:
    one = consolidate(scores("0.5"), ConsolidationRule.SINGLE)
    assert (one.value, one.status, one.members) == (D("0.50"), Status.OK, ("m0",))
    two = consolidate(scores("0.5", "1"), ConsolidationRule.SINGLE)
    assert (two.value, two.status, two.spread) == (None, Status.CONFLICT, D("0.5"))


def test_unscored_members_do_not_count() -> None:
    result = consolidate(scores(None, "1", None), ConsolidationRule.SINGLE)
    assert (result.value, result.members) == (D("1.00"), ("m1",))


@pytest.mark.parametrize("rule", RULES)
def test_nobody_scored_is_empty(rule: ConsolidationRule) -> None:
    assert consolidate(scores(None, None), rule).status is Status.EMPTY


def test_must_agree_within_threshold_is_the_mean() -> None:
    result = consolidate(scores("1", "1.5"), ConsolidationRule.MUST_AGREE, D("0.5"))
    assert (result.value, result.status) == (D("1.25"), Status.OK)


def test_must_agree_beyond_threshold_is_a_disagreement_until_resolved() -> None:
    contested = scores("0", "1")
    result = consolidate(contested, ConsolidationRule.MUST_AGREE, D("0.5"))
    assert (result.value, result.status, result.spread) == (None, Status.DISAGREEMENT, D(1))
    decided = consolidate(
        contested, ConsolidationRule.MUST_AGREE, D("0.5"), Resolution(D("0.5"), False, "Họp")
    )
    assert (decided.value, decided.status, decided.spread) == (D("0.5"), Status.RESOLVED, D(1))


def test_not_applicable_by_majority_and_split_votes() -> None:
    majority = consolidate(scores(None, None, "1", na=(0, 1)), ConsolidationRule.MEAN)
    assert (majority.value, majority.not_applicable) == (None, True)
    tie = consolidate(scores(None, "1", na=(0,)), ConsolidationRule.MEAN)
    assert (tie.value, tie.not_applicable) == (D("1.00"), False)
    contested = consolidate(scores(None, "1", na=(0,)), ConsolidationRule.MUST_AGREE, D(5))
    assert contested.status is Status.DISAGREEMENT


def test_every_rule_has_both_labels() -> None:
    assert set(RULE_LABELS) == set(ConsolidationRule)
    assert RULE_LABELS[ConsolidationRule.MEDIAN].vi == "Trung vị"


score_values = st.decimals(min_value=-5, max_value=20, places=2, allow_nan=False)


@given(st.lists(score_values, min_size=1, max_size=9))
def test_mean_and_median_lie_between_the_extremes(values: list[Decimal]) -> None:
    for combined in (mean(values), median(values)):
        assert min(values) <= combined <= max(values)
        assert combined == combined.quantize(D("0.01"))


@given(st.lists(score_values, min_size=1, max_size=9), st.permutations(range(9)))
def test_consolidation_ignores_member_order(values: list[Decimal], order: list[int]) -> None:
    members = [MemberScore(f"m{i}", v) for i, v in enumerate(values)]
    shuffled = [members[i] for i in order if i < len(members)]
    for rule in (ConsolidationRule.MEAN, ConsolidationRule.MEDIAN):
        assert consolidate(members, rule).value == consolidate(shuffled, rule).value
