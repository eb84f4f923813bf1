"""``parapp criteria check``: every defect of a workbook (or a JSON set) in one run, each once.

A sound workbook is built cell by cell; each defect below changes a few cells of it, in its own
row or sheet. Alone, each is reported exactly once at its cell; all together, every one of them is
reported in one run, at the same cells, and nothing else.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from parapp.cli import app as cli
from parapp.io.files.xlsx_safety import MAX_ROWS
from parapp.services.criteria_sets import MAX_LISTED_PROBLEMS

BuildXlsx = Callable[[Path, Mapping[str, Sequence[Sequence[Any]]]], Path]
Sheets = dict[str, list[list[Any]]]
Cell = tuple[str, int | None, str | None]

NODE_HEADER = [
    "Mã",
    "Nội dung",
    "Điểm tối đa",
    "Điểm tối thiểu",
    "Người chấm",
    "Cách chấm",
    "Hướng dẫn chấm",
    "Tài liệu kiểm chứng",
    "Áp dụng cho",
    "Điểm tối đa theo loại đơn vị",
    "Loại điểm",
    "Tổng hợp",
]
AREAS = 21
"""One area per node defect: area k has rows k (2 points), k.1 and k.2 (1 point each)."""


def sound_sheets() -> Sheets:
    nodes: list[list[Any]] = [list(NODE_HEADER)]
    for k in range(1, AREAS + 1):
        for code, maximum in ((f"{k}", 2), (f"{k}.1", 1), (f"{k}.2", 1)):
            nodes.append([code, f"Mục {code}", maximum, *([None] * 9)])
    return {
        "ThongTin": [
            ["Mục", "Khóa", "Giá trị", "Giải thích"],
            ["Mã bộ tiêu chí", "form_id", "loi-2026"],
            ["Phiên bản", "version", "2026010101"],
            ["Năm đánh giá", "year", 2026],
            ["Tên bộ tiêu chí", "name", "Bộ tiêu chí thử"],
        ],
        "LoaiDonVi": [
            ["Mã loại đơn vị", "Tên loại đơn vị", "Mã nhóm xếp hạng", "Tên nhóm xếp hạng"],
            ["so", "Sở, ban, ngành", "nhom-so", "Khối sở"],
            ["xa", "UBND xã", None, None],
        ],
        "XepLoai": [["Xếp loại", "Từ (%)"], ["Tốt", 80], ["Khá", 65], ["Yếu", 0]],
        "TieuChi": nodes,
    }


def row_of(code: str) -> int:
    """The TieuChi row of a code of the sound workbook (header on row 1)."""
    area, _, child = code.partition(".")
    return 2 + (int(area) - 1) * 3 + (int(child) if child else 0)


COLUMN = {letter: i for i, letter in enumerate("ABCDEFGHIJKLM")}


@dataclass(frozen=True)
class Defect:
    name: str
    cells: Mapping[tuple[str, int, str], Any]
    """(sheet, row, column letter) -> the value typed there."""
    at: Cell
    """Where the one problem it causes is reported."""


def node(area: int, child: int, column: str, value: Any, at: str | None = None) -> Defect:
    """A defect in TieuChi at row k.child (k itself for child 0), reported at ``at``."""
    code = f"{area}.{child}" if child else f"{area}"
    row = row_of(code)
    return Defect("", {("TieuChi", row, column): value}, ("TieuChi", row, at or column))


NODE_DEFECTS = {
    "duplicate code": node(1, 2, "A", "1.1"),
    "malformed code": node(2, 2, "A", "2..2"),
    "orphan code": node(3, 2, "A", "3.9.1"),
    "children not adding up": node(4, 0, "C", 5),
    "NaN maximum": node(5, 1, "C", "NaN"),
    "infinite maximum": node(6, 1, "C", "Infinity"),
    "minimum above maximum": node(7, 1, "D", 2),
    "formula in a number cell": node(8, 1, "C", "=1+1"),
    "text in a number cell": node(9, 1, "D", "abc"),
    "unknown unit type": node(10, 1, "I", "huyen"),
    "unknown rule": node(11, 1, "F", "ngẫu nhiên: 1"),
    "unknown assessor": node(12, 1, "E", "ai đó"),
    "empty name": node(13, 1, "B", " "),
    "level outside the range": node(14, 1, "F", "mức: 5; 0"),
    "rule on a parent": node(15, 0, "F", "mức: 2; 0"),
    "malformed maxima by unit type": node(16, 1, "J", "xa"),
    "unknown aggregation": node(17, 0, "L", "gì đó"),
    "unknown role": node(18, 1, "K", "gì đó"),
    "blank maximum": node(19, 1, "C", None),
    "too many decimals": node(20, 1, "C", "0,00001"),
    "maximum equal to minimum": node(21, 1, "C", 0),
}
OTHER_DEFECTS = {
    "invalid version": Defect("", {("ThongTin", 3, "C"): "2026133101"}, ("ThongTin", 3, "C")),
    "year as text": Defect("", {("ThongTin", 4, "C"): "hai nghìn"}, ("ThongTin", 4, "C")),
    "empty set name": Defect("", {("ThongTin", 5, "C"): None}, ("ThongTin", 5, "C")),
    "unknown metadata key": Defect(
        "", {("ThongTin", 6, "A"): "?", ("ThongTin", 6, "B"): "colour"}, ("ThongTin", 6, "B")
    ),
    "duplicate unit type": Defect(
        "", {("LoaiDonVi", 4, "A"): "so", ("LoaiDonVi", 4, "B"): "Sở"}, ("LoaiDonVi", 4, "A")
    ),
    "class bound above 100": Defect(
        "", {("XepLoai", 5, "A"): "Xuất sắc", ("XepLoai", 5, "B"): 150}, ("XepLoai", 5, "B")
    ),
    "unknown column": Defect("", {("TieuChi", 1, "M"): "Ghi chú riêng"}, ("TieuChi", 1, "M")),
}
DEFECTS = {**NODE_DEFECTS, **OTHER_DEFECTS}


def with_defects(*defects: Defect) -> Sheets:
    sheets = sound_sheets()
    for defect in defects:
        for (sheet, row, column), value in defect.cells.items():
            rows = sheets[sheet]
            while len(rows) < row:
                rows.append([])
            cells = rows[row - 1]
            cells.extend([None] * (COLUMN[column] + 1 - len(cells)))
            cells[COLUMN[column]] = value
    return sheets


def check(path: Path, capsys: pytest.CaptureFixture[str], lang: str = "vi") -> tuple[int, str]:
    code = cli.main(["--lang", lang, "criteria", "check", str(path)])
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return code, err


def listed(err: str) -> list[str]:
    return [line[4:] for line in err.splitlines() if line.startswith("  - ")]


def location(line: str, name: str, lang: str = "vi") -> Cell:
    """(sheet, row, column) of a listed problem, read back from its text."""
    words = ("trang tính", "dòng", "cột") if lang == "vi" else ("sheet", "row", "column")
    where = line.split(": ", 1)[0].split(", ")
    assert where[0] == name
    parts = dict(
        part.split(" ", 1) if part[0] != "t" else part.rsplit(" ", 1) for part in where[1:]
    )
    sheet = parts[words[0]].strip("'")
    row = parts.get(words[1])
    return sheet, int(row) if row else None, parts.get(words[2])


def test_the_sound_workbook_passes(
    build_xlsx: BuildXlsx, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.main(["criteria", "check", str(build_xlsx(tmp_path / "tot.xlsx", sound_sheets()))]) == 0
    )
    assert "21 lĩnh vực" in capsys.readouterr().out


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_defect_alone_is_reported_once_at_its_cell(
    name: str, build_xlsx: BuildXlsx, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_xlsx(tmp_path / "mot.xlsx", with_defects(DEFECTS[name]))
    code, err = check(path, capsys)
    assert code == 1
    lines = listed(err)
    assert [location(line, "mot.xlsx") for line in lines] == [DEFECTS[name].at], err
    assert err.startswith("Không nhập được mot.xlsx: 1 lỗi, không có gì được thay đổi.")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_defect_is_reported_in_one_run_each_once(
    lang: str, build_xlsx: BuildXlsx, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(DEFECTS) >= 17
    path = build_xlsx(tmp_path / "loi.xlsx", with_defects(*DEFECTS.values()))
    code, err = check(path, capsys, lang)
    assert code == 1
    lines = listed(err)
    found = [location(line, "loi.xlsx", lang) for line in lines]
    assert sorted(found, key=str) == sorted((d.at for d in DEFECTS.values()), key=str), err
    assert len(set(lines)) == len(lines) == len(DEFECTS)
    headline = (
        f"Không nhập được loi.xlsx: {len(DEFECTS)} lỗi, không có gì được thay đổi."
        if lang == "vi"
        else f"Cannot import loi.xlsx: {len(DEFECTS)} problem(s); nothing was changed."
    )
    assert err.splitlines()[0] == headline
    assert found == sorted(found, key=lambda c: (list(with_defects()).index(c[0]), c[1] or 0))
    sample = "Ô là công thức “=1+1”" if lang == "vi" else "The cell is a formula “=1+1”"
    assert any(sample in line for line in lines)


def test_problems_beyond_the_cap_are_counted_in_one_line(
    build_xlsx: BuildXlsx, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = 50
    sheets = sound_sheets()
    rows = sheets["TieuChi"]
    for number in range(1, MAX_LISTED_PROBLEMS + extra + 1):  # a flat area of text minima
        rows.append([f"{AREAS + number}", f"Mục {number}", 1, "không", *([None] * 8)])
    path = build_xlsx(tmp_path / "nhieu.xlsx", sheets)
    total = MAX_LISTED_PROBLEMS + extra
    for lang, headline, more in (
        ("vi", f"Không nhập được nhieu.xlsx: {total} lỗi", f"  … và {extra} lỗi khác."),
        ("en", f"Cannot import nhieu.xlsx: {total} problem(s)", f"  … and {extra} more problems."),
    ):
        code, err = check(path, capsys, lang)
        assert code == 1
        assert err.splitlines()[0].startswith(headline)
        assert len(listed(err)) == MAX_LISTED_PROBLEMS
        assert err.splitlines()[-1] == more


def test_a_sheet_over_the_row_limit_names_the_limit_and_the_rest_is_checked(
    build_xlsx: BuildXlsx, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = with_defects(OTHER_DEFECTS["invalid version"], OTHER_DEFECTS["duplicate unit type"])
    rows = sheets["TieuChi"]
    rows.extend([[] for _ in range(MAX_ROWS + 5 - len(rows))])
    rows[-1] = ["99.9", "Một dòng rất xa"]
    path = build_xlsx(tmp_path / "dai.xlsx", sheets)
    code, err = check(path, capsys)
    assert code == 1
    lines = listed(err)
    assert [location(line, "dai.xlsx") for line in lines] == [
        ("ThongTin", 3, "C"),
        ("LoaiDonVi", 4, "A"),
        ("TieuChi", MAX_ROWS + 1, None),
    ]
    assert "mỗi trang tính được tối đa 10.000 dòng" in lines[-1]
    assert "Thiếu trang tính" not in err  # read but over the limit: not "missing"
    code, err = check(path, capsys, "en")
    assert "a sheet may have at most 10,000 rows" in listed(err)[-1]


# --- the JSON format -------------------------------------------------------------------------


def sound_json() -> dict[str, Any]:
    nodes = []
    for k in range(1, 11):
        nodes += [
            {"code": f"{k}", "name": f"Mục {k}", "maximum": "2"},
            {"code": f"{k}.1", "name": f"Mục {k}.1", "maximum": "1"},
            {"code": f"{k}.2", "name": f"Mục {k}.2", "maximum": "1"},
        ]
    return {
        "format": "parapp-criteria",
        "format_version": 1,
        "form_id": "loi-2026",
        "version": "2026010101",
        "year": 2026,
        "name": "Bộ tiêu chí thử",
        "unit_types": [{"code": "so", "label": "Sở"}, {"code": "xa", "label": "Xã"}],
        "classes": [{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
        "nodes": nodes,
    }


def test_a_json_set_reports_every_defect_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy.deepcopy(sound_json())
    nodes = data["nodes"]

    def at(code: str) -> dict[str, Any]:
        found: dict[str, Any] = next(n for n in nodes if n["code"] == code)
        return found

    data["year"] = "2026"
    data["version"] = "2026133101"
    data["unit_types"].append({"code": "so", "label": "Sở"})
    data["classes"].append({"label": "Xuất sắc", "lower": "150"})
    at("1.2")["code"] = "1.1"
    at("2.2")["code"] = "2..2"
    at("3.2")["code"] = "3.9.1"
    at("4")["maximum"] = "5"
    at("5.1")["maximum"] = "NaN"
    at("6.1")["maximum"] = "một"
    at("7.1")["minimum"] = "2"
    at("8.1")["applies_to"] = ["huyen"]
    at("9.1")["rule"] = {"kind": "formula"}
    at("10.1")["assessor"] = "ai đó"
    path = tmp_path / "loi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, err = check(path, capsys, "en")
    assert code == 1
    lines = listed(err)
    assert len(set(lines)) == len(lines) == 14, err
    expected = [
        "loi.json, column year: ",
        "loi.json, column version: ",
        "loi.json, sheet 'unit_types', row 3, column code: ",
        "loi.json, sheet 'classes', row 3, column lower: ",
        "loi.json, sheet 'nodes', row 3, column code: ",  # duplicate 1.1
        "loi.json, sheet 'nodes', row 6, column code: ",  # malformed 2..2
        "loi.json, sheet 'nodes', row 9, column code: ",  # orphan 3.9.1
        "loi.json, sheet 'nodes', row 10, column maximum: ",  # 4 does not add up
        "loi.json, sheet 'nodes', row 14, column maximum: ",  # NaN
        "loi.json, sheet 'nodes', row 17, column maximum: ",  # text
        "loi.json, sheet 'nodes', row 20, column minimum: ",  # minimum above maximum
        "loi.json, sheet 'nodes', row 23, column applies_to: ",
        "loi.json, sheet 'nodes', row 26, column rule: ",
        "loi.json, sheet 'nodes', row 29, column assessor: ",
    ]
    assert sorted(line.split(": ", 1)[0] + ": " for line in lines) == sorted(expected)
