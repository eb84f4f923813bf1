"""The exact scoring engine: validate leaf scores, roll them up and compute a unit's index.

Pure functions over frozen dataclasses. Typed scores are never clamped: a value above its maximum
is counted as typed and flagged. Only CAP groups (bonus, penalty) limit a sum, as a rule of the set.
Totals stay exact; the index is rounded once, at the end (``numbers.round_index``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from types import MappingProxyType
from typing import Any

from parapp.core import findings as f
from parapp.core.criteria import (
    Aggregation,
    Assessor,
    BandsRule,
    BonusMode,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    Role,
)
from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, ScoreField
from parapp.core.messages import Msg
from parapp.core.numbers import PRECISION, ratio_percent, round_index

ZERO = Decimal(0)


@dataclass(frozen=True)
class LeafEntry:
    """What is known about one leaf for one unit."""

    self_score: Decimal | None = None
    """The unit's self-assessment (tự chấm)."""
    appraised: Decimal | None = None
    """The final points: the council's appraisal, or the survey / agency / leadership value."""
    figure: Decimal | None = None
    """The declared figure (số liệu kê khai) that band and proportional rules score."""
    comment: str = ""
    """The appraiser's comment (ý kiến thẩm định)."""
    evidence: tuple[str, ...] = ()
    """Evidence references cited by the unit (file, section or page)."""
    not_applicable: bool = False
    """The council marked this leaf "Không áp dụng" for this unit."""


EMPTY_ENTRY = LeafEntry()


@dataclass(frozen=True)
class NodeTotal:
    """A node's roll-up for one unit. Not applicable nodes have zero totals and maximum."""

    code: str
    achieved: Decimal
    """Points counted (after the node's cap for CAP groups)."""
    maximum: Decimal
    """Applicable maximum: SUM parents add their applicable children, CAP groups their cap."""
    self_total: Decimal
    applicable: bool
    scored: int
    """Leaves with final points."""
    leaves: int
    """Applicable leaves."""


