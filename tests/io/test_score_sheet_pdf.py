"""The score sheet PDF: exact Vietnamese back from pdftotext, ND30 page numbers, the signature
box where the signer block is, same bytes twice."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from parapp import paths
from parapp.core.numbers import format_score
from parapp.io.sheets import member_pdf as score_sheet_pdf
from parapp.io.sheets.member_pdf import RenderedSheet
from parapp.io.sheets.member_sheet import ScoreSheet, SummaryKey
from tests.io import score_sheet_data as data

FONTS = paths.resource("fonts")


@dataclass(frozen=True)
class Written:
    sheet: ScoreSheet
    rendered: RenderedSheet
    path: Path


def _write(tmp: Path, name: str, sheet: ScoreSheet) -> Written:
    path = tmp / name
    return Written(sheet, score_sheet_pdf.write_pdf(sheet, path, FONTS), path)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Written:
    return _write(tmp_path_factory.mktemp("pdf"), "full.pdf", data.sheet())


def pdftotext(path: Path, page: int | None = None, *options: str) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    return subprocess.run(
        ["pdftotext", *pages, *options, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_text_comes_back_as_exact_vietnamese(full: Written) -> None:
    text = pdftotext(full.path)
    assert unicodedata.is_normalized("NFC", text)
    flowing = " ".join(text.split())  # wrapped cells come back as several lines
    for expected in (
        "UBND TỈNH THÁI NGUYÊN",
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thái Nguyên, ngày 12 tháng 12 năm 2026",
        "PHIẾU CHẤM ĐIỂM THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "Đơn vị: Sở Công Thương — Thành viên: Lê Văn Thành",
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "Không áp dụng",
        "Thiếu tài liệu kiểm chứng; trừ 0,25 điểm.",
        "Chỉ số cải cách hành chính (%)",
        "THÀNH VIÊN HỘI ĐỒNG",
    ):
        assert expected in flowing, expected
    index = full.sheet.line(SummaryKey.INDEX)
    assert index is not None
    assert index.value is not None
    assert re.fullmatch(r"\d+,\d\d", format_score(index.value))
    assert format_score(index.value) in text
    assert "Tốt" in text


def test_nfd_input_prints_as_nfc(full: Written) -> None:
    # The unit name and a comment were given decomposed, as pasted from Word.
    text = pdftotext(full.path)
    assert unicodedata.normalize("NFD", "Sở Công Thương") not in text
    assert "Sở Công Thương" in text


def test_full_set_is_a4_landscape_over_several_pages(full: Written) -> None:
    info = pdfinfo(full.path)
    assert "841.89 x 595.276 pts (A4)" in info
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages == full.rendered.pages > 1


def test_page_numbers_from_page_two_centred_in_the_top_margin(full: Written) -> None:
    """Nghị định 30: the plain number, centred in the top margin, none on page 1."""
    total = full.rendered.pages
    assert not pdftotext(full.path, 1).lstrip()[:1].isdigit()
    for page in range(2, total + 1):
        bbox = pdftotext(full.path, page, "-bbox")
        match = re.search(
            rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">{page}</word>',
            bbox,
        )
        assert match is not None, page
        x_min, y_min, x_max = (float(match.group(i)) for i in (1, 2, 3))
        assert abs((x_min + x_max) / 2 - 841.89 / 2) < 2
        assert y_min < 20 / 25.4 * 72  # inside the 20 mm top margin
    assert pdftotext(full.path, 2).lstrip().startswith("2")


def test_header_row_repeats_on_every_page(full: Written) -> None:
    for page in range(1, full.rendered.pages):
        text = pdftotext(full.path, page)
        assert "Ý kiến thẩm định" in text, page
        assert "Nội dung" in text, page


def test_signature_box_lies_between_the_signer_title_and_name_on_the_last_page(
    full: Written,
) -> None:
    placed = full.rendered.signature
    assert placed.page_index == full.rendered.pages - 1
    x1, y1, x2, y2 = placed.box
    width, height = 841.89, 595.276
    assert 30 / 25.4 * 72 - 0.5 <= x1 < x2 <= width - 15 / 25.4 * 72 + 0.5
    assert 20 / 25.4 * 72 - 0.5 <= y1 < y2 <= height - 20 / 25.4 * 72 + 0.5
    bbox = pdftotext(full.path, placed.page_index + 1, "-bbox")

    def top_of(word: str) -> tuple[float, float]:
        match = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}</word>', bbox)
        assert match is not None, word
        # pdftotext measures from the top; the box from the bottom.
        return height - float(match.group(2)), height - float(match.group(1))

    authority_bottom, _ = top_of("VIÊN")
    _, name_top = top_of("Thành")
    assert name_top <= y1 < y2 <= authority_bottom


def test_the_same_sheet_gives_the_same_bytes() -> None:
    sheet = data.sheet()
    assert score_sheet_pdf.render_pdf(sheet, FONTS).data == (
        score_sheet_pdf.render_pdf(sheet, FONTS).data
    )


def test_a_unit_without_procedures_reads_not_applicable_for_the_area(tmp_path: Path) -> None:
    written = _write(tmp_path, "khong-tthc.pdf", data.sheet("so-khong-tthc"))
    lines = pdftotext(written.path, None, "-layout").splitlines()
    area = next(line for line in lines if "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" in line)
    assert "Không áp dụng" in area
    assert "15,00" in area
    # The area's criteria are left out: the area row says it all.
    assert not any(re.match(r"\s*\d+\s+3\.1\.1\s", line) for line in lines)


def test_a_member_with_some_areas_gets_no_index_and_keeps_the_area_numbers(
    tmp_path: Path,
) -> None:
    written = _write(tmp_path, "part.pdf", data.sheet(areas=frozenset({"1", "9", "10"})))
    text = pdftotext(written.path)
    assert "Phiếu gồm các lĩnh vực được phân công (mã 1, 9, 10)" in text
    assert "Chỉ số cải cách hành chính" not in text
    assert "Xếp loại" not in text
    layout = pdftotext(written.path, None, "-layout")
    assert re.search(r"^\s*IX\s+9\s+ĐIỂM THƯỞNG", layout, re.M)
    assert "CẢI CÁCH THỂ CHẾ" not in text
