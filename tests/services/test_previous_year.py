"""Last year beside this year: import last year's results (parapp's own workbook, a published
table, a round file) into a real round, the Δ index and Δ rank, and both official files."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parapp.core.errors import ImportFormatError, ValidationError
from parapp.io.sheets.council_report import YEAR_COLUMNS
from parapp.io.workbooks.previous_results import read_previous_results
from parapp.services import previous_year, reports, results
from parapp.services.context import RoundContext
from tests.services import results_world as world

DATE = dt.date(2027, 1, 6)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("previous-year")


@pytest.fixture(scope="module")
def last_year_xlsx(folder: Path) -> Path:
    """parapp's own results workbook of last year (SA 90,63 first, SB 56,25 second)."""
    path = world.build_round(folder / "2025.parround")
    ctx = world.opened(path)
    try:
        reports.export_results(
            ctx, xlsx=folder / "2025.xlsx", pdf=None, place="Thái Nguyên", date=DATE
        )
    finally:
        ctx.close()
    return folder / "2025.xlsx"


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[RoundContext]:
    """This year's round: SB scores full marks (index 100) and moves to rank 1."""
    path = world.build_round(tmp_path / "2026.parround")
    for member in ("UV1", "UV2"):
        world.set_member_score(path, "SB", "1.2", member, "3")
        world.set_member_score(path, "SB", "1.1", member, "1")
        world.set_member_score(path, "SB", "3.1", member, "0")
    world.set_survey(path, "SB", "4")
    context = world.opened(path)
    yield context
    context.close()


