"""The criteria-set model: rules, nodes, applicability and classification."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parapp.core.criteria import (
    Band,
    BandsRule,
    CriteriaSet,
    FreeRule,
    Level,
    LevelsRule,
    Node,
    ProportionalRule,
)

D = Decimal


@pytest.mark.parametrize(
    ("band", "figure", "matches"),
    [
        (Band(D(2), D(90), inclusive=False), D(90), False),
        (Band(D(2), D(90), inclusive=False), D("90.01"), True),
        (Band(D(1), D(70)), D(70), True),
        (Band(D(1), D(70)), D("69.99"), False),
        (Band(D(0)), D(-1000), True),
    ],
)
def test_band_bounds_are_explicit(band: Band, figure: Decimal, matches: bool) -> None:
    assert band.matches(figure) is matches


def test_bands_without_a_fallback_may_suggest_nothing() -> None:
    rule = BandsRule(bands=(Band(D(2), D(90)), Band(D(1), D(70))))
    assert rule.suggest(D(95)) == D(2)
    assert rule.suggest(D(50)) is None


@pytest.mark.parametrize(
    ("rule", "value", "minimum", "allowed"),
    [
        (FreeRule(), D("0.37"), D(0), True),
        (FreeRule(step=D("0.25")), D("0.5"), D(0), True),
        (FreeRule(step=D("0.5")), D("-1"), D("-2"), True),
        (FreeRule(step=D("0.5")), D("-1.25"), D("-2"), False),
        (LevelsRule((Level(D(1)), Level(D("0.5")))), D("0.50"), D(0), True),
        (LevelsRule((Level(D(1)), Level(D("0.5")))), D(0), D(0), False),
        (BandsRule(bands=(Band(D(1)),)), D("0.33"), D(0), True),
        (BandsRule(bands=(Band(D(1)),), step=D("0.5")), D("0.33"), D(0), False),
        (ProportionalRule(), D("1.23"), D(0), True),
    ],
)
def test_rules_decide_which_in_range_values_are_allowed(
    rule: FreeRule | LevelsRule | BandsRule | ProportionalRule,
    value: Decimal,
    minimum: Decimal,
    allowed: bool,
) -> None:
    assert rule.allows(value, minimum) is allowed


@pytest.mark.parametrize(
    ("figure", "maximum", "points"),
    [("80", "2", "1.60"), ("120", "2", "2.00"), ("-1", "2", "0.00"), ("33.333", "2", "0.67")],
)
def test_proportional_points_are_rounded_half_up(figure: str, maximum: str, points: str) -> None:
    assert ProportionalRule().suggest(D(figure), D(maximum)) == D(points)
    assert ProportionalRule(figure_max=D(50)).suggest(D(figure) / 2, D(maximum)) == D(points)


def tree() -> Node:
    leaf_a = Node("1.1.1", "A", D(1))
    leaf_b = Node(
        "1.1.2", "B", D(2), applies_to=frozenset({"so"}), maximum_by_unit_type={"so": D(3)}
    )
    return Node("1", "Area", D(3), children=(Node("1.1", "Crit", D(3), children=(leaf_a, leaf_b)),))


def test_node_shape_follows_its_code() -> None:
    area = tree()
    leaf = area.children[0].children[1]
    assert (area.is_leaf, area.depth, area.parent_code) == (False, 1, None)
    assert (leaf.is_leaf, leaf.depth, leaf.parent_code) == (True, 3, "1.1")
    assert [n.code for n in area.walk()] == ["1", "1.1", "1.1.1", "1.1.2"]


@pytest.mark.parametrize(
    ("unit_type", "applies", "maximum"),
    [(None, True, D(2)), ("so", True, D(3)), ("xa", False, D(2))],
)
def test_applicability_and_maximum_per_unit_type(
    unit_type: str | None, applies: bool, maximum: Decimal
) -> None:
    leaf = tree().children[0].children[1]
    assert leaf.applies(unit_type) is applies
    assert leaf.max_for(unit_type) == maximum
    assert tree().applies("xa")


def test_criteria_set_lookups(mini_set: CriteriaSet) -> None:
    assert mini_set.node("1.1.4").name == "Mức độ thực hiện kế hoạch CCHC"
    assert mini_set.has("2.2")
    assert not mini_set.has("7")
    with pytest.raises(KeyError):
        mini_set.node("7")
    assert [n.code for n in mini_set.leaves()] == [
        "1.1.1",
        "1.1.2",
        "1.1.3",
        "1.1.4",
        "2.1",
        "2.2",
        "3",
        "9.1",
        "9.2",
        "10.1",
        "10.2",
    ]
    assert len(list(mini_set.walk())) == 16
    assert mini_set.unit_type("so-khong-tthc").label == "Sở không có thủ tục hành chính"
    with pytest.raises(KeyError):
        mini_set.unit_type("huyen")
    group = mini_set.group_of("so-khong-tthc")
    assert group is not None
    assert group.code == "so"
    assert mini_set.group_of("xa") is None


@pytest.mark.parametrize(
    ("index", "label"),
    [
        ("100", "Xuất sắc"),
        ("90.00", "Xuất sắc"),
        ("89.99", "Tốt"),
        ("80", "Tốt"),
        ("70", "Khá"),
        ("0", "Trung bình"),
        ("-1", ""),
    ],
)
def test_classification_bands_are_lower_bounds(
    mini_set: CriteriaSet, index: str, label: str
) -> None:
    assert mini_set.classify(D(index)) == label
