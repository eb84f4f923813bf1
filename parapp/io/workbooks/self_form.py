"""A unit's self-assessment form (phiếu tự đánh giá): written per unit, filled in Excel, read back.

Sheet TuDanhGia lists, in document order, every node that applies to the unit's type; a very
hidden sheet _meta ties the file to its round, unit and structure, so a changed or foreign form is
refused. Reading is all-or-nothing and locates every problem. Format: docs/round-workbooks.md.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, Protection

from parapp.core.criteria import Assessor, BandsRule, CriteriaSet, Node, ProportionalRule
from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import SCORE_PLACES, canonical
from parapp.core.rounds import RoundInfo, SelfAssessment, Unit
from parapp.core.scoring import applies_in_set
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import (
    BOLD,
    FIGURE_PLACES,
    GREY_FILL,
    GREY_FONT,
    Column,
    SheetReader,
    missing_sheet,
    put_number,
    put_text,
    range_validation,
    sheet_rows,
    write_header,
)
from parapp.io.files.text import format_number, label_key
from parapp.io.files.xlsx_safety import open_workbook, read_decimal_cell
from parapp.io.workbooks.self_form_text import (
    NOT_SELF_ASSESSED,
    format_evidence,
    instructions,
    parse_evidence,
    rule_in_words,
)

__all__ = [
    "SelfForm",
    "format_evidence",
    "listed_nodes",
    "parse_evidence",
    "read_self_form",
    "rule_in_words",
    "structure_hash",
    "write_self_form",
]

FORMAT = "parapp-self-form"
FORMAT_VERSION = "1"
SHEET_FORM = "TuDanhGia"
SHEET_META = "_meta"
HEADER_ROW = 8
"""Where the writer puts the column titles; the reader looks for them in the first rows."""
HEADER_SEARCH_ROWS = 30
FORM_COLUMNS = (
    Column("Mã", 9),
    Column("Nội dung", 48, wrap=True),
    Column("Điểm tối đa", 10),
    Column("Cách chấm", 40, wrap=True),
    Column("Tài liệu kiểm chứng yêu cầu", 32, wrap=True),
    Column("Số liệu kê khai", 12),
    Column("Điểm tự chấm", 11),
    Column("Giải trình", 32, wrap=True),
    Column("Tài liệu kiểm chứng (tệp, trang)", 34, wrap=True),
)
_CODE, _NAME, _MAX, _RULE, _REQUIRED, _FIGURE, _SCORE, _EXPLANATION, _EVIDENCE = range(1, 10)
_INPUTS = (_FIGURE, _SCORE, _EXPLANATION, _EVIDENCE)
TOTAL_LABEL = "Tổng điểm tự chấm (chỉ để xem, không nhập)"
META_KEYS = (
    "format",
    "format_version",
    "form_id",
    "form_version",
    "round_id",
    "unit_id",
    "unit_type",
    "structure_sha256",
)
_NO_META = Msg(
    "Không phải phiếu tự đánh giá do phần mềm xuất (thiếu trang ẩn “_meta”, có thể phiếu đã bị "
    "chép sang tệp khác): phiếu đã đổi hoặc lạ bị từ chối.",
    "Not a self-assessment form exported by parapp (the hidden sheet “_meta” is missing; the "
    "form may have been copied into another file): a changed or foreign form is refused.",
)
_MAX_PLACES = 4
"""Places a written maximum may carry when read back for comparison (as in criteria sets)."""
_UNLOCKED = Protection(locked=False)
_TITLE_FONT = Font(bold=True, size=14)


@dataclass(frozen=True)
class SelfForm:
    """What a filled form declares: entries and their rows by code, and the file's SHA-256."""

    entries: dict[str, SelfAssessment]
    locations: dict[str, Location]
    sha256: str


def listed_nodes(criteria_set: CriteriaSet, unit_type: str) -> list[Node]:
    """Every node that applies to ``unit_type`` (with all its ancestors), in document order."""
    return [n for n in criteria_set.walk() if applies_in_set(criteria_set, n.code, unit_type)]


