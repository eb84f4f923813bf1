"""Structured findings of the scoring engine: what is wrong or notable about a unit's scores.

Every finding names the unit, the node, a severity, a stable code and a bilingual message that
quotes the values with ``format_score`` (decimal comma in Vietnamese). Widgets only display them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from parapp.core.criteria import Assessor
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score


class Severity(StrEnum):
    """How much a finding matters. Errors block freezing; warnings want attention."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FindingCode(StrEnum):
    """Stable codes of findings (stored and compared by value)."""

    ABOVE_MAX = "above_max"
    BELOW_MIN = "below_min"
    NOT_ALLOWED_LEVEL = "not_allowed_level"
    NOT_ON_STEP = "not_on_step"
    PARENT_OVER_MAX = "parent_over_max"
    CAP_APPLIED = "cap_applied"
    MISSING_SCORE = "missing_score"
    SCORE_ON_NOT_APPLICABLE = "score_on_not_applicable"
    DIFFERS_WITHOUT_COMMENT = "differs_without_comment"
    DIFFERS_FROM_SUGGESTION = "differs_from_suggestion"
    MISSING_EVIDENCE = "missing_evidence"


class ScoreField(StrEnum):
    """The score a finding is about."""

    SELF_SCORE = "self_score"
    APPRAISED = "appraised"


@dataclass(frozen=True)
class Finding:
    """One finding about a unit's scores (``unit`` None when checked outside a unit's sheet)."""

    unit: str | None
    node: str | None
    severity: Severity
    code: str
    message: Msg
    field: str = ""


_APPRAISED_LABELS = {
    Assessor.COUNCIL: Msg("điểm thẩm định", "appraised score"),
    Assessor.SURVEY: Msg("điểm điều tra xã hội học", "survey score"),
    Assessor.AGENCY: Msg("điểm do cơ quan khác chấm", "score given by another agency"),
    Assessor.LEADERSHIP: Msg("điểm do lãnh đạo tỉnh chấm", "score given by the leadership"),
}
_SELF_LABEL = Msg("điểm tự chấm", "self-score")


def score_label(field: ScoreField, assessor: Assessor) -> Msg:
    """What a score is called in messages ("điểm tự chấm", "điểm thẩm định"...)."""
    return _SELF_LABEL if field is ScoreField.SELF_SCORE else _APPRAISED_LABELS[assessor]


def _vi(value: Decimal) -> str:
    return format_score(value, Lang.VI)


def _en(value: Decimal) -> str:
    return format_score(value, Lang.EN)


def above_max(
    unit: str | None, node: str, *, field: ScoreField, label: Msg, value: Decimal, maximum: Decimal
) -> Finding:
    """A typed score above the leaf's maximum (kept as typed, never clamped)."""
    return Finding(
        unit,
        node,
        Severity.ERROR,
        FindingCode.ABOVE_MAX,
        Msg(
            f"Mục {node}: {label.vi} {_vi(value)} vượt điểm tối đa {_vi(maximum)}.",
            f"Item {node}: {label.en} {_en(value)} exceeds the maximum {_en(maximum)}.",
        ),
        field,
    )


def below_min(
    unit: str | None, node: str, *, field: ScoreField, label: Msg, value: Decimal, minimum: Decimal
) -> Finding:
    """A typed score below the leaf's minimum."""
    return Finding(
        unit,
        node,
        Severity.ERROR,
        FindingCode.BELOW_MIN,
        Msg(
            f"Mục {node}: {label.vi} {_vi(value)} thấp hơn điểm tối thiểu {_vi(minimum)}.",
            f"Item {node}: {label.en} {_en(value)} is below the minimum {_en(minimum)}.",
        ),
        field,
    )


def not_allowed_level(
    unit: str | None,
    node: str,
    *,
    field: ScoreField,
    label: Msg,
    value: Decimal,
    levels: Sequence[Decimal],
) -> Finding:
    """A score that is none of the rule's levels ("kịp thời: 1; không kịp thời: 0,5; không: 0")."""
    # Levels are separated by "; " because the Vietnamese decimal separator is the comma.
    vi_levels = "; ".join(_vi(level) for level in levels)
    en_levels = "; ".join(_en(level) for level in levels)
    return Finding(
        unit,
        node,
        Severity.ERROR,
        FindingCode.NOT_ALLOWED_LEVEL,
        Msg(
            f"Mục {node}: {label.vi} {_vi(value)} không phải mức được phép ({vi_levels}).",
            f"Item {node}: {label.en} {_en(value)} is not an allowed level ({en_levels}).",
        ),
        field,
    )


def not_on_step(
    unit: str | None, node: str, *, field: ScoreField, label: Msg, value: Decimal, step: Decimal
) -> Finding:
    """A score off the rule's step grid (e.g. 0,30 where the step is 0,25)."""
    return Finding(
        unit,
        node,
        Severity.ERROR,
        FindingCode.NOT_ON_STEP,
        Msg(
            f"Mục {node}: {label.vi} {_vi(value)} không đúng bước điểm {_vi(step)}.",
            f"Item {node}: {label.en} {_en(value)} is not on the step {_en(step)}.",
        ),
        field,
    )


