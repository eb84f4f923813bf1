"""A member's workspace shown before its store is loaded: a snapshot for the first display, then
the store, opened on first use or right after the window is ready.

``snapshot`` reads the workspace with ``parapp.store.quick_read`` (plain ``sqlite3``, read-only)
and builds exactly what the scoring service would return (the member's sheets, the unit list's
overviews, the criteria set) with the same functions (``parapp.services.sheets``,
``member_view``). It answers None whenever the file is not a current member's workspace it can
show that way: a file or folder it may not write, another schema revision, the secretary's
round, appraisal round 2 (whose sheets need the explanations and the council's round-1 scores),
an unknown member, an unreadable value.
The caller then opens the file through the store, as before.

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core import criteria_codec
from parapp.core import scoring as core_scoring
from parapp.core.criteria import CriteriaSet
from parapp.core.rounds import Phase, RoundInfo, RoundKind
from parapp.services.member_view import UnitOverview, overviews
from parapp.services.sheets import UnitSheet, entries, scope_of
from parapp.store import quick_read

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

log = logging.getLogger(__name__)

LAST_SUBMISSION_KEY = "workspace.last_submission"
"""``parapp.services.resubmission.LAST_KEY`` (a test keeps them equal)."""


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

    def sheet(self, unit_id: str) -> UnitSheet | None:
        """The member's sheet of ``unit_id`` as ``scoring.load_sheet`` returns it (outside
        round 2 it is the one ``unit_sheets`` lists), None for a unit not in the member's list."""
        return next((s for s in self.sheets if s.unit.id == unit_id), None)


def snapshot(path: Path, member_id: str | None = None) -> Snapshot | None:
    """The snapshot of the workspace at ``path`` for ``member_id`` (default: the workspace's
    member), or None when the store must open it (see the module docstring)."""
    path = Path(path)
    if not (os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)):
        return None  # the store refuses it with its own message
    peek = quick_read.read(path, member_id or "")
    if peek is None:
        return None
    member = member_id or peek.info.workspace_member_id
    if member is None:
        return None
    if member != member_id:
        peek = quick_read.read(path, member)  # the scores are read for the right member
        if peek is None:
            return None
    info = peek.info
    if (
        info.kind is not RoundKind.WORKSPACE
        or info.workspace_member_id != member
        or info.phase is Phase.ROUND_2
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
    sheets = []
    for unit in peek.units:
        if unit.id not in scope:
            continue
        selfs = peek.self_assessments.get(unit.id, {})
        found = entries(
            criteria_set, selfs, peek.scores.get(unit.id, []), peek.components.get(unit.id, {})
        )
        result = core_scoring.score_unit(criteria_set, unit.id, unit.unit_type, found)
        sheets.append(
            UnitSheet(
                unit, member, number, found, selfs, result, scope[unit.id], None, None, info.phase
            )
        )
    return Snapshot(
        path,
        member,
        info,
        peek.criteria_json,
        criteria_set,
        tuple(sheets),
        tuple(overviews(criteria_set, sheets)),
        _submitted(peek.settings.get(LAST_SUBMISSION_KEY), member),
    )


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
    """Whether the open store holds what ``shot`` shows (round, criteria set, the member's sheets
    and whether they submitted). Reads through the store; primes ``ctx``'s criteria set with the
    snapshot's when the stored text is the same (it is parsed once)."""
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
    return tuple(scoring.unit_sheets(ctx, shot.member_id)) == shot.sheets


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
