"""A score sheet as a PDF laid out per Nghị định 30/2020/NĐ-CP: A4 landscape, Liberation Serif
(Times New Roman metrics), header block, a table repeated under its header on every page, page
numbers centred in the top margin from page 2 (``document``), and the signer block at the end.

The signer block's empty room (for the signature image and the seal) is measured while drawing:
``RenderedSheet.signature`` gives its page and box in PDF points, bottom-left origin, so a
signature field can be placed exactly on it. The block's texts are drawn in the page content too,
because QtPdf does not draw signature widget appearances.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.document import (
    LANDSCAPE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PageCounter,
    SectionStart,
    nd30_document,
)
from parapp.io.sheets.member_sheet import Heading, ScoreSheet, Signer
from parapp.io.sheets.pdf_table import (
    BODY_SIZE,
    GRID_STYLE,
    SERIF_CELLS,
    TABLE_SIZE,
    Styles,
    leading_cells,
    markup,
    number_cell,
    tree_table,
)
from parapp.io.sheets.table import nfc

# The typography and the table renderer moved to ``pdf_table``, the document to ``document``;
# the sheets that build on the member's layout still find them here.
__all__ = [
    "BODY_SIZE",
    "GRID_STYLE",
    "MARGIN_BOTTOM",
    "MARGIN_LEFT",
    "MARGIN_RIGHT",
    "MARGIN_TOP",
    "TABLE_SIZE",
    "PageCounter",
    "RenderedSheet",
    "SectionStart",
    "SignatureBox",
    "Styles",
    "leading_cells",
    "markup",
    "nd30_document",
    "number_cell",
    "render_pdf",
    "write_pdf",
]

PAGE = LANDSCAPE
COLUMN_WIDTHS_MM = (11, 17, 80, 16, 16, 21, 21, 16, 54)
"""STT, Mã, Nội dung, Điểm tối đa, Tự chấm, Thẩm định lần 1, Thẩm định lần 2, Chênh lệch, Ý kiến:
252 mm, the width between the margins of a landscape A4 page."""
SIGNATURE_WIDTH = 90 * mm
SIGNATURE_ROOM = 32 * mm
"""Room between the signer's title and name for the blue signature image and the seal."""


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature goes: 0-based page index and (x1, y1, x2, y2) in PDF points from the
    bottom-left corner, as pyHanko's ``SigFieldSpec(on_page=..., box=...)`` takes them."""

    page_index: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class RenderedSheet:
    """The PDF bytes with their page count and the signature box."""

    data: bytes
    pages: int
    signature: SignatureBox


def render_pdf(sheet: ScoreSheet, fonts_dir: Path, *, invariant: bool = True) -> RenderedSheet:
    """Render ``sheet``; with ``invariant`` (the default) the same sheet gives the same bytes."""
    family = register_serif(fonts_dir)
    styles = Styles(family)
    recorder = SignatureRoom(SIGNATURE_WIDTH, SIGNATURE_ROOM)
    story: list[Any] = [
        header_block(sheet.heading, styles),
        Spacer(1, 6 * mm),
        Paragraph(markup(sheet.title.upper()), styles.title),
        Paragraph(markup(sheet.subtitle), styles.centre_italic),
        Spacer(1, 2 * mm),
        Paragraph(
            markup(f"Đơn vị: {sheet.unit_name} — Thành viên: {sheet.member_name}"), styles.centre
        ),
        Spacer(1, 4 * mm),
    ]
    # The summary and the signer's block close the table, so the signature never stands alone.
    closing: list[Any] = []
    if sheet.note:
        closing += [Paragraph(markup(sheet.note), styles.note), Spacer(1, 2 * mm)]
    closing += [Spacer(1, 4 * mm), _signer_block(sheet, styles, recorder)]
    story.append(
        tree_table(
            sheet.table,
            styles,
            COLUMN_WIDTHS_MM,
            top_texts=True,
            text_over_tail=False,
            closing=closing,
        )
    )
    out = BytesIO()
    doc = nd30_document(
        out,
        title=nfc(f"{sheet.title} — {sheet.unit_name}"),
        author=sheet.heading.body,
        subject=nfc(f"{sheet.form_id} {sheet.form_version} — {sheet.member_name}"),
        date=sheet.heading.date,
        invariant=invariant,
    )
    counter = PageCounter(sheet.heading.date)
    doc.build(story, canvasmaker=counter.canvas_class())
    assert recorder.placed is not None  # the block is always drawn
    return RenderedSheet(out.getvalue(), counter.total, recorder.placed)


