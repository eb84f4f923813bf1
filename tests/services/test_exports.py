"""Exporting a member's score sheet from a real round: PDF and workbook say what was saved, the
workbook's metadata carries the hash of the member's canonical scores."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.core.errors import ValidationError
from parapp.io.packages.scores_json import canonical_scores_json
from parapp.io.sheets.member_xlsx import META_TITLE
from parapp.services import exports, rounds, scoring
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import year as demo

MEMBER = "UV-ALL"
UNIT = "SCT"
DATE = dt.date(2026, 12, 12)
HOSTILE = '=HYPERLINK("http://example.invalid","xem")'


@dataclass(frozen=True)
class Demo:
    outdir: Path
    ctx: RoundContext


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo's department round with one more member who scores every area of every unit,
    and some of that member's appraisals of Sở Công Thương (built once: it takes seconds)."""
    outdir = tmp_path_factory.mktemp("demo")
    result = demo.build_demo(outdir)
    ctx = open_round(result.rounds[0].path)
    rounds.add_member(ctx, MEMBER, "Đỗ Thị Ngọc Ánh", "Phó Giám đốc Sở Nội vụ")
    rounds.assign(ctx, MEMBER)
    rounds.add_member(ctx, "UV-ONE", "Vũ Văn Nam", "Ủy viên")
    rounds.assign(ctx, "UV-ONE", [UNIT])
    scoring.save_appraisal(ctx, MEMBER, UNIT, "1.1.1", "0,5")
    scoring.save_comment(ctx, MEMBER, UNIT, "1.1.1", HOSTILE)
    scoring.save_appraisal(ctx, MEMBER, UNIT, "1.1.4", "1,75")
    scoring.save_comment(ctx, MEMBER, UNIT, "1.1.4", "Mức độ thực hiện đạt 85 %.")
    scoring.set_not_applicable(ctx, MEMBER, UNIT, "5.1.1", True)
    yield Demo(outdir, ctx)
    ctx.close()


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_export_prints_the_saved_scores(built: Demo, tmp_path: Path) -> None:
    out = tmp_path / "phieu.pdf"
    written = exports.export_member_sheet_pdf(
        built.ctx, MEMBER, UNIT, out, place="Thái Nguyên", date=DATE
    )
    assert written.path == out
    assert out.is_file()
    text = " ".join(pdftotext(out).split())
    for expected in (
        "UBND TỈNH THÁI NGUYÊN",
        "Thái Nguyên, ngày 12 tháng 12 năm 2026",
        "Đơn vị: Sở Công Thương — Thành viên: Đỗ Thị Ngọc Ánh",
        "Mức độ thực hiện đạt 85 %.",
        "=HYPERLINK(",
        "Không áp dụng",
        "Chỉ số cải cách hành chính (%)",
    ):
        assert expected in text, expected
    layout = pdftotext(out, "-layout")
    line = next(x for x in layout.splitlines() if " 1.1.4 " in x)
    assert "1,75" in line
    assert "2,00" in line
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert f"Pages:           {written.pages}" in info.stdout
    assert written.pages > 1
    assert written.signature.page_index == written.pages - 1
    assert [p.name for p in tmp_path.iterdir()] == ["phieu.pdf"]  # no temporary file left


def test_same_export_twice_gives_the_same_pdf_bytes(built: Demo, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        exports.export_member_sheet_pdf(
            built.ctx, MEMBER, UNIT, out, place="Thái Nguyên", date=DATE
        )
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_metadata_holds_the_hash_of_the_canonical_scores(built: Demo, tmp_path: Path) -> None:
    out = tmp_path / "phieu.xlsx"
    written = exports.export_member_sheet_xlsx(
        built.ctx, MEMBER, UNIT, out, place="Thái Nguyên", date=DATE, submission_id="sub-1"
    )
    digest = exports.canonical_scores_sha256(built.ctx, MEMBER, UNIT)
    assert written.scores_sha256 == digest
    meta = load_workbook(out)[META_TITLE]
    values = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
    assert values["scores_sha256"] == digest
    assert values["submission_id"] == "sub-1"
    assert values["member_id"] == MEMBER
    assert values["unit_id"] == UNIT
    assert values["round_id"] == rounds.round_info(built.ctx).id


def test_a_package_can_record_its_own_scores_hash(built: Demo, tmp_path: Path) -> None:
    out = tmp_path / "phieu.xlsx"
    given = "cd" * 32
    written = exports.export_member_sheet_xlsx(
        built.ctx, MEMBER, UNIT, out, place="Thái Nguyên", date=DATE, scores_sha256=given
    )
    assert written.scores_sha256 == given
    meta = load_workbook(out)[META_TITLE]
    values = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
    assert values["scores_sha256"] == given


def test_canonical_scores_are_sorted_decimal_strings_keyed_by_node(built: Demo) -> None:
    scores = exports.member_scores(built.ctx, MEMBER, UNIT)
    raw = canonical_scores_json(scores)
    data = json.loads(raw)
    assert (
        raw == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    )
    leaves = data["units"][UNIT]
    assert leaves["1.1.1"] == {"comment": HOSTILE, "not_applicable": False, "value": "0.5"}
    assert leaves["1.1.4"]["value"] == "1.75"
    assert leaves["5.1.1"]["not_applicable"] is True
    assert not any(code.startswith("8.") for code in leaves)  # survey points are not the member's
    assert data["member_id"] == MEMBER
    assert data["appraisal_round"] == 1


def test_a_changed_score_changes_the_hash(built: Demo) -> None:
    before = exports.canonical_scores_sha256(built.ctx, MEMBER, UNIT)
    scoring.save_appraisal(built.ctx, MEMBER, UNIT, "1.2.1", "1")
    after = exports.canonical_scores_sha256(built.ctx, MEMBER, UNIT)
    assert before != after
    assert exports.canonical_scores_sha256(built.ctx, MEMBER, UNIT) == after


def test_a_unit_not_assigned_to_the_member_is_refused(built: Demo, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError):
        exports.export_member_sheet_pdf(
            built.ctx, "UV-ONE", "STC", out, place="Thái Nguyên", date=DATE
        )
    assert not out.exists()


def test_member_workspace_sheet_covers_the_assigned_areas(built: Demo, tmp_path: Path) -> None:
    with demo.open_first_member_workspace(built.outdir, tmp_path / "ws") as ws:
        member = rounds.round_info(ws).workspace_member_id
        assert member is not None
        unit = rounds.list_units(ws)[0]
        out = tmp_path / "chair.pdf"
        exports.export_member_sheet_pdf(ws, member, unit.id, out, place="Thái Nguyên", date=DATE)
        xlsx = tmp_path / "chair.xlsx"
        exports.export_member_sheet_xlsx(ws, member, unit.id, xlsx, place="Thái Nguyên", date=DATE)
    text = " ".join(pdftotext(out).split())
    assert "Phiếu gồm các lĩnh vực được phân công (mã 1, 9, 10)" in text
    assert "Chỉ số cải cách hành chính" not in text
    assert "Nguyễn Quang Minh" in text
    meta = load_workbook(xlsx)[META_TITLE]
    values = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
    assert values["submission_id"] in ("", None)
