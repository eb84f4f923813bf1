"""The command line: checks, exports and errors as a user meets them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from parapp import __version__
from parapp.cli import app as cli
from parapp.io.criteria import json_files as criteria_files
from parapp.io.criteria import workbook as criteria_workbook
from parapp.services import criteria_sets

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_prints_the_par_2019_counts_and_split(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "check", "PAR-TINH-2019"], capsys)
    assert code == 0
    assert "8 lĩnh vực / 43 tiêu chí / 95 tiêu chí thành phần" in out
    assert (
        "tối đa 100,00 = 64,50 hội đồng thẩm định + 33,50 điều tra XHH "
        "+ 2,00 cơ quan khác đánh giá" in out
    )


def test_check_speaks_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--lang", "en", "criteria", "check", "PAR-TINH-2019"], capsys)
    assert code == 0
    assert "8 areas / 43 criteria / 95 sub-criteria" in out
    assert "maximum 100.00 = 64.50 council-appraised + 33.50 survey" in out


def test_check_without_arguments_checks_every_bundled_set(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["criteria", "check"], capsys)
    assert code == 0
    for bundled in criteria_sets.list_bundled():
        assert bundled.criteria_set.form_id in out


def test_list_names_every_bundled_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "list"], capsys)
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines() if not line.startswith("\t")] == [
        b.criteria_set.form_id for b in criteria_sets.list_bundled()
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_export_then_check_round_trips(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / f"so{suffix}"
    code, out, _ = run(["criteria", "export", "PAR-SO-2026", str(out_file)], capsys)
    assert code == 0
    assert "Đã xuất PAR-SO-2026" in out
    original = criteria_sets.find_bundled("PAR-SO-2026")
    reread = (
        criteria_workbook.read_workbook(out_file)
        if suffix == ".xlsx"
        else criteria_files.read_json(out_file)
    )
    assert reread == original
    code, out, _ = run(["criteria", "check", str(out_file)], capsys)
    assert code == 0
    assert "PAR-SO-2026" in out


def test_defective_workbook_exits_1_listing_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "so.xlsx"
    run(["criteria", "export", "PAR-SO-2026", str(path)], capsys)
    wb = openpyxl.load_workbook(path)
    ws = wb["TieuChi"]
    ws["C2"] = 99  # area 1 maximum no longer matches its children
    ws["B5"] = None  # empty name
    ws["I20"] = "so, phuong"  # unknown unit type (in area 2: area 1's sum is still checked)
    wb.save(path)
    code, out, err = run(["--lang", "en", "criteria", "check", str(path)], capsys)
    assert code == 1
    assert out == ""
    assert "so.xlsx" in err
    assert "sheet 'TieuChi', row 2, column C" in err
    assert "row 5, column B" in err
    assert "row 20, column I" in err
    assert "3 problem(s)" in err  # one sum problem naming both unit types
    assert "Item “1” (unit type so, so-khong-tthc): maximum 99" in err


def test_unknown_set_and_unsupported_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["criteria", "check", "NOPE"], capsys)
    assert code == 1
    assert "Không có bộ tiêu chí “NOPE”" in err
    code, _, err = run(["criteria", "export", "PAR-SO-2026", str(tmp_path / "x.csv")], capsys)
    assert code == 1
    assert "x.csv: chỉ xuất được ra .json hoặc .xlsx." in err
    assert not (tmp_path / "x.csv").exists()


def test_console_script_reports_its_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "parapp", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout.strip() == f"parapp {__version__}"
