"""``parapp results``: the council's workbook and PDF from the command line, user errors on stderr
with exit status 1."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.cli import app as cli

TTT_TYPE = ("--type", "so-khong-tthc")
CHAIR = ("--role", "chair")
SECRETARY = ("--role", "secretary")
WHERE_WHEN = ("--place", "Thái Nguyên", "--date", "2027-01-08")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A department round with two units and a council, nothing scored yet."""
    path = tmp_path / "2026-so.parround"
    steps = [
        ["round", "create", str(path), "--criteria", "PAR-SO-2026", "--name", "Thẩm định 2026"],
        ["round", "add-unit", str(path), "--id", "STP", "--name", "Sở Tư pháp", "--type", "so"],
        ["round", "add-unit", str(path), "--id", "TTT", "--name", "Thanh tra tỉnh", *TTT_TYPE],
        ["round", "add-member", str(path), "--id", "CT", "--name", "Trịnh Việt Hùng", *CHAIR],
        ["round", "add-member", str(path), "--id", "TK", "--name", "Nguyễn Thị Thu Hà", *SECRETARY],
    ]
    for step in steps:
        code, _, err = run(step, capsys)
        assert code == 0, err
    return path


def test_results_writes_both_files_and_names_units_not_yet_appraised(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "ket-qua.xlsx", tmp_path / "ket-qua.pdf"
    code, out, err = run(
        ["results", str(year), "--xlsx", str(xlsx), "--pdf", str(pdf), *WHERE_WHEN],
        capsys,
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Đã ghi {xlsx}.",
        f"Đã ghi {pdf}.",
        "Chưa có điểm thẩm định (không xếp loại, không xếp hạng): STP, TTT.",
    ]
    assert load_workbook(xlsx).sheetnames == [
        "BXH Sở, ban, ngành tỉnh",
        "STP Sở Tư pháp",
        "TTT Thanh tra tỉnh",
        "Nguồn",
        "Nhật ký",
    ]
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Thái Nguyên, ngày 08 tháng 01 năm 2027" in text
    assert "Nguyễn Thị Thu Hà" in text
    assert "Trịnh Việt Hùng" in text


def test_results_in_english_and_only_a_workbook(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = tmp_path / "k.xlsx"
    code, out, _ = run(["--lang", "en", "results", str(year), "--xlsx", str(xlsx)], capsys)
    assert code == 0
    assert out.splitlines()[0] == f"Wrote {xlsx}."
    assert "Not yet appraised (no class, no rank): STP, TTT." in out
    assert not (tmp_path / "k.pdf").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "Chọn ít nhất một tệp để xuất: --xlsx TỆP hoặc --pdf TỆP."),
        (["--xlsx", "k.xlsx", "--date", "08/01/2027"], "Ngày “08/01/2027” không hợp lệ"),
        (["--xlsx", "k.xlsx", "--previous", "missing.parround"], "Không tìm thấy tệp đợt năm"),
    ],
)
def test_user_errors_exit_1_with_a_message(
    year: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["results", str(year), *extra], capsys)
    assert code == 1
    assert out == ""
    assert message in err
    assert not (tmp_path / "k.xlsx").exists()


def test_a_missing_round_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["results", str(tmp_path / "none.parround"), "--xlsx", str(tmp_path / "k.xlsx")], capsys
    )
    assert code == 1
    assert out == ""
    assert err.strip()
    assert not (tmp_path / "k.xlsx").exists()


def test_an_unwritable_output_is_a_user_error(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "k.pdf"
    code, _, err = run(["results", str(year), "--pdf", str(target)], capsys)
    assert code == 1
    assert "Không ghi được tệp k.pdf" in err
