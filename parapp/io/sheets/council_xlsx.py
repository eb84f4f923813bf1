"""The council's consolidated results as an Excel workbook.

Sheets: one "BXH <group>" ranking per ranking group, one official sheet per unit, "Nguồn" (where
every consolidated score came from) and "Nhật ký" (the audit log). Every figure is a value; beside
the totals, clearly labelled check cells ("Kiểm tra …", pale yellow) hold live formulas that
recompute them (sums, index, rank), for a reviewer in Excel or LibreOffice. User text is always
stored as text ("=cmd" never becomes a formula). Sheet names are unique (Excel compares them
case-insensitively), at most 31 characters, without []:*?/\\ .
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from parapp.core.criteria import BonusMode, RankingMethod, Role
from parapp.core.results import UnitOutcome
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import put_text
from parapp.io.files.xlsx_styles import styled
from parapp.io.sheets.council_report import (
    DRAFT_MARK,
    DRAFT_NOTE,
    FINDINGS_COLUMNS,
    FINDINGS_TITLE,
    NOT_APPRAISED,
    NOT_COMPARABLE,
    NOTE,
    RANKING_COLUMNS,
    YEAR_COLUMNS,
    ResultsReport,
    UnitSheet,
    YearChange,
    area_points,
    results_title,
    unit_sheet,
    unit_sheet_title,
)
from parapp.io.sheets.minutes_pdf import PROVISIONAL_MARK, provisional
from parapp.io.sheets.table import SummaryKey, TableRow, heads, nfc
from parapp.io.sheets.xlsx_table import BORDER as _BORDER
from parapp.io.sheets.xlsx_table import CENTRE as _CENTRE
from parapp.io.sheets.xlsx_table import (
    CHECK_TITLE,
    FONT_NAME,
    TreeTableWriter,
    listed,
    nd30_heading,
    nd30_print_setup,
)
from parapp.io.sheets.xlsx_table import LEFT as _LEFT
from parapp.io.sheets.xlsx_table import check as _check
from parapp.io.sheets.xlsx_table import font as _font
from parapp.io.sheets.xlsx_table import header_row as _header_row
from parapp.io.sheets.xlsx_table import merged as _merged
from parapp.io.sheets.xlsx_table import number as _number

SOURCE_TITLE = "Nguồn"
AUDIT_TITLE = "Nhật ký"
FINDINGS_SHEET = "Vi phạm quy tắc"
"""A draft's first sheet: the values that break a hard rule of the criteria set."""
FINDINGS_WIDTHS = (6, 11, 30, 9, 28, 14, 34)
RANKING_PREFIX = "BXH "
MAX_SHEET_NAME = 31
RANKING_HEADER_ROW = 4
UNIT_HEADER_ROW = 8
CHECK_PREFIX = "Kiểm tra"
UNIT_CHECK_TITLE = CHECK_TITLE
CHECK_AREAS_TITLE = "Kiểm tra: tổng điểm các lĩnh vực (công thức)"
CHECK_INDEX_TITLE = "Kiểm tra: chỉ số (công thức)"
CHECK_RANK_TITLE = "Kiểm tra: xếp hạng (công thức)"
UNIT_WIDTHS = (6, 9, 50, 10, 10, 11, 11, 13, 11, 30, 14)
MAX_COL, SELF_COL, COUNCIL_COL, SECOND_COL, OTHER_COL = 4, 5, 6, 7, 8
ACHIEVED_COL, NOTE_COL, CHECK_COL = 9, 10, 11
"""``COUNCIL_COL`` holds the council's round-1 score, ``SECOND_COL`` its round-2 score."""
ACH, MAXI, BONUS, PENALTY, INDEX, CLASS, RANK = 3, 4, 5, 6, 7, 8, 9
"""Ranking sheet columns (1-based)."""
SOURCE_COLUMNS = (
    ("Mã đơn vị", 11),
    ("Tên đơn vị", 30),
    ("Mã mục", 9),
    ("Nội dung mục", 48),
    ("Mã thành viên", 13),
    ("Thành viên", 24),
    ("Mã phiếu nộp", 38),
    ("Thời điểm nộp", 26),
    ("Điểm", 9),
    ("Không áp dụng", 10),
)
AUDIT_COLUMNS = (
    ("Thời điểm", 26),
    ("Người thực hiện", 20),
    ("Thao tác", 16),
    ("Mã đơn vị", 11),
    ("Mã mục", 9),
    ("Trường", 12),
    ("Giá trị cũ", 14),
    ("Giá trị mới", 14),
    ("Lý do", 44),
    ("Nguồn (phiếu nộp / gói điểm)", 40),
)

