"""Survey, agency and leadership points per unit, imported by the secretary.

A row gives either the points or a declared figure (e.g. SIPAS satisfaction %) that the item's
rule turns into points. All rows are checked before anything is stored; the same file twice
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parapp.core import scoring
from parapp.core.criteria import Assessor, BandsRule, CriteriaSet, Node, ProportionalRule
from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.findings import Finding, ScoreField, Severity
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, format_score
from parapp.core.rounds import Unit
from parapp.core.scoring import LeafEntry
from parapp.services.context import RoundContext
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store.scores import StoredComponent


@dataclass(frozen=True)
class ComponentInput:
    """One imported row: points, or a figure the item's rule converts, or both."""

    unit_id: str
    node_code: str
    figure: Decimal | None
    value: Decimal | None
    location: Location
    figure_at: Location | None = None
    """The figure's cell (default: the row)."""
    value_at: Location | None = None
    """The points' cell (default: the row)."""


@dataclass(frozen=True)
class ComponentReport:
    """What an import did."""

    rows: int
    changed: int
    findings: tuple[Finding, ...]
    """Warnings about stored points (points outside their item's bounds are refused)."""


def _resolve(
    criteria_set: CriteriaSet, units: dict[str, Unit], row: ComponentInput
) -> tuple[Decimal | None, Msg | None]:
    unit = units.get(row.unit_id)
    if unit is None:
        return None, Msg(f"Không có đơn vị “{row.unit_id}”.", f"There is no unit “{row.unit_id}”.")
    if not criteria_set.has(row.node_code) or not criteria_set.node(row.node_code).is_leaf:
        return None, Msg(
            f"“{row.node_code}” không phải là mục chấm điểm.",
            f"“{row.node_code}” is not a scored item.",
        )
    node = criteria_set.node(row.node_code)
    if node.assessor is Assessor.COUNCIL:
        return None, Msg(
            f"Mục {row.node_code} do Hội đồng thẩm định chấm, không nhập từ kết quả điều tra.",
            f"Item {row.node_code} is appraised by the council, not imported as a result.",
        )
    if not scoring.applies_in_set(criteria_set, row.node_code, unit.unit_type):
        return None, Msg(
            f"Mục {row.node_code} không áp dụng cho đơn vị {row.unit_id}.",
            f"Item {row.node_code} does not apply to unit {row.unit_id}.",
        )
    if row.value is not None:
        return row.value, None
    suggested = scoring.suggested_score(node, row.figure, unit.unit_type)
    if suggested is None:
        return None, Msg(
            f"Mục {row.node_code}: cần điểm, hoặc số liệu mà cách chấm của mục quy đổi được.",
            f"Item {row.node_code}: give the points, or a figure its rule converts to points.",
        )
    return suggested, None


def _figure_problem(node: Node, figure: Decimal | None) -> Msg | None:
    """A percentage (SIPAS satisfaction, a share of dossiers) above its 100 %."""
    rule = node.rule
    if figure is None or not isinstance(rule, BandsRule | ProportionalRule):
        return None
    top = rule.figure_max if isinstance(rule, ProportionalRule) else None
    if top is None and rule.figure_unit.strip() == "%":
        top = Decimal(100)
    if top is None or figure <= top:
        return None
    unit = rule.figure_unit
    return Msg(
        f"Mục {node.code}: số liệu {format_score(figure, 'vi')}{unit} nằm ngoài khoảng "
        f"0 đến {format_score(top, 'vi')}{unit}.",
        f"Item {node.code}: the figure {format_score(figure, 'en')}{unit} is outside 0 to "
        f"{format_score(top, 'en')}{unit}.",
    )


def _points_problems(
    criteria_set: CriteriaSet, unit: Unit, row: ComponentInput, value: Decimal
) -> list[Problem]:
    """The core's hard rules on the points (range, levels, step), as the scoring window and the
    merge apply them: at the points' cell, or at the figure's when the rule converted it."""
    node = criteria_set.node(row.node_code)
    entry = LeafEntry(appraised=value, figure=row.figure, comment="imported")
    where = (row.value_at if row.value is not None else row.figure_at) or row.location
    return [
        Problem(where, Msg(f"Đơn vị {unit.id} – {unit.name}: {f.message.vi}",
                           f"Unit {unit.id} – {unit.name}: {f.message.en}"))
        for f in scoring.validate_leaf(node, entry, unit.unit_type, unit=unit.id)
        if f.severity is Severity.ERROR and f.field != ScoreField.SELF_SCORE
    ]  # fmt: skip


def store_components(
    ctx: RoundContext,
    rows: Sequence[ComponentInput],
    *,
    source: str,
    source_sha256: str,
    problems: Sequence[Problem] = (),
) -> ComponentReport:
    """Check every row, then store them all in one transaction.

    Args:
        problems: what the reader already found in the file, reported with the rows' own.

    Raises:
        ImportFormatError: every problem, in row order: those given, and every row that names an
            unknown unit or item, an item the council scores, gives neither points nor a
            convertible figure, a percentage above 100, or points outside the item's bounds,
            off its levels or its step; nothing is stored.
    """
    criteria_set = ctx.criteria_set()
    with ctx.db.transaction() as s:
        units = {u.id: u for u in round_store.units(s)}
    found: list[Problem] = list(problems)
    resolved: list[tuple[ComponentInput, Decimal]] = []
    seen: dict[tuple[str, str], Location] = {}
    for row in rows:
        key = (row.unit_id, row.node_code)
        if key in seen:
            found.append(
                Problem(
                    row.location,
                    Msg(
                        f"Đơn vị {row.unit_id}, mục {row.node_code} đã có ở "
                        f"{seen[key].describe()}.",
                        f"Unit {row.unit_id}, item {row.node_code} already given at "
                        f"{seen[key].describe('en')}.",
                    ),
                )
            )
            continue
        seen[key] = row.location
        value, problem = _resolve(criteria_set, units, row)
        if problem is not None:
            found.append(Problem(row.location, problem))
            continue
        bad = _figure_problem(criteria_set.node(row.node_code), row.figure)
        if bad is not None:
            found.append(Problem(row.figure_at or row.location, bad))
            continue
        assert value is not None  # no problem: the points, or those the figure converts to
        wrong = _points_problems(criteria_set, units[row.unit_id], row, value)
        found.extend(wrong)
        if not wrong:
            resolved.append((row, value))
    if found:
        raise ImportFormatError(sorted(found, key=_row_order), source)
    at = ctx.now()
    changed = 0
    with ctx.db.transaction() as s:
        existing = {(c.unit_id, c.node_code): c for c in score_store.components(s)}
        for row, value in resolved:
            before = existing.get((row.unit_id, row.node_code))
            if before is not None and (before.value, before.figure) == (value, row.figure):
                continue
            changed += 1
            score_store.put_component(
                s, StoredComponent(row.unit_id, row.node_code, row.figure, value, source, at)
            )
            round_store.audit(
                s,
                at=at,
                actor=ctx.actor,
                action="component",
                unit_id=row.unit_id,
                node_code=row.node_code,
                field="value",
                old=None if before is None else canonical(before.value),
                new=canonical(value),
                source=f"{source} sha256:{source_sha256}",
            )
        if changed:
            round_store.record_import(
                s,
                at=at,
                kind="results",
                file_name=source,
                sha256=source_sha256,
                unit_id=None,
                changed=changed,
            )
    return ComponentReport(len(resolved), changed, ())


def _row_order(problem: Problem) -> int:
    return problem.location.row or 0
