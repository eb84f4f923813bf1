"""``parapp results`` on a real round holding values that break the criteria set's hard rules:
exit 1 with the full list (Vietnamese, English with --lang en) and nothing written; ``--draft``
writes a PDF watermarked "DỰ THẢO" on every page with the list attached and a workbook with a
draft title and a findings sheet; official sheets never carry the mark; units without any score
are listed after the ranked ones, without class or rank."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.cli import app as cli
from parapp.io.sheets import council_xlsx as rx
from tests.services import results_world as world

WHERE_WHEN = ("--place", "Thái Nguyên", "--date", "2027-01-08")
MARK = "DỰ THẢO"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return world.build_round(tmp_path_factory.mktemp("cli-checks") / "sach.parround")


@pytest.fixture
def path(clean: Path, tmp_path: Path) -> Path:
    target = tmp_path / "dot.parround"
    shutil.copy2(clean, target)
    return target


@pytest.fixture
def broken(path: Path) -> Path:
    """Three values an older release merged or imported: above max, below min, off the levels."""
    world.set_member_score(path, "SB", "1.1", "UV1", "5")
    world.set_member_score(path, "SB", "3.1", "UV2", "-5")
    world.set_survey(path, "SA", "7")
    return path


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return [" ".join(page.split()) for page in (pages[:-1] if not pages[-1].strip() else pages)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_official_results_are_refused_with_the_whole_list(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(broken)
    xlsx, pdf = tmp_path / "k.xlsx", tmp_path / "k.pdf"
    code, out, err = run(
        ["results", str(broken), "--xlsx", str(xlsx), "--pdf", str(pdf), *WHERE_WHEN], capsys
    )
    assert (code, out) == (1, "")
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert "3 điểm trong đợt vi phạm quy tắc" in lines[0]
    assert lines[1:] == [
        "  - SA (Sở A), mục 2.1, điểm điều tra xã hội học: 7 — yêu cầu tối đa 4,00",
        "  - SB (Sở B), mục 1.1, thành viên UV1: 5 — yêu cầu tối đa 1,00",
        "  - SB (Sở B), mục 3.1, thành viên UV2: -5 — yêu cầu tối thiểu -1,00",
    ]
    assert not xlsx.exists()
    assert not pdf.exists()
    assert _digest(broken) == before


def test_the_refusal_in_english(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["--lang", "en", "results", str(broken), "--pdf", str(tmp_path / "k.pdf")], capsys
    )
    assert (code, out) == (1, "")
    assert "No official results: 3 score(s)" in err
    assert "  - SB (Sở B), item 1.1, member UV1: 5 — must be at most 1.00" in err
    assert "  - SA (Sở A), item 2.1, survey score: 7 — must be at most 4.00" in err


def test_a_draft_is_watermarked_on_every_page_with_the_findings_attached(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "du-thao.xlsx", tmp_path / "du-thao.pdf"
    code, out, err = run(
        ["results", str(broken), "--draft", "--xlsx", str(xlsx), "--pdf", str(pdf), *WHERE_WHEN],
        capsys,
    )
    assert (code, err) == (0, "")
    assert "bản DỰ THẢO, không phải kết quả chính thức: 3 điểm" in out
    assert "  - SB (Sở B), mục 1.1, thành viên UV1: 5 — yêu cầu tối đa 1,00" in out
    pages = _pages(pdf)
    assert len(pages) >= 5  # summary, three appendices, findings
    assert all(MARK in page for page in pages)
    findings = pages[-1]
    assert "DANH SÁCH ĐIỂM VI PHẠM QUY TẮC CỦA BỘ TIÊU CHÍ" in findings
    assert "thành viên UV1" in findings
    assert "tối thiểu -1,00" in findings
    assert "điểm điều tra xã hội học" in findings
    book = load_workbook(xlsx)
    assert book.sheetnames[0] == rx.FINDINGS_SHEET
    sheet = book[rx.FINDINGS_SHEET]
    assert str(sheet["A1"].value).startswith(f"{MARK} — ")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_col=7)]
    assert rows == [
        ["1", "SA", "Sở A", "2.1", "điểm điều tra xã hội học", "7", "tối đa 4,00"],
        ["2", "SB", "Sở B", "1.1", "thành viên UV1", "5", "tối đa 1,00"],
        ["3", "SB", "Sở B", "3.1", "thành viên UV2", "-5", "tối thiểu -1,00"],
    ]
    ranking = book["BXH Khối sở"]
    assert str(ranking["A1"].value).startswith(f"{MARK} — ")
    assert "BẢNG TỔNG HỢP" in str(ranking["A1"].value)
    assert all(ws.oddHeader.left.text == MARK for ws in book.worksheets)


def test_official_sheets_never_carry_the_mark(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "k.xlsx", tmp_path / "k.pdf"
    code, out, err = run(
        ["results", str(path), "--xlsx", str(xlsx), "--pdf", str(pdf), *WHERE_WHEN], capsys
    )
    assert (code, err) == (0, "")
    assert "DỰ THẢO" not in out
    assert all(MARK not in page for page in _pages(pdf))
    book = load_workbook(xlsx)
    assert rx.FINDINGS_SHEET not in book.sheetnames
    assert all(not ws.oddHeader.left.text for ws in book.worksheets)
    assert not str(book["BXH Khối sở"]["A1"].value).startswith(MARK)


def test_a_unit_without_scores_is_listed_after_the_ranked_ones_unranked(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "k.xlsx", tmp_path / "k.pdf"
    code, out, _ = run(
        ["results", str(path), "--xlsx", str(xlsx), "--pdf", str(pdf), *WHERE_WHEN], capsys
    )
    assert code == 0
    assert "Chưa có điểm thẩm định (không xếp loại, không xếp hạng): SC." in out
    ws = load_workbook(xlsx)["BXH Khối sở"]
    rows = [
        [ws.cell(row=r, column=c).value for c in range(1, 10)]
        for r in range(rx.RANKING_HEADER_ROW + 1, rx.RANKING_HEADER_ROW + 4)
    ]
    assert [(r[1], r[7], r[8]) for r in rows] == [
        ("Sở A", "Tốt", 1),
        ("Sở B", "Khá", 2),
        ("Sở C", "Chưa có điểm thẩm định", None),
    ]
    assert rows[2][6] is None  # no index
    unit = load_workbook(xlsx)["SC Sở C"]
    texts = [c.value for row in unit.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Chưa có điểm thẩm định" in texts
    assert "Yếu" not in texts
    text = " ".join(_pages(pdf))
    # Rank 3 is the row number; applicable maximum only: no points, index, class or rank.
    assert "2 Sở B 5,50 8,00 0,00 1,00 56,25 Khá 2 3 Sở C 8,00 Chưa có điểm thẩm định" in text
    assert "Đơn vị chưa có điểm thẩm định: không xếp loại, không xếp hạng" in text
