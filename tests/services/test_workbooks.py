"""The round's workbooks as user actions: all-or-nothing imports that leave a refused round
byte-for-byte unchanged, idempotent re-imports, findings and missing evidence reported."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError
from parapp.core.findings import FindingCode
from parapp.core.rounds import EvidenceRef, Phase, SelfAssessment, Unit
from parapp.services import rounds, scoring, workbooks
from parapp.services.context import RoundContext
from parapp.services.self_assessment import load_self_assessment

Cells = set[tuple[str | None, int | None, str | None]]


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def fill(path: Path, values: dict[str, Any], sheet: str = "TuDanhGia") -> Path:
    workbook = load_workbook(path)
    for ref, value in values.items():
        workbook[sheet][ref] = value
    workbook.save(path)
    return path


def located(exc: ImportFormatError) -> Cells:
    return {(p.location.sheet, p.location.row, p.location.column) for p in exc.problems}


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(sample_criteria_data), "Thử")
    rounds.add_units(context, [("A", "Sở Nội vụ", "so"), ("B", "Sở Tư pháp", "so")])
    rounds.add_units(context, [("X", "UBND xã Tân Phú", "xa")])
    yield context
    context.close()


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    folder = tmp_path / "tlkc"
    folder.mkdir()
    (folder / "KH-12.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    return folder


@pytest.fixture
def filled(ctx: RoundContext, tmp_path: Path) -> Path:
    """Unit A's form with a plan (1.1.1), a figure (1.1.2) and an above-maximum score (2.1)."""
    path = workbooks.export_self_form(ctx, "A", tmp_path / "phieu-A.xlsx")
    return fill(
        path,
        {
            "G11": 1,
            "I11": "KH-12.pdf, tr. 3; BC-01.pdf",
            "F12": 92,
            "G12": 1,
            "I12": "KH-12.pdf, tr. 4",
            "G15": 2.5,  # maximum 2: kept and reported, never clamped
            "I15": "KH-12.pdf, trang 5",
        },
    )


# --- self-assessment form ---------------------------------------------------------------------


def test_filled_form_is_stored_with_findings_and_missing_evidence(
    ctx: RoundContext, filled: Path, evidence: Path
) -> None:
    report = workbooks.import_self_form(ctx, "A", filled, evidence)
    assert (report.changed, report.entries, report.evidence_stored) == (True, 3, 1)
    assert report.missing_evidence == ("BC-01.pdf",)
    assert [(f.code, f.node) for f in report.findings] == [(FindingCode.ABOVE_MAX, "2.1")]
    stored = load_self_assessment(ctx, "A")
    assert stored["2.1"].self_score == Decimal("2.5")
    assert stored["1.1.2"].figure == Decimal(92)
    [plan, missing] = stored["1.1.1"].evidence
    assert (plan.file_name, plan.page, plan.sha256 is not None) == ("KH-12.pdf", 3, True)
    assert missing == EvidenceRef("BC-01.pdf", None, None)


def test_same_form_twice_changes_nothing(ctx: RoundContext, filled: Path, evidence: Path) -> None:
    workbooks.import_self_form(ctx, "A", filled, evidence)
    before = dump(ctx.path)
    report = workbooks.import_self_form(ctx, "A", filled, evidence)
    assert not report.changed
    assert dump(ctx.path) == before


def test_exported_form_carries_the_stored_self_assessment(
    ctx: RoundContext, filled: Path, evidence: Path, tmp_path: Path
) -> None:
    workbooks.import_self_form(ctx, "A", filled, evidence)
    again = workbooks.export_self_form(ctx, "A", tmp_path / "lai.xlsx")
    before = dump(ctx.path)
    assert not workbooks.import_self_form(ctx, "A", again, evidence).changed
    assert dump(ctx.path) == before


def test_defective_form_is_refused_and_the_round_is_unchanged(
    ctx: RoundContext, filled: Path, evidence: Path
) -> None:
    workbooks.import_self_form(ctx, "A", filled, evidence)
    before = dump(ctx.path)
    stored = sorted(p.name for p in ctx.evidence.root.iterdir())
    fill(
        filled,
        {
            "G9": 3,  # area row
            "C11": 2,  # maximum edited
            "G11": "=1",  # formula
            "I11": "KH-12.pdf, tr. ba",  # page not a number
            "F12": -1,  # negative figure
            "F13": 4,  # no figure for this item
            "G13": "đạt",  # text score
            "G15": 1.005,  # three decimals
            "G16": 2,  # survey item
            "A20": "4.7",  # code edited
            "B26": "thêm",  # added row
        },
    )
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_self_form(ctx, "A", filled, evidence)
    assert located(caught.value) == {
        ("TuDanhGia", 9, "G"),
        ("TuDanhGia", 11, "C"),
        ("TuDanhGia", 11, "G"),
        ("TuDanhGia", 11, "I"),
        ("TuDanhGia", 12, "F"),
        ("TuDanhGia", 13, "F"),
        ("TuDanhGia", 13, "G"),
        ("TuDanhGia", 15, "G"),
        ("TuDanhGia", 16, "G"),
        ("TuDanhGia", 20, "A"),
        ("TuDanhGia", 26, "A"),
    }
    assert dump(ctx.path) == before
    assert sorted(p.name for p in ctx.evidence.root.iterdir()) == stored


def test_form_of_another_unit_is_refused(ctx: RoundContext, filled: Path, evidence: Path) -> None:
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_self_form(ctx, "B", filled, evidence)
    assert located(caught.value) == {("_meta", 6, "B")}
    assert dump(ctx.path) == before


