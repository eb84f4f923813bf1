"""The scoring engine on a Cà Mau-like set: roll-up, applicability, caps, findings and the index."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.criteria import Assessor, BonusMode, CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, FindingCode, Severity
from parapp.core.scoring import (
    LeafEntry,
    UnitResult,
    applies_in_set,
    score_unit,
    suggested_score,
    validate_leaf,
)
from tests.core.core_samples import mini_data

D = Decimal
NORMAL_LEAVES = ("1.1.1", "1.1.2", "1.1.3", "1.1.4", "2.1", "2.2", "3")


def full_entries(**changes: LeafEntry) -> dict[str, LeafEntry]:
    """A "so" unit with every normal leaf at its maximum, evidenced, as self-scored."""
    entries = {
        code: LeafEntry(self_score=D(value), appraised=D(value), evidence=("kh.pdf, tr. 2",))
        for code, value in {
            "1.1.1": "1",
            "1.1.2": "1",
            "1.1.3": "1",
            "1.1.4": "2",
            "2.1": "2",
            "3": "1",
        }.items()
    }
    entries["1.1.4"] = LeafEntry(D(2), D(2), figure=D(95), evidence=("bc.pdf",))
    entries["2.2"] = LeafEntry(appraised=D("1.6"), figure=D(80))
    entries.update(changes)
    return entries


def codes(result: UnitResult) -> list[tuple[str | None, str]]:
    return [(item.node, item.code) for item in result.findings]


def only(result: UnitResult, code: FindingCode) -> Finding:
    found = [item for item in result.findings if item.code == code]
    assert len(found) == 1, result.findings
    return found[0]


def test_full_unit_rolls_up_exactly(mini_set: CriteriaSet) -> None:
    result = score_unit(mini_set, "SNV", "so", full_entries())
    assert result.findings == ()
    assert result.totals["1.1"].achieved == D(5)
    assert result.totals["1"].maximum == D(5)
    assert result.totals["2"].achieved == D("3.6")
    assert result.achieved == D("9.6")
    assert result.applicable_max == D(10)
    assert result.self_total == D(8)  # 2.2 is a survey item: no self-score
    assert (result.bonus, result.penalty) == (D(0), D(0))
    assert result.index == D("96.00")
    assert result.classification == "Xuất sắc"
    assert (result.scored_leaves, result.applicable_leaves, result.progress) == (7, 7, D("100.00"))
    assert not result.has_errors


def test_bonus_and_penalty_enter_the_ratio_inside(mini_set: CriteriaSet) -> None:
    entries = full_entries(
        **{"9.1": LeafEntry(appraised=D("0.5")), "10.2": LeafEntry(appraised=D("-1.25"))}
    )
    result = score_unit(mini_set, "SNV", "so", entries)
    assert (result.bonus, result.penalty) == (D("0.5"), D("1.25"))
    # (9.6 + 0.5 - 1.25) / 10 x 100
    assert result.index == D("88.50")
    assert result.classification == "Tốt"


def test_bonus_and_penalty_added_after_the_ratio_outside(mini_dict: dict[str, Any]) -> None:
    mini_dict["bonus_mode"] = BonusMode.OUTSIDE.value
    criteria_set = from_dict(mini_dict)
    entries = full_entries(
        **{"9.1": LeafEntry(appraised=D("0.5")), "10.2": LeafEntry(appraised=D("-1.25"))}
    )
    result = score_unit(criteria_set, "SNV", "so", entries)
    # 9.6 / 10 x 100 + 0.5 - 1.25
    assert result.index == D("95.25")


def test_bonus_group_is_capped_with_an_info_finding(mini_set: CriteriaSet) -> None:
    entries = full_entries(
        **{"9.1": LeafEntry(appraised=D("1.5")), "9.2": LeafEntry(appraised=D("1"))}
    )
    result = score_unit(mini_set, "SNV", "so", entries)
    assert result.bonus == D(2)
    assert result.totals["9"].achieved == D(2)
    assert result.totals["9"].maximum == D(2)
    finding = only(result, FindingCode.CAP_APPLIED)
    assert finding.severity is Severity.INFO
    assert finding.message.vi == (
        "Mục 9: tổng các mục con 2,50 nằm ngoài giới hạn từ 0,00 đến 2,00; chỉ tính 2,00."
    )
    assert finding.message.en == (
        "Item 9: the children's sum 2.50 lies outside the limits 0.00 to 2.00; 2.00 counts."
    )
    assert not result.has_errors


def test_penalty_group_is_limited_to_its_minimum(mini_set: CriteriaSet) -> None:
    entries = full_entries(
        **{"10.1": LeafEntry(appraised=D(-2)), "10.2": LeafEntry(appraised=D("-1.5"))}
    )
    result = score_unit(mini_set, "SNV", "so", entries)
    assert result.totals["10"].achieved == D(-3)
    assert result.penalty == D(3)
    assert codes(result) == [("10", FindingCode.CAP_APPLIED)]
    assert result.index == D("66.00")


def test_penalty_below_the_child_minimum_is_kept_and_flagged(mini_set: CriteriaSet) -> None:
    result = score_unit(
        mini_set, "SNV", "so", full_entries(**{"10.1": LeafEntry(appraised=D("-2.5"))})
    )
    assert result.totals["10.1"].achieved == D("-2.5")
    assert result.penalty == D("2.5")
    finding = only(result, FindingCode.BELOW_MIN)
    assert finding.message.vi == "Mục 10.1: điểm thẩm định -2,50 thấp hơn điểm tối thiểu -2,00."
    assert finding.field == "appraised"
    assert result.has_errors


def test_above_max_score_is_counted_as_typed_and_flagged(mini_set: CriteriaSet) -> None:
    entries = full_entries(**{"1.1.3": LeafEntry(D(1), D("1.5"), evidence=("a.pdf",))})
    result = score_unit(mini_set, "SNV", "so", entries)
    assert result.totals["1.1.3"].achieved == D("1.5")
    assert result.totals["1.1"].achieved == D("5.5")
    assert result.achieved == D("10.1")
    assert codes(result) == [
        ("1.1.3", FindingCode.ABOVE_MAX),
        ("1.1.3", FindingCode.DIFFERS_WITHOUT_COMMENT),
        ("1.1", FindingCode.PARENT_OVER_MAX),
        ("1", FindingCode.PARENT_OVER_MAX),
    ]
    above = result.findings[0]
    assert above.message.vi == "Mục 1.1.3: điểm thẩm định 1,50 vượt điểm tối đa 1,00."
    assert above.message.en == "Item 1.1.3: appraised score 1.50 exceeds the maximum 1.00."
    assert (above.unit, above.severity, above.field) == ("SNV", Severity.ERROR, "appraised")
    assert result.findings[2].message.vi == "Mục 1.1: tổng điểm 5,50 vượt điểm tối đa 5,00."


def test_area_for_other_unit_types_is_left_out(mini_set: CriteriaSet) -> None:
    entries = full_entries()
    del entries["2.2"]
    result = score_unit(mini_set, "SNV-KT", "so-khong-tthc", entries)
    area = result.totals["2"]
    assert (area.applicable, area.achieved, area.maximum, area.leaves) == (False, D(0), D(0), 0)
    assert not result.totals["2.1"].applicable
    # Leaf 3 has its own maximum for this unit type.
    assert result.totals["3"].maximum == D(2)
    assert result.applicable_max == D(7)
    assert result.achieved == D(6)
    assert result.applicable_leaves == 5
    assert codes(result) == [
        ("2.1", FindingCode.SCORE_ON_NOT_APPLICABLE),
        ("2.1", FindingCode.SCORE_ON_NOT_APPLICABLE),
    ]
    self_finding, appraised_finding = result.findings
    assert self_finding.severity is Severity.WARNING
    assert appraised_finding.severity is Severity.ERROR
    assert appraised_finding.message.vi == (
        "Mục 2.1 không áp dụng cho đơn vị nhưng có điểm thẩm định 2,00; điểm này không được tính."
    )
    assert self_finding.message.en == (
        "Item 2.1 does not apply to the unit but has self-score 2.00; it is not counted."
    )


def test_leaf_the_council_marks_not_applicable_is_left_out(mini_set: CriteriaSet) -> None:
    entries = full_entries(**{"1.1.4": LeafEntry(not_applicable=True)})
    result = score_unit(mini_set, "SNV", "so", entries)
    assert result.totals["1.1"].maximum == D(3)
    assert result.applicable_max == D(8)
    assert result.index == D("95.00")  # 7.6 / 8
    assert result.findings == ()
    assert (result.scored_leaves, result.applicable_leaves) == (6, 6)


def test_missing_scores_lower_progress_but_not_for_bonus_leaves(mini_set: CriteriaSet) -> None:
    entries = full_entries()
    del entries["1.1.2"], entries["3"]
    result = score_unit(mini_set, "SNV", "so", entries)
    assert codes(result) == [("1.1.2", FindingCode.MISSING_SCORE), ("3", FindingCode.MISSING_SCORE)]
    assert result.findings[0].message.vi == "Mục 1.1.2: chưa có điểm thẩm định."
    assert result.findings[1].message.en == "Item 3: no score given by another agency yet."
    assert result.totals["1.1"].scored == 3
    assert result.totals["1.1"].leaves == 4
    assert (result.scored_leaves, result.applicable_leaves) == (5, 7)
    assert result.progress == D("71.43")


def test_components_per_assessor(mini_set: CriteriaSet) -> None:
    result = score_unit(mini_set, "SNV", "so", full_entries())
    assert dict(result.components) == {
        Assessor.COUNCIL: D(7),
        Assessor.SURVEY: D("1.6"),
        Assessor.AGENCY: D(1),
    }
    assert list(result.component_max) == [Assessor.COUNCIL, Assessor.SURVEY, Assessor.AGENCY]
    assert dict(result.component_max) == {
        Assessor.COUNCIL: D(7),
        Assessor.SURVEY: D(2),
        Assessor.AGENCY: D(1),
    }


def test_result_mappings_cannot_be_altered(mini_set: CriteriaSet) -> None:
    result = score_unit(mini_set, "SNV", "so", full_entries())
    with pytest.raises(TypeError):
        result.totals["1"] = result.totals["2"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("value", "finding"),
    [
        ("0.5", None),
        ("0", None),
        ("0.75", "Mục 1.1.1: điểm thẩm định 0,75 không phải mức được phép (1,00; 0,50; 0,00)."),
    ],
)
def test_tiered_item_accepts_only_its_levels(
    mini_set: CriteriaSet, value: str, finding: str | None
) -> None:
    entry = LeafEntry(appraised=D(value), comment="đã xem xét")
    found = validate_leaf(mini_set.node("1.1.1"), entry, "so")
    assert [item.message.vi for item in found] == ([finding] if finding else [])


@pytest.mark.parametrize(
    ("value", "allowed"), [("0.25", True), ("0.75", True), ("0.3", False), ("0", True)]
)
def test_stepped_item_accepts_only_multiples_of_its_step(
    mini_set: CriteriaSet, value: str, allowed: bool
) -> None:
    found = validate_leaf(mini_set.node("1.1.3"), LeafEntry(appraised=D(value)), "so")
    assert [item.code for item in found] == ([] if allowed else [FindingCode.NOT_ON_STEP])
    if not allowed:
        assert found[0].message.en == "Item 1.1.3: appraised score 0.30 is not on the step 0.25."


@pytest.mark.parametrize(
    ("figure", "score"),
    [
        ("100", "2"),
        ("95", "2"),
        ("90.01", "2"),
        ("90", "1"),  # ">90 %" excludes 90 itself: explicit, non-inclusive bound
        ("80", "1"),
        ("70", "1"),  # "70 %–90 %" includes 70: explicit, inclusive bound
        ("69.99", "0"),
        ("0", "0"),
    ],
)
def test_plan_completion_bands_suggest_the_ca_mau_scores(
    mini_set: CriteriaSet, figure: str, score: str
) -> None:
    assert suggested_score(mini_set.node("1.1.4"), D(figure), "so") == D(score)


@pytest.mark.parametrize(
    ("figure", "unit_type", "score"),
    [
        ("80", "so", "1.60"),
        ("33.333", "so", "0.67"),
        ("150", "so", "2.00"),  # figures beyond the scale count as its end
        ("-5", "so", "0.00"),
    ],
)
def test_proportional_item_suggests_its_share_of_the_maximum(
    mini_set: CriteriaSet, figure: str, unit_type: str, score: str
) -> None:
    assert suggested_score(mini_set.node("2.2"), D(figure), unit_type) == D(score)


def test_no_suggestion_without_a_figure_or_for_a_tiered_item(mini_set: CriteriaSet) -> None:
    assert suggested_score(mini_set.node("1.1.4"), None, "so") is None
    assert suggested_score(mini_set.node("1.1.1"), D(95), "so") is None


def test_deviation_from_the_suggestion_wants_a_comment(mini_set: CriteriaSet) -> None:
    node = mini_set.node("1.1.4")
    silent = LeafEntry(D(2), D(1), figure=D(95), evidence=("bc.pdf",))
    found = validate_leaf(node, silent, "so", unit="SNV")
    assert [item.code for item in found] == [
        FindingCode.DIFFERS_WITHOUT_COMMENT,
        FindingCode.DIFFERS_FROM_SUGGESTION,
    ]
    assert found[0].message.vi == (
        "Mục 1.1.4: điểm thẩm định 1,00 khác điểm tự chấm 2,00 nhưng chưa có ý kiến thẩm định."
    )
    assert found[1].message.vi == (
        "Mục 1.1.4: điểm thẩm định 1,00 khác điểm gợi ý 2,00 theo số liệu kê khai 95,00% "
        "nhưng chưa có ý kiến thẩm định."
    )
    assert found[1].message.en == (
        "Item 1.1.4: the appraised score 1.00 differs from the suggested 2.00 for the declared "
        "figure 95.00% without a comment."
    )
    assert all(item.unit == "SNV" for item in found)
    commented = LeafEntry(D(2), D(1), figure=D(95), comment="Báo cáo chưa đủ", evidence=("x",))
    assert validate_leaf(node, commented, "so") == []
    blank_comment = LeafEntry(D(1), D(1), figure=D(95), comment="  ", evidence=("x",))
    found = validate_leaf(node, blank_comment, "so")
    assert [item.code for item in found] == [FindingCode.DIFFERS_FROM_SUGGESTION]


def test_survey_value_is_checked_against_its_suggestion(mini_set: CriteriaSet) -> None:
    found = validate_leaf(mini_set.node("2.2"), LeafEntry(appraised=D(2), figure=D(80)), "so")
    assert [item.message.vi for item in found] == [
        "Mục 2.2: điểm điều tra xã hội học 2,00 khác điểm gợi ý 1,60 theo số liệu kê khai "
        "80,00% nhưng chưa có ý kiến thẩm định."
    ]


@pytest.mark.parametrize(
    ("code", "self_score", "evidence", "flagged"),
    [
        ("1.1.1", "1", (), True),
        ("1.1.1", "1", ("  ",), True),
        ("1.1.1", "1", ("kh.pdf, tr. 3",), False),
        ("1.1.1", "0", (), False),  # claiming nothing needs no evidence
        ("10.1", "-1", (), False),  # nor does admitting a penalty
        ("3", "1", (), False),  # another agency's item: no evidence from the unit
    ],
)
def test_claimed_points_need_evidence(
    mini_set: CriteriaSet, code: str, self_score: str, evidence: tuple[str, ...], flagged: bool
) -> None:
    entry = LeafEntry(self_score=D(self_score), appraised=D(self_score), evidence=evidence)
    found = validate_leaf(mini_set.node(code), entry, "so")
    assert [item.code for item in found] == ([FindingCode.MISSING_EVIDENCE] if flagged else [])
    if flagged:
        assert found[0].message.vi == (
            "Mục 1.1.1: đơn vị tự chấm 1,00 nhưng chưa dẫn tài liệu kiểm chứng."
        )
        assert found[0].field == "self_score"


def test_self_score_out_of_range_is_flagged_on_its_own_field(mini_set: CriteriaSet) -> None:
    entry = LeafEntry(self_score=D(3), evidence=("a",))
    found = validate_leaf(mini_set.node("1.1.3"), entry, "so")
    assert [(item.code, item.field) for item in found] == [
        (FindingCode.ABOVE_MAX, "self_score"),
        (FindingCode.MISSING_SCORE, "appraised"),
    ]
    assert found[0].message.vi == "Mục 1.1.3: điểm tự chấm 3,00 vượt điểm tối đa 1,00."


def test_leaf_under_an_area_that_does_not_apply_is_not_applicable(mini_set: CriteriaSet) -> None:
    node = mini_set.node("2.1")
    assert applies_in_set(mini_set, "2.1", "so")
    assert not applies_in_set(mini_set, "2.1", "so-khong-tthc")
    ancestors = applies_in_set(mini_set, "2", "so-khong-tthc")
    assert validate_leaf(node, LeafEntry(), "so-khong-tthc", ancestors_apply=ancestors) == []
    found = validate_leaf(node, LeafEntry(appraised=D(1)), "so-khong-tthc", ancestors_apply=False)
    assert [item.code for item in found] == [FindingCode.SCORE_ON_NOT_APPLICABLE]


def test_whole_set_scoring_without_a_unit_type(mini_set: CriteriaSet) -> None:
    result = score_unit(mini_set, "ALL", None, full_entries())
    assert result.unit_type is None
    assert result.applicable_max == D(10)
    assert result.index == D("96.00")


def test_set_without_unit_types_scores_any_unit_type(make_set: Callable[..., CriteriaSet]) -> None:
    criteria_set = make_set()
    result = score_unit(criteria_set, "U", "xa", {"1": LeafEntry(appraised=D("8.5"))})
    assert result.index == D("85.00")
    assert result.classification == ""


def test_unknown_unit_type_is_refused(mini_set: CriteriaSet) -> None:
    with pytest.raises(ValidationError) as info:
        score_unit(mini_set, "U", "huyen", {})
    assert info.value.msg.vi == "Loại đơn vị “huyen” không có trong bộ tiêu chí TEST-SO-2026."


def test_entries_for_unknown_or_parent_items_are_refused(mini_set: CriteriaSet) -> None:
    with pytest.raises(ValidationError) as info:
        score_unit(mini_set, "U", "so", {"1.1": LeafEntry(), "7.7": LeafEntry()})
    assert info.value.msg.vi == "Không có mục chấm điểm 1.1, 7.7 trong bộ tiêu chí TEST-SO-2026."
    assert info.value.msg.en == "No scored item 1.1, 7.7 in criteria set TEST-SO-2026."


def test_index_uses_the_sets_decimal_places(mini_dict: dict[str, Any]) -> None:
    mini_dict["index_places"] = 1
    result = score_unit(from_dict(mini_dict), "U", "so", full_entries(**{"2.2": LeafEntry()}))
    # 8 / 10 with 2.2 unscored, then 1.1.3 at 0.25 -> 7.25 / 10
    assert result.index == D("80.0")
    entries = full_entries(**{"1.1.3": LeafEntry(D("0.25"), D("0.25"), evidence=("a",))})
    entries["2.2"] = LeafEntry(appraised=D("1.6"), figure=D(80))
    assert score_unit(from_dict(mini_dict), "U", "so", entries).index == D("88.5")


def test_nothing_applicable_gives_a_zero_index_and_full_progress(
    make_set: Callable[..., CriteriaSet],
) -> None:
    criteria_set = make_set()
    result = score_unit(criteria_set, "U", None, {"1": LeafEntry(not_applicable=True)})
    assert (result.applicable_max, result.index, result.progress) == (D(0), D("0.00"), D(100))
    assert not result.totals["1"].applicable


def test_capped_group_with_nothing_applicable_counts_nothing(mini_set: CriteriaSet) -> None:
    entries = full_entries(
        **{"9.1": LeafEntry(not_applicable=True), "9.2": LeafEntry(not_applicable=True)}
    )
    result = score_unit(mini_set, "SNV", "so", entries)
    assert not result.totals["9"].applicable
    assert (result.totals["9"].maximum, result.bonus) == (D(0), D(0))


def test_bonus_item_under_a_normal_area_counts_as_bonus(
    make_set: Callable[..., CriteriaSet],
) -> None:
    criteria_set = make_set(
        nodes=[
            {"code": "1", "name": "Nội dung 9", "maximum": "3"},
            {"code": "1.1", "name": "Kết quả", "maximum": "2"},
            {"code": "1.2", "name": "Điểm thưởng", "maximum": "1", "role": "bonus"},
        ]
    )
    entries = {"1.1": LeafEntry(appraised=D(2)), "1.2": LeafEntry(appraised=D("0.5"))}
    result = score_unit(criteria_set, "U", None, entries)
    assert (result.totals["1"].achieved, result.totals["1"].maximum) == (D(2), D(2))
    assert (result.achieved, result.applicable_max, result.bonus) == (D(2), D(2), D("0.5"))
    assert result.index == D("125.00")
    assert (result.scored_leaves, result.applicable_leaves) == (1, 1)


def test_capped_normal_group_limits_self_total_too(make_set: Callable[..., CriteriaSet]) -> None:
    criteria_set = make_set(
        nodes=[
            {"code": "1", "name": "Nhóm giới hạn", "maximum": "2", "aggregation": "cap"},
            {"code": "1.1", "name": "A", "maximum": "2"},
            {"code": "1.2", "name": "B", "maximum": "2"},
        ]
    )
    entries = {
        "1.1": LeafEntry(D(2), D("1.5"), comment="ok", evidence=("a",)),
        "1.2": LeafEntry(D(2), D("0.25"), comment="ok", evidence=("b",)),
    }
    result = score_unit(criteria_set, "U", None, entries)
    assert (result.totals["1"].achieved, result.totals["1"].self_total) == (D("1.75"), D(2))
    assert codes(result) == []
    assert result.index == D("87.50")


# --- properties -------------------------------------------------------------------------------

scores = st.decimals(min_value=-3, max_value=5, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(scores, min_size=len(NORMAL_LEAVES), max_size=len(NORMAL_LEAVES)))
def test_sum_totals_equal_the_sum_of_their_leaves(values: list[Decimal]) -> None:
    criteria_set = from_dict(mini_data())
    entries = {code: LeafEntry(appraised=v) for code, v in zip(NORMAL_LEAVES, values, strict=True)}
    result = score_unit(criteria_set, "U", "so", entries)
    leaf = dict(zip(NORMAL_LEAVES, values, strict=True))
    assert result.totals["1.1"].achieved == sum(
        (leaf[c] for c in ("1.1.1", "1.1.2", "1.1.3", "1.1.4")), D(0)
    )
    assert result.totals["1"].achieved == result.totals["1.1"].achieved
    assert result.totals["2"].achieved == leaf["2.1"] + leaf["2.2"]
    assert result.achieved == sum(values, D(0))
    assert result.achieved == sum(result.components.values(), D(0))


def _half_up(value: Fraction, places: int) -> Decimal:
    """Exact rational -> Decimal rounded half up: an oracle independent of the engine."""
    scaled = value * 10**places
    sign = -1 if scaled < 0 else 1
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return (D(sign * whole) / D(10**places)).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(st.decimals(min_value=0, max_value=2, places=2), min_size=7, max_size=7),
    bonus=st.decimals(min_value=0, max_value=2, places=2),
    penalty=st.decimals(min_value=-3, max_value=0, places=2),
    outside=st.booleans(),
    na=st.sets(st.sampled_from(NORMAL_LEAVES)),
)
def test_index_is_the_exact_ratio_rounded_once(
    values: list[Decimal], bonus: Decimal, penalty: Decimal, outside: bool, na: set[str]
) -> None:
    data = mini_data()
    data["bonus_mode"] = "outside" if outside else "inside"
    criteria_set = from_dict(data)
    entries = {
        code: LeafEntry(appraised=v, not_applicable=code in na)
        for code, v in zip(NORMAL_LEAVES, values, strict=True)
    }
    entries["9.1"] = LeafEntry(appraised=bonus)
    entries["10.1"] = LeafEntry(appraised=max(penalty, D(-2)))
    entries["10.2"] = LeafEntry(appraised=penalty - max(penalty, D(-2)))
    result = score_unit(criteria_set, "U", "so", entries)
    maxima = {"1.1.1": 1, "1.1.2": 1, "1.1.3": 1, "1.1.4": 2, "2.1": 2, "2.2": 2, "3": 1}
    achieved = sum(
        (Fraction(v) for c, v in zip(NORMAL_LEAVES, values, strict=True) if c not in na),
        Fraction(0),
    )
    maximum = sum((maxima[c] for c in NORMAL_LEAVES if c not in na), 0)
    extra = Fraction(bonus) + Fraction(max(penalty, D(-3)))  # bonus stays within the cap of 2
    if maximum == 0:
        exact = Fraction(0) + (extra if outside else 0)
    elif outside:
        exact = achieved * 100 / maximum + extra
    else:
        exact = (achieved + extra) * 100 / maximum
    assert result.index == _half_up(exact, 2)
