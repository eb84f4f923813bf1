"""Read-only views a council member's scoring window needs: unit overviews, flags, editability.

Every decision about what counts as a flag, what a member may edit or how a difference reads lives
here, so the window only displays what these functions return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core.criteria import Assessor, CriteriaSet, LevelsRule, Node, Role
from parapp.core.findings import Finding, FindingCode, Severity
from parapp.core.numbers import ratio_percent, round_index
from parapp.core.rounds import EvidenceRef, Unit
from parapp.core.scoring import UnitResult, applies_in_set, suggested_score
from parapp.services.sheets import UnitSheet

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

# No store here (nor through the scoring service, imported where a function reads the round): the
# scoring window shows its first display from a quick read before the store is loaded.

_NOT_FLAGS = frozenset({FindingCode.MISSING_SCORE, FindingCode.CAP_APPLIED})
"""Findings that are progress or information, not something the member must look at."""
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class UnitOverview:
    """One line of the member's unit list."""

    unit: Unit
    scored: int
    """Applicable council leaves of the member's areas with an appraisal."""
    applicable: int
    """Applicable council leaves of the member's areas."""
    achieved: Decimal
    """Points in the member's areas (the whole unit when the member scores every area)."""
    applicable_max: Decimal
    index: Decimal | None
    """Achieved over applicable maximum of the member's areas; None until something is scored,
    since an index of nothing would read as a failing grade."""
    classification: str
    """The unit's class, only once a member who scores every area has scored everything."""
    flags: int
    """Findings in the member's areas that want attention (see ``is_flag``)."""


def area_of(code: str) -> str:
    """The area code a node belongs to ("1.2.3" -> "1")."""
    return code.split(".", 1)[0]


def in_scope(code: str, areas: frozenset[str] | None) -> bool:
    """Whether node ``code`` lies in the member's areas (None: every area)."""
    return areas is None or area_of(code) in areas


def is_flag(finding: Finding) -> bool:
    """Whether a finding is shown as a flag: errors and warnings, except a missing score."""
    return finding.severity is not Severity.INFO and finding.code not in _NOT_FLAGS


def member_findings(result: UnitResult, areas: frozenset[str] | None) -> tuple[Finding, ...]:
    """The unit's flags in the member's areas, errors first, then in tree order."""
    flagged = [
        f for f in result.findings if f.node is not None and in_scope(f.node, areas) and is_flag(f)
    ]
    return tuple(sorted(flagged, key=lambda f: _SEVERITY_ORDER[f.severity]))


