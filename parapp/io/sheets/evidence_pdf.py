"""Evidence documents (tài liệu kiểm chứng) rendered as multi-page PDFs, for the demo round.

Real evidence comes from the units; these stand-ins look like the decisions, plans and reports a
unit cites ("Kế hoạch 12/KH-STP, tr. 3"), with numbered pages so citations by page can be checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif


@dataclass(frozen=True)
class EvidenceDocument:
    """What an evidence PDF says: issuer, number, title, place/date line and one text per page."""

    issuer: str
    number: str
    title: str
    place_date: str
    pages: Sequence[str]


def render(document: EvidenceDocument, fonts_dir: Path) -> bytes:
    """The PDF bytes (deterministic: ReportLab's invariant mode)."""
    family = register_serif(fonts_dir)
    body = ParagraphStyle("body", fontName=family, fontSize=13, leading=18, firstLineIndent=10 * mm)
    head = ParagraphStyle("head", parent=body, alignment=1, firstLineIndent=0)
    bold = ParagraphStyle("bold", parent=head, fontName="Serif-Bold")
    italic = ParagraphStyle("italic", parent=head, fontName="Serif-Italic")
    story: list[object] = [
        Paragraph(_t(document.issuer.upper()), bold),
        Paragraph(_t(f"Số: {document.number}"), head),
        Paragraph(_t(document.place_date), italic),
        Spacer(1, 8 * mm),
        Paragraph(_t(document.title.upper()), bold),
        Spacer(1, 6 * mm),
    ]
    for index, text in enumerate(document.pages):
        if index:
            story.append(PageBreak())
        for paragraph in text.split("\n"):
            story.append(Paragraph(_t(paragraph), body))
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=_n(document.title),
        author=_n(document.issuer),
        invariant=1,
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()


def write(document: EvidenceDocument, path: Path, fonts_dir: Path) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render(document, fonts_dir))


def _n(text: str) -> str:
    # Decomposed Vietnamese (NFD) shows detached marks in PDFs.
    return unicodedata.normalize("NFC", text)


def _t(text: str) -> str:
    return escape(_n(text))


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    # Nghị định 30: page numbers centred in the top margin, not on the first page.
    page = canvas.getPageNumber()
    if page > 1:
        canvas.saveState()
        canvas.setFont("Serif", 13)
        width, height = A4
        canvas.drawCentredString(width / 2, height - 12 * mm, str(page))
        canvas.restoreState()
