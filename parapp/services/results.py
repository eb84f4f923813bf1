"""The secretary's view of the merged scores: consolidation by the round's rule, disagreements
and their resolution, who has not submitted what, and the round's results.

Everything is read in one transaction, unit by unit: the scores, self-assessments, components
and resolutions are streamed in unit order, so memory follows one unit's data rather than the
round's. The engine (``core.scoring``) and the ranking (``core.results``) do the arithmetic.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from parapp.core import scoring
from parapp.core.consolidation import ConsolidationRule, Resolution, Status
from parapp.core.criteria import Assessor, CriteriaSet, Role
from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, parse_decimal, parse_score
from parapp.core.results import RoundResults
from parapp.core.rounds import Assignment, Member, MemberRole, Unit
from parapp.core.scoring import UnitResult
from parapp.services.context import RoundContext
from parapp.services.results_pass import ItemState, RoundData, RoundSettings, UnitData
from parapp.services.results_pass import council_leaves as _council_leaves
from parapp.services.results_pass import reading as _reading
from parapp.services.results_pass import score as _score
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store

__all__ = ["ItemState", "RoundSettings"]

log = logging.getLogger(__name__)

NOT_APPLICABLE_WORDS = frozenset({"n/a", "na", "kad", "không áp dụng", "khong ap dung"})
"""What ``resolve`` accepts for "not applicable"."""
MAX_REASON = 4000


class CellState(StrEnum):
    """One member's delivery of one area of one unit."""

    SUBMITTED = "submitted"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_ASSIGNED = "not_assigned"

    @property
    def label(self) -> Msg:
        """The state in words."""
        return CELL_LABELS[self]


CELL_LABELS = {
    CellState.SUBMITTED: Msg("đã nộp", "submitted"),
    CellState.PARTIAL: Msg("nộp thiếu", "partial"),
    CellState.MISSING: Msg("chưa nộp", "missing"),
    CellState.NOT_ASSIGNED: Msg("không phân công", "not assigned"),
}


@dataclass(frozen=True)
class CompletenessCell:
    """Member x unit x area: how many of the area's applicable council items the member scored."""

    unit_id: str
    area_code: str
    member_id: str
    state: CellState
    scored: int
    items: int


@dataclass(frozen=True)
class Completeness:
    """The completeness matrix: unit x area x member."""

    units: tuple[Unit, ...]
    areas: tuple[tuple[str, str], ...]
    """(code, name) of the areas with council-appraised items."""
    members: tuple[Member, ...]
    cells: Mapping[tuple[str, str, str], CompletenessCell]
    """(unit id, area code, member id) -> cell."""

    def cell(self, unit_id: str, area_code: str, member_id: str) -> CompletenessCell:
        """One cell."""
        return self.cells[(unit_id, area_code, member_id)]

    def outstanding(self) -> list[CompletenessCell]:
        """Assigned cells not (fully) submitted, in unit, area, member order."""
        return [c for c in self.cells.values() if c.state in (CellState.MISSING, CellState.PARTIAL)]


def settings(ctx: RoundContext) -> RoundSettings:
    """The round's consolidation rule and threshold (default: mean)."""
    with ctx.db.transaction() as s:
        rule, threshold = merge_store.settings(s)
    return RoundSettings(rule, threshold)


def set_settings(ctx: RoundContext, rule: str, threshold: str | None = None) -> RoundSettings:
    """Choose the consolidation rule ("mean", "median", "single", "must_agree") and, for
    ``must_agree``, the threshold ("0,5"); recorded in the audit log.

    Raises:
        ValidationError: unknown rule, or a threshold that is not a non-negative number.
    """
    try:
        chosen = ConsolidationRule(rule.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in ConsolidationRule)
        raise ValidationError(
            Msg(
                f"Cách tổng hợp “{rule}” không có (chọn: {known}).",
                f"Unknown consolidation rule “{rule}” (choose: {known}).",
            )
        ) from None
    label = Msg("Ngưỡng chênh lệch", "Threshold")
    with ctx.db.transaction() as s:
        old_rule, old_threshold = merge_store.settings(s)
        value = old_threshold if threshold is None else parse_decimal(threshold, what=label)
        if value < 0:
            raise ValidationError(
                Msg("Ngưỡng chênh lệch không được âm.", "The threshold cannot be negative.")
            )
        merge_store.set_settings(s, chosen, value)
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="round_settings",
            field="consolidation",
            old=f"{old_rule.value} {canonical(old_threshold)}",
            new=f"{chosen.value} {canonical(value)}",
        )
    return RoundSettings(chosen, value)


