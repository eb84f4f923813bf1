"""Safe reading of untrusted .xlsx files: container checks before openpyxl parses anything, then
typed cell readers that refuse formulas, dates, booleans and inexact numbers with a located message.

Shared by every importer of spreadsheets (criteria workbooks, self-assessments, survey results).
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import SCORE_PLACES, parse_decimal, to_decimal
from parapp.io.files.zip_safety import SafeZip, ZipLimits, open_zip

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest file accepted at all; real criteria or score workbooks are well under 5 MB."""
MAX_ENTRIES = 2000
"""Most members a workbook may have (a plain workbook has about 10)."""
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
"""Cap on the sum of the members' uncompressed sizes (zip bombs)."""
MAX_RATIO = 200
"""Highest compression ratio allowed for a member larger than ``RATIO_FROM_BYTES``."""
RATIO_FROM_BYTES = 1024 * 1024
"""Small members may compress very well (empty styles); only large ones are ratio-checked."""
MAX_ROWS = 10_000
"""Rows read from one sheet before giving up (a hostile sheet can claim a million rows)."""
MAX_COLUMNS = 64
"""Columns read from one sheet."""

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DANGEROUS_XML = (b"<!doctype", b"<!entity")
_ALLOWED_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii"}
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class CellLike(Protocol):
    """What the cell readers need: openpyxl cells and ``SheetCell`` both qualify."""

    @property
    def value(self) -> Any: ...

    @property
    def data_type(self) -> str: ...


@dataclass(frozen=True)
class SheetCell:
    """A cell copied out of openpyxl: its value and openpyxl's data type ("n", "s", "f", ...)."""

    value: Any = None
    data_type: str = "n"


def check_xlsx_container(path: Path) -> None:
    """Check an .xlsx file's zip container before any XML parser sees it.

    Refuses: unreadable, empty or huge files; non-zip files (old .xls, password-protected
    workbooks); damaged or truncated zips; too many members; too much uncompressed data; members
    compressed suspiciously well; absolute or ``..`` member names; encrypted members or unusual
    compression; macros (``xl/vbaProject.bin``); external links (``xl/externalLinks/``); XML parts
    declaring a DOCTYPE or ENTITY (entity bombs) or using an encoding other than UTF-8.

    Raises:
        ImportFormatError: every problem found, each naming the file.
    """
    name = path.name
    problems = [Problem(Location(file=name), msg) for msg in _container_problems(path)]
    if problems:
        raise ImportFormatError(problems, name)


XLSX_LIMITS = ZipLimits(
    max_entries=MAX_ENTRIES,
    max_entry_bytes=MAX_TOTAL_UNCOMPRESSED,
    max_total_bytes=MAX_TOTAL_UNCOMPRESSED,
    max_ratio=MAX_RATIO,
    ratio_from_bytes=RATIO_FROM_BYTES,
)
"""The generic zip checks (names, sizes, ratios, symlinks, overlaps) with workbook limits."""


def _container_problems(path: Path) -> list[Msg]:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        reason = exc.strerror
        return [Msg(f"Không đọc được tệp: {reason}.", f"Cannot read the file: {reason}.")]
    if size == 0:
        return [Msg("Tệp rỗng (0 byte).", "The file is empty (0 bytes).")]
    if size > MAX_FILE_BYTES:
        return [
            Msg(
                f"Tệp quá lớn ({size} byte) để là một bảng tính cần nhập.",
                f"The file is too large ({size} bytes) to be a workbook to import.",
            )
        ]
    if not magic.startswith(b"PK"):
        return [_not_a_zip(magic)]
    try:
        with open_zip(path, XLSX_LIMITS) as archive:
            return _workbook_problems(archive)
    except ImportFormatError as exc:
        return [problem.message for problem in exc.problems]


def _not_a_zip(magic: bytes) -> Msg:
    if magic.startswith(_OLE_MAGIC):
        return Msg(
            "Đây là tệp .xls cũ hoặc bảng tính có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu và lưu "
            "lại dạng .xlsx.",
            "This is an old .xls file or a password-protected workbook: open it in Excel, remove "
            "the password and save it as .xlsx.",
        )
    return Msg(
        "Tệp không phải bảng tính Excel (.xlsx).", "The file is not an Excel workbook (.xlsx)."
    )


