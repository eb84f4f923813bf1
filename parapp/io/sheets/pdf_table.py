"""The one PDF renderer of a ``TreeTable`` (ReportLab), and the ND30 typography every sheet uses.

``tree_table`` draws the header row and one row per node (areas bold on grey, criteria italic,
the merged "Không áp dụng" cell), then the summary lines, each figure under the table's
``value_key`` column, and the closing block (notes, signers); ``plain_table`` the other lists
(minutes, annexes, findings). Widths come from the layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from parapp.core.numbers import format_score
from parapp.io.sheets.table import ColumnKind, TableRow, TreeTable, nfc

BODY_SIZE = 13
TABLE_SIZE = 11
HEAD_FILL = colors.HexColor("#E7E6E6")
AREA_FILL = colors.HexColor("#F2F2F2")
KEEP_ROWS = 3
"""Rows of a tree that go with its summary to a new page."""
FIGURE = re.compile(r"[-−]?\d+,\d+")
SERIF_CELLS = ("FONTNAME", (0, 0), (-1, -1), "Serif")
"""Text cells in the embedded serif: a table's default font would add Helvetica to the PDF."""
GRID_STYLE: tuple[tuple[Any, ...], ...] = (
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    SERIF_CELLS,
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
)


def markup(text: str) -> str:
    """Text for a ReportLab Paragraph: NFC, with the markup characters escaped."""
    return escape(nfc(text))


