"""One pass over a round's units for the results and the secretary's views: each unit's stored
data read in one transaction, unit by unit, its council items consolidated by the round's rule
and the unit scored by the engine (``core.scoring``).

The scores, self-assessments, components and resolutions are streamed in unit order, so memory
follows one unit's data rather than the round's. A national round repeats the same few
(members' scores, decision) combinations thousands of times: each distinct one is consolidated
once per pass, and each distinct stored text becomes a Decimal once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import NamedTuple, cast

from parapp.core import scoring
from parapp.core.consolidation import (
    RULE_LABELS,
    Consolidated,
    ConsolidationRule,
    MemberScore,
    Status,
    consolidate,
)
from parapp.core.criteria import Assessor, CriteriaSet, Node
from parapp.core.numbers import canonical
from parapp.core.rounds import Assignment, EvidenceRef, Member, SelfAssessment, Unit
from parapp.core.scoring import EMPTY_ENTRY, LeafEntry, UnitResult
from parapp.core.scoring_memo import RoundScorer
from parapp.services.context import RoundContext
from parapp.services.scoring import evidence_label
from parapp.store import merged_reads
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import submissions as merge_store
from parapp.store.merged_reads import ItemScores
from parapp.store.scores import StoredComponent
from parapp.store.submissions import ByUnit, StoredResolution

NO_SCORES = ItemScores((), ())


@dataclass(frozen=True)
class RoundSettings:
    """How the round consolidates members' scores."""

    rule: ConsolidationRule
    threshold: Decimal
    """Widest spread still counted as agreement (``must_agree`` only)."""

    def describe(self, lang: str = "vi") -> str:
        """The rule in words, with the threshold when it matters."""
        label = RULE_LABELS[self.rule].get(lang)
        if self.rule is not ConsolidationRule.MUST_AGREE:
            return label
        word = "ngưỡng" if lang == "vi" else "threshold"
        text = canonical(self.threshold)
        return f"{label} ({word} {text.replace('.', ',') if lang == 'vi' else text})"


@dataclass(frozen=True)
class ItemState:
    """One council-appraised item of one unit after consolidation."""

    unit_id: str
    node_code: str
    consolidated: Consolidated
    scores: tuple[MemberScore, ...]
    """Each member's latest score of the item."""
    resolution: StoredResolution | None = None

    @property
    def contested(self) -> bool:
        """Open: a conflict (rule ``single``) or a disagreement (rule ``must_agree``)."""
        return self.consolidated.status in (Status.CONFLICT, Status.DISAGREEMENT)


@dataclass(frozen=True)
class RoundData:
    """What the pass over the units needs of the round as a whole."""

    criteria_set: CriteriaSet
    units: list[Unit]
    """In list order."""
    members: list[Member]
    assignments: tuple[Assignment, ...]
    settings: RoundSettings
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    """Per pass: the council leaves per unit type, each distinct consolidation and each stored
    text's Decimal (pure functions of their keys)."""


@dataclass(frozen=True)
class UnitData:
    """One unit's stored data."""

    unit: Unit
    scores: dict[str, ItemScores]
    """Node -> every member's latest score of it (round 2 overrides round 1)."""
    components: dict[str, tuple[Decimal | None, Decimal]]
    selfs: dict[str, SelfAssessment]
    resolutions: dict[str, StoredResolution]
    """Node -> the secretary's decision."""


@contextlib.contextmanager
def reading(ctx: RoundContext) -> Iterator[tuple[RoundData, Iterator[UnitData]]]:
    """The round and, within the same transaction, its units' data one unit at a time (in
    the database's order of unit ids, not list order)."""
    criteria_set = ctx.criteria_set()
    with ctx.db.transaction() as s:
        rule, threshold = merge_store.settings(s)
        head = RoundData(
            criteria_set,
            round_store.units(s),
            round_store.members(s),
            round_store.assignments(s),
            RoundSettings(rule, threshold),
        )
        streams = (
            merged_reads.stream_latest(s),
            merge_store.stream_self_assessments(s),
            merge_store.stream_evidence(s),
            score_store.stream_components(s),
            merge_store.stream_resolutions(s),
        )
        units = _unit_data(
            head.units,
            merge_store.unit_ids(s),
            ByUnit(streams[0], lambda r: r[0]),
            ByUnit(streams[1], lambda r: r[0]),
            ByUnit(streams[2], lambda r: r[0]),
            ByUnit(streams[3], lambda r: r.unit_id),
            ByUnit(streams[4], lambda r: r.unit_id),
        )
        try:
            yield head, units
        finally:
            # A reader that stops early (an error, a cancel) leaves the streams open: close
            # their cursors now, inside the transaction, not when the collector finds them
            # after the connection is gone.
            units.close()
            for stream in streams:
                close = getattr(stream, "close", None)
                if close is not None:
                    close()