def _workbook_problems(archive: SafeZip) -> list[Msg]:
    """What only a workbook forbids: macros, external links, DTDs and non-UTF-8 XML."""
    problems: list[Msg] = []
    for name in archive.names():
        lowered = name.lower()
        if lowered.rsplit("/", 1)[-1] == "vbaproject.bin":
            problems.append(
                Msg(
                    "Bảng tính chứa macro (VBA): không được nhập. Hãy lưu lại dạng .xlsx không "
                    "macro.",
                    "The workbook contains macros (VBA) and is refused. Save it as a macro-free "
                    ".xlsx.",
                )
            )
        if lowered.startswith("xl/externallinks/"):
            problems.append(
                Msg(
                    "Bảng tính liên kết tới tệp khác (external link): hãy bỏ liên kết rồi lưu lại.",
                    "The workbook links to other files (external links): break the links and save.",
                )
            )
    if problems:
        return problems  # never decompress a file already known to be hostile
    for name in archive.names():
        if name.lower().endswith(_XML_SUFFIXES):
            problem = _xml_problem(archive, name)
            if problem is not None:
                return [problem]
    return []


def _xml_problem(archive: SafeZip, name: str) -> Msg | None:
    """Scan one XML part, streamed, for a DOCTYPE/ENTITY anywhere and a non-UTF-8 encoding."""
    tail = b""
    first = True
    for chunk in archive.chunks(name):
        if first and not _utf8_prolog(chunk):
            return Msg(
                f"Phần XML “{name}” không dùng mã UTF-8.",
                f"XML part “{name}” is not encoded in UTF-8.",
            )
        first = False
        window = tail + chunk.lower()
        if any(marker in window for marker in _DANGEROUS_XML):
            return Msg(
                f"Phần XML “{name}” khai báo DOCTYPE/ENTITY (có thể là bom thực thể): bị từ chối.",
                f"XML part “{name}” declares a DOCTYPE/ENTITY (a possible entity bomb): refused.",
            )
        tail = window[-16:]
    return None


