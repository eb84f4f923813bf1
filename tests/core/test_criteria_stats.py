"""Counts per level and maxima per unit type and assessor."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from parapp.core import criteria_stats
from parapp.core.criteria import Assessor, Role
from parapp.core.criteria_codec import from_dict


def _set(**extra: Any) -> dict[str, Any]:
    nodes = [
        {"code": "1", "name": "Chỉ đạo", "maximum": "4"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "3"},
        {"code": "1.1.1", "name": "Ban hành", "maximum": "1"},
        {"code": "1.1.2", "name": "Khảo sát", "maximum": "2", "assessor": "survey"},
        {"code": "1.2", "name": "Báo cáo", "maximum": "1"},
        {
            "code": "2",
            "name": "Thủ tục hành chính",
            "maximum": "6",
            "applies_to": ["so"],
        },
        {
            "code": "2.1",
            "name": "Công bố",
            "maximum": "6",
            "applies_to": ["so"],
            "assessor": "agency",
        },
        {"code": "3", "name": "Thưởng", "maximum": "2", "role": "bonus", "aggregation": "cap"},
        {"code": "3.1", "name": "Sáng kiến", "maximum": "3", "role": "bonus"},
        {
            "code": "4",
            "name": "Trừ",
            "maximum": "0",
            "minimum": "-3",
            "role": "penalty",
            "aggregation": "cap",
        },
        {"code": "4.1", "name": "Chậm", "maximum": "0", "minimum": "-1", "role": "penalty"},
    ]
    data: dict[str, Any] = {
        "format": "parapp-criteria",
        "format_version": 1,
        "form_id": "T",
        "version": "2026010101",
        "year": 2026,
        "name": "Thử",
        "unit_types": [{"code": "so", "label": "Sở có TTHC"}, {"code": "k", "label": "Không TTHC"}],
        "nodes": nodes,
    }
    data.update(extra)
    return data


def test_counts_per_level_and_leaves() -> None:
    stats = criteria_stats.compute(from_dict(_set()))
    assert stats.per_depth == (4, 5, 2)
    assert stats.leaves == 6
    assert [(a.code, a.criteria, a.sub_criteria, a.leaves) for a in stats.areas] == [
        ("1", 2, 2, 3),
        ("2", 1, 0, 1),
        ("3", 1, 0, 1),
        ("4", 1, 0, 1),
    ]


def test_maxima_per_unit_type_split_by_assessor_exclude_bonus_and_penalty() -> None:
    stats = criteria_stats.compute(from_dict(_set()))
    so, other = stats.unit_types
    assert (so.code, so.maximum, so.leaves) == ("so", Decimal(10), 4)
    assert so.by_assessor == {
        Assessor.COUNCIL: Decimal(2),
        Assessor.SURVEY: Decimal(2),
        Assessor.AGENCY: Decimal(6),
    }
    assert list(so.by_assessor) == [Assessor.COUNCIL, Assessor.SURVEY, Assessor.AGENCY]
    assert (other.code, other.maximum, other.leaves) == ("k", Decimal(4), 3)
    assert stats.bonus_cap == Decimal(2)
    assert stats.penalty_cap == Decimal(3)
    assert [a.role for a in stats.areas][2:] == [Role.BONUS, Role.PENALTY]


def test_set_without_unit_types_is_summed_as_a_whole() -> None:
    data = _set(unit_types=[])
    for node in data["nodes"]:
        node.pop("applies_to", None)
    stats = criteria_stats.compute(from_dict(data))
    (whole,) = stats.unit_types
    assert (whole.code, whole.maximum) == (None, Decimal(10))


def test_leaves_that_do_not_apply_are_left_out_of_a_unit_types_maximum() -> None:
    data = _set()
    data["nodes"][0]["maximum_by_unit_type"] = {"k": "2"}
    data["nodes"][1]["maximum_by_unit_type"] = {"k": "1"}
    data["nodes"][3]["applies_to"] = ["so"]
    data["nodes"][3]["assessor"] = "council"
    stats = criteria_stats.compute(from_dict(data))
    so, other = stats.unit_types
    assert (other.maximum, other.leaves) == (Decimal(2), 2)
    assert other.by_assessor == {Assessor.COUNCIL: Decimal(2)}
    assert so.by_assessor[Assessor.COUNCIL] == Decimal(4)


def test_imported_results_split_into_components_by_their_declared_figure() -> None:
    """QĐ 876/QĐ-BNV: the survey points come from two surveys (22 leaders + 10 SIPAS)."""

    def prop(label: str) -> dict[str, Any]:
        return {"kind": "proportional", "figure_label": label}

    nodes: list[dict[str, Any]] = [
        {"code": "1", "name": "Lĩnh vực", "maximum": "10"},
        {"code": "1.1", "name": "Thẩm định", "maximum": "2"},
        {"code": "1.2", "name": "Lãnh đạo", "maximum": "2", "assessor": "survey"},
        {"code": "1.2.1", "name": "a", "maximum": "1", "assessor": "survey"},
        {"code": "1.2.2", "name": "b", "maximum": "1", "assessor": "survey"},
        {"code": "1.3", "name": "SIPAS", "maximum": "3", "assessor": "survey"},
        {"code": "1.4", "name": "Thống kê", "maximum": "1", "assessor": "agency"},
        {"code": "1.5", "name": "Xếp hạng", "maximum": "2", "assessor": "agency"},
    ]
    nodes[2].pop("assessor")
    nodes[3]["rule"] = prop("Lãnh đạo (%)")
    nodes[4]["rule"] = prop("Lãnh đạo (%)")
    nodes[5]["rule"] = prop("SIPAS (%)")
    nodes[7]["rule"] = {
        "kind": "bands",
        "figure_label": "Thứ hạng PCI",
        "bands": [{"score": "2", "lower": "50"}, {"score": "0", "lower": None}],
    }
    data = _set(unit_types=[], nodes=nodes)
    (whole,) = criteria_stats.compute(from_dict(data)).unit_types
    assert [(c.assessor, c.label, c.maximum) for c in whole.components] == [
        (Assessor.COUNCIL, "", Decimal(2)),
        (Assessor.SURVEY, "Lãnh đạo (%)", Decimal(2)),
        (Assessor.SURVEY, "SIPAS (%)", Decimal(3)),
        (Assessor.AGENCY, "", Decimal(1)),
        (Assessor.AGENCY, "Thứ hạng PCI", Decimal(2)),
    ]
    assert whole.by_assessor == {
        Assessor.COUNCIL: Decimal(2),
        Assessor.SURVEY: Decimal(5),
        Assessor.AGENCY: Decimal(3),
    }
