"""The member's unit list is read for all units at once: the same overviews as reading each
unit's sheet, with a number of queries that does not grow with the units."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event

from parapp.core.explanations import Approval, ExplainedItem
from parapp.core.rounds import Phase
from parapp.services import member_view, rounds, scoring
from parapp.services.context import RoundContext
from parapp.store import explanations as explanation_store
from tests.services.test_scoring import ctx

__all__ = ["ctx"]


def _one_by_one(ctx: RoundContext, member: str) -> list[member_view.UnitOverview]:
    out = []
    criteria_set = ctx.criteria_set()
    for unit in rounds.list_units(ctx):
        if unit.id not in rounds.member_scope(ctx, member):
            continue
        sheet = scoring.load_sheet(ctx, member, unit.id)
        if sheet.explained is None or sheet.explained:
            out.append(
                member_view.overview_of(
                    criteria_set, unit, sheet.result, sheet.areas, sheet.explained
                )
            )
    return out


def _selects(ctx: RoundContext, member: str) -> int:
    count = 0

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal count
        count += statement.lstrip().upper().startswith("SELECT")

    event.listen(ctx.db.engine, "before_cursor_execute", seen)
    try:
        member_view.unit_overview(ctx, member)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", seen)
    return count


def test_overviews_equal_the_sheets_and_queries_do_not_grow_with_units(ctx: RoundContext) -> None:
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "1,5")
    scoring.save_appraisal(ctx, "m1", "B", "1.1", "0,75")
    scoring.set_not_applicable(ctx, "m1", "B", "1.2", True)
    assert member_view.unit_overview(ctx, "m1") == _one_by_one(ctx, "m1")
    assert member_view.unit_overview(ctx, "m2") == _one_by_one(ctx, "m2")
    few = _selects(ctx, "m1")
    rounds.add_units(ctx, [(f"U{i:02d}", f"Sở {i}", "so") for i in range(30)])
    for i in range(0, 30, 3):
        scoring.save_appraisal(ctx, "m1", f"U{i:02d}", "1.2", "1")
    assert len(member_view.unit_overview(ctx, "m1")) == 32
    assert _selects(ctx, "m1") == few
    assert member_view.unit_overview(ctx, "m1") == _one_by_one(ctx, "m1")


def test_round_two_lists_only_units_with_explained_items(ctx: RoundContext) -> None:
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "1")
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    with ctx.db.transaction() as s:
        explanation_store.add(
            s,
            unit_id="A",
            file_name="A.xlsx",
            form_sha256="0" * 64,
            form_serial="f",
            imported_at="2026-12-15T08:00:00+07:00",
            actor="tk",
            approval=Approval("Lãnh đạo", "Giám đốc", datetime(2026, 12, 15).date()),
            items=(ExplainedItem("1.2", Decimal(2), "Đã có báo cáo"),),
        )
    rounds.advance_phase(ctx, Phase.ROUND_2)
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "2")
    rows = member_view.unit_overview(ctx, "m1")
    assert [r.unit.id for r in rows] == ["A"]
    assert rows == _one_by_one(ctx, "m1")
    assert rows[0].achieved == Decimal(2)