_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class ResultsLayout:
    """Which sheet holds what: ranking group code -> sheet, unit id -> sheet."""

    ranking_sheets: dict[str, str]
    unit_sheets: dict[str, str]


def sheet_name(text: str, used: set[str]) -> str:
    """A valid, unique sheet name from ``text``; records it in ``used`` (case-folded)."""
    base = _BAD_NAME.sub("-", nfc(text)).strip().strip("'").strip() or "Trang"
    base = base[:MAX_SHEET_NAME].rstrip().rstrip("'")
    candidate, number = base, 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip().rstrip("'") + suffix
        number += 1
    used.add(candidate.casefold())
    return candidate


def render_results_xlsx(report: ResultsReport) -> tuple[bytes, ResultsLayout]:
    """The workbook's bytes and where each part went.

    Raises:
        ValidationError: a text with control characters or longer than Excel allows.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = {SOURCE_TITLE.casefold(), AUDIT_TITLE.casefold(), FINDINGS_SHEET.casefold()}
    if report.draft:
        _findings_sheet(workbook.create_sheet(FINDINGS_SHEET), report)
        workbook.properties.title = f"{DRAFT_MARK} — {results_title(report.criteria_set.year)}"
    ranking_sheets: dict[str, str] = {}
    unit_sheets: dict[str, str] = {}
    for code, label in report.results.groups:
        title = sheet_name(RANKING_PREFIX + label, used)
        ranking_sheets[code] = title
        _RankingWriter(workbook.create_sheet(title), report, code, label).write()
    for outcome in report.results.outcomes:
        unit = outcome.unit
        title = sheet_name(f"{unit.id} {unit.name}", used)
        unit_sheets[unit.id] = title
        _UnitWriter(workbook.create_sheet(title), report, unit_sheet(report, outcome)).write()
    _source_sheet(workbook.create_sheet(SOURCE_TITLE), report)
    _audit_sheet(workbook.create_sheet(AUDIT_TITLE), report)
    if report.draft:
        for ws in workbook.worksheets:
            _draft_header(ws)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue(), ResultsLayout(ranking_sheets, unit_sheets)


def write_results_xlsx(report: ResultsReport, path: Path) -> ResultsLayout:
    """Render and write atomically; return where each part went."""
    data, layout = render_results_xlsx(report)
    write_bytes_atomic(path, data)
    return layout


def title_text(report: ResultsReport, text: str) -> str:
    """A sheet's title, marked "DỰ THẢO — …" in a draft, "KẾT QUẢ TẠM THỜI — …" until a
    council meeting approves the results."""
    text = f"{PROVISIONAL_MARK} — {text}" if provisional(report.audit) else text
    return f"{DRAFT_MARK} — {text}" if report.draft else text


def _draft_header(ws: Any) -> None:
    """ "DỰ THẢO" in the printed header of every page, first page included."""
    for header in (ws.oddHeader, ws.firstHeader):
        header.left.text = DRAFT_MARK
        header.left.font = f"{FONT_NAME},Bold"
        header.left.size = 14


def _findings_sheet(ws: Any, report: ResultsReport) -> None:
    width = len(FINDINGS_COLUMNS)
    _merged(ws, 1, 1, width, title_text(report, FINDINGS_TITLE), _font(14, bold=True))
    _merged(ws, 2, 1, width, DRAFT_NOTE, _font(12, italic=True), _LEFT)
    ws.row_dimensions[2].height = 32
    _header_row(ws, 4, FINDINGS_COLUMNS)
    for number, width in enumerate(FINDINGS_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    row = 4
    for number, item in enumerate(report.findings, 1):
        row += 1
        styled(put_text(ws, row, 1, str(number)), alignment=_CENTRE)
        for column, text in enumerate(item.cells(), 2):
            styled(put_text(ws, row, column, text), alignment=_LEFT)
        for column in range(1, len(FINDINGS_COLUMNS) + 1):
            styled(ws.cell(row=row, column=column), border=_BORDER, font=_font(11))
    if not report.findings:
        styled(put_text(ws, 5, 1, "Không có điểm vi phạm."), font=_font(11, italic=True))
    nd30_print_setup(ws, 4, len(FINDINGS_COLUMNS), row)


class _RankingWriter:
    """One ranking group: a row per unit, best first, area points, changes, check formulas."""

    def __init__(self, ws: Any, report: ResultsReport, code: str, label: str) -> None:
        self.ws = ws
        self.report = report
        self.label = label
        self.outcomes = report.results.in_group(code)
        self.areas = report.normal_areas()

    def write(self) -> None:
        ws = self.ws
        report = self.report
        titles = list(RANKING_COLUMNS)
        titles += [f"Lĩnh vực {a.code}: {nfc(a.name)}" for a in self.areas]
        if report.compared:
            titles += [f"Lĩnh vực {a.code}: tăng/giảm so với năm trước" for a in self.areas]
        if report.year_changes:
            titles += YEAR_COLUMNS
        printed = len(titles)
        titles += [CHECK_AREAS_TITLE, CHECK_INDEX_TITLE, CHECK_RANK_TITLE]
        year = report.criteria_set.year
        _merged(ws, 1, 1, RANK, title_text(report, results_title(year)), _font(14, bold=True))
        _merged(ws, 2, 1, RANK, self.label, _font(13, italic=True))
        _merged(ws, 3, 1, RANK, report.band_line(), _font(11, italic=True), _LEFT)
        _header_row(ws, RANKING_HEADER_ROW, titles, checks=3)
        ws.row_dimensions[RANKING_HEADER_ROW].height = 64
        widths = [6, 36, 11, 11, 9, 9, 10, 12, 9]
        widths += [12] * (printed - len(widths)) + [16, 14, 14]
        for number, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(number)].width = width
        first = RANKING_HEADER_ROW + 1
        last = first + len(self.outcomes) - 1
        # Unranked units (no final score yet) follow the ranked ones: the rank checks span
        # only the ranked rows.
        ranked_last = first + sum(1 for o in self.outcomes if o.appraised) - 1
        for position, outcome in enumerate(self.outcomes, 1):
            self._unit(first + position - 1, position, outcome, printed, first, ranked_last)
        nd30_print_setup(ws, RANKING_HEADER_ROW, printed, last)

    def _unit(
        self, row: int, position: int, outcome: UnitOutcome, printed: int, first: int, last: int
    ) -> None:
        ws = self.ws
        result = outcome.result
        styled(put_text(ws, row, 1, str(position)), alignment=_CENTRE)
        ranked = outcome.appraised
        name = nfc(outcome.unit.name) + ("" if outcome.complete or not ranked else " (*)")
        styled(put_text(ws, row, 2, name), alignment=_LEFT)
        _number(ws, row, ACH, result.achieved if ranked else None)
        _number(ws, row, MAXI, result.applicable_max)
        _number(ws, row, BONUS, result.bonus if ranked else None)
        _number(ws, row, PENALTY, result.penalty if ranked else None)
        _number(ws, row, INDEX, result.index if ranked else None, bold=True)
        shown = nfc(result.classification) if ranked else NOT_APPRAISED
        styled(put_text(ws, row, CLASS, shown), alignment=_CENTRE)
        cell = ws.cell(row=row, column=RANK, value=outcome.rank if ranked else None)
        styled(cell, alignment=_CENTRE, font=_font(bold=True))
        points = area_points(self.report, outcome)
        column = RANK
        for point in points:
            column += 1
            if point.achieved is None:
                styled(put_text(ws, row, column, "Không áp dụng"), font=_font(10, italic=True))
            else:
                _number(ws, row, column, point.achieved if ranked else None)
        if self.report.compared:
            for point in points:
                column += 1
                _number(ws, row, column, point.change)
                if not point.comparable:
                    styled(put_text(ws, row, column, NOT_COMPARABLE), font=_font(10, italic=True))
        if self.report.year_changes:
            self._year(row, column, self.report.year_changes.get(outcome.unit.id))
        for number in (1, 2, CLASS, RANK):
            target = ws.cell(row=row, column=number)
            styled(target, border=_BORDER)
            if number != RANK:
                styled(target, font=_font())
        for number in range(RANK + 1, printed + 1):
            styled(ws.cell(row=row, column=number), border=_BORDER)
        if ranked:
            self._checks(row, printed, first, last)

    def _year(self, row: int, column: int, change: YearChange | None) -> None:
        """Last year's index, its change, last year's rank, its change (blank: a new unit).
        Changes are numbers (a rank change not compared says so)."""
        if change is None:
            return
        ws = self.ws
        _number(ws, row, column + 1, change.previous_index)
        _number(ws, row, column + 2, change.index_change)
        styled(ws.cell(row=row, column=column + 3, value=change.previous_rank), alignment=_CENTRE)
        if change.rank_comparable:
            cell = ws.cell(row=row, column=column + 4, value=change.rank_change)
            styled(cell, alignment=_CENTRE, number_format="+0;-0;0")
        else:
            styled(put_text(ws, row, column + 4, NOT_COMPARABLE), font=_font(10, italic=True))

    def _checks(self, row: int, printed: int, first: int, last: int) -> None:
        ws = self.ws
        letter = get_column_letter
        areas_first, areas_last = letter(RANK + 1), letter(RANK + len(self.areas))
        _check(ws, row, printed + 1, f"=SUM({areas_first}{row}:{areas_last}{row})")
        c, d, e, f = (f"{letter(col)}{row}" for col in (ACH, MAXI, BONUS, PENALTY))
        places = self.report.criteria_set.index_places
        if self.report.criteria_set.bonus_mode is BonusMode.INSIDE:
            index = f"=IF({d}=0,0,ROUND(({c}+{e}-{f})/{d}*100,{places}))"
        else:
            index = f"=ROUND(IF({d}=0,0,{c}/{d}*100)+{e}-{f},{places})"
        _check(ws, row, printed + 2, index)
        g = letter(INDEX)
        span = f"{g}${first}:{g}${last}"
        if self.report.criteria_set.ranking is RankingMethod.DENSE:
            # Units with a greater index, each distinct value counted once, plus one.
            rank = f"=ROUND(SUMPRODUCT(({span}>{g}{row})/COUNTIF({span},{span})),0)+1"
        else:
            rank = f'=COUNTIF({span},">"&{g}{row})+1'
        _check(ws, row, printed + 3, rank, "0")


class _UnitWriter:
    """A unit's official sheet: heading, then its table (``_UnitTable``)."""

    def __init__(self, ws: Any, report: ResultsReport, sheet: UnitSheet) -> None:
        self.ws = ws
        self.report = report
        self.sheet = sheet

    def write(self) -> None:
        ws = self.ws
        for number, width in enumerate(UNIT_WIDTHS, 1):
            ws.column_dimensions[get_column_letter(number)].width = width
        self._heading()
        row = _UnitTable(ws, self.report, self.sheet).write()
        nd30_print_setup(ws, UNIT_HEADER_ROW, NOTE_COL, row)

    def _heading(self) -> None:
        ws = self.ws
        nd30_heading(ws, self.report.heading, NOTE_COL)
        year = self.report.criteria_set.year
        title = title_text(self.report, unit_sheet_title(year))
        _merged(ws, 5, 1, NOTE_COL, title, _font(14, bold=True))
        unit = self.sheet.outcome.unit
        _merged(ws, 6, 1, NOTE_COL, f"Đơn vị: {unit.name} — {self.sheet.group_label}", _font(13))
        _merged(ws, 7, 1, NOTE_COL, self.report.band_line(), _font(11, italic=True), _LEFT)