def write_pdf(sheet: ScoreSheet, path: Path, fonts_dir: Path) -> RenderedSheet:
    """Render and write atomically; return what was written."""
    rendered = render_pdf(sheet, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered


class Rule(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A horizontal rule of ``length`` centred in a cell of ``width``."""

    def __init__(self, width: float, length: float) -> None:
        super().__init__()
        self.width = width
        self.length = length
        self.height = 6

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        start = (self.width - self.length) / 2
        self.canv.setLineWidth(0.6)
        # A few points below the text above, as the printed forms show it.
        self.canv.line(start, 1, start + self.length, 1)


class SignatureRoom(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """Empty room for the signature and seal that records where it was drawn."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.placed: SignatureBox | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        box = (round(x, 2), round(y, 2), round(x + self.width, 2), round(y + self.height, 2))
        self.placed = SignatureBox(page, box)


def header_block(heading: Heading, styles: Styles) -> Table:
    """The ND30 header of a landscape sheet (``nd30_header`` over its 252 mm)."""
    return nd30_header(
        heading.parent_body, heading.body, heading.place_date, styles, widths=(100 * mm, 152 * mm)
    )


def nd30_header(
    parent_body: str,
    body: str,
    place_date: str,
    styles: Styles,
    *,
    widths: tuple[float, float],
    number: str = "",
    nation_size: float = BODY_SIZE,
) -> Table:
    """The ND30 header: parent body (if any), issuing body (ruled) and the document's number
    (if any) left; Quốc hiệu, Tiêu ngữ (ruled) and the place and date right."""
    left_width, right_width = widths
    body = body.upper()
    motto = "Độc lập - Tự do - Hạnh phúc"
    body_width = stringWidth(body, "Serif-Bold", BODY_SIZE)
    motto_width = stringWidth(motto, "Serif-Bold", BODY_SIZE)
    left: list[Any] = [Paragraph(markup(parent_body.upper()), styles.centre)] if parent_body else []
    left += [
        Paragraph(markup(body), styles.centre_bold),
        Rule(left_width, min(body_width, left_width) / 3),
    ]
    if number:
        left += [Spacer(1, 2 * mm), Paragraph(markup(number), styles.centre)]
    nation = ParagraphStyle("nation", parent=styles.centre_bold, fontSize=nation_size)
    right = [
        Paragraph(markup("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), nation),
        Paragraph(markup(motto), styles.centre_bold),
        Rule(right_width, motto_width),
        Spacer(1, 3 * mm),
        Paragraph(markup(place_date), styles.centre_italic),
    ]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                SERIF_CELLS,
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signer_column(
    signer: Signer, styles: Styles, room: SignatureRoom, *, bold_position: bool = False
) -> list[Any]:
    """A signer's block: authority (bold caps), position, the recorded room, the name (bold).

    ``bold_position`` prints the position in bold capitals too, as ND30 wants for a title such
    as "CHỦ TỊCH" under "TM. HỘI ĐỒNG"; a member's job title stays plain.
    """
    block: list[Any] = [Paragraph(markup(signer.authority.upper()), styles.centre_bold)]
    if signer.position:
        position = signer.position.upper() if bold_position else signer.position
        style = styles.centre_bold if bold_position else styles.centre
        block.append(Paragraph(markup(position), style))
    block += [room, Paragraph(markup(signer.name), styles.centre_bold)]
    return block


def _signer_block(sheet: ScoreSheet, styles: Styles, room: SignatureRoom) -> Table:
    block = signer_column(sheet.signer, styles, room)
    width = sum(COLUMN_WIDTHS_MM) * mm
    return signature_row(["", block], [width - SIGNATURE_WIDTH, SIGNATURE_WIDTH])


def signature_row(cells: list[Any], widths: list[float]) -> Table:
    """Signer blocks (and the empty room between them) side by side, unruled, top-aligned."""
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                SERIF_CELLS,
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
