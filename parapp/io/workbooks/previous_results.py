"""Last year's results read from a workbook: parapp's own results workbook (``parapp results
--xlsx``) or a published table (one row per unit: code, name, index, rank).

Only what the comparison needs is read: each unit's code, name, index, rank and ranking group.
Every problem is located (file, sheet, row, column) and reported at once; nothing is guessed.
The accepted layouts are in docs/round-workbooks.md ("Last year's results").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg
from parapp.io.files.cells import SheetReader
from parapp.io.files.text import label_key
from parapp.io.files.xlsx_safety import SheetCell, open_workbook, read_sheet

SOURCE = "kết quả năm trước"
INDEX_PLACES = 4
HEADER_SEARCH_ROWS = 10
"""A published table's header is looked for in the first rows of each sheet."""

# parapp's own results workbook (io/sheets/council_xlsx.py writes it; a test reads one back).
OWN_RANKING_PREFIX = "bxh "
OWN_HEADER_ROW = 4
OWN_HEADER = ("STT", "Đơn vị")
OWN_NAME, OWN_INDEX, OWN_RANK = 2, 7, 9
OWN_INDEX_TITLE, OWN_RANK_TITLE = "Chỉ số (%)", "Xếp hạng"
OWN_OTHER_SHEETS = frozenset({"nguồn", "nhật ký", "vi phạm quy tắc"})
OWN_UNIT_ROW = 6
OWN_UNIT_PREFIX = "Đơn vị:"
INCOMPLETE_MARK = " (*)"

# A published table: the header names (case and spacing aside) each column may carry.
CODE_TITLES = ("mã đơn vị", "mã", "mã đv", "code", "unit code")
NAME_TITLES = ("tên đơn vị", "đơn vị", "tên", "name", "unit", "unit name")
INDEX_TITLES = ("chỉ số (%)", "chỉ số", "chỉ số cchc", "chỉ số cchc (%)", "index", "index (%)")
RANK_TITLES = ("xếp hạng", "thứ hạng", "hạng", "rank")
GROUP_TITLES = ("nhóm", "nhóm xếp hạng", "group", "ranking group")


@dataclass(frozen=True)
class PreviousRow:
    """One unit's result last year."""

    code: str
    name: str
    index: Decimal | None
    """None: the unit was not appraised (no index)."""
    rank: int | None
    group: str = ""
    """The ranking group's label ("" when the table has none)."""


@dataclass(frozen=True)
class PreviousTable:
    """Last year's results as read."""

    kind: str
    """"parapp" (parapp's own workbook) or "table" (a published table)."""
    file_name: str
    rows: tuple[PreviousRow, ...]


def read_previous_results(path: Path) -> PreviousTable:
    """Read last year's results from ``path`` (an .xlsx), whichever accepted layout it has.

    Raises:
        ImportFormatError: every located problem; or the workbook has neither layout.
    """
    source = path.name
    with open_workbook(path) as workbook:
        sheets = [(str(ws.title), read_sheet(ws, source)) for ws in workbook.worksheets]
    ranking = [s for s in sheets if label_key(s[0]).startswith(OWN_RANKING_PREFIX)]
    if ranking and _own_header(ranking[0][1]):
        rows = _read_own(source, sheets)
        return PreviousTable("parapp", source, rows)
    for title, cells in sheets:
        found = _published_header(cells)
        if found is not None:
            header_row, columns = found
            rows = _read_published(SheetReader(source, title, cells), header_row, columns)
            return PreviousTable("table", source, rows)
    raise ImportFormatError(
        [
            Problem(
                Location(file=source),
                Msg(
                    "Không nhận ra bảng kết quả: cần bảng tính kết quả của parapp (các trang "
                    "“BXH …”) hoặc một trang có dòng tiêu đề với các cột “Mã đơn vị”, “Tên đơn "
                    f"vị”, “Chỉ số”, “Xếp hạng” trong {HEADER_SEARCH_ROWS} dòng đầu.",
                    "Not a results table: expected parapp's results workbook (sheets “BXH …”) "
                    "or a sheet with a header row of columns “Mã đơn vị” (code), “Tên đơn vị” "
                    "(name), “Chỉ số” (index), “Xếp hạng” (rank) within its first "
                    f"{HEADER_SEARCH_ROWS} rows.",
                ),
            )
        ],
        SOURCE,
    )


# -- parapp's own workbook ---------------------------------------------------------------------


def _own_header(cells: Sequence[tuple[SheetCell, ...]]) -> bool:
    if len(cells) < OWN_HEADER_ROW:
        return False
    head = cells[OWN_HEADER_ROW - 1]
    texts = [label_key(str(c.value)) if c.value is not None else "" for c in head[:OWN_RANK]]
    expected = {
        1: OWN_HEADER[0],
        OWN_NAME: OWN_HEADER[1],
        OWN_INDEX: OWN_INDEX_TITLE,
        OWN_RANK: OWN_RANK_TITLE,
    }
    return len(texts) >= OWN_RANK and all(
        texts[column - 1] == label_key(title) for column, title in expected.items()
    )