class _UnitTable(TreeTableWriter):
    """A unit's table: check formulas over the final points, references listed one by one."""

    def __init__(self, ws: Any, report: ResultsReport, sheet: UnitSheet) -> None:
        super().__init__(
            ws,
            sheet.table,
            header=UNIT_HEADER_ROW,
            header_height=48,
            join=listed,
            text_over_tail=True,
        )
        self.report = report

    def lines(self, item: TableRow) -> int:
        return max(-(-len(item.name) // 55), -(-len(item.text(NOTE)) // 33))

    def summary_formula(self, key: SummaryKey) -> str:
        at = self.at
        if key is SummaryKey.TOTAL:
            return f"={at(SummaryKey.ACHIEVED)}+{at(SummaryKey.BONUS)}-{at(SummaryKey.PENALTY)}"
        if key is SummaryKey.APPLICABLE_MAX:
            column = get_column_letter(MAX_COL)
            refs = [f"{column}{self.row_of[r.code]}" for r in heads(self.table.rows, Role.NORMAL)]
            return f"=SUM({listed(refs)})" if refs else "=0"
        if key is SummaryKey.INDEX:
            achieved, maximum = at(SummaryKey.ACHIEVED), at(SummaryKey.APPLICABLE_MAX)
            bonus, penalty = at(SummaryKey.BONUS), at(SummaryKey.PENALTY)
            places = self.report.criteria_set.index_places
            if self.report.criteria_set.bonus_mode is BonusMode.INSIDE:
                return (
                    f"=IF({maximum}=0,0,ROUND(({achieved}+{bonus}-{penalty})/{maximum}*100,"
                    f"{places}))"
                )
            return f"=ROUND(IF({maximum}=0,0,{achieved}/{maximum}*100)+{bonus}-{penalty},{places})"
        return super().summary_formula(key)


def _table_sheet(ws: Any, columns: Sequence[tuple[str, int]], rows: list[list[Any]]) -> None:
    _header_row(ws, 1, [title for title, _ in columns])
    for number, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    for index, values in enumerate(rows, 2):
        for column, value in enumerate(values, 1):
            if isinstance(value, Decimal):
                _number(ws, index, column, value)
            else:
                cell = put_text(ws, index, column, nfc(value or ""))
                styled(cell, font=_font(11), alignment=_LEFT, border=_BORDER)
    if not rows:
        styled(put_text(ws, 2, 1, "Chưa có dữ liệu."), font=_font(11, italic=True))
    nd30_print_setup(ws, 1, len(columns), len(rows) + 1)


def _source_sheet(ws: Any, report: ResultsReport) -> None:
    criteria_set = report.criteria_set
    rows: list[list[Any]] = []
    for item in report.provenance:
        name = criteria_set.node(item.node_code).name if criteria_set.has(item.node_code) else ""
        rows.append(
            [
                item.unit_id,
                report.unit_name(item.unit_id),
                item.node_code,
                name,
                item.member_id,
                item.member_name,
                item.submission_id,
                item.submitted_at,
                item.value,
                "Có" if item.not_applicable else "",
            ]
        )
    _table_sheet(ws, SOURCE_COLUMNS, rows)


def _audit_sheet(ws: Any, report: ResultsReport) -> None:
    rows: list[list[Any]] = [
        [
            item.at,
            item.actor,
            item.action,
            item.unit_id,
            item.node_code,
            item.field,
            item.old,
            item.new,
            item.reason,
            item.source,
        ]
        for item in report.audit
    ]
    _table_sheet(ws, AUDIT_COLUMNS, rows)