def structure_hash(criteria_set: CriteriaSet, unit_type: str) -> str:
    """SHA-256 over (code, maximum for the unit type, assessor) of the listed rows."""
    lines = "".join(
        f"{n.code}\t{canonical(n.max_for(unit_type))}\t{n.assessor.value}\n"
        for n in listed_nodes(criteria_set, unit_type)
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def _has_figure(node: Node) -> bool:
    return isinstance(node.rule, BandsRule | ProportionalRule)


# --------------------------------------------------------------------------------------------
# Writing


def write_self_form(
    path: Path,
    criteria_set: CriteriaSet,
    round_info: RoundInfo,
    unit: Unit,
    existing: Mapping[str, SelfAssessment] | None = None,
) -> None:
    """Write ``unit``'s self-assessment form, pre-filled with ``existing`` entries, atomically.

    Raises:
        ValidationError: some text cannot be stored in Excel; nothing is written.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_FORM
    _write_heading(sheet, criteria_set, round_info, unit)
    write_header(sheet, HEADER_ROW, FORM_COLUMNS)
    scores: dict[tuple[Decimal, Decimal], list[tuple[int, int]]] = defaultdict(list)
    figures: list[tuple[int, int]] = []
    row = HEADER_ROW
    for node in listed_nodes(criteria_set, unit.unit_type):
        row += 1
        maximum = node.max_for(unit.unit_type)
        put_text(sheet, row, _CODE, node.code)
        put_text(sheet, row, _NAME, node.name, wrap=True)
        put_number(sheet, row, _MAX, maximum)
        put_text(sheet, row, _REQUIRED, node.evidence, wrap=True)
        if not node.is_leaf:
            put_text(sheet, row, _RULE, node.guidance, wrap=True)
            for column in range(1, len(FORM_COLUMNS) + 1):
                sheet.cell(row=row, column=column).font = BOLD
            continue
        put_text(sheet, row, _RULE, rule_in_words(node, unit.unit_type), wrap=True)
        if node.assessor is not Assessor.COUNCIL:
            put_text(sheet, row, _SCORE, NOT_SELF_ASSESSED[node.assessor], wrap=True)
            for column in range(1, len(FORM_COLUMNS) + 1):
                cell = sheet.cell(row=row, column=column)
                cell.fill = GREY_FILL
                cell.font = GREY_FONT
            continue
        _write_inputs(sheet, row, node, (existing or {}).get(node.code))
        scores[(node.minimum, maximum)].append((row, _SCORE))
        if _has_figure(node):
            figures.append((row, _FIGURE))
    _write_total(sheet, row)
    for (low, high), cells in scores.items():
        validation = range_validation(cells, low, high, Msg("Điểm tự chấm", "The self-score"))
        if validation is not None:
            sheet.add_data_validation(validation)
    validation = range_validation(figures, Decimal(0), None, Msg("Số liệu", "The figure"))
    if validation is not None:
        sheet.add_data_validation(validation)
    _protect_and_print(sheet)
    _write_meta(workbook, criteria_set, round_info, unit)
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())


def _write_heading(sheet: Any, s: CriteriaSet, info: RoundInfo, unit: Unit) -> None:
    last = len(FORM_COLUMNS)
    try:
        type_label = s.unit_type(unit.unit_type).label
    except KeyError:
        type_label = unit.unit_type
    lines = [
        "PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        f"Đơn vị: {unit.name} (mã {unit.id}) — Loại đơn vị: {type_label}",
        f"Đợt đánh giá: {info.name}",
        f"Bộ tiêu chí: {s.name} ({s.form_id}, phiên bản {s.version})",
        *instructions(),
    ]
    for row, text in enumerate(lines, 1):
        put_text(sheet, row, 1, text, wrap=row > 4)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        if row > 4:
            sheet.row_dimensions[row].height = 32
    sheet.cell(row=1, column=1).font = _TITLE_FONT


def _write_inputs(sheet: Any, row: int, node: Node, entry: SelfAssessment | None) -> None:
    for column in (_SCORE, _EXPLANATION, _EVIDENCE):
        sheet.cell(row=row, column=column).protection = _UNLOCKED
    if _has_figure(node):
        sheet.cell(row=row, column=_FIGURE).protection = _UNLOCKED
    else:
        sheet.cell(row=row, column=_FIGURE).fill = GREY_FILL
    if entry is None:
        return
    if _has_figure(node):
        put_number(sheet, row, _FIGURE, entry.figure)
    put_number(sheet, row, _SCORE, entry.self_score)
    put_text(sheet, row, _EXPLANATION, entry.explanation, wrap=True)
    put_text(sheet, row, _EVIDENCE, format_evidence(entry.evidence), wrap=True)


def _write_total(sheet: Any, last_row: int) -> None:
    row = last_row + 1
    put_text(sheet, row, _NAME, TOTAL_LABEL, wrap=True)
    sheet.cell(row=row, column=_NAME).font = BOLD
    if last_row > HEADER_ROW:
        # A display cell nobody imports: the reader skips this row.
        cell = sheet.cell(row=row, column=_SCORE)
        cell.value = f"=SUM(G{HEADER_ROW + 1}:G{last_row})"
        cell.font = BOLD
        cell.number_format = "0.00"


def _protect_and_print(sheet: Any) -> None:
    # Protection is a convenience (no password, reversible): every import re-checks everything.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _write_meta(workbook: Any, s: CriteriaSet, info: RoundInfo, unit: Unit) -> None:
    sheet = workbook.create_sheet(SHEET_META)
    values = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_id": info.form_id,
        "form_version": info.form_version,
        "round_id": info.id,
        "unit_id": unit.id,
        "unit_type": unit.unit_type,
        "structure_sha256": structure_hash(s, unit.unit_type),
    }
    for row, key in enumerate(META_KEYS, 1):
        put_text(sheet, row, 1, key)
        put_text(sheet, row, 2, values[key])
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


# --------------------------------------------------------------------------------------------
# Reading


def read_self_form(
    path: Path, criteria_set: CriteriaSet, round_info: RoundInfo, unit: Unit
) -> SelfForm:
    """Read ``unit``'s filled form; blank rows mean "not self-assessed" (no entry).

    Self-scores above the maximum are kept as typed (the service flags them, never clamps).

    Raises:
        ImportFormatError: a form of another round, unit, criteria version or structure, or any
            cell problem; every problem with sheet, row and column, and nothing is returned.
    """
    source = path.name
    with open_workbook(path) as workbook:
        meta = sheet_rows(workbook, SHEET_META, source)
        form = sheet_rows(workbook, SHEET_FORM, source)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if meta is None:
        raise ImportFormatError(
            [Problem(Location(file=source, sheet=SHEET_META), _NO_META)], source
        )
    _check_meta(SheetReader(source, SHEET_META, meta), criteria_set, round_info, unit)
    if form is None:
        raise missing_sheet(source, SHEET_FORM)
    reader = _FormReader(SheetReader(source, SHEET_FORM, form), criteria_set, unit)
    entries, locations = reader.read()
    return SelfForm(entries, locations, digest)


def _check_meta(reader: SheetReader, s: CriteriaSet, info: RoundInfo, unit: Unit) -> None:
    found: dict[str, tuple[str, int]] = {}
    for row in reader.filled_rows(1, 2):
        key = reader.text(row, 1)
        if key in META_KEYS and key not in found:
            found[key] = (reader.text(row, 2), row)
    expected = {
        "format": (FORMAT, Msg("không phải phiếu tự đánh giá", "not a self-assessment form")),
        "format_version": (
            FORMAT_VERSION,
            Msg("phiếu của phiên bản phần mềm khác", "made by another version of parapp"),
        ),
        "round_id": (info.id, Msg("phiếu của đợt đánh giá khác", "a form of another round")),
        "unit_id": (unit.id, Msg("phiếu của đơn vị khác", "a form of another unit")),
        "form_id": (info.form_id, Msg("phiếu của bộ tiêu chí khác", "another criteria set")),
        "form_version": (
            info.form_version,
            Msg("phiếu của phiên bản bộ tiêu chí khác", "another version of the criteria set"),
        ),
        "unit_type": (
            unit.unit_type,
            Msg("loại đơn vị đã đổi sau khi xuất phiếu", "the unit type changed since export"),
        ),
        "structure_sha256": (
            structure_hash(s, unit.unit_type),
            Msg("cấu trúc phiếu không khớp bộ tiêu chí", "the structure does not match the set"),
        ),
    }
    for key, (want, why) in expected.items():
        if key not in found:
            reader.fail(
                reader.at(None, 1),
                f"Trang “_meta” thiếu khóa “{key}”: phiếu đã đổi hoặc lạ bị từ chối.",
                f"The “_meta” sheet lacks the key “{key}”: a changed or foreign form is refused.",
            )
            continue
        value, row = found[key]
        if value != want:
            reader.fail(
                reader.at(row, 2),
                f"“{key}” là “{value}”, cần “{want}” ({why.vi}): phiếu đã đổi hoặc lạ bị từ "
                "chối. Hãy xuất lại phiếu cho đơn vị này.",
                f"“{key}” is “{value}”, expected “{want}” ({why.en}): a changed or foreign form "
                "is refused. Export the form for this unit again.",
            )
    reader.raise_problems()


class _FormReader:
    """Reads the TuDanhGia sheet: structure first (codes, order, maxima), then every input."""

    def __init__(self, cells: SheetReader, criteria_set: CriteriaSet, unit: Unit) -> None:
        self.r = cells
        self.unit_type = unit.unit_type
        self.listed = listed_nodes(criteria_set, unit.unit_type)
        self.by_code = {n.code: n for n in self.listed}
        self.entries: dict[str, SelfAssessment] = {}
        self.locations: dict[str, Location] = {}

    def read(self) -> tuple[dict[str, SelfAssessment], dict[str, Location]]:
        header = self.header_row()
        rows = self.code_rows(header)
        self.check_sequence(header, rows)
        seen: set[str] = set()
        for row, code in rows:
            if code in self.by_code and code not in seen:
                seen.add(code)
                self.read_row(row, self.by_code[code])
        self.r.raise_problems()
        return self.entries, self.locations

    def header_row(self) -> int:
        key = label_key(FORM_COLUMNS[0].title)
        for row in range(1, min(HEADER_SEARCH_ROWS, len(self.r.rows)) + 1):
            value = self.r.cell(row, _CODE).value
            if isinstance(value, str) and label_key(value) == key:
                if not self.r.check_header(row, [c.title for c in FORM_COLUMNS]):
                    self.r.raise_problems()
                return row
        self.r.fail(
            self.r.at(None, _CODE),
            "Không tìm thấy dòng tiêu đề (ô “Mã” ở cột A): phiếu đã bị sửa cấu trúc.",
            "The header row (“Mã” in column A) is missing: the form's structure was changed.",
        )
        self.r.raise_problems()
        raise AssertionError("unreachable")  # pragma: no cover - raise_problems raised

    def code_rows(self, header: int) -> list[tuple[int, str]]:
        """Rows with a code; any other non-blank row except the total is an added row."""
        found: list[tuple[int, str]] = []
        total_seen = False
        for row in self.r.filled_rows(header + 1, len(FORM_COLUMNS)):
            code = self.r.text(row, _CODE, Msg("Mã", "The code"))
            if code:
                found.append((row, code))
                continue
            label = self.r.cell(row, _NAME).value
            if (
                not total_seen
                and isinstance(label, str)
                and label_key(label) == label_key(TOTAL_LABEL)
            ):
                total_seen = True
                continue
            if self.r.cell(row, _CODE).data_type != "f":
                self.r.fail(
                    self.r.at(row, _CODE),
                    "Dòng không có mã: không được thêm dòng vào phiếu.",
                    "A row without a code: rows must not be added to the form.",
                )
        return found

    def check_sequence(self, header: int, rows: list[tuple[int, str]]) -> None:
        order = {n.code: i for i, n in enumerate(self.listed)}
        present: dict[str, int] = {}
        last: tuple[int, str] | None = None
        for row, code in rows:
            if code not in order:
                self.r.fail(
                    self.r.at(row, _CODE),
                    f"Mã “{code}” không có trong phiếu của đơn vị: mã đã bị sửa hoặc dòng bị thêm.",
                    f"Code “{code}” is not part of this unit's form: a code was edited or a row "
                    "added.",
                )
            elif code in present:
                self.r.fail(
                    self.r.at(row, _CODE),
                    f"Mục {code} đã có ở dòng {present[code]}: không được chép thêm dòng.",
                    f"Item {code} is already on row {present[code]}: rows must not be copied.",
                )
            else:
                present[code] = row
                if last is not None and order[code] < last[0]:
                    self.r.fail(
                        self.r.at(row, _CODE),
                        f"Dòng của mục {code} bị đổi chỗ (phải đứng trước mục {last[1]}).",
                        f"The row of item {code} was moved (it belongs before item {last[1]}).",
                    )
                else:
                    last = (order[code], code)
        for index, node in enumerate(self.listed):
            if node.code not in present:
                where = header + 1 + index
                self.r.fail(
                    self.r.at(where, _CODE),
                    f"Dòng của mục {node.code} (dòng {where} trong phiếu gốc) đã bị xóa.",
                    f"The row of item {node.code} (row {where} of the original form) was removed.",
                )

    def read_row(self, row: int, node: Node) -> None:
        maximum = node.max_for(self.unit_type)
        shown = self.r.cell(row, _MAX)
        try:
            value = read_decimal_cell(shown, self.r.at(row, _MAX), _MAX_PLACES)
        except ImportFormatError:
            value = None
        if value != maximum:
            self.r.fail(
                self.r.at(row, _MAX),
                f"Điểm tối đa của mục {node.code} đã bị sửa (phải là {format_number(maximum)}).",
                f"The maximum of item {node.code} was edited (it is {canonical(maximum)}).",
            )
        if not node.is_leaf:
            self.refuse_inputs(
                row,
                _INPUTS,
                Msg(
                    f"Dòng {node.code} là dòng nhóm: hãy nhập ở các mục thành phần.",
                    f"Row {node.code} is a group row: fill in its sub-items instead.",
                ),
            )
        elif node.assessor is not Assessor.COUNCIL:
            note = NOT_SELF_ASSESSED[node.assessor]
            score = self.r.cell(row, _SCORE).value
            inputs = list(_INPUTS)
            if isinstance(score, str) and label_key(score) == label_key(note):
                inputs.remove(_SCORE)
            self.refuse_inputs(
                row,
                tuple(inputs),
                Msg(
                    f"Mục {node.code}: {note.lower()}, đơn vị không tự chấm và không kê khai.",
                    f"Item {node.code} is scored by a survey or another body; the unit does not "
                    "self-assess it.",
                ),
            )
        else:
            self.read_inputs(row, node)

    def refuse_inputs(self, row: int, columns: tuple[int, ...], why: Msg) -> None:
        for column in columns:
            if not self.r.blank(row, column):
                self.r.problems.append(self.r.problem(row, column, why.vi, why.en))

    def read_inputs(self, row: int, node: Node) -> None:
        figure: Decimal | None = None
        if _has_figure(node):
            figure, _ = self.r.number(
                row, _FIGURE, FIGURE_PLACES, Msg("Số liệu kê khai", "The figure"), negative=False
            )
        elif not self.r.blank(row, _FIGURE):
            self.r.fail(
                self.r.at(row, _FIGURE),
                f"Mục {node.code} không chấm theo số liệu: để trống ô “Số liệu kê khai”.",
                f"Item {node.code} is not scored from a figure: leave “Số liệu kê khai” blank.",
            )
        score, _ = self.r.number(row, _SCORE, SCORE_PLACES, Msg("Điểm tự chấm", "The self-score"))
        explanation = self.r.text(row, _EXPLANATION, Msg("Giải trình", "The explanation"))
        text = self.r.text(row, _EVIDENCE, Msg("Tài liệu kiểm chứng", "The evidence"))
        try:
            refs = parse_evidence(text)
        except ValidationError as exc:
            self.r.problems.append(self.r.problem(row, _EVIDENCE, exc.msg.vi, exc.msg.en))
            refs = ()
        if figure is None and score is None and not explanation and not refs:
            return
        self.entries[node.code] = SelfAssessment(node.code, figure, score, explanation, refs)
        self.locations[node.code] = self.r.at(row)