def parent_over_max(unit: str | None, node: str, *, total: Decimal, maximum: Decimal) -> Finding:
    """A SUM parent whose total exceeds its applicable maximum (a child is over its maximum)."""
    return Finding(
        unit,
        node,
        Severity.ERROR,
        FindingCode.PARENT_OVER_MAX,
        Msg(
            f"Mục {node}: tổng điểm {_vi(total)} vượt điểm tối đa {_vi(maximum)}.",
            f"Item {node}: the total {_en(total)} exceeds the maximum {_en(maximum)}.",
        ),
        "",
    )


def cap_applied(
    unit: str | None,
    node: str,
    *,
    raw: Decimal,
    counted: Decimal,
    minimum: Decimal,
    maximum: Decimal,
) -> Finding:
    """A CAP group whose children's sum lies beyond its limits: the set's rule limits the total."""
    return Finding(
        unit,
        node,
        Severity.INFO,
        FindingCode.CAP_APPLIED,
        Msg(
            f"Mục {node}: tổng các mục con {_vi(raw)} nằm ngoài giới hạn từ {_vi(minimum)} "
            f"đến {_vi(maximum)}; chỉ tính {_vi(counted)}.",
            f"Item {node}: the children's sum {_en(raw)} lies outside the limits {_en(minimum)} "
            f"to {_en(maximum)}; {_en(counted)} counts.",
        ),
        "",
    )


def missing_score(unit: str | None, node: str, *, label: Msg) -> Finding:
    """An applicable leaf without its final points."""
    return Finding(
        unit,
        node,
        Severity.WARNING,
        FindingCode.MISSING_SCORE,
        Msg(
            f"Mục {node}: chưa có {label.vi}.",
            f"Item {node}: no {label.en} yet.",
        ),
        ScoreField.APPRAISED,
    )


def score_on_not_applicable(
    unit: str | None, node: str, *, field: ScoreField, label: Msg, value: Decimal
) -> Finding:
    """A score on a node that does not apply to the unit; it is not counted."""
    # An appraised value on an N/A node contradicts the council's own decision: an error. A
    # self-score there is the unit's view, which the council overruled: a warning.
    severity = Severity.ERROR if field is ScoreField.APPRAISED else Severity.WARNING
    return Finding(
        unit,
        node,
        severity,
        FindingCode.SCORE_ON_NOT_APPLICABLE,
        Msg(
            f"Mục {node} không áp dụng cho đơn vị nhưng có {label.vi} {_vi(value)}; "
            "điểm này không được tính.",
            f"Item {node} does not apply to the unit but has {label.en} {_en(value)}; "
            "it is not counted.",
        ),
        field,
    )


def differs_without_comment(
    unit: str | None, node: str, *, appraised: Decimal, self_score: Decimal
) -> Finding:
    """The appraised score differs from the self-score and the appraiser gave no comment."""
    return Finding(
        unit,
        node,
        Severity.WARNING,
        FindingCode.DIFFERS_WITHOUT_COMMENT,
        Msg(
            f"Mục {node}: điểm thẩm định {_vi(appraised)} khác điểm tự chấm {_vi(self_score)} "
            "nhưng chưa có ý kiến thẩm định.",
            f"Item {node}: the appraised score {_en(appraised)} differs from the self-score "
            f"{_en(self_score)} without an appraiser's comment.",
        ),
        ScoreField.APPRAISED,
    )


def differs_from_suggestion(
    unit: str | None,
    node: str,
    *,
    label: Msg,
    appraised: Decimal,
    suggested: Decimal,
    figure: Decimal,
    figure_unit: str,
) -> Finding:
    """The final score differs from the one the declared figure suggests, without a comment."""
    return Finding(
        unit,
        node,
        Severity.WARNING,
        FindingCode.DIFFERS_FROM_SUGGESTION,
        Msg(
            f"Mục {node}: {label.vi} {_vi(appraised)} khác điểm gợi ý {_vi(suggested)} "
            f"theo số liệu kê khai {_vi(figure)}{figure_unit} nhưng chưa có ý kiến thẩm định.",
            f"Item {node}: the {label.en} {_en(appraised)} differs from the suggested "
            f"{_en(suggested)} for the declared figure {_en(figure)}{figure_unit} "
            "without a comment.",
        ),
        ScoreField.APPRAISED,
    )


def missing_evidence(unit: str | None, node: str, *, self_score: Decimal) -> Finding:
    """The unit claims points on a council-assessed leaf but cites no evidence."""
    return Finding(
        unit,
        node,
        Severity.WARNING,
        FindingCode.MISSING_EVIDENCE,
        Msg(
            f"Mục {node}: đơn vị tự chấm {_vi(self_score)} nhưng chưa dẫn tài liệu kiểm chứng.",
            f"Item {node}: the unit self-scored {_en(self_score)} but cited no evidence.",
        ),
        ScoreField.SELF_SCORE,
    )
