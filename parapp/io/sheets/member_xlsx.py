"""A score sheet as an Excel workbook: the PDF's content and typography, printable as it is.

Every figure is written as a value (openpyxl evaluates no formula, and an importer must never
depend on one). Beside each total, column I ("Kiểm tra (công thức)") holds a live formula that
recomputes it from the cells above, so a reviewer can check the arithmetic in Excel or LibreOffice.
User text is always stored as text, so "=HYPERLINK(...)" in a comment never becomes a formula. A
very hidden ``_meta`` sheet identifies the form, round, unit, member, submission and the SHA-256
of the member's canonical scores.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from parapp.core.criteria import BonusMode
from parapp.core.numbers import canonical, format_score
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.sheets.member_sheet import COLUMNS, NOT_APPLICABLE, ScoreSheet, SheetRow, SummaryKey

SHEET_TITLE = "PhieuChamDiem"
META_TITLE = "_meta"
FONT_NAME = "Times New Roman"
NUMBER_FORMAT = "0.00"
HEADER_ROW = 9
"""The table's column titles; repeated at the top of every printed page."""
CHECK_COLUMN = 9
CHECK_TITLE = "Kiểm tra (công thức)"
WIDTHS = (6, 9, 58, 10, 10, 10, 10, 40, 14)
MAX_COL, SELF_COL, APPRAISED_COL, DIFF_COL, COMMENT_COL = 4, 5, 6, 7, 8
MM_PER_INCH = Decimal("25.4")

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
_AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
_CHECK_FILL = PatternFill("solid", fgColor="FFF2CC")
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")


