"""The results workbook: survey, agency and leadership points per unit, filled by the secretary.

Sheet KetQua, one row per unit x applicable leaf not scored by the council: Mã đơn vị | Tên đơn
vị | Mã mục | Nội dung | Điểm tối đa | Số liệu | Điểm | Cách chấm. A row gives the points, or a
figure (e.g. the SIPAS satisfaction %) that the item's rule turns into points. Reading locates
every problem; the service then checks units and items. The format is in docs/round-workbooks.md.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from parapp.core.criteria import Assessor, BandsRule, CriteriaSet, ProportionalRule
from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg
from parapp.core.numbers import SCORE_PLACES
from parapp.core.rounds import Unit
from parapp.core.scoring import applies_in_set
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import (
    FIGURE_PLACES,
    GREY_FILL,
    Column,
    SheetReader,
    missing_sheet,
    put_number,
    put_text,
    range_validation,
    sheet_rows,
    write_header,
)
from parapp.io.files.xlsx_safety import open_workbook
from parapp.io.workbooks.self_form_text import rule_in_words

SHEET_RESULTS = "KetQua"
RESULT_COLUMNS = (
    Column("Mã đơn vị", 14),
    Column("Tên đơn vị", 30, wrap=True),
    Column("Mã mục", 10),
    Column("Nội dung", 50, wrap=True),
    Column("Điểm tối đa", 12),
    Column("Số liệu", 12),
    Column("Điểm", 12),
    Column("Cách chấm", 45, wrap=True),
)
_UNIT, _UNIT_NAME, _CODE, _NAME, _MAX, _FIGURE, _POINTS, _RULE = range(1, 9)
FIGURE_COLUMN, POINTS_COLUMN = get_column_letter(_FIGURE), get_column_letter(_POINTS)
"""Where a row's figure and points stand, for problems only the round can judge."""


class ResultRow(NamedTuple):
    """One filled row; the service turns it into a ``ComponentInput`` (io cannot import it)."""

    unit_id: str
    node_code: str
    figure: Decimal | None
    value: Decimal | None
    location: Location


def write_results_template(path: Path, criteria_set: CriteriaSet, units: Sequence[Unit]) -> None:
    """Write the blank results workbook: a row per unit x applicable non-council leaf, atomically.

    Raises:
        ValidationError: some text cannot be stored in Excel; nothing is written.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_RESULTS
    write_header(sheet, 1, RESULT_COLUMNS)
    ranges: dict[tuple[Decimal, Decimal], list[tuple[int, int]]] = defaultdict(list)
    figures: list[tuple[int, int]] = []
    row = 1
    for unit in units:
        for node in criteria_set.leaves():
            if node.assessor is Assessor.COUNCIL or not applies_in_set(
                criteria_set, node.code, unit.unit_type
            ):
                continue
            row += 1
            maximum = node.max_for(unit.unit_type)
            put_text(sheet, row, _UNIT, unit.id)
            put_text(sheet, row, _UNIT_NAME, unit.name, wrap=True)
            put_text(sheet, row, _CODE, node.code)
            put_text(sheet, row, _NAME, node.name, wrap=True)
            put_number(sheet, row, _MAX, maximum)
            put_text(sheet, row, _RULE, rule_in_words(node, unit.unit_type), wrap=True)
            if isinstance(node.rule, BandsRule | ProportionalRule):
                figures.append((row, _FIGURE))
            else:
                sheet.cell(row=row, column=_FIGURE).fill = GREY_FILL
            ranges[(node.minimum, maximum)].append((row, _POINTS))
    for (low, high), cells in ranges.items():
        validation = range_validation(cells, low, high, Msg("Điểm", "Points"))
        if validation is not None:
            sheet.add_data_validation(validation)
    validation = range_validation(figures, Decimal(0), None, Msg("Số liệu", "The figure"))
    if validation is not None:
        sheet.add_data_validation(validation)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def read_results(path: Path) -> list[ResultRow]:
    """Read the filled rows of a results workbook.

    A row counts when it has a figure or points; rows without either are skipped (the template
    lists every item, most secretaries fill only some). Refused, each at its cell: a changed
    header, a missing unit id or item code, formulas or text in number cells, too many decimals,
    negative figures.

    Returns:
        One ``ResultRow`` per filled row, in sheet order, located at its row.

    Raises:
        ImportFormatError: every problem located; nothing is returned.
    """
    rows, problems = read_results_checked(path)
    if problems:
        raise ImportFormatError(problems, path.name)
    return rows


def read_results_checked(path: Path) -> tuple[list[ResultRow], list[Problem]]:
    """``read_results`` that returns the cell problems beside the good rows, so that the
    service can add what only the round knows (units, bounds) and report all in one run.

    Raises:
        ImportFormatError: not a workbook, no results sheet, or a changed header.
    """
    source = path.name
    with open_workbook(path) as workbook:
        cells = sheet_rows(workbook, SHEET_RESULTS, source)
    if cells is None:
        raise missing_sheet(source, SHEET_RESULTS)
    reader = SheetReader(source, SHEET_RESULTS, cells)
    if not reader.check_header(1, [c.title for c in RESULT_COLUMNS[:_POINTS]]):
        reader.raise_problems()
    rows: list[ResultRow] = []
    for row in reader.filled_rows(2, _POINTS):
        if reader.blank(row, _FIGURE) and reader.blank(row, _POINTS):
            continue
        before = len(reader.problems)
        unit_id = reader.text(row, _UNIT, Msg("Mã đơn vị", "The unit id"))
        code = reader.text(row, _CODE, Msg("Mã mục", "The item code"))
        figure, _ = reader.number(
            row, _FIGURE, FIGURE_PLACES, Msg("Số liệu", "The figure"), negative=False
        )
        points, _ = reader.number(row, _POINTS, SCORE_PLACES, Msg("Điểm", "The points"))
        if not unit_id:
            reader.fail(
                reader.at(row, _UNIT),
                "Dòng có điểm hoặc số liệu nhưng thiếu mã đơn vị.",
                "The row has points or a figure but no unit id.",
            )
        if not code:
            reader.fail(
                reader.at(row, _CODE),
                "Dòng có điểm hoặc số liệu nhưng thiếu mã mục.",
                "The row has points or a figure but no item code.",
            )
        if len(reader.problems) == before:
            rows.append(ResultRow(unit_id, code, figure, points, reader.at(row)))
    return rows, list(reader.problems)
