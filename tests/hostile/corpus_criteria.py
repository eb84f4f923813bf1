"""Hostile criteria sets: JSON files and the secretary's workbook, made from the valid set."""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

from tests.hostile import zip_tools as z
from tests.hostile.harness import Case, Where, criteria_check
from tests.hostile.world import SET, World, set_cells

NODES = "TieuChi"
NODE_ROW = {"1": 2, "1.1": 3, "1.2": 4, "2": 5, "2.1": 6, "2.2": 7, "2.3": 8}
"""Row of each code in the TieuChi sheet (header on row 1)."""
MAXIMUM_COLUMN = 3


# --------------------------------------------------------------------------------------------
# JSON


def _json_text(text: str | bytes) -> Callable[[World, Path], list[str]]:
    def build(world: World, path: Path) -> list[str]:
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return criteria_check(world, path)

    return build


def _json_data(mutate: Callable[[dict[str, Any]], None]) -> Callable[[World, Path], list[str]]:
    def build(world: World, path: Path) -> list[str]:
        data = copy.deepcopy(SET)
        mutate(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return criteria_check(world, path)

    return build


def _node(data: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(n for n in data["nodes"] if n["code"] == code)
    return found


def _set_max(code: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        _node(data, code)["maximum"] = value

    return mutate


def _raw_max(literal: str) -> Callable[[World, Path], list[str]]:
    """The JSON text with the maximum of 1.1 replaced by a raw literal (NaN, 1e999...)."""
    text = json.dumps(SET, ensure_ascii=False)
    needle = '"code": "1.1", "name": "Kế hoạch cải cách hành chính", "maximum": "1"'
    assert needle in text
    return _json_text(text.replace(needle, needle[: -len('"1"')] + literal))


def _duplicate_code(data: dict[str, Any]) -> None:
    data["nodes"].append(copy.deepcopy(_node(data, "2.1")))


def _orphan(data: dict[str, Any]) -> None:
    _node(data, "2.3")["code"] = "3.1"  # its parent "3" does not exist: a broken chain


def _own_ancestor(data: dict[str, Any]) -> None:
    _node(data, "2.3")["code"] = "2.3.2.3"  # a code repeating its own path, parent missing


def _sparse(world: World, path: Path) -> list[str]:
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: larger than any set, costs no disk
    return criteria_check(world, path)


def _directory(world: World, path: Path) -> list[str]:
    path.mkdir()
    return criteria_check(world, path)


def _windows_1258(world: World, path: Path) -> list[str]:
    # Vietnamese saved by an old Windows tool in its code page instead of UTF-8.
    text = unicodedata.normalize("NFD", json.dumps(SET, ensure_ascii=False))
    path.write_bytes(text.encode("cp1258", errors="replace"))
    return criteria_check(world, path)


def _valid_text() -> str:
    return json.dumps(SET, ensure_ascii=False, indent=1)


JSON_CASES = [
    Case("json-empty", ".json", _json_text(b"")),
    Case("json-truncated", ".json", _json_text(_valid_text()[: len(_valid_text()) // 2])),
    Case("json-windows-1258", ".json", _windows_1258),
    Case("json-nan-literal", ".json", _raw_max("NaN")),
    Case("json-infinity-literal", ".json", _raw_max("-Infinity")),
    Case("json-1e999", ".json", _raw_max("1e999")),
    Case("json-huge-integer", ".json", _raw_max("9" * 5000)),
    Case("json-nan-text", ".json", _json_data(_set_max("1.1", "NaN"))),
    Case("json-negative-maximum", ".json", _json_data(_set_max("1.1", "-1"))),
    Case("json-too-many-decimals", ".json", _json_data(_set_max("1.1", "1.000001"))),
    Case("json-text-maximum", ".json", _json_data(_set_max("1.1", "một điểm"))),
    Case("json-maximum-is-object", ".json", _json_data(_set_max("1.1", {"$gt": 1}))),
    Case("json-sum-mismatch", ".json", _json_data(_set_max("1", "5"))),
    Case("json-duplicate-code", ".json", _json_data(_duplicate_code)),
    Case("json-orphan-code", ".json", _json_data(_orphan)),
    Case("json-code-repeating-its-path", ".json", _json_data(_own_ancestor)),
    Case(
        "json-wrong-format-version",
        ".json",
        _json_data(lambda d: d.update(format_version=99)),
    ),
    Case("json-wrong-format", ".json", _json_data(lambda d: d.update(format="excel"))),
    Case("json-top-level-array", ".json", _json_text("[" + _valid_text() + "]")),
    Case("json-deep-nesting", ".json", _json_text("[" * 200_000 + "]" * 200_000)),
    Case("json-oversized", ".json", _sparse),
    Case("json-is-a-directory", ".json", _directory),
]


# --------------------------------------------------------------------------------------------
# Workbook


def _xlsx(make: Callable[[Path, Path], object]) -> Callable[[World, Path], list[str]]:
    def build(world: World, path: Path) -> list[str]:
        make(world.set_xlsx, path)
        return criteria_check(world, path)

    return build


def _cell(code: str, value: object, column: int = MAXIMUM_COLUMN) -> Callable[[Path, Path], object]:
    return lambda src, dst: set_cells(src, dst, NODES, {(NODE_ROW[code], column): value})


def _raw_number(literal: bytes) -> Callable[[Path, Path], object]:
    """Put a literal into a number cell's XML, bypassing openpyxl's writer."""

    def make(src: Path, dst: Path) -> object:
        marker = 12345.678
        set_cells(src, dst, NODES, {(NODE_ROW["1.1"], MAXIMUM_COLUMN): marker})
        sheet = next(n for n in z.entries_of(dst) if n.startswith("xl/worksheets/sheet4"))
        return z.edit_entry(dst, dst, sheet, lambda b: b.replace(b"12345.678", literal))

    return make


def _drop_sheets(*titles: str) -> Callable[[Path, Path], object]:
    def make(src: Path, dst: Path) -> object:
        workbook = openpyxl.load_workbook(src)
        for title in titles:
            del workbook[title]
        if not workbook.sheetnames:
            workbook.create_sheet("Sheet1")
        workbook.save(dst)
        return dst

    return make


def _part(name: str, edit: Callable[[bytes], bytes]) -> Callable[[Path, Path], object]:
    return lambda src, dst: z.edit_entry(src, dst, name, edit)


def _extra(*entries: z.Entry) -> Callable[[Path, Path], object]:
    return lambda src, dst: z.rewrite(src, dst, {}, entries)


def _lying_size(src: Path, dst: Path) -> object:
    z.rewrite(src, dst, {})
    z.patch_entry(dst, "xl/workbook.xml", file_size=100)
    return dst


def _encrypted(src: Path, dst: Path) -> object:
    z.rewrite(src, dst, {})
    z.patch_entry(dst, "xl/styles.xml", flag=0x1)
    return dst


def _duplicate_entry(src: Path, dst: Path) -> object:
    return z.rewrite(src, dst, {}, [("xl/workbook.xml", z.entries_of(src)["xl/workbook.xml"])])


def _bytes(data: bytes) -> Callable[[Path, Path], object]:
    return lambda src, dst: dst.write_bytes(data)


def _truncated(src: Path, dst: Path) -> object:
    return z.truncate(src, dst, 0.6)


def _far_row(src: Path, dst: Path) -> object:
    return set_cells(src, dst, NODES, {(10_005, 1): "9.9"})


def _no_form_id(src: Path, dst: Path) -> object:
    workbook = openpyxl.load_workbook(src)
    workbook["ThongTin"].delete_rows(2)
    workbook.save(dst)
    return dst


T = NODES
ROW_11 = NODE_ROW["1.1"]
XLSX_CASES = [
    Case("xlsx-empty", ".xlsx", _xlsx(_bytes(b""))),
    Case("xlsx-truncated", ".xlsx", _xlsx(_truncated)),
    Case("xlsx-random-bytes", ".xlsx", _xlsx(_bytes(bytes(range(256)) * 8))),
    Case("xlsx-old-xls", ".xlsx", _xlsx(_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)))),
    Case(
        "xlsx-zip-bomb",
        ".xlsx",
        _xlsx(_extra(z.zeros_bomb("xl/media/image1.png", 3))),
        shows=("xl/media/image1.png",),
    ),
    Case("xlsx-lying-size", ".xlsx", _xlsx(_lying_size), shows=("xl/workbook.xml",)),
    Case("xlsx-dotdot-path", ".xlsx", _xlsx(_extra(("../../evil.xml", b"<x/>"))), shows=("..",)),
    Case("xlsx-absolute-path", ".xlsx", _xlsx(_extra(("/tmp/evil.xml", b"<x/>")))),
    Case(
        "xlsx-symlink",
        ".xlsx",
        _xlsx(_extra(z.symlink("xl/media/link.png", b"/etc/passwd"))),
        shows=("xl/media/link.png",),
    ),
    Case(
        "xlsx-entity-bomb",
        ".xlsx",
        _xlsx(_part("xl/worksheets/sheet4.xml", z.with_entity_bomb)),
        shows=("xl/worksheets/sheet4.xml", "DOCTYPE"),
    ),
    Case(
        "xlsx-external-entity",
        ".xlsx",
        _xlsx(_part("xl/workbook.xml", z.external_entity)),
        shows=("xl/workbook.xml",),
    ),
    Case("xlsx-utf16-part", ".xlsx", _xlsx(_part("xl/styles.xml", z.utf16)), shows=("UTF-8",)),
    Case("xlsx-macro", ".xlsx", _xlsx(_extra(("xl/vbaProject.bin", b"\x00" * 64)))),
    Case(
        "xlsx-external-link",
        ".xlsx",
        _xlsx(_extra(("xl/externalLinks/externalLink1.xml", b"<externalLink/>"))),
    ),
    Case("xlsx-encrypted-entry", ".xlsx", _xlsx(_encrypted), shows=("xl/styles.xml",)),
    Case("xlsx-duplicate-entry", ".xlsx", _xlsx(_duplicate_entry), shows=("xl/workbook.xml",)),
    Case("xlsx-missing-sheet", ".xlsx", _xlsx(_drop_sheets(T)), where=Where(T)),
    Case(
        "xlsx-no-known-sheet",
        ".xlsx",
        _xlsx(_drop_sheets("ThongTin", "LoaiDonVi", "XepLoai", T)),
        where=Where("ThongTin"),
    ),
    Case("xlsx-header-changed", ".xlsx", _xlsx(_cell("1", "Code", 1)), where=Where(T)),
    Case("xlsx-formula-maximum", ".xlsx", _xlsx(_cell("1.1", "=1/0")), where=Where(T, ROW_11, "C")),
    Case("xlsx-text-maximum", ".xlsx", _xlsx(_cell("1.1", "một")), where=Where(T, ROW_11, "C")),
    Case("xlsx-nan-text", ".xlsx", _xlsx(_cell("1.1", "NaN")), where=Where(T, ROW_11, "C")),
    Case("xlsx-infinity-text", ".xlsx", _xlsx(_cell("1.1", "Infinity")), where=Where(T, ROW_11)),
    Case("xlsx-1e999-text", ".xlsx", _xlsx(_cell("1.1", "1e999")), where=Where(T, ROW_11, "C")),
    Case("xlsx-1e999-number", ".xlsx", _xlsx(_raw_number(b"1e999")), where=Where(T, ROW_11, "C")),
    Case("xlsx-nan-number", ".xlsx", _xlsx(_raw_number(b"nan"))),
    Case("xlsx-negative-maximum", ".xlsx", _xlsx(_cell("1.1", -1)), where=Where(T, ROW_11)),
    Case(
        "xlsx-too-many-decimals",
        ".xlsx",
        _xlsx(_cell("1.1", 1.000001)),
        where=Where(T, ROW_11, "C"),
    ),
    Case("xlsx-boolean-maximum", ".xlsx", _xlsx(_cell("1.1", True)), where=Where(T, ROW_11, "C")),
    Case(
        "xlsx-date-maximum",
        ".xlsx",
        _xlsx(_cell("1.1", datetime(2026, 1, 1))),
        where=Where(T, ROW_11, "C"),
    ),
    Case("xlsx-error-value", ".xlsx", _xlsx(_cell("1.1", "#DIV/0!")), where=Where(T, ROW_11, "C")),
    Case("xlsx-duplicate-code", ".xlsx", _xlsx(_cell("1.2", "1.1", 1)), where=Where(T)),
    Case("xlsx-orphan-code", ".xlsx", _xlsx(_cell("2.3", "3.1", 1)), where=Where(T)),
    Case("xlsx-too-many-rows", ".xlsx", _xlsx(_far_row), where=Where(T, 10_001)),
    Case("xlsx-missing-form-id", ".xlsx", _xlsx(_no_form_id), where=Where("ThongTin")),
]
