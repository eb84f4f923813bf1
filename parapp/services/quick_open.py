"""A member's workspace shown before its store is loaded: a snapshot for the first display, then
the store, opened on first use or right after the window is ready.

``snapshot`` reads the workspace with ``parapp.store.quick_read`` (plain ``sqlite3``, read-only)
and builds exactly what the scoring service would return (the member's sheets, the unit list's
overviews, the criteria set; in appraisal round 2 also what the member sees of each explained
item: the unit's explanation, the own and the consolidated round-1 score, as
``round2.round2_items``) with the same functions (``parapp.services.sheets``, ``member_view``).
It answers None whenever the file is not a current member's workspace it can show that way: a
file or folder it may not write, another schema revision, the secretary's round (whose round-1
scores are consolidated from every member's), an unknown member, an unreadable value, a round-2
workspace whose kept consolidated scores or explanations the store would read otherwise or not
at all (``quick_read`` and ``_round_2`` decline those). The caller then opens the file through
the store, as before.

``LazyRound`` holds the snapshot and opens the store (``open_round``) the first time something
needs it: every save goes through the store, so an edit typed at once is saved, audited and
phase-checked exactly as always. ``same_as_store`` tells whether the store still holds what the
snapshot showed (a writer may have changed the file in between); when not, the window reloads.

Nothing here imports the store or SQLAlchemy at module level.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core import criteria_codec
from parapp.core import scoring as core_scoring
from parapp.core.criteria import CriteriaSet
from parapp.core.round2 import Round2Item
from parapp.core.rounds import Phase, RoundInfo, RoundKind
from parapp.services.member_view import UnitOverview, overviews
from parapp.services.sheets import (
    UnitSheet,
    carried_round_1,
    entries,
    explained_items,
    in_areas,
    round2_items_of,
    scope_of,
)
from parapp.store import quick_read

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

log = logging.getLogger(__name__)

LAST_SUBMISSION_KEY = "workspace.last_submission"
"""``parapp.services.resubmission.LAST_KEY`` (a test keeps them equal)."""
CONSOLIDATED_KEY = "round_2.consolidated_round_1"
"""``parapp.services.round2.CONSOLIDATED_KEY`` (a test keeps them equal)."""


@dataclass(frozen=True)
class Snapshot:
    """What the scoring window shows first of a member's workspace."""

    path: Path
    member_id: str
    info: RoundInfo
    criteria_json: str
    criteria_set: CriteriaSet
    sheets: tuple[UnitSheet, ...]
    """The member's sheets, in list order (``scoring.unit_sheets``)."""
    overviews: tuple[UnitOverview, ...]
    """The unit list (``member_view.unit_overview``)."""
    submitted: bool
    """Whether the member has signed a package from this workspace
    (``resubmission.last_submission`` is not None)."""
    round_2: Mapping[str, Mapping[str, Round2Item]] | None = None
    """In appraisal round 2 (else None): unit -> what the member sees of each item they re-score
    (``round2.round2_items``; empty for a unit with nothing explained in the member's areas)."""

    def sheet(self, unit_id: str) -> UnitSheet | None:
        """The member's sheet of ``unit_id`` as ``scoring.load_sheet`` returns it (the one
        ``unit_sheets`` lists, with the round-2 items in round 2), None for a unit not in the
        member's list."""
        found = next((s for s in self.sheets if s.unit.id == unit_id), None)
        if found is None or self.round_2 is None:
            return found
        return replace(found, round_2=self.round_2[unit_id])


def snapshot(path: Path, member_id: str | None = None) -> Snapshot | None:
    """The snapshot of the workspace at ``path`` for ``member_id`` (default: the workspace's
    member), or None when the store must open it (see the module docstring)."""
    path = Path(path)
    if not (os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)):
        return None  # the store refuses it with its own message
    peek = quick_read.read(path, member_id or None)  # None: the workspace's own member
    if peek is None:
        return None
    member = member_id or peek.info.workspace_member_id
    if member is None:
        return None
    info = peek.info
    if (
        info.kind is not RoundKind.WORKSPACE
        or info.workspace_member_id != member
        or not peek.member_known
    ):
        return None
    try:
        criteria_set = criteria_codec.loads(peek.criteria_json, source="round")
    except Exception:  # the store reports a damaged set to the user; not this shortcut
        log.info("quick open of %s declined: the criteria set does not load", path.name)
        return None
    scope = scope_of(member, peek.assignments, [u.id for u in peek.units])
    number = info.phase.appraisal_round or (2 if info.phase is Phase.FROZEN else 1)
    round_2 = _round_2(peek, member, scope) if info.phase is Phase.ROUND_2 else None
    if info.phase is Phase.ROUND_2 and round_2 is None:
        return None
    sheets = []
    for unit in peek.units:
        if unit.id not in scope:
            continue
        selfs = peek.self_assessments.get(unit.id, {})
        found = entries(
            criteria_set, selfs, peek.scores.get(unit.id, []), peek.components.get(unit.id, {})
        )
        result = core_scoring.score_unit(criteria_set, unit.id, unit.unit_type, found)
        explained = None
        if round_2 is not None:  # as ``scoring.unit_sheets`` and ``scoring.explained_in``
            assert peek.explanations is not None
            current = peek.explanations.get(unit.id)
            explained = frozenset(
                i.node_code
                for i in (current.items if current is not None else ())
                if in_areas(i.node_code, scope[unit.id])
            )
        sheets.append(
            UnitSheet(
                unit, member, number, found, selfs, result, scope[unit.id], explained, None,
                info.phase,
            )
        )  # fmt: skip
    return Snapshot(
        path,
        member,
        info,
        peek.criteria_json,
        criteria_set,
        tuple(sheets),
        tuple(overviews(criteria_set, sheets)),
        _submitted(peek.settings.get(LAST_SUBMISSION_KEY), member),
        round_2,
    )