def _utf8_prolog(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<?xml"):
        return True
    declaration = head[: head.find(b"?>") if b"?>" in head else 200]
    match = _ENCODING.search(declaration)
    return match is None or match.group(1).decode("ascii").lower() in _ALLOWED_ENCODINGS


@contextlib.contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """Check the container, then open the workbook read-only; always closed on exit.

    ``data_only=False`` so formulas arrive as data type "f" and can be refused; ``keep_links=False``
    drops external link caches. Yields an ``openpyxl`` workbook (untyped library object).

    Raises:
        ImportFormatError: the container is unsafe or openpyxl cannot read the workbook.
    """
    check_xlsx_container(path)
    name = path.name
    # Our own handle, closed on every path: when openpyxl fails halfway through a hostile file it
    # leaves its zip open (a leaked handle, and a locked file on Windows until collected).
    with path.open("rb") as handle:
        try:
            with warnings.catch_warnings():
                # Excel extensions openpyxl does not know warn; harmless for reading values.
                warnings.simplefilter("ignore", UserWarning)
                workbook = load_workbook(handle, read_only=True, data_only=False, keep_links=False)
        except Exception as exc:  # hostile input can raise anything inside the parser
            log.warning("openpyxl could not read %s: %r", name, exc)
            raise _unreadable(name, exc) from None
        try:
            yield workbook
        finally:
            workbook.close()


def _unreadable(name: str, exc: Exception) -> ImportFormatError:
    kind = type(exc).__name__
    return ImportFormatError(
        [
            Problem(
                Location(file=name),
                Msg(
                    f"Không đọc được nội dung bảng tính ({kind}). Hãy mở bằng Excel và lưu lại.",
                    f"The workbook's content cannot be read ({kind}). Open it in Excel and save.",
                ),
            )
        ],
        name,
    )


def read_sheet(
    worksheet: Any, source: str, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS
) -> list[tuple[SheetCell, ...]]:
    """All rows of a read-only worksheet as ``SheetCell`` tuples (row 1 first), trailing empty
    rows dropped.

    Raises:
        ImportFormatError: the sheet cannot be parsed or has more than ``max_rows`` rows in use.
    """
    title = str(worksheet.title)
    rows: list[tuple[SheetCell, ...]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for index, row in enumerate(worksheet.iter_rows(max_col=max_columns), 1):
                cells = tuple(SheetCell(c.value, str(c.data_type)) for c in row)
                if index > max_rows:
                    if any(c.value is not None for c in cells):
                        raise _too_many_rows(source, title, max_rows)
                    continue
                rows.append(cells)
    except ImportFormatError:
        raise
    except Exception as exc:  # hostile input can raise anything inside the parser
        log.warning("openpyxl could not read sheet %s of %s: %r", title, source, exc)
        raise _unreadable(source, exc) from None
    while rows and all(c.value is None for c in rows[-1]):
        rows.pop()
    return rows


def _too_many_rows(source: str, title: str, max_rows: int) -> ImportFormatError:
    return ImportFormatError(
        [
            Problem(
                Location(file=source, sheet=title, row=max_rows + 1),
                Msg(
                    f"Trang tính có quá {max_rows} dòng.",
                    f"The sheet has more than {max_rows} rows.",
                ),
            )
        ],
        source,
    )


def cell_location(source: str, sheet: str, row: int, column: int) -> Location:
    """The location of a cell given 1-based row and column numbers (column shown as a letter)."""
    return Location(file=source, sheet=sheet, row=row, column=get_column_letter(column))


def _fail(loc: Location, vi: str, en: str) -> ImportFormatError:
    return ImportFormatError([Problem(loc, Msg(vi, en))], loc.file)


def _refuse_non_value(cell: CellLike, loc: Location, label: Msg) -> None:
    if cell.data_type == "f":
        raise _fail(
            loc,
            f"{label.vi} là công thức “{cell.value}”: hãy nhập giá trị, không nhập công thức.",
            f"{label.en} is a formula “{cell.value}”: type a value, not a formula.",
        )
    if cell.data_type == "e":
        raise _fail(
            loc,
            f"{label.vi} là mã lỗi của Excel “{cell.value}”.",
            f"{label.en} is an Excel error value “{cell.value}”.",
        )


def read_decimal_cell(
    cell: CellLike, loc: Location, places: int = SCORE_PLACES, what: Msg | None = None
) -> Decimal | None:
    """The exact number in a cell, or None when it is blank.

    Numbers are converted once through ``to_decimal``; text is accepted when it is a number with a
    decimal comma or point ("0,5": Vietnamese users type it and Excel may keep it as text).
    Refused: formulas, Excel error values, booleans, dates, other text, NaN and infinities, more
    than ``places`` decimals. Integral values lose their trailing zeros (1.0 -> 1).

    Raises:
        ImportFormatError: one problem at ``loc``.
    """
    label = what or Msg("Ô", "The cell")
    _refuse_non_value(cell, loc, label)
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise _fail(
            loc,
            f"{label.vi} phải là số, không phải “{value}”.",
            f"{label.en} must be a number, not “{value}”.",
        )
    try:
        if isinstance(value, str):
            number = parse_decimal(value, places, label)
        else:
            number = to_decimal(value, places, label)
    except ValidationError as exc:
        raise ImportFormatError([Problem(loc, exc.msg)], loc.file) from None
    return plain(number)


def plain(number: Decimal) -> Decimal:
    """Drop insignificant trailing zeros (Excel keeps 2 as 2.0): 2.0 -> 2, 0.50 -> 0.5."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


def read_text_cell(cell: CellLike, loc: Location, what: Msg | None = None) -> str:
    """The text of a cell ("" when blank). Numbers become their plain text (1 -> "1").

    Refused: formulas, Excel error values, dates and booleans.

    Raises:
        ImportFormatError: one problem at ``loc``.
    """
    label = what or Msg("Ô", "The cell")
    _refuse_non_value(cell, loc, label)
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            return format(plain(to_decimal(value, places=15)), "f")
        except ValidationError as exc:
            raise ImportFormatError([Problem(loc, exc.msg)], loc.file) from None
    raise _fail(
        loc,
        f"{label.vi} phải là chữ, không phải “{value}”.",
        f"{label.en} must be text, not “{value}”.",
    )