def _area_of(criteria_set: CriteriaSet) -> dict[str, str]:
    """Leaf code -> the code of its area (the root above it)."""
    out: dict[str, str] = {}
    for root in criteria_set.nodes:
        for node in root.walk():
            if node.is_leaf:
                out[node.code] = root.code
    return out


@dataclass(frozen=True)
class Consolidation:
    """Every unit's consolidated items and engine result."""

    settings: RoundSettings
    items: Mapping[str, tuple[ItemState, ...]]
    """Unit id -> its council-appraised items in set order."""
    results: Mapping[str, UnitResult]
    complete: Mapping[str, bool]

    def contested(self) -> list[ItemState]:
        """Items still in conflict or disagreement, unit by unit."""
        return [i for items in self.items.values() for i in items if i.contested]

    def resolved(self) -> list[ItemState]:
        """Items the secretary decided."""
        return [
            i
            for items in self.items.values()
            for i in items
            if i.consolidated.status is Status.RESOLVED
        ]


def consolidation(ctx: RoundContext) -> Consolidation:
    """Consolidate every unit's items by the round's rule and score each unit."""
    return _consolidate(ctx, keep_items=True)[1]


def _consolidate(ctx: RoundContext, keep_items: bool) -> tuple[RoundData, Consolidation]:
    """One pass over the units; without ``keep_items`` the items are dropped unit by unit
    (``items`` stays empty): the results need only the engine's figures."""
    items: dict[str, tuple[ItemState, ...]] = {}
    results: dict[str, UnitResult] = {}
    complete: dict[str, bool] = {}
    with _reading(ctx) as (rnd, units):
        for data in units:
            unit_items, results[data.unit.id], complete[data.unit.id] = _score(rnd, data)
            if keep_items:
                items[data.unit.id] = tuple(unit_items)
    order = [u.id for u in rnd.units]
    return rnd, Consolidation(
        rnd.settings,
        {u: items[u] for u in order if u in items},
        {u: results[u] for u in order},
        {u: complete[u] for u in order},
    )


def disagreements(ctx: RoundContext) -> list[ItemState]:
    """The items the secretary still has to resolve (conflicts and disagreements)."""
    return consolidation(ctx).contested()


def resolve(ctx: RoundContext, unit_id: str, node_code: str, value: str, reason: str) -> ItemState:
    """Record the secretary's decision on an item: a score ("8,5") or "N/A", with a reason.

    The decision overrides the members' scores of that item whatever the rule; it is kept in the
    audit log with the previous decision, if any.

    Raises:
        ValidationError: unknown unit or item, an item not appraised by the council, an empty
            reason, or a value that is not a score.
    """
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError(
            Msg("Quyết định của thư ký phải ghi lý do.", "The secretary's decision needs a reason.")
        )
    if len(reason) > MAX_REASON:
        raise ValidationError(
            Msg(
                f"Lý do dài quá {MAX_REASON} ký tự.", f"The reason exceeds {MAX_REASON} characters."
            )
        )
    not_applicable = value.strip().lower() in NOT_APPLICABLE_WORDS
    number = None if not_applicable else parse_score(value)
    criteria_set = ctx.criteria_set()
    if (
        not criteria_set.has(node_code)
        or not criteria_set.node(node_code).is_leaf
        or criteria_set.node(node_code).assessor is not Assessor.COUNCIL
    ):
        raise ValidationError(
            Msg(
                f"“{node_code}” không phải là mục do Hội đồng thẩm định chấm.",
                f"“{node_code}” is not an item the council appraises.",
            )
        )
    decision = Resolution(number, not_applicable, reason)
    with ctx.db.transaction() as s:
        unit = round_store.unit(s, unit_id)
        if unit is None:
            raise ValidationError(
                Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
            )
        if not scoring.applies_in_set(criteria_set, node_code, unit.unit_type):
            raise ValidationError(
                Msg(
                    f"Mục {node_code} không áp dụng cho đơn vị {unit_id}.",
                    f"Item {node_code} does not apply to unit {unit_id}.",
                )
            )
        at = ctx.now()
        old = merge_store.put_resolution(s, unit_id, node_code, decision, ctx.actor, at)
        round_store.audit(
            s,
            at=at,
            actor=ctx.actor,
            action="resolve",
            unit_id=unit_id,
            node_code=node_code,
            field="council",
            old=None if old is None else _resolution_text(old.resolution),
            new=_resolution_text(decision),
            reason=reason,
        )
    item = next(i for i in consolidation(ctx).items[unit_id] if i.node_code == node_code)
    log.info("resolved %s %s", unit_id, node_code)
    return item


