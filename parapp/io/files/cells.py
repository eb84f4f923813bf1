"""Helpers shared by the round's workbooks (self-assessment form, results, units): user text
written as text, bold frozen headers, and a reader that turns cells into located problems.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.io.files.text import format_number, label_key
from parapp.io.files.xlsx_safety import (
    SheetCell,
    cell_location,
    read_decimal_cell,
    read_sheet,
    read_text_cell,
)
from parapp.io.files.xlsx_styles import styled

MAX_CELL_TEXT = 32767
"""Excel's limit; openpyxl would silently truncate longer text."""
NUMBER_FORMAT = "0.00##"
"""Two decimals at least, four at most: a maximum of 0,125 still shows exactly."""
FIGURE_PLACES = 4
"""Places a declared figure (a percentage, a count) may carry; scores carry ``SCORE_PLACES``."""
BOLD = Font(bold=True)
GREY_FILL = PatternFill("solid", fgColor="E7E6E6")
GREY_FONT = Font(color="7F7F7F", italic=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class Column:
    """A column of a written table: its header title, width and whether text wraps."""

    title: str
    width: int
    wrap: bool = False


def put_text(sheet: Any, row: int, column: int, text: str, wrap: bool = False) -> Any:
    """Store user text as text ("=cmd" never becomes a formula); returns the cell.

    Raises:
        ValidationError: control characters or more than Excel's 32,767 characters.
    """
    if ILLEGAL_CHARACTERS_RE.search(text) or len(text) > MAX_CELL_TEXT:
        where = f"{sheet.title}!{get_column_letter(column)}{row}"
        raise ValidationError(
            Msg(
                f"Không ghi được ô {where}: văn bản có ký tự điều khiển hoặc dài quá "
                f"{MAX_CELL_TEXT} ký tự.",
                f"Cannot write cell {where}: the text has control characters or is longer than "
                f"{MAX_CELL_TEXT} characters.",
            )
        )
    cell = sheet.cell(row=row, column=column)
    if text:
        cell.value = text
        cell.data_type = "s"
    styled(cell, alignment=WRAP if wrap else TOP)
    return cell


def put_number(sheet: Any, row: int, column: int, value: Decimal | None) -> Any:
    """Store an exact number (written from its canonical text); None leaves the cell blank."""
    cell = sheet.cell(row=row, column=column)
    if value is not None:
        cell.value = Decimal(canonical(value))
        cell.number_format = NUMBER_FORMAT
    cell.alignment = TOP
    return cell


def write_header(sheet: Any, row: int, columns: Sequence[Column]) -> None:
    """Bold, shaded titles on ``row``; column widths set; panes frozen below the row."""
    for number, column in enumerate(columns, 1):
        cell = put_text(sheet, row, number, column.title, wrap=True)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = f"A{row + 1}"


def range_validation(
    cells: Sequence[tuple[int, int]], minimum: Decimal | None, maximum: Decimal | None, what: Msg
) -> DataValidation | None:
    """A warning-style decimal validation over ``(row, column)`` cells: a convenience only
    (Excel skips it on paste), so a value outside the range can still be typed and is checked
    again on import."""
    if not cells:
        return None
    if minimum is not None and maximum is not None:
        validation = DataValidation(
            type="decimal",
            operator="between",
            formula1=canonical(minimum),
            formula2=canonical(maximum),
        )
        shown = f"{format_number(minimum)} đến {format_number(maximum)}"
    else:
        assert minimum is not None  # only a lower bound otherwise (figures)
        validation = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1=canonical(minimum)
        )
        shown = f"từ {format_number(minimum)} trở lên"
    validation.allow_blank = True
    validation.errorStyle = "warning"
    validation.showErrorMessage = True
    validation.errorTitle = "Kiểm tra giá trị"
    validation.error = f"{what.vi} thường là số {shown}. Vẫn giữ giá trị này?"
    validation.sqref = MultiCellRange(_ranges(cells))
    return validation


def _ranges(cells: Sequence[tuple[int, int]]) -> str:
    """Cells as a space-separated list of column runs, e.g. "G10:G14 G16"."""
    runs: list[tuple[int, int, int]] = []  # column, first row, last row
    for row, column in sorted(set(cells), key=lambda rc: (rc[1], rc[0])):
        if runs and runs[-1][0] == column and runs[-1][2] == row - 1:
            runs[-1] = (column, runs[-1][1], row)
        else:
            runs.append((column, row, row))
    parts = []
    for column, first, last in runs:
        letter = get_column_letter(column)
        parts.append(f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}")
    return " ".join(parts)


