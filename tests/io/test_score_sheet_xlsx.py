"""The score sheet workbook: values, layout and print setup; LibreOffice recomputes every check
formula to the written total; user text never becomes a formula; hidden metadata."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.numbers import canonical
from parapp.io.sheets import member_xlsx as sx
from parapp.io.sheets.member_sheet import NOT_APPLICABLE, ScoreSheet, SummaryKey
from tests.io import score_sheet_data as data

SHA = "ab" * 32


@pytest.fixture(scope="module")
def sheet() -> ScoreSheet:
    return data.sheet()


@pytest.fixture(scope="module")
def xlsx(tmp_path_factory: pytest.TempPathFactory, sheet: ScoreSheet) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "phieu.xlsx"
    sx.write_xlsx(
        sheet, path, submission_id="5f0c7d1e-0000-4000-8000-000000000001", scores_sha256=SHA
    )
    return path


@pytest.fixture(scope="module")
def ws(xlsx: Path) -> Any:
    return load_workbook(xlsx)[sx.SHEET_TITLE]


def row_of(ws: Any, code: str) -> int:
    for row in range(sx.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=2).value == code:
            return row
    raise AssertionError(code)


def summary_row(ws: Any, label: str) -> int:
    for row in range(sx.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == label:
            return row
    raise AssertionError(label)


def test_values_are_numbers_with_two_decimals(ws: Any, sheet: ScoreSheet) -> None:
    area = row_of(ws, "1")
    first = sheet.rows[0]
    assert ws.cell(row=area, column=1).value == "I"
    assert ws.cell(row=area, column=3).value == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert ws.cell(row=area, column=3).font.bold
    for column, expected in ((4, first.maximum), (5, first.self_score), (6, first.appraised)):
        cell = ws.cell(row=area, column=column)
        assert Decimal(str(cell.value)) == expected
        assert cell.number_format == "0.00"
    index = sheet.line(SummaryKey.INDEX)
    assert index is not None
    assert index.value is not None
    cell = ws.cell(row=summary_row(ws, "Chỉ số cải cách hành chính (%)"), column=6)
    assert Decimal(str(cell.value)) == index.value
    assert ws.cell(row=summary_row(ws, "Xếp loại"), column=6).value == "Tốt"


def test_typography_and_merged_header(ws: Any) -> None:
    assert ws["A1"].value == "UBND TỈNH THÁI NGUYÊN"
    assert ws["A2"].value == "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC"
    assert ws["A2"].font.bold
    assert ws["D1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["D3"].value == "Thái Nguyên, ngày 12 tháng 12 năm 2026"
    assert ws["D3"].font.italic
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:C1", "A2:C2", "D1:I1", "D2:I2", "A5:I5"} <= merged
    assert ws["A5"].value.startswith("PHIẾU CHẤM ĐIỂM THẨM ĐỊNH")
    for cell in (ws["A1"], ws["A5"], ws.cell(row=row_of(ws, "1.1.1"), column=3)):
        assert cell.font.name == "Times New Roman"
    header = [ws.cell(row=sx.HEADER_ROW, column=c).value for c in range(1, 11)]
    assert header[:9] == [
        "STT",
        "Mã",
        "Nội dung",
        "Điểm tối đa",
        "Tự chấm",
        "Thẩm định lần 1",
        "Thẩm định lần 2",
        "Chênh lệch",
        "Ý kiến thẩm định",
    ]
    assert ws.cell(row=row_of(ws, "1.1.1"), column=3).border.left.style == "thin"


def test_not_applicable_leaf_reads_so_across_its_score_cells(ws: Any) -> None:
    row = row_of(ws, data.NA_LEAF)
    assert ws.cell(row=row, column=5).value == NOT_APPLICABLE
    assert f"E{row}:H{row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(row=row, column=6).value is None


def test_print_setup_is_a4_landscape_fit_to_width_with_repeated_header(ws: Any) -> None:
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == str(ws.PAPERSIZE_A4)
    assert setup.fitToWidth == 1
    assert setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${sx.HEADER_ROW}:${sx.HEADER_ROW}"
    assert ws.HeaderFooter.differentFirst
    assert "&P/&N" in ws.oddHeader.center.text
    assert not ws.firstHeader.center.text


def test_score_cells_validate_between_minimum_and_maximum(ws: Any) -> None:
    rules = ws.data_validations.dataValidation
    covered = {
        (str(cell), dv.formula1, dv.formula2)
        for dv in rules
        for rng in dv.sqref.ranges
        for cell in _cells(str(rng))
    }
    leaf = row_of(ws, "1.1.4")
    assert (f"F{leaf}", "0", "2") in covered
    penalty = row_of(ws, "10.1")
    assert (f"F{penalty}", "-1", "0") in covered
    survey = row_of(ws, "8.1.1")
    assert not any(cell == f"F{survey}" for cell, _, _ in covered)  # not the member's to score
    assert all(dv.type == "decimal" and dv.operator == "between" for dv in rules)


def _cells(ref: str) -> list[str]:
    if ":" not in ref:
        return [ref]
    start, end = ref.split(":")
    column = start.rstrip("0123456789")
    return [f"{column}{r}" for r in range(int(start[len(column) :]), int(end[len(column) :]) + 1)]


def test_user_text_stays_text(xlsx: Path, ws: Any) -> None:
    cell = ws.cell(row=row_of(ws, "1.1.1"), column=sx.COMMENT_COL)
    assert cell.value == data.HOSTILE_COMMENT
    assert cell.data_type == "s"


def test_metadata_sheet_is_very_hidden(xlsx: Path) -> None:
    meta = load_workbook(xlsx)[sx.META_TITLE]
    assert meta.sheet_state == "veryHidden"
    values = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
    assert values == {
        "form_id": "PAR-SO-2026",
        "version": data.department_set().version,
        "round_id": "round-1",
        "unit_id": "SCT",
        "member_id": "UV-01",
        "appraisal_round": "1",
        "submission_id": "5f0c7d1e-0000-4000-8000-000000000001",
        "scores_sha256": SHA,
    }


@pytest.fixture(scope="module")
def recalculated(xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The workbook after LibreOffice opened, recalculated and saved it."""
    work = tmp_path_factory.mktemp("soffice")
    out = work / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return load_workbook(out / xlsx.name, data_only=True)[sx.SHEET_TITLE]


