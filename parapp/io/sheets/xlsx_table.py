"""The one xlsx renderer of a ``TreeTable`` (openpyxl), and the ND30 look every workbook uses.

``TreeTableWriter`` writes the header, one row per node and the summary lines; every figure is a
value, and beside each total a check cell (pale yellow) holds a live formula that recomputes it
from the cells above, for a reviewer in Excel or LibreOffice. A layout subclasses it for its
summary formulas (``summary_formula``) and its row heights (``lines``). User text is always
stored as text, so "=HYPERLINK(...)" never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from parapp.core.criteria import Role
from parapp.core.numbers import canonical
from parapp.io.files.cells import put_text
from parapp.io.files.xlsx_styles import styled
from parapp.io.sheets.page import Heading
from parapp.io.sheets.table import (
    ColumnKind,
    SummaryKey,
    SummaryLine,
    TableRow,
    TreeTable,
    heads,
    nfc,
)

FONT_NAME = "Times New Roman"
NUMBER_FORMAT = "0.00"
CHECK_TITLE = "Kiểm tra (công thức)"
MM_PER_INCH = Decimal("25.4")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
CHECK_FILL = PatternFill("solid", fgColor="FFF2CC")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
ROW_HEIGHT = 15.75
"""Points a printed line of 12 pt text takes."""


@lru_cache(maxsize=64)
def font(size: int = 12, *, bold: bool = False, italic: bool = False) -> Font:
    """Times New Roman of ``size`` points (one shared object per kind: never change it)."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def merged(
    ws: Any, row: int, first: int, last: int, text: str, cell_font: Font, align: Alignment = CENTRE
) -> Any:
    """``text`` (NFC, as text) in columns ``first`` to ``last`` of ``row``, merged."""
    cell = put_text(ws, row, first, nfc(text))
    styled(cell, font=cell_font, alignment=align)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    return cell


def number(ws: Any, row: int, column: int, value: Decimal | None, bold: bool = False) -> Any:
    """A score as an exact number, right-aligned and ruled; None leaves the cell blank."""
    cell = ws.cell(row=row, column=column)
    if value is not None:
        cell.value = Decimal(canonical(value))
        styled(cell, number_format=NUMBER_FORMAT)
    styled(cell, font=font(bold=bold), alignment=RIGHT, border=BORDER)
    return cell


def check(ws: Any, row: int, column: int, formula: str, number_format: str = NUMBER_FORMAT) -> None:
    """A check cell: a live formula, italic on pale yellow."""
    cell = ws.cell(row=row, column=column, value=formula)
    styled(
        cell,
        number_format=number_format,
        font=font(italic=True),
        fill=CHECK_FILL,
        border=BORDER,
        alignment=RIGHT,
    )


def header_row(ws: Any, row: int, titles: Sequence[str], checks: int = 0) -> None:
    """Bold column titles on grey (the last ``checks`` on yellow); the rows below scroll."""
    for column, title in enumerate(titles, 1):
        cell = put_text(ws, row, column, nfc(title))
        styled(
            cell,
            font=font(bold=True),
            alignment=CENTRE,
            border=BORDER,
            fill=CHECK_FILL if column > len(titles) - checks else HEAD_FILL,
        )
    ws.freeze_panes = f"A{row + 1}"


def nd30_heading(ws: Any, heading: Heading, last_column: int) -> None:
    """Rows 1-3: the parent and issuing body (ruled) in columns A-C; Quốc hiệu, Tiêu ngữ
    (underlined) and the place and date from column D to ``last_column``."""
    merged(ws, 1, 1, 3, heading.parent_body.upper(), font())
    body = merged(ws, 2, 1, 3, heading.body.upper(), font(bold=True))
    styled(body, border=Border(bottom=Side(style="thin")))
    merged(ws, 1, 4, last_column, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font(bold=True))
    motto = merged(ws, 2, 4, last_column, "Độc lập - Tự do - Hạnh phúc", font(13, bold=True))
    styled(motto, font=Font(name=FONT_NAME, size=13, bold=True, underline="single"))
    merged(ws, 3, 4, last_column, heading.place_date, font(13, italic=True))


