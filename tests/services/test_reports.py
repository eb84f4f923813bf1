"""Exporting the council's results from a real round: the merge's results, the round's signers,
self-scores, the secretary's decisions as notes and in the audit sheet, last year's comparison."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import Location, ValidationError
from parapp.core.rounds import MemberRole, SelfAssessment
from parapp.io.sheets import council_xlsx as rx
from parapp.services import reports, rounds
from parapp.services import results as merged_results
from parapp.services.components import ComponentInput, store_components
from parapp.services.context import RoundContext
from parapp.services.self_assessment import store_self_assessment

HOSTILE = "=cmd|' /C calc'!A0"
DATE = dt.date(2027, 1, 8)
SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-KQ",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử kết quả",
    "unit_types": [{"code": "so", "label": "Sở"}, {"code": "huyen", "label": "Huyện"}],
    "ranking_groups": [
        {"code": "g-so", "label": "Khối sở", "unit_types": ["so"]},
        {"code": "g-huyen", "label": "Khối huyện", "unit_types": ["huyen"]},
    ],
    "classes": [
        {"label": "Tốt", "lower": "80"},
        {"label": "Khá", "lower": "50"},
        {"label": "Yếu", "lower": "0"},
    ],
    "nodes": [
        {"code": "1", "name": "Công tác chỉ đạo, điều hành", "maximum": "6"},
        {"code": "1.1", "name": "Kế hoạch cải cách hành chính", "maximum": "3"},
        {"code": "1.2", "name": "Báo cáo cải cách hành chính", "maximum": "3"},
        {"code": "2", "name": "Điều tra xã hội học", "maximum": "4"},
        {"code": "2.1", "name": "Mức độ hài lòng", "maximum": "4", "assessor": "survey"},
        {"code": "3", "name": "Điểm thưởng", "maximum": "1", "role": "bonus", "aggregation": "cap"},
        {"code": "3.1", "name": "Sáng kiến", "maximum": "1", "role": "bonus"},
    ],
}
SCORES = {
    # unit: (1.1, 1.2, survey 2.1, bonus 3.1)
    "SA": ("3", "2,5", "3.5", "1"),
    "SB": ("2", "2", "3", "0"),
    "HX": ("1,5", "1", "2", "0"),
}


def clock() -> dt.datetime:
    return dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)


def criteria_set() -> CriteriaSet:
    return from_dict(SET)


def build_round(path: Path, scores: dict[str, tuple[str, str, str, str]]) -> RoundContext:
    ctx = rounds.create_round(path, criteria_set(), path.stem, clock=clock, actor="Thư ký")
    rounds.add_unit(ctx, "SA", "Sở A", "so")
    rounds.add_unit(ctx, "SB", "Sở B", "so")
    rounds.add_unit(ctx, "HX", "Huyện X", "huyen")
    rounds.add_member(ctx, "CT", "Trịnh Việt Hùng", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR)
    rounds.add_member(ctx, "UV", "Lê Văn Thành", "Giám đốc Sở Tư pháp")
    rounds.add_member(ctx, "TK", "Nguyễn Thị Thu Hà", "Trưởng phòng", MemberRole.SECRETARY)
    for unit_id in scores:
        store_self_assessment(
            ctx,
            unit_id,
            {
                "1.1": SelfAssessment("1.1", self_score=Decimal(3)),
                "1.2": SelfAssessment("1.2", self_score=Decimal(3)),
            },
            None,
            source="tu-danh-gia.xlsx",
            source_sha256="0" * 64,
        )
    store_components(
        ctx,
        [
            ComponentInput(unit_id, "2.1", None, Decimal(values[2]), Location(file="kq.xlsx"))
            for unit_id, values in scores.items()
        ],
        source="kq.xlsx",
        source_sha256="1" * 64,
    )
    for unit_id, (first, second, _survey, bonus) in scores.items():
        merged_results.resolve(ctx, unit_id, "1.1", first, "Theo biên bản họp Hội đồng.")
        reason = HOSTILE if unit_id == "SB" else "Thiếu báo cáo quý III."
        merged_results.resolve(ctx, unit_id, "1.2", second, reason)
        merged_results.resolve(ctx, unit_id, "3.1", bonus, "Có sáng kiến được công nhận.")
    return ctx


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def ctx(folder: Path) -> Iterator[RoundContext]:
    context = build_round(folder / "2026.parround", SCORES)
    yield context
    context.close()


@pytest.fixture(scope="module")
def previous(folder: Path) -> Path:
    before = dict(SCORES)
    before["SA"] = ("2", "2,5", "3.5", "1")  # a point less in area 1 last year
    path = folder / "2025.parround"
    build_round(path, before).close()
    return path


@pytest.fixture(scope="module")
def exported(ctx: RoundContext, folder: Path, previous: Path) -> reports.ReportFiles:
    return reports.export_results(
        ctx,
        xlsx=folder / "ket-qua.xlsx",
        pdf=folder / "ket-qua.pdf",
        previous=previous,
        place="Thái Nguyên",
        date=DATE,
    )


def test_export_writes_both_files_from_the_merged_results(
    exported: reports.ReportFiles, folder: Path
) -> None:
    assert exported.xlsx == folder / "ket-qua.xlsx"
    assert exported.pdf == folder / "ket-qua.pdf"
    assert exported.units == 3
    assert exported.incomplete == ()
    assert exported.pdf_pages >= 4  # summary and one appendix per unit
    assert exported.secretary_box is not None
    assert exported.chair_box is not None


def test_workbook_ranks_units_within_their_groups(exported: reports.ReportFiles) -> None:
    assert exported.xlsx is not None
    book = load_workbook(exported.xlsx)
    assert book.sheetnames[:2] == ["BXH Khối sở", "BXH Khối huyện"]
    ws = book["BXH Khối sở"]
    first, second = (
        [ws.cell(row=r, column=c).value for c in range(1, 10)]
        for r in (rx.RANKING_HEADER_ROW + 1, rx.RANKING_HEADER_ROW + 2)
    )
    # SA: (3 + 2,5 + 3,5 + 1) / 10 = 100 %; SB: 7 / 10 = 70 %.
    assert first[1] == "Sở A"
    assert Decimal(str(first[6])) == Decimal(100)
    assert first[7:] == ["Tốt", 1]
    assert second[1] == "Sở B"
    assert Decimal(str(second[6])) == Decimal(70)
    assert second[7:] == ["Khá", 2]
    titles = [c.value for c in ws[rx.RANKING_HEADER_ROW]]
    change = titles.index("Lĩnh vực 1: tăng/giảm so với năm trước") + 1
    assert Decimal(str(ws.cell(row=rx.RANKING_HEADER_ROW + 1, column=change).value)) == 1


def test_unit_sheet_shows_self_scores_and_the_secretarys_reasons(
    exported: reports.ReportFiles,
) -> None:
    assert exported.xlsx is not None
    ws = load_workbook(exported.xlsx)["SB Sở B"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=2).value == "1.2")
    values = [ws.cell(row=row, column=c).value for c in range(4, 11)]
    assert [Decimal(str(v)) for v in (values[0], values[1], values[2], values[5])] == [
        Decimal(3),
        Decimal(3),
        Decimal(2),
        Decimal(2),
    ]
    assert values[3] is None  # no round 2
    assert values[4] is None
    assert values[6] == HOSTILE
    assert ws.cell(row=row, column=rx.NOTE_COL).data_type == "s"


def test_audit_sheet_lists_the_decisions_as_text(exported: reports.ReportFiles) -> None:
    assert exported.xlsx is not None
    ws = load_workbook(exported.xlsx)[rx.AUDIT_TITLE]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    resolved = [r for r in rows if "quyết định điểm của Hội đồng" in r[2]]
    assert len(resolved) == 9
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", r[0]) for r in rows)
    assert all(r[1] for r in rows)  # the actor is never empty
    assert not {"resolve", "merge_score", "merge_submission"} & {r[2] for r in rows}
    hostile = next(r for r in resolved if r[3] == "SB" and r[4] == "1.2")
    assert hostile[8] == HOSTILE
    assert hostile[7] == "2"
    assert hostile[1] == "Thư ký"
    assert ws.cell(row=rows.index(hostile) + 2, column=9).data_type == "s"


def test_pdf_prints_the_councils_signers(exported: reports.ReportFiles) -> None:
    assert exported.pdf is not None
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(exported.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for expected in (
        "UBND TỈNH THÁI NGUYÊN",
        "Thái Nguyên, ngày 08 tháng 01 năm 2027",
        "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "I. KHỐI SỞ",
        "II. KHỐI HUYỆN",
        "THƯ KÝ HỘI ĐỒNG",
        "Nguyễn Thị Thu Hà",
        "TM. HỘI ĐỒNG CHỦ TỊCH",
        "Trịnh Việt Hùng",
        "Phụ lục 3",
        "Theo biên bản họp Hội đồng.",
    ):
        assert expected in text, expected


def test_only_the_pdf_when_no_workbook_is_asked(ctx: RoundContext, tmp_path: Path) -> None:
    written = reports.export_results(
        ctx, xlsx=None, pdf=tmp_path / "k.pdf", place="Thái Nguyên", date=DATE
    )
    assert written.xlsx is None
    assert (tmp_path / "k.pdf").is_file()
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_results_source_can_stand_in_for_the_merge(ctx: RoundContext, tmp_path: Path) -> None:
    # The UI passes the results it already shows; the export does not compute them again.
    computed = merged_results.round_results(ctx)
    written = reports.export_results(
        ctx,
        xlsx=tmp_path / "k.xlsx",
        pdf=None,
        place="Thái Nguyên",
        date=DATE,
        source=lambda _ctx, _previous: computed,
    )
    assert written.units == len(computed.outcomes)


@pytest.mark.parametrize(
    ("xlsx", "pdf", "message"),
    [
        (None, None, "Chọn ít nhất một tệp"),
        ("same.out", "same.out", "hai tệp khác nhau"),
    ],
)
def test_bad_requests_are_user_errors(
    ctx: RoundContext, tmp_path: Path, xlsx: str | None, pdf: str | None, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        reports.export_results(
            ctx,
            xlsx=tmp_path / xlsx if xlsx else None,
            pdf=tmp_path / pdf if pdf else None,
            place="Thái Nguyên",
            date=DATE,
        )
    assert message in caught.value.msg.vi
    assert not list(tmp_path.iterdir())


def test_this_round_cannot_be_its_own_previous_year(ctx: RoundContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        reports.export_results(
            ctx, xlsx=tmp_path / "k.xlsx", pdf=None, previous=ctx.path, place="X", date=DATE
        )
    assert "Đợt năm trước" in caught.value.msg.vi
