"""The consolidated results workbook: rankings per group, official unit sheets, provenance and
audit sheets, user text kept as text, and check formulas LibreOffice recomputes to the values."""

from __future__ import annotations

import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.io.sheets import council_xlsx as rx
from parapp.io.sheets.council_report import RANKING_COLUMNS, UNIT_COLUMNS
from parapp.io.sheets.council_xlsx import ResultsLayout
from tests.io import results_data as data

RESULTS = data.round_results(previous=True)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ResultsLayout]:
    path = tmp_path_factory.mktemp("results-xlsx") / "ket-qua.xlsx"
    return path, rx.write_results_xlsx(data.report(previous=True), path)


@pytest.fixture(scope="module")
def book(written: tuple[Path, ResultsLayout]) -> Any:
    return load_workbook(written[0])


@pytest.fixture(scope="module")
def recalculated(
    written: tuple[Path, ResultsLayout], tmp_path_factory: pytest.TempPathFactory
) -> Any:
    """The workbook after LibreOffice opened, recalculated and saved it."""
    work = tmp_path_factory.mktemp("soffice-results")
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
            str(written[0]),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return load_workbook(out / written[0].name, data_only=True)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_sheets_are_rankings_units_provenance_and_audit(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    assert layout.ranking_sheets == {
        "so-ban-nganh": "BXH Sở, ban, ngành tỉnh",
        "nganh-doc": "BXH Cơ quan ngành dọc",
    }
    assert layout.unit_sheets["SCT"] == "SCT Sở Công Thương"
    assert book.sheetnames == [
        *layout.ranking_sheets.values(),
        *layout.unit_sheets.values(),
        rx.SOURCE_TITLE,
        rx.AUDIT_TITLE,
    ]
    assert list(layout.unit_sheets) == [o.unit.id for o in RESULTS.outcomes]
    for name in book.sheetnames:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    assert len({n.casefold() for n in book.sheetnames}) == len(book.sheetnames)


def test_sheet_names_are_cleaned_cut_and_made_unique() -> None:
    used = {"nguồn"}
    assert rx.sheet_name("Nguồn", used) == "Nguồn (2)"
    long = "BXH Khối ủy ban nhân dân các xã, phường: [nhóm 1/2]*?"
    first = rx.sheet_name(long, used)
    second = rx.sheet_name(long, used)
    assert first == "BXH Khối ủy ban nhân dân các xã"
    assert second == "BXH Khối ủy ban nhân dân cá (2)"
    assert len(second) == 31
    assert rx.sheet_name("bxh khối ủy ban nhân dân các xã", used).endswith("(3)")
    assert rx.sheet_name("'[]'", used) == "--"
    assert rx.sheet_name("''", used) == "Trang"


def test_ranking_sheet_lists_units_in_rank_order_with_their_numbers(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    for code, _ in RESULTS.groups:
        ws = book[layout.ranking_sheets[code]]
        header = [ws.cell(row=rx.RANKING_HEADER_ROW, column=c).value for c in range(1, 10)]
        assert header == list(RANKING_COLUMNS)
        outcomes = RESULTS.in_group(code)
        for offset, outcome in enumerate(outcomes):
            row = rx.RANKING_HEADER_ROW + 1 + offset
            values = [ws.cell(row=row, column=c).value for c in range(1, 10)]
            result = outcome.result
            suffix = "" if outcome.complete else " (*)"
            assert values[:2] == [str(offset + 1), nfc(outcome.unit.name) + suffix]
            numbers = [Decimal(str(v)) for v in values[2:7]]
            assert numbers == [
                result.achieved,
                result.applicable_max,
                result.bonus,
                result.penalty,
                result.index,
            ]
            assert values[7:] == [result.classification, outcome.rank]
            assert ws.cell(row=row, column=7).number_format == "0.00"
        assert ws.cell(row=rx.RANKING_HEADER_ROW + 1 + len(outcomes), column=1).value is None
    ranks = [o.rank for o in RESULTS.in_group("so-ban-nganh")]
    assert ranks == [1, 1, 2, 3]


def test_ranking_sheet_has_area_and_change_columns(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    ws = book[layout.ranking_sheets["so-ban-nganh"]]
    titles = [c.value for c in ws[rx.RANKING_HEADER_ROW]]
    assert titles[9] == "Lĩnh vực 1: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    change = titles.index("Lĩnh vực 1: tăng/giảm so với năm trước")
    sct = rx.RANKING_HEADER_ROW + 1
    assert Decimal(str(ws.cell(row=sct, column=10).value)) == Decimal("12")
    assert Decimal(str(ws.cell(row=sct, column=change + 1).value)) == Decimal(1)
    assert titles[-3:] == [rx.CHECK_AREAS_TITLE, rx.CHECK_INDEX_TITLE, rx.CHECK_RANK_TITLE]
    assert all(str(t).startswith(rx.CHECK_PREFIX) for t in titles[-3:])
    assert ws.print_area is not None
    assert ws.page_setup.orientation == "landscape"
    doc = book[layout.ranking_sheets["nganh-doc"]]
    bdt = [c.value for c in doc[rx.RANKING_HEADER_ROW + 2]]
    assert bdt[1] == "Ban Dân tộc"
    assert bdt[9 + 2] == "Không áp dụng"  # area 3 does not apply to units without procedures


def test_without_comparison_there_are_no_change_columns(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    layout = rx.write_results_xlsx(data.report(), path)
    ws = load_workbook(path)[layout.ranking_sheets["so-ban-nganh"]]
    titles = [str(c.value) for c in ws[rx.RANKING_HEADER_ROW]]
    assert not any("năm trước" in t for t in titles)
    assert len(titles) == 9 + 8 + 3  # columns, eight normal areas, checks


def unit_rows(ws: Any) -> dict[str, int]:
    return {
        str(ws.cell(row=r, column=2).value): r
        for r in range(rx.UNIT_HEADER_ROW + 1, ws.max_row + 1)
        if ws.cell(row=r, column=2).value
    }


def summary_value(ws: Any, label: str) -> Any:
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == label)
    return ws.cell(row=row, column=rx.ACHIEVED_COL).value


def test_unit_sheet_carries_the_councils_numbers(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    ws = book[layout.unit_sheets["SCT"]]
    header = [ws.cell(row=rx.UNIT_HEADER_ROW, column=c).value for c in range(1, 12)]
    assert header == [*UNIT_COLUMNS, rx.UNIT_CHECK_TITLE]
    assert ws.cell(row=5, column=1).value == (  # no council meeting has approved them yet
        "KẾT QUẢ TẠM THỜI — PHIẾU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    )
    assert ws.cell(row=6, column=1).value == "Đơn vị: Sở Công Thương — Sở, ban, ngành tỉnh"
    rows = unit_rows(ws)
    leaf = [ws.cell(row=rows["1.1.1"], column=c).value for c in range(4, 11)]
    # Maximum, self, round 1, round 2 (none: no round 2 here), other, achieved.
    assert [None if v is None else Decimal(str(v)) for v in leaf[:6]] == [
        Decimal(1),
        Decimal(1),
        Decimal("0.75"),
        None,
        None,
        Decimal("0.75"),
    ]
    assert leaf[6] == "Thiếu TLKC."
    survey = next(n.code for n in data.results_set().node("8").walk() if n.is_leaf)
    values = [ws.cell(row=rows[survey], column=c).value for c in range(5, 10)]
    assert values[0] is None  # not self-assessed
    assert values[1] is None  # not the council's
    assert values[2] is None
    assert Decimal(str(values[3])) == Decimal(str(values[4]))
    outcome = RESULTS.outcomes[0]
    assert Decimal(str(summary_value(ws, "Điểm đạt được của các lĩnh vực"))) == (
        outcome.result.achieved
    )
    assert Decimal(str(summary_value(ws, "Chỉ số cải cách hành chính (%)"))) == Decimal("94.00")
    assert summary_value(ws, "Xếp loại") == "Tốt"
    assert summary_value(ws, "Xếp hạng") == "1/4 (Sở, ban, ngành tỉnh)"


def test_unit_sheet_marks_areas_that_do_not_apply(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    ws = book[layout.unit_sheets["BDT"]]
    rows = unit_rows(ws)
    assert ws.cell(row=rows["3"], column=rx.SELF_COL).value == "Không áp dụng"
    assert "3.1" not in rows or ws.cell(row=rows["3.1"], column=rx.SELF_COL).value == (
        "Không áp dụng"
    )


def test_incomplete_unit_shows_the_missing_score(
    book: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    ws = book[layout.unit_sheets[data.INCOMPLETE]]
    notes = [ws.cell(row=r, column=rx.NOTE_COL).value for r in range(1, ws.max_row + 1)]
    assert notes.count("Chưa có điểm") == 1


def test_provenance_sheet_lists_every_score_with_its_submission(book: Any) -> None:
    ws = book[rx.SOURCE_TITLE]
    report = data.report(previous=True)
    assert [c.value for c in ws[1]] == [title for title, _ in rx.SOURCE_COLUMNS]
    assert ws.max_row == 1 + len(report.provenance)
    first = report.provenance[0]
    row = [c.value for c in ws[2]]
    assert row[:8] == [
        first.unit_id,
        report.unit_name(first.unit_id),
        first.node_code,
        report.criteria_set.node(first.node_code).name,
        "UV-01",
        "Lê Văn Thành",
        first.submission_id,
        "2026-12-20T09:15:00+07:00",
    ]
    assert Decimal(str(row[8])) == first.value


def test_audit_sheet_keeps_a_formula_like_reason_as_text(book: Any, recalculated: Any) -> None:
    ws = book[rx.AUDIT_TITLE]
    assert [c.value for c in ws[1]] == [title for title, _ in rx.AUDIT_COLUMNS]
    row = [c.value for c in ws[2]]
    assert row == [
        "2026-12-21T10:00:00+07:00",
        "Nguyễn Thị Thu Hà",
        "resolve",
        "SNV",
        "1.1.1",
        "council",
        "1,00",
        "0,50",
        data.HOSTILE,
        "5f0c7d1e-0000-4000-8000-000000000001",
    ]
    assert ws.cell(row=2, column=9).data_type == "s"
    assert recalculated[rx.AUDIT_TITLE].cell(row=2, column=9).value == data.HOSTILE


def test_unit_note_with_a_formula_stays_text(
    book: Any, recalculated: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    ws = book[layout.unit_sheets["SNV"]]
    row = unit_rows(ws)["1.1.1"]
    cell = ws.cell(row=row, column=rx.NOTE_COL)
    assert cell.value == data.HOSTILE
    assert cell.data_type == "s"
    again = recalculated[layout.unit_sheets["SNV"]].cell(row=row, column=rx.NOTE_COL)
    assert again.value == data.HOSTILE


def test_libreoffice_recomputes_unit_totals_to_the_written_values(
    book: Any, recalculated: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    for unit_id, title in layout.unit_sheets.items():
        ws, again = book[title], recalculated[title]
        checked = 0
        for row in range(rx.UNIT_HEADER_ROW + 1, ws.max_row + 1):
            formula = ws.cell(row=row, column=rx.CHECK_COL).value
            if not (isinstance(formula, str) and formula.startswith("=")):
                continue
            written_value = Decimal(str(ws.cell(row=row, column=rx.ACHIEVED_COL).value))
            computed = again.cell(row=row, column=rx.CHECK_COL).value
            assert isinstance(computed, int | float), (unit_id, row, formula)
            assert abs(Decimal(str(computed)) - written_value) < Decimal("1e-9"), (
                unit_id,
                row,
                formula,
            )
            checked += 1
        assert checked > 20, unit_id


def test_libreoffice_recomputes_ranking_checks(
    book: Any, recalculated: Any, written: tuple[Path, ResultsLayout]
) -> None:
    _, layout = written
    for code, title in layout.ranking_sheets.items():
        ws, again = book[title], recalculated[title]
        last = ws.max_column
        for offset in range(len(RESULTS.in_group(code))):
            row = rx.RANKING_HEADER_ROW + 1 + offset
            areas, index, rank = (
                again.cell(row=row, column=c).value for c in range(last - 2, last + 1)
            )
            assert abs(
                Decimal(str(areas)) - Decimal(str(ws.cell(row=row, column=rx.ACH).value))
            ) < (Decimal("1e-9"))
            assert Decimal(str(index)) == Decimal(str(ws.cell(row=row, column=rx.INDEX).value))
            assert rank == ws.cell(row=row, column=rx.RANK).value


def test_a_tampered_leaf_no_longer_matches_its_area(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    layout = rx.write_results_xlsx(data.report(), path)
    book = load_workbook(path)
    ws = book[layout.unit_sheets["SCT"]]
    rows = unit_rows(ws)
    ws.cell(row=rows["1.1.2"], column=rx.ACHIEVED_COL).value = 0
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
    again = load_workbook(out / "k.xlsx", data_only=True)[layout.unit_sheets["SCT"]]
    area = rows["1"]
    assert Decimal(str(again.cell(row=area, column=rx.CHECK_COL).value)) == Decimal(11)
    assert Decimal(str(ws.cell(row=area, column=rx.ACHIEVED_COL).value)) == Decimal(12)
