"""The self-assessment form: exact round trips, a form made for people, located refusals."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.rounds import EvidenceRef, Phase, RoundInfo, RoundKind, SelfAssessment, Unit
from parapp.io.workbooks.self_form import (
    SelfForm,
    format_evidence,
    parse_evidence,
    read_self_form,
    structure_hash,
    write_self_form,
)

UNIT = Unit("A", "Sở Nội vụ", "so", "g1")
OTHER_UNIT = Unit("B", "Sở Tư pháp", "so", "g1")
XA = Unit("X", "UBND xã Tân Phú", "xa", "g2")
HOSTILE = "=cmd|'/C calc'!A0"

# Rows of the "so" form: the header is row 8, nodes follow in document order.
ROW = {
    "1": 9,
    "1.1": 10,
    "1.1.1": 11,
    "1.1.2": 12,
    "1.2": 13,
    "2": 14,
    "2.1": 15,
    "2.2": 16,
    "3": 17,
    "3.1": 18,
    "4": 19,
    "4.1": 20,
    "5": 21,
    "5.1": 22,
}
TOTAL_ROW = 23

Cells = set[tuple[str | None, int | None, str | None]]


@pytest.fixture
def criteria(sample_criteria_data: dict[str, Any]) -> CriteriaSet:
    return from_dict(sample_criteria_data)


def round_info(criteria: CriteriaSet, round_id: str = "round-1") -> RoundInfo:
    return RoundInfo(
        id=round_id,
        name="Thẩm định Chỉ số CCHC năm 2026",
        year=2026,
        form_id=criteria.form_id,
        form_version=criteria.version,
        criteria_sha256="0" * 64,
        phase=Phase.SELF_ASSESSMENT,
        kind=RoundKind.ROUND,
        created_at="2026-01-02T08:00:00+07:00",
    )


def fill(path: Path, values: Mapping[str, Any], sheet: str = "TuDanhGia") -> Path:
    """Type into cells as a unit would in Excel (strings starting with "=" become formulas)."""
    workbook = load_workbook(path)
    for ref, value in values.items():
        workbook[sheet][ref] = value
    workbook.save(path)
    return path


def located(exc: ImportFormatError) -> Cells:
    return {(p.location.sheet, p.location.row, p.location.column) for p in exc.problems}


def at(column: str, code: str) -> tuple[str, int, str]:
    return ("TuDanhGia", ROW[code], column)


@pytest.fixture
def form(criteria: CriteriaSet, tmp_path: Path) -> Path:
    path = tmp_path / "phieu-A.xlsx"
    write_self_form(path, criteria, round_info(criteria), UNIT)
    return path


def read(
    path: Path, criteria: CriteriaSet, unit: Unit = UNIT, round_id: str = "round-1"
) -> SelfForm:
    return read_self_form(path, criteria, round_info(criteria, round_id), unit)


# --- round trips ------------------------------------------------------------------------------


def test_fill_and_read_gives_exactly_the_filled_values(form: Path, criteria: CriteriaSet) -> None:
    fill(
        form,
        {
            "G11": 1,
            "I11": "KH-12.pdf, tr. 3; BC-01.pdf",
            "F12": 95.5,  # openpyxl writes a float; it must come back as exactly 95.5
            "G12": 0.75,
            "H12": unicodedata.normalize("NFD", "Hoàn thành vượt kế hoạch"),
            "I12": "BC-01.pdf, trang 7\nPL-02.xlsx, p. 12",
            "G13": "0,25",  # typed as text with a decimal comma
            "H15": "Chưa có tài liệu",  # explanation only: no self-score
            "G20": 2,
        },
    )
    result = read(form, criteria)
    assert result.entries == {
        "1.1.1": SelfAssessment(
            "1.1.1", None, Decimal(1), "", (EvidenceRef("KH-12.pdf", 3), EvidenceRef("BC-01.pdf"))
        ),
        "1.1.2": SelfAssessment(
            "1.1.2",
            Decimal("95.5"),
            Decimal("0.75"),
            "Hoàn thành vượt kế hoạch",
            (EvidenceRef("BC-01.pdf", 7), EvidenceRef("PL-02.xlsx", 12)),
        ),
        "1.2": SelfAssessment("1.2", None, Decimal("0.25")),
        "2.1": SelfAssessment("2.1", None, None, "Chưa có tài liệu"),
        "4.1": SelfAssessment("4.1", None, Decimal(2)),
    }
    assert unicodedata.is_normalized("NFC", result.entries["1.1.2"].explanation)
    assert result.locations["1.2"].row == ROW["1.2"]
    assert (result.locations["1.2"].sheet, result.locations["1.2"].file) == (
        "TuDanhGia",
        "phieu-A.xlsx",
    )
    assert len(result.sha256) == 64


def test_blank_form_reads_as_nothing_self_assessed(form: Path, criteria: CriteriaSet) -> None:
    assert read(form, criteria).entries == {}


def test_above_maximum_self_score_is_kept_not_clamped(form: Path, criteria: CriteriaSet) -> None:
    fill(form, {"G11": 7.5})
    assert read(form, criteria).entries["1.1.1"].self_score == Decimal("7.5")


def test_prefilled_form_reads_back_what_it_was_given(criteria: CriteriaSet, tmp_path: Path) -> None:
    existing = {
        "1.1.2": SelfAssessment(
            "1.1.2", Decimal("88.25"), Decimal("0.5"), "=Giải trình", (EvidenceRef("KH.pdf", 2),)
        ),
        "5.1": SelfAssessment("5.1", None, Decimal(0), "Không vi phạm", ()),
    }
    path = tmp_path / "phieu.xlsx"
    write_self_form(path, criteria, round_info(criteria), UNIT, existing)
    assert read(path, criteria).entries == existing


def test_unit_type_decides_rows_and_maxima(criteria: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "phieu-xa.xlsx"
    write_self_form(path, criteria, round_info(criteria), XA)
    sheet = load_workbook(path)["TuDanhGia"]
    codes = [sheet.cell(row=r, column=1).value for r in range(9, 21)]
    assert codes == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", "2.2", "4", "4.1", "5", "5.1"]
    assert sheet["C14"].value == 3  # area 2 has maximum 3 for communes
    assert sheet["C15"].value == 1
    fill(path, {"G15": 1})
    assert read(path, criteria, XA).entries == {"2.1": SelfAssessment("2.1", None, Decimal(1))}


# --- made for people ---------------------------------------------------------------------------


def test_written_form_is_made_for_people(form: Path, criteria: CriteriaSet) -> None:
    workbook = load_workbook(form)
    assert workbook.sheetnames == ["TuDanhGia", "_meta"]
    assert workbook["_meta"].sheet_state == "veryHidden"
    sheet = workbook["TuDanhGia"]
    assert "Sở Nội vụ" in sheet["A2"].value
    assert "Thẩm định Chỉ số CCHC năm 2026" in sheet["A3"].value
    assert "KH-12.pdf, tr. 3; BC-01.pdf" in "".join(
        sheet.cell(row=r, column=1).value for r in (5, 6)
    )
    assert [c.value for c in sheet[8]] == [
        "Mã",
        "Nội dung",
        "Điểm tối đa",
        "Cách chấm",
        "Tài liệu kiểm chứng yêu cầu",
        "Số liệu kê khai",
        "Điểm tự chấm",
        "Giải trình",
        "Tài liệu kiểm chứng (tệp, trang)",
    ]
    assert all(c.font.bold for c in sheet[8])
    assert sheet.freeze_panes == "A9"
    assert sheet["A9"].font.bold
    assert sheet["B10"].font.bold
    assert not sheet["B11"].font.bold
    assert sheet["D11"].value.startswith("Chọn một mức: 1 điểm (Ban hành kịp thời); 0,5 điểm")
    assert sheet["D11"].value.endswith("Ban hành trước ngày 31/01.")
    assert sheet["D12"].value.startswith("Theo Tỷ lệ nhiệm vụ hoàn thành: từ 90% trở lên: 1 điểm")
    assert "trên 70%: 0,5 điểm" in sheet["D12"].value
    assert sheet["E11"].value == "Kế hoạch CCHC năm (số, ngày ban hành)."
    # Survey item: greyed, locked, labelled, not importable.
    assert sheet["G16"].value == "Do điều tra XHH đánh giá"
    assert sheet["G16"].protection.locked
    assert sheet["G16"].fill.fgColor.rgb.endswith("E7E6E6")
    assert sheet["G18"].value == "Do cơ quan khác đánh giá"
    # Inputs are unlocked; the figure only where the rule scores a figure.
    assert not sheet["G11"].protection.locked
    assert not sheet["I11"].protection.locked
    assert not sheet["F12"].protection.locked
    assert sheet["F11"].protection.locked
    assert sheet.protection.sheet
    assert sheet.cell(row=TOTAL_ROW, column=7).value == f"=SUM(G9:G{TOTAL_ROW - 1})"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$8:$8"
    ranges = {str(v.sqref): (v.formula1, v.formula2) for v in sheet.data_validations.dataValidation}
    assert ranges == {"G11:G13 G22": ("0", "1"), "G15 G20": ("0", "2"), "F12": ("0", None)}
    meta = {r[0].value: r[1].value for r in workbook["_meta"].iter_rows()}
    assert meta["unit_id"] == "A"
    assert meta["round_id"] == "round-1"
    assert meta["structure_sha256"] == structure_hash(criteria, "so")


def test_user_text_never_becomes_a_formula(criteria: CriteriaSet, tmp_path: Path) -> None:
    unit = Unit("A", HOSTILE, "so", "g1")
    path = tmp_path / "phieu.xlsx"
    existing = {"1.2": SelfAssessment("1.2", None, None, HOSTILE, (EvidenceRef("=x.pdf"),))}
    write_self_form(path, criteria, round_info(criteria), unit, existing)
    sheet = load_workbook(path)["TuDanhGia"]
    assert all(sheet[ref].data_type == "s" for ref in ("A2", "H13", "I13"))
    assert read(path, criteria, unit).entries == existing


def test_text_excel_cannot_store_is_refused_before_writing(
    criteria: CriteriaSet, tmp_path: Path
) -> None:
    path = tmp_path / "phieu.xlsx"
    path.write_bytes(b"old")
    existing = {"1.2": SelfAssessment("1.2", None, None, "bad\x01text")}
    with pytest.raises(ValidationError):
        write_self_form(path, criteria, round_info(criteria), UNIT, existing)
    assert path.read_bytes() == b"old"


# --- refusals -----------------------------------------------------------------------------------


def test_defective_form_is_refused_with_every_defect_located(
    form: Path, criteria: CriteriaSet
) -> None:
    fill(
        form,
        {
            "G9": 3,  # a score on an area (group) row
            "C11": 2,  # maximum edited
            "G11": "=1+0",  # formula
            "I11": "KH.pdf, tr. 0",  # page not positive
            "F12": -5,  # negative figure
            "F13": 12,  # figure on an item not scored by a figure
            "G13": "một",  # text in a score cell
            "G15": 1.255,  # too many decimals
            "I15": "C:\\tai-lieu\\KH.pdf",  # a path, not a file name
            "G16": 1,  # self-score on a survey item
            "A20": "4.9",  # code edited (4.1 disappears too)
            "B25": "Ghi chú thêm",  # a row added below the total
        },
    )
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {
        at("G", "1"),
        at("C", "1.1.1"),
        at("G", "1.1.1"),
        at("I", "1.1.1"),
        at("F", "1.1.2"),
        at("F", "1.2"),
        at("G", "1.2"),
        at("G", "2.1"),
        at("I", "2.1"),
        at("G", "2.2"),
        at("A", "4.1"),
        ("TuDanhGia", 25, "A"),
    }
    assert all(p.location.file == "phieu-A.xlsx" for p in caught.value.problems)
    messages = {p.location.row: p.message for p in caught.value.problems}
    assert "không được thêm dòng" in messages[25].vi
    assert "rows must not be added" in messages[25].en


def test_form_of_another_unit_is_refused(form: Path, criteria: CriteriaSet) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria, OTHER_UNIT)
    assert located(caught.value) == {("_meta", 6, "B")}
    [problem] = caught.value.problems
    assert "phiếu của đơn vị khác" in problem.message.vi
    assert "changed or foreign form is refused" in problem.message.en


def test_form_of_another_round_is_refused(form: Path, criteria: CriteriaSet) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria, round_id="round-2")
    assert located(caught.value) == {("_meta", 5, "B")}


def test_form_of_another_criteria_version_is_refused(form: Path, criteria: CriteriaSet) -> None:
    info = round_info(criteria)
    newer = RoundInfo(**{**info.__dict__, "form_version": "2026020101"})
    with pytest.raises(ImportFormatError) as caught:
        read_self_form(form, criteria, newer, UNIT)
    assert located(caught.value) == {("_meta", 4, "B")}


def test_tampered_structure_hash_is_refused(form: Path, criteria: CriteriaSet) -> None:
    fill(form, {"B8": "0" * 64}, sheet="_meta")
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {("_meta", 8, "B")}


def test_meta_without_a_key_is_refused(form: Path, criteria: CriteriaSet) -> None:
    workbook = load_workbook(form)
    workbook["_meta"].delete_rows(6)
    workbook.save(form)
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {("_meta", None, "A")}
    assert "“unit_id”" in caught.value.problems[0].message.vi


def test_form_without_its_header_row_is_refused(form: Path, criteria: CriteriaSet) -> None:
    fill(form, {"A8": None})
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {("TuDanhGia", None, "A")}


def test_form_without_its_hidden_sheet_is_refused(form: Path, criteria: CriteriaSet) -> None:
    workbook = load_workbook(form)
    del workbook["_meta"]
    workbook.save(form)
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {("_meta", None, None)}


def test_reordered_and_removed_rows_are_located(form: Path, criteria: CriteriaSet) -> None:
    fill(form, {"A11": "1.1.2", "A12": "1.1.1"})
    workbook = load_workbook(form)
    workbook["TuDanhGia"].delete_rows(ROW["4.1"])
    workbook.save(form)
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {at("A", "1.1.2"), at("A", "4.1")}
    by_row = {p.location.row: p.message.en for p in caught.value.problems}
    assert by_row[ROW["1.1.2"]] == "The row of item 1.1.1 was moved (it belongs before item 1.1.2)."
    assert by_row[ROW["4.1"]] == "The row of item 4.1 (row 20 of the original form) was removed."


def test_changed_header_is_refused(form: Path, criteria: CriteriaSet) -> None:
    fill(form, {"G8": "Điểm"})
    with pytest.raises(ImportFormatError) as caught:
        read(form, criteria)
    assert located(caught.value) == {("TuDanhGia", 8, "G")}


def test_not_a_workbook_is_refused(criteria: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "phieu.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(ImportFormatError):
        read(path, criteria)


# --- evidence citations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("", ()),
        ("KH-12.pdf", (EvidenceRef("KH-12.pdf"),)),
        ("KH-12.pdf, tr. 3; BC-01.pdf", (EvidenceRef("KH-12.pdf", 3), EvidenceRef("BC-01.pdf"))),
        ("KH.pdf, trang 4", (EvidenceRef("KH.pdf", 4),)),
        ("KH.pdf,p.5\n\nBC.pdf , Tr 6 ;", (EvidenceRef("KH.pdf", 5), EvidenceRef("BC.pdf", 6))),
        ("Báo cáo, quý 1.pdf, tr. 2", (EvidenceRef("Báo cáo, quý 1.pdf", 2),)),
        ("report, plan.pdf", (EvidenceRef("report, plan.pdf"),)),
        (unicodedata.normalize("NFD", "Kế hoạch.pdf"), (EvidenceRef("Kế hoạch.pdf"),)),
    ],
)
def test_evidence_citations_parse(text: str, refs: tuple[EvidenceRef, ...]) -> None:
    assert parse_evidence(text) == refs
    assert parse_evidence(format_evidence(refs)) == refs


@pytest.mark.parametrize(
    "text",
    [
        "KH.pdf, tr. 0",
        "KH.pdf, tr. -1",
        "KH.pdf, tr. 3-5",
        "KH.pdf, trang",
        "KH.pdf, p. ba",
        "KH.pdf, tr. ３",  # full-width digit
        ", tr. 3",
        "thu-muc/KH.pdf",
        "..",
    ],
)
def test_bad_evidence_citations_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_evidence(text)
