"""Many units, one action: every self-assessment form of a folder imported, each matched to its
unit by the form's own identity (not its file name), each all-or-nothing, a report per file; one
bad file does not block the others; the CLI prints one line per file."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.cli import app
from parapp.core.criteria_codec import from_dict
from parapp.services import rounds, workbooks
from parapp.services.context import RoundContext, open_round
from parapp.services.self_assessment import import_self_forms_folder, load_self_assessment


def fill(path: Path, values: dict[str, Any]) -> Path:
    workbook = load_workbook(path)
    for ref, value in values.items():
        workbook["TuDanhGia"][ref] = value
    workbook.save(path)
    return path


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(sample_criteria_data), "Thử")
    rounds.add_units(context, [("A", "Sở Nội vụ", "so"), ("B", "Sở Tư pháp", "so")])
    rounds.add_units(context, [("X", "UBND xã Tân Phú", "xa")])
    yield context
    context.close()


@pytest.fixture
def folder(ctx: RoundContext, tmp_path: Path) -> Path:
    """A's form named like B's, B's form with a cell error, a text file posing as a form, X's
    form with its evidence in a sub-folder named like the form."""
    out = tmp_path / "phieu"
    out.mkdir()
    a = workbooks.export_self_form(ctx, "A", tmp_path / "a.xlsx")
    fill(a, {"G11": 1, "I11": "KH-12.pdf, tr. 3", "G15": 1.5})
    shutil.copy(a, out / "Phieu-So-Tu-phap.xlsx")  # the file name lies; the form does not
    b = workbooks.export_self_form(ctx, "B", out / "B.xlsx")
    fill(b, {"G11": "nhiều"})  # not a number: B is refused whole
    (out / "ghi-chu.xlsx").write_bytes(b"not a workbook")
    x = workbooks.export_self_form(ctx, "X", out / "xa-tan-phu.xlsx")
    fill(x, {"G11": 1, "I11": "QD-7.pdf"})
    (out / "xa-tan-phu").mkdir()
    (out / "xa-tan-phu" / "QD-7.pdf").write_bytes(b"%PDF-1.4 quyet dinh")
    (out / "~$B.xlsx").write_bytes(b"Excel's lock file")
    return out


def test_each_form_is_matched_by_its_identity_and_one_bad_file_blocks_nothing(
    ctx: RoundContext, folder: Path
) -> None:
    reports = {r.file_name: r for r in import_self_forms_folder(ctx, folder)}
    assert sorted(reports) == ["B.xlsx", "Phieu-So-Tu-phap.xlsx", "ghi-chu.xlsx", "xa-tan-phu.xlsx"]
    lying = reports["Phieu-So-Tu-phap.xlsx"]
    assert lying.ok
    assert lying.unit_id == "A"
    assert lying.report is not None
    assert lying.report.changed
    assert reports["xa-tan-phu.xlsx"].ok
    assert reports["xa-tan-phu.xlsx"].unit_id == "X"
    assert reports["xa-tan-phu.xlsx"].report is not None
    assert reports["xa-tan-phu.xlsx"].report.evidence_stored == 1
    assert not reports["B.xlsx"].ok
    assert reports["B.xlsx"].unit_id == "B"
    assert not reports["ghi-chu.xlsx"].ok
    assert reports["ghi-chu.xlsx"].unit_id is None
    assert load_self_assessment(ctx, "A")
    assert load_self_assessment(ctx, "X")
    assert load_self_assessment(ctx, "B") == {}  # all-or-nothing: nothing of B stored
    again = import_self_forms_folder(ctx, folder)
    assert [r.report.changed for r in again if r.report is not None] == [False, False]


def test_two_forms_of_one_unit_are_both_refused(ctx: RoundContext, folder: Path) -> None:
    shutil.copy(folder / "Phieu-So-Tu-phap.xlsx", folder / "A-ban-2.xlsx")
    reports = {r.file_name: r for r in import_self_forms_folder(ctx, folder)}
    for name in ("A-ban-2.xlsx", "Phieu-So-Tu-phap.xlsx"):
        error = reports[name].error
        assert error is not None
        assert "nhiều phiếu" in error.msg.vi
    assert load_self_assessment(ctx, "A") == {}


def test_cli_self_import_folder_reports_per_file_and_exits_1_on_a_refusal(
    ctx: RoundContext, folder: Path
) -> None:
    path = ctx.path
    ctx.close()
    out, err = io.StringIO(), io.StringIO()
    args = app.parse_args(["round", "self-import", str(path), "--folder", str(folder)])
    assert app.run(args, out, err) == 1, err.getvalue()
    text = out.getvalue()
    assert "[ĐÃ NHẬP] Phieu-So-Tu-phap.xlsx → A" in text
    assert "[ĐÃ NHẬP] xa-tan-phu.xlsx → X" in text
    assert "[TỪ CHỐI] B.xlsx (đơn vị B)" in text
    assert "[TỪ CHỐI] ghi-chu.xlsx (đơn vị ?)" in text
    assert "Đã xử lý 4 tệp: 2 nhập được, 2 bị từ chối." in text
    with open_round(path) as reopened:
        assert load_self_assessment(reopened, "A")
    out = io.StringIO()
    args = app.parse_args(
        ["--lang", "en", "round", "self-import", str(path), "--folder", str(folder), "--unit", "A"]
    )
    assert app.run(args, out, err) == 1
    assert "not both" in err.getvalue()
