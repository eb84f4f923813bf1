"""The fast cell writers give exactly what the slow ones gave: ``styled`` the same workbook as
plain openpyxl style assignments, ``Word`` the same glyphs at the same places as a Paragraph."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfplumber
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from parapp import paths
from parapp.io.files.fonts import register_serif
from parapp.io.files.xlsx_styles import styled
from parapp.io.sheets.pdf_table import GRID_STYLE, Styles, Word

THIN = Side(style="thin")
PARTS: list[dict[str, Any]] = [
    {"font": Font(name="Times New Roman", size=12, bold=True)},
    {"border": Border(left=THIN, right=THIN, top=THIN, bottom=THIN)},
    {"alignment": Alignment(horizontal="right"), "number_format": "0.00"},
    {"fill": PatternFill("solid", fgColor="F2F2F2"), "font": Font(italic=True)},
    {"alignment": Alignment(wrap_text=True, vertical="top")},
]


def _book(fast: bool) -> dict[str, bytes]:
    book = Workbook()
    ws = book.active
    assert ws is not None
    for row in range(1, 40):
        for column in range(1, 9):
            cell = ws.cell(row=row, column=column, value=row * column)
            for step in range(row % 4 + column % 3):
                parts = PARTS[(row + column + step) % len(PARTS)]
                if fast:
                    styled(cell, **parts)
                else:
                    for name, value in parts.items():
                        setattr(cell, name, value)
    out = BytesIO()
    book.save(out)
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps")}


def test_styled_writes_the_same_workbook_as_plain_assignments() -> None:
    assert _book(fast=True) == _book(fast=False)


def _pdf(path: Path, word: bool) -> list[tuple[Any, ...]]:
    styles = Styles(register_serif(paths.resource("fonts")))

    def cell(text: str, style: Any, bold: bool = False) -> Any:
        if word:
            return Word(text, style, bold=bold)
        return Paragraph(f"<b>{text}</b>" if bold and text else text, style)

    rows = [
        ["1", Paragraph("Một nội dung dài cần xuống dòng " * 3, styles.cell), "83,05", "", "7"],
        ["2", Paragraph("Ngắn", styles.cell), "100,00", "1,5", ""],
        ["III", Paragraph("Ba", styles.cell), "", "-0,25", "12"],
    ]
    data = [
        [
            cell(stt, styles.cell_centre, bold=stt == "III"),
            name,
            cell(a, styles.cell_number),
            cell(b, styles.cell_number, bold=True),
            cell(c, styles.cell_centre, bold=True),
        ]
        for stt, name, a, b, c in rows
    ]
    table = Table(data, colWidths=[40, 160, 60, 60, 40])
    table.setStyle(list(GRID_STYLE))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    with pdfplumber.open(path) as pdf:
        return [
            (c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"], round(c["size"], 2))
            for c in pdf.pages[0].chars
        ]


def test_word_draws_what_a_paragraph_of_it_draws(tmp_path: Path) -> None:
    words = _pdf(tmp_path / "word.pdf", word=True)
    assert words == _pdf(tmp_path / "paragraph.pdf", word=False)
    assert any(c[0] == "8" for c in words)
