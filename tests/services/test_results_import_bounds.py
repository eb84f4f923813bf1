"""``round results-import`` refuses survey/SIPAS/agency points outside their bounds (issue 11,
section 1): the leaf's [min, max], its step, a SIPAS percentage above 100, non-numbers; every
problem located (file, sheet, row, column) in one run, in both languages; nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.cli import app as cli
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError
from parapp.services import rounds, workbooks
from parapp.services.context import RoundContext
from tests.services.validation_world import SET, UNITS, dump, score_rows

SHEET = "KetQua"
# Rows of the template: A 3.1 (SIPAS %), A 3.2 (agency, step 0.5), B 3.1, B 3.2.
A_SIPAS, A_AGENCY, B_SIPAS, B_AGENCY = 2, 3, 4, 5


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(dict(SET)), "Thử")
    rounds.add_units(context, [(u, name, "so") for u, name in UNITS.items()])
    yield context
    context.close()


def _results(ctx: RoundContext, tmp_path: Path, values: dict[str, Any]) -> Path:
    path = workbooks.export_results_template(ctx, tmp_path / "ket-qua.xlsx")
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    assert [(sheet.cell(r, 1).value, sheet.cell(r, 3).value) for r in range(2, 6)] == [
        ("A", "3.1"),
        ("A", "3.2"),
        ("B", "3.1"),
        ("B", "3.2"),
    ]
    for ref, value in values.items():
        sheet[ref] = value
    workbook.save(path)
    return path


def _problems(exc: ImportFormatError) -> list[tuple[str, int | None, str | None, str]]:
    return [
        (p.location.file, p.location.row, p.location.column, p.message.en) for p in exc.problems
    ]


def test_every_point_outside_its_bounds_is_located_and_nothing_is_stored(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = _results(
        ctx,
        tmp_path,
        {
            f"F{A_SIPAS}": 120,  # SIPAS satisfaction above 100 %
            f"G{A_AGENCY}": 7,  # above the maximum 5
            f"G{B_SIPAS}": -1,  # below the minimum 0
            f"G{B_AGENCY}": 0.3,  # off the step 0.5
        },
    )
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_results(ctx, path)
    assert _problems(caught.value) == [
        ("ket-qua.xlsx", A_SIPAS, "F", "Item 3.1: the figure 120.00% is outside 0 to 100.00%."),
        (
            "ket-qua.xlsx",
            A_AGENCY,
            "G",
            "Unit A – Sở Tư pháp: Item 3.2: score given by another agency 7.00 exceeds the "
            "maximum 5.00.",
        ),
        (
            "ket-qua.xlsx",
            B_SIPAS,
            "G",
            "Unit B – Sở Tài chính: Item 3.1: survey score -1.00 is below the minimum 0.00.",
        ),
        (
            "ket-qua.xlsx",
            B_AGENCY,
            "G",
            "Unit B – Sở Tài chính: Item 3.2: score given by another agency 0.30 is not on the "
            "step 0.50.",
        ),
    ]
    assert all(p.location.sheet == SHEET for p in caught.value.problems)
    assert "vượt điểm tối đa 5,00" in caught.value.problems[1].message.vi
    assert dump(ctx.path) == before


def test_cell_problems_and_bounds_are_reported_in_one_run(
    ctx: RoundContext, tmp_path: Path
) -> None:
    path = _results(ctx, tmp_path, {f"F{A_SIPAS}": "nhiều", f"G{A_AGENCY}": 9})
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        workbooks.import_results(ctx, path)
    assert [(row, column) for _, row, column, _ in _problems(caught.value)] == [
        (A_SIPAS, "F"),
        (A_AGENCY, "G"),
    ]
    assert "9.00 exceeds the maximum 5.00" in caught.value.problems[1].message.en
    assert dump(ctx.path) == before


def test_points_within_bounds_are_stored(ctx: RoundContext, tmp_path: Path) -> None:
    path = _results(ctx, tmp_path, {f"F{A_SIPAS}": 100, f"G{A_AGENCY}": 4.5, f"G{B_SIPAS}": 0})
    report = workbooks.import_results(ctx, path)
    assert (report.rows, report.changed, report.findings) == (3, 3, ())
    assert [row[:4] for row in score_rows(ctx.path)] == [
        ("A", "3.1", "100", "5.00"),
        ("A", "3.2", None, "4.5"),
        ("B", "3.1", None, "0"),
    ]
    assert Decimal("5.00") == Decimal(5)


def test_results_import_command_lists_every_problem_and_exits_1(
    ctx: RoundContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _results(ctx, tmp_path, {f"F{A_SIPAS}": 101, f"G{A_AGENCY}": 7, f"G{B_AGENCY}": "x"})
    before, scores = dump(ctx.path), score_rows(ctx.path)
    args = ["round", "results-import", str(ctx.path), str(path)]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "ket-qua.xlsx, trang tính 'KetQua', dòng 2, cột F" in err
    assert "Mục 3.1: số liệu 101,00% nằm ngoài khoảng 0 đến 100,00%." in err
    assert "dòng 3, cột G" in err
    assert "vượt điểm tối đa 5,00" in err
    assert "dòng 5, cột G" in err
    assert cli.main(["--lang", "en", *args]) == 1
    err = capsys.readouterr().err
    assert "ket-qua.xlsx, sheet 'KetQua', row 3, column G" in err
    assert "Unit A – Sở Tư pháp: Item 3.2: score given by another agency 7.00 exceeds" in err
    assert "row 5, column G" in err
    assert dump(ctx.path) == before
    assert score_rows(ctx.path) == scores
