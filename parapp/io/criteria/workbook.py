"""The secretary's Excel workbook for a criteria set: write it for people, read it back exactly.

Sheets ThongTin (metadata), LoaiDonVi (unit types, ranking groups), XepLoai (classification bands)
and TieuChi (one row per node). The format and the rule grammar are in docs/criteria-workbook.md.
Reading collects every problem with file, sheet, row and column, and returns nothing if any exists.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from parapp.core.criteria import (
    BonusMode,
    ClassBand,
    CriteriaSet,
    FreeRule,
    RankingGroup,
    RankingMethod,
    Rule,
    UnitType,
)
from parapp.core.criteria_build import NodeSpec, assemble
from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.io.criteria.cell_text import (
    AGGREGATION,
    AGGREGATION_LABELS,
    ASSESSOR,
    ASSESSOR_LABELS,
    META_CHOICES,
    ROLE,
    ROLE_LABELS,
    format_maxima_by_type,
    format_rule,
    format_unit_types,
    parse_maxima_by_type,
    parse_rule,
    parse_unit_types,
)
from parapp.io.criteria.workbook_layout import (
    CLASS_HEADER,
    META_HEADER,
    META_KEYS,
    NODE_COLUMNS,
    NUMBER_FORMAT,
    NUMBER_PLACES,
    REQUIRED_FIELDS,
    REQUIRED_META,
    SHEET_CLASSES,
    SHEET_META,
    SHEET_NODES,
    SHEET_ORDER,
    SHEET_UNIT_TYPES,
    UNIT_TYPE_HEADER,
)
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.files.text import label_key
from parapp.io.files.xlsx_safety import (
    MAX_ROWS,
    SheetCell,
    cell_location,
    open_workbook,
    read_decimal_cell,
    read_sheet,
    read_text_cell,
)

_T = TypeVar("_T")
_FREE_RULE: Rule = FreeRule()


_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


# --------------------------------------------------------------------------------------------
# Writing


def write_workbook(criteria_set: CriteriaSet, path: Path) -> None:
    """Write ``criteria_set`` as the secretary's workbook, atomically.

    Raises:
        ValidationError: some text cannot be stored in Excel (control characters, too long);
            nothing is written and an existing file is left untouched.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_META
    _write_meta(sheet, criteria_set)
    _write_unit_types(workbook.create_sheet(SHEET_UNIT_TYPES), criteria_set)
    _write_classes(workbook.create_sheet(SHEET_CLASSES), criteria_set)
    _write_nodes(workbook.create_sheet(SHEET_NODES), criteria_set)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def _put_number(sheet: Any, row: int, column: int, value: Decimal | int) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = Decimal(canonical(value)) if isinstance(value, Decimal) else value
    if isinstance(value, Decimal):
        cell.number_format = NUMBER_FORMAT
    cell.alignment = _TOP


def _header(sheet: Any, titles: Sequence[str], widths: Sequence[int]) -> None:
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), 1):
        put_text(sheet, 1, column, title, wrap=True)
        cell = sheet.cell(row=1, column=column)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def _write_meta(sheet: Any, s: CriteriaSet) -> None:
    _header(sheet, META_HEADER, (32, 14, 60, 45))
    values: dict[str, str | int] = {
        "form_id": s.form_id,
        "version": s.version,
        "year": s.year,
        "name": s.name,
        "decision": s.decision,
        "note": s.note,
        "ranking": s.ranking.value,
        "bonus_mode": s.bonus_mode.value,
        "index_places": s.index_places,
        "rounding": s.rounding,
    }
    for row, (key, label, hint) in enumerate(META_KEYS, 2):
        put_text(sheet, row, 1, label)
        put_text(sheet, row, 2, key)
        value = values[key]
        if isinstance(value, int):
            _put_number(sheet, row, 3, value)
        else:
            put_text(sheet, row, 3, value, wrap=True)
        put_text(sheet, row, 4, hint, wrap=True)


def _write_unit_types(sheet: Any, s: CriteriaSet) -> None:
    _header(sheet, UNIT_TYPE_HEADER, (18, 40, 18, 40))
    for row, unit_type in enumerate(s.unit_types, 2):
        put_text(sheet, row, 1, unit_type.code)
        put_text(sheet, row, 2, unit_type.label)
        group = s.group_of(unit_type.code)
        if group is not None:
            put_text(sheet, row, 3, group.code)
            put_text(sheet, row, 4, group.label)


