"""Summary figures of a criteria set: counts per level and maxima per unit type and assessor.

These are what a secretary checks against the issuing decision ("8 lĩnh vực, 43 tiêu chí,
95 tiêu chí thành phần; 100 điểm = 64,5 + 33,5 + 2,0") before a round starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import Assessor, BandsRule, CriteriaSet, Node, ProportionalRule, Role


@dataclass(frozen=True)
class AreaStats:
    """One area (depth-1 node): its maximum and how many criteria and sub-criteria it has."""

    code: str
    name: str
    role: Role
    maximum: Decimal
    minimum: Decimal
    criteria: int
    sub_criteria: int
    leaves: int


@dataclass(frozen=True)
class Component:
    """Points from one source: the council's appraisal, or one kind of result the secretary
    imports (one survey, another agency's figures...).

    Imported leaves that convert a declared figure are told apart by that figure's label: a
    set whose survey points come from the survey of leaders and managers and from SIPAS has two
    survey components ("22 + 10" of QĐ 876/QĐ-BNV). Council leaves always form one component.
    """

    assessor: Assessor
    label: str
    """The declared figure's label ("" for the council and for leaves without a figure)."""
    maximum: Decimal


@dataclass(frozen=True)
class UnitTypeStats:
    """Maxima that apply to one unit type (``code`` None: the set as a whole)."""

    code: str | None
    label: str
    maximum: Decimal
    """Sum of the applicable maxima of the normal (non bonus/penalty) areas."""
    by_assessor: Mapping[Assessor, Decimal]
    """The same maximum split by who assesses the leaves."""
    leaves: int
    """Applicable normal leaves."""
    components: tuple[Component, ...] = ()
    """The same maximum split by source, in ``Assessor`` order then document order; finer than
    ``by_assessor`` when one assessor imports several kinds of results."""


@dataclass(frozen=True)
class SetStats:
    """Everything ``parapp criteria check`` prints."""

    per_depth: tuple[int, ...]
    """Node counts at depth 1 (areas), 2 (criteria), 3 (sub-criteria), ..."""
    leaves: int
    areas: tuple[AreaStats, ...]
    unit_types: tuple[UnitTypeStats, ...]
    bonus_cap: Decimal
    penalty_cap: Decimal
    """As a positive number of points."""


def compute(criteria_set: CriteriaSet) -> SetStats:
    """Count and sum a set."""
    depths: dict[int, int] = {}
    for node in criteria_set.walk():
        depths[node.depth] = depths.get(node.depth, 0) + 1
    deepest = max(depths, default=0)
    areas = tuple(_area(root) for root in criteria_set.nodes)
    types: list[tuple[str | None, str]] = [(u.code, u.label) for u in criteria_set.unit_types]
    return SetStats(
        per_depth=tuple(depths.get(d, 0) for d in range(1, deepest + 1)),
        leaves=sum(1 for _ in criteria_set.leaves()),
        areas=areas,
        unit_types=tuple(
            _unit_type(criteria_set, code, label) for code, label in types or [(None, "")]
        ),
        bonus_cap=sum((a.maximum for a in areas if a.role is Role.BONUS), Decimal(0)),
        penalty_cap=-sum((a.minimum for a in areas if a.role is Role.PENALTY), Decimal(0)),
    )


def _area(root: Node) -> AreaStats:
    nodes = list(root.walk())
    return AreaStats(
        code=root.code,
        name=root.name,
        role=root.role,
        maximum=root.maximum,
        minimum=root.minimum,
        criteria=sum(1 for n in nodes if n.depth == 2),
        sub_criteria=sum(1 for n in nodes if n.depth == 3),
        leaves=sum(1 for n in nodes if n.is_leaf),
    )


def _unit_type(criteria_set: CriteriaSet, code: str | None, label: str) -> UnitTypeStats:
    by_assessor: dict[Assessor, Decimal] = {}
    by_component: dict[tuple[Assessor, str], Decimal] = {}
    leaves = 0
    maximum = Decimal(0)
    for root in criteria_set.nodes:
        if root.role is not Role.NORMAL or not root.applies(code):
            continue
        maximum += root.max_for(code)
        for leaf in _applicable_leaves(root, code):
            leaves += 1
            value = leaf.max_for(code)
            by_assessor[leaf.assessor] = by_assessor.get(leaf.assessor, Decimal(0)) + value
            key = (leaf.assessor, _component_label(leaf))
            by_component[key] = by_component.get(key, Decimal(0)) + value
    ordered = {a: by_assessor[a] for a in Assessor if a in by_assessor}
    components = tuple(
        Component(assessor, label, value)
        for a in Assessor
        for (assessor, label), value in by_component.items()
        if assessor is a
    )
    return UnitTypeStats(code, label, maximum, ordered, leaves, components)


def _component_label(leaf: Node) -> str:
    """The declared figure an imported leaf converts ("" for council leaves and free rules)."""
    if leaf.assessor is Assessor.COUNCIL:
        return ""
    if isinstance(leaf.rule, ProportionalRule | BandsRule):
        return leaf.rule.figure_label
    return ""


def _applicable_leaves(node: Node, unit_type: str | None) -> list[Node]:
    if not node.applies(unit_type):
        return []
    if node.is_leaf:
        return [node]
    return [leaf for child in node.children for leaf in _applicable_leaves(child, unit_type)]
