"""Survey and agency points: SIPAS % converted by the item's rule, all rows checked first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria import Assessor
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, Location
from parapp.core.rounds import Phase
from parapp.services import components, rounds, scoring
from parapp.services.components import ComponentInput
from parapp.services.context import RoundContext

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo", "maximum": "2"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "2"},
        {"code": "2", "name": "Hài lòng", "maximum": "5"},
        {
            "code": "2.1",
            "name": "SIPAS",
            "maximum": "4",
            "assessor": "survey",
            "rule": {"kind": "proportional", "figure_max": "100", "figure_label": "Tỷ lệ hài lòng"},
        },
        {"code": "2.2", "name": "Bộ Nội vụ đánh giá", "maximum": "1", "assessor": "agency"},
    ],
}


def at(row: int) -> Location:
    return Location("ket-qua.xlsx", "KetQua", row)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử")
    rounds.add_units(context, [("A", "Sở A", "so")])
    rounds.add_member(context, "m1", "Nguyễn Văn A", "Ủy viên")
    yield context
    context.close()


def test_sipas_percent_becomes_points_and_reaches_the_members_sheet(ctx: RoundContext) -> None:
    rows = [
        ComponentInput("A", "2.1", Decimal("88.30"), None, at(2)),
        ComponentInput("A", "2.2", None, Decimal("0.75"), at(3)),
    ]
    report = components.store_components(ctx, rows, source="ket-qua.xlsx", source_sha256="a" * 64)
    assert (report.rows, report.changed, report.findings) == (2, 2, ())
    rounds.advance_phase(ctx, Phase.ROUND_1)
    sheet = scoring.load_sheet(ctx, "m1", "A")
    assert sheet.entries["2.1"].appraised == Decimal("3.53")  # 4 x 88.30 % = 3.532
    assert sheet.entries["2.1"].figure == Decimal("88.30")
    assert sheet.result.components[Assessor.SURVEY] == Decimal("3.53")


def test_same_rows_twice_change_nothing(ctx: RoundContext) -> None:
    rows = [ComponentInput("A", "2.2", None, Decimal("1"), at(2))]
    components.store_components(ctx, rows, source="k.xlsx", source_sha256="b" * 64)
    with sqlite3.connect(ctx.path) as raw:
        before = list(raw.iterdump())
    report = components.store_components(ctx, rows, source="k.xlsx", source_sha256="b" * 64)
    assert report.changed == 0
    with sqlite3.connect(ctx.path) as raw:
        assert list(raw.iterdump()) == before


def test_points_above_the_maximum_refuse_the_file(ctx: RoundContext) -> None:
    # Issue 11: out-of-range survey/agency points are refused, not kept (see
    # tests/services/test_results_import_bounds.py for every bound).
    rows = [ComponentInput("A", "2.2", None, Decimal("1.5"), at(2))]
    with sqlite3.connect(ctx.path) as raw:
        before = list(raw.iterdump())
    with pytest.raises(ImportFormatError) as caught:
        components.store_components(ctx, rows, source="k.xlsx", source_sha256="c" * 64)
    [problem] = caught.value.problems
    assert problem.location.row == 2
    assert "1.50 exceeds the maximum 1.00" in problem.message.en
    with sqlite3.connect(ctx.path) as raw:
        assert list(raw.iterdump()) == before


def test_every_bad_row_is_located_and_nothing_is_stored(ctx: RoundContext) -> None:
    rows = [
        ComponentInput("Z", "2.1", Decimal(90), None, at(2)),
        ComponentInput("A", "1.1", None, Decimal(1), at(3)),
        ComponentInput("A", "2.2", None, None, at(4)),
        ComponentInput("A", "2.1", Decimal(90), None, at(5)),
        ComponentInput("A", "2.1", Decimal(91), None, at(6)),
    ]
    with pytest.raises(ImportFormatError) as caught:
        components.store_components(ctx, rows, source="ket-qua.xlsx", source_sha256="d" * 64)
    assert [(p.location.row, p.message.en) for p in caught.value.problems] == [
        (2, "There is no unit “Z”."),
        (3, "Item 1.1 is appraised by the council, not imported as a result."),
        (4, "Item 2.2: give the points, or a figure its rule converts to points."),
        (6, "Unit A, item 2.1 already given at ket-qua.xlsx, sheet 'KetQua', row 5."),
    ]
    rounds.advance_phase(ctx, Phase.ROUND_1)
    assert scoring.load_sheet(ctx, "m1", "A").entries == {}
