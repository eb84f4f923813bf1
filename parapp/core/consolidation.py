"""Consolidating several council members' scores of one item of one unit into the council's score.

The round chooses the rule: the single assigned member's score, the mean, the median, or "must
agree", where members whose scores spread wider than a threshold disagree and the secretary
resolves the item with a recorded reason. Values stay exact; a mean or median is rounded once to
the score's two places, half up, because it becomes a score like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from parapp.core.messages import Msg
from parapp.core.numbers import PRECISION, ROUNDING, SCORE_PLACES

SCORE_QUANTUM = Decimal(1).scaleb(-SCORE_PLACES)


class ConsolidationRule(StrEnum):
    """How members' scores of one item become the council's score."""

    SINGLE = "single"
    """One member is assigned each item; two scores for it are a conflict."""
    MEAN = "mean"
    MEDIAN = "median"
    MUST_AGREE = "must_agree"
    """The mean, but only while the scores lie within the round's threshold of each other."""


RULE_LABELS = {
    ConsolidationRule.SINGLE: Msg("Một thành viên chấm", "Single assigned member"),
    ConsolidationRule.MEAN: Msg("Trung bình cộng", "Mean"),
    ConsolidationRule.MEDIAN: Msg("Trung vị", "Median"),
    ConsolidationRule.MUST_AGREE: Msg("Phải thống nhất", "Must agree"),
}


class Status(StrEnum):
    """The state of one consolidated item."""

    EMPTY = "empty"
    """No member scored it (yet)."""
    OK = "ok"
    CONFLICT = "conflict"
    """Rule ``single`` and more than one member scored it."""
    DISAGREEMENT = "disagreement"
    """Rule ``must_agree`` and the spread exceeds the threshold, not yet resolved."""
    RESOLVED = "resolved"
    """The secretary set the value with a recorded reason."""


@dataclass(frozen=True)
class MemberScore:
    """One member's final score of an item (None: not scored); N/A marks count as votes for N/A."""

    member_id: str
    value: Decimal | None
    not_applicable: bool = False


@dataclass(frozen=True)
class Resolution:
    """The secretary's decision on a contested item."""

    value: Decimal | None
    not_applicable: bool
    reason: str


@dataclass(frozen=True)
class Consolidated:
    """The council's score of an item and how it came about."""

    value: Decimal | None
    not_applicable: bool
    status: Status
    spread: Decimal
    """Highest minus lowest member score (0 with fewer than two scores)."""
    members: tuple[str, ...]
    """Members whose scores went in."""


def _round(value: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return value.quantize(SCORE_QUANTUM, rounding=ROUNDING)


def mean(values: Sequence[Decimal]) -> Decimal:
    """Arithmetic mean rounded once to two places (half up)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _round(sum(values, Decimal(0)) / len(values))


def median(values: Sequence[Decimal]) -> Decimal:
    """Median (mean of the middle two for an even count) rounded once to two places."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return _round(ordered[middle])
    return mean([ordered[middle - 1], ordered[middle]])


def consolidate(
    scores: Sequence[MemberScore],
    rule: ConsolidationRule,
    threshold: Decimal = Decimal(0),
    resolution: Resolution | None = None,
) -> Consolidated:
    """Combine members' scores of one item by ``rule``.

    A majority of N/A marks makes the item N/A (ties are a disagreement under ``must_agree`` and
    otherwise keep the item applicable). A ``resolution`` overrides everything and is reported as
    such.
    """
    given = [s for s in scores if s.value is not None or s.not_applicable]
    members = tuple(s.member_id for s in given)
    values = [s.value for s in given if s.value is not None and not s.not_applicable]
    spread = max(values) - min(values) if len(values) > 1 else Decimal(0)
    if resolution is not None:
        return Consolidated(
            resolution.value, resolution.not_applicable, Status.RESOLVED, spread, members
        )
    if not given:
        return Consolidated(None, False, Status.EMPTY, spread, members)
    na_votes = sum(1 for s in given if s.not_applicable)
    if rule is ConsolidationRule.SINGLE and len(given) > 1:
        return Consolidated(None, False, Status.CONFLICT, spread, members)
    split_on_na = 0 < na_votes < len(given)
    if rule is ConsolidationRule.MUST_AGREE and (spread > threshold or split_on_na):
        return Consolidated(None, False, Status.DISAGREEMENT, spread, members)
    if na_votes * 2 > len(given) or not values:
        return Consolidated(None, True, Status.OK, spread, members)
    value = median(values) if rule is ConsolidationRule.MEDIAN else mean(values)
    return Consolidated(value, False, Status.OK, spread, members)