def _unit_data(
    units: Sequence[Unit],
    unit_ids: Iterable[str],
    scores: ByUnit[tuple[str, dict[str, ItemScores]]],
    selfs: ByUnit[tuple[str, SelfAssessment]],
    evidence: ByUnit[tuple[str, str, EvidenceRef]],
    components: ByUnit[StoredComponent],
    decisions: ByUnit[StoredResolution],
) -> Generator[UnitData, None, None]:
    by_id = {u.id: u for u in units}
    for unit_id in unit_ids:
        refs: dict[str, list[EvidenceRef]] = {}
        for _unit, code, ref in evidence.take(unit_id):
            refs.setdefault(code, []).append(ref)
        taken = scores.take(unit_id)
        yield UnitData(
            by_id[unit_id],
            taken[0][1] if taken else {},
            {c.node_code: (c.figure, c.value) for c in components.take(unit_id)},
            {
                own.node_code: replace(own, evidence=tuple(refs.get(own.node_code, ())))
                for _unit, own in selfs.take(unit_id)
            },
            {r.node_code: r for r in decisions.take(unit_id)},
        )
    for stream in (scores, selfs, evidence, components, decisions):
        stream.check_done()


def council_leaves(criteria_set: CriteriaSet, unit_type: str) -> list[Node]:
    """The council-appraised leaves that apply to ``unit_type``, in set order."""
    return [
        leaf
        for leaf in criteria_set.leaves()
        if leaf.assessor is Assessor.COUNCIL
        and scoring.applies_in_set(criteria_set, leaf.code, unit_type)
    ]


def member_scores(
    votes: Iterable[merged_reads.Vote], decimals: dict[str, Decimal]
) -> tuple[MemberScore, ...]:
    """The votes as the engine's member scores, by member id; ``decimals`` caches each stored
    text's Decimal."""
    out = []
    for member, text, not_applicable in sorted(votes):
        value = None
        if text is not None:
            value = decimals.get(text)
            if value is None:
                value = decimals[text] = Decimal(text)
        out.append(MemberScore(member, value, bool(not_applicable)))
    return tuple(out)


Settled = tuple[tuple[MemberScore, ...], Consolidated, LeafEntry | None]
"""One distinct (votes, decision) of an item: the members' scores, their consolidation and, when
it gives a value or N/A, the item's entry for a unit without a self-assessment, component,
comment or decision on it (shared by every such unit)."""


def _settle(rnd: RoundData, data: UnitData) -> list[tuple[Node, Settled, StoredResolution | None]]:
    """Each council leaf of the unit with its consolidation and the secretary's decision; each
    distinct (votes, decision) consolidated once per pass."""
    rule, threshold = rnd.settings.rule, rnd.settings.threshold
    memo = rnd.memo
    decimals = cast(dict[str, Decimal], memo.setdefault("decimals", {}))
    leaves = memo.get(data.unit.unit_type)
    if leaves is None:
        leaves = memo[data.unit.unit_type] = council_leaves(rnd.criteria_set, data.unit.unit_type)
    scores, resolutions = data.scores, data.resolutions
    out = []
    for leaf in cast(list[Node], leaves):
        code = leaf.code
        given = scores.get(code)
        votes = () if given is None else given.votes
        stored = resolutions.get(code) if resolutions else None
        key = (votes, None if stored is None else stored.resolution)
        found = memo.get(key)
        if found is None:
            members = member_scores(votes, decimals)
            decided = consolidate(members, rule, threshold, key[1])
            plain = None
            if decided.value is not None or decided.not_applicable:
                plain = LeafEntry(appraised=decided.value, not_applicable=decided.not_applicable)
            found = memo[key] = (members, decided, plain)
        out.append((leaf, cast(Settled, found), stored))
    return out