def flags_by_node(findings: Iterable[Finding]) -> dict[str, tuple[Finding, ...]]:
    """Group flags by node code."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.node is not None:
            grouped.setdefault(finding.node, []).append(finding)
    return {code: tuple(items) for code, items in grouped.items()}


def has_error(findings: Iterable[Finding]) -> bool:
    """Whether any of ``findings`` is an error (shown in red)."""
    return any(f.severity is Severity.ERROR for f in findings)


def is_editable(
    node: Node, areas: frozenset[str] | None, explained: frozenset[str] | None = None
) -> bool:
    """Whether the member types this node's appraisal: a council leaf in the member's areas
    (in round 2, ``explained``: only the unit's explained items).

    Survey, agency and leadership leaves are read-only for members.
    """
    return (
        node.is_leaf
        and node.assessor is Assessor.COUNCIL
        and in_scope(node.code, areas)
        and (explained is None or node.code in explained)
    )


def listed(node: Node, explained: frozenset[str] | None) -> bool:
    """Whether the tree lists a node: everything in round 1; in round 2 only the explained
    leaves (their ancestors show through them)."""
    return explained is None or (node.is_leaf and node.code in explained)


def applies(criteria_set: CriteriaSet, code: str, unit_type: str | None) -> bool:
    """Whether a node applies to the unit type (itself and its ancestors)."""
    return applies_in_set(criteria_set, code, unit_type)


def difference(self_score: Decimal | None, appraised: Decimal | None) -> Decimal | None:
    """Appraised minus self-score, when both exist."""
    if self_score is None or appraised is None:
        return None
    return appraised - self_score


def levels(node: Node) -> tuple[tuple[Decimal, str], ...]:
    """The allowed levels of a tiered rule, highest first as the set lists them (else empty)."""
    if isinstance(node.rule, LevelsRule):
        return tuple((level.value, level.label) for level in node.rule.levels)
    return ()


def suggestion(node: Node, figure: Decimal | None, unit_type: str | None) -> Decimal | None:
    """The score the rule suggests for the unit's declared figure (None when there is none)."""
    return suggested_score(node, figure, unit_type)


def overview_of(
    criteria_set: CriteriaSet,
    unit: Unit,
    result: UnitResult,
    areas: frozenset[str] | None,
    explained: frozenset[str] | None = None,
) -> UnitOverview:
    """A unit's overview from its computed result (used after every save, without a reload).

    Progress counts the member's applicable council leaves; bonus and penalty leaves are optional
    and left out, like the engine's own progress.
    """
    scored = applicable = 0
    for leaf in criteria_set.leaves():
        total = result.totals.get(leaf.code)
        if (
            total is not None
            and total.applicable
            and leaf.role is Role.NORMAL
            and is_editable(leaf, areas, explained)
        ):
            scored += total.scored
            applicable += 1
    index: Decimal | None
    if explained is not None:
        # Round 2: points over the explained items only; an index of a handful of items would
        # read as the unit's, so there is none.
        items = [result.totals[c] for c in sorted(explained) if c in result.totals]
        achieved = sum((t.achieved for t in items if t.applicable), Decimal(0))
        maximum = sum((t.maximum for t in items if t.applicable), Decimal(0))
        index = None
    elif areas is None:
        achieved, maximum, index = result.achieved, result.applicable_max, result.index
    else:
        roots = [
            result.totals[root.code]
            for root in criteria_set.nodes
            if root.role is Role.NORMAL and root.code in areas and root.code in result.totals
        ]
        achieved = sum((t.achieved for t in roots if t.applicable), Decimal(0))
        maximum = sum((t.maximum for t in roots if t.applicable), Decimal(0))
        index = round_index(ratio_percent(achieved, maximum), criteria_set.index_places)
    complete = areas is None and explained is None and scored == applicable
    return UnitOverview(
        unit=unit,
        scored=scored,
        applicable=applicable,
        achieved=achieved,
        applicable_max=maximum,
        index=index if scored else None,
        classification=result.classification if complete else "",
        flags=len(member_findings(result, areas)),
    )


def unit_overview(ctx: RoundContext, member_id: str) -> list[UnitOverview]:
    """Every unit the member scores, in list order, with progress, totals, index, class, flags.

    Raises:
        ValidationError: unknown member.
    """
    from parapp.services.scoring import unit_sheets  # noqa: PLC0415 - see the imports

    return overviews(ctx.criteria_set(), unit_sheets(ctx, member_id))


def overviews(criteria_set: CriteriaSet, sheets: Iterable[UnitSheet]) -> list[UnitOverview]:
    """``unit_overview`` from the member's sheets already read (in round 2, the units with
    nothing explained in the member's areas are left out)."""
    return [
        overview_of(criteria_set, sheet.unit, sheet.result, sheet.areas, sheet.explained)
        for sheet in sheets
        if sheet.explained is None or sheet.explained
    ]


def evidence_refs(sheet: UnitSheet, code: str) -> tuple[EvidenceRef, ...]:
    """The evidence the unit cites for a leaf."""
    own = sheet.self_assessments.get(code)
    return own.evidence if own else ()


def evidence_counts(sheet: UnitSheet) -> Mapping[str, int]:
    """Leaf code -> number of cited evidence documents."""
    return {code: len(sa.evidence) for code, sa in sheet.self_assessments.items() if sa.evidence}


def evidence_file(ctx: RoundContext, ref: EvidenceRef) -> Path | None:
    """Where a cited document is stored in the workspace (None when it was never supplied)."""
    if ref.sha256 is None or not ctx.evidence.has(ref.sha256):
        return None
    return ctx.evidence.path(ref.sha256)
