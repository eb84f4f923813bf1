"""The results workbook: a row per unit x non-council item, filled rows read back located."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, Location
from parapp.core.rounds import Unit
from parapp.io.workbooks.results_input import ResultRow, read_results, write_results_template

UNITS = [Unit("A", "Sở Nội vụ", "so", "g1"), Unit("X", "=UBND xã", "xa", "g2")]
HEADER = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Mã mục",
    "Nội dung",
    "Điểm tối đa",
    "Số liệu",
    "Điểm",
    "Cách chấm",
]


@pytest.fixture
def criteria(sample_criteria_data: dict[str, Any]) -> CriteriaSet:
    return from_dict(sample_criteria_data)


@pytest.fixture
def template(criteria: CriteriaSet, tmp_path: Path) -> Path:
    path = tmp_path / "ket-qua.xlsx"
    write_results_template(path, criteria, UNITS)
    return path


def fill(path: Path, values: dict[str, Any]) -> Path:
    workbook = load_workbook(path)
    for ref, value in values.items():
        workbook["KetQua"][ref] = value
    workbook.save(path)
    return path


def row_at(row: int) -> Location:
    return Location("ket-qua.xlsx", "KetQua", row)


def test_template_lists_each_unit_and_item_not_scored_by_the_council(template: Path) -> None:
    sheet = load_workbook(template)["KetQua"]
    assert [c.value for c in sheet[1]] == HEADER
    rows = [[c.value for c in r][:5] for r in sheet.iter_rows(min_row=2)]
    assert rows == [
        ["A", "Sở Nội vụ", "2.2", "Mức độ hài lòng của người dân đối với giải quyết hồ sơ", 2],
        ["A", "Sở Nội vụ", "3.1", "Ứng dụng công nghệ thông tin, chuyển đổi số", 2],
        ["X", "=UBND xã", "2.2", "Mức độ hài lòng của người dân đối với giải quyết hồ sơ", 2],
    ]
    assert sheet["B4"].data_type == "s"
    assert sheet["H2"].value == "Theo Chỉ số hài lòng SIPAS: điểm = 2 × số liệu / 100%."
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])


def test_filled_rows_come_back_exactly_and_blank_rows_are_skipped(template: Path) -> None:
    fill(template, {"F2": 88.3, "G3": "1,5"})
    assert read_results(template) == [
        ResultRow("A", "2.2", Decimal("88.3"), None, row_at(2)),
        ResultRow("A", "3.1", None, Decimal("1.5"), row_at(3)),
    ]


def test_points_and_figure_on_one_row_are_both_kept(template: Path) -> None:
    fill(template, {"F4": 91, "G4": 1.82})
    assert read_results(template) == [
        ResultRow("X", "2.2", Decimal(91), Decimal("1.82"), row_at(4)),
    ]


def test_every_bad_cell_is_located(template: Path) -> None:
    fill(
        template,
        {
            "F2": -3,  # negative figure
            "G3": "=1+1",  # formula
            "F4": "nhiều",  # text
            "G5": 1,  # a row the secretary added without unit id and item code
            "G6": 0.125,  # too many decimals, and no ids either
            "A6": "A",
            "C6": "2.2",
        },
    )
    with pytest.raises(ImportFormatError) as caught:
        read_results(template)
    assert {
        (p.location.sheet, p.location.row, p.location.column) for p in caught.value.problems
    } == {
        ("KetQua", 2, "F"),
        ("KetQua", 3, "G"),
        ("KetQua", 4, "F"),
        ("KetQua", 5, "A"),
        ("KetQua", 5, "C"),
        ("KetQua", 6, "G"),
    }


def test_changed_header_and_missing_sheet_are_refused(template: Path, tmp_path: Path) -> None:
    fill(template, {"G1": "Điểm số"})
    with pytest.raises(ImportFormatError) as caught:
        read_results(template)
    assert [(p.location.row, p.location.column) for p in caught.value.problems] == [(1, "G")]
    workbook = load_workbook(template)
    workbook["KetQua"].title = "Sheet1"
    workbook.save(template)
    with pytest.raises(ImportFormatError) as caught:
        read_results(template)
    assert caught.value.problems[0].location.sheet == "KetQua"