def test_form_of_another_round_is_refused(
    ctx: RoundContext, tmp_path: Path, sample_criteria_data: dict[str, Any], evidence: Path
) -> None:
    with rounds.create_round(
        tmp_path / "r2.parround", from_dict(sample_criteria_data), "Đợt khác"
    ) as other:
        rounds.add_units(other, [("A", "Sở Nội vụ", "so")])
        foreign = workbooks.export_self_form(other, "A", tmp_path / "khac.xlsx")
    fill(foreign, {"G11": 1})
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_self_form(ctx, "A", foreign, evidence)
    assert located(caught.value) == {("_meta", 5, "B")}
    assert dump(ctx.path) == before


def test_form_with_edited_structure_is_refused(
    ctx: RoundContext, filled: Path, evidence: Path
) -> None:
    workbook = load_workbook(filled)
    workbook["TuDanhGia"].delete_rows(13)
    workbook.save(filled)
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_self_form(ctx, "A", filled, evidence)
    assert located(caught.value) == {("TuDanhGia", 13, "A")}
    assert caught.value.problems[0].message.en.startswith("The row of item 1.2 ")
    assert dump(ctx.path) == before


# --- results ----------------------------------------------------------------------------------


def test_sipas_percent_becomes_points_through_the_sets_rule(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = workbooks.export_results_template(ctx, tmp_path / "ket-qua.xlsx")
    sheet = load_workbook(path)["KetQua"]
    keys = {(r[0].value, r[2].value): r[0].row for r in sheet.iter_rows(min_row=2)}
    assert set(keys) == {("A", "2.2"), ("A", "3.1"), ("B", "2.2"), ("B", "3.1"), ("X", "2.2")}
    fill(
        path,
        {f"F{keys['A', '2.2']}": 88.3, f"G{keys['A', '3.1']}": 1.5, f"F{keys['X', '2.2']}": 95},
        sheet="KetQua",
    )
    report = workbooks.import_results(ctx, path)
    assert (report.rows, report.changed, report.findings) == (3, 3, ())
    rounds.add_member(ctx, "m1", "Nguyễn Văn A", "Ủy viên")
    rounds.advance_phase(ctx, Phase.ROUND_1)
    assert scoring.load_sheet(ctx, "m1", "A").entries["2.2"].appraised == Decimal("1.77")
    assert scoring.load_sheet(ctx, "m1", "X").entries["2.2"].appraised == Decimal("1.9")
    before = dump(ctx.path)
    assert workbooks.import_results(ctx, path).changed == 0
    assert dump(ctx.path) == before


def test_results_for_unknown_units_or_council_items_are_located(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = workbooks.export_results_template(ctx, tmp_path / "ket-qua.xlsx")
    fill(
        path, {"F2": 90, "A7": "Z", "C7": "2.2", "G7": 1, "A8": "A", "C8": "1.2", "G8": 1}, "KetQua"
    )
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_results(ctx, path)
    assert located(caught.value) == {("KetQua", 7, None), ("KetQua", 8, None)}
    assert dump(ctx.path) == before


# --- units ------------------------------------------------------------------------------------


def test_units_are_added_all_or_nothing(ctx: RoundContext, tmp_path: Path) -> None:
    path = workbooks.export_units_template(ctx, tmp_path / "don-vi.xlsx")
    workbook = load_workbook(path)
    for row in (
        ["SYT", "Sở Y tế", "so"],
        ["xa-an-binh", "UBND xã An Bình", "UBND xã, phường"],
        ["A", "Sở Nội vụ", "so"],  # already in the round, identical: skipped
    ):
        workbook["DonVi"].append(row)
    workbook.save(path)
    added = workbooks.import_units(ctx, path)
    assert added == [
        Unit("SYT", "Sở Y tế", "so", "g1", 4),
        Unit("xa-an-binh", "UBND xã An Bình", "xa", "g2", 5),
    ]
    before = dump(ctx.path)
    assert workbooks.import_units(ctx, path) == []
    assert dump(ctx.path) == before


def test_units_with_problems_are_located_and_nothing_is_added(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = workbooks.export_units_template(ctx, tmp_path / "don-vi.xlsx")
    workbook = load_workbook(path)
    for row in (
        ["SYT", "Sở Y tế", "so"],
        ["B", "Sở Tư pháp tỉnh", "so"],  # existing id with another name
        ["SGD", "Sở Giáo dục", "huyện"],  # unknown type
    ):
        workbook["DonVi"].append(row)
    workbook.save(path)
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_units(ctx, path)
    assert located(caught.value) == {("DonVi", 4, "C")}
    fill(path, {"A4": "SGD2", "C4": "so"}, sheet="DonVi")
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_units(ctx, path)
    assert located(caught.value) == {("DonVi", 3, "A")}
    assert "already exists in the round" in caught.value.problems[0].message.en
    assert dump(ctx.path) == before
    assert [u.id for u in rounds.list_units(ctx)] == ["A", "B", "X"]


def test_self_form_of_unit_listed_by_workbook_round_trips(
    ctx: RoundContext, tmp_path: Path, evidence: Path
) -> None:
    path = workbooks.export_self_form(ctx, "X", tmp_path / "phieu-X.xlsx")
    fill(path, {"G15": 1, "H15": "Đã niêm yết", "I15": "KH-12.pdf"})
    report = workbooks.import_self_form(ctx, "X", path, evidence)
    assert (report.entries, report.missing_evidence, report.findings) == (1, (), ())
    assert load_self_assessment(ctx, "X")["2.1"] == SelfAssessment(
        "2.1",
        None,
        Decimal(1),
        "Đã niêm yết",
        (EvidenceRef("KH-12.pdf", None, load_self_assessment(ctx, "X")["2.1"].evidence[0].sha256),),
    )