def sheet_rows(workbook: Any, title: str, source: str) -> list[tuple[SheetCell, ...]] | None:
    """The cells of the sheet named ``title`` (case and spacing aside), or None when absent."""
    wanted = label_key(title)
    for worksheet in workbook.worksheets:
        if label_key(str(worksheet.title)) == wanted:
            return read_sheet(worksheet, source)
    return None


def missing_sheet(source: str, title: str) -> ImportFormatError:
    """The error for a workbook without its sheet ``title``."""
    return ImportFormatError(
        [
            Problem(
                Location(file=source, sheet=title),
                Msg(f"Thiếu trang tính “{title}”.", f"The sheet “{title}” is missing."),
            )
        ],
        source,
    )


class SheetReader:
    """Reads one sheet's cells and collects every problem instead of stopping at the first."""

    def __init__(self, source: str, title: str, rows: Sequence[tuple[SheetCell, ...]]) -> None:
        self.source = source
        self.title = title
        self.rows = rows
        self.problems: list[Problem] = []

    def at(self, row: int | None = None, column: int | None = None) -> Location:
        """The location of a cell, a row (no column) or the sheet (neither)."""
        if row is not None and column is not None:
            return cell_location(self.source, self.title, row, column)
        letter = get_column_letter(column) if column is not None else None
        return Location(file=self.source, sheet=self.title, row=row, column=letter)

    def fail(self, loc: Location, vi: str, en: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(loc, Msg(vi, en)))

    def problem(self, row: int | None, column: int | None, vi: str, en: str) -> Problem:
        """A problem at a cell, a row or the sheet (not recorded)."""
        return Problem(self.at(row, column), Msg(vi, en))

    def cell(self, row: int, column: int) -> SheetCell:
        """The cell at 1-based ``row`` and ``column`` (blank beyond the data)."""
        if row > len(self.rows):
            return SheetCell()
        cells = self.rows[row - 1]
        return cells[column - 1] if column <= len(cells) else SheetCell()

    def blank(self, row: int, column: int) -> bool:
        """Whether the cell is empty or holds only spaces."""
        value = self.cell(row, column).value
        return value is None or (isinstance(value, str) and not value.strip())

    def text(self, row: int, column: int, what: Msg | None = None) -> str:
        """The cell's text in NFC, stripped ("" when blank or refused, the refusal recorded)."""
        try:
            raw = read_text_cell(self.cell(row, column), self.at(row, column), what)
        except ImportFormatError as exc:
            self.problems.extend(exc.problems)
            return ""
        return unicodedata.normalize("NFC", raw).strip()

    def number(
        self, row: int, column: int, places: int, what: Msg, *, negative: bool = True
    ) -> tuple[Decimal | None, bool]:
        """The cell's exact number (None when blank) and whether it was acceptable."""
        loc = self.at(row, column)
        try:
            value = read_decimal_cell(self.cell(row, column), loc, places, what)
        except ImportFormatError as exc:
            self.problems.extend(exc.problems)
            return None, False
        if value is not None and value < 0 and not negative:
            self.fail(
                loc,
                f"{what.vi} không được âm ({canonical(value)}).",
                f"{what.en} cannot be negative ({canonical(value)}).",
            )
            return None, False
        return value, True

    def check_header(self, row: int, titles: Sequence[str]) -> bool:
        """Whether ``row`` reads ``titles`` (case and spacing aside); each mismatch recorded."""
        ok = True
        for column, title in enumerate(titles, 1):
            try:
                found = str(read_text_cell(self.cell(row, column), self.at(row, column)))
            except ImportFormatError:
                found = ""
            if label_key(found) != label_key(title):
                ok = False
                self.fail(
                    self.at(row, column),
                    f"Dòng tiêu đề đã bị sửa: ô này phải là “{title}”.",
                    f"The header row was changed: this cell must read “{title}”.",
                )
        return ok

    def filled_rows(self, first: int, columns: int) -> list[int]:
        """Rows from ``first`` on with any non-blank cell among the first ``columns``."""
        return [
            row
            for row in range(first, len(self.rows) + 1)
            if any(not self.blank(row, column) for column in range(1, columns + 1))
        ]

    def raise_problems(self) -> None:
        """Raise every recorded problem at once (nothing is imported)."""
        if self.problems:
            raise ImportFormatError(self.problems, self.source)