def _write_classes(sheet: Any, s: CriteriaSet) -> None:
    _header(sheet, CLASS_HEADER, (30, 12))
    for row, band in enumerate(s.classes, 2):
        put_text(sheet, row, 1, band.label)
        _put_number(sheet, row, 2, band.lower)


def _write_nodes(sheet: Any, s: CriteriaSet) -> None:
    _header(sheet, [c.title for c in NODE_COLUMNS], [c.width for c in NODE_COLUMNS])
    index = {c.field: i for i, c in enumerate(NODE_COLUMNS, 1)}
    row = 1
    for row, node in enumerate(s.walk(), 2):
        texts = {
            "code": node.code,
            "name": node.name,
            "assessor": ASSESSOR_LABELS[node.assessor],
            "rule": format_rule(node.rule) if node.is_leaf else "",
            "guidance": node.guidance,
            "evidence": node.evidence,
            "applies_to": format_unit_types(node.applies_to),
            "maximum_by_unit_type": format_maxima_by_type(node.maximum_by_unit_type),
            "role": ROLE_LABELS[node.role],
            "aggregation": AGGREGATION_LABELS[node.aggregation],
        }
        for column in NODE_COLUMNS:
            if column.field in texts:
                put_text(sheet, row, index[column.field], texts[column.field], column.wrap)
        _put_number(sheet, row, index["maximum"], node.maximum)
        _put_number(sheet, row, index["minimum"], node.minimum)
        if node.depth == 1:
            for number in range(1, len(NODE_COLUMNS) + 1):
                sheet.cell(row=row, column=number).font = _BOLD
    lists = {
        "assessor": list(ASSESSOR_LABELS.values()),
        "role": ["thưởng", "trừ"],
        "aggregation": ["cộng", "giới hạn"],
    }
    for field, choices in lists.items():
        formula = '"' + ",".join(choices) + '"'
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        letter = get_column_letter(index[field])
        validation.add(f"{letter}2:{letter}{max(row, 1) + 200}")
        sheet.add_data_validation(validation)
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"


# --------------------------------------------------------------------------------------------
# Reading


def read_workbook(path: Path) -> CriteriaSet:
    """Read and check a criteria workbook.

    Reading goes on past every problem: a sheet over the row limit or a missing header is
    reported and the other sheets are still checked; a cell that cannot be read is reported once
    and the checks that would depend on it are skipped (see ``criteria_build``).

    Raises:
        ImportFormatError: the file is unsafe or unreadable, or has any problem; every problem is
            listed with its file, sheet, row and column, and nothing is returned.
    """
    source = path.name
    wanted = {label_key(name): name for name in SHEET_ORDER}
    sheets: dict[str, list[tuple[SheetCell, ...]]] = {}
    unread: dict[str, list[Problem]] = {}
    with open_workbook(path) as workbook:
        for worksheet in workbook.worksheets:
            name = wanted.get(label_key(str(worksheet.title)))
            if name is None or name in sheets or name in unread:
                continue
            try:
                sheets[name] = read_sheet(worksheet, source)
            except ImportFormatError as exc:
                unread[name] = [_over_limit(p) for p in exc.problems]
    return _Reader(source, sheets, unread).read()


def _over_limit(problem: Problem) -> Problem:
    """read_sheet's refusal of a sheet, with the row limit named and where it is documented."""
    if problem.location.row is None:  # the sheet could not be parsed at all
        return problem
    vi_limit = f"{MAX_ROWS:,}".replace(",", ".")
    return Problem(
        problem.location,
        Msg(
            f"Trang tính có hơn {vi_limit} dòng: mỗi trang tính được tối đa {vi_limit} dòng, kể "
            "cả dòng tiêu đề (xem docs/criteria-workbook.md). Trang này không được kiểm tra; hãy "
            "xóa các dòng thừa rồi kiểm tra lại.",
            f"The sheet has more than {MAX_ROWS:,} rows: a sheet may have at most {MAX_ROWS:,} "
            "rows, the header included (see docs/criteria-workbook.md). This sheet was not "
            "checked; delete the extra rows and check again.",
        ),
    )


def _order(problem: Problem) -> tuple[int, int, int, str]:
    """Problems in workbook order: sheet, row, column (unlocated ones first)."""
    loc = problem.location
    sheet = SHEET_ORDER.index(loc.sheet) + 1 if loc.sheet in SHEET_ORDER else 0
    column = loc.column or ""
    return sheet, loc.row or 0, len(column), column


