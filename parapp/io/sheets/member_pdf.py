"""A score sheet as a PDF laid out per Nghị định 30/2020/NĐ-CP: A4 landscape, Liberation Serif
(Times New Roman metrics), header block, a table repeated under its header on every page, page
numbers "Trang x/y" centred in the top margin from page 2, and the signer block at the end.

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

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.member_sheet import Heading, ScoreSheet, Signer
from parapp.io.sheets.pdf_table import (
    BODY_SIZE,
    GRID_STYLE,
    TABLE_SIZE,
    Styles,
    leading_cells,
    markup,
    number_cell,
    summary_table,
    tree_table,
)
from parapp.io.sheets.table import nfc

# The typography and the table renderer moved to ``pdf_table``; the sheets that build on the
# member's layout still find them here.
__all__ = [
    "BODY_SIZE",
    "GRID_STYLE",
    "TABLE_SIZE",
    "RenderedSheet",
    "SignatureBox",
    "Styles",
    "leading_cells",
    "markup",
    "number_cell",
    "render_pdf",
    "write_pdf",
]

PAGE = landscape(A4)
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
COLUMN_WIDTHS_MM = (11, 17, 80, 16, 16, 21, 21, 16, 54)
"""STT, Mã, Nội dung, Điểm tối đa, Tự chấm, Thẩm định lần 1, Thẩm định lần 2, Chênh lệch, Ý kiến:
252 mm, the width between the margins of a landscape A4 page."""
SIGNATURE_WIDTH = 90 * mm
SIGNATURE_ROOM = 32 * mm
"""Room between the signer's title and name for the blue signature image and the seal."""
PAGE_NUMBER_Y = PAGE[1] - 12 * mm


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
        tree_table(sheet.table, styles, COLUMN_WIDTHS_MM, top_texts=True),
    ]
    # The summary travels with the signer block, so the signature never stands alone on a page.
    closing: list[Any] = [
        summary_table(sheet.table, styles, COLUMN_WIDTHS_MM, text_over_tail=False)
    ]
    if sheet.note:
        closing += [Spacer(1, 2 * mm), Paragraph(markup(sheet.note), styles.note)]
    closing += [Spacer(1, 6 * mm), _signer_block(sheet, styles, recorder)]
    story.append(KeepTogether(closing))
    out = BytesIO()
    doc = nd30_document(
        out,
        title=nfc(f"{sheet.title} — {sheet.unit_name}"),
        author=sheet.member_name,
        subject=nfc(f"{sheet.form_id} {sheet.form_version}"),
        invariant=invariant,
    )
    counter = PageCounter()
    doc.build(story, canvasmaker=counter.canvas_class())
    assert recorder.placed is not None  # the block is always drawn
    return RenderedSheet(out.getvalue(), counter.total, recorder.placed)


def nd30_document(
    out: BytesIO, *, title: str, author: str, subject: str, invariant: bool
) -> SimpleDocTemplate:
    """An A4 landscape document with the ND30 margins and the given metadata; ``invariant``:
    the same content gives the same bytes."""
    return SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="parapp",
        invariant=int(invariant),
    )


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
    """The ND30 header: parent body and issuing body (ruled) left; Quốc hiệu, Tiêu ngữ (ruled)
    and the place and date right."""
    left_width, right_width = 100 * mm, 152 * mm
    body = heading.body.upper()
    motto = "Độc lập - Tự do - Hạnh phúc"
    body_width = stringWidth(body, "Serif-Bold", BODY_SIZE)
    motto_width = stringWidth(motto, "Serif-Bold", BODY_SIZE)
    left = [
        Paragraph(markup(heading.parent_body.upper()), styles.centre),
        Paragraph(markup(body), styles.centre_bold),
        Rule(left_width, min(body_width, left_width) / 3),
    ]
    right = [
        Paragraph(markup("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), styles.centre_bold),
        Paragraph(markup(motto), styles.centre_bold),
        Rule(right_width, motto_width),
        Spacer(1, 3 * mm),
        Paragraph(markup(heading.place_date), styles.centre_italic),
    ]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
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
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class PageCounter:
    """Builds a canvas class that holds every page until the end, so each page can say
    "Trang x/y". Nghị định 30: centred in the top margin, not on the first page; appendices are
    numbered separately (a ``SectionStart`` starts a new count on the page it is drawn on)."""

    def __init__(self) -> None:
        self.total = 0
        self.starts: set[int] = {1}
        """Page numbers (1-based, whole document) on which a separately numbered part begins."""

    def numbering(self, page: int, total: int) -> tuple[int, int]:
        """The number of ``page`` within its part and the part's page count."""
        first = max(start for start in self.starts if start <= page)
        later = [start for start in self.starts if start > first]
        last = min(later) - 1 if later else total
        return page - first + 1, last - first + 1

    def canvas_class(self) -> type[Canvas]:
        """The canvas class to pass to ``doc.build(..., canvasmaker=...)``."""
        counter = self

        class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 - ReportLab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                counter.total = total
                for state in self._pages:
                    self.__dict__.update(state)
                    number, count = counter.numbering(self.getPageNumber(), total)
                    if number > 1:
                        self.saveState()
                        self.setFont("Serif", BODY_SIZE)
                        self.drawCentredString(
                            PAGE[0] / 2, PAGE_NUMBER_Y, f"Trang {number}/{count}"
                        )
                        self.restoreState()
                    super().showPage()
                super().save()

        return NumberedCanvas


class SectionStart(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """Zero-size mark: the page it lands on starts a separately numbered part (an appendix)."""

    def __init__(self, counter: PageCounter) -> None:
        super().__init__()
        self.counter = counter
        self.width = 0
        self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.counter.starts.add(self.canv.getPageNumber())
