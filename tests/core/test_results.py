"""Round results: units ranked within their groups, compared with the previous year by area."""

from __future__ import annotations

from decimal import Decimal

from parapp.core.bands import PRESETS
from parapp.core.criteria import RankingGroup
from parapp.core.criteria_codec import from_dict
from parapp.core.results import AreaChange, build_results
from parapp.core.rounds import Unit
from parapp.core.scoring import LeafEntry, UnitResult, score_unit
from tests.core.core_samples import base_data

D = Decimal
SET = from_dict(
    base_data(
        unit_types=[{"code": "so", "label": "Sở"}, {"code": "huyen", "label": "Huyện"}],
        ranking_groups=[
            {"code": "g-huyen", "label": "Khối huyện", "unit_types": ["huyen"]},
            {"code": "g-so", "label": "Khối sở", "unit_types": ["so"]},
        ],
        classes=[{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
        ranking="competition",
        nodes=[
            {"code": "1", "name": "Chỉ đạo", "maximum": "6"},
            {"code": "1.1", "name": "Kế hoạch", "maximum": "6"},
            {"code": "2", "name": "Thủ tục", "maximum": "4"},
            {"code": "2.1", "name": "Công bố", "maximum": "4"},
            {"code": "3", "name": "Thưởng", "maximum": "1", "role": "bonus", "aggregation": "cap"},
            {"code": "3.1", "name": "Sáng kiến", "maximum": "1", "role": "bonus"},
        ],
    )
)
UNITS = [
    Unit("A", "Sở A", "so", "g-so", 1),
    Unit("B", "Sở B", "so", "g-so", 2),
    Unit("C", "Sở C", "so", "g-so", 3),
    Unit("H", "Huyện H", "huyen", "g-huyen", 4),
    Unit("X", "Huyện X", "huyen", "g-other", 5),
]


def result(unit: Unit, first: str, second: str | None) -> UnitResult:
    entries = {"1.1": LeafEntry(appraised=D(first))}
    if second is not None:
        entries["2.1"] = LeafEntry(appraised=D(second))
    return score_unit(SET, unit.id, unit.unit_type, entries)


RESULTS = {
    "A": result(UNITS[0], "5", "4"),  # 90 %
    "B": result(UNITS[1], "6", "3"),  # 90 %
    "C": result(UNITS[2], "4", "4"),  # 80 %
    "H": result(UNITS[3], "3", None),  # 30 %
    "X": result(UNITS[4], "6", "4"),
}


def test_units_are_ranked_within_groups_in_the_sets_group_order() -> None:
    results = build_results(SET, UNITS, RESULTS)
    assert results.groups == (
        ("g-huyen", "Khối huyện"),
        ("g-so", "Khối sở"),
        ("g-other", "g-other"),
    )
    assert [(o.unit.id, o.rank, o.group_size) for o in results.outcomes] == [
        ("H", 1, 1),
        ("A", 1, 3),
        ("B", 1, 3),
        ("C", 3, 3),  # competition ranking: 1, 1, 3
        ("X", 1, 1),
    ]
    assert [o.unit.id for o in results.in_group("g-so")] == ["A", "B", "C"]
    assert all(o.complete for o in results.outcomes)


def test_completeness_is_carried_per_unit() -> None:
    results = build_results(SET, UNITS, RESULTS, complete={"A": True})
    assert {o.unit.id: o.complete for o in results.outcomes} == {
        "A": True,
        "B": False,
        "C": False,
        "H": False,
        "X": False,
    }


def test_area_changes_against_the_previous_year() -> None:
    previous = {"A": {"1": D("4.5"), "2": D("4")}}
    results = build_results(SET, UNITS, RESULTS, previous=previous)
    changes = results.area_changes("A")
    assert changes == (
        AreaChange("1", "Chỉ đạo", D(5), D("4.5")),
        AreaChange("2", "Thủ tục", D(4), D(4)),
    )
    assert [c.change for c in changes] == [D("0.5"), D(0)]
    assert [c.change for c in results.area_changes("B")] == [None, None]


def test_a_rounds_grouping_decides_the_tables_not_the_stored_group() -> None:
    """Units keep their type; the round's groups put them in tables, in the round's order."""
    together = (RankingGroup("tat-ca", "Sở và huyện", frozenset({"so", "huyen"})),)
    results = build_results(SET, UNITS, RESULTS, groups=together)
    assert results.groups == (("tat-ca", "Sở và huyện"),)
    assert [(o.unit.id, o.unit.unit_type, o.rank, o.group_size) for o in results.outcomes] == [
        ("X", "huyen", 1, 5),  # 100 %
        ("A", "so", 2, 5),
        ("B", "so", 2, 5),
        ("C", "so", 4, 5),
        ("H", "huyen", 5, 5),
    ]


def test_a_band_set_gives_the_class() -> None:
    results = build_results(SET, UNITS, RESULTS, bands=PRESETS["hue"])
    assert {o.unit.id: o.result.classification for o in results.outcomes} == {
        "A": "Xuất sắc",
        "B": "Xuất sắc",
        "C": "Tốt",
        "H": "Yếu",
        "X": "Xuất sắc",
    }
    assert results.bands is PRESETS["hue"]
    assert build_results(SET, UNITS, RESULTS).outcomes[2].result.classification == "Tốt"


def test_an_area_whose_maximum_changed_is_not_compared() -> None:
    """Units and areas are matched by code; last year's 4.5 of 8 is no base for this year's
    5 of 6: no Δ, the area is marked not comparable. A unit new this year has no comparison."""
    previous = {"A": {"1": D("4.5"), "2": D("3")}, "B": {"1": D(5)}, "GONE": {"1": D(1)}}
    maxima = {"A": {"1": D(8), "2": D(4)}, "B": {"1": D(6)}, "GONE": {"1": D(6)}}
    results = build_results(SET, UNITS, RESULTS, previous=previous, previous_max=maxima)
    assert results.area_changes("A") == (
        AreaChange("1", "Chỉ đạo", D(5), None, comparable=False),
        AreaChange("2", "Thủ tục", D(4), D(3)),
    )
    assert [c.change for c in results.area_changes("A")] == [None, D(1)]
    assert not results.comparable("A", "1")
    assert results.comparable("A", "2")
    assert results.not_comparable == {"A": frozenset({"1"}), "GONE": frozenset({"1"})}
    assert results.previous["A"] == {"2": D(3)}
    assert results.previous["B"] == {"1": D(5)}
