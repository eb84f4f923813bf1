"""The council's results PDF: exact Vietnamese back from pdftotext, ranking tables in rank order,
charts, per-unit appendices numbered separately, and two recorded signature boxes."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from parapp import paths
from parapp.io.sheets import council_pdf as results_pdf
from parapp.io.sheets.council_pdf import RenderedResults
from tests.io import results_data as data

FONTS = paths.resource("fonts")


def pdftotext(path: Path, page: int | None = None, *options: str) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    return subprocess.run(
        ["pdftotext", *pages, *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RenderedResults]:
    path = tmp_path_factory.mktemp("results-pdf") / "ket-qua.pdf"
    return path, results_pdf.write_results_pdf(data.report(previous=True), path, FONTS)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_first_page_has_the_nd30_header_title_and_groups(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, _ = compared
    text = flat(pdftotext(path, 1))
    for expected in (
        "UBND TỈNH THÁI NGUYÊN",
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thái Nguyên, ngày 08 tháng 01 năm 2027",
        "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "I. SỞ, BAN, NGÀNH TỈNH",
        "Sở Công Thương",  # given decomposed, printed composed
    ):
        assert expected in text, expected
    assert "Trang" not in text


def test_ranking_rows_follow_the_built_order_with_their_ranks(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, _ = compared
    layout = pdftotext(path, None, "-layout")
    results = data.round_results(previous=True)
    for code, _label in results.groups:
        found = []
        for outcome in results.in_group(code):
            name = unicodedata.normalize("NFC", outcome.unit.name)
            line = next(
                x for x in layout.splitlines() if re.match(rf"\s*\d+\s+{re.escape(name)}\b", x)
            )
            shown = f"{outcome.result.index}".replace(".", ",")
            match = re.search(rf"{shown}\s+{outcome.result.classification}\s+(\d+)\b", line)
            assert match, line
            found.append((name, int(match.group(1)), layout.index(line)))
        assert [rank for _, rank, _ in found] == [o.rank for o in results.in_group(code)]
        assert [at for _, _, at in found] == sorted(at for _, _, at in found)
    # A tie shares rank 1; the next unit is 2 (dense), as built.
    ranks = [o.rank for o in results.in_group("so-ban-nganh")]
    assert ranks == [1, 1, 2, 3]


def test_comparison_column_shows_the_change_only_when_every_area_compares(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, _ = compared
    layout = pdftotext(path, None, "-layout")
    sct = next(x for x in layout.splitlines() if re.match(r"\s*1\s+Sở Công Thương", x))
    assert sct.rstrip().endswith("1,00")  # one point more than last year in area 1
    bdt = next(x for x in layout.splitlines() if re.match(r"\s*2\s+Ban Dân tộc", x))
    assert bdt.rstrip().endswith(" 2")  # area 2 missing last year: no total change


def test_ranking_charts_and_signature_block_are_present(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, rendered = compared
    main = flat(" ".join(pdftotext(path, page) for page in range(1, 4)))
    assert "Biểu đồ xếp hạng Chỉ số CCHC năm 2026 — Sở, ban, ngành tỉnh" in main
    assert "Biểu đồ xếp hạng Chỉ số CCHC năm 2026 — Cơ quan ngành dọc" in main
    for label in ("1. Sở Công Thương", "3. Sở Xây dựng", "75,50 – Khá", "Tốt ≥ 80", "Khá ≥ 70"):
        assert label in main, label
    assert "1. Kho bạc Nhà nước tỉnh (*)" in main
    assert "(*) Đơn vị chưa đủ điểm thẩm định: kết quả tạm tính." in main
    for words in ("THƯ KÝ HỘI ĐỒNG", "TM. HỘI ĐỒNG", "CHỦ TỊCH"):
        assert words in main
    assert "Nguyễn Thị Thu Hà" in main
    assert "Trịnh Việt Hùng" in main
    assert rendered.secretary.page_index == rendered.chair.page_index


def test_signature_boxes_sit_between_titles_and_names(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, rendered = compared
    page = rendered.secretary.page_index + 1
    bbox = pdftotext(path, page, "-bbox")
    height = 595.28

    def word_y(word: str) -> tuple[float, float]:
        match = re.search(rf'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>{word}</word>', bbox)
        assert match, word
        return float(match.group(1)), height - float(match.group(2))

    for box, title, name in (
        (rendered.secretary.box, "THƯ", "Hà"),
        (rendered.chair.box, "TỊCH", "Hùng"),
    ):
        x1, y1, x2, y2 = box
        title_x, title_top = word_y(title)
        name_x, name_top = word_y(name)
        assert x1 <= title_x <= x2
        assert x1 <= name_x <= x2
        assert title_top > y2 >= y1 > name_top
    assert rendered.secretary.box[2] < rendered.chair.box[0]  # secretary left, Chair right
    assert rendered.secretary.box[1] == rendered.chair.box[1]  # level


def test_each_unit_has_an_appendix_numbered_on_its_own(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, rendered = compared
    results = data.round_results(previous=True)
    starts = []
    for page in range(1, rendered.pages + 1):
        text = pdftotext(path, page)
        if "Phụ lục " in text and "PHIẾU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH" in text:
            starts.append(page)
            assert "Trang" not in text.split("Phụ lục")[0]
        elif page > 1:
            number = re.match(r"\s*(\d+)\s", text)
            assert number, page
    assert len(starts) == len(results.outcomes)
    first = flat(pdftotext(path, starts[0]))
    assert "Phụ lục 1" in first
    assert "Đơn vị: Sở Công Thương — Sở, ban, ngành tỉnh" in first
    assert flat(pdftotext(path, starts[0] + 1)).startswith("2 Phụ lục 1 — Sở Công Thương")


def test_unit_sheet_prints_the_council_numbers(compared: tuple[Path, RenderedResults]) -> None:
    path, _ = compared
    layout = pdftotext(path, None, "-layout")
    sct = layout.split("Phụ lục 1", 1)[1].split("Phụ lục 2")[0]
    outcome = data.round_results(previous=True).outcomes[0]
    assert outcome.unit.id == "SCT"

    def line(label: str) -> str:
        return next(x for x in sct.splitlines() if label in x)

    assert "94,00" in line("Chỉ số cải cách hành chính (%)")
    assert "91,50" in line("Điểm đạt được của các lĩnh vực")
    assert "2,50" in line("Điểm thưởng")
    assert "100,00" in line("Tổng điểm tối đa áp dụng")
    assert "1/4 (Sở, ban, ngành tỉnh)" in line("Xếp hạng")
    leaf = line(" 1.1.1 ")  # council-appraised 0,75 of 1, self-score 1
    assert re.search(r"1,00\s+1,00\s+0,75\s+0,75\s+Thiếu TLKC\.", leaf), leaf
    leaf_code = next(n.code for n in data.results_set().node("8").walk() if n.is_leaf)
    survey = line(f" {leaf_code} ")
    # Maximum, survey points, points: no self-score, no council appraisal.
    assert len(re.findall(r"\d+,\d\d", survey)) == 3
    criterion = next(x for x in sct.splitlines() if re.match(r"\s*\d+\s+8\.1\s", x))
    # Maximum and points: nothing below it is self-assessed.
    assert len(re.findall(r"\d+,\d\d", criterion)) == 2
    assert "Kết quả theo lĩnh vực — Sở Công Thương" in flat(sct)
    assert "năm trước 11,00" in sct  # area 1 last year, on the profile chart


def test_not_applicable_area_reads_so_for_a_unit_without_procedures(
    compared: tuple[Path, RenderedResults],
) -> None:
    path, _ = compared
    text = pdftotext(path, None, "-layout")
    bdt = text.split("Đơn vị: Ban Dân tộc")[1]
    area3 = next(x for x in bdt.splitlines() if re.match(r"\s*III\s+3\s", x))
    assert "Không áp dụng" in area3


def test_same_report_gives_the_same_bytes() -> None:
    report = data.report()
    first = results_pdf.render_results_pdf(report, FONTS)
    second = results_pdf.render_results_pdf(report, FONTS)
    assert first.data == second.data
    assert first.data.startswith(b"%PDF-")


def test_without_comparison_there_is_no_change_column(tmp_path: Path) -> None:
    path = tmp_path / "k.pdf"
    results_pdf.write_results_pdf(data.report(), path, FONTS)
    text = pdftotext(path, 1)
    assert "năm trước" not in text
    assert "Tăng/giảm" not in text