def nd30_print_setup(ws: Any, header: int, last_column: int, last_row: int) -> None:
    """A4 landscape fitted to width, ND30 margins, the header row repeated, the print area up to
    ``last_column`` (check cells beyond it stay on screen), "Trang x/y" centred at the top from
    page 2 (Nghị định 30: no number on the first page)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(last_row, header)}"
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


def runs(refs: Iterable[str]) -> str:
    """Cell references joined with commas, consecutive rows of a column as one range
    ("F12:F15,F17")."""
    found: list[tuple[str, int, int]] = []
    for ref in refs:
        column = ref.rstrip("0123456789")
        row = int(ref[len(column) :])
        if found and found[-1][0] == column and found[-1][2] == row - 1:
            found[-1] = (column, found[-1][1], row)
        else:
            found.append((column, row, row))
    return ",".join(f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for c, a, b in found)


def listed(refs: Iterable[str]) -> str:
    """Cell references joined with commas, one by one."""
    return ",".join(refs)


class TreeTableWriter:
    """Writes a ``TreeTable`` from ``header`` down: the titles, a row per node with the parents'
    check formulas, then the summary lines with theirs.

    The check column follows the table's last column. ``join`` lists the references a check adds
    up (``runs`` or ``listed``); ``text_over_tail`` as in ``pdf_table.tree_table``; without
    ``checks`` the table holds values only (no check column, no formula).
    """

    def __init__(
        self,
        ws: Any,
        table: TreeTable,
        *,
        header: int,
        header_height: float,
        join: Callable[[Iterable[str]], str],
        text_over_tail: bool,
        checks: bool = True,
    ) -> None:
        self.ws = ws
        self.table = table
        self.header = header
        self.header_height = header_height
        self.join = join
        self.text_over_tail = text_over_tail
        self.checks = checks
        self.last_column = table.columns.width
        self.check_column = self.last_column + 1
        self.value_column = table.columns.position(table.value_key) + 1
        self.rows = {row.code: row for row in table.rows}
        self.row_of: dict[str, int] = {}
        self.summary_rows: dict[SummaryKey, int] = {}

    def write(self) -> int:
        """Write the table; return its last row."""
        ws = self.ws
        titles = self.table.columns.titles
        if self.checks:
            header_row(ws, self.header, (*titles, CHECK_TITLE), checks=1)
        else:
            header_row(ws, self.header, titles)
        ws.row_dimensions[self.header].height = self.header_height
        row = self.header
        for item in self.table.rows:
            row += 1
            self.row_of[item.code] = row
            self.node(row, item)
        for item in self.table.rows:
            if item.parts and self.checks:
                check(ws, self.row_of[item.code], self.check_column, self.parent_formula(item))
        for line in self.table.summary:
            row += 1
            self.summary(row, line)
            self.summary_rows[line.key] = row
        return row

    def lines(self, item: TableRow) -> int:
        """Printed lines the row needs (Excel does not fit row heights to wrapped text)."""
        return 1

    def summary_formula(self, key: SummaryKey) -> str:
        """The check formula of the summary line ``key`` ("": none). Here the points of each
        role, summed over its head rows; a layout adds its totals, maximum and index."""
        if key is SummaryKey.ACHIEVED:
            return f"={self.heads_sum(Role.NORMAL)}"
        if key is SummaryKey.BONUS:
            return f"={self.heads_sum(Role.BONUS)}"
        if key is SummaryKey.PENALTY:
            return f"=-{self.heads_sum(Role.PENALTY)}"
        return ""

    def at(self, key: SummaryKey) -> str:
        """The check cell of the summary line ``key`` ("0" when the table does not print it)."""
        row = self.summary_rows.get(key)
        return "0" if row is None else f"{get_column_letter(self.check_column)}{row}"

    def heads_sum(self, role: Role) -> str:
        """The sum of the points of ``role``'s head rows."""
        refs = [self.ref(r.code) for r in heads(self.table.rows, role) if r.is_leaf or r.parts]
        return f"SUM({self.join(refs)})" if refs else "0"

    def node(self, row: int, item: TableRow) -> None:
        """One node's row."""
        ws = self.ws
        bold = item.bold
        styled(put_text(ws, row, 1, item.stt), font=font(bold=bold))
        styled(put_text(ws, row, 2, item.code), font=font(bold=bold))
        styled(put_text(ws, row, 3, item.name), font=font(bold=bold, italic=item.italic))
        number(ws, row, 4, item.maximum, bold)
        first, last = (p + 1 for p in self.table.columns.not_applicable_span())
        text_columns = {3}
        for column, spec in enumerate(self.table.columns.columns, 5):
            if spec.kind is ColumnKind.TEXT:
                text_columns.add(column)
            if not item.applicable and spec.merged_when_not_applicable:
                if column == first:
                    styled(
                        put_text(ws, row, column, item.not_applicable_text), font=font(italic=True)
                    )
            elif spec.kind is ColumnKind.NUMBER:
                number(ws, row, column, item.value(spec.key), bold)
            else:
                styled(put_text(ws, row, column, item.text(spec.key)), font=font())
        if not item.applicable:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        for column in range(1, self.last_column + 1):
            parts: dict[str, Any] = {"border": BORDER}
            if column in text_columns:
                parts["alignment"] = LEFT
            elif column < 4 or not item.applicable:
                parts["alignment"] = CENTRE
            if bold:
                parts["fill"] = AREA_FILL
            styled(ws.cell(row=row, column=column), **parts)
        ws.row_dimensions[row].height = max(1, self.lines(item)) * ROW_HEIGHT

    def ref(self, code: str) -> str:
        """A part's points: a leaf's value cell, or a parent's own check formula."""
        column = self.check_column if self.rows[code].parts else self.value_column
        return f"{get_column_letter(column)}{self.row_of[code]}"

    def parent_formula(self, item: TableRow) -> str:
        """A parent's points from its parts' (clamped to a CAP group's bounds)."""
        total = f"SUM({self.join(self.ref(code) for code in item.parts)})"
        if item.cap is not None:
            low, high = item.cap
            total = f"MIN(MAX({total},{canonical(low)}),{canonical(high)})"
        return f"={total}"

    def summary(self, row: int, line: SummaryLine) -> None:
        """One line under the table: the label, the figure under the value column, its check."""
        ws = self.ws
        value, last = self.value_column, self.last_column
        figures = [value]
        for key, other in line.others.items():
            figures.append(self.table.columns.position(key) + 1)
            number(ws, row, figures[-1], other, True)
        merged(ws, row, 1, min(figures) - 1, line.label, font(bold=True), LEFT)
        if line.is_text:
            end = last if self.text_over_tail else value
            merged(ws, row, value, end, line.text, font(bold=True))
        else:
            number(ws, row, value, line.value, True)
        if not self.text_over_tail and max(figures) < last:
            ws.merge_cells(
                start_row=row, start_column=max(figures) + 1, end_row=row, end_column=last
            )
        for column in range(1, last + 1):
            styled(ws.cell(row=row, column=column), border=BORDER)
        formula = self.summary_formula(line.key) if self.checks else ""
        if formula:
            check(ws, row, self.check_column, formula)
