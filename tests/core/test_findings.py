"""Findings: stable codes and natural bilingual messages with decimal commas."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parapp.core import findings as f
from parapp.core.criteria import Assessor
from parapp.core.findings import FindingCode, ScoreField, Severity

D = Decimal


def test_codes_are_stable_strings() -> None:
    assert [code.value for code in FindingCode] == [
        "above_max",
        "below_min",
        "not_allowed_level",
        "not_on_step",
        "parent_over_max",
        "cap_applied",
        "missing_score",
        "score_on_not_applicable",
        "differs_without_comment",
        "differs_from_suggestion",
        "missing_evidence",
    ]
    assert [s.value for s in Severity] == ["error", "warning", "info"]


@pytest.mark.parametrize(
    ("field", "assessor", "vi"),
    [
        (ScoreField.SELF_SCORE, Assessor.SURVEY, "điểm tự chấm"),
        (ScoreField.APPRAISED, Assessor.COUNCIL, "điểm thẩm định"),
        (ScoreField.APPRAISED, Assessor.SURVEY, "điểm điều tra xã hội học"),
        (ScoreField.APPRAISED, Assessor.AGENCY, "điểm do cơ quan khác chấm"),
        (ScoreField.APPRAISED, Assessor.LEADERSHIP, "điểm do lãnh đạo tỉnh chấm"),
    ],
)
def test_scores_are_named_after_who_gives_them(
    field: ScoreField, assessor: Assessor, vi: str
) -> None:
    assert f.score_label(field, assessor).vi == vi


def test_leadership_score_above_maximum_reads_naturally() -> None:
    label = f.score_label(ScoreField.APPRAISED, Assessor.LEADERSHIP)
    finding = f.above_max(
        "UBND-X", "8", field=ScoreField.APPRAISED, label=label, value=D("10.5"), maximum=D(10)
    )
    assert finding.message.vi == "Mục 8: điểm do lãnh đạo tỉnh chấm 10,50 vượt điểm tối đa 10,00."
    assert finding.message.en == (
        "Item 8: score given by the leadership 10.50 exceeds the maximum 10.00."
    )
    assert (finding.unit, finding.node, finding.code) == ("UBND-X", "8", "above_max")


def test_level_list_uses_semicolons_between_decimal_commas() -> None:
    label = f.score_label(ScoreField.SELF_SCORE, Assessor.COUNCIL)
    finding = f.not_allowed_level(
        None,
        "1.1.1",
        field=ScoreField.SELF_SCORE,
        label=label,
        value=D("0.25"),
        levels=[D(1), D("0.5"), D(0)],
    )
    assert finding.message.vi == (
        "Mục 1.1.1: điểm tự chấm 0,25 không phải mức được phép (1,00; 0,50; 0,00)."
    )
    assert finding.message.en == (
        "Item 1.1.1: self-score 0.25 is not an allowed level (1.00; 0.50; 0.00)."
    )
    assert finding.field == "self_score"