def _font(size: int = 12, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def render_xlsx(
    sheet: ScoreSheet, *, submission_id: str | None = None, scores_sha256: str = ""
) -> bytes:
    """The workbook's bytes.

    Raises:
        ValidationError: a text with control characters or longer than Excel allows.
    """
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    for number, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    _heading(ws, sheet)
    writer = _TableWriter(ws, sheet)
    last = writer.write()
    last = _signer(ws, sheet, last + 2)
    _print_setup(ws, last)
    _meta(workbook, sheet, submission_id, scores_sha256)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_xlsx(
    sheet: ScoreSheet, path: Path, *, submission_id: str | None = None, scores_sha256: str = ""
) -> None:
    """Render and write atomically."""
    write_bytes_atomic(
        path, render_xlsx(sheet, submission_id=submission_id, scores_sha256=scores_sha256)
    )


def _merged_text(
    ws: Any, row: int, first: int, last: int, text: str, font: Font, align: Alignment = _CENTRE
) -> Any:
    cell = put_text(ws, row, first, text)
    cell.font = font
    cell.alignment = align
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    return cell


def _heading(ws: Any, sheet: ScoreSheet) -> None:
    heading = sheet.heading
    _merged_text(ws, 1, 1, 3, heading.parent_body.upper(), _font())
    body = _merged_text(ws, 2, 1, 3, heading.body.upper(), _font(bold=True))
    body.border = Border(bottom=Side(style="thin"))
    _merged_text(ws, 1, 4, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(bold=True))
    motto = _merged_text(ws, 2, 4, 8, "Độc lập - Tự do - Hạnh phúc", _font(13, bold=True))
    motto.font = Font(name=FONT_NAME, size=13, bold=True, underline="single")
    _merged_text(ws, 3, 4, 8, heading.place_date, _font(13, italic=True))
    _merged_text(ws, 5, 1, 8, sheet.title.upper(), _font(14, bold=True))
    _merged_text(ws, 6, 1, 8, sheet.subtitle, _font(13, italic=True))
    _merged_text(
        ws, 7, 1, 8, f"Đơn vị: {sheet.unit_name} — Thành viên: {sheet.member_name}", _font(13)
    )
    for row in (1, 2, 3, 5, 6, 7):
        ws.row_dimensions[row].height = 18


class _TableWriter:
    """Writes the header, one row per node, the summary and the check formulas."""

    def __init__(self, ws: Any, sheet: ScoreSheet) -> None:
        self.ws = ws
        self.sheet = sheet
        self.row_of: dict[str, int] = {}
        self.validations: dict[tuple[Decimal, Decimal], list[int]] = {}
        self.summary_rows: dict[SummaryKey, int] = {}

    def write(self) -> int:
        ws = self.ws
        for number, title in enumerate((*COLUMNS, CHECK_TITLE), 1):
            cell = put_text(ws, HEADER_ROW, number, title)
            cell.font = _font(bold=True)
            cell.alignment = _CENTRE
            cell.border = _BORDER
            cell.fill = _CHECK_FILL if number == CHECK_COLUMN else _HEAD_FILL
        ws.row_dimensions[HEADER_ROW].height = 32
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        row = HEADER_ROW
        for item in self.sheet.rows:
            row += 1
            self.row_of[item.code] = row
            self._node(row, item)
        for item in self.sheet.rows:
            if item.parts:
                self._check(self.row_of[item.code], self._parent_formula(item))
        for line in self.sheet.summary:
            row += 1
            self._summary(row, line.key, line.label, line.value, line.text)
        if self.sheet.note:
            row += 2
            _merged_text(ws, row, 1, 8, self.sheet.note, _font(italic=True), _LEFT)
            ws.row_dimensions[row].height = 32
        self._validate()
        return row

    def _node(self, row: int, item: SheetRow) -> None:
        ws = self.ws
        bold = item.depth == 1
        italic = not bold and not item.is_leaf
        font = _font(bold=bold, italic=italic)
        for column, text in ((1, item.stt), (2, item.code)):
            put_text(ws, row, column, text).font = _font(bold=bold)
        put_text(ws, row, 3, item.name).font = font
        self._number(row, MAX_COL, item.maximum, bold)
        if item.applicable:
            self._number(row, SELF_COL, item.self_score, bold)
            self._number(row, APPRAISED_COL, item.appraised, bold)
            self._number(row, DIFF_COL, item.difference, bold)
        else:
            cell = put_text(ws, row, SELF_COL, NOT_APPLICABLE)
            cell.font = _font(italic=True)
            ws.merge_cells(start_row=row, start_column=SELF_COL, end_row=row, end_column=DIFF_COL)
        put_text(ws, row, COMMENT_COL, item.comment).font = _font()
        for column in range(1, COMMENT_COL + 1):
            cell = ws.cell(row=row, column=column)
            cell.border = _BORDER
            cell.alignment = _LEFT if column in (3, COMMENT_COL) else _CENTRE
            if column >= MAX_COL and column < COMMENT_COL and item.applicable:
                cell.alignment = _RIGHT
            if bold:
                cell.fill = _AREA_FILL
        if item.applicable and item.is_leaf and item.appraisable:
            self.validations.setdefault((item.minimum, item.maximum), []).append(row)
        lines = max(_lines(item.name, WIDTHS[2]), _lines(item.comment, WIDTHS[COMMENT_COL - 1]))
        ws.row_dimensions[row].height = max(1, lines) * 15.75

    def _number(self, row: int, column: int, value: Decimal | None, bold: bool) -> None:
        cell = self.ws.cell(row=row, column=column)
        if value is not None:
            cell.value = Decimal(canonical(value))
            cell.number_format = NUMBER_FORMAT
        cell.font = _font(bold=bold)

    def _check(self, row: int, formula: str) -> None:
        cell = self.ws.cell(row=row, column=CHECK_COLUMN, value=formula)
        cell.number_format = NUMBER_FORMAT
        cell.font = _font(italic=True)
        cell.fill = _CHECK_FILL
        cell.border = _BORDER
        cell.alignment = _RIGHT

    def _ref(self, code: str) -> str:
        """A part's points: a leaf's appraisal cell, or a parent's own check formula."""
        row = self.row_of[code]
        item = next(r for r in self.sheet.rows if r.code == code)
        column = CHECK_COLUMN if item.parts else APPRAISED_COL
        return f"{get_column_letter(column)}{row}"

    def _parent_formula(self, item: SheetRow) -> str:
        total = f"SUM({_runs(self._ref(code) for code in item.parts)})"
        if item.cap is not None:
            low, high = item.cap
            total = f"MIN(MAX({total},{canonical(low)}),{canonical(high)})"
        return f"={total}"

    def _heads(self, codes: Sequence[str]) -> str:
        if not codes:
            return "0"
        refs = []
        for code in codes:
            item = next(r for r in self.sheet.rows if r.code == code)
            if item.parts or item.is_leaf:
                refs.append(self._ref(code))
        return f"SUM({_runs(refs)})" if refs else "0"

    def _summary(
        self, row: int, key: SummaryKey, label: str, value: Decimal | None, text: str
    ) -> None:
        ws = self.ws
        _merged_text(ws, row, 1, 5, label, _font(bold=True), _LEFT)
        cell = ws.cell(row=row, column=APPRAISED_COL)
        if key is SummaryKey.CLASSIFICATION:
            put_text(ws, row, APPRAISED_COL, text).font = _font(bold=True)
            cell.alignment = _CENTRE
        else:
            self._number(row, APPRAISED_COL, value, True)
            cell.alignment = _RIGHT
        ws.merge_cells(start_row=row, start_column=DIFF_COL, end_row=row, end_column=COMMENT_COL)
        for column in range(1, COMMENT_COL + 1):
            ws.cell(row=row, column=column).border = _BORDER
        formula = self._summary_formula(key)
        if formula:
            self._check(row, formula)
        self.summary_rows[key] = row

    def _summary_formula(self, key: SummaryKey) -> str:
        rows = self.summary_rows
        check = get_column_letter(CHECK_COLUMN)
        sheet = self.sheet
        if key is SummaryKey.ACHIEVED:
            return f"={self._heads(sheet.normal_heads)}"
        if key is SummaryKey.BONUS:
            return f"={self._heads(sheet.bonus_heads)}"
        if key is SummaryKey.PENALTY:
            return f"=-{self._heads(sheet.penalty_heads)}"
        if key is SummaryKey.TOTAL:
            parts = [f"{check}{rows[SummaryKey.ACHIEVED]}"]
            if SummaryKey.BONUS in rows:
                parts.append(f"+{check}{rows[SummaryKey.BONUS]}")
            if SummaryKey.PENALTY in rows:
                parts.append(f"-{check}{rows[SummaryKey.PENALTY]}")
            return "=" + "".join(parts)
        if key is SummaryKey.APPLICABLE_MAX:
            max_column = get_column_letter(MAX_COL)
            refs = [f"{max_column}{self.row_of[code]}" for code in sheet.max_leaves]
            return f"=SUM({_runs(refs)})" if refs else "=0"
        if key is SummaryKey.INDEX:
            achieved = f"{check}{rows[SummaryKey.ACHIEVED]}"
            maximum = f"{check}{rows[SummaryKey.APPLICABLE_MAX]}"
            bonus = f"{check}{rows[SummaryKey.BONUS]}" if SummaryKey.BONUS in rows else "0"
            penalty = f"{check}{rows[SummaryKey.PENALTY]}" if SummaryKey.PENALTY in rows else "0"
            if sheet.bonus_mode is BonusMode.INSIDE:
                ratio = f"({achieved}+{bonus}-{penalty})/{maximum}*100"
            else:
                ratio = f"{achieved}/{maximum}*100+{bonus}-{penalty}"
            return f"=IF({maximum}=0,0,ROUND({ratio},{sheet.index_places}))"
        return ""

    def _validate(self) -> None:
        column = get_column_letter(APPRAISED_COL)
        for (low, high), rows in sorted(self.validations.items()):
            validation = DataValidation(
                type="decimal",
                operator="between",
                formula1=canonical(low),
                formula2=canonical(high),
                allow_blank=True,
            )
            validation.errorStyle = "warning"
            validation.showErrorMessage = True
            validation.errorTitle = "Kiểm tra điểm"
            validation.error = (
                f"Điểm thẩm định thường từ {format_score(low)} đến {format_score(high)}. "
                "Vẫn giữ giá trị này?"
            )
            validation.sqref = MultiCellRange(_runs(f"{column}{r}" for r in rows).replace(",", " "))
            self.ws.add_data_validation(validation)


def _lines(text: str, width: int) -> int:
    """Lines a wrapped text needs in a column of ``width`` characters (an estimate: Excel does
    not fit row heights to wrapped text on its own)."""
    if not text:
        return 1
    return sum(max(1, math.ceil(len(part) / (width * 1.05))) for part in text.split("\n"))


def _runs(refs: Iterable[str]) -> str:
    """Cell references joined with commas, consecutive rows of a column as one range
    ("F12:F15,F17")."""
    runs: list[tuple[str, int, int]] = []
    for ref in refs:
        column = ref.rstrip("0123456789")
        number = int(ref[len(column) :])
        if runs and runs[-1][0] == column and runs[-1][2] == number - 1:
            runs[-1] = (column, runs[-1][1], number)
        else:
            runs.append((column, number, number))
    return ",".join(f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for c, a, b in runs)


def _signer(ws: Any, sheet: ScoreSheet, row: int) -> int:
    signer = sheet.signer
    _merged_text(ws, row, 6, 8, signer.authority.upper(), _font(13, bold=True))
    if signer.position:
        row += 1
        _merged_text(ws, row, 6, 8, signer.position, _font(13))
    row += 5  # room for the signature and the seal
    _merged_text(ws, row, 6, 8, signer.name, _font(13, bold=True))
    return row


def _print_setup(ws: Any, last_row: int) -> None:
    # The check column is for reviewers on screen; the printed sheet ends at the comments.
    nd30_print_setup(ws, HEADER_ROW, COMMENT_COL, last_row)


def nd30_print_setup(ws: Any, header_row: int, last_column: int, last_row: int) -> None:
    """A4 landscape fitted to width, ND30 margins, the header row repeated, the print area up to
    ``last_column`` (check cells beyond it stay on screen), "Trang x/y" centred at the top from
    page 2 (Nghị định 30: no number on the first page)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(last_row, header_row)}"
    inch = float(MM_PER_INCH)  # openpyxl margins are inches
    ws.page_margins.left = 30 / inch
    ws.page_margins.right = 15 / inch
    ws.page_margins.top = 20 / inch
    ws.page_margins.bottom = 20 / inch
    ws.page_margins.header = 8 / inch
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "Trang &P/&N"
    ws.oddHeader.center.font = FONT_NAME
    ws.oddHeader.center.size = 13


def _meta(
    workbook: Workbook, sheet: ScoreSheet, submission_id: str | None, scores_sha256: str
) -> None:
    meta = workbook.create_sheet(META_TITLE)
    rows = (
        ("key", "value"),
        ("form_id", sheet.form_id),
        ("version", sheet.form_version),
        ("round_id", sheet.round_id),
        ("unit_id", sheet.unit_id),
        ("member_id", sheet.member_id),
        ("appraisal_round", str(sheet.appraisal_round)),
        ("submission_id", submission_id or ""),
        ("scores_sha256", scores_sha256),
    )
    for number, (key, value) in enumerate(rows, 1):
        put_text(meta, number, 1, key)
        put_text(meta, number, 2, value)
    meta.sheet_state = "veryHidden"
