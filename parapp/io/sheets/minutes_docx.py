"""The council meeting's minutes as an editable Word document (.docx), for the secretary's desk.

Offices keep their minutes in Word: the secretary reads the draft, corrects the wording the
meeting asked for, and files it. This writes the same ``Minutes`` the signed PDF shows
(``minutes_pdf``), in the same order and words, laid out as Nghị định 30 asks of a Word file:
A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 for the body, the two-column header
(issuing body left; Quốc hiệu and Tiêu ngữ right), and the two signature blocks. The Word file
is a draft to edit; the official minutes stay the signed PDF.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.sheets.member_sheet import roman
from parapp.io.sheets.minutes_pdf import (
    CHAIR_AUTHORITY,
    GROUP_COLUMNS,
    ITEM_COLUMNS,
    PROVISIONAL_NOTE,
    SECRETARY_AUTHORITY,
    SUBTITLE,
    TITLE,
    Minutes,
)

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ITEM_WIDTHS_MM = (13, 50, 30, 42, 30)
GROUP_WIDTHS_MM = (16, 74, 25, 25, 25)
"""Column widths on the 165 mm of text (a little wider than the PDF's where Word wraps "STT")."""
DRAFT_NOTE = "Bản Word để chỉnh sửa; bản chính thức là tệp PDF đã ký số."


def render_minutes_docx(minutes: Minutes) -> bytes:
    """The .docx bytes of ``minutes`` (core properties dated by the meeting, not the clock)."""
    doc = Document()
    _page(doc)
    _header(doc, minutes)
    _centred(doc, TITLE, bold=True, before=12)
    _centred(doc, SUBTITLE.format(year=minutes.year), bold=True, after=6)
    if minutes.provisional:
        _centred(doc, PROVISIONAL_NOTE, bold=True, italic=True)
    for line in minutes.opening:
        _body(doc, line)
    _heading(doc, "I. THÀNH PHẦN THAM DỰ")
    _body(doc, f"1. Có mặt ({len(minutes.present)}):")
    for person in minutes.present:
        _bullet(doc, f"- {person};")
    away = (*minutes.absent, *minutes.written)
    _body(doc, f"2. Vắng mặt ({len(away)}):")
    for person in away:
        _bullet(doc, f"- {person};")
    for line in minutes.quorum:
        _body(doc, line)
    _heading(doc, "II. NỘI DUNG")
    _body(doc, f"1. Các nội dung còn ý kiến khác nhau ({len(minutes.items)} mục):")
    if minutes.items:
        rows = [
            [str(n), f"{i.unit} — {i.item}", i.scores, i.votes, i.decision]
            for n, i in enumerate(minutes.items, 1)
        ]
        _table(doc, ITEM_COLUMNS, rows, ITEM_WIDTHS_MM)
        for n, item in enumerate(minutes.items, 1):
            if item.reason:
                _bullet(doc, f"Mục {n}: {item.reason}")
    else:
        _bullet(doc, "Không có nội dung nào còn ý kiến khác nhau.")
    title = (
        "2. Kết quả tạm thời theo nhóm xếp hạng"
        if minutes.provisional
        else "2. Kết quả Chỉ số CCHC được Hội đồng thông qua theo nhóm xếp hạng"
    )
    _body(doc, f"{title}:")
    for number, (label, group) in enumerate(minutes.groups, 1):
        _heading(doc, f"{roman(number)}. {label}")
        rows = [[r.rank, r.unit, r.total, r.index, r.classification] for r in group]
        _table(doc, GROUP_COLUMNS, rows, GROUP_WIDTHS_MM)
    _heading(doc, "III. KẾT LUẬN")
    _body(doc, minutes.approval)
    _body(doc, minutes.closing)
    _signatures(doc, minutes)
    _draft_note(doc)
    properties = doc.core_properties
    properties.title = f"{TITLE} {SUBTITLE.format(year=minutes.year)}"
    properties.author = minutes.heading.body
    properties.subject = minutes.number
    properties.language = "vi-VN"
    properties.comments = DRAFT_NOTE
    properties.created = properties.modified = _midnight(minutes)
    properties.last_modified_by = minutes.heading.body
    properties.revision = 1
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def write_minutes_docx(minutes: Minutes, path: Path) -> None:
    """Render ``minutes`` and write it to ``path`` atomically."""
    write_bytes_atomic(path, render_minutes_docx(minutes))


def _midnight(minutes: Minutes) -> dt.datetime:
    day = minutes.heading.date
    return dt.datetime(day.year, day.month, day.day)


def _page(doc: DocumentType) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = normal.element.get_or_add_rPr()
    lang = language.find(qn("w:lang"))
    if lang is None:
        lang = language.makeelement(qn("w:lang"), {})
        language.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    paragraph = normal.paragraph_format
    paragraph.space_before, paragraph.space_after = Pt(0), Pt(3)
    paragraph.line_spacing = 1.1


def _text(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
) -> None:
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = Pt(size)


def _centred(
    doc: DocumentType | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    before: int = 0,
    after: int = 3,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    _text(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _body(doc: DocumentType, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)
    _text(paragraph, text)


def _bullet(doc: DocumentType, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.left_indent = Mm(10)
    _text(paragraph, text)


def _heading(doc: DocumentType, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Mm(10)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    _text(paragraph, text, bold=True)


def _borderless(table: Table) -> None:
    borders = table._tbl.tblPr.makeelement(qn("w:tblBorders"), {})
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{side}"), {qn("w:val"): "nil"}))
    table._tbl.tblPr.append(borders)


def _widths(table: Table, widths_mm: tuple[float, ...]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, centre: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    _text(paragraph, text, bold=bold, size=TABLE_PT)


def _header(doc: DocumentType, minutes: Minutes) -> None:
    """Issuing body (under its parent) and the number left; Quốc hiệu, Tiêu ngữ, place and
    date right: one borderless table, as Word templates of ND30 do it."""
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, (62, 103))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = minutes.heading
    if heading.parent_body:
        _text(first, heading.parent_body.upper(), size=13)
        _centred(left, heading.body.upper(), bold=True, size=13)
    else:
        _text(first, heading.body.upper(), bold=True, size=13)
    _centred(left, "———", size=10)
    _centred(left, f"Số: {minutes.number}", size=13)
    nation = right.paragraphs[0]
    nation.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(nation, NATION, bold=True, size=12)
    _centred(right, MOTTO, bold=True, size=13)
    _centred(right, "———————————", size=10)
    _centred(right, heading.place_date, italic=True, size=13)


def _table(
    doc: DocumentType, columns: tuple[str, ...], rows: list[list[str]], widths: tuple[int, ...]
) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        _cell_text(cell, title, bold=True, centre=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _cell_text(cell, value)
    _widths(table, tuple(float(w) for w in widths))
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(header.makeelement(qn("w:tblHeader"), {}))  # repeated on each page


def _signatures(doc: DocumentType, minutes: Minutes) -> None:
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=3)
    _borderless(table)
    _widths(table, (70, 25, 70))
    left, _, right = table.rows[0].cells
    for cell, authority, name in (
        (left, SECRETARY_AUTHORITY, minutes.secretary),
        (right, CHAIR_AUTHORITY, minutes.chair),
    ):
        title = cell.paragraphs[0]
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(title, authority, bold=True)
        _centred(cell, "(Ký, ghi rõ họ tên)", italic=True, after=60)
        _centred(cell, name, bold=True)


def _draft_note(doc: DocumentType) -> None:
    """The note under the signatures (a paragraph, not a page footer: python-docx builds a footer
    from a template it finds through ``docx/parts/..``, a folder a frozen build does not have)."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(18)
    _text(paragraph, DRAFT_NOTE, italic=True, size=10)