def _unit_items(rnd: RoundData, data: UnitData) -> list[ItemState]:
    unit_id = data.unit.id
    return [
        ItemState(unit_id, leaf.code, decided, given, stored)
        for leaf, (given, decided, _plain), stored in _settle(rnd, data)
    ]


def _base_entries(criteria_set: CriteriaSet, data: UnitData) -> dict[str, LeafEntry]:
    """The unit's self-assessments and components as entries."""
    entries: dict[str, LeafEntry] = {}
    for code, own in data.selfs.items():
        if criteria_set.has(code) and criteria_set.node(code).is_leaf:
            entries[code] = LeafEntry(
                self_score=own.self_score,
                figure=own.figure,
                evidence=tuple(evidence_label(r) for r in own.evidence),
            )
    for code, (figure, value) in data.components.items():
        base = entries.get(code, EMPTY_ENTRY)
        entries[code] = replace(base, appraised=value, figure=figure)
    return entries


def _entry(
    entries: dict[str, LeafEntry],
    code: str,
    decided: Consolidated,
    said: tuple[str, ...],
    stored: StoredResolution | None,
) -> LeafEntry:
    """A council item's entry: its consolidation over the unit's own entry, with the members'
    distinct comments after the secretary's reason."""
    comments = dict.fromkeys(s.strip() for s in said if s.strip()) if any(said) else {}
    if stored is not None:
        comments = {stored.resolution.reason: None, **comments}
    base = entries.get(code, EMPTY_ENTRY)
    return LeafEntry(
        self_score=base.self_score,
        appraised=decided.value,
        figure=base.figure,
        comment="; ".join(comments),
        evidence=base.evidence,
        not_applicable=decided.not_applicable,
    )


def _entries(
    criteria_set: CriteriaSet, data: UnitData, items: Sequence[ItemState]
) -> dict[str, LeafEntry]:
    entries = _base_entries(criteria_set, data)
    scores = data.scores
    for item in items:
        c = item.consolidated
        if c.value is None and not c.not_applicable:
            continue
        said = scores.get(item.node_code, NO_SCORES).comments
        entries[item.node_code] = _entry(entries, item.node_code, c, said, item.resolution)
    return entries


def score(rnd: RoundData, data: UnitData) -> tuple[list[ItemState], UnitResult, bool]:
    """One unit's consolidated items, engine result and whether it is complete (the
    straightforward path of ``score_results``)."""
    items = _unit_items(rnd, data)
    entries = _entries(rnd.criteria_set, data, items)
    unit = data.unit
    result = scoring.score_unit(rnd.criteria_set, unit.id, unit.unit_type, entries)
    complete = result.scored_leaves == result.applicable_leaves and not any(
        i.contested for i in items
    )
    return items, result, complete


class Scored(NamedTuple):
    """One unit's figures for the results (``score`` without the items' records)."""

    result: UnitResult
    complete: bool
    appraised: bool
    """Whether any council item has a value or N/A, or any component exists."""
    settled: list[tuple[Node, Settled, StoredResolution | None]]
    """Each council leaf with its consolidation and decision."""


def score_results(rnd: RoundData, data: UnitData) -> Scored:
    """What ``score`` gives for the results, with the engine's work shared among equal values
    (``core.scoring_memo``) and each unit's entries built only where they differ from the
    shared ones."""
    settled = _settle(rnd, data)
    criteria_set = rnd.criteria_set
    scorer = rnd.memo.get("scorer")
    if scorer is None:
        scorer = rnd.memo["scorer"] = RoundScorer(criteria_set)
    entries = _base_entries(criteria_set, data) if data.selfs or data.components else {}
    scores = data.scores
    contested = appraised = False
    for leaf, (_given, decided, plain), stored in settled:
        status = decided.status
        if status is Status.CONFLICT or status is Status.DISAGREEMENT:
            contested = True
        if plain is None:
            continue
        appraised = True
        code = leaf.code
        given = scores.get(code)
        said = () if given is None else given.comments
        if stored is None and not any(said) and code not in entries:
            entries[code] = plain
        else:
            entries[code] = _entry(entries, code, decided, said, stored)
    unit = data.unit
    result = cast(RoundScorer, scorer).score(unit.id, unit.unit_type, entries)
    complete = result.scored_leaves == result.applicable_leaves and not contested
    return Scored(result, complete, appraised or bool(data.components), settled)
