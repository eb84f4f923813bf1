"""Evidence PDFs: exact Vietnamese back from pdftotext, a page per section, same bytes twice."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from parapp import paths
from parapp.io.sheets import evidence_pdf

FONTS = paths.resource("fonts")
DOC = evidence_pdf.EvidenceDocument(
    issuer="Sở Tư pháp tỉnh Thái Nguyên",
    number="12/KH-STP",
    title="Kế hoạch cải cách hành chính năm 2026",
    place_date="Thái Nguyên, ngày 05 tháng 01 năm 2026",
    pages=[
        "Phần I. Mục đích, yêu cầu.",
        unicodedata.normalize("NFD", "Phần II. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 92,5%."),
        "Phần III. Tổ chức thực hiện.",
    ],
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    evidence_pdf.write(DOC, path, FONTS)
    return path


def test_each_section_is_its_own_page_with_exact_vietnamese(pdf: Path) -> None:
    def page(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "SỞ TƯ PHÁP TỈNH THÁI NGUYÊN" in page(1)
    assert "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026" in page(1)
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 92,5%." in page(2)
    assert "Phần III" in page(3)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           3" in info.stdout


def test_rendering_is_deterministic() -> None:
    assert evidence_pdf.render(DOC, FONTS) == evidence_pdf.render(DOC, FONTS)
