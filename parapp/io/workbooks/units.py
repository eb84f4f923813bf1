"""The units workbook: the secretary lists a round's units (id, name, unit type) in Excel.

Sheet DonVi: Mã đơn vị | Tên đơn vị | Loại đơn vị (the set's code or its label) | Nhóm xếp hạng
(optional: the round's group code or label; a workbook of the first release has no such column).
A reference sheet LoaiDonVi lists the set's unit types and the group each belongs to. Reading
checks every row against the criteria set and the round's ranking groups and returns nothing if
any problem exists. The format is in docs/round-workbooks.md.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from parapp.core.criteria import CriteriaSet, RankingGroup
from parapp.core.criteria_build import FORM_ID_PATTERN
from parapp.core.errors import Location
from parapp.core.messages import Msg
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import (
    Column,
    SheetReader,
    missing_sheet,
    put_text,
    sheet_rows,
    write_header,
)
from parapp.io.files.text import label_key
from parapp.io.files.xlsx_safety import open_workbook

SHEET_UNITS = "DonVi"
SHEET_TYPES = "LoaiDonVi"
UNIT_COLUMNS = (
    Column("Mã đơn vị", 16),
    Column("Tên đơn vị", 50, wrap=True),
    Column("Loại đơn vị", 30),
)
GROUP_COLUMN = Column("Nhóm xếp hạng", 30)
"""Optional fourth column of sheet DonVi."""
TYPE_COLUMNS = (
    Column("Tên loại đơn vị", 40, wrap=True),
    Column("Mã loại đơn vị", 18),
    Column("Nhóm xếp hạng", 30),
)
TEMPLATE_ROWS = 500
"""Rows of the template that offer the unit-type list."""

_ID = 1
_NAME = 2
_TYPE = 3
_GROUP = 4
_GROUP_WHAT = Msg("Nhóm xếp hạng", "The ranking group")


class UnitRow(NamedTuple):
    """One unit read from the workbook: (id, name, unit type code, location of its row)."""

    id: str
    name: str
    unit_type: str
    location: Location


def write_units_template(
    path: Path, criteria_set: CriteriaSet, groups: Sequence[RankingGroup] | None = None
) -> None:
    """Write an empty units workbook for ``criteria_set``, atomically; the group column offers
    the round's ranking ``groups`` (default: the set's).

    Raises:
        ValidationError: a unit-type label cannot be stored in Excel; nothing is written.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_UNITS
    write_header(sheet, 1, (*UNIT_COLUMNS, GROUP_COLUMN))
    chosen = criteria_set.ranking_groups if groups is None else tuple(groups)
    types = workbook.create_sheet(SHEET_TYPES)
    write_header(types, 1, TYPE_COLUMNS)
    for row, unit_type in enumerate(criteria_set.unit_types, 2):
        put_text(types, row, 1, unit_type.label, wrap=True)
        put_text(types, row, 2, unit_type.code)
        group = next((g for g in chosen if unit_type.code in g.unit_types), None)
        put_text(types, row, 3, group.label if group else "")
    if criteria_set.unit_types:
        # A list from a range: labels such as "Sở, ban, ngành" contain commas, which an inline
        # list would split. Typing a code instead stays possible (no error style).
        last = len(criteria_set.unit_types) + 1
        validation = DataValidation(
            type="list", formula1=f"{SHEET_TYPES}!$A$2:$A${last}", allow_blank=True
        )
        validation.add(f"C2:C{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    sheet.page_setup.orientation = "portrait"
    sheet.print_title_rows = "1:1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def read_units(
    path: Path, criteria_set: CriteriaSet, groups: Sequence[RankingGroup] | None = None
) -> list[UnitRow]:
    """Read and check a units workbook against ``criteria_set`` and the round's ranking
    ``groups`` (default: the set's).

    Blank rows are skipped. Refused, each at its cell: a changed header, ids that are empty,
    malformed or repeated (in any group), empty names, unit types the set does not know, and
    in the optional group column a group the round does not have or one that does not hold
    the row's unit type.

    Raises:
        ImportFormatError: every problem with file, sheet, row and column; nothing is returned.
    """
    source = path.name
    with open_workbook(path) as workbook:
        cells = sheet_rows(workbook, SHEET_UNITS, source)
    if cells is None:
        raise missing_sheet(source, SHEET_UNITS)
    reader = SheetReader(source, SHEET_UNITS, cells)
    titles = [c.title for c in UNIT_COLUMNS]
    with_group = not reader.blank(1, _GROUP)
    if not reader.check_header(1, [*titles, GROUP_COLUMN.title] if with_group else titles):
        reader.raise_problems()
    chosen = criteria_set.ranking_groups if groups is None else tuple(groups)
    group_table = {label_key(g.label): g for g in chosen}
    group_table.update({label_key(g.code): g for g in chosen})
    group_names = ", ".join(g.code for g in chosen)
    types = _type_table(criteria_set)
    shown = ", ".join(ut.code for ut in criteria_set.unit_types)
    result: list[UnitRow] = []
    seen: dict[str, int] = {}
    for row in reader.filled_rows(2, len(UNIT_COLUMNS) + int(with_group)):
        unit_id = reader.text(row, _ID, Msg("Mã đơn vị", "The unit id"))
        name = reader.text(row, _NAME, Msg("Tên đơn vị", "The unit name"))
        type_text = reader.text(row, _TYPE, Msg("Loại đơn vị", "The unit type"))
        before = len(reader.problems)
        if not unit_id:
            reader.fail(reader.at(row, _ID), "Mã đơn vị đang để trống.", "The unit id is empty.")
        elif not FORM_ID_PATTERN.match(unit_id):
            reader.fail(
                reader.at(row, _ID),
                f"Mã đơn vị “{unit_id}” không hợp lệ (chữ không dấu, số, '-', '_', '.'; "
                "tối đa 64 ký tự).",
                f"Unit id “{unit_id}” is invalid (ASCII letters, digits, '-', '_', '.'; "
                "at most 64 characters).",
            )
        elif unit_id in seen:
            reader.fail(
                reader.at(row, _ID),
                f"Mã đơn vị “{unit_id}” bị lặp (đã có ở dòng {seen[unit_id]}).",
                f"Unit id “{unit_id}” is repeated (already on row {seen[unit_id]}).",
            )
        else:
            seen[unit_id] = row
        if not name:
            reader.fail(
                reader.at(row, _NAME), "Tên đơn vị đang để trống.", "The unit name is empty."
            )
        unit_type = types.get(label_key(type_text))
        if unit_type is None:
            reader.fail(
                reader.at(row, _TYPE),
                f"Loại đơn vị “{type_text}” không có trong bộ tiêu chí (dùng mã hoặc tên: "
                f"{shown}).",
                f"Unit type “{type_text}” is not in the criteria set (use a code or a label: "
                f"{shown}).",
            )
        group_text = reader.text(row, _GROUP, _GROUP_WHAT) if with_group else ""
        if group_text:
            group = group_table.get(label_key(group_text))
            if group is None:
                reader.fail(
                    reader.at(row, _GROUP),
                    f"Nhóm xếp hạng “{group_text}” không có trong đợt (có: {group_names}).",
                    f"Ranking group “{group_text}” is not one of the round's "
                    f"(known: {group_names}).",
                )
            elif unit_type is not None and unit_type not in group.unit_types:
                held = next((g.code for g in chosen if unit_type in g.unit_types), "")
                reader.fail(
                    reader.at(row, _GROUP),
                    f"Đơn vị loại “{unit_type}” không thuộc nhóm “{group.code}”"
                    + (f" (loại này thuộc nhóm “{held}”)." if held else "."),
                    f"A unit of type “{unit_type}” is not in group “{group.code}”"
                    + (f" (that type is in group “{held}”)." if held else "."),
                )
        if len(reader.problems) == before and unit_type is not None:
            result.append(UnitRow(unit_id, name, unit_type, reader.at(row)))
    reader.raise_problems()
    return result


def _type_table(criteria_set: CriteriaSet) -> dict[str, str]:
    """Comparison form of each label and code -> code (a code wins over an equal label)."""
    table = {label_key(ut.label): ut.code for ut in criteria_set.unit_types if ut.label}
    table.update({label_key(ut.code): ut.code for ut in criteria_set.unit_types})
    return table
