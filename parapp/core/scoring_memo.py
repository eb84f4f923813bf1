"""Scoring the many units of one round with one criteria set: what ``scoring.score_unit`` gives,
with each leaf's outcome worked out once per distinct entry and each parent's once per distinct
set of its children's totals.

A national round scores thousands of units whose leaves hold a few distinct values each: the
outcome of a leaf (its total, its findings, what it adds to its assessor's points) depends only
on the leaf and on the entry's values, and a parent's only on its children's totals. Totals are
shared, immutable ``NodeTotal`` objects; findings are kept without a unit and copied with the
unit's id. Values are told apart by their exact text (``1`` and ``1.0`` are different entries),
so every total holds the very Decimal the unit's own walk would hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from parapp.core import scoring
from parapp.core.criteria import BandsRule, CriteriaSet, ProportionalRule, Role
from parapp.core.findings import Finding
from parapp.core.scoring import EMPTY_ENTRY, ZERO, LeafEntry, NodeTotal, UnitResult

_LEAF, _PARENT = scoring._LEAF, scoring._PARENT
MAX_ENTRIES = 65536
"""Entries remembered by identity at most (each unit's own entries are not shared: the memory
stays bounded when every unit brings new ones)."""

_Outcome = tuple[NodeTotal, tuple[Finding, ...], tuple[Any, Decimal, Decimal, int] | None]
"""A leaf's total, its findings without a unit and, for a normal leaf that counts, (assessor,
achieved, maximum, scored)."""


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class _Leaf:
    """One leaf step of a plan with its outcomes by entry."""

    __slots__ = ("by_entry", "by_value", "code", "figure_counts", "step")

    def __init__(self, step: tuple[Any, ...]) -> None:
        self.step = step
        node = step[1]
        self.code: str = node.code
        self.figure_counts = isinstance(node.rule, BandsRule | ProportionalRule)
        self.by_entry: dict[int, tuple[LeafEntry, _Outcome]] = {}
        self.by_value: dict[tuple[object, ...], _Outcome] = {}

    def outcome(self, entry: LeafEntry, unit_type: str | None) -> _Outcome:
        """The leaf's outcome for ``entry`` (worked out on first sight of its values)."""
        key = (
            _text(entry.self_score),
            _text(entry.appraised),
            _text(entry.figure) if self.figure_counts else None,
            bool(entry.comment.strip()),
            any(ref.strip() for ref in entry.evidence),
            bool(entry.not_applicable),
        )
        found = self.by_value.get(key)
        if found is None:
            found = self.by_value[key] = self._work_out(entry, unit_type)
        return found

    def _work_out(self, entry: LeafEntry, unit_type: str | None) -> _Outcome:
        _kind, node, ancestors_apply, applies, maximum, off, known = self.step
        found = tuple(scoring._validate(node, entry, unit_type, ancestors_apply, None, known))
        if not applies or entry.not_applicable:
            return off, found, None
        appraised = entry.appraised
        achieved = ZERO if appraised is None else appraised
        scored = int(appraised is not None)
        self_total = ZERO if entry.self_score is None else entry.self_score
        total = NodeTotal(node.code, achieved, maximum, self_total, True, scored, 1)
        booked = (node.assessor, achieved, maximum, scored) if node.role is Role.NORMAL else None
        return total, found, booked


class _Parent:
    """One parent step of a plan with its totals by children's totals."""

    __slots__ = ("children", "code", "memo", "step")

    def __init__(self, step: tuple[Any, ...]) -> None:
        self.step = step
        self.code: str = step[1].code
        self.children: tuple[str, ...] = tuple(code for code, _same in step[2])
        self.memo: dict[tuple[int, ...], tuple[tuple[NodeTotal, ...], NodeTotal, list[Finding]]]
        self.memo = {}

    def total(self, totals: dict[str, NodeTotal]) -> tuple[NodeTotal, list[Finding]]:
        """The parent's total and findings (without a unit) from its children's totals."""
        parts = tuple([totals[code] for code in self.children])
        key = tuple(map(id, parts))
        found = self.memo.get(key)
        if found is None:
            # The children's totals are kept with the key: their ids stay theirs.
            walk = scoring._Rollup("", None, {})
            walk.totals = totals
            _kind, node, children, cap, bounds = self.step
            total = walk._parent(node, children, cap, bounds)
            found = self.memo[key] = (parts, total, walk.findings)
        return found[1], found[2]


