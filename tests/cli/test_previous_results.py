"""``parapp round settings ROUND --previous-results FILE.xlsx``: last year's results (parapp's
own results workbook) kept in a real round through ``services.previous_year``, shown as Δ index
and Δ rank by ``parapp results``; a bad table is refused with every located problem and the
round's file stays byte-for-byte the same in its rows."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parapp.cli import app as cli
from parapp.io.sheets.council_report import YEAR_COLUMNS
from parapp.services import reports
from tests.services import results_world as world


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    """parapp's own results workbook of last year (SA first, SB second)."""
    path = world.build_round(tmp_path / "2025.parround")
    ctx = world.opened(path)
    try:
        reports.export_results(
            ctx,
            xlsx=tmp_path / "2025.xlsx",
            pdf=None,
            place="Thái Nguyên",
            date=dt.date(2026, 1, 6),
        )
    finally:
        ctx.close()
    return tmp_path / "2025.xlsx"


@pytest.fixture
def this_year(tmp_path: Path) -> Path:
    """This year: SB scores full marks and moves up to rank 1."""
    path = world.build_round(tmp_path / "2026.parround")
    for member in ("UV1", "UV2"):
        world.set_member_score(path, "SB", "1.2", member, "3")
        world.set_member_score(path, "SB", "1.1", member, "1")
        world.set_member_score(path, "SB", "3.1", member, "0")
    world.set_survey(path, "SB", "4")
    return path


def test_imported_results_show_changes_in_results_files(
    last_year: Path, this_year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["round", "settings", str(this_year), "--previous-results", str(last_year)], capsys
    )
    assert (code, err) == (0, "")
    assert "Kết quả năm trước: 2025.xlsx (3 đơn vị)" in out
    code, out, err = run(
        ["--lang", "en", "results", str(this_year), "--xlsx", str(tmp_path / "kq.xlsx"),
         "--pdf", str(tmp_path / "kq.pdf"), "--place", "Thái Nguyên", "--date", "2027-01-06"],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, ""), out
    ws = load_workbook(tmp_path / "kq.xlsx")["BXH Khối sở"]
    header = [c.value for c in ws[4]]
    start = header.index(YEAR_COLUMNS[0]) + 1
    by_name = {ws.cell(row=r, column=2).value: r for r in range(5, 8)}
    sb = by_name["Sở B"]
    assert ws.cell(row=sb, column=start + 2).value == 2  # last year's rank
    assert ws.cell(row=sb, column=start + 3).value == 1  # moved up by one
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "kq.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    sb_line = next(line for line in text.splitlines() if "Sở B" in line)
    assert sb_line.split()[-4:] == ["56,25", "+43,75", "2", "+1"]
    # the import is audited; --no-previous-results forgets it (audited too)
    with sqlite3.connect(this_year) as raw:
        audited = raw.execute(
            "SELECT count(*) FROM audit WHERE field = 'previous_year.results'"
        ).fetchone()[0]
    assert audited == 1
    code, out, err = run(
        ["--lang", "en", "round", "settings", str(this_year), "--no-previous-results"], capsys
    )
    assert (code, err) == (0, "")
    assert "Last year's results: none" in out
    with sqlite3.connect(this_year) as raw:
        assert (
            raw.execute(
                "SELECT count(*) FROM setting WHERE key = 'previous_year.results'"
            ).fetchone()[0]
            == 0
        )


def test_a_bad_table_is_refused_with_every_problem_and_nothing_changes(
    this_year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "sai.xlsx"
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Công bố"
    for column, title in enumerate(("STT", "Mã đơn vị", "Tên đơn vị", "Chỉ số (%)", "Xếp hạng"), 1):
        ws.cell(row=1, column=column, value=title)
    ws.append([1, "SA", "Sở A", "=80+1", 1])  # a formula
    ws.append([2, "SB", "Sở B", "tám mươi", 2])  # not a number
    ws.append([3, None, "Không mã", 60, 3])  # no code
    workbook.save(bad)
    before = dump(this_year)
    code, _out, err = run(
        ["round", "settings", str(this_year), "--previous-results", str(bad),
         "--bands", "tinh"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "Traceback" not in err
    assert "sai.xlsx" in err
    for line, letter in ((2, "D"), (3, "D"), (4, "B")):
        assert f"'Công bố', dòng {line}, cột {letter}:" in err, err
    assert dump(this_year) == before
    code, _out, err = run(
        ["--lang", "en", "round", "settings", str(this_year), "--previous-results",
         str(tmp_path / "khong-co.xlsx")],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "does not exist" in err
    assert dump(this_year) == before
