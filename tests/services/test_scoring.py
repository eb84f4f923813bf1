"""A member's saves land on disk exactly as typed, flagged but never clamped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.explanations import Approval, ExplainedItem
from parapp.core.findings import FindingCode
from parapp.core.rounds import Phase
from parapp.services import rounds, scoring
from parapp.services.context import RoundContext, open_round
from parapp.store import explanations as explanation_store

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "classes": [{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo", "maximum": "3"},
        {
            "code": "1.1",
            "name": "Ban hành kế hoạch",
            "maximum": "1",
            "rule": {
                "kind": "levels",
                "levels": [{"value": "1", "label": "Kịp thời"}, {"value": "0.5", "label": "Chậm"}],
            },
        },
        {"code": "1.2", "name": "Báo cáo", "maximum": "2"},
        {"code": "2", "name": "Khảo sát", "maximum": "1"},
        {"code": "2.1", "name": "SIPAS", "maximum": "1", "assessor": "survey"},
    ],
}


def clock() -> datetime:
    return datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử", clock=clock)
    rounds.add_units(context, [("A", "Sở A", "so"), ("B", "Sở B", "so")])
    rounds.add_member(context, "m1", "Nguyễn Văn A", "Ủy viên")
    rounds.add_member(context, "m2", "Trần Thị B", "Ủy viên")
    rounds.assign(context, "m2", ["B"], ["2"])
    rounds.advance_phase(context, Phase.ROUND_1)
    yield context
    context.close()


def test_above_maximum_is_kept_flagged_and_counted_as_typed(ctx: RoundContext) -> None:
    change = scoring.save_appraisal(ctx, "m1", "A", "1.2", "2,5")
    assert change.new.value == Decimal("2.5")
    assert [f.code for f in change.leaf_findings] == [FindingCode.ABOVE_MAX]
    assert change.result.totals["1"].achieved == Decimal("2.5")
    ctx.close()
    with open_round(ctx.path) as again:
        sheet = scoring.load_sheet(again, "m1", "A")
        assert sheet.entries["1.2"].appraised == Decimal("2.5")


def test_level_rule_flags_values_off_the_levels_and_accepts_both_separators(
    ctx: RoundContext,
) -> None:
    assert scoring.save_appraisal(ctx, "m1", "A", "1.1", "0.5").leaf_findings == ()
    change = scoring.save_appraisal(ctx, "m1", "A", "1.1", "0,75")
    assert [f.code for f in change.leaf_findings] == [FindingCode.NOT_ALLOWED_LEVEL]


def test_comment_and_not_applicable_are_saved_and_audited(ctx: RoundContext) -> None:
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "1")
    scoring.save_comment(ctx, "m1", "A", "1.2", "Thiếu báo cáo quý III")
    change = scoring.set_not_applicable(ctx, "m1", "A", "1.2", True)
    assert (change.new.value, change.new.comment, change.new.not_applicable) == (
        Decimal(1),
        "Thiếu báo cáo quý III",
        True,
    )
    assert change.result.totals["1.2"].applicable is False


def test_blank_text_clears_a_score(ctx: RoundContext) -> None:
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "1")
    assert scoring.save_appraisal(ctx, "m1", "A", "1.2", "  ").new.value is None


@pytest.mark.parametrize(
    ("member", "unit", "node", "text", "message"),
    [
        ("m1", "A", "1.2", "abc", "not a valid number"),
        ("m1", "A", "1", "1", "not a scored item"),
        ("m1", "A", "2.1", "1", "survey"),
        ("m2", "A", "1.2", "1", "not assigned"),
        ("m2", "B", "1.2", "1", "not assigned"),
    ],
)
def test_refusals_change_nothing(
    ctx: RoundContext, member: str, unit: str, node: str, text: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        scoring.save_appraisal(ctx, member, unit, node, text)
    assert scoring.load_sheet(ctx, "m1", "A").entries == {}


def test_scores_cannot_be_entered_outside_an_appraisal_phase(ctx: RoundContext) -> None:
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    with pytest.raises(ValidationError, match="cannot be entered now"):
        scoring.save_appraisal(ctx, "m1", "A", "1.2", "1")


def test_round_two_starts_from_round_one(ctx: RoundContext) -> None:
    scoring.save_appraisal(ctx, "m1", "A", "1.2", "1")
    scoring.save_comment(ctx, "m1", "A", "1.2", "Lần 1")
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    with ctx.db.transaction() as s:  # unit A explained 1.2 (the import is tested elsewhere)
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
    change = scoring.save_comment(ctx, "m1", "A", "1.2", "Đã giải trình")
    assert (change.new.appraisal_round, change.new.value, change.old) == (2, Decimal(1), None)
    sheet = scoring.load_sheet(ctx, "m1", "A")
    assert sheet.appraisal_round == 2
    assert sheet.entries["1.2"].comment == "Đã giải trình"
    assert sheet.explained == frozenset({"1.2"})
    assert sheet.round_2 is not None
    assert sheet.round_2["1.2"].explanation.text == "Đã có báo cáo"
    with pytest.raises(ValidationError, match="was not explained"):
        scoring.save_appraisal(ctx, "m1", "A", "1.1", "1")  # round 2: only what A explained
