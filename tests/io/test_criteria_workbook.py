"""The criteria workbook: exact round trips, a hand-made workbook, and located refusals."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core import criteria_codec
from parapp.core.criteria import Band, BandsRule, CriteriaSet, Level, LevelsRule
from parapp.core.errors import ImportFormatError, ValidationError
from parapp.io.criteria.workbook import read_workbook, write_workbook

BuildXlsx = Callable[[Path, Mapping[str, Sequence[Sequence[Any]]]], Path]

META_HEADER = ["Mục", "Khóa", "Giá trị", "Giải thích"]
UNIT_HEADER = ["Mã loại đơn vị", "Tên loại đơn vị", "Mã nhóm xếp hạng", "Tên nhóm xếp hạng"]
CLASS_HEADER = ["Xếp loại", "Từ (%)"]
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
COUNCIL = "Hội đồng thẩm định"
HOSTILE = "=cmd|'/C calc'!A0"


def located(exc: ImportFormatError) -> set[tuple[str | None, int | None, str | None]]:
    return {(p.location.sheet, p.location.row, p.location.column) for p in exc.problems}


def message_at(exc: ImportFormatError, sheet: str, row: int | None, column: str | None) -> str:
    [problem] = [
        p
        for p in exc.problems
        if (p.location.sheet, p.location.row, p.location.column) == (sheet, row, column)
    ]
    return problem.message.vi


# --- writing and round trips ----------------------------------------------------------------


def test_round_trip_of_a_rich_set_is_exact(rich_set: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "bo.xlsx"
    write_workbook(rich_set, path)
    again = read_workbook(path)
    assert again == rich_set
    assert criteria_codec.dumps(again) == criteria_codec.dumps(rich_set)
    assert unicodedata.is_normalized("NFC", again.nodes[0].name)


def test_written_workbook_is_made_for_people(rich_set: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "bo.xlsx"
    write_workbook(rich_set, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["ThongTin", "LoaiDonVi", "XepLoai", "TieuChi"]
    sheet = workbook["TieuChi"]
    assert [c.value for c in sheet[1]] == NODE_HEADER
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 60
    assert sheet["B3"].alignment.wrap_text
    assert sheet["A2"].font.bold  # areas stand out
    assert (sheet["C3"].data_type, sheet["C3"].number_format) == ("n", "0.00##")
    assert sheet["A3"].data_type == "s"  # codes stay text
    assert sheet["E3"].value == COUNCIL
    assert sheet["F3"].value == "mức: 1 (Kịp thời); 0,5 (Không kịp thời\\; muộn (quá 15 ngày)); 0"
    assert sheet["F4"].value == (
        "khoảng Tỷ lệ thực hiện %: >90 → 2 (Tốt); >=70,25 → 1; còn lại → 0; bước 0,5"
    )
    assert sheet["F5"].value == "tự do bước 0,25"
    assert sheet["F6"].value == "tỷ lệ Tỷ lệ hài lòng (SIPAS) (): tối đa 100"
    assert (sheet["I5"].value, sheet["J6"].value) == ("so", "xa=2")
    assert (sheet["K9"].value, sheet["L9"].value) == ("thưởng", "giới hạn")
    assert (sheet["C12"].value, sheet["D12"].value) == (0, -3)
    meta = workbook["ThongTin"]
    assert (meta["B7"].value, meta["C7"].data_type) == ("note", "s")
    assert meta["C7"].value == "=SUM(A1) is text, not a formula"


def test_formula_like_text_is_written_as_text(rich_set: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "bo.xlsx"
    changed = replace(
        rich_set, nodes=(replace(rich_set.nodes[0], name=HOSTILE), *rich_set.nodes[1:])
    )
    write_workbook(changed, path)
    cell = load_workbook(path)["TieuChi"]["B2"]
    assert (cell.data_type, cell.value) == ("s", HOSTILE)
    assert read_workbook(path).nodes[0].name == HOSTILE


def test_failed_write_leaves_the_existing_file_alone(rich_set: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "bo.xlsx"
    path.write_bytes(b"previous version")
    broken = replace(
        rich_set, nodes=(replace(rich_set.nodes[0], name="bell\x07"), *rich_set.nodes[1:])
    )
    with pytest.raises(ValidationError) as caught:
        write_workbook(broken, path)
    assert "TieuChi!B2" in caught.value.msg.vi
    assert path.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["bo.xlsx"]


def test_overwrite_replaces_an_existing_workbook(rich_set: CriteriaSet, tmp_path: Path) -> None:
    path = tmp_path / "bo.xlsx"
    path.write_bytes(b"old")
    write_workbook(rich_set, path)
    assert read_workbook(path) == rich_set


# --- an independently written workbook -------------------------------------------------------


def ca_mau_sheets(name: str = "Ban hành kế hoạch CCHC năm") -> dict[str, list[list[Any]]]:
    """The worked example of docs/criteria-workbook.md, typed cell by cell."""

    def node(
        code: str, title: str, maximum: Any, rule: str | None = None, guide: Any = None
    ) -> list[Any]:
        return [code, title, maximum, 0, COUNCIL, rule, guide, None, None, None, None, None]

    return {
        "ThongTin": [
            META_HEADER,
            ["Mã bộ tiêu chí", "form_id", "ca-mau-2013-so"],
            ["Phiên bản", "version", "2013121001"],
            ["Năm đánh giá", "year", 2013],
            ["Tên bộ tiêu chí", "name", "Chỉ số CCHC các sở (mẫu Cà Mau 2013)"],
            ["Quyết định ban hành", "decision", "1880/QĐ-UBND"],
            ["Cách xếp hạng", "ranking", "dense"],
        ],
        "LoaiDonVi": [UNIT_HEADER, ["so", "Sở, ban, ngành", "nhom-so", "Khối sở"]],
        "XepLoai": [CLASS_HEADER, ["Tốt", 80], ["Khá", 65], ["Trung bình", 50], ["Yếu", 0]],
        "TieuChi": [
            NODE_HEADER,
            node("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 7),
            node("1.1", "Kế hoạch CCHC năm", 5),
            node(
                "1.1.1",
                name,
                1,
                "mức: 1 (Ban hành kịp thời); 0,5 (Không kịp thời); 0 (Không ban hành)",
                "Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0",
            ),
            node("1.1.2", "Xác định đầy đủ các nhiệm vụ CCHC", 1, "mức: 1 (Đầy đủ); 0 (Không)"),
            node("1.1.3", "Các kết quả phải đạt được", 1, "mức: 1 (Đạt yêu cầu); 0 (Không đạt)"),
            node(
                "1.1.4",
                "Mức độ thực hiện kế hoạch CCHC",
                2,
                "khoảng Tỷ lệ thực hiện kế hoạch %: >90 → 2; >=70 → 1; còn lại → 0",
            ),
            node("1.2", "Báo cáo CCHC", 2),
            node("1.2.1", "Báo cáo đúng thời gian", 1, "mức: 1 (Đủ và đúng hạn); 0 (Không)"),
            node("1.2.2", "Báo cáo đủ nội dung", 1, "mức: 1 (Đạt yêu cầu); 0 (Không đạt)"),
        ],
    }


def test_independent_workbook_imports_and_reexports_identically(
    build_xlsx: BuildXlsx, tmp_path: Path
) -> None:
    sheets = ca_mau_sheets()
    typed = read_workbook(build_xlsx(tmp_path / "tay.xlsx", sheets))
    assert typed.form_id == "ca-mau-2013-so"
    assert [n.code for n in typed.walk()] == [row[0] for row in sheets["TieuChi"][1:]]
    assert typed.node("1.1.1").rule == LevelsRule(
        (
            Level(Decimal(1), "Ban hành kịp thời"),
            Level(Decimal("0.5"), "Không kịp thời"),
            Level(Decimal(0), "Không ban hành"),
        )
    )
    assert typed.node("1.1.4").rule == BandsRule(
        (
            Band(Decimal(2), Decimal(90), inclusive=False),
            Band(Decimal(1), Decimal(70)),
            Band(Decimal(0), None),
        ),
        figure_label="Tỷ lệ thực hiện kế hoạch",
        figure_unit="%",
    )
    assert typed.group_of("so") is not None
    assert [c.label for c in typed.classes] == ["Tốt", "Khá", "Trung bình", "Yếu"]

    out = tmp_path / "xuat.xlsx"
    write_workbook(typed, out)
    assert read_workbook(out) == typed
    written = [[c.value for c in row] for row in load_workbook(out)["TieuChi"].iter_rows()]
    assert written == sheets["TieuChi"]


def test_decomposed_text_and_numeric_text_are_accepted(
    build_xlsx: BuildXlsx, tmp_path: Path
) -> None:
    sheets = ca_mau_sheets(name=unicodedata.normalize("NFD", "Ban hành kế hoạch"))
    rows = sheets["TieuChi"]
    rows[3][5] = unicodedata.normalize("NFD", "MỨC: 1 (Kịp thời); 0.5 (Muộn); 0")
    rows[2][2] = "5,0"  # a maximum typed as text with a decimal comma
    rows[6][5] = "khoảng Tỷ lệ (%): ≥90 -> 2; > 70 => 1; còn lại → 0"
    typed = read_workbook(build_xlsx(tmp_path / "nfd.xlsx", sheets))
    leaf = typed.node("1.1.1")
    assert leaf.name == "Ban hành kế hoạch"
    assert leaf.rule == LevelsRule(
        (Level(Decimal(1), "Kịp thời"), Level(Decimal("0.5"), "Muộn"), Level(Decimal(0)))
    )
    assert typed.node("1.1").maximum == Decimal(5)
    assert typed.node("1.1.4").rule == BandsRule(
        (
            Band(Decimal(2), Decimal(90)),
            Band(Decimal(1), Decimal(70), inclusive=False),
            Band(Decimal(0), None),
        ),
        figure_label="Tỷ lệ",
        figure_unit="%",
    )


# --- refusals --------------------------------------------------------------------------------


def test_a_dozen_defects_are_all_located(build_xlsx: BuildXlsx, tmp_path: Path) -> None:
    def node(code: str, name: str, maximum: Any, **cells: Any) -> list[Any]:
        row: list[Any] = [code, name, maximum, *([None] * 9)]
        for letter, value in cells.items():
            row[ord(letter) - ord("A")] = value
        return row

    path = build_xlsx(
        tmp_path / "loi.xlsx",
        {
            "ThongTin": [
                META_HEADER,
                ["Mã", "form_id", "demo-2025"],
                ["Phiên bản", "version", "2025010101"],
                ["Năm", "year", "hai nghìn"],
                ["?", "colour", "xanh"],
                ["Xếp hạng", "ranking", "weird"],
            ],
            "LoaiDonVi": [UNIT_HEADER, ["so", "Sở"], ["xa", "UBND xã"]],
            "XepLoai": [CLASS_HEADER, ["Tốt", 80], ["Khá", "abc"]],
            "TieuChi": [
                NODE_HEADER,
                node("1", "Lĩnh vực", 3),
                node("1.1", unicodedata.normalize("NFD", "Mục hợp lệ"), 1, F="mức: 1 (Có); 0"),
                node("1.2", "Công thức", "=1+1"),
                node("1.3", "Chữ trong ô số", 1, D="abc"),
                node("1.4", "Người chấm lạ", 1, E="ai đó"),
                node("1.5", "Cú pháp sai", 1, F="mức 1; 0"),
                node("1.1", "Mã trùng", 1),
                node("3.1", "Mồ côi", 1),
                node("1.6", "", 1),
                node("1.7", "Mức ngoài khoảng", 1, F="mức: 5; 0"),
                node("1.8", "Loại đơn vị lạ", 1, I="huyen"),
                node("1.9", "Điểm theo loại sai", 1, J="xa"),
                node("1.10", "Tổng hợp lạ", "1,5", L="gì đó"),
            ],
        },
    )
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(path)
    exc = caught.value
    assert located(exc) == {
        ("ThongTin", 4, "C"),
        ("ThongTin", 5, "B"),
        ("ThongTin", 6, "C"),
        ("ThongTin", None, "B"),
        ("XepLoai", 3, "B"),
        ("TieuChi", 4, "C"),
        ("TieuChi", 5, "D"),
        ("TieuChi", 6, "E"),
        ("TieuChi", 7, "F"),
        ("TieuChi", 8, "A"),
        ("TieuChi", 9, "A"),
        ("TieuChi", 10, "B"),
        ("TieuChi", 11, "F"),
        ("TieuChi", 12, "I"),
        ("TieuChi", 13, "J"),
        ("TieuChi", 14, "L"),
    }
    assert len(exc.problems) == 16
    assert all(p.location.file == "loi.xlsx" for p in exc.problems)
    assert message_at(exc, "TieuChi", 4, "C") == (
        "Ô là công thức “=1+1”: hãy nhập giá trị, không nhập công thức."
    )
    assert message_at(exc, "ThongTin", None, "B") == "Thiếu khóa “name”."
    assert message_at(exc, "ThongTin", 5, "B").startswith("Khóa “colour” không có")
    assert message_at(exc, "TieuChi", 8, "A") == (
        "Mã “1.1” bị trùng (đã có ở loi.xlsx, trang tính 'TieuChi', dòng 3)."
    )
    assert message_at(exc, "TieuChi", 9, "A") == "Mã “3.1” không có mục cha “3”."
    assert message_at(exc, "TieuChi", 7, "F").startswith("Cách chấm: sau “mức” cần dấu “:”.")
    assert "loi.xlsx" in exc.describe()
    assert "loi.xlsx" in exc.describe("en")


def test_missing_sheets_are_named(build_xlsx: BuildXlsx, tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "thieu.xlsx", {"Khac": [["x"]]})
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(path)
    assert located(caught.value) == {("ThongTin", None, None), ("TieuChi", None, None)}
    assert "thieu.xlsx" in caught.value.describe()


def test_missing_header_rows_are_reported(build_xlsx: BuildXlsx, tmp_path: Path) -> None:
    sheets = ca_mau_sheets()
    sheets["TieuChi"] = sheets["TieuChi"][1:]  # data on row 1, no titles
    sheets["XepLoai"] = sheets["XepLoai"][1:]
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(build_xlsx(tmp_path / "tieude.xlsx", sheets))
    assert located(caught.value) == {
        ("TieuChi", 1, "A"),
        ("TieuChi", 1, "B"),
        ("TieuChi", 1, "C"),
        ("TieuChi", 1, "D"),
        ("TieuChi", 1, "E"),
        ("TieuChi", 1, None),  # the required columns are absent
        ("XepLoai", 1, "A"),
        ("XepLoai", 1, "B"),
    }
    assert message_at(caught.value, "XepLoai", 1, "A") == (
        "Thiếu dòng tiêu đề: ô này phải là “Xếp loại”."
    )


def test_formula_in_a_score_cell_is_refused(build_xlsx: BuildXlsx, tmp_path: Path) -> None:
    sheets = ca_mau_sheets()
    sheets["TieuChi"][4][2] = "=0+1"
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(build_xlsx(tmp_path / "congthuc.xlsx", sheets))
    assert located(caught.value) == {("TieuChi", 5, "C")}
    assert "congthuc.xlsx" in caught.value.describe()


def test_structural_errors_name_the_column(build_xlsx: BuildXlsx, tmp_path: Path) -> None:
    sheets = ca_mau_sheets()
    sheets["TieuChi"][1][2] = 8  # area 1: 8 is not 5 + 2
    with pytest.raises(ImportFormatError) as caught:
        read_workbook(build_xlsx(tmp_path / "tong.xlsx", sheets))
    assert located(caught.value) == {("TieuChi", 2, "C")}
    assert "khác tổng điểm tối đa của các mục con 7" in caught.value.problems[0].message.vi
