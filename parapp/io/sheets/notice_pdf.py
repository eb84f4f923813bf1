"""The round-1 notice as an ND30 PDF: A4 landscape, the header block, "Số: …/TB-HĐTĐ", the
title, the table (repeated header, "Không áp dụng" rows), both columns' totals, the deadline,
"Nơi nhận" left and the secretary's block right, whose empty room is recorded for the PAdES
signature. Built from the member sheet's building blocks (``member_pdf``)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from parapp.core.numbers import format_score
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.member_pdf import (
    GRID_STYLE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE,
    SIGNATURE_ROOM,
    SIGNATURE_WIDTH,
    PageCounter,
    RenderedSheet,
    SignatureRoom,
    Styles,
    header_block,
    leading_cells,
    markup,
    number_cell,
    signer_column,
)
from parapp.io.sheets.member_sheet import NOT_APPLICABLE, nfc
from parapp.io.sheets.notice import COLUMNS, NoticeRow, NoticeSheet

COLUMN_WIDTHS_MM = (10, 15, 66, 16, 16, 18, 17, 50, 44)
"""252 mm: the width between the margins of a landscape A4 page."""
HEAD_FILL = colors.HexColor("#E7E6E6")
AREA_FILL = colors.HexColor("#F2F2F2")


def render_notice_pdf(notice: NoticeSheet, fonts_dir: Path) -> RenderedSheet:
    """Render ``notice`` (the same notice gives the same bytes)."""
    styles = Styles(register_serif(fonts_dir))
    recorder = SignatureRoom(SIGNATURE_WIDTH, SIGNATURE_ROOM)
    # "Số: …" centred under the issuing body (the header's 100 mm left column).
    number_style = ParagraphStyle("number", parent=styles.centre, rightIndent=152 * mm)
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
        _table(notice, styles),
    ]
    closing: list[Any] = [
        _totals(notice, styles),
        Spacer(1, 3 * mm),
        Paragraph(markup(notice.deadline_text), styles.note),
        Spacer(1, 5 * mm),
        _closing_block(notice, styles, recorder),
    ]
    story.append(KeepTogether(closing))
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(f"Thông báo kết quả thẩm định lần 1 — {notice.unit_name}"),
        author=notice.signer.name,
        subject=nfc(f"{notice.form_id} {notice.form_version} {notice.round_id}"),
        creator="parapp",
        invariant=1,
    )
    counter = PageCounter()
    doc.build(story, canvasmaker=counter.canvas_class())
    assert recorder.placed is not None  # the block is always drawn
    return RenderedSheet(out.getvalue(), counter.total, recorder.placed)


def write_notice_pdf(notice: NoticeSheet, path: Path, fonts_dir: Path) -> RenderedSheet:
    """Render and write atomically; return what was written."""
    rendered = render_notice_pdf(notice, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered


def _row_cells(item: NoticeRow, styles: Styles) -> list[Any]:
    row = item.row
    cells, bold = leading_cells(
        row.stt, row.code, row.name, row.depth, row.is_leaf, row.maximum, styles
    )
    if row.applicable:
        cells += [
            number_cell(row.self_score, styles.cell_number, bold),
            number_cell(row.appraised, styles.cell_number, bold),
            number_cell(row.difference, styles.cell_number, bold),
        ]
    else:
        cells += [Paragraph(markup(NOT_APPLICABLE), styles.not_applicable), "", ""]
    cells += [
        Paragraph(markup(row.comment), styles.cell),
        Paragraph(markup(item.evidence), styles.cell),
    ]
    return cells


def _table(notice: NoticeSheet, styles: Styles) -> Table:
    data: list[list[Any]] = [[Paragraph(markup(title), styles.head) for title in COLUMNS]]
    commands: list[tuple[Any, ...]] = [
        *GRID_STYLE,
        ("VALIGN", (2, 1), (2, -1), "TOP"),
        ("VALIGN", (7, 1), (8, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
    ]
    for item in notice.rows:
        data.append(_row_cells(item, styles))
        index = len(data) - 1
        if not item.row.applicable:
            commands.append(("SPAN", (4, index), (6, index)))
        if item.row.depth == 1:
            commands.append(("BACKGROUND", (0, index), (-1, index), AREA_FILL))
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


def _totals(notice: NoticeSheet, styles: Styles) -> Table:
    """The totals drawn as the table's continuation: label, self, round 1, difference."""
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = list(GRID_STYLE)
    for index, line in enumerate(notice.totals):
        data.append(
            [
                Paragraph(f"<b>{markup(line.label)}</b>", styles.cell),
                "",
                "",
                "",
                number_cell(line.self_value, styles.cell_number, True),
                number_cell(line.round1, styles.cell_number, True),
                number_cell(line.difference, styles.cell_number, True),
                "",
                "",
            ]
        )
        commands += [("SPAN", (0, index), (3, index)), ("SPAN", (7, index), (8, index))]
    if notice.index is not None:
        data.append(
            [
                Paragraph("<b>Chỉ số cải cách hành chính lần 1 (%)</b>", styles.cell),
                "",
                "",
                "",
                "",
                Paragraph(f"<b>{format_score(notice.index)}</b>", styles.cell_number),
                "",
                "",
                "",
            ]
        )
        last = len(data) - 1
        commands += [("SPAN", (0, last), (4, last)), ("SPAN", (6, last), (8, last))]
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM])
    table.setStyle(TableStyle(commands))
    return table


def _closing_block(notice: NoticeSheet, styles: Styles, room: SignatureRoom) -> Table:
    """ "Nơi nhận" (12 pt bold italic, list 11 pt) left, the secretary's block right."""
    heading = ParagraphStyle("recipients", parent=styles.note, fontName="Serif-BoldItalic")
    item = ParagraphStyle("recipient", parent=styles.cell)
    left: list[Any] = [Paragraph("Nơi nhận:", heading)]
    left += [Paragraph(markup(line), item) for line in notice.recipients]
    width = sum(COLUMN_WIDTHS_MM) * mm
    block = signer_column(notice.signer, styles, room)
    table = Table([[left, block]], colWidths=[width - SIGNATURE_WIDTH, SIGNATURE_WIDTH])
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
