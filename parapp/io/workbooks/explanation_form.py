"""A unit's explanation form (phiếu giải trình kết quả thẩm định lần 1): written per unit, filled
in Excel, read back.

Sheet GiaiTrinh: the leader's approval block ("Lãnh đạo đơn vị đã duyệt": name, title, date) at
the top, then one row per item: locked columns (code, name, maximum, self-score, round 1) and
open ones (proposed score, explanation, new evidence "file, tr. N"). Items whose round-1 score
is below the self-score come first, shaded; every other council item follows, and a row of any
other council item of the unit may be added. A very hidden sheet _meta holds the form's
identity: format and version, round, unit, criteria set, a serial and the SHA-256 of the locked
cells as written.

Reading is in two steps: ``read_identity`` (a form of another unit, round or version stops
there), then ``read_form``, which returns every located problem of the form together with what
it declares; the service adds the problems only the round can judge and refuses all at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection

from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import SCORE_PLACES, canonical
from parapp.core.rounds import EvidenceRef
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.cells import (
    BOLD,
    Column,
    SheetReader,
    missing_sheet,
    put_number,
    put_text,
    sheet_rows,
    write_header,
)
from parapp.io.files.xlsx_safety import SheetCell, open_workbook, plain, read_decimal_cell
from parapp.io.workbooks.self_form_text import parse_evidence

FORMAT = "parapp-explanation-form"
FORMAT_VERSION = "1"
SHEET_FORM = "GiaiTrinh"
SHEET_META = "_meta"
TITLE = "PHIẾU GIẢI TRÌNH KẾT QUẢ THẨM ĐỊNH LẦN 1"
APPROVAL_TITLE = "Lãnh đạo đơn vị đã duyệt"
APPROVAL_LABELS = ("Họ và tên", "Chức vụ", "Ngày duyệt (dd/mm/yyyy)")
APPROVAL_ROW = 5
"""The approval's first row: labels in column B, values in column C (name, title, date)."""
HEADER_ROW = 10
NOT_APPLICABLE = "Không áp dụng"
FORM_COLUMNS = (
    Column("Mã", 9),
    Column("Nội dung", 46, wrap=True),
    Column("Điểm tối đa", 10),
    Column("Tự chấm", 10),
    Column("Thẩm định lần 1", 11),
    Column("Điểm đề nghị", 11),
    Column("Giải trình", 44, wrap=True),
    Column("Tài liệu kiểm chứng mới (tệp, trang)", 34, wrap=True),
)
CODE, NAME, MAXIMUM, SELF, ROUND1, PROPOSED, EXPLANATION, EVIDENCE = range(1, 9)
LOCKED = (NAME, MAXIMUM, SELF, ROUND1)
OPEN = (PROPOSED, EXPLANATION, EVIDENCE)
META_KEYS = (
    "format",
    "format_version",
    "round_id",
    "unit_id",
    "form_id",
    "form_version",
    "form_serial",
    "locked_sha256",
    "items",
)
_UNLOCKED = Protection(locked=False)
_BELOW_FILL = PatternFill("solid", fgColor="FCE4D6")
_OPEN_FILL = PatternFill("solid", fgColor="FFF2CC")
_MAX_PLACES = 4


@dataclass(frozen=True)
class FormItem:
    """One item as the form shows it (locked cells)."""

    code: str
    name: str
    maximum: Decimal
    self_score: Decimal | None
    round1: Decimal | None
    round1_na: bool = False
    below_self: bool = False

    def locked_texts(self) -> tuple[str, str, str, str]:
        """The locked cells as canonical text (name, maximum, self, round 1)."""
        return (
            unicodedata.normalize("NFC", self.name).strip(),
            number_text(self.maximum),
            number_text(self.self_score),
            NOT_APPLICABLE if self.round1_na else number_text(self.round1),
        )


def number_text(value: Decimal | None) -> str:
    """A number as a locked cell compares it: canonical without trailing zeros, "" for None."""
    return "" if value is None else canonical(plain(value))


def locked_hash(items: Sequence[FormItem]) -> str:
    """SHA-256 over the locked cells of the listed items, in order."""
    return cells_hash([(i.code, i.locked_texts()) for i in items])