class RoundScorer:
    """``scoring.score_unit`` for many units of one set, sharing the work of equal values.

    Memory grows with the distinct values per leaf and the distinct children's totals per
    parent, not with the units (entries remembered by identity are capped at
    ``MAX_ENTRIES``)."""

    def __init__(self, criteria_set: CriteriaSet) -> None:
        self.criteria_set = criteria_set
        self._plans: dict[str | None, tuple[Any, list[tuple[int, Any, Any]]]] = {}
        self._remembered = 0

    def _steps(self, unit_type: str | None) -> tuple[Any, list[tuple[int, Any, Any]]]:
        found = self._plans.get(unit_type)
        if found is None:
            plan = scoring._plan(self.criteria_set, unit_type)
            steps: list[tuple[int, Any, Any]] = []
            for step in plan.steps:
                if step[0] == _LEAF:
                    steps.append((_LEAF, _Leaf(step), None))
                elif step[0] == _PARENT:
                    steps.append((_PARENT, _Parent(step), None))
                else:
                    steps.append((step[0], step[1], step[2]))
            found = self._plans[unit_type] = (plan, steps)
        return found

    def score(
        self, unit_id: str, unit_type: str | None, entries: Mapping[str, LeafEntry]
    ) -> UnitResult:
        """Exactly ``scoring.score_unit(criteria_set, unit_id, unit_type, entries)``.

        Raises:
            ValidationError: as ``score_unit``.
        """
        plan, steps = self._steps(unit_type)
        scoring._check_inputs(self.criteria_set, unit_type, entries, plan.leaf_codes)
        walk = scoring._Rollup(unit_id, unit_type, entries)
        totals, findings = walk.totals, walk.findings
        components, component_max = walk.components, walk.component_max
        role_achieved, role_max, role_self = walk.role_achieved, walk.role_max, walk.role_self
        scored = leaves = 0
        get = entries.get
        for kind, step, role in steps:
            if kind == _LEAF:
                entry = get(step.code, EMPTY_ENTRY)
                known = step.by_entry.get(id(entry))
                if known is not None and known[0] is entry:
                    outcome = known[1]
                else:
                    outcome = step.outcome(entry, unit_type)
                    self._remember(step, entry, outcome)
                total, found, booked = outcome
                totals[step.code] = total
                if found:
                    findings.extend(_with_unit(unit_id, found))
                if booked is not None:
                    assessor, achieved, maximum, counted = booked
                    components[assessor] = components.get(assessor, ZERO) + achieved
                    component_max[assessor] = component_max.get(assessor, ZERO) + maximum
                    scored += counted
                    leaves += 1
            elif kind == _PARENT:
                total, found = step.total(totals)
                totals[step.code] = total
                if found:
                    findings.extend(_with_unit(unit_id, found))
            else:
                total = totals[step]
                role_achieved[role] += total.achieved
                role_max[role] += total.maximum
                role_self[role] += total.self_total
        walk.scored, walk.leaves = scored, leaves
        return scoring._finish(self.criteria_set, unit_id, unit_type, walk)

    def _remember(self, leaf: _Leaf, entry: LeafEntry, outcome: _Outcome) -> None:
        if self._remembered >= MAX_ENTRIES:
            for _kind, step, _role in (s for _p, steps in self._plans.values() for s in steps):
                if isinstance(step, _Leaf):
                    step.by_entry.clear()
            self._remembered = 0
        leaf.by_entry[id(entry)] = (entry, outcome)
        self._remembered += 1


def _with_unit(unit_id: str, found: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    return [
        Finding(unit_id, item.node, item.severity, item.code, item.message, item.field)
        for item in found
    ]
