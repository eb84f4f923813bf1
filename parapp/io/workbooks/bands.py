"""The classification bands workbook: a round's own bands, one row per band, best first.

Sheet XepLoai: Xếp loại | Từ (%) | Đến dưới (%) (blank: up to the band above, or 100 for the
first). Reading returns the rows with each cell's location; ``core.bands.check_rows`` checks
them (overlap, gap, order, repeats) and names the cell of every problem.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from parapp.core.bands import BandRow, BandSet
from parapp.core.numbers import canonical
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import (
    Column,
    SheetReader,
    missing_sheet,
    put_text,
    sheet_rows,
    write_header,
)
from parapp.io.files.xlsx_safety import open_workbook

SHEET_BANDS = "XepLoai"
BAND_COLUMNS = (Column("Xếp loại", 30), Column("Từ (%)", 12), Column("Đến dưới (%)", 14))
_LABEL, _LOWER, _UPPER = 1, 2, 3


def write_bands_workbook(path: Path, bands: BandSet) -> None:
    """Write ``bands`` as a workbook the secretary can edit, atomically."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_BANDS
    write_header(sheet, 1, BAND_COLUMNS)
    for row, band in enumerate(bands.bands, 2):
        put_text(sheet, row, _LABEL, band.label)
        sheet.cell(row=row, column=_LOWER, value=Decimal(canonical(band.lower)))
        if band.upper is not None:
            sheet.cell(row=row, column=_UPPER, value=Decimal(canonical(band.upper)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def read_band_rows(path: Path) -> list[BandRow]:
    """The filled rows of sheet XepLoai, as typed, each cell located.

    Raises:
        ImportFormatError: the sheet is missing or its header was changed.
    """
    source = path.name
    with open_workbook(path) as workbook:
        cells = sheet_rows(workbook, SHEET_BANDS, source)
    if cells is None:
        raise missing_sheet(source, SHEET_BANDS)
    reader = SheetReader(source, SHEET_BANDS, cells)
    if not reader.check_header(1, [c.title for c in BAND_COLUMNS]):
        reader.raise_problems()
    rows = []
    for row in reader.filled_rows(2, len(BAND_COLUMNS)):
        rows.append(
            BandRow(
                _text(reader, row, _LABEL),
                _text(reader, row, _LOWER),
                _text(reader, row, _UPPER),
                at_label=reader.at(row, _LABEL),
                at_lower=reader.at(row, _LOWER),
                at_upper=reader.at(row, _UPPER),
            )
        )
    reader.raise_problems()
    return rows


def _text(reader: SheetReader, row: int, column: int) -> str:
    value = reader.cell(row, column).value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return canonical(Decimal(str(value)))
    return reader.text(row, column)
