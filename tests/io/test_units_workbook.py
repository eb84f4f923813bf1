"""The units workbook: codes or labels for unit types, every bad row located."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, Location
from parapp.io.workbooks.units import UnitRow, read_units, write_units_template


@pytest.fixture
def criteria(sample_criteria_data: dict[str, Any]) -> CriteriaSet:
    return from_dict(sample_criteria_data)


@pytest.fixture
def template(criteria: CriteriaSet, tmp_path: Path) -> Path:
    path = tmp_path / "don-vi.xlsx"
    write_units_template(path, criteria)
    return path


def fill(path: Path, rows: list[list[Any]]) -> Path:
    workbook = load_workbook(path)
    for row in rows:
        workbook["DonVi"].append(row)
    workbook.save(path)
    return path


def at(row: int) -> Location:
    return Location("don-vi.xlsx", "DonVi", row)


def test_template_offers_the_sets_unit_types(template: Path) -> None:
    workbook = load_workbook(template)
    assert workbook.sheetnames == ["DonVi", "LoaiDonVi"]
    assert [c.value for c in workbook["DonVi"][1]] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"]
    assert [[c.value for c in r] for r in workbook["LoaiDonVi"].iter_rows(min_row=2)] == [
        ["Sở, ban, ngành", "so"],
        ["UBND xã, phường", "xa"],
    ]
    [validation] = workbook["DonVi"].data_validations.dataValidation
    assert validation.formula1 == "LoaiDonVi!$A$2:$A$3"


def test_units_are_read_with_codes_or_labels(template: Path, criteria: CriteriaSet) -> None:
    fill(
        template,
        [
            ["SNV", unicodedata.normalize("NFD", " Sở Nội vụ "), "so"],
            [],
            ["xa-tan-phu", "UBND xã Tân Phú", unicodedata.normalize("NFD", "ubnd XÃ,  phường")],
            [101, "Sở Tư pháp", "Sở, ban, ngành"],
        ],
    )
    assert read_units(template, criteria) == [
        UnitRow("SNV", "Sở Nội vụ", "so", at(2)),
        UnitRow("xa-tan-phu", "UBND xã Tân Phú", "xa", at(4)),
        UnitRow("101", "Sở Tư pháp", "so", at(5)),
    ]


def test_every_bad_row_is_located(template: Path, criteria: CriteriaSet) -> None:
    fill(
        template,
        [
            ["SNV", "Sở Nội vụ", "so"],
            ["SNV", "Sở Nội vụ (lặp)", "so"],  # duplicate id
            ["S TP", "Sở Tư pháp", "so"],  # bad id
            ["", "Sở Y tế", "so"],  # empty id
            ["SYT", "", "so"],  # empty name
            ["SGD", "Sở Giáo dục", "huyện"],  # unknown type
            ["=A1", "Sở Tài chính", "so"],  # formula
        ],
    )
    with pytest.raises(ImportFormatError) as caught:
        read_units(template, criteria)
    assert {(p.location.row, p.location.column) for p in caught.value.problems} == {
        (3, "A"),
        (4, "A"),
        (5, "A"),
        (6, "B"),
        (7, "C"),
        (8, "A"),
    }
    [repeated] = [p for p in caught.value.problems if p.location.row == 3]
    assert repeated.message.en == "Unit id “SNV” is repeated (already on row 2)."
