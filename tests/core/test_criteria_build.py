"""Assembling a set from flat rows: every structural check, each with its exact message."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from parapp.core.criteria import (
    Aggregation,
    Band,
    BandsRule,
    ClassBand,
    CriteriaSet,
    FreeRule,
    Level,
    LevelsRule,
    ProportionalRule,
    RankingGroup,
    Role,
    UnitType,
)
from parapp.core.criteria_build import NodeSpec, assemble, nfc, specs_of
from parapp.core.errors import ImportFormatError, Location

D = Decimal
COLUMNS = {"code": "A", "name": "B", "maximum": "C", "minimum": "D", "rule": "E"}

META = CriteriaSet(
    form_id="TEST-SO-2026",
    version="2026010101",
    year=2026,
    name="Bộ thử",
    nodes=(),
    unit_types=(UnitType("so", "Sở"), UnitType("xa", "Xã")),
)


def row(code: str, maximum: str = "1", n: int = 0, **fields: Any) -> NodeSpec:
    """A row of sheet 'TieuChi' in bo.xlsx (row n, or a number derived from the code)."""
    where = Location("bo.xlsx", "TieuChi", n or len(code))
    name = fields.pop("name", f"Mục {code}")
    return NodeSpec(code=code, name=name, maximum=D(maximum), location=where, **fields)


def base_rows() -> list[NodeSpec]:
    return [row("1", "2", 2), row("1.1", "1", 3), row("1.2", "1", 4)]


def problems(meta: CriteriaSet = META, specs: list[NodeSpec] | None = None) -> list[str]:
    """Every problem as "location: Vietnamese message"."""
    with pytest.raises(ImportFormatError) as info:
        assemble(meta, base_rows() if specs is None else specs, COLUMNS, source="bo.xlsx")
    return [p.describe() for p in info.value.problems]


def english(meta: CriteriaSet = META, specs: list[NodeSpec] | None = None) -> list[str]:
    with pytest.raises(ImportFormatError) as info:
        assemble(meta, base_rows() if specs is None else specs, COLUMNS, source="bo.xlsx")
    return [p.message.en for p in info.value.problems]


def test_sound_rows_build_the_tree() -> None:
    built = assemble(META, base_rows())
    assert [n.code for n in built.walk()] == ["1", "1.1", "1.2"]
    assert built.nodes[0].children[1].maximum == D(1)


def test_assembly_round_trips_through_rows(mini_set: CriteriaSet) -> None:
    assert assemble(mini_set, specs_of(mini_set)) == mini_set


def test_text_is_normalised_to_nfc_and_stripped() -> None:
    decomposed = unicodedata.normalize("NFD", "Kế hoạch")
    assert decomposed != "Kế hoạch"
    assert nfc(f"  {decomposed} ") == "Kế hoạch"
    meta = replace(
        META,
        name=decomposed,
        classes=(ClassBand("Khá", D(70)), ClassBand(decomposed, D(90))),
        ranking_groups=(RankingGroup(" g ", decomposed, frozenset({"so"})),),
    )
    specs = [
        row(" 1 ", "1", name=decomposed, rule=LevelsRule((Level(D(1), decomposed), Level(D(0))))),
        row("2", "1", rule=BandsRule((Band(D(1), label=decomposed),), figure_label=decomposed)),
        row("3", "1", rule=ProportionalRule(figure_label=decomposed)),
    ]
    built = assemble(meta, specs)
    assert built.name == "Kế hoạch"
    assert [c.label for c in built.classes] == ["Kế hoạch", "Khá"]  # sorted high to low
    assert built.ranking_groups[0].code == "g"
    first = built.node("1")
    assert first.name == "Kế hoạch"
    assert isinstance(first.rule, LevelsRule)
    assert first.rule.levels[0].label == "Kế hoạch"
    bands = built.node("2").rule
    assert isinstance(bands, BandsRule)
    assert (bands.figure_label, bands.bands[0].label) == ("Kế hoạch", "Kế hoạch")
    proportional = built.node("3").rule
    assert isinstance(proportional, ProportionalRule)
    assert proportional.figure_label == "Kế hoạch"


# --- metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"form_id": "bad id!"},
            "cột form_id: Mã bộ tiêu chí “bad id!” không hợp lệ (chữ, số, '-', '_', '.').",
        ),
        (
            {"version": "2026"},
            "cột version: Phiên bản “2026” phải có dạng yyyymmddrr, ví dụ 2026010101.",
        ),
        (
            {"version": "2026023101"},  # 31 February
            "cột version: Phiên bản “2026023101” phải có dạng yyyymmddrr, ví dụ 2026010101.",
        ),
        ({"year": 1999}, "cột year: Năm 1999 không hợp lệ."),
        ({"name": "  "}, "cột name: Tên bộ tiêu chí đang để trống."),
        (
            {"index_places": 5},
            "cột index_places: Số chữ số thập phân của chỉ số phải từ 0 đến 4.",
        ),
        (
            {"rounding": "half_even"},
            "cột rounding: Cách làm tròn “half_even” không được hỗ trợ (chỉ half_up).",
        ),
        (
            {"unit_types": (UnitType("so", "Sở"), UnitType("so", "Sở khác"))},
            "cột unit_types: Mã loại đơn vị “so” trống, sai dạng hoặc bị trùng.",
        ),
        (
            {"unit_types": (UnitType("", "Không mã"),)},
            "cột unit_types: Mã loại đơn vị “” trống, sai dạng hoặc bị trùng.",
        ),
        (
            {"unit_types": (UnitType("xa", " "),)},
            "cột unit_types: Loại đơn vị “xa” chưa có tên.",
        ),
        (
            {"ranking_groups": (RankingGroup("g", "Nhóm", frozenset({"so", "huyen"})),)},
            "cột ranking_groups: Nhóm xếp hạng “g” nêu loại đơn vị không có: huyen.",
        ),
        (
            {
                "ranking_groups": (
                    RankingGroup("g1", "Nhóm 1", frozenset({"so"})),
                    RankingGroup("g2", "Nhóm 2", frozenset({"so", "xa"})),
                )
            },
            "cột ranking_groups: Loại đơn vị so thuộc nhiều nhóm xếp hạng.",
        ),
        (
            {"ranking_groups": (RankingGroup("g", "", frozenset({"so"})),)},
            "cột ranking_groups: Nhóm xếp hạng phải có mã và tên.",
        ),
        (
            {"ranking_groups": (RankingGroup("", "Nhóm", frozenset({"so"})),)},
            "cột ranking_groups: Nhóm xếp hạng phải có mã và tên.",
        ),
        (
            {"classes": (ClassBand("Tốt", D(80)), ClassBand("Khá", D(80)))},
            "cột classes: Hai mức xếp loại có cùng ngưỡng dưới.",
        ),
        (
            {"classes": (ClassBand("Tốt", D(101)),)},
            "cột classes: Mức xếp loại “Tốt” phải có tên và ngưỡng từ 0 đến 100.",
        ),
        (
            {"classes": (ClassBand("", D(50)),)},
            "cột classes: Mức xếp loại “” phải có tên và ngưỡng từ 0 đến 100.",
        ),
        (
            {"classes": (ClassBand("Yếu", D(-1)),)},
            "cột classes: Mức xếp loại “Yếu” phải có tên và ngưỡng từ 0 đến 100.",
        ),
    ],
)
def test_metadata_problems(change: dict[str, Any], expected: str) -> None:
    assert problems(replace(META, **change)) == [expected]


def test_metadata_problem_is_reported_where_the_value_sits() -> None:
    where = {"year": Location("bo.xlsx", "ThongTin", 3, "B")}
    with pytest.raises(ImportFormatError) as info:
        assemble(replace(META, year=3000), base_rows(), meta_locations=where, source="bo.xlsx")
    assert info.value.problems[0].describe() == (
        "bo.xlsx, trang tính 'ThongTin', dòng 3, cột B: Năm 3000 không hợp lệ."
    )
    assert info.value.problems[0].message.en == "Year 3000 is invalid."
    assert info.value.describe().startswith("Không nhập được bo.xlsx: 1 lỗi")


# --- rows ----------------------------------------------------------------------------------

AT_2 = "bo.xlsx, trang tính 'TieuChi', dòng 2"


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        ([], "bo.xlsx: Bộ tiêu chí không có dòng nào."),
        ([row("1..2", "1", 2)], f"{AT_2}, cột A: Mã “1..2” không hợp lệ (dạng 1, 1.2, 1.2.3)."),
        (
            [row("1", "1", 1), row("2.1", "1", 2)],
            f"{AT_2}, cột A: Mã “2.1” không có mục cha “2”.",
        ),
        ([row("1", "1", 2, name=" ")], f"{AT_2}, cột B: Mục “1” chưa có tên."),
        (
            [row("1", "1", 2, minimum=D(2))],
            f"{AT_2}, cột D: Mục “1”: điểm tối thiểu lớn hơn điểm tối đa.",
        ),
        (
            [row("1", "1", 2, applies_to=frozenset({"huyen", "so"}))],
            f"{AT_2}, cột applies_to: Mục “1” nêu loại đơn vị không có trong bộ: huyen.",
        ),
        (
            [row("1", "1", 2, maximum_by_unit_type={"huyen": D(2)})],
            f"{AT_2}, cột maximum_by_unit_type: Mục “1” nêu loại đơn vị không có trong bộ: huyen.",
        ),
        (
            [
                row("1", "1", 1, applies_to=frozenset({"so"})),
                row("1.1", "1", 2, applies_to=frozenset({"so", "xa"})),
            ],
            f"{AT_2}, cột applies_to: Mục “1.1” áp dụng cho xa nhưng mục cha thì không.",
        ),
        (
            [
                row("9", "1", 1, role=Role.BONUS, aggregation=Aggregation.CAP),
                row("9.1", "1", 2),
            ],
            f"{AT_2}, cột role: Mục “9.1” phải cùng loại điểm thưởng/trừ với mục cha “9”.",
        ),
        (
            [row("1", "1", 2, rule=FreeRule(step=D("0.5"))), row("1.1", "1", 3)],
            f"{AT_2}, cột E: Mục “1” có mục con nên không có cách chấm riêng.",
        ),
        (
            [row("1", "1", 2, rule=LevelsRule((Level(D(1)),))), row("1.1", "1", 3)],
            f"{AT_2}, cột E: Mục “1” có mục con nên không có cách chấm riêng.",
        ),
        (
            [row("1", "0", 2)],
            f"{AT_2}, cột C: Mục “1”: điểm tối đa phải lớn hơn điểm tối thiểu.",
        ),
        (
            [row("1", "1", 2, rule=FreeRule(step=D(0)))],
            f"{AT_2}, cột E: Mục “1”: bước điểm phải lớn hơn 0.",
        ),
        (
            [row("1", "1", 2, rule=BandsRule((Band(D(1)),), step=D(-1)))],
            f"{AT_2}, cột E: Mục “1”: bước điểm phải lớn hơn 0.",
        ),
        (
            [row("1", "1", 2, rule=LevelsRule(()))],
            f"{AT_2}, cột E: Mục “1”: danh sách mức điểm trống hoặc có mức trùng.",
        ),
        (
            [row("1", "1", 2, rule=LevelsRule((Level(D(1)), Level(D("1.00")))))],
            f"{AT_2}, cột E: Mục “1”: danh sách mức điểm trống hoặc có mức trùng.",
        ),
        (
            [row("1", "1", 2, rule=ProportionalRule(figure_max=D(0)))],
            f"{AT_2}, cột E: Mục “1”: giá trị tối đa của số liệu phải lớn hơn 0.",
        ),
        (
            [
                row(
                    "1",
                    "1",
                    2,
                    rule=LevelsRule((Level(D("1.5")), Level(D("0.5")), Level(D("-0.25")))),
                )
            ],
            f"{AT_2}, cột E: Mục “1”: mức điểm -0,25; 1,5 nằm ngoài khoảng tối thiểu–tối đa.",
        ),
    ],
)
def test_row_problems(specs: list[NodeSpec], expected: str) -> None:
    assert problems(specs=specs) == [expected]


BAD_BANDS = [
    (),
    (Band(D(1), D(70)), Band(D(2), D(90))),  # low to high
    (Band(D(0)), Band(D(1), D(70))),  # the fallback is not last
    (Band(D(1), D(70)), Band(D(0)), Band(D(0))),  # two fallbacks
]


@pytest.mark.parametrize("bands", BAD_BANDS)
def test_bands_must_run_high_to_low_with_the_fallback_last(bands: tuple[Band, ...]) -> None:
    assert problems(specs=[row("1", "2", 2, rule=BandsRule(bands))]) == [
        f"{AT_2}, cột E: Mục “1”: các khoảng phải xếp từ cao xuống thấp, "
        "khoảng “còn lại” đứng cuối."
    ]


def test_duplicate_code_names_the_first_row_in_each_language() -> None:
    specs = [row("1", "1", 2), row("1", "1", 5)]
    assert problems(specs=specs) == [
        "bo.xlsx, trang tính 'TieuChi', dòng 5, cột A: "
        "Mã “1” bị trùng (đã có ở bo.xlsx, trang tính 'TieuChi', dòng 2)."
    ]
    assert english(specs=specs) == [
        "Code “1” is duplicated (already at bo.xlsx, sheet 'TieuChi', row 2)."
    ]


def test_parent_maximum_must_equal_its_childrens_per_unit_type() -> None:
    specs = [
        row("1", "14.5", 2, maximum_by_unit_type={"xa": D(1)}),
        row("1.1", "10", 3),
        row("1.2", "4", 4, applies_to=frozenset({"so"})),
    ]
    assert problems(specs=specs) == [
        f"{AT_2}, cột C: Mục “1” (loại đơn vị so): điểm tối đa 14,5 khác tổng điểm tối đa "
        "của các mục con 14.",
        f"{AT_2}, cột C: Mục “1” (loại đơn vị xa): điểm tối đa 1 khác tổng điểm tối đa "
        "của các mục con 10.",
    ]
    assert english(specs=specs)[0] == (
        "Item “1” (unit type so): maximum 14.5 differs from the sum of its children's maxima 14."
    )


def test_parent_sums_without_unit_types_and_skipping_other_types() -> None:
    specs = [row("1", "3", 2), row("1.1", "1", 3), row("1.2", "1", 4)]
    assert problems(replace(META, unit_types=()), specs) == [
        f"{AT_2}, cột C: Mục “1”: điểm tối đa 3 khác tổng điểm tối đa của các mục con 2."
    ]
    only_so = [
        row("1", "2", 2, applies_to=frozenset({"so"})),
        row("1.1", "1", 3),
        row("1.2", "1", 4),
    ]
    assert assemble(META, only_so).node("1").applies_to == frozenset({"so"})


def test_capped_groups_need_not_sum_to_their_cap() -> None:
    specs = [
        row("9", "2", 2, role=Role.BONUS, aggregation=Aggregation.CAP),
        row("9.1", "1.5", 3, role=Role.BONUS),
        row("9.2", "1.5", 4, role=Role.BONUS),
    ]
    assert assemble(META, specs).node("9").aggregation is Aggregation.CAP


def test_every_problem_is_collected_in_one_go() -> None:
    specs = [row("1", "1", 2, name=""), row("x y", "1", 3)]
    assert len(problems(replace(META, year=1), specs)) == 3


def test_unmapped_fields_are_named_by_their_field() -> None:
    with pytest.raises(ImportFormatError) as info:
        assemble(META, [row("1", "0", 2)])
    assert info.value.problems[0].location.column == "maximum"


# --- each problem once, and every other problem still found ---------------------------------


def nothing_reported(meta: CriteriaSet, specs: list[NodeSpec], skip: set[str]) -> CriteriaSet:
    return assemble(meta, specs, COLUMNS, source="bo.xlsx", unreadable=skip)


@pytest.mark.parametrize(
    "specs",
    [
        [row("1", "0", 2, unreadable=frozenset({"maximum"}))],
        [row("1", "1", 2, minimum=D(5), unreadable=frozenset({"minimum"}))],
        [row("1", "1", 2, name="", unreadable=frozenset({"name"}))],
        [
            row("1", "1", 2, rule=LevelsRule((Level(D(7)),)), unreadable=frozenset({"rule"})),
            row("1.1", "1", 3),
        ],
        [row("1", "1", 2, rule=FreeRule(step=D(0)), unreadable=frozenset({"rule"}))],
        [
            row("9", "1", 2, role=Role.BONUS, aggregation=Aggregation.CAP),
            row("9.1", "1", 3, unreadable=frozenset({"role"})),
        ],
        # the parent's sum depends on an unreadable maximum below it
        [
            row("1", "5", 2),
            row("1.1", "1", 3),
            row("1.1.1", "0", 4, unreadable=frozenset({"maximum"})),
        ],
        # a row whose code is unknown counts in the subtree of the row above it
        [row("1", "5", 2), row("1.1", "1", 3), row("", "4", 4, unreadable=frozenset({"code"}))],
    ],
)
def test_a_value_already_reported_is_not_checked_again(specs: list[NodeSpec]) -> None:
    nothing_reported(META, specs, set())


@pytest.mark.parametrize(
    ("change", "skip"),
    [
        ({"year": 0, "form_id": "", "name": ""}, {"year", "form_id", "name"}),
        ({"unit_types": (UnitType("so", "Sở"), UnitType("so", "Sở"))}, {"unit_types.2"}),
        ({"unit_types": (UnitType("so", ""),)}, {"unit_types.1.label"}),
        ({"classes": (ClassBand("Tốt", D(0)), ClassBand("Khá", D(0)))}, {"classes.2"}),
        ({"classes": (ClassBand("", D(500)),)}, {"classes"}),
        ({"ranking_groups": (RankingGroup("g", "", frozenset({"huyen"})),)}, {"unit_types"}),
    ],
)
def test_metadata_already_reported_is_not_checked_again(
    change: dict[str, Any], skip: set[str]
) -> None:
    nothing_reported(replace(META, **change), base_rows(), skip)


def test_unknown_unit_types_leave_rows_and_sums_unchecked() -> None:
    specs = [row("1", "3", 2), row("1.1", "1", 3, applies_to=frozenset({"huyen"}))]
    built = nothing_reported(replace(META, unit_types=()), specs, {"unit_types"})
    assert built.node("1.1").applies_to == frozenset({"huyen"})


def test_unread_rows_are_not_reported_as_an_empty_set() -> None:
    assert nothing_reported(META, [], {"nodes"}).nodes == ()


def test_sums_are_checked_on_every_sound_subtree_despite_code_problems() -> None:
    specs = [
        row("1", "3", 2),  # 1.1 is duplicated below: its sum is not checked
        row("1.1", "1", 3),
        row("1.2", "1", 4),
        row("2", "5", 5),  # a sound subtree that does not add up
        row("2.1", "1", 6),
        row("2.2", "1", 7),
        row("3", "9", 8),  # "3..1" is malformed and would be under it
        row("3.1", "1", 9),
        row("3..1", "1", 10),
        row("4", "9", 11),  # 4.1.1 is an orphan that would be under it
        row("4.1.1", "1", 12),
        row("4.2", "1", 13),
        row("1.1", "1", 14),
    ]
    assert problems(replace(META, unit_types=()), specs) == [
        "bo.xlsx, trang tính 'TieuChi', dòng 10, cột A: "
        "Mã “3..1” không hợp lệ (dạng 1, 1.2, 1.2.3).",
        "bo.xlsx, trang tính 'TieuChi', dòng 14, cột A: "
        "Mã “1.1” bị trùng (đã có ở bo.xlsx, trang tính 'TieuChi', dòng 3).",
        "bo.xlsx, trang tính 'TieuChi', dòng 12, cột A: Mã “4.1.1” không có mục cha “4.1”.",
        "bo.xlsx, trang tính 'TieuChi', dòng 5, cột C: "
        "Mục “2”: điểm tối đa 5 khác tổng điểm tối đa của các mục con 2.",
    ]


def test_a_repeated_unit_type_is_summed_once() -> None:
    meta = replace(META, unit_types=(UnitType("so", "Sở"), UnitType("so", "Sở")))
    specs = [row("1", "3", 2), row("1.1", "1", 3)]
    assert [p for p in problems(meta, specs) if "khác tổng" in p] == [
        "bo.xlsx, trang tính 'TieuChi', dòng 2, cột C: Mục “1” (loại đơn vị so): "
        "điểm tối đa 3 khác tổng điểm tối đa của các mục con 1."
    ]


def test_list_items_are_located_on_their_own_row() -> None:
    where = {
        "unit_types.2": Location("bo.xlsx", "LoaiDonVi", 3, "A"),
        "unit_types.1.label": Location("bo.xlsx", "LoaiDonVi", 2, "B"),
        "ranking_groups.1": Location("bo.xlsx", "LoaiDonVi", 2, "D"),
        "classes.2": Location("bo.xlsx", "XepLoai", 3, "B"),
    }
    meta = replace(
        META,
        unit_types=(UnitType("so", ""), UnitType("so", "Sở")),
        ranking_groups=(RankingGroup("g", "", frozenset({"so"})),),
        classes=(ClassBand("Tốt", D(80)), ClassBand("Khá", D(120))),
    )
    with pytest.raises(ImportFormatError) as info:
        assemble(meta, base_rows(), COLUMNS, where, "bo.xlsx")
    assert [(p.location.sheet, p.location.row, p.location.column) for p in info.value.problems] == [
        ("LoaiDonVi", 2, "B"),
        ("LoaiDonVi", 3, "A"),
        ("LoaiDonVi", 2, "D"),
        ("XepLoai", 3, "B"),
    ]


def test_the_same_wrong_sum_for_several_unit_types_is_one_problem() -> None:
    specs = [row("1", "3", 2), row("1.1", "1", 3)]
    assert problems(specs=specs) == [
        f"{AT_2}, cột C: Mục “1” (loại đơn vị so, xa): điểm tối đa 3 khác tổng điểm tối đa "
        "của các mục con 1."
    ]


def test_an_unknown_unit_type_leaves_its_parents_sums_unchecked() -> None:
    specs = [
        row("1", "2", 2),
        row("1.1", "1", 3),
        row("1.2", "1", 4, applies_to=frozenset({"huyen"})),
    ]
    assert problems(specs=specs) == [
        "bo.xlsx, trang tính 'TieuChi', dòng 4, cột applies_to: "
        "Mục “1.2” nêu loại đơn vị không có trong bộ: huyen."
    ]


def test_a_problem_the_sum_does_not_depend_on_leaves_the_sum_checked() -> None:
    specs = [row("1", "3", 2), row("1.1", "1", 3, name=""), row("1.2", "1", 4)]
    assert problems(replace(META, unit_types=()), specs) == [
        "bo.xlsx, trang tính 'TieuChi', dòng 3, cột B: Mục “1.1” chưa có tên.",
        f"{AT_2}, cột C: Mục “1”: điểm tối đa 3 khác tổng điểm tối đa của các mục con 2.",
    ]
