"""``parapp round settings --groups/--bands`` on a real round of the merged-province set, the
units workbook with its group column, and the results per group with the chosen bands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from parapp.cli import app as cli
from parapp.core.bands import PRESETS
from parapp.io.workbooks.bands import write_bands_workbook
from parapp.services import criteria_sets, ranking_settings, rounds
from parapp.services.context import open_round
from parapp.services.demo.merged_province import write_units_workbook

FORM = "PAR-TINH-HOPNHAT-2026"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def round_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A round of the merged-province set with its 145 units from ONE units workbook."""
    path = tmp_path / "r.parround"
    assert run(["round", "create", str(path), "--criteria", FORM, "--name", "Thử"], capsys)[0] == 0
    units = write_units_workbook(tmp_path / "don-vi.xlsx", criteria_sets.find_bundled(FORM))
    code, _out, err = run(["round", "import-units", str(path), str(units)], capsys)
    assert (code, err) == (0, "")
    return path


def unit_lines(out: str) -> list[list[str]]:
    lines = out.split("Units (")[1].splitlines()[1:]
    return [line.strip().split("\t") for line in lines if line.startswith("    ")]


def test_units_from_one_workbook_fall_into_the_sets_four_groups(
    round_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["--lang", "en", "round", "show", str(round_path)], capsys)
    assert code == 0
    assert "Units (145):" in out
    rows = unit_lines(out)
    assert rows[0][:4] == ["S01", "Sở Tư pháp", "so", "so-ban-nganh"]
    groups = {row[3] for row in rows}
    assert groups == {"so-ban-nganh", "nganh-doc", "phuong", "xa-dac-khu"}
    assert sum(1 for row in rows if row[3] == "xa-dac-khu") == 76


def test_regrouping_moves_units_keeps_types_and_is_audited(
    round_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["round", "settings", str(round_path), "--groups",
         "so-ban-nganh=so,so-khong-tthc,nganh-doc; xa-phuong:Xã, phường và đặc khu=xa,phuong,"
         "dac-khu", "--bands", "hue"],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "  xa-phuong\tXã, phường và đặc khu\tdac-khu, phuong, xa\t120 đơn vị\n" in out
    assert "  so-ban-nganh\tSở, ban, ngành\tnganh-doc, so, so-khong-tthc\t25 đơn vị\n" in out
    assert "Xếp loại: Xếp loại năm mức (như Thừa Thiên Huế) — Xuất sắc: ≥ 90 %;" in out
    rows = unit_lines(run(["--lang", "en", "round", "show", str(round_path)], capsys)[1])
    agency = next(row for row in rows if row[0] == "ND-THUE")
    assert agency[2:4] == ["nganh-doc", "so-ban-nganh"]
    with open_round(round_path) as ctx:
        assert [g.code for g in ranking_settings.ranking_groups(ctx)] == [
            "so-ban-nganh",
            "xa-phuong",
        ]
        assert ranking_settings.band_set(ctx).code == "hue"
    audit = [line for line in dump(round_path) if "round_settings" in line]
    assert any("ranking_groups" in line for line in audit)
    assert any("class_bands" in line for line in audit)
    # A unit added later joins the round's group of its type.
    with open_round(round_path) as ctx:
        added = rounds.add_unit(ctx, "DK9", "Đặc khu Mới", "dac-khu")
    assert added.ranking_group == "xa-phuong"
    # Back to the set's groups.
    assert run(["round", "settings", str(round_path), "--groups", "mac-dinh"], capsys)[0] == 0
    rows = unit_lines(run(["--lang", "en", "round", "show", str(round_path)], capsys)[1])
    assert next(row for row in rows if row[0] == "DK9")[3] == "xa-dac-khu"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--groups", "so=so,so-khong-tthc; nd=nganh-doc; xa=xa,huyen"],
         "unit type “huyen” is not in the criteria set PAR-TINH-HOPNHAT-2026"),
        (["--groups", "so=so,so-khong-tthc,nganh-doc; xa=xa,phuong,dac-khu,so"],
         "unit type “so” is already in group “so”; a type belongs to one group only."),
        (["--groups", "so=so,so-khong-tthc,nganh-doc; xa=xa,dac-khu"],
         "Unit type “phuong” (44 unit(s) in the round) is in no ranking group."),
        (["--bands", "Tốt=80-100; Khá=70-85; Yếu=0-70"],
         "--bands, row 2: Band “Khá” overlaps the band above"),
        (["--bands", "Khá=70; Tốt=80; Yếu=0"],
         "--bands, row 2: Bands must be listed from the top down"),
        (["--bands", "Tốt=80; Khá=60-70; Yếu=0"],
         "--bands, row 2: Band “Khá” leaves a gap below the band above"),
        (["--bands", "Tốt=80; tốt=70; Yếu=0"], "--bands, row 2: Band “tốt” is repeated"),
        (["--bands", "nhom-abc"], "There is no band set “nhom-abc”"),
        (["--bands", "hue", "--below-c", "Nhóm D"], "--below-c goes with --bands nhom-quoc-gia"),
        # The groups are fine but the bands are not: nothing at all is stored.
        (["--groups", "all=so,so-khong-tthc,nganh-doc,xa,phuong,dac-khu", "--bands", "A=50"],
         "The lowest band must start at 0 %"),
    ],
)  # fmt: skip
def test_bad_groups_and_bands_are_refused_and_nothing_changes(
    round_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: str
) -> None:
    before = dump(round_path)
    code, out, err = run(["--lang", "en", "round", "settings", str(round_path), *options], capsys)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err
    assert out == ""
    assert dump(round_path) == before


def test_bands_from_a_workbook_refused_at_their_cell(
    round_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "xep-loai.xlsx"
    write_bands_workbook(path, PRESETS["hue"])
    assert run(["round", "settings", str(round_path), "--bands-file", str(path)], capsys)[0] == 0
    workbook = openpyxl.load_workbook(path)
    workbook["XepLoai"]["C3"] = 95  # Tốt up to 95 overlaps Xuất sắc from 90
    workbook.save(path)
    before = dump(round_path)
    code, _, err = run(
        ["--lang", "en", "round", "settings", str(round_path), "--bands-file", str(path)], capsys
    )
    assert code == 1
    assert "xep-loai.xlsx, sheet 'XepLoai', row 3, column C: Band “Tốt” overlaps" in err
    assert dump(round_path) == before


def test_a_units_workbook_with_an_unknown_group_is_refused_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.parround"
    assert run(["round", "create", str(path), "--criteria", FORM, "--name", "Thử"], capsys)[0] == 0
    units = write_units_workbook(tmp_path / "don-vi.xlsx", criteria_sets.find_bundled(FORM))
    workbook = openpyxl.load_workbook(units)
    workbook["DonVi"]["D30"] = "Khối huyện"
    workbook["DonVi"]["A31"] = "S01"
    workbook.save(units)
    before = dump(path)
    code, _, err = run(["--lang", "en", "round", "import-units", str(path), str(units)], capsys)
    assert code == 1
    assert "don-vi.xlsx, sheet 'DonVi', row 30, column D: Ranking group “Khối huyện”" in err
    assert "row 31, column A: Unit id “S01” is repeated (already on row 2)." in err
    assert dump(path) == before