def _read_own(
    source: str, sheets: Sequence[tuple[str, Sequence[tuple[SheetCell, ...]]]]
) -> tuple[PreviousRow, ...]:
    problems: list[Problem] = []
    codes: dict[str, str] = {}
    for title, cells in sheets:
        key = label_key(title)
        if key.startswith(OWN_RANKING_PREFIX) or key in OWN_OTHER_SHEETS:
            continue
        reader = SheetReader(source, title, cells)
        line = reader.text(OWN_UNIT_ROW, 1)
        code = title.split(" ", 1)[0].strip()
        if not line.startswith(OWN_UNIT_PREFIX) or not code:
            continue
        name = line[len(OWN_UNIT_PREFIX) :].rsplit(" — ", 1)[0].strip()
        codes[label_key(name)] = code
        problems.extend(reader.problems)
    rows: list[PreviousRow] = []
    seen: set[str] = set()
    for title, cells in sheets:
        if not label_key(title).startswith(OWN_RANKING_PREFIX):
            continue
        reader = SheetReader(source, title, cells)
        group = reader.text(2, 1)
        for row in range(OWN_HEADER_ROW + 1, len(cells) + 1):
            name = reader.text(row, OWN_NAME)
            if not name:
                continue
            name = name.removesuffix(INCOMPLETE_MARK).strip()
            found = codes.get(label_key(name))
            if found is None:
                reader.fail(
                    reader.at(row, OWN_NAME),
                    f"Không tìm thấy trang của đơn vị “{name}” trong bảng tính.",
                    f"The workbook has no sheet of the unit “{name}”.",
                )
                continue
            if found in seen:
                reader.fail(
                    reader.at(row, OWN_NAME),
                    f"Đơn vị “{name}” ({found}) có hai dòng.",
                    f"The unit “{name}” ({found}) has two rows.",
                )
                continue
            seen.add(found)
            index, rank = _index_rank(reader, row, OWN_INDEX, OWN_RANK)
            rows.append(PreviousRow(found, name, index, rank, group))
        problems.extend(reader.problems)
    if problems:
        raise ImportFormatError(problems, SOURCE)
    if not rows:
        raise ImportFormatError(
            [
                Problem(
                    Location(file=source),
                    Msg("Bảng xếp hạng không có đơn vị nào.", "The ranking lists no unit."),
                )
            ],
            SOURCE,
        )
    return tuple(rows)


# -- a published table -------------------------------------------------------------------------


def _published_header(
    cells: Sequence[tuple[SheetCell, ...]],
) -> tuple[int, dict[str, int]] | None:
    """(header row, column of each field) of the first row naming code, name, index, rank."""
    wanted = {
        "code": CODE_TITLES,
        "name": NAME_TITLES,
        "index": INDEX_TITLES,
        "rank": RANK_TITLES,
        "group": GROUP_TITLES,
    }
    for number, row in enumerate(cells[:HEADER_SEARCH_ROWS], 1):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row, 1):
            if not isinstance(cell.value, str):
                continue
            text = label_key(cell.value)
            for field, titles in wanted.items():
                if field not in columns and text in titles:
                    columns[field] = column
                    break
        if {"code", "name", "index", "rank"} <= columns.keys():
            return number, columns
    return None


def _read_published(
    reader: SheetReader, header_row: int, columns: dict[str, int]
) -> tuple[PreviousRow, ...]:
    rows: list[PreviousRow] = []
    seen: dict[str, int] = {}
    for row in range(header_row + 1, len(reader.rows) + 1):
        if all(reader.blank(row, column) for column in columns.values()):
            continue
        code = reader.text(row, columns["code"])
        name = reader.text(row, columns["name"])
        group = reader.text(row, columns["group"]) if "group" in columns else ""
        index, rank = _index_rank(reader, row, columns["index"], columns["rank"])
        if not code:
            reader.fail(
                reader.at(row, columns["code"]),
                "Thiếu mã đơn vị.",
                "The unit code is missing.",
            )
            continue
        if code in seen:
            reader.fail(
                reader.at(row, columns["code"]),
                f"Mã đơn vị “{code}” đã có ở dòng {seen[code]}.",
                f"The unit code “{code}” is already on row {seen[code]}.",
            )
            continue
        seen[code] = row
        if index is None and rank is not None:
            reader.fail(
                reader.at(row, columns["index"]),
                "Đơn vị có xếp hạng nhưng thiếu chỉ số.",
                "The unit has a rank but no index.",
            )
        rows.append(PreviousRow(code, name, index, rank, group))
    if not rows and not reader.problems:
        reader.fail(
            reader.at(header_row + 1),
            "Bảng không có đơn vị nào dưới dòng tiêu đề.",
            "The table lists no unit under its header row.",
        )
    if reader.problems:
        raise ImportFormatError(reader.problems, SOURCE)
    return tuple(rows)


def _index_rank(
    reader: SheetReader, row: int, index_column: int, rank_column: int
) -> tuple[Decimal | None, int | None]:
    """The row's index (not negative, up to 4 decimals) and rank (a whole number from 1)."""
    index, ok = reader.number(
        row, index_column, INDEX_PLACES, Msg("Chỉ số", "The index"), negative=False
    )
    rank_value, ok = reader.number(row, rank_column, 0, Msg("Xếp hạng", "The rank"), negative=False)
    rank = None if rank_value is None else int(rank_value)
    if ok and rank is not None and rank < 1:
        reader.fail(
            reader.at(row, rank_column),
            "Xếp hạng phải từ 1 trở lên.",
            "The rank must be 1 or more.",
        )
        rank = None
    return index, rank
