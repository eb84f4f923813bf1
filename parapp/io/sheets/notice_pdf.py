"""The round-1 notice as an ND30 PDF: A4 landscape, the header block, "Số: …/TB-HĐTĐ", the
title, the shared tree table (``pdf_table.tree_table``: repeated header, "Không áp dụng" rows,
the totals of both columns under it), then the deadline, "Nơi nhận" left and the secretary's
block right, whose empty room is recorded for the PAdES signature."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.document import PageCounter, nd30_document
from parapp.io.sheets.member_pdf import (
    SIGNATURE_ROOM,
    SIGNATURE_WIDTH,
    RenderedSheet,
    SignatureRoom,
    Styles,
    header_block,
    markup,
    signature_row,
    signer_column,
)
from parapp.io.sheets.notice import NoticeSheet
from parapp.io.sheets.pdf_table import tree_table
from parapp.io.sheets.table import nfc

COLUMN_WIDTHS_MM = (10, 15, 66, 16, 16, 18, 17, 50, 44)
"""252 mm: the width between the margins of a landscape A4 page."""


def render_notice_pdf(notice: NoticeSheet, fonts_dir: Path) -> RenderedSheet:
    """Render ``notice`` (the same notice gives the same bytes)."""
    styles = Styles(register_serif(fonts_dir))
    recorder = SignatureRoom(SIGNATURE_WIDTH, SIGNATURE_ROOM)
    # "Số: …" centred under the issuing body (the header's 100 mm left column).
    number_style = ParagraphStyle("number", parent=styles.centre, rightIndent=152 * mm)
    closing: list[Any] = [
        Paragraph(markup(notice.deadline_text), styles.note),
        Spacer(1, 5 * mm),
        _closing_block(notice, styles, recorder),
    ]
    story: list[Any] = [
        header_block(notice.heading, styles),
        Paragraph(markup(notice.number), number_style),
        Spacer(1, 5 * mm),
        Paragraph(markup(notice.title), styles.title),
        Paragraph(markup(notice.subtitle), styles.centre_bold),
        Paragraph(markup(f"Đơn vị: {notice.unit_name} (mã {notice.unit_id})"), styles.centre),
        Spacer(1, 3 * mm),
        Paragraph(markup(notice.intro), styles.note),
        Spacer(1, 3 * mm),
        tree_table(
            notice.table,
            styles,
            COLUMN_WIDTHS_MM,
            top_texts=True,
            text_over_tail=False,
            closing=closing,
        ),
    ]
    out = BytesIO()
    doc = nd30_document(
        out,
        title=nfc(f"Thông báo kết quả thẩm định lần 1 — {notice.unit_name}"),
        author=notice.heading.body,
        subject=nfc(f"{notice.form_id} {notice.form_version} {notice.round_id}"),
        date=notice.heading.date,
    )
    counter = PageCounter(notice.heading.date)
    doc.build(story, canvasmaker=counter.canvas_class())
    assert recorder.placed is not None  # the block is always drawn
    return RenderedSheet(out.getvalue(), counter.total, recorder.placed)


def write_notice_pdf(notice: NoticeSheet, path: Path, fonts_dir: Path) -> RenderedSheet:
    """Render and write atomically; return what was written."""
    rendered = render_notice_pdf(notice, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered


def _closing_block(notice: NoticeSheet, styles: Styles, room: SignatureRoom) -> Any:
    """ "Nơi nhận" (12 pt bold italic, list 11 pt) left, the secretary's block right."""
    heading = ParagraphStyle("recipients", parent=styles.note, fontName="Serif-BoldItalic")
    left: list[Any] = [Paragraph("Nơi nhận:", heading)]
    left += [Paragraph(markup(line), styles.cell) for line in notice.recipients]
    width = sum(COLUMN_WIDTHS_MM) * mm
    block = signer_column(notice.signer, styles, room)
    return signature_row([left, block], [width - SIGNATURE_WIDTH, SIGNATURE_WIDTH])