def rows_and_audit(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        settings = connection.execute("SELECT * FROM setting ORDER BY key").fetchall()
        audit = connection.execute("SELECT * FROM audit ORDER BY id").fetchall()
    finally:
        connection.close()
    return settings, audit


def published(path: Path, rows: list[list[object]], header_at: int = 3) -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Công bố"
    ws.cell(row=1, column=1, value="KẾT QUẢ CHỈ SỐ CCHC NĂM 2025")
    for column, title in enumerate(("STT", "Mã đơn vị", "Tên đơn vị", "Chỉ số (%)", "Xếp hạng"), 1):
        ws.cell(row=header_at, column=column, value=title)
    for number, values in enumerate(rows, header_at + 1):
        for column, value in enumerate(values, 1):
            ws.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


def test_parapp_results_workbook_reads_back_each_unit(last_year_xlsx: Path) -> None:
    table = read_previous_results(last_year_xlsx)
    assert table.kind == "parapp"
    got = [(r.code, r.name, r.index, r.rank, r.group) for r in table.rows]
    assert got == [
        ("SA", "Sở A", Decimal("90.63"), 1, "Khối sở"),
        ("SB", "Sở B", Decimal("56.25"), 2, "Khối sở"),
        ("SC", "Sở C", None, None, "Khối sở"),
    ]


def test_import_own_workbook_gives_changes_in_pane_data_and_both_files(
    ctx: RoundContext, last_year_xlsx: Path, tmp_path: Path
) -> None:
    done = previous_year.import_previous(ctx, last_year_xlsx)
    assert done.matched == 3
    assert done.unknown == ()
    found = results.round_results(ctx)
    now = {o.unit.id: (o.result.index, o.rank) for o in found.outcomes}
    assert now["SB"][1] == 1
    assert now["SA"][1] == 2
    changes = previous_year.changes(ctx, found)
    assert changes["SB"].index_change == now["SB"][0] - Decimal("56.25")
    assert changes["SB"].rank_change == 1  # moved up from 2 to 1
    assert changes["SA"].rank_change == -1
    assert changes["SC"].index_change is None
    assert changes["SC"].rank_change is None
    files = reports.export_results(
        ctx, xlsx=tmp_path / "kq.xlsx", pdf=tmp_path / "kq.pdf", place="Thái Nguyên", date=DATE
    )
    ws = load_workbook(files.xlsx)["BXH Khối sở"]
    header = [c.value for c in ws[4]]
    start = header.index(YEAR_COLUMNS[0]) + 1
    assert header[start - 1 : start + 3] == list(YEAR_COLUMNS)
    by_name = {ws.cell(row=r, column=2).value: r for r in range(5, 8)}
    sb = by_name["Sở B"]
    assert ws.cell(row=sb, column=start).value == Decimal("56.25")
    assert ws.cell(row=sb, column=start + 2).value == 2
    assert ws.cell(row=sb, column=start + 3).value == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(files.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    sb_line = next(line for line in text.splitlines() if "Sở B" in line)
    assert sb_line.split()[-4:] == ["56,25", "+43,75", "2", "+1"]
    sa_line = next(line for line in text.splitlines() if "Sở A" in line)
    assert sa_line.split()[-4:] == ["90,63", "0,00", "1", "−1"]
    assert "Tăng," in text
    assert "trước" in text
    # the audit names the import
    _settings, audit = rows_and_audit(ctx.path)
    assert any(previous_year.SETTING_KEY in str(row) for row in audit)


def test_published_table_with_titles_above_and_decimal_commas(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = published(
        tmp_path / "cong-bo.xlsx",
        [[1, "SB", "Sở B", "80,5", 1], [2, "SA", "Sở A", 70.25, 2], [3, "SX", "Sở cũ", 50, 3]],
    )
    done = previous_year.import_previous(ctx, path)
    assert done.table.kind == "table"
    assert done.matched == 2
    assert done.unknown == ("SX",)
    assert "SX" in done.describe("en")
    changes = previous_year.changes(ctx, results.round_results(ctx))
    assert changes["SB"].previous_index == Decimal("80.5")
    assert changes["SB"].rank_change == 0
    assert "SC" not in changes
    assert previous_year.clear_previous(ctx)
    assert previous_year.stored_previous(ctx) is None
    assert previous_year.changes(ctx, results.round_results(ctx)) == {}


def test_a_changed_ranking_group_is_not_compared_by_rank(ctx: RoundContext, tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append(["Mã", "Đơn vị", "Chỉ số", "Hạng", "Nhóm"])
    ws.append(["SA", "Sở A", 60, 3, "Khối huyện"])
    ws.append(["SB", "Sở B", 61, 2, "Khối sở"])
    workbook.save(tmp_path / "nhom.xlsx")
    previous_year.import_previous(ctx, tmp_path / "nhom.xlsx")
    changes = previous_year.changes(ctx, results.round_results(ctx))
    assert not changes["SA"].rank_comparable
    assert changes["SA"].rank_change is None
    assert changes["SA"].index_change is not None
    assert changes["SB"].rank_comparable
    assert changes["SB"].rank_change == 1


def test_last_years_round_file_imports_too(ctx: RoundContext, last_year_xlsx: Path) -> None:
    done = previous_year.import_previous(ctx, last_year_xlsx.with_suffix(".parround"))
    assert done.table.kind == "round"
    assert done.matched == 3
    assert previous_year.changes(ctx, results.round_results(ctx))["SB"].rank_change == 1


def test_every_problem_of_a_bad_table_is_located_and_nothing_changes(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = published(
        tmp_path / "sai.xlsx",
        [
            [1, "SA", "Sở A", "=80+1", 1],  # a formula
            [2, "SB", "Sở B", "tám mươi", 2],  # not a number
            [3, "SB", "Sở B", 70, 3],  # a second row of SB
            [4, None, "Không mã", 60, 4],  # no code
            [5, "SC", "Sở C", 50, 0],  # rank 0
            [6, "SD", "Sở D", None, 6],  # a rank without an index
            [7, "SE", "Sở E", 40, "2,5"],  # a rank that is not whole
        ],
    )
    before = rows_and_audit(ctx.path)
    with pytest.raises(ImportFormatError) as raised:
        previous_year.import_previous(ctx, path)
    found = {(p.location.sheet, p.location.row, p.location.column) for p in raised.value.problems}
    assert found == {
        ("Công bố", 4, "D"),
        ("Công bố", 5, "D"),
        ("Công bố", 6, "B"),
        ("Công bố", 7, "B"),
        ("Công bố", 8, "E"),
        ("Công bố", 9, "D"),
        ("Công bố", 10, "E"),
    }
    assert "sai.xlsx" in raised.value.describe("en")
    assert rows_and_audit(ctx.path) == before


def test_refusals_name_the_cause_and_change_nothing(ctx: RoundContext, tmp_path: Path) -> None:
    before = rows_and_audit(ctx.path)
    workbook = Workbook()
    workbook.active.append(["Đơn vị", "Điểm"])
    workbook.save(tmp_path / "khac.xlsx")
    with pytest.raises(ImportFormatError) as raised:
        previous_year.import_previous(ctx, tmp_path / "khac.xlsx")
    assert "Mã đơn vị" in raised.value.describe("vi")
    other = published(tmp_path / "tinh-khac.xlsx", [[1, "HX", "Huyện X", 70, 1]])
    with pytest.raises(ValidationError, match="no unit code matches"):
        previous_year.import_previous(ctx, other)
    with pytest.raises(ValidationError, match="another round file"):
        previous_year.import_previous(ctx, ctx.path)
    (tmp_path / "hong.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ImportFormatError):
        previous_year.import_previous(ctx, tmp_path / "hong.xlsx")
    assert rows_and_audit(ctx.path) == before
