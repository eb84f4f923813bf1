"""The round-1 notice as a workbook beside its signed PDF: the same header, table, totals,
deadline and signer, values only (no formulas), printed like the PDF (``nd30_print_setup``)."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from parapp.core.numbers import canonical
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.sheets.member_sheet import NOT_APPLICABLE
from parapp.io.sheets.member_xlsx import FONT_NAME, NUMBER_FORMAT, nd30_print_setup
from parapp.io.sheets.notice import COLUMNS, NoticeSheet

SHEET_TITLE = "ThongBao"
META_TITLE = "_meta"
HEADER_ROW = 10
WIDTHS = (6, 9, 50, 10, 10, 12, 11, 36, 32)
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
_AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_LAST = len(COLUMNS)


def _font(size: int = 12, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _merged(
    ws: Any, row: int, first: int, last: int, text: str, font: Font, align: Alignment = _CENTRE
) -> Any:
    cell = put_text(ws, row, first, text)
    cell.font = font
    cell.alignment = align
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    return cell


def _number(ws: Any, row: int, column: int, value: Any, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=column)
    if value is not None:
        cell.value = Decimal(canonical(value))  # exact, written from its canonical text
        cell.number_format = NUMBER_FORMAT
    cell.font = _font(11, bold=bold)
    cell.border = _BORDER
    cell.alignment = Alignment(horizontal="right", vertical="center")


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
    heading = notice.heading
    _merged(ws, 1, 1, 3, heading.parent_body.upper(), _font())
    _merged(ws, 2, 1, 3, heading.body.upper(), _font(bold=True)).border = Border(bottom=_THIN)
    _merged(ws, 3, 1, 3, notice.number, _font(13))
    _merged(ws, 1, 4, _LAST, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(bold=True))
    motto = _merged(ws, 2, 4, _LAST, "Độc lập - Tự do - Hạnh phúc", _font(13, bold=True))
    motto.font = Font(name=FONT_NAME, size=13, bold=True, underline="single")
    _merged(ws, 3, 4, _LAST, heading.place_date, _font(13, italic=True))
    _merged(ws, 5, 1, _LAST, notice.title, _font(14, bold=True))
    _merged(ws, 6, 1, _LAST, notice.subtitle, _font(13, bold=True))
    _merged(ws, 7, 1, _LAST, f"Đơn vị: {notice.unit_name} (mã {notice.unit_id})", _font(13))
    _merged(ws, 8, 1, _LAST, notice.intro, _font(12, italic=True), _LEFT)
    ws.row_dimensions[8].height = 32
    for column, title in enumerate(COLUMNS, 1):
        cell = put_text(ws, HEADER_ROW, column, title)
        cell.font = _font(11, bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = _CENTRE
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    row = HEADER_ROW
    for item in notice.rows:
        row += 1
        r = item.row
        bold = r.depth == 1
        for column, text in ((1, r.stt), (2, r.code), (3, r.name)):
            cell = put_text(ws, row, column, text, wrap=True)
            cell.font = _font(11, bold=bold, italic=not bold and not r.is_leaf)
            cell.border = _BORDER
        _number(ws, row, 4, r.maximum, bold)
        if r.applicable:
            _number(ws, row, 5, r.self_score, bold)
            _number(ws, row, 6, r.appraised, bold)
            _number(ws, row, 7, r.difference, bold)
        else:
            _merged(ws, row, 5, 7, NOT_APPLICABLE, _font(11, italic=True))
            for column in (5, 6, 7):
                ws.cell(row=row, column=column).border = _BORDER
        for column, text in ((8, r.comment), (9, item.evidence)):
            cell = put_text(ws, row, column, text, wrap=True)
            cell.font = _font(11)
            cell.border = _BORDER
        if bold:
            for column in range(1, _LAST + 1):
                ws.cell(row=row, column=column).fill = _AREA_FILL
    for line in notice.totals:
        row += 1
        _merged(ws, row, 1, 4, line.label, _font(11, bold=True), _LEFT)
        _number(ws, row, 5, line.self_value, True)
        _number(ws, row, 6, line.round1, True)
        _number(ws, row, 7, line.difference, True)
    if notice.index is not None:
        row += 1
        _merged(ws, row, 1, 5, "Chỉ số cải cách hành chính lần 1 (%)", _font(11, bold=True), _LEFT)
        _number(ws, row, 6, notice.index, True)
    row += 2
    _merged(ws, row, 1, _LAST, notice.deadline_text, _font(12, italic=True), _LEFT)
    ws.row_dimensions[row].height = 48
    row += 2
    _merged(ws, row, 1, 3, "Nơi nhận:", _font(12, bold=True, italic=True), _LEFT)
    _merged(ws, row, 7, _LAST, notice.signer.authority, _font(13, bold=True))
    for offset, recipient in enumerate(notice.recipients, 1):
        _merged(ws, row + offset, 1, 3, recipient, _font(11), _LEFT)
    _merged(ws, row + 5, 7, _LAST, notice.signer.name, _font(13, bold=True))
    last = row + 5
    nd30_print_setup(ws, HEADER_ROW, _LAST, last)
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
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_notice_xlsx(notice: NoticeSheet, path: Path) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render_notice_xlsx(notice))