def _round_2(
    peek: quick_read.QuickRound, member: str, scope: Mapping[str, frozenset[str] | None]
) -> dict[str, dict[str, Round2Item]] | None:
    """Unit -> ``round2.round2_items`` of each unit in ``scope``, from the explanations and the
    consolidated round-1 scores the workspace keeps (``CONSOLIDATED_KEY``); None (declined) when
    the store would not read them back: a setting that is not JSON, a unit's entry that is not
    a mapping or a value that is not a number (the store raises on opening that unit)."""
    if peek.explanations is None:
        return None
    text = peek.settings.get(CONSOLIDATED_KEY)
    try:
        stored = {} if text is None else json.loads(text)
        out: dict[str, dict[str, Round2Item]] = {}
        for unit_id, areas in scope.items():
            items = explained_items(peek.explanations.get(unit_id), areas)
            own = {s.node_code: s for s in peek.scores.get(unit_id, []) if s.appraisal_round == 1}
            consolidated = carried_round_1(stored, unit_id, frozenset(items)) if items else {}
            out[unit_id] = round2_items_of(items, own, consolidated)
    except (ValueError, TypeError, AttributeError, ArithmeticError) as exc:
        log.info("quick open declined: the round-2 scores kept are not readable (%s)", exc)
        return None
    return out


def _submitted(text: str | None, member_id: str) -> bool:
    """``resubmission.last_submission(...) is not None`` from the setting's stored text."""
    if text is None:
        return False
    try:
        known = json.loads(text) or {}
    except ValueError:
        return False
    found = known.get(member_id) if isinstance(known, dict) else None
    return isinstance(found, dict) and isinstance(found.get("id"), str)


def same_as_store(shot: Snapshot, ctx: RoundContext) -> bool:
    """Whether the open store holds what ``shot`` shows (round, criteria set, the member's sheets,
    in round 2 the explained items, and whether they submitted). Reads through the store; primes
    ``ctx``'s criteria set with the snapshot's when the stored text is the same (parsed once)."""
    from parapp.services import resubmission, rounds, scoring  # noqa: PLC0415 - after ready
    from parapp.store import rounds as round_store  # noqa: PLC0415

    with ctx.db.transaction() as s:
        same_json = round_store.criteria_json(s) == shot.criteria_json
    if not same_json:
        return False
    ctx.use_criteria_set(shot.criteria_set)
    if rounds.round_info(ctx) != shot.info:
        return False
    if (resubmission.last_submission(ctx, shot.member_id) is not None) != shot.submitted:
        return False
    if tuple(scoring.unit_sheets(ctx, shot.member_id)) != shot.sheets:
        return False
    if shot.round_2 is None:
        return True
    from parapp.services import round2  # noqa: PLC0415 - after ready

    return all(  # a unit with nothing explained has no items on either side (same sheets)
        round2.round2_items(ctx, shot.member_id, s.unit.id, s.areas) == shot.round_2[s.unit.id]
        for s in shot.sheets
        if s.explained
    )


class LazyRound:
    """A workspace shown from a snapshot whose store opens on first use (or one already open)."""

    def __init__(
        self, shot: Snapshot | None = None, ctx: RoundContext | None = None, actor: str = ""
    ) -> None:
        if (shot is None) == (ctx is None):
            raise ValueError("a LazyRound has a snapshot or an open round, not both")
        self.snapshot = shot
        self.ctx = ctx
        self._actor = actor

    @property
    def path(self) -> Path:
        """The workspace file."""
        if self.ctx is not None:
            return self.ctx.path
        assert self.snapshot is not None
        return self.snapshot.path

    def is_open(self) -> bool:
        """Whether the store is open."""
        return self.ctx is not None

    def open(self) -> RoundContext:
        """The open round (opened through the store now when it is not yet)."""
        if self.ctx is None:
            from parapp.services.context import open_round  # noqa: PLC0415 - on first use

            self.ctx = open_round(self.path, actor=self._actor)
        return self.ctx

    def close(self) -> None:
        """Release the store, if it was opened."""
        if self.ctx is not None:
            self.ctx.close()
