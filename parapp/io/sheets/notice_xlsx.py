"""The round-1 notice as a workbook beside its signed PDF: the same header, table, totals,
deadline and signer, values only (no formulas), printed like the PDF (``nd30_print_setup``). The
table is the shared one, written by ``xlsx_table.TreeTableWriter``."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.sheets.member_sheet import COMMENT
from parapp.io.sheets.notice import EVIDENCE, NoticeSheet
from parapp.io.sheets.table import TableRow
from parapp.io.sheets.xlsx_table import (
    LEFT,
    TreeTableWriter,
    font,
    listed,
    merged,
    nd30_heading,
    nd30_print_setup,
)

SHEET_TITLE = "ThongBao"
META_TITLE = "_meta"
HEADER_ROW = 10
WIDTHS = (6, 9, 50, 10, 10, 12, 11, 36, 32)


class _NoticeTable(TreeTableWriter):
    def lines(self, item: TableRow) -> int:
        """Wrapped lines of the longest text (name, comment, evidence) at the column widths."""
        texts = ((item.name, 50), (item.text(COMMENT), 36), (item.text(EVIDENCE), 32))
        return max((-(-len(text) // int(width * 1.1)) for text, width in texts if text), default=1)


def render_notice_xlsx(notice: NoticeSheet) -> bytes:
    """The workbook's bytes.

    Raises:
        ValidationError: a text with control characters or longer than Excel allows.
    """
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    for number, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    table = notice.table
    last_column = table.columns.width
    nd30_heading(ws, notice.heading, last_column)
    merged(ws, 3, 1, 3, notice.number, font(13))
    merged(ws, 5, 1, last_column, notice.title, font(14, bold=True))
    merged(ws, 6, 1, last_column, notice.subtitle, font(13, bold=True))
    merged(ws, 7, 1, last_column, f"Đơn vị: {notice.unit_name} (mã {notice.unit_id})", font(13))
    merged(ws, 8, 1, last_column, notice.intro, font(12, italic=True), LEFT)
    ws.row_dimensions[8].height = 32
    writer = _NoticeTable(
        ws,
        table,
        header=HEADER_ROW,
        header_height=32,
        join=listed,
        text_over_tail=False,
        checks=False,
    )
    row = writer.write() + 2
    merged(ws, row, 1, last_column, notice.deadline_text, font(12, italic=True), LEFT)
    ws.row_dimensions[row].height = 48
    row += 2
    merged(ws, row, 1, 3, "Nơi nhận:", font(12, bold=True, italic=True), LEFT)
    merged(ws, row, 7, last_column, notice.signer.authority, font(13, bold=True))
    for offset, recipient in enumerate(notice.recipients, 1):
        merged(ws, row + offset, 1, 3, recipient, font(11), LEFT)
    merged(ws, row + 5, 7, last_column, notice.signer.name, font(13, bold=True))
    nd30_print_setup(ws, HEADER_ROW, last_column, row + 5)
    _meta(workbook, notice)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _meta(workbook: Any, notice: NoticeSheet) -> None:
    meta = workbook.create_sheet(META_TITLE)
    for number, (key, value) in enumerate(
        (
            ("kind", "round1-notice"),
            ("round_id", notice.round_id),
            ("unit_id", notice.unit_id),
            ("form_id", notice.form_id),
            ("form_version", notice.form_version),
            ("deadline", notice.deadline.isoformat()),
        ),
        1,
    ):
        put_text(meta, number, 1, key)
        put_text(meta, number, 2, value)
    meta.sheet_state = "veryHidden"


def write_notice_xlsx(notice: NoticeSheet, path: Path) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render_notice_xlsx(notice))