@dataclass(frozen=True)
class UnitResult:
    """Everything the engine derives from one unit's entries."""

    unit_id: str
    unit_type: str | None
    totals: Mapping[str, NodeTotal]
    achieved: Decimal
    """Sum of the applicable normal areas."""
    applicable_max: Decimal
    bonus: Decimal
    """Bonus points after their caps."""
    penalty: Decimal
    """Penalty points after their caps, as a positive number."""
    components: Mapping[Assessor, Decimal]
    """Achieved points per assessor (normal leaves, before any cap of a normal group)."""
    component_max: Mapping[Assessor, Decimal]
    """Applicable maximum per assessor."""
    self_total: Decimal
    """Sum of the unit's self-scores over the applicable normal areas."""
    index: Decimal
    classification: str
    findings: tuple[Finding, ...]
    scored_leaves: int
    """Applicable normal leaves with final points (bonus and penalty leaves are optional)."""
    applicable_leaves: int

    @property
    def progress(self) -> Decimal:
        """Scored share of the applicable normal leaves, in %, 2 places (100 when none apply)."""
        if self.applicable_leaves == 0:
            return Decimal(100)
        return round_index(
            ratio_percent(Decimal(self.scored_leaves), Decimal(self.applicable_leaves))
        )

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error (such a sheet cannot be frozen)."""
        return any(item.severity is f.Severity.ERROR for item in self.findings)


def applies_in_set(criteria_set: CriteriaSet, code: str, unit_type: str | None) -> bool:
    """Whether node ``code`` and all its ancestors apply to ``unit_type``."""
    current: str | None = code
    while current is not None:
        node = criteria_set.node(current)
        if not node.applies(unit_type):
            return False
        current = node.parent_code
    return True


def suggested_score(node: Node, figure: Decimal | None, unit_type: str | None) -> Decimal | None:
    """The score a band or proportional rule suggests for the declared figure (None otherwise)."""
    if figure is None:
        return None
    if isinstance(node.rule, BandsRule):
        return node.rule.suggest(figure)
    if isinstance(node.rule, ProportionalRule):
        return node.rule.suggest(figure, node.max_for(unit_type))
    return None


def validate_leaf(
    node: Node,
    entry: LeafEntry,
    unit_type: str | None,
    *,
    ancestors_apply: bool = True,
    unit: str | None = None,
) -> list[Finding]:
    """Check one leaf's entry against its rule; run on every save.

    Args:
        node: the leaf.
        entry: the unit's values for it.
        unit_type: the unit's type (None: the set as a whole).
        ancestors_apply: False when an ancestor does not apply to ``unit_type``
            (see ``applies_in_set``).
        unit: the unit id to put in the findings.

    Returns:
        The findings, in a stable order: range and rule per score, then completeness and comments.
    """
    return _validate(node, entry, unit_type, ancestors_apply, unit, None)


def _known_clean(known: set[Decimal], value: Decimal) -> bool:
    try:
        return value in known
    except TypeError:  # a signalling NaN has no hash; the check itself says what it is
        return False


def _validate(
    node: Node,
    entry: LeafEntry,
    unit_type: str | None,
    ancestors_apply: bool,
    unit: str | None,
    known: set[Decimal] | None,
) -> list[Finding]:
    """``validate_leaf``; ``known`` (a plan's, for ``node`` and ``unit_type``) holds values
    already found within range and rule: numbers equal to one of them are not checked again
    (range and rule compare numbers, and a clean value yields no finding to word)."""
    values = [
        (ScoreField.SELF_SCORE, entry.self_score),
        (ScoreField.APPRAISED, entry.appraised),
    ]
    code = node.code
    if not (ancestors_apply and node.applies(unit_type)) or entry.not_applicable:
        return [
            f.score_on_not_applicable(
                unit, code, field=field, label=f.score_label(field, node.assessor), value=value
            )
            for field, value in values
            if value is not None
        ]
    out: list[Finding] = []
    for field, value in values:
        if value is not None:
            if known is not None and _known_clean(known, value):
                continue
            found = _check_value(node, field, value, unit_type, unit)
            if known is not None and not found:
                known.add(value)
            out.extend(found)
    appraised_label = f.score_label(ScoreField.APPRAISED, node.assessor)
    if entry.appraised is None:
        # Bonus and penalty leaves are optional: no value means no bonus or penalty event.
        if node.role is Role.NORMAL:
            out.append(f.missing_score(unit, code, label=appraised_label))
    else:
        commented = bool(entry.comment.strip())
        if entry.self_score is not None and entry.self_score != entry.appraised and not commented:
            out.append(
                f.differs_without_comment(
                    unit, code, appraised=entry.appraised, self_score=entry.self_score
                )
            )
        suggested = suggested_score(node, entry.figure, unit_type)
        if suggested is not None and suggested != entry.appraised and not commented:
            assert entry.figure is not None  # a suggestion exists only for a declared figure
            rule = node.rule
            assert isinstance(rule, BandsRule | ProportionalRule)
            out.append(
                f.differs_from_suggestion(
                    unit,
                    code,
                    label=appraised_label,
                    appraised=entry.appraised,
                    suggested=suggested,
                    figure=entry.figure,
                    figure_unit=rule.figure_unit,
                )
            )
    cited = any(ref.strip() for ref in entry.evidence)
    # Only a claim of points needs evidence: a zero (or a penalty the unit admits) does not.
    if (
        node.assessor is Assessor.COUNCIL
        and entry.self_score is not None
        and entry.self_score > 0
        and not cited
    ):
        out.append(f.missing_evidence(unit, code, self_score=entry.self_score))
    return out


def _check_value(
    node: Node, field: ScoreField, value: Decimal, unit_type: str | None, unit: str | None
) -> list[Finding]:
    label = f.score_label(field, node.assessor)
    maximum = node.max_for(unit_type)
    if value > maximum:
        return [
            f.above_max(unit, node.code, field=field, label=label, value=value, maximum=maximum)
        ]
    if value < node.minimum:
        return [
            f.below_min(
                unit, node.code, field=field, label=label, value=value, minimum=node.minimum
            )
        ]
    rule = node.rule
    if rule.allows(value, node.minimum):
        return []
    if isinstance(rule, LevelsRule):
        levels = [level.value for level in rule.levels]
        return [
            f.not_allowed_level(
                unit, node.code, field=field, label=label, value=value, levels=levels
            )
        ]
    # Only stepped rules refuse an in-range value besides levels; proportional allows all.
    assert isinstance(rule, FreeRule | BandsRule)
    assert rule.step is not None
    return [f.not_on_step(unit, node.code, field=field, label=label, value=value, step=rule.step)]


_LEAF, _PARENT, _DETACH = 0, 1, 2


class _Plan:
    """A criteria set's tree for one unit type, flattened once: the nodes in the order the
    recursive roll-up finishes them (children before their parent), each with what applies
    and its maximum, and a "detach" step after every node booked under its role rather than
    its parent's (roots, bonus and penalty nodes under a normal parent)."""

    def __init__(self, criteria_set: CriteriaSet, unit_type: str | None) -> None:
        self.criteria_set = criteria_set
        self.leaf_codes = frozenset(n.code for n in criteria_set.leaves())
        self.steps: list[tuple[Any, ...]] = []
        for root in criteria_set.nodes:
            self._add(root, True, unit_type)
            self.steps.append((_DETACH, root.code, root.role))

    def _add(self, node: Node, ancestors_apply: bool, unit_type: str | None) -> None:
        applies = ancestors_apply and node.applies(unit_type)
        if node.is_leaf:
            off = NodeTotal(node.code, ZERO, ZERO, ZERO, False, 0, 0)
            known: set[Decimal] = set()
            maximum = node.max_for(unit_type)
            self.steps.append((_LEAF, node, ancestors_apply, applies, maximum, off, known))
            return
        for child in node.children:
            self._add(child, applies, unit_type)
            if child.role is not node.role:
                self.steps.append((_DETACH, child.code, child.role))
        children = tuple((c.code, c.role is node.role) for c in node.children)
        cap = node.aggregation is Aggregation.CAP
        bounds = (node.minimum, node.max_for(unit_type))
        self.steps.append((_PARENT, node, children, cap, bounds))


_PLANS: dict[tuple[int, str | None], _Plan] = {}
_MAX_PLANS = 32


def _plan(criteria_set: CriteriaSet, unit_type: str | None) -> _Plan:
    """The set's plan for ``unit_type``, built once per set object (a round scores thousands
    of units with the same set)."""
    key = (id(criteria_set), unit_type)
    plan = _PLANS.get(key)
    if plan is None or plan.criteria_set is not criteria_set:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = _Plan(criteria_set, unit_type)
    return plan


class _Rollup:
    """One pass over a plan for one unit, collecting totals, findings and role sums."""

    def __init__(
        self, unit_id: str, unit_type: str | None, entries: Mapping[str, LeafEntry]
    ) -> None:
        self.unit_id = unit_id
        self.unit_type = unit_type
        self.entries = entries
        self.totals: dict[str, NodeTotal] = {}
        self.findings: list[Finding] = []
        self.role_achieved = dict.fromkeys(Role, ZERO)
        self.role_max = dict.fromkeys(Role, ZERO)
        self.role_self = dict.fromkeys(Role, ZERO)
        self.components: dict[Assessor, Decimal] = {}
        self.component_max: dict[Assessor, Decimal] = {}
        self.scored = 0
        self.leaves = 0

    def run(self, plan: _Plan) -> None:
        """Every step of the plan, in order."""
        totals = self.totals
        for step in plan.steps:
            kind = step[0]
            if kind == _LEAF:
                node = step[1]
                totals[node.code] = self._leaf(node, *step[2:])
            elif kind == _PARENT:
                node = step[1]
                totals[node.code] = self._parent(node, *step[2:])
            else:
                total = totals[step[1]]
                role = step[2]
                self.role_achieved[role] += total.achieved
                self.role_max[role] += total.maximum
                self.role_self[role] += total.self_total

    def _leaf(
        self,
        node: Node,
        ancestors_apply: bool,
        applies: bool,
        maximum: Decimal,
        off: NodeTotal,
        known: set[Decimal],
    ) -> NodeTotal:
        entry = self.entries.get(node.code, EMPTY_ENTRY)
        found = _validate(node, entry, self.unit_type, ancestors_apply, self.unit_id, known)
        if found:
            self.findings.extend(found)
        if not applies or entry.not_applicable:
            return off
        appraised = entry.appraised
        achieved = ZERO if appraised is None else appraised
        scored = int(appraised is not None)
        if node.role is Role.NORMAL:
            assessor = node.assessor
            self.components[assessor] = self.components.get(assessor, ZERO) + achieved
            self.component_max[assessor] = self.component_max.get(assessor, ZERO) + maximum
            self.scored += scored
            self.leaves += 1
        self_total = ZERO if entry.self_score is None else entry.self_score
        return NodeTotal(node.code, achieved, maximum, self_total, True, scored, 1)

    def _parent(
        self,
        node: Node,
        children: tuple[tuple[str, bool], ...],
        cap: bool,
        bounds: tuple[Decimal, Decimal],
    ) -> NodeTotal:
        achieved = maximum = self_total = ZERO
        scored = leaves = 0
        applicable = False
        totals = self.totals
        for code, same_role in children:
            total = totals[code]
            applicable = applicable or total.applicable
            if not same_role:
                continue
            achieved += total.achieved
            maximum += total.maximum
            self_total += total.self_total
            scored += total.scored
            leaves += total.leaves
        if applicable and cap:
            low, high = bounds
            raw, achieved = achieved, min(max(achieved, low), high)
            maximum, self_total = high, min(max(self_total, low), high)
            if achieved != raw:
                self.findings.append(
                    f.cap_applied(
                        self.unit_id,
                        node.code,
                        raw=raw,
                        counted=achieved,
                        minimum=low,
                        maximum=high,
                    )
                )
        elif applicable and achieved > maximum:
            self.findings.append(
                f.parent_over_max(self.unit_id, node.code, total=achieved, maximum=maximum)
            )
        return NodeTotal(node.code, achieved, maximum, self_total, applicable, scored, leaves)


def _check_inputs(
    criteria_set: CriteriaSet,
    unit_type: str | None,
    entries: Mapping[str, LeafEntry],
    leaf_codes: frozenset[str],
) -> None:
    known_types = [ut.code for ut in criteria_set.unit_types]
    if unit_type is not None and known_types and unit_type not in known_types:
        raise ValidationError(
            Msg(
                f"Loại đơn vị “{unit_type}” không có trong bộ tiêu chí {criteria_set.form_id}.",
                f"Unit type “{unit_type}” is not in criteria set {criteria_set.form_id}.",
            )
        )
    if entries.keys() <= leaf_codes:
        return
    listed = ", ".join(sorted(entries.keys() - leaf_codes))
    raise ValidationError(
        Msg(
            f"Không có mục chấm điểm {listed} trong bộ tiêu chí {criteria_set.form_id}.",
            f"No scored item {listed} in criteria set {criteria_set.form_id}.",
        )
    )


def score_unit(
    criteria_set: CriteriaSet,
    unit_id: str,
    unit_type: str | None,
    entries: Mapping[str, LeafEntry],
) -> UnitResult:
    """Roll up one unit's entries and compute its index.

    Args:
        criteria_set: the set the unit is appraised with.
        unit_id: the unit, copied into the findings.
        unit_type: the unit's type; None scores the set as a whole.
        entries: leaf code -> entry; leaves without an entry are unscored.

    Raises:
        ValidationError: the unit type or an entry's code is not in the set (or not a leaf).
    """
    plan = _plan(criteria_set, unit_type)
    _check_inputs(criteria_set, unit_type, entries, plan.leaf_codes)
    walk = _Rollup(unit_id, unit_type, entries)
    walk.run(plan)
    return _finish(criteria_set, unit_id, unit_type, walk)


def _finish(
    criteria_set: CriteriaSet, unit_id: str, unit_type: str | None, walk: _Rollup
) -> UnitResult:
    """The unit's result from a finished walk (also ``scoring_memo``'s)."""
    achieved = walk.role_achieved[Role.NORMAL]
    applicable_max = walk.role_max[Role.NORMAL]
    bonus = walk.role_achieved[Role.BONUS]
    penalty = -walk.role_achieved[Role.PENALTY]
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if criteria_set.bonus_mode is BonusMode.INSIDE:
            exact = ratio_percent(achieved + bonus - penalty, applicable_max)
        else:
            exact = ratio_percent(achieved, applicable_max) + bonus - penalty
    index = round_index(exact, criteria_set.index_places)
    return UnitResult(
        unit_id=unit_id,
        unit_type=unit_type,
        totals=MappingProxyType(walk.totals),
        achieved=achieved,
        applicable_max=applicable_max,
        bonus=bonus,
        penalty=penalty + ZERO,
        components=MappingProxyType(
            {a: walk.components[a] for a in _ORDER if a in walk.components}
        ),
        component_max=MappingProxyType(
            {a: walk.component_max[a] for a in _ORDER if a in walk.component_max}
        ),
        self_total=walk.role_self[Role.NORMAL],
        index=index,
        classification=criteria_set.classify(index),
        findings=tuple(walk.findings),
        scored_leaves=walk.scored,
        applicable_leaves=walk.leaves,
    )


_ORDER = tuple(Assessor)
