"""The units workbook: codes or labels for unit types, every bad row located."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.criteria import CriteriaSet, RankingGroup
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
    assert [c.value for c in workbook["DonVi"][1]] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Nhóm xếp hạng",
    ]
    assert [[c.value for c in r] for r in workbook["LoaiDonVi"].iter_rows(min_row=2)] == [
        ["Sở, ban, ngành", "so", "Khối sở"],
        ["UBND xã, phường", "xa", "Khối xã"],
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


def test_a_workbook_without_the_group_column_still_reads(
    criteria: CriteriaSet, tmp_path: Path
) -> None:
    """Units workbooks of the first release have three columns."""
    path = tmp_path / "don-vi.xlsx"
    write_units_template(path, criteria)
    workbook = load_workbook(path)
    workbook["DonVi"].delete_cols(4)
    workbook["DonVi"].append(["SNV", "Sở Nội vụ", "so"])
    workbook.save(path)
    assert read_units(path, criteria) == [UnitRow("SNV", "Sở Nội vụ", "so", at(2))]


def test_the_group_column_is_checked_against_the_rounds_groups(
    template: Path, criteria: CriteriaSet
) -> None:
    fill(
        template,
        [
            ["SNV", "Sở Nội vụ", "so", "Khối sở"],  # by label
            ["xa-a", "UBND xã A", "xa", "g2"],  # by code
            ["xa-b", "UBND xã B", "xa", ""],  # blank: the group of its type
            ["SYT", "Sở Y tế", "so", "khoi-huyen"],  # unknown group
            ["xa-c", "UBND xã C", "xa", "g1"],  # a group not holding its type
            ["SNV", "Sở Nội vụ", "so", "g2"],  # the same code again, in another group
            ["STP", "Sở Tư pháp", "phuong", "g1"],  # a type the set does not define
        ],
    )
    with pytest.raises(ImportFormatError) as caught:
        read_units(template, criteria)
    found = {(p.location.row, p.location.column): p.message.en for p in caught.value.problems}
    assert found == {
        (5, "D"): "Ranking group “khoi-huyen” is not one of the round's (known: g1, g2).",
        (6, "D"): "A unit of type “xa” is not in group “g1” (that type is in group “g2”).",
        (7, "A"): "Unit id “SNV” is repeated (already on row 2).",
        (7, "D"): "A unit of type “so” is not in group “g2” (that type is in group “g1”).",
        (8, "C"): "Unit type “phuong” is not in the criteria set (use a code or a label: so, xa).",
    }
    assert all(p.location.file == "don-vi.xlsx" for p in caught.value.problems)
    assert all(p.location.sheet == "DonVi" for p in caught.value.problems)


def test_the_group_column_follows_a_regrouped_round(template: Path, criteria: CriteriaSet) -> None:
    together = (RankingGroup("tat-ca", "Tất cả", frozenset({"so", "xa"})),)
    fill(template, [["SNV", "Sở Nội vụ", "so", "tat-ca"], ["xa-a", "UBND xã A", "xa", "Tất cả"]])
    assert [r.id for r in read_units(template, criteria, together)] == ["SNV", "xa-a"]
    with pytest.raises(ImportFormatError):
        read_units(template, criteria)  # the set's own groups know no "tat-ca"
