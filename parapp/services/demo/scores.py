"""What each demo unit declares: self-scores following each item's rule, and survey results.

Randomness comes from ``random.Random`` seeded per unit and is drawn as integers only, so every
figure and score is an exact Decimal and two builds agree to the byte.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import cast

from parapp.core import scoring
from parapp.core.criteria import (
    Assessor,
    BandsRule,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    Role,
)
from parapp.core.errors import Location
from parapp.core.numbers import format_score
from parapp.services.components import ComponentInput
from parapp.services.demo import data
from parapp.services.demo import evidence as demo_evidence
from parapp.services.demo.data import Flag, UnitSpec
from parapp.services.demo.evidence import Dossier, Item

HUNDRED = Decimal(100)

# Self-assessment ------------------------------------------------------------------------------


def self_assessment(
    criteria_set: CriteriaSet, spec: UnitSpec, unit_type: str, plan: data.Schedule
) -> Dossier:
    """A unit's dossier: a score for every self-assessed item that applies, the deliberate
    mistakes its spec asks for, explanations on some weaker items, and the evidence citing them."""
    rng = random.Random(f"{data.SEED}:{criteria_set.form_id}:{spec.id}")
    leaves = [
        node
        for node in criteria_set.leaves()
        if node.assessor is Assessor.COUNCIL
        and scoring.applies_in_set(criteria_set, node.code, unit_type)
    ]
    sheet = Dossier(
        spec,
        unit_type,
        criteria_set.year,
        has_procedures=any(
            "thủ tục hành chính" in criteria_set.node(n.code.split(".")[0]).name.casefold()
            for n in leaves
        ),
    )
    for node in leaves:
        item = _score_item(node, spec, unit_type, rng)
        if item is not None:
            sheet.items.append(item)
    _apply_flags(sheet, unit_type)
    for item in sheet.items:
        below = item.score < item.node.max_for(unit_type) and item.node.role is Role.NORMAL
        if not item.explanation and below and rng.randint(0, 99) < 30:
            item.explanation = rng.choice(data.EXPLANATIONS)
    demo_evidence.compose(sheet, criteria_set, plan, rng)
    return sheet


def _roll(rng: random.Random, quality: Decimal) -> bool:
    """True with probability ``quality`` (integers only: no float enters the figures)."""
    return rng.randint(0, 99) < int(quality * 100)


def _score_item(node: Node, spec: UnitSpec, unit_type: str, rng: random.Random) -> Item | None:
    q = spec.quality
    maximum = node.max_for(unit_type)
    rule = node.rule
    if node.role is Role.BONUS:
        return _bonus_item(node, q, rng)
    if node.role is Role.PENALTY:
        return _penalty_item(node, q)
    if isinstance(rule, BandsRule | ProportionalRule):
        tenths = 1000 if _roll(rng, q * Decimal("0.6")) else int(q * 1000) + rng.randint(-120, 60)
        figure = _tenths(max(0, min(1000, tenths)))
        suggested = scoring.suggested_score(node, figure, unit_type)
        score = suggested if suggested is not None else Decimal(0)
        label = rule.figure_label or "Tỷ lệ"
        text = data.RESULT_FIGURE.format(label=label, figure=_format_figure(figure))
        return Item(node, figure, score, text)
    if isinstance(rule, LevelsRule):
        ordered = sorted(rule.levels, key=lambda level: level.value, reverse=True)
        level = ordered[0] if _roll(rng, q) or len(ordered) == 1 else rng.choice(ordered[1:])
        return Item(node, None, level.value, _level_text(level.label, level.value, maximum, rng))
    assert isinstance(rule, FreeRule)
    step = rule.step or Decimal("0.25")
    share = max(0, min(100, int(q * 100) + rng.randint(-15, 8)))
    score = max(Decimal(0), _floor(maximum * share / HUNDRED, step))
    return Item(node, None, score, _fraction_text(score, maximum, rng))


def _bonus_item(node: Node, quality: Decimal, rng: random.Random) -> Item | None:
    rule = node.rule
    if quality < Decimal("0.85"):
        return None
    if isinstance(rule, LevelsRule):
        ordered = sorted(rule.levels, key=lambda level: level.value, reverse=True)
        chosen = ordered[0] if quality >= Decimal("0.95") or len(ordered) == 1 else ordered[1]
        if chosen.value <= 0:
            return None
        return Item(node, None, chosen.value, data.BONUS_RESULT)
    if isinstance(rule, FreeRule) and quality >= Decimal("0.9") and rng.randint(0, 1):
        step = rule.step or Decimal("0.25")
        return Item(node, None, min(node.maximum, step * 2), data.BONUS_RESULT)
    return None


def _penalty_item(node: Node, quality: Decimal) -> Item | None:
    rule = node.rule
    if quality >= Decimal("0.65") or not isinstance(rule, LevelsRule):
        return None
    negative = [level.value for level in rule.levels if level.value < 0]
    if not negative:
        return None
    return Item(node, None, max(negative), data.PENALTY_RESULT)


def _apply_flags(sheet: Dossier, unit_type: str) -> None:
    normal = [i for i in sheet.items if i.node.role is Role.NORMAL]
    used: set[str] = set()

    def first(test: Callable[[Item], bool]) -> Item | None:
        found = next((i for i in normal if i.node.code not in used and test(i)), None)
        if found is not None:
            used.add(found.node.code)
        return found

    flags = sheet.spec.flags
    if Flag.ABOVE_MAX in flags and (item := first(lambda i: isinstance(i.node.rule, BandsRule))):
        item.figure = HUNDRED
        item.score = item.node.max_for(unit_type) + Decimal("0.5")
        item.result = data.RESULT_FIGURE.format(
            label=cast(BandsRule, item.node.rule).figure_label or "Tỷ lệ", figure="100"
        )
        item.explanation = data.EXPLAIN_ABOVE_MAX
    if Flag.OFF_LEVEL in flags and (item := first(_has_middle_level)):
        ordered = sorted(
            (level.value for level in cast(LevelsRule, item.node.rule).levels), reverse=True
        )
        item.score = (ordered[0] + ordered[1]) / 2
        item.explanation = data.EXPLAIN_OFF_LEVEL
    if Flag.OFF_STEP in flags and (item := first(_stepped)):
        step = cast(FreeRule, item.node.rule).step or Decimal("0.25")
        maximum = item.node.max_for(unit_type)
        item.score = next(
            v for v in (maximum - Decimal("0.1") * k for k in range(1, 10)) if v % step != 0
        )
        item.explanation = data.EXPLAIN_OFF_STEP
    if Flag.NO_EVIDENCE in flags and (
        item := first(lambda i: isinstance(i.node.rule, LevelsRule) and i.score > 0)
    ):
        item.cite = False
        item.explanation = data.EXPLAIN_NO_EVIDENCE


def _has_middle_level(item: Item) -> bool:
    rule = item.node.rule
    if not isinstance(rule, LevelsRule) or len(rule.levels) < 3:
        return False
    ordered = sorted((level.value for level in rule.levels), reverse=True)
    return (ordered[0] + ordered[1]) / 2 not in ordered


def _stepped(item: Item) -> bool:
    rule = item.node.rule
    return isinstance(rule, FreeRule) and rule.step is not None and item.node.maximum >= 1


def _tenths(value: int) -> Decimal:
    return Decimal(value // 10) if value % 10 == 0 else Decimal(value).scaleb(-1)


def _floor(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


def _format_figure(figure: Decimal) -> str:
    places = 0 if figure == figure.to_integral_value() else 1
    return format_score(figure, places=places)


def _level_text(label: str, value: Decimal, maximum: Decimal, rng: random.Random) -> str:
    if label and label.casefold() not in {"không", "không đạt"} and value > 0:
        return label
    return _fraction_text(value, maximum, rng)


def _fraction_text(score: Decimal, maximum: Decimal, rng: random.Random) -> str:
    if score >= maximum:
        return rng.choice(data.RESULT_FULL)
    return rng.choice(data.RESULT_PART if score > 0 else data.RESULT_NONE)


# Survey ---------------------------------------------------------------------------------------


def survey_rows(
    criteria_set: CriteriaSet, units: Sequence[UnitSpec], unit_type: Callable[[UnitSpec], str]
) -> list[ComponentInput]:
    """Survey, agency and leadership results for every unit: SIPAS factors averaging the unit's
    published figure, other survey shares following the unit's quality."""
    source = data.survey_source(criteria_set.year)
    rows: list[ComponentInput] = []
    for spec in units:
        kind = unit_type(spec)
        rng = random.Random(f"{data.SEED}:survey:{criteria_set.form_id}:{spec.id}")
        leaves = [
            node
            for node in criteria_set.leaves()
            if node.assessor is not Assessor.COUNCIL
            and scoring.applies_in_set(criteria_set, node.code, kind)
        ]
        sipas = [n for n in leaves if _is_sipas(criteria_set, n)]
        figures = dict(
            zip((n.code for n in sipas), _sipas_factors(spec, len(sipas), rng), strict=True)
        )
        for node in leaves:
            figure = figures.get(node.code)
            if figure is None:
                hundredths = int(spec.quality * 3300) + 6200 + rng.randint(-400, 400)
                figure = Decimal(max(0, min(10000, hundredths))).scaleb(-2)
            value = None
            if scoring.suggested_score(node, figure, kind) is None:
                # A rule without a figure: the points are the same share of the maximum.
                step = getattr(node.rule, "step", None) or Decimal("0.01")
                value = _floor(node.max_for(kind) * figure / HUNDRED, step)
                figure = None
            location = Location(file=source, row=len(rows) + 2)
            rows.append(ComponentInput(spec.id, node.code, figure, value, location))
    return rows


def _is_sipas(criteria_set: CriteriaSet, node: Node) -> bool:
    names = [node.name, getattr(node.rule, "figure_label", "")]
    parent = node.parent_code
    while parent is not None:
        names.append(criteria_set.node(parent).name)
        parent = criteria_set.node(parent).parent_code
    return any("SIPAS" in name for name in names)


def _sipas_factors(spec: UnitSpec, count: int, rng: random.Random) -> list[Decimal]:
    """Per-factor satisfaction whose mean is exactly the unit's SIPAS figure: offsets in +/-
    pairs, each within what keeps every factor at or below 100 %."""
    base = spec.sipas if spec.sipas is not None else Decimal(85) + spec.quality * 13
    base = base.quantize(Decimal("0.01"))
    bound = int(min(Decimal("1.6"), HUNDRED - base) * 100)
    offsets: list[int] = []
    for _ in range(count // 2):
        d = rng.randint(0, bound)
        offsets += [d, -d]
    if count % 2:
        offsets.append(0)
    rng.shuffle(offsets)
    return [base + Decimal(o).scaleb(-2) for o in offsets]
