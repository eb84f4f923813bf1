"""What a member's scoring window shows of a unit, and how it is built from what the store holds.

Only ``core`` is imported here (no store, no SQLAlchemy): the scoring window builds its first
display from a workspace read with plain ``sqlite3`` (``parapp.services.quick_open``) through the
same functions as the scoring service (``parapp.services.scoring``), which re-exports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from parapp.core import scoring
from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.explanations import ExplainedItem, Explanation
from parapp.core.findings import Finding
from parapp.core.round2 import Round1Score, Round2Item
from parapp.core.rounds import Assignment, EvidenceRef, Phase, SelfAssessment, Unit
from parapp.core.scoring import LeafEntry, UnitResult

if TYPE_CHECKING:
    from parapp.store.records import StoredScore


@dataclass(frozen=True)
class UnitSheet:
    """One unit as a member sees it: entries per leaf and the computed result."""

    unit: Unit
    member_id: str
    appraisal_round: int
    entries: Mapping[str, LeafEntry]
    self_assessments: Mapping[str, SelfAssessment]
    result: UnitResult
    areas: frozenset[str] | None
    """Area codes the member scores for this unit (None: all)."""
    explained: frozenset[str] | None = None
    """In round 2, the only items the member re-scores: the unit's explained items in the
    member's areas (None outside round 2)."""
    round_2: Mapping[str, Round2Item] | None = None
    """In round 2, code -> what the member sees of each explained item: the own and the
    consolidated round-1 score, the explanation, the proposed score and the new evidence."""
    phase: Phase | None = None
    """The round's phase when the sheet was read (None: not known, never reused for a save)."""


@dataclass(frozen=True)
class ScoreChange:
    """What one save changed: the stored score before and after, the leaf's findings, the unit."""

    unit_id: str
    node_code: str
    old: StoredScore | None
    new: StoredScore
    leaf_findings: tuple[Finding, ...]
    result: UnitResult
    sheet: UnitSheet | None = None
    """The unit's sheet after the save (entries and result updated), for the next save."""


class ScoreLike(Protocol):
    """What ``entries`` reads of a stored score (``parapp.store.records.StoredScore``)."""

    @property
    def node_code(self) -> str: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def comment(self) -> str: ...
    @property
    def not_applicable(self) -> bool: ...


def evidence_label(ref: EvidenceRef) -> str:
    """How a citation reads: "QD-12.pdf, tr. 3" (the page only when cited)."""
    return f"{ref.file_name}, tr. {ref.page}" if ref.page is not None else ref.file_name


def entries(
    criteria_set: CriteriaSet,
    selfs: Mapping[str, SelfAssessment],
    scores: Iterable[ScoreLike],
    components: Mapping[str, tuple[Decimal | None, Decimal]],
) -> dict[str, LeafEntry]:
    """Leaf code -> what the member's sheet shows of it: the unit's self-assessment, then the
    imported points of a non-council leaf, else the member's latest appraisal (``scores`` ordered
    by appraisal round: a round-2 score overrides round 1). Empty entries are left out."""
    latest: dict[str, ScoreLike] = {}
    for s in scores:
        latest[s.node_code] = s
    out: dict[str, LeafEntry] = {}
    for leaf in criteria_set.leaves():
        own = selfs.get(leaf.code)
        score = latest.get(leaf.code)
        entry = LeafEntry(
            self_score=own.self_score if own else None,
            figure=own.figure if own else None,
            evidence=tuple(evidence_label(r) for r in own.evidence) if own else (),
        )
        if leaf.assessor is not Assessor.COUNCIL and leaf.code in components:
            figure, value = components[leaf.code]
            entry = replace(entry, appraised=value, figure=figure)
        elif score is not None:
            entry = replace(
                entry,
                appraised=score.value,
                comment=score.comment,
                not_applicable=score.not_applicable,
            )
        if entry != scoring.EMPTY_ENTRY:
            out[leaf.code] = entry
    return out


def scope_of(
    member_id: str, assignments: Iterable[Assignment], units: Iterable[str]
) -> dict[str, frozenset[str] | None]:
    """For each unit the member scores: the assigned area codes (None: every area), from the
    round's assignments and unit ids (no assignment of the member at all: every unit, whole)."""
    rows = [a for a in assignments if a.member_id == member_id]
    if not rows:
        return dict.fromkeys(units)
    scope: dict[str, set[str] | None] = {}
    for a in rows:
        if a.area_code is None:
            scope[a.unit_id] = None
        elif scope.get(a.unit_id, set()) is not None:
            current = scope.setdefault(a.unit_id, set())
            assert current is not None
            current.add(a.area_code)
    return {u: (None if v is None else frozenset(v)) for u, v in scope.items()}


# -- appraisal round 2 (``parapp.services.round2`` builds on these) ------------------------------


def in_areas(code: str, areas: frozenset[str] | None) -> bool:
    """Whether ``code`` lies in ``areas`` (None: every area)."""
    return areas is None or code.split(".", 1)[0] in areas


def explained_items(
    explanation: Explanation | None, areas: frozenset[str] | None
) -> dict[str, ExplainedItem]:
    """The explanation's items in the member's areas, by code (empty without an explanation)."""
    if explanation is None:
        return {}
    return {i.node_code: i for i in explanation.items if in_areas(i.node_code, areas)}


def own_round_1(stored: ScoreLike | None) -> Round1Score | None:
    """The member's own round-1 appraisal as a round-2 item shows it."""
    if stored is None:
        return None
    return Round1Score(stored.value, stored.not_applicable, stored.comment)


def round_1_score_from(data: Any) -> Round1Score | None:
    """A consolidated round-1 score from the JSON data a round-2 package carried."""
    if not isinstance(data, dict):
        return None
    value = data.get("value")
    return Round1Score(
        None if value is None else Decimal(str(value)), bool(data.get("not_applicable"))
    )


def carried_round_1(
    stored: Any, unit_id: str, codes: Iterable[str]
) -> dict[str, Round1Score | None]:
    """Code -> the consolidated round-1 score of ``unit_id`` kept in a workspace (``stored``: the
    setting's JSON data, unit -> code -> score)."""
    unit = stored.get(unit_id, {}) if isinstance(stored, dict) else {}
    return {code: round_1_score_from(unit.get(code)) for code in codes}


def round2_items_of(
    items: Mapping[str, ExplainedItem],
    own: Mapping[str, ScoreLike],
    consolidated: Mapping[str, Round1Score | None],
) -> dict[str, Round2Item]:
    """Code -> what the member sees of each explained item: ``items`` (``explained_items``),
    the member's round-1 scores by code and the consolidated round-1 scores by code."""
    return {
        code: Round2Item(code, own_round_1(own.get(code)), consolidated.get(code), item)
        for code, item in items.items()
    }