class _Reader:
    """Turns the cells of the four sheets into metadata and rows, recording located problems.

    ``skip`` collects the metadata keys whose value could not be read (see ``assemble``).
    """

    def __init__(
        self,
        source: str,
        sheets: Mapping[str, list[tuple[SheetCell, ...]]],
        unread: Mapping[str, list[Problem]],
    ) -> None:
        self.source = source
        self.sheets = sheets
        self.unread = set(unread)
        self.problems: list[Problem] = [p for found in unread.values() for p in found]
        self.skip: set[str] = set()

    def at(self, sheet: str, row: int | None = None, column: int | str | None = None) -> Location:
        if isinstance(column, int):
            return cell_location(self.source, sheet, row or 1, column)
        return Location(file=self.source, sheet=sheet, row=row, column=column)

    def fail(self, loc: Location, vi: str, en: str) -> None:
        self.problems.append(Problem(loc, Msg(vi, en)))

    def guarded(self, fn: Callable[[], _T], default: _T) -> _T:
        try:
            return fn()
        except ImportFormatError as exc:
            self.problems.extend(exc.problems)
            return default

    def cell(self, sheet: str, row: int, column: int) -> SheetCell:
        cells = self.sheets[sheet][row - 1]
        return cells[column - 1] if column <= len(cells) else SheetCell()

    def text(self, sheet: str, row: int, column: int) -> str:
        loc = self.at(sheet, row, column)
        return self.guarded(lambda: read_text_cell(self.cell(sheet, row, column), loc), "").strip()

    def number(self, sheet: str, row: int, column: int, required: bool = False) -> Decimal | None:
        loc = self.at(sheet, row, column)
        before = len(self.problems)
        value = self.guarded(
            lambda: read_decimal_cell(self.cell(sheet, row, column), loc, NUMBER_PLACES), None
        )
        if value is None and required and len(self.problems) == before:
            self.fail(loc, "Ô này phải có số.", "This cell needs a number.")
        return value

    def data_rows(self, sheet: str) -> list[int]:
        rows = self.sheets.get(sheet, [])
        return [i for i, cells in enumerate(rows[1:], 2) if any(c.value is not None for c in cells)]

    def usable(self, sheet: str, titles: Sequence[str], machine: Sequence[str] = ()) -> bool:
        """Whether the sheet was read and has its header row (each wrong title is reported)."""
        rows = self.sheets.get(sheet)
        if rows is None:
            return False
        ok = True
        for column, title in enumerate(titles, 1):
            found = self.text(sheet, 1, column) if rows else ""
            allowed = {label_key(title), *(label_key(m) for m in machine[column - 1 : column] if m)}
            if label_key(found) not in allowed:
                ok = False
                self.fail(
                    self.at(sheet, 1, column),
                    f"Thiếu dòng tiêu đề: ô này phải là “{title}”.",
                    f"Header row missing: this cell must read “{title}”.",
                )
        return ok

    def parsed(
        self, sheet: str, row: int, column: int, parse: Callable[[str], _T], default: _T
    ) -> _T:
        """Parse a text cell; a ValidationError becomes a problem at that cell."""
        try:
            return parse(self.text(sheet, row, column))
        except ValidationError as exc:
            self.problems.append(Problem(self.at(sheet, row, column), exc.msg))
            return default

    # ---------------------------------------------------------------------------------------

    def read(self) -> CriteriaSet:
        for name in (SHEET_META, SHEET_NODES):
            if name not in self.sheets and name not in self.unread:
                self.fail(
                    self.at(name),
                    f"Thiếu trang tính “{name}”.",
                    f"The sheet “{name}” is missing.",
                )
        meta, meta_locations = self.read_meta()
        specs, columns = self.read_nodes()
        try:
            result = assemble(meta, specs, columns, meta_locations, self.source, self.skip)
        except ImportFormatError as exc:
            found = sorted([*self.problems, *exc.problems], key=_order)
            raise ImportFormatError(found, self.source) from None
        if self.problems:
            raise ImportFormatError(sorted(self.problems, key=_order), self.source)
        return result

    def read_meta(self) -> tuple[CriteriaSet, dict[str, Location]]:
        values: dict[str, Any] = {}
        where: dict[str, Location] = {}
        known = {key for key, _, _ in META_KEYS}
        if not self.usable(SHEET_META, META_HEADER[:3], ("", "key", "value")):
            self.skip.update(known)
        else:
            for row in self.data_rows(SHEET_META):
                before = len(self.problems)
                key = self.text(SHEET_META, row, 2)
                if len(self.problems) > before:
                    continue  # an unreadable key cell, already reported
                if key not in known:
                    self.fail(
                        self.at(SHEET_META, row, 2),
                        f"Khóa “{key}” không có (dùng: {', '.join(sorted(known))}).",
                        f"Unknown key “{key}” (use: {', '.join(sorted(known))}).",
                    )
                elif key in values:
                    self.fail(
                        self.at(SHEET_META, row, 2),
                        f"Khóa “{key}” bị lặp.",
                        f"Key “{key}” appears twice.",
                    )
                else:
                    where[key] = self.at(SHEET_META, row, 3)
                    values[key] = self.meta_value(key, row)
                    if len(self.problems) > before:
                        self.skip.add(key)
            for key in REQUIRED_META:
                if key not in where:
                    self.skip.add(key)
                    self.fail(
                        self.at(SHEET_META, None, "B"),
                        f"Thiếu khóa “{key}”.",
                        f"The key “{key}” is missing.",
                    )
        unit_types, groups = self.read_unit_types(where)
        where["unit_types"] = self.at(SHEET_UNIT_TYPES)
        where["ranking_groups"] = self.at(SHEET_UNIT_TYPES, None, "C")
        where["classes"] = self.at(SHEET_CLASSES)
        meta = CriteriaSet(
            form_id=values.get("form_id", ""),
            version=values.get("version", ""),
            year=values.get("year", 2000),
            name=values.get("name", ""),
            nodes=(),
            decision=values.get("decision", ""),
            note=values.get("note", ""),
            unit_types=unit_types,
            ranking_groups=groups,
            classes=self.read_classes(where),
            ranking=values.get("ranking", RankingMethod.DENSE),
            bonus_mode=values.get("bonus_mode", BonusMode.INSIDE),
            index_places=values.get("index_places", 2),
            rounding=values.get("rounding", "half_up"),
        )
        return meta, where

    def meta_value(self, key: str, row: int) -> Any:
        if key in META_CHOICES:
            return self.parsed(SHEET_META, row, 3, *META_CHOICES[key])
        if key not in ("year", "index_places"):
            return self.text(SHEET_META, row, 3)
        number = self.number(SHEET_META, row, 3, required=True)
        if number is not None and number != number.to_integral_value():
            self.fail(
                self.at(SHEET_META, row, 3),
                f"“{key}” phải là số nguyên.",
                f"“{key}” must be a whole number.",
            )
        fallback = 2000 if key == "year" else 2
        return int(number) if number is not None and number == int(number) else fallback

    def present(self, sheet: str) -> bool:
        return sheet in self.sheets or sheet in self.unread

    def read_unit_types(
        self, where: dict[str, Location]
    ) -> tuple[tuple[UnitType, ...], tuple[RankingGroup, ...]]:
        if not self.usable(SHEET_UNIT_TYPES, UNIT_TYPE_HEADER):
            if self.present(SHEET_UNIT_TYPES):  # absent: no unit types; unreadable: unknown
                self.skip.add("unit_types")
            return (), ()
        unit_types: list[UnitType] = []
        labels: dict[str, str] = {}
        members: dict[str, set[str]] = {}
        for i, row in enumerate(self.data_rows(SHEET_UNIT_TYPES), 1):
            key = f"unit_types.{i}"
            texts = []
            for column, name in ((1, key), (2, f"{key}.label")):
                where[name] = self.at(SHEET_UNIT_TYPES, row, column)
                before = len(self.problems)
                texts.append(self.text(SHEET_UNIT_TYPES, row, column))
                if len(self.problems) > before:
                    self.skip.add(name)
            code = texts[0]
            unit_types.append(UnitType(code, texts[1]))
            group = self.text(SHEET_UNIT_TYPES, row, 3)
            label = self.text(SHEET_UNIT_TYPES, row, 4)
            if not group:
                if label:
                    self.fail(
                        self.at(SHEET_UNIT_TYPES, row, 3),
                        "Có tên nhóm xếp hạng nhưng thiếu mã nhóm.",
                        "A ranking group label without a group code.",
                    )
                continue
            if group not in members:
                where[f"ranking_groups.{len(members) + 1}"] = self.at(SHEET_UNIT_TYPES, row, 4)
            members.setdefault(group, set()).add(code)
            if labels.setdefault(group, label) != label and label:
                self.fail(
                    self.at(SHEET_UNIT_TYPES, row, 4),
                    f"Nhóm “{group}” đã có tên khác: “{labels[group]}”.",
                    f"Group “{group}” already has another label: “{labels[group]}”.",
                )
            labels[group] = labels[group] or label
        groups = tuple(RankingGroup(g, labels[g], frozenset(m)) for g, m in members.items())
        return tuple(unit_types), groups

    def read_classes(self, where: dict[str, Location]) -> tuple[ClassBand, ...]:
        if not self.usable(SHEET_CLASSES, CLASS_HEADER):
            if self.present(SHEET_CLASSES):
                self.skip.add("classes")
            return ()
        bands = []
        for i, row in enumerate(self.data_rows(SHEET_CLASSES), 1):
            before = len(self.problems)
            label = self.text(SHEET_CLASSES, row, 1)
            lower = self.number(SHEET_CLASSES, row, 2, required=True)
            if len(self.problems) > before:
                self.skip.add(f"classes.{i}")
            where[f"classes.{i}"] = self.at(SHEET_CLASSES, row, 2 if label else 1)
            bands.append(ClassBand(label, lower or Decimal(0)))
        return tuple(bands)

    def node_columns(self) -> dict[str, int] | None:
        """The column of each field found by its title; unknown or repeated titles are reported
        and their columns ignored. None when the sheet is absent or has no code column."""
        rows = self.sheets.get(SHEET_NODES)
        if rows is None:
            return None
        by_title = {label_key(c.title): c.field for c in NODE_COLUMNS}
        by_title.update({label_key(c.field): c.field for c in NODE_COLUMNS})
        found: dict[str, int] = {}
        for column in range(1, len(rows[0]) + 1 if rows else 1):
            title = self.text(SHEET_NODES, 1, column)
            field = by_title.get(label_key(title))
            if not title:
                continue
            if field is None or field in found:
                self.fail(
                    self.at(SHEET_NODES, 1, column),
                    f"Cột “{title}” không có trong mẫu hoặc bị lặp: cột này bị bỏ qua.",
                    f"Column “{title}” is not part of the format or appears twice: it is ignored.",
                )
            else:
                found[field] = column
        for field in REQUIRED_FIELDS:
            if field not in found:
                title = next(c.title for c in NODE_COLUMNS if c.field == field)
                self.fail(
                    self.at(SHEET_NODES, 1),
                    f"Dòng tiêu đề thiếu cột “{title}”.",
                    f"The header row lacks the column “{title}”.",
                )
        return found if "code" in found else None

    def read_nodes(self) -> tuple[list[NodeSpec], dict[str, str]]:
        found = self.node_columns()
        if found is None:  # without codes no row can be placed in the tree
            self.skip.add("nodes")
            return [], {}
        letters = {field: get_column_letter(column) for field, column in found.items()}
        missing = frozenset(f for f in REQUIRED_FIELDS if f not in found)
        return [self.read_node(row, found, missing) for row in self.data_rows(SHEET_NODES)], letters

    def read_node(self, row: int, found: Mapping[str, int], missing: frozenset[str]) -> NodeSpec:
        """One row of TieuChi; the fields whose cell had a problem are marked unreadable."""
        bad = set(missing)

        def cell(field: str, parse: Callable[[str], _T], default: _T) -> _T:
            if field not in found:
                return default
            before = len(self.problems)
            value = self.parsed(SHEET_NODES, row, found[field], parse, default)
            if len(self.problems) > before:
                bad.add(field)
            return value

        def number(field: str) -> Decimal:
            if field not in found:
                return Decimal(0)
            before = len(self.problems)
            value = self.number(SHEET_NODES, row, found[field], field == "maximum")
            if len(self.problems) > before:
                bad.add(field)
            return value or Decimal(0)

        no_maxima: dict[str, Decimal] = {}
        values: dict[str, Any] = {
            "code": cell("code", str, ""),
            "name": cell("name", str, ""),
            "maximum": number("maximum"),
            "minimum": number("minimum"),
            "guidance": cell("guidance", str, ""),
            "evidence": cell("evidence", str, ""),
            "assessor": cell("assessor", *ASSESSOR),
            "rule": cell("rule", parse_rule, _FREE_RULE),
            "role": cell("role", *ROLE),
            "aggregation": cell("aggregation", *AGGREGATION),
            "applies_to": cell("applies_to", parse_unit_types, None),
            "maximum_by_unit_type": cell("maximum_by_unit_type", parse_maxima_by_type, no_maxima),
        }
        return NodeSpec(**values, location=self.at(SHEET_NODES, row), unreadable=frozenset(bad))
