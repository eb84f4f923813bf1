"""A secretary's year on the command line: set up, self-assessments, results, packages."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from parapp.cli import app as cli
from parapp.services import rounds, self_assessment
from parapp.services.context import open_round


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def leaf_rows(form: Path) -> dict[str, int]:
    """Row number of every self-assessable leaf in a self-assessment form."""
    wb = openpyxl.load_workbook(form)
    ws = wb["TuDanhGia"]
    rows = {}
    for row in ws.iter_rows(min_row=9):
        code = row[0].value
        if code and row[6].protection.locked is False:
            rows[str(code)] = row[0].row
    return rows


@pytest.fixture
def year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    r = tmp_path / "2026-so.parround"
    assert (
        run(
            ["round", "create", str(r), "--criteria", "PAR-SO-2026", "--name", "Thẩm định"], capsys
        )[0]
        == 0
    )
    template = tmp_path / "donvi.xlsx"
    assert run(["round", "units-template", str(r), "-o", str(template)], capsys)[0] == 0
    wb = openpyxl.load_workbook(template)
    ws = wb["DonVi"]
    ws.append(["STP", "Sở Tư pháp", "so"])
    ws.append(["TTT", "Thanh tra tỉnh", "so-khong-tthc"])
    wb.save(template)
    code, out, _ = run(["round", "import-units", str(r), str(template)], capsys)
    assert (code, out) == (0, "Đã thêm 2 đơn vị.\n")
    assert (
        run(["round", "add-member", str(r), "--id", "m1", "--name", "Nguyễn Văn A"], capsys)[0] == 0
    )
    return r


def fill_form(form: Path, scores: dict[str, object], evidence: dict[str, str]) -> None:
    rows = leaf_rows(form)
    wb = openpyxl.load_workbook(form)
    ws = wb["TuDanhGia"]
    for code, value in scores.items():
        ws.cell(rows[code], 7).value = value
    for code, text in evidence.items():
        ws.cell(rows[code], 9).value = text
    wb.save(form)


def test_self_assessment_import_is_idempotent_and_defects_change_nothing(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "STP.xlsx"
    assert run(["round", "self-form", str(year), "--unit", "STP", "-o", str(form)], capsys)[0] == 0
    docs = tmp_path / "tlkc"
    docs.mkdir()
    (docs / "KH-01.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    fill_form(
        form,
        {"1.1.1": "0,5", "1.1.2": 1, "1.2.1": 3},
        {"1.1.1": "KH-01.pdf, tr. 2", "1.1.2": "BC-09.pdf"},
    )
    code, out, _ = run(
        ["round", "self-import", str(year), "--unit", "STP", str(form), "--evidence", str(docs)],
        capsys,
    )
    assert code == 0
    assert "Đã nhập 3 mục tự chấm của STP; lưu 1 tệp kiểm chứng mới." in out
    assert "Thiếu tệp kiểm chứng: BC-09.pdf" in out
    assert "1.2.1" in out  # 3 points on a 1-point item: kept and flagged
    before = dump(year)
    code, out, _ = run(
        ["round", "self-import", str(year), "--unit", "STP", str(form), "--evidence", str(docs)],
        capsys,
    )
    assert (code, dump(year)) == (0, before)
    assert "không thay đổi gì" in out

    broken = tmp_path / "STP-loi.xlsx"
    fill_form(form, {"1.1.1": "abc", "1.1.3": "=1+1", "1.1.2": "0,125"}, {})
    form.rename(broken)
    code, out, err = run(
        ["--lang", "en", "round", "self-import", str(year), "--unit", "STP", str(broken)], capsys
    )
    rows = leaf_rows(broken)
    assert (code, out) == (1, "")
    for code_ in ("1.1.1", "1.1.2", "1.1.3"):
        assert f"row {rows[code_]}, column G" in err
    assert dump(year) == before
    with open_round(year) as ctx:
        stored = self_assessment.load_self_assessment(ctx, "STP")
    assert str(stored["1.2.1"].self_score) == "3"


def test_a_form_for_another_unit_is_refused(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "TTT.xlsx"
    run(["round", "self-form", str(year), "--unit", "TTT", "-o", str(form)], capsys)
    before = dump(year)
    code, _, err = run(["round", "self-import", str(year), "--unit", "STP", str(form)], capsys)
    assert code == 1
    assert "TTT.xlsx" in err
    assert dump(year) == before


def test_packages_open_into_a_matching_workspace_and_hostile_ones_are_refused(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["round", "phase", str(year), "round_1"], capsys)[0] == 0
    package = tmp_path / "m1.parpkg"
    code, out, _ = run(["round", "show", str(year)], capsys)
    assert "Thẩm định lần 1" in out
    assert (
        run(["package", "build", str(year), "--member", "m1", "-o", str(package)], capsys)[0] == 0
    )
    code, out, _ = run(
        ["package", "open", str(package), "--workspace", str(tmp_path / "ws")], capsys
    )
    assert code == 0
    with (
        open_round(year) as secretary,
        open_round(tmp_path / "ws" / "PAR-SO-2026_m1.parround") as member,
    ):
        assert rounds.list_units(member) == rounds.list_units(secretary)
        assert member.criteria_set() == secretary.criteria_set()
        assert rounds.round_info(member).id == rounds.round_info(secretary).id

    evil = tmp_path / "evil.parpkg"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../../outside.txt", b"gotcha")
    code, _, err = run(["package", "open", str(evil), "--workspace", str(tmp_path / "ws2")], capsys)
    assert code == 1
    assert "../../outside.txt" in err
    assert not (tmp_path / "outside.txt").exists()
    left = list((tmp_path / "ws2").glob("*")) if (tmp_path / "ws2").exists() else []
    assert left == []