def _resolution_text(resolution: Resolution) -> str:
    if resolution.not_applicable:
        return "N/A"
    return "" if resolution.value is None else canonical(resolution.value)


def _scopes(
    assignments: Sequence[Assignment], units: Sequence[Unit], members: Sequence[Member]
) -> dict[str, dict[str, frozenset[str] | None]]:
    """member -> unit -> assigned areas (None: all), as ``rounds.member_scope`` defines it:
    a member without any assignment scores everything."""
    out: dict[str, dict[str, frozenset[str] | None]] = {}
    for member in members:
        rows = [a for a in assignments if a.member_id == member.id]
        if not rows:
            out[member.id] = dict.fromkeys(u.id for u in units)
            continue
        scope: dict[str, set[str] | None] = {}
        for a in rows:
            if a.area_code is None:
                scope[a.unit_id] = None
            else:
                current = scope.setdefault(a.unit_id, set())
                if current is not None:
                    current.add(a.area_code)
        out[member.id] = {u: (None if v is None else frozenset(v)) for u, v in scope.items()}
    return out


def completeness(ctx: RoundContext) -> Completeness:
    """Who has delivered what: for every unit, area and member, the scored share of the area's
    applicable council items (secretaries without an explicit assignment are not expected to
    score)."""
    with _reading(ctx) as (rnd, units):
        criteria_set = rnd.criteria_set
        area_of = _area_of(criteria_set)
        scopes = _scopes(rnd.assignments, rnd.units, rnd.members)
        explicit = {a.member_id for a in rnd.assignments}
        areas = [
            (root.code, root.name)
            for root in criteria_set.nodes
            if root.role is Role.NORMAL
            and any(n.is_leaf and n.assessor is Assessor.COUNCIL for n in root.walk())
        ]
        per_unit: dict[str, list[CompletenessCell]] = {}
        for data in units:
            per_unit[data.unit.id] = _unit_cells(rnd, data, area_of, areas, scopes, explicit)
    cells = {(c.unit_id, c.area_code, c.member_id): c for u in rnd.units for c in per_unit[u.id]}
    return Completeness(tuple(rnd.units), tuple(areas), tuple(rnd.members), cells)


def _unit_cells(
    rnd: RoundData,
    data: UnitData,
    area_of: Mapping[str, str],
    areas: Sequence[tuple[str, str]],
    scopes: Mapping[str, Mapping[str, frozenset[str] | None]],
    explicit: set[str],
) -> list[CompletenessCell]:
    unit = data.unit
    delivered = {
        code: {member for member, text, na in given.votes if text is not None or na}
        for code, given in data.scores.items()
    }
    per_area: dict[str, list[str]] = {}
    for leaf in _council_leaves(rnd.criteria_set, unit.unit_type):
        per_area.setdefault(area_of[leaf.code], []).append(leaf.code)
    cells: list[CompletenessCell] = []
    for code, _name in areas:
        leaves = per_area.get(code, [])
        for member in rnd.members:
            scope = scopes[member.id]
            assigned = (
                unit.id in scope
                and (scope[unit.id] is None or code in (scope[unit.id] or ()))
                and bool(leaves)
                and not (member.role is MemberRole.SECRETARY and member.id not in explicit)
            )
            scored = sum(1 for leaf in leaves if member.id in delivered.get(leaf, ()))
            if not assigned:
                state = CellState.NOT_ASSIGNED
            elif scored == len(leaves):
                state = CellState.SUBMITTED
            else:
                state = CellState.PARTIAL if scored else CellState.MISSING
            cells.append(CompletenessCell(unit.id, code, member.id, state, scored, len(leaves)))
    return cells


def round_results(ctx: RoundContext, previous: Path | None = None) -> RoundResults:
    """Every unit's council result: consolidated scores, survey and agency points, bonus and
    penalty within their caps, index, class and rank within its ranking group; a unit without
    any final score is neither classified nor ranked (see ``results_checks``, which also lists
    the values that break a hard rule).

    Args:
        previous: a previous year's round file; its units' area points (matched by unit and
            area code) feed the area comparison, except areas whose maximum changed
            (``ranking_settings.previous_year``). Opening it upgrades its schema like any round.
    """
    from parapp.services import results_checks  # noqa: PLC0415 - it builds on this module

    return results_checks.round_results(ctx, previous)