def cells_hash(rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    """SHA-256 over (code, locked cell texts) rows, in order."""
    text = "".join(f"{code}\t" + "\t".join(cells) + "\n" for code, cells in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FormIdentity:
    """What the hidden sheet says the form is."""

    format: str
    format_version: str
    round_id: str
    unit_id: str
    form_id: str
    form_version: str
    form_serial: str
    locked_sha256: str
    items: str
    """The listed item codes, separated by ";"."""

    @property
    def codes(self) -> tuple[str, ...]:
        """The item codes the form listed when written, in order."""
        return tuple(c for c in self.items.split(";") if c)


@dataclass(frozen=True)
class FormHeading:
    """What the heading prints: the unit, the round, the criteria set."""

    unit_id: str
    unit_name: str
    round_id: str
    round_name: str
    form_id: str
    form_version: str
    deadline: dt.date | None = None


@dataclass(frozen=True)
class FilledItem:
    """An explained row as read: the proposed score, text, citations and its row."""

    code: str
    proposed: Decimal | None
    text: str
    evidence: tuple[EvidenceRef, ...]
    row: int


@dataclass(frozen=True)
class FilledForm:
    """What a filled form declares, the problems found in it, and the file's SHA-256."""

    identity: FormIdentity
    items: tuple[FilledItem, ...]
    approver_name: str
    approver_title: str
    approved_on: dt.date | None
    problems: tuple[Problem, ...]
    sha256: str
    locked: Mapping[str, tuple[str, ...]]
    """Code -> its locked cells as read (canonical text), for every known item row."""


# --------------------------------------------------------------------------------------------
# Writing


def write_explanation_form(
    path: Path, heading: FormHeading, items: Sequence[FormItem], serial: str
) -> str:
    """Write the form atomically; return the SHA-256 of its locked cells.

    Raises:
        ValidationError: some text cannot be stored in Excel; nothing is written.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_FORM
    last = len(FORM_COLUMNS)
    lines = [
        (TITLE, Font(bold=True, size=14)),
        (f"Đơn vị: {heading.unit_name} (mã {heading.unit_id}) — Đợt: {heading.round_name}", BOLD),
        (
            "Ghi điểm đề nghị, nội dung giải trình và tài liệu kiểm chứng mới (tên tệp, trang: "
            "“QD-15.pdf, tr. 2”) ở các cột có nền vàng; các mục có nền cam là mục có điểm thẩm "
            "định lần 1 thấp hơn điểm tự chấm. Không sửa các cột khác. Gửi kèm các tệp tài liệu "
            "mới trong cùng thư mục."
            + (f" Hạn gửi: {heading.deadline:%d/%m/%Y}." if heading.deadline is not None else ""),
            Font(italic=True),
        ),
    ]
    for row, (text, font) in enumerate(lines, 1):
        put_text(sheet, row, 1, text, wrap=row == 3).font = font
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    sheet.row_dimensions[3].height = 45
    put_text(sheet, APPROVAL_ROW - 1, 2, APPROVAL_TITLE.upper()).font = BOLD
    for offset, label in enumerate(APPROVAL_LABELS):
        put_text(sheet, APPROVAL_ROW + offset, 2, label)
        cell = sheet.cell(row=APPROVAL_ROW + offset, column=3)
        cell.protection = _UNLOCKED
        cell.fill = _OPEN_FILL
    write_header(sheet, HEADER_ROW, FORM_COLUMNS)
    for row, item in enumerate(items, HEADER_ROW + 1):
        put_text(sheet, row, CODE, item.code)
        put_text(sheet, row, NAME, item.name, wrap=True)
        put_number(sheet, row, MAXIMUM, item.maximum)
        put_number(sheet, row, SELF, item.self_score)
        if item.round1_na:
            put_text(sheet, row, ROUND1, NOT_APPLICABLE)
        else:
            put_number(sheet, row, ROUND1, item.round1)
        for column in range(1, last + 1):
            if item.below_self and column <= ROUND1:
                sheet.cell(row=row, column=column).fill = _BELOW_FILL
        for column in OPEN:
            cell = sheet.cell(row=row, column=column)
            cell.protection = _UNLOCKED
            cell.fill = _OPEN_FILL
    # Room for rows the unit adds (another item of its own): unlocked, checked on import.
    for row in range(HEADER_ROW + len(items) + 1, HEADER_ROW + len(items) + 21):
        for column in range(1, last + 1):
            sheet.cell(row=row, column=column).protection = _UNLOCKED
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    digest = locked_hash(items)
    meta = workbook.create_sheet(SHEET_META)
    values = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "round_id": heading.round_id,
        "unit_id": heading.unit_id,
        "form_id": heading.form_id,
        "form_version": heading.form_version,
        "form_serial": serial,
        "locked_sha256": digest,
        "items": ";".join(i.code for i in items),
    }
    for row, key in enumerate(META_KEYS, 1):
        put_text(meta, row, 1, key)
        put_text(meta, row, 2, values[key])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
    return digest


# --------------------------------------------------------------------------------------------
# Reading


_NO_META = Msg(
    "Không phải phiếu giải trình do phần mềm xuất (thiếu trang ẩn “_meta”): phiếu lạ hoặc đã "
    "chép sang tệp khác bị từ chối. Hãy dùng phiếu Hội đồng gửi.",
    "Not an explanation form exported by parapp (the hidden sheet “_meta” is missing): a "
    "foreign form, or one copied into another file, is refused. Use the form the council sent.",
)


def read_identity(path: Path) -> FormIdentity:
    """The form's identity from its hidden sheet.

    Raises:
        ImportFormatError: not a readable workbook, no identity, or not an explanation form.
    """
    source = path.name
    with open_workbook(path) as workbook:
        meta = sheet_rows(workbook, SHEET_META, source)
    if meta is None:
        raise ImportFormatError(
            [Problem(Location(file=source, sheet=SHEET_META), _NO_META)], source
        )
    reader = SheetReader(source, SHEET_META, meta)
    found: dict[str, str] = {}
    for row in reader.filled_rows(1, 2):
        key = reader.text(row, 1)
        if key in META_KEYS and key not in found:
            found[key] = reader.text(row, 2)
    for key in META_KEYS:
        if key not in found:
            reader.fail(
                reader.at(None, 1),
                f"Trang “_meta” thiếu khóa “{key}”: phiếu đã đổi hoặc lạ bị từ chối.",
                f"The “_meta” sheet lacks the key “{key}”: a changed or foreign form is refused.",
            )
    reader.raise_problems()
    identity = FormIdentity(**{key: found[key] for key in META_KEYS})
    if identity.format != FORMAT:
        raise ImportFormatError(
            [Problem(Location(file=source, sheet=SHEET_META), _NO_META)], source
        )
    return identity


def read_form(path: Path, identity: FormIdentity, known: Mapping[str, FormItem]) -> FilledForm:
    """Read a filled form whose identity the caller accepted; ``known`` holds every item the
    unit may explain (code -> its locked cells as the round shows them now).

    Every problem is located and returned (none raised): an added row without a code, an unknown
    or repeated item, an edited locked cell, a formula, a proposed score that is not a number, a
    citation that cannot be read, a missing approval. The rule checks of the proposed scores
    belong to the caller (it knows the criteria set).

    Raises:
        ImportFormatError: the workbook cannot be read, or its sheet or header is missing.
    """
    source = path.name
    with open_workbook(path) as workbook:
        rows = sheet_rows(workbook, SHEET_FORM, source)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if rows is None:
        raise missing_sheet(source, SHEET_FORM)
    reader = SheetReader(source, SHEET_FORM, rows)
    if not reader.check_header(HEADER_ROW, [c.title for c in FORM_COLUMNS]):
        reader.raise_problems()
    name, title, approved_on = _approval(reader)
    items: list[FilledItem] = []
    seen: dict[str, int] = {}
    locked: dict[str, tuple[str, ...]] = {}
    for row in reader.filled_rows(HEADER_ROW + 1, len(FORM_COLUMNS)):
        item = _row(reader, row, known, seen, locked)
        if item is not None:
            items.append(item)
    if not items and not reader.problems:
        reader.fail(
            reader.at(HEADER_ROW + 1, PROPOSED),
            "Phiếu chưa giải trình mục nào (cột “Điểm đề nghị” đang trống).",
            "The form explains no item (the “Điểm đề nghị” column is empty).",
        )
    return FilledForm(
        identity, tuple(items), name, title, approved_on, tuple(reader.problems), digest, locked
    )


def _approval(reader: SheetReader) -> tuple[str, str, dt.date | None]:
    name = reader.text(APPROVAL_ROW, 3, Msg("Họ và tên lãnh đạo", "The leader's name"))
    title = reader.text(APPROVAL_ROW + 1, 3, Msg("Chức vụ lãnh đạo", "The leader's title"))
    date = _date(reader, APPROVAL_ROW + 2, 3)
    missing = [
        (row, label)
        for row, label, value in (
            (APPROVAL_ROW, Msg("họ và tên", "name"), name),
            (APPROVAL_ROW + 1, Msg("chức vụ", "title"), title),
            (APPROVAL_ROW + 2, Msg("ngày duyệt", "date"), date),
        )
        if not value and reader.blank(row, 3)
    ]
    for row, label in missing:
        reader.fail(
            reader.at(row, 3),
            f"Thiếu ý kiến duyệt của lãnh đạo đơn vị: chưa ghi {label.vi}.",
            f"The unit leader's approval is missing: no {label.en}.",
        )
    return name, title, date


def _date(reader: SheetReader, row: int, column: int) -> dt.date | None:
    cell = reader.cell(row, column)
    where = reader.at(row, column)
    if cell.data_type == "f":
        reader.fail(where, "Ô này không được chứa công thức.", "This cell must not hold a formula.")
        return None
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    reader.fail(
        where,
        f"Ngày duyệt “{value}” không đọc được; ghi theo dạng ngày/tháng/năm, ví dụ 15/12/2026.",
        f"The approval date “{value}” cannot be read; write it as dd/mm/yyyy, e.g. 15/12/2026.",
    )
    return None


def _formula(reader: SheetReader, row: int, column: int) -> bool:
    if reader.cell(row, column).data_type != "f":
        return False
    reader.fail(
        reader.at(row, column),
        "Ô này chứa công thức: phiếu chỉ nhận giá trị, không nhận công thức.",
        "This cell holds a formula: the form takes values, not formulas.",
    )
    return True


def _row(
    reader: SheetReader,
    row: int,
    known: Mapping[str, FormItem],
    seen: dict[str, int],
    locked: dict[str, tuple[str, ...]],
) -> FilledItem | None:
    formulas = [c for c in range(1, len(FORM_COLUMNS) + 1) if _formula(reader, row, c)]
    code = "" if CODE in formulas else reader.text(row, CODE, Msg("Mã", "The code"))
    if not code:
        if CODE not in formulas:
            reader.fail(
                reader.at(row, CODE),
                "Dòng không có mã mục: hãy ghi mã của mục được giải trình hoặc xóa dòng.",
                "A row without an item code: write the code of the item explained or delete "
                "the row.",
            )
        return None
    expected = known.get(code)
    if expected is None:
        reader.fail(
            reader.at(row, CODE),
            f"Mục “{code}” không phải là mục do Hội đồng thẩm định của đơn vị.",
            f"“{code}” is not an item the council appraises for this unit.",
        )
        return None
    if code in seen:
        reader.fail(
            reader.at(row, CODE),
            f"Mục {code} đã có ở dòng {seen[code]}: mỗi mục chỉ giải trình một lần.",
            f"Item {code} is already on row {seen[code]}: explain each item once.",
        )
        return None
    seen[code] = row
    locked[code] = tuple(_locked_text(reader.cell(row, column)) for column in LOCKED)
    for column, want in zip(LOCKED, expected.locked_texts(), strict=True):
        if column not in formulas and _locked_text(reader.cell(row, column)) != want:
            shown = want or "trống"
            reader.fail(
                reader.at(row, column),
                f"Ô bị khóa của mục {code} đã bị sửa (phải là “{shown}”): không được sửa "
                "mã, nội dung, điểm tối đa, điểm tự chấm, điểm thẩm định lần 1.",
                f"A locked cell of item {code} was edited (it reads “{want or 'blank'}”): the "
                "code, name, maximum, self-score and round-1 score must not change.",
            )
    proposed: Decimal | None = None
    if PROPOSED not in formulas:
        proposed, _ok = reader.number(
            row, PROPOSED, SCORE_PLACES, Msg("Điểm đề nghị", "The proposed score")
        )
    text = "" if EXPLANATION in formulas else reader.text(row, EXPLANATION)
    refs: tuple[EvidenceRef, ...] = ()
    if EVIDENCE not in formulas:
        try:
            refs = parse_evidence(reader.text(row, EVIDENCE))
        except ValidationError as exc:
            reader.problems.append(reader.problem(row, EVIDENCE, exc.msg.vi, exc.msg.en))
    if proposed is None and not text and not refs:
        return None  # not explained (or an unreadable score, already reported)
    if proposed is None and reader.blank(row, PROPOSED):
        reader.fail(
            reader.at(row, PROPOSED),
            f"Mục {code} có giải trình nhưng chưa ghi điểm đề nghị.",
            f"Item {code} is explained but has no proposed score.",
        )
    if not text:
        reader.fail(
            reader.at(row, EXPLANATION),
            f"Mục {code} có điểm đề nghị nhưng chưa ghi nội dung giải trình.",
            f"Item {code} has a proposed score but no explanation.",
        )
    return FilledItem(code, proposed, text, refs, row)


def _locked_text(cell: SheetCell) -> str:
    """A locked cell as canonical text: numbers exactly, text NFC and stripped."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    try:
        number = read_decimal_cell(cell, Location(), _MAX_PLACES)
    except ImportFormatError:
        return str(value)
    return number_text(number)


def form_location(source: str, row: int | None = None, column: int | None = None) -> Location:
    """A location on the form's sheet (for the service's own problems)."""
    return SheetReader(source, SHEET_FORM, ()).at(row, column)