def test_libreoffice_recomputes_every_total_to_the_written_value(
    ws: Any, recalculated: Any, sheet: ScoreSheet
) -> None:
    checked = 0
    for row in range(sx.HEADER_ROW + 1, ws.max_row + 1):
        formula = ws.cell(row=row, column=sx.CHECK_COLUMN).value
        if not (isinstance(formula, str) and formula.startswith("=")):
            continue
        written = Decimal(str(ws.cell(row=row, column=6).value))
        computed = recalculated.cell(row=row, column=sx.CHECK_COLUMN).value
        assert isinstance(computed, int | float), (row, formula)
        assert abs(Decimal(str(computed)) - written) < Decimal("1e-9"), (row, formula)
        checked += 1
    parents = sum(1 for r in sheet.rows if r.parts)
    # Every parent row, and every summary line but the class.
    assert checked == parents + len(sheet.summary) - 1
    index_row = summary_row(ws, "Chỉ số cải cách hành chính (%)")
    assert "ROUND(" in ws.cell(row=index_row, column=sx.CHECK_COLUMN).value


def test_libreoffice_keeps_the_hostile_comment_as_text(ws: Any, recalculated: Any) -> None:
    row = row_of(ws, "1.1.1")
    assert recalculated.cell(row=row, column=sx.COMMENT_COL).value == data.HOSTILE_COMMENT


def test_a_changed_score_is_caught_by_its_check_formula(tmp_path: Path, sheet: ScoreSheet) -> None:
    # The check column reads the leaf cells: a tampered leaf no longer matches its area total.
    path = tmp_path / "p.xlsx"
    sx.write_xlsx(sheet, path)
    book = load_workbook(path)
    ws = book[sx.SHEET_TITLE]
    leaf = row_of(ws, "1.1.2")
    ws.cell(row=leaf, column=6).value = 0
    book.save(path)
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    again = load_workbook(out / "p.xlsx", data_only=True)[sx.SHEET_TITLE]
    area = row_of(ws, "1")
    written = Decimal(canonical(sheet.rows[0].appraised or Decimal(0)))
    assert Decimal(str(again.cell(row=area, column=sx.CHECK_COLUMN).value)) != written
