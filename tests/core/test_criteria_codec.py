"""Canonical JSON of a criteria set: exact round trips, a located message per type error."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from parapp.core.criteria import (
    Band,
    BandsRule,
    BonusMode,
    CriteriaSet,
    FreeRule,
    Level,
    LevelsRule,
    ProportionalRule,
    RankingMethod,
)
from parapp.core.criteria_codec import dumps, from_dict, loads, rule_dict, rule_from_data, to_dict
from parapp.core.errors import ImportFormatError, Location

D = Decimal


def rich(mini_dict: dict[str, Any]) -> dict[str, Any]:
    """The mini set with every optional field and option set to a non-default value."""
    mini_dict.update(
        decision="1880/QĐ-UBND ngày 26/12/2013",
        note="Mẫu minh họa",
        ranking="competition",
        bonus_mode="outside",
        index_places=3,
    )
    nodes = {n["code"]: n for n in mini_dict["nodes"]}
    nodes["2.1"].update(guidance="Rà soát đủ: 2", evidence="Báo cáo rà soát")
    nodes["1.1.4"]["rule"]["step"] = "0.5"
    nodes["2.2"]["rule"].update(figure_label="Tỷ lệ hài lòng", figure_unit="điểm")
    return mini_dict


def test_dumps_then_loads_gives_the_same_set(mini_dict: dict[str, Any]) -> None:
    original = from_dict(rich(mini_dict), "rich.json")
    assert original.ranking is RankingMethod.COMPETITION
    assert original.bonus_mode is BonusMode.OUTSIDE
    text = dumps(original)
    again = loads(text, "rich.json")
    assert again == original
    assert dumps(again) == text
    assert loads(text.encode("utf-8")) == original


def test_canonical_json_sorts_keys_writes_decimals_as_text_and_omits_defaults(
    mini_set: CriteriaSet,
) -> None:
    text = dumps(mini_set)
    assert text.endswith("}\n")
    assert "Công tác chỉ đạo" in text  # UTF-8 as is, not \\u escapes
    data = json.loads(text)
    assert list(data) == sorted(data)
    nodes = {n["code"]: n for n in data["nodes"]}
    assert nodes["1"] == {"code": "1", "maximum": "5", "name": "Công tác chỉ đạo, điều hành CCHC"}
    assert nodes["10"]["minimum"] == "-3"
    assert nodes["3"]["maximum_by_unit_type"] == {"so-khong-tthc": "2"}
    assert nodes["2"]["applies_to"] == ["so"]
    assert nodes["1.1.4"]["rule"]["bands"][2] == {
        "inclusive": True,
        "label": "<70%",
        "lower": None,
        "score": "0",
    }
    assert data["classes"][0] == {"label": "Xuất sắc", "lower": "90"}
    assert to_dict(mini_set)["ranking_groups"][0]["unit_types"] == ["so", "so-khong-tthc"]


@pytest.mark.parametrize(
    ("rule", "data"),
    [
        (FreeRule(), {"kind": "free"}),
        (FreeRule(step=D("0.25")), {"kind": "free", "step": "0.25"}),
        (
            LevelsRule((Level(D(1), "Đạt"), Level(D(0)))),
            {
                "kind": "levels",
                "levels": [{"value": "1", "label": "Đạt"}, {"value": "0", "label": ""}],
            },
        ),
        (
            BandsRule((Band(D(2), D(90), False, ">90%"),), "Tỷ lệ", "%", D("0.5")),
            {
                "kind": "bands",
                "figure_label": "Tỷ lệ",
                "figure_unit": "%",
                "bands": [{"score": "2", "lower": "90", "inclusive": False, "label": ">90%"}],
                "step": "0.5",
            },
        ),
        (
            ProportionalRule(D(50), "Hài lòng", "%"),
            {
                "kind": "proportional",
                "figure_max": "50",
                "figure_label": "Hài lòng",
                "figure_unit": "%",
            },
        ),
    ],
)
def test_rules_round_trip_as_data(
    rule: FreeRule | LevelsRule | BandsRule | ProportionalRule, data: dict[str, Any]
) -> None:
    assert rule_dict(rule) == data
    assert rule_from_data(json.loads(json.dumps(data))) == rule


def test_missing_rule_is_a_free_rule_and_defaults_fill_in() -> None:
    assert rule_from_data(None) == FreeRule()
    assert rule_from_data({"kind": "proportional"}) == ProportionalRule()
    assert rule_from_data({"kind": "bands", "bands": [{"score": 1}]}) == BandsRule((Band(D(1)),))


def test_library_floats_become_their_shortest_decimal(base_dict: Any) -> None:
    data = base_dict(nodes=[{"code": "1", "name": "A", "maximum": 0.1}])
    assert from_dict(data).node("1").maximum == D("0.1")


def problems(data: object) -> list[str]:
    with pytest.raises(ImportFormatError) as info:
        from_dict(data, "bo.json")
    return [p.describe() for p in info.value.problems]


def test_text_that_is_not_json_is_refused() -> None:
    texts: list[str | bytes] = ["{", "[1, NaN]", b'{"a": "\xff"}']
    for text in texts:
        with pytest.raises(ImportFormatError) as info:
            loads(text, "bo.json")
        (problem,) = info.value.problems
        assert problem.location == Location(file="bo.json")
        assert problem.message.vi.startswith("Không đọc được JSON: ")
        assert problem.message.en.startswith("Not valid JSON: ")


def test_json_that_is_not_an_object_is_refused() -> None:
    assert problems([1, 2]) == ["bo.json, cột $: Tệp phải chứa một đối tượng JSON."]


@pytest.mark.parametrize(
    "change", [{"format": "other"}, {"format_version": 2}, {"format_version": None}]
)
def test_other_formats_are_refused(base_dict: Any, change: dict[str, Any]) -> None:
    assert problems(base_dict(**change)) == [
        "bo.json, cột format: Không phải bộ tiêu chí parapp "
        "(cần format “parapp-criteria”, format_version 1)."
    ]


TOP = "bo.json, cột"
NODE = "bo.json, trang tính 'nodes', dòng 1, cột"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # Reported once: the substitute put in its place is not checked again.
        ({"year": "2026"}, [f"{TOP} year: “year” phải là số nguyên."]),
        ({"year": True}, [f"{TOP} year: “year” phải là số nguyên."]),
        ({"index_places": 2.0}, [f"{TOP} index_places: “index_places” phải là số nguyên."]),
        ({"index_places": False}, [f"{TOP} index_places: “index_places” phải là số nguyên."]),
        ({"decision": 5}, [f"{TOP} decision: “decision” phải là chuỗi."]),
        (
            {"unit_types": {"so": "Sở"}},
            [f"{TOP} unit_types: “unit_types” phải là danh sách đối tượng."],
        ),
        (
            {"unit_types": ["so"]},
            [f"{TOP} unit_types: “unit_types” phải là danh sách đối tượng."],
        ),
        (
            {
                "unit_types": [{"code": "so", "label": "Sở"}],
                "ranking_groups": [{"code": "g", "label": "Nhóm", "unit_types": "so"}],
            },
            [
                "bo.json, trang tính 'ranking_groups', dòng 1, cột unit_types: "
                "“unit_types” phải là danh sách chuỗi."
            ],
        ),
        (
            {"classes": [{"label": "Tốt"}]},
            ["bo.json, trang tính 'classes', dòng 1, cột lower: Thiếu “lower”."],
        ),
        (
            {"classes": [{"label": "Tốt", "lower": "tám mươi"}]},
            [
                "bo.json, trang tính 'classes', dòng 1, cột lower: "
                "“lower” “tám mươi” không phải là số hợp lệ (ví dụ: 8,5 hoặc 8.5)."
            ],
        ),
        (
            {"ranking": "alphabetical"},
            [f"{TOP} ranking: “ranking” = “alphabetical” không hợp lệ (chọn: dense, competition)."],
        ),
        (
            {"bonus_mode": ["inside"]},
            [
                f"{TOP} bonus_mode: “bonus_mode” = “['inside']” không hợp lệ "
                "(chọn: inside, outside)."
            ],
        ),
    ],
)
def test_metadata_type_errors_are_located(
    base_dict: Any, change: dict[str, Any], expected: list[str]
) -> None:
    assert problems(base_dict(**change)) == expected


MAX_NOT_ABOVE_MIN = f"{NODE} maximum: Mục “1”: điểm tối đa phải lớn hơn điểm tối thiểu."


def leaf(**fields: Any) -> dict[str, Any]:
    return {"code": "1", "name": "Mục 1", "maximum": "10", **fields}


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (leaf(maximum=None), [f"{NODE} maximum: Thiếu “maximum”."]),
        (leaf(maximum=True), [f"{NODE} maximum: “maximum” không phải là số."]),
        (
            leaf(minimum="0.00001"),
            [f"{NODE} minimum: “minimum” “0.00001” có quá 4 chữ số thập phân."],
        ),
        (leaf(guidance=["a"]), [f"{NODE} guidance: “guidance” phải là chuỗi."]),
        (
            leaf(assessor="public"),
            [
                f"{NODE} assessor: “assessor” = “public” không hợp lệ "
                "(chọn: council, survey, agency, leadership)."
            ],
        ),
        (
            leaf(role="extra"),
            [f"{NODE} role: “role” = “extra” không hợp lệ (chọn: normal, bonus, penalty)."],
        ),
        (
            leaf(aggregation="max"),
            [f"{NODE} aggregation: “aggregation” = “max” không hợp lệ (chọn: sum, cap)."],
        ),
        (
            leaf(applies_to="so"),
            [f"{NODE} applies_to: “applies_to” phải là danh sách chuỗi."],
        ),
        (
            leaf(maximum_by_unit_type=["so", "2"]),
            [f"{NODE} maximum_by_unit_type: Phải là đối tượng."],
        ),
        (leaf(rule="levels"), [f"{NODE} rule: Cách chấm phải là đối tượng."]),
        (
            leaf(rule={"kind": "formula"}),
            [
                f"{NODE} rule: Loại cách chấm “formula” không có "
                "(free, levels, bands, proportional)."
            ],
        ),
        (
            leaf(rule={"kind": "levels", "levels": "1;0"}),
            [f"{NODE} rule: “levels” phải là danh sách đối tượng."],
        ),
        (
            leaf(rule={"kind": "bands", "bands": [{"score": "1", "inclusive": "yes"}]}),
            [f"{NODE} rule: “inclusive” phải là true/false."],
        ),
        (
            leaf(rule={"kind": "free", "step": "x"}),
            [f"{NODE} rule: “step” “x” không phải là số hợp lệ (ví dụ: 8,5 hoặc 8.5)."],
        ),
    ],
)
def test_node_type_errors_are_located(
    base_dict: Any, node: dict[str, Any], expected: list[str]
) -> None:
    assert problems(base_dict(nodes=[node])) == expected


def test_type_errors_and_structural_problems_are_reported_together(base_dict: Any) -> None:
    data = base_dict(form_id=7, nodes=[leaf(maximum="0")])
    assert problems(data) == [
        f"{TOP} form_id: “form_id” phải là chuỗi.",
        MAX_NOT_ABOVE_MIN,
    ]


def test_nodes_must_be_a_list_of_objects(base_dict: Any) -> None:
    assert problems(base_dict(nodes={"1": {}})) == [
        f"{TOP} nodes: “nodes” phải là danh sách đối tượng."
    ]


def test_rule_problems_name_the_given_location() -> None:
    where = Location("bo.xlsx", "TieuChi", 7, "H")
    with pytest.raises(ImportFormatError) as info:
        rule_from_data({"kind": "levels", "levels": [{"value": "?"}]}, "bo.xlsx", where)
    assert [p.describe("en") for p in info.value.problems] == [
        "bo.xlsx, sheet 'TieuChi', row 7, column H: "
        "“value” “?” is not a valid number (for example 8,5 or 8.5)."
    ]
    with pytest.raises(ImportFormatError) as info:
        rule_from_data([], "bo.xlsx")
    assert info.value.problems[0].location == Location(file="bo.xlsx", column="rule")
