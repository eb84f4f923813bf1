"""Hostile round workbooks: self-assessment forms, results and units workbooks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl

from tests.hostile import zip_tools as z
from tests.hostile.harness import Case, Where, results_import, self_import, units_import
from tests.hostile.world import World, set_cells

FORM = "TuDanhGia"
META = "_meta"
ROW = {"1": 9, "1.1": 10, "1.2": 11, "2": 12, "2.1": 13, "2.2": 14, "2.3": 15}
"""Row of each code in the self-assessment form of the test set (header on row 8)."""
TOTAL_ROW = 16
CODE, MAXIMUM, FIGURE, SCORE, EVIDENCE = 1, 3, 6, 7, 9
META_ROW = {"format_version": 2, "round_id": 5, "unit_id": 6}
RESULTS = "KetQua"
UNITS = "DonVi"

Make = Callable[[Path, Path], object]
Command = Callable[[World, Path], list[str]]


def _source(world: World, command: Command) -> Path:
    if command is self_import:
        return world.self_form
    return world.results if command is results_import else world.units


def _case(
    case_id: str, command: Command, make: Make, where: Where | None = None, *shows: str
) -> Case:
    def build(world: World, path: Path) -> list[str]:
        make(_source(world, command), path)
        return command(world, path)

    return Case(case_id, ".xlsx", build, where, shows)


def _cells(sheet: str, cells: dict[tuple[int, int], object]) -> Make:
    return lambda src, dst: set_cells(src, dst, sheet, cells)


def _score(value: object) -> Make:
    return _cells(FORM, {(ROW["1.1"], SCORE): value})


def _edit(edit: Callable[[openpyxl.Workbook], None]) -> Make:
    def make(src: Path, dst: Path) -> object:
        workbook = openpyxl.load_workbook(src)
        edit(workbook)
        workbook.save(dst)
        return dst

    return make


def _drop(title: str) -> Make:
    def edit(workbook: openpyxl.Workbook) -> None:
        del workbook[title]

    return _edit(edit)


def _rename(title: str, new: str) -> Make:
    def edit(workbook: openpyxl.Workbook) -> None:
        workbook[title].title = new

    return _edit(edit)


def _delete_row(title: str, row: int) -> Make:
    def edit(workbook: openpyxl.Workbook) -> None:
        workbook[title].delete_rows(row)

    return _edit(edit)


def _copy_row(title: str, row: int, to: int) -> Make:
    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[title]
        for column in range(1, sheet.max_column + 1):
            sheet.cell(to, column).value = sheet.cell(row, column).value

    return _edit(edit)


def _part(edit: Callable[[bytes], bytes], name: str = "xl/worksheets/sheet1.xml") -> Make:
    return lambda src, dst: z.edit_entry(src, dst, name, edit)


def _extra(*entries: z.Entry) -> Make:
    return lambda src, dst: z.rewrite(src, dst, {}, entries)


def _bytes(data: bytes) -> Make:
    return lambda src, dst: dst.write_bytes(data)


def _truncated(src: Path, dst: Path) -> object:
    return z.truncate(src, dst, 0.5)


S = self_import
F = Where(FORM)
R11, R12 = ROW["1.1"], ROW["1.2"]
SELF_CASES = [
    _case("self-empty", S, _bytes(b"")),
    _case("self-truncated", S, _truncated),
    _case("self-csv-renamed", S, _bytes("Mã;Điểm\n1.1;1\n".encode())),
    _case("self-dotdot-entry", S, _extra(("xl/../../x.xml", b"<x/>"))),
    _case("self-symlink-entry", S, _extra(z.symlink("xl/link", b"../../../etc/shadow"))),
    _case("self-entity-bomb", S, _part(z.with_entity_bomb), None, "DOCTYPE"),
    _case("self-zip-bomb", S, _extra(z.zeros_bomb("xl/media/a.bin", 3))),
    _case("self-formula-score", S, _score("=1+1"), Where(FORM, R11, "G")),
    _case("self-text-score", S, _score("đạt"), Where(FORM, R11, "G")),
    _case("self-nan-score", S, _score("NaN"), Where(FORM, R11, "G")),
    _case("self-infinity-score", S, _score("-Infinity"), Where(FORM, R11, "G")),
    _case("self-1e999-score", S, _score("1e999"), Where(FORM, R11, "G")),
    _case("self-1e300-score", S, _score(1e300), Where(FORM, R11, "G")),
    _case("self-too-many-decimals", S, _score(0.125), Where(FORM, R11, "G")),
    _case("self-boolean-score", S, _score(True), Where(FORM, R11, "G")),
    _case("self-date-score", S, _score(date(2026, 1, 1)), Where(FORM, R11, "G")),
    _case("self-error-score", S, _score("#N/A"), Where(FORM, R11, "G")),
    _case(
        "self-negative-figure",
        S,
        _cells(FORM, {(R12, FIGURE): -5}),
        Where(FORM, R12, "F"),
    ),
    _case("self-figure-not-asked", S, _cells(FORM, {(R11, FIGURE): 3}), Where(FORM, R11, "F")),
    _case("self-score-on-group-row", S, _cells(FORM, {(ROW["1"], SCORE): 1}), Where(FORM, 9, "G")),
    _case(
        "self-score-on-survey-row",
        S,
        _cells(FORM, {(ROW["2.2"], SCORE): 2}),
        Where(FORM, ROW["2.2"], "G"),
    ),
    _case(
        "self-wrong-form-version",
        S,
        _cells(META, {(META_ROW["format_version"], 2): "2"}),
        Where(META, META_ROW["format_version"], "B"),
    ),
    _case("self-another-unit", S, _cells(META, {(META_ROW["unit_id"], 2): "TTT"}), Where(META)),
    _case("self-another-round", S, _cells(META, {(META_ROW["round_id"], 2): "x"}), Where(META)),
    _case("self-meta-missing", S, _drop(META), Where(META)),
    _case("self-form-sheet-missing", S, _rename(FORM, "Trang1"), Where(FORM)),
    _case("self-duplicated-row", S, _copy_row(FORM, ROW["2.1"], 18), Where(FORM, 18, "A")),
    _case("self-code-edited", S, _cells(FORM, {(ROW["2.1"], CODE): "2.9"}), Where(FORM, 13, "A")),
    _case(
        "self-rows-swapped",
        S,
        _cells(FORM, {(R11, CODE): "1.2", (R12, CODE): "1.1"}),
        Where(FORM, R12, "A"),
    ),
    _case("self-row-removed", S, _delete_row(FORM, ROW["2.1"]), Where(FORM, 13, "A")),
    _case("self-maximum-edited", S, _cells(FORM, {(R11, MAXIMUM): 5}), Where(FORM, R11, "C")),
    _case(
        "self-evidence-path",
        S,
        _cells(FORM, {(R11, EVIDENCE): "../../etc/passwd"}),
        Where(FORM, R11, "I"),
    ),
    _case(
        "self-evidence-absolute",
        S,
        _cells(FORM, {(R11, EVIDENCE): "/etc/shadow, tr. 1"}),
        Where(FORM, R11, "I"),
    ),
    _case("self-header-changed", S, _cells(FORM, {(8, SCORE): "Điểm"}), Where(FORM, 8, "G")),
    _case("self-added-row", S, _cells(FORM, {(18, 2): "Dòng thêm", (18, SCORE): 1}), F),
]

RS = results_import
RESULT_CASES = [
    _case("results-empty", RS, _bytes(b"")),
    _case("results-truncated", RS, _truncated),
    _case("results-entity-bomb", RS, _part(z.with_entity_bomb), None, "DOCTYPE"),
    _case("results-symlink", RS, _extra(z.symlink("docProps/x", b"/etc/passwd"))),
    _case("results-formula-points", RS, _cells(RESULTS, {(3, 7): "=2*1"}), Where(RESULTS, 3, "G")),
    _case("results-text-points", RS, _cells(RESULTS, {(3, 7): "một"}), Where(RESULTS, 3, "G")),
    _case("results-nan-points", RS, _cells(RESULTS, {(3, 7): "nan"}), Where(RESULTS, 3, "G")),
    _case("results-1e999-points", RS, _cells(RESULTS, {(3, 7): "1e999"}), Where(RESULTS, 3, "G")),
    _case("results-1e300-figure", RS, _cells(RESULTS, {(2, 6): 1e300}), Where(RESULTS, 2, "F")),
    _case("results-negative-figure", RS, _cells(RESULTS, {(2, 6): -1}), Where(RESULTS, 2, "F")),
    _case("results-too-many-decimals", RS, _cells(RESULTS, {(3, 7): 0.125}), Where(RESULTS, 3)),
    _case("results-unknown-unit", RS, _cells(RESULTS, {(3, 1): "XYZ"}), Where(RESULTS, 3), "XYZ"),
    _case("results-unknown-item", RS, _cells(RESULTS, {(3, 3): "9.9"}), Where(RESULTS, 3), "9.9"),
    _case("results-council-item", RS, _cells(RESULTS, {(3, 3): "1.1"}), Where(RESULTS, 3), "1.1"),
    _case("results-group-item", RS, _cells(RESULTS, {(3, 3): "2"}), Where(RESULTS, 3)),
    _case("results-duplicate-row", RS, _copy_row(RESULTS, 3, 7), Where(RESULTS, 7)),
    _case("results-missing-sheet", RS, _rename(RESULTS, "Sheet1"), Where(RESULTS)),
    _case("results-header-changed", RS, _cells(RESULTS, {(1, 7): "Pts"}), Where(RESULTS, 1, "G")),
]

U = units_import
UNIT_CASES = [
    _case("units-truncated", U, _truncated),
    _case("units-external-entity", U, _part(z.external_entity)),
    _case("units-dotdot-entry", U, _extra(("../units.xml", b"<x/>"))),
    _case("units-duplicate-id", U, _copy_row(UNITS, 2, 3), Where(UNITS, 3, "A"), "SYT"),
    _case("units-path-as-id", U, _cells(UNITS, {(2, 1): "../x"}), Where(UNITS, 2, "A")),
    _case("units-unknown-type", U, _cells(UNITS, {(2, 3): "huyện"}), Where(UNITS, 2, "C")),
    _case("units-empty-name", U, _cells(UNITS, {(2, 2): " "}), Where(UNITS, 2, "B")),
    _case(
        "units-formula-name",
        U,
        _cells(UNITS, {(2, 2): '=HYPERLINK("http://example.invalid","x")'}),
        Where(UNITS, 2, "B"),
    ),
    _case(
        "units-existing-id-other-name",
        U,
        _cells(UNITS, {(2, 1): "STP", (2, 2): "Sở khác"}),
        Where(UNITS, 2, "A"),
    ),
    _case("units-missing-sheet", U, _drop(UNITS), Where(UNITS)),
    _case("units-header-changed", U, _cells(UNITS, {(1, 1): "ID"}), Where(UNITS, 1, "A")),
]
