"""A score sheet as an Excel workbook: the PDF's content and typography, printable as it is.

Every figure is written as a value (openpyxl evaluates no formula, and an importer must never
depend on one). Beside each total, column I ("Kiểm tra (công thức)") holds a live formula that
recomputes it from the cells above, so a reviewer can check the arithmetic in Excel or LibreOffice.
User text is always stored as text, so "=HYPERLINK(...)" in a comment never becomes a formula. A
very hidden ``_meta`` sheet identifies the form, round, unit, member, submission and the SHA-256
of the member's canonical scores. The table is drawn by ``xlsx_table.TreeTableWriter``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from parapp.core.criteria import BonusMode
from parapp.core.numbers import canonical, format_score
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.sheets.member_sheet import COMMENT, ScoreSheet
from parapp.io.sheets.table import SummaryKey, TableRow
from parapp.io.sheets.xlsx_table import (
    CHECK_TITLE,
    FONT_NAME,
    LEFT,
    NUMBER_FORMAT,
    TreeTableWriter,
    font,
    merged,
    nd30_heading,
    nd30_print_setup,
    runs,
)

# The look moved to ``xlsx_table``; the sheets that build on the member's layout still find it here.
__all__ = [
    "CHECK_TITLE",
    "FONT_NAME",
    "NUMBER_FORMAT",
    "nd30_print_setup",
    "render_xlsx",
    "write_xlsx",
]

SHEET_TITLE = "PhieuChamDiem"
META_TITLE = "_meta"
HEADER_ROW = 9
"""The table's column titles; repeated at the top of every printed page."""
CHECK_COLUMN = 10
WIDTHS = (6, 9, 52, 10, 10, 10, 10, 10, 36, 14)
MAX_COL, SELF_COL, APPRAISED_COL, SECOND_COL, DIFF_COL, COMMENT_COL = 4, 5, 6, 7, 8, 9
"""``APPRAISED_COL`` holds round 1, ``SECOND_COL`` round 2."""


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
    writer = _MemberTable(ws, sheet)
    last = writer.write()
    if sheet.note:
        last += 2
        merged(ws, last, 1, COMMENT_COL, sheet.note, font(italic=True), LEFT)
        ws.row_dimensions[last].height = 32
    _validate(ws, sheet, writer.row_of)
    last = _signer(ws, sheet, last + 2)
    # The check column is for reviewers on screen; the printed sheet ends at the comments.
    nd30_print_setup(ws, HEADER_ROW, COMMENT_COL, last)
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


def _heading(ws: Any, sheet: ScoreSheet) -> None:
    nd30_heading(ws, sheet.heading, COMMENT_COL)
    merged(ws, 5, 1, COMMENT_COL, sheet.title.upper(), font(14, bold=True))
    merged(ws, 6, 1, COMMENT_COL, sheet.subtitle, font(13, italic=True))
    merged(
        ws,
        7,
        1,
        COMMENT_COL,
        f"Đơn vị: {sheet.unit_name} — Thành viên: {sheet.member_name}",
        font(13),
    )
    for row in (1, 2, 3, 5, 6, 7):
        ws.row_dimensions[row].height = 18


class _MemberTable(TreeTableWriter):
    """The member's table: check formulas over the appraisal column, ranges as runs."""

    def __init__(self, ws: Any, sheet: ScoreSheet) -> None:
        super().__init__(
            ws, sheet.table, header=HEADER_ROW, header_height=32, join=runs, text_over_tail=False
        )
        self.sheet = sheet

    def lines(self, item: TableRow) -> int:
        comment = _lines(item.text(COMMENT), WIDTHS[COMMENT_COL - 1])
        return max(_lines(item.name, WIDTHS[2]), comment)

    def summary_formula(self, key: SummaryKey) -> str:
        sheet, at = self.sheet, self.at
        if key is SummaryKey.TOTAL:
            # Bonus and penalty only when the sheet prints them.
            total = at(SummaryKey.ACHIEVED)
            for line, sign in ((SummaryKey.BONUS, "+"), (SummaryKey.PENALTY, "-")):
                if line in self.summary_rows:
                    total += sign + at(line)
            return f"={total}"
        if key is SummaryKey.APPLICABLE_MAX:
            max_column = get_column_letter(MAX_COL)
            refs = [f"{max_column}{self.row_of[code]}" for code in sheet.max_leaves]
            return f"=SUM({runs(refs)})" if refs else "=0"
        if key is SummaryKey.INDEX:
            achieved, maximum = at(SummaryKey.ACHIEVED), at(SummaryKey.APPLICABLE_MAX)
            bonus, penalty = at(SummaryKey.BONUS), at(SummaryKey.PENALTY)
            if sheet.bonus_mode is BonusMode.INSIDE:
                ratio = f"({achieved}+{bonus}-{penalty})/{maximum}*100"
            else:
                ratio = f"{achieved}/{maximum}*100+{bonus}-{penalty}"
            return f"=IF({maximum}=0,0,ROUND({ratio},{sheet.index_places}))"
        return super().summary_formula(key)


def _validate(ws: Any, sheet: ScoreSheet, row_of: dict[str, int]) -> None:
    """A warning when an appraisal leaves its leaf's range (one rule per range)."""
    ranges: dict[tuple[Decimal, Decimal], list[int]] = {}
    for item in sheet.rows:
        if item.applicable and item.is_leaf and item.appraisable:
            ranges.setdefault((item.minimum, item.maximum), []).append(row_of[item.code])
    column = get_column_letter(SECOND_COL if sheet.appraisal_round == 2 else APPRAISED_COL)
    for (low, high), rows in sorted(ranges.items()):
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
        validation.sqref = MultiCellRange(runs(f"{column}{r}" for r in rows).replace(",", " "))
        ws.add_data_validation(validation)


def _lines(text: str, width: int) -> int:
    """Lines a wrapped text needs in a column of ``width`` characters (an estimate: Excel does
    not fit row heights to wrapped text on its own)."""
    if not text:
        return 1
    return sum(max(1, math.ceil(len(part) / (width * 1.05))) for part in text.split("\n"))


def _signer(ws: Any, sheet: ScoreSheet, row: int) -> int:
    signer = sheet.signer
    merged(ws, row, SECOND_COL, COMMENT_COL, signer.authority.upper(), font(13, bold=True))
    if signer.position:
        row += 1
        merged(ws, row, SECOND_COL, COMMENT_COL, signer.position, font(13))
    row += 5  # room for the signature and the seal
    merged(ws, row, SECOND_COL, COMMENT_COL, signer.name, font(13, bold=True))
    return row


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
