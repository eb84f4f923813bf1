"""Hostile .xlsx files are refused before openpyxl parses them; cell readers refuse non-values."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, Location
from parapp.io.criteria.workbook import read_workbook, write_workbook
from parapp.io.files.xlsx_safety import (
    MAX_ENTRIES,
    SheetCell,
    check_xlsx_container,
    open_workbook,
    read_decimal_cell,
    read_sheet,
    read_text_cell,
)

RewriteZip = Callable[[Path, Path, Mapping[str, bytes | None]], Path]
SHEET = "xl/worksheets/sheet4.xml"  # TieuChi, the fourth sheet write_workbook creates


@pytest.fixture
def valid(rich_set: CriteriaSet, tmp_path: Path) -> Path:
    path = tmp_path / "hople.xlsx"
    write_workbook(rich_set, path)
    return path


def refused(path: Path) -> str:
    """The Vietnamese text of the refusal, which must name the file, by both entry points."""
    with pytest.raises(ImportFormatError) as direct:
        check_xlsx_container(path)
    with pytest.raises(ImportFormatError) as imported:
        read_workbook(path)
    assert direct.value.describe() == imported.value.describe()
    text = direct.value.describe()
    assert path.name in text
    assert path.name in direct.value.describe("en")
    return text


def test_valid_workbook_passes(valid: Path) -> None:
    check_xlsx_container(valid)
    with open_workbook(valid) as workbook:
        rows = read_sheet(workbook["TieuChi"], valid.name)
    assert rows[0][0] == SheetCell("Mã", "s")


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "ghichu.xlsx"
    path.write_text("chỉ là văn bản", encoding="utf-8")
    assert "không phải bảng tính Excel" in refused(path)


def test_old_xls_or_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "cu.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "mật khẩu" in refused(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    assert "Tệp rỗng" in refused(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "Không đọc được tệp" in refused(tmp_path / "khongco.xlsx")


def test_truncated_zip(valid: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    data = valid.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "hỏng hoặc không đầy đủ" in refused(path)


def test_corrupt_member_data(valid: Path, tmp_path: Path) -> None:
    path = tmp_path / "crc.xlsx"
    data = bytearray(valid.read_bytes())
    with zipfile.ZipFile(valid) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
    data[start : start + 8] = bytes(8)  # overwrite compressed bytes: CRC or inflate fails
    path.write_bytes(bytes(data))
    assert "bị hỏng" in refused(path)


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("../evil.xml", "đường dẫn không an toàn"),
        ("/etc/evil.xml", "đường dẫn không an toàn"),
        ("xl\\..\\..\\evil.xml", "đường dẫn không an toàn"),
        ("C:/evil.xml", "đường dẫn không an toàn"),
        ("xl/vbaProject.bin", "macro"),
        ("xl/externalLinks/externalLink1.xml", "liên kết tới tệp khác"),
    ],
)
def test_dangerous_members(
    valid: Path, tmp_path: Path, rewrite_zip: RewriteZip, member: str, expected: str
) -> None:
    path = rewrite_zip(valid, tmp_path / "xau.xlsx", {member: b"<x/>"})
    assert expected in refused(path)


def test_entity_bomb_in_a_sheet(valid: Path, tmp_path: Path, rewrite_zip: RewriteZip) -> None:
    with zipfile.ZipFile(valid) as archive:
        xml = archive.read(SHEET)
    bomb = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    poisoned = xml[:declaration_end] + bomb + xml[declaration_end:]
    path = rewrite_zip(valid, tmp_path / "bom.xlsx", {SHEET: poisoned})
    assert "DOCTYPE/ENTITY" in refused(path)


def test_doctype_hidden_after_a_long_comment(
    valid: Path, tmp_path: Path, rewrite_zip: RewriteZip
) -> None:
    padding = b"<!--" + b"x" * 200_000 + b"-->"
    part = b'<?xml version="1.0"?>' + padding + b"<!doctype x><x/>"
    path = rewrite_zip(valid, tmp_path / "an.xlsx", {"xl/styles.xml": part})
    assert "DOCTYPE/ENTITY" in refused(path)


def test_xml_in_utf16_is_refused(valid: Path, tmp_path: Path, rewrite_zip: RewriteZip) -> None:
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16")
    path = rewrite_zip(valid, tmp_path / "u16.xlsx", {"xl/styles.xml": part})
    assert "UTF-8" in refused(path)


def test_too_many_entries(valid: Path, tmp_path: Path, rewrite_zip: RewriteZip) -> None:
    extra: dict[str, bytes | None] = {f"xl/media/p{i}.txt": b"" for i in range(MAX_ENTRIES)}
    path = rewrite_zip(valid, tmp_path / "nhieu.xlsx", extra)
    assert f"tối đa {MAX_ENTRIES}" in refused(path)


def test_high_ratio_member(valid: Path, tmp_path: Path, rewrite_zip: RewriteZip) -> None:
    path = rewrite_zip(valid, tmp_path / "nen.xlsx", {"xl/media/zeros.bin": bytes(4_000_000)})
    assert "bom nén" in refused(path)


def test_workbook_openpyxl_cannot_read(
    valid: Path, tmp_path: Path, rewrite_zip: RewriteZip
) -> None:
    path = rewrite_zip(valid, tmp_path / "thieu.xlsx", {"xl/workbook.xml": None})
    check_xlsx_container(path)  # a sound container...
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(path)  # ...whose content is not a workbook
    assert "thieu.xlsx" in caught.value.describe()


# --- cell readers ------------------------------------------------------------------------------

AT = Location(file="f.xlsx", sheet="S", row=3, column="C")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (SheetCell(None), None),
        (SheetCell("  "), None),
        (SheetCell(8), Decimal(8)),
        (SheetCell(8.5), Decimal("8.5")),
        (SheetCell(0.1), Decimal("0.1")),
        (SheetCell(2.0), Decimal(2)),
        (SheetCell("0,5", "s"), Decimal("0.5")),
        (SheetCell("8.25", "s"), Decimal("8.25")),
        (SheetCell(-1.5), Decimal("-1.5")),
    ],
)
def test_read_decimal_cell_accepts(cell: SheetCell, expected: Decimal | None) -> None:
    value = read_decimal_cell(cell, AT)
    assert value == expected
    if value is not None:
        assert str(value) == str(expected)  # no stray trailing zeros ("2.0")


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        (SheetCell("=1+1", "f"), "công thức"),
        (SheetCell("#DIV/0!", "e"), "mã lỗi"),
        (SheetCell(True, "b"), "phải là số"),
        (SheetCell(datetime(2025, 1, 1), "d"), "phải là số"),
        (SheetCell("tám", "s"), "không phải là số hợp lệ"),
        (SheetCell("nan", "s"), "hữu hạn"),
        (SheetCell(float("inf")), "hữu hạn"),
        (SheetCell(0.125), "quá 2 chữ số thập phân"),
        (SheetCell("1e3", "s"), "lũy thừa"),
    ],
)
def test_read_decimal_cell_refuses(cell: SheetCell, fragment: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_decimal_cell(cell, AT)
    [problem] = caught.value.problems
    assert problem.location == AT
    assert fragment in problem.message.vi


def test_read_text_cell() -> None:
    assert read_text_cell(SheetCell("=x", "s"), AT) == "=x"  # text that looks like a formula
    assert read_text_cell(SheetCell(1), AT) == "1"
    assert read_text_cell(SheetCell(1.1), AT) == "1.1"
    assert read_text_cell(SheetCell(None), AT) == ""
    for bad in (SheetCell("=A1", "f"), SheetCell(True, "b"), SheetCell("#N/A", "e")):
        with pytest.raises(ImportFormatError):
            read_text_cell(bad, AT)


def test_read_sheet_stops_at_the_row_limit(valid: Path) -> None:
    with open_workbook(valid) as workbook:
        rows = read_sheet(workbook["TieuChi"], valid.name)
        with pytest.raises(ImportFormatError) as caught:
            read_sheet(workbook["TieuChi"], valid.name, max_rows=len(rows) - 1)
    [problem] = caught.value.problems
    assert (problem.location.sheet, problem.location.row) == ("TieuChi", len(rows))
    assert problem.location.file == valid.name


def test_symlink_member_is_refused(valid: Path, tmp_path: Path) -> None:
    path = tmp_path / "lienket.xlsx"
    with zipfile.ZipFile(valid) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        link = zipfile.ZipInfo("xl/media/passwd")
        link.external_attr = 0o120777 << 16  # S_IFLNK
        dst.writestr(link, "/etc/passwd")
    assert "symlink" in refused(path)