class Styles:
    """The paragraph styles of the ND30 sheets (family registered by ``register_serif``)."""

    def __init__(self, family: str) -> None:
        base = ParagraphStyle("body", fontName=family, fontSize=BODY_SIZE, leading=16)
        self.centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER)
        self.centre_bold = ParagraphStyle("centre_bold", parent=self.centre, fontName="Serif-Bold")
        self.centre_italic = ParagraphStyle(
            "centre_italic", parent=self.centre, fontName="Serif-Italic"
        )
        self.title = ParagraphStyle(
            "title", parent=self.centre_bold, fontSize=14, leading=18, spaceAfter=1 * mm
        )
        self.note = ParagraphStyle("note", parent=base, fontName="Serif-Italic", fontSize=12)
        cell = ParagraphStyle("cell", fontName=family, fontSize=TABLE_SIZE, leading=13)
        self.cell = ParagraphStyle("cell_left", parent=cell, alignment=TA_LEFT)
        self.cell_centre = ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER)
        self.cell_number = ParagraphStyle("cell_number", parent=cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle(
            "head", parent=self.cell_centre, fontName="Serif-Bold", alignment=TA_CENTER
        )
        self.not_applicable = ParagraphStyle(
            "not_applicable", parent=self.cell_centre, fontName="Serif-Italic"
        )


class Word(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """One line that never wraps (a figure, an STT, a code), drawn exactly where a
    ``Paragraph`` of it in ``style`` would be (same box: the cell's width, one leading high, or
    nothing when empty; same baseline and alignment) without its markup parser and line
    breaking, which are most of the time of a large table."""

    def __init__(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> None:
        super().__init__()
        self.text = text
        self.font = _bold_of(style.fontName) if bold else style.fontName
        self.size = style.fontSize
        self.leading = style.leading
        self.alignment = style.alignment
        self.color = style.textColor

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.leading if self.text else 0
        return self.width, self.height

    def draw(self) -> None:
        if not self.text:
            return
        canvas = self.canv
        if rl_config.paraFontSizeHeightOffset:  # where Paragraph puts its first baseline
            y = self.height - self.size
        else:
            y = self.height - getAscentDescent(self.font, self.size)[0]
        canvas.setFillColor(self.color)
        canvas.setFont(self.font, self.size, self.leading)
        if self.alignment == TA_RIGHT:
            canvas.drawRightString(self.width, y, self.text)
        elif self.alignment == TA_CENTER:
            canvas.drawCentredString(self.width / 2, y, self.text)
        else:
            canvas.drawString(0, y, self.text)

    def minWidth(self) -> float:  # noqa: N802 - ReportLab's name
        return float(stringWidth(self.text, self.font, self.size))


def _bold_of(family: str) -> str:
    """The bold face ``<b>`` selects for a registered family (ReportLab's family mapping)."""
    return str(tt2ps(family, 1, 0))


def number_cell(value: Decimal | None, style: ParagraphStyle, bold: bool = False) -> Word:
    """A score in a table cell through the one formatter ("83,05"); blank for None."""
    return Word(format_score(value), style, bold=bold)


def leading_cells(
    stt: str,
    code: str,
    name: str,
    depth: int,
    is_leaf: bool,
    maximum: Decimal | None,
    styles: Styles,
) -> tuple[list[Any], bool]:
    """STT, code, content and maximum of a criteria row (areas bold, criteria italic), and
    whether the row is bold: the columns every criteria table starts with."""
    bold = depth == 1
    italic = not bold and not is_leaf
    text = markup(name)
    if bold:
        text = f"<b>{text}</b>"
    elif italic:
        text = f"<i>{text}</i>"
    cells: list[Any] = [
        Word(nfc(stt), styles.cell_centre, bold=bold),
        Word(nfc(code), styles.cell_centre, bold=bold),
        Paragraph(text, styles.cell),
        number_cell(maximum, styles.cell_number, bold),
    ]
    return cells, bold


def row_cells(table: TreeTable, row: TableRow, styles: Styles) -> list[Any]:
    """Every cell of one row."""
    cells, _ = leading_cells(
        row.stt, row.code, row.name, row.depth, row.is_leaf, row.maximum, styles
    )
    first, _ = table.columns.not_applicable_span()
    for position, column in enumerate(table.columns.columns, len(cells)):
        if not row.applicable and column.merged_when_not_applicable:
            merged = Paragraph(markup(row.not_applicable_text), styles.not_applicable)
            cells.append(merged if position == first else "")
        elif column.kind is ColumnKind.NUMBER:
            cells.append(number_cell(row.value(column.key), styles.cell_number, row.bold))
        else:
            text = row.text(column.key)
            cells.append(Paragraph(markup(text), styles.cell) if text else Word("", styles.cell))
    return cells


def tree_table(
    table: TreeTable,
    styles: Styles,
    widths_mm: Sequence[float],
    *,
    top_texts: bool,
    text_over_tail: bool,
    closing: Sequence[Any] = (),
) -> Table:
    """The header, a row per node and the summary lines under them, as one table whose header
    row repeats on every page; then, unruled over the whole width, ``closing`` (the notes and
    the signer's block). The last ``KEEP_ROWS`` rows of the tree go to the next page with the
    summary and the closing rather than leave them alone under a repeated header.

    ``top_texts``: text columns start at the top of their cell as the content does (the member's
    comments); otherwise they are centred like the figures (the council's notes).
    ``text_over_tail``: a text summary line (class, rank) spreads over the columns after the
    figure's; otherwise those columns are one blank cell on every summary line.
    """
    data: list[list[Any]] = [
        [Paragraph(markup(title), styles.head) for title in table.columns.titles]
    ]
    commands: list[tuple[Any, ...]] = [("VALIGN", (2, 1), (2, -1), "TOP")]
    if top_texts:
        commands += [
            ("VALIGN", (position, 1), (position, -1), "TOP")
            for position, column in enumerate(table.columns.columns, 4)
            if column.kind is ColumnKind.TEXT
        ]
    commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL))
    first, last = table.columns.not_applicable_span()
    for row in table.rows:
        data.append(row_cells(table, row, styles))
        index = len(data) - 1
        if not row.applicable:
            commands.append(("SPAN", (first, index), (last, index)))
        if row.bold:
            commands.append(("BACKGROUND", (0, index), (-1, index), AREA_FILL))
    tree_end = len(data) - 1
    data += _summary_rows(table, styles, commands, len(data), text_over_tail)
    ruled = len(data) - 1
    commands = [
        ("GRID", (0, 0), (-1, ruled), 0.5, colors.black),
        *GRID_STYLE[1:],
        *commands,
        ("NOSPLIT", (0, max(1, tree_end - KEEP_ROWS + 1)), (-1, -1)),
    ]
    if closing:
        data.append([list(closing)] + [""] * (table.columns.width - 1))
        commands += [
            ("SPAN", (0, ruled + 1), (-1, ruled + 1)),
            ("LEFTPADDING", (0, ruled + 1), (-1, ruled + 1), 0),
            ("RIGHTPADDING", (0, ruled + 1), (-1, ruled + 1), 0),
            ("TOPPADDING", (0, ruled + 1), (-1, ruled + 1), 2 * mm),
            ("VALIGN", (0, ruled + 1), (-1, ruled + 1), "TOP"),
        ]
    out = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    out.setStyle(TableStyle(commands))
    return out


def _summary_rows(
    table: TreeTable,
    styles: Styles,
    commands: list[tuple[Any, ...]],
    start: int,
    text_over_tail: bool,
) -> list[list[Any]]:
    """The lines under the tree: the label, then the figure under the ``value_key`` column."""
    value = table.columns.position(table.value_key)
    last = table.columns.width - 1
    data: list[list[Any]] = []
    for index, line in enumerate(table.summary, start):
        shown = line.text if line.is_text else format_score(line.value)
        style = styles.cell_centre if line.is_text else styles.cell_number
        cells: list[Any] = [""] * (last + 1)
        cells[value] = (
            Paragraph(f"<b>{markup(shown)}</b>", style)
            if line.is_text
            else Word(shown, style, bold=True)
        )
        figures = [value]
        for key, other in line.others.items():
            position = table.columns.position(key)
            cells[position] = number_cell(other, styles.cell_number, True)
            figures.append(position)
        first, end = min(figures), max(figures)
        cells[0] = Paragraph(f"<b>{markup(line.label)}</b>", styles.cell)
        data.append(cells)
        commands.append(("SPAN", (0, index), (first - 1, index)))
        if not text_over_tail:
            if end < last:
                commands.append(("SPAN", (end + 1, index), (last, index)))
        elif line.is_text:
            commands.append(("SPAN", (value, index), (last, index)))
    return data


def plain_table(
    titles: Sequence[str],
    rows: Sequence[Sequence[Any]],
    styles: Styles,
    widths_mm: Sequence[float],
) -> Table:
    """A ruled table of texts (or ready cells) under a header row repeated on every page: the
    lists of the minutes, the announcement's annexes, the findings. A text cell that reads as a
    figure with decimals ("83,05") is right-aligned, a short one ("1", "Tốt") centred."""
    data: list[list[Any]] = [[Paragraph(markup(title), styles.head) for title in titles]]
    for row in rows:
        data.append([_plain_cell(cell, styles) for cell in row])
    out = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1, splitInRow=1)
    out.setStyle(
        TableStyle(
            [
                *GRID_STYLE,
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("NOSPLIT", (0, 0), (-1, min(2, len(data) - 1))),
            ]
        )
    )
    return out


def _plain_cell(cell: Any, styles: Styles) -> Any:
    if not isinstance(cell, str):
        return cell
    if FIGURE.fullmatch(cell):
        return Paragraph(markup(cell), styles.cell_number)
    return Paragraph(markup(cell), styles.cell_centre if len(cell) <= 3 else styles.cell)
