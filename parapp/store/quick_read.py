"""A read-only look at a member's workspace with plain ``sqlite3``, for the first display.

A round file is a SQLite database by format, as a package is a zip: what the scoring window shows
first (the round, the member's units and assignments, self-assessments, the member's scores, the
imported points and, in appraisal round 2, the units' current explanations) is read here with a
few plain queries, so that the window is ready before SQLAlchemy and the ORM models are loaded.
The store proper (``parapp.store.database``) opens the file right after and stays the only
writer: this module never writes (``mode=ro``) and reads only a file whose schema is exactly the
one it was written for (``SCHEMA_HEAD``); for anything else it answers None and the caller takes
the ORM path. Values come back as the repositories return them (exact ``Decimal`` from the stored
text, never a float); a test compares both paths field by field.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from parapp.core.explanations import Approval, ExplainedItem, Explanation
from parapp.core.rounds import (
    Assignment,
    EvidenceRef,
    Phase,
    RoundInfo,
    RoundKind,
    SelfAssessment,
    Unit,
)
from parapp.store.records import StoredScore

log = logging.getLogger(__name__)

SCHEMA_HEAD = "0009"
"""``parapp.store.database.SCHEMA_HEAD``, the only schema read here (a test keeps them equal;
that module loads SQLAlchemy). A file at another revision is left to the ORM path."""


@dataclass(frozen=True)
class QuickRound:
    """What a member's first display needs of a round file, read in one transaction."""

    info: RoundInfo
    criteria_json: str
    units: tuple[Unit, ...]
    """Every unit, in list order."""
    member_known: bool
    assignments: tuple[Assignment, ...]
    """Every assignment, by member, unit and area."""
    self_assessments: dict[str, dict[str, SelfAssessment]] = field(default_factory=dict)
    """Unit -> node code -> the unit's self-assessment (evidence in citation order)."""
    scores: dict[str, list[StoredScore]] = field(default_factory=dict)
    """Unit -> the member's scores of it, by node and appraisal round."""
    components: dict[str, dict[str, tuple[Decimal | None, Decimal]]] = field(default_factory=dict)
    """Unit -> node code -> imported (figure, points)."""
    settings: dict[str, str] = field(default_factory=dict)
    """Setting key -> its stored JSON text."""
    explanations: dict[str, Explanation] | None = None
    """In appraisal round 2 only (None otherwise): unit -> its current explanation
    (``parapp.store.explanations.current_all``)."""


def _decimal(text: object) -> Decimal | None:
    return None if text is None else Decimal(text)  # type: ignore[arg-type]  # stored text


def read(path: Path, member_id: str | None = None) -> QuickRound | None:
    """The round and ``member_id``'s data (None: the workspace's own member's) of the file at
    ``path``, or None when the file is not one this module reads (missing, not SQLite, another
    schema revision, no round, a value it does not know): the caller then opens the file
    through the store."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        ) as db:
            db.execute("BEGIN")  # every query below sees the same committed state
            try:
                return _read(db, member_id)
            finally:
                db.execute("ROLLBACK")
    except (sqlite3.Error, ValueError, TypeError, ArithmeticError) as exc:
        log.info("quick read of %s declined (%s); the store opens it", path.name, exc)
        return None


def _read(db: sqlite3.Connection, member_id: str | None) -> QuickRound | None:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return None
    versions = db.execute("SELECT version_num FROM alembic_version").fetchall()
    if versions != [(SCHEMA_HEAD,)]:
        return None
    rows = db.execute(
        "SELECT id, name, year, form_id, form_version, criteria_sha256, phase, kind, created_at,"
        " workspace_member_id, package_id, criteria_json FROM round"
    ).fetchall()
    if len(rows) != 1:
        return None
    r = rows[0]
    info = RoundInfo(
        id=r[0],
        name=r[1],
        year=r[2],
        form_id=r[3],
        form_version=r[4],
        criteria_sha256=r[5],
        phase=Phase(r[6]),
        kind=RoundKind(r[7]),
        created_at=r[8],
        workspace_member_id=r[9],
        package_id=r[10],
    )
    units = tuple(
        Unit(*u)
        for u in db.execute(
            "SELECT id, name, unit_type, ranking_group, position FROM unit ORDER BY position, id"
        )
    )
    if member_id is None:
        member_id = info.workspace_member_id or ""
    known = db.execute("SELECT 1 FROM member WHERE id = ?", (member_id,)).fetchone() is not None
    assignments = tuple(
        Assignment(*a)
        for a in db.execute(
            "SELECT member_id, unit_id, area_code FROM assignment"
            " ORDER BY member_id, unit_id, area_code"
        )
    )
    refs: dict[tuple[str, str], list[EvidenceRef]] = {}
    for unit_id, code, file_name, page, sha256 in db.execute(
        "SELECT unit_id, node_code, file_name, page, sha256 FROM evidence_ref"
        " ORDER BY unit_id, node_code, position"
    ):
        refs.setdefault((unit_id, code), []).append(EvidenceRef(file_name, page, sha256))
    selfs: dict[str, dict[str, SelfAssessment]] = {u.id: {} for u in units}
    for unit_id, code, figure, self_score, explanation in db.execute(
        "SELECT unit_id, node_code, figure, self_score, explanation FROM self_assessment"
    ):
        selfs.setdefault(unit_id, {})[code] = SelfAssessment(
            code,
            _decimal(figure),
            _decimal(self_score),
            explanation,
            tuple(refs.get((unit_id, code), ())),
        )
    scores: dict[str, list[StoredScore]] = {}
    for s in db.execute(
        "SELECT unit_id, node_code, member_id, appraisal_round, value, comment, not_applicable,"
        " updated_at FROM score WHERE member_id = ? ORDER BY unit_id, node_code, appraisal_round",
        (member_id,),
    ):
        scores.setdefault(s[0], []).append(
            StoredScore(s[0], s[1], s[2], s[3], _decimal(s[4]), s[5], bool(s[6]), s[7])
        )
    components: dict[str, dict[str, tuple[Decimal | None, Decimal]]] = {}
    for unit_id, code, figure, value in db.execute(
        "SELECT unit_id, node_code, figure, value FROM component ORDER BY unit_id, node_code"
    ):
        points = _decimal(value)
        if points is None:
            return None  # not a value the store would return
        components.setdefault(unit_id, {})[code] = (_decimal(figure), points)
    settings = dict(db.execute("SELECT key, value FROM setting"))
    explanations = _explanations(db) if info.phase is Phase.ROUND_2 else None
    if info.phase is Phase.ROUND_2 and explanations is None:
        return None
    return QuickRound(
        info, r[11], units, known, assignments, selfs, scores, components, settings, explanations
    )


_EXPLANATIONS = (
    "SELECT id, unit_id, file_name, form_sha256, form_serial, imported_at, actor, approver_name,"
    " approver_title, approved_on, replaces FROM explanation_import WHERE status = 'current'"
)
"""``parapp.store.explanations.CURRENT`` is the status of a unit's current explanation."""


def _explanations(db: sqlite3.Connection) -> dict[str, Explanation] | None:
    """Unit -> its current explanation, as ``parapp.store.explanations.current_all`` (and
    ``current``) return it; None where the store's answer is not certain: a unit with two
    current explanations (``current`` takes either one), or two items or citations at the same
    position (the store's order among them is the database's)."""
    imports = db.execute(_EXPLANATIONS).fetchall()
    items: dict[int, list[tuple[int, int, str, str | None, str]]] = {}
    for row_id, import_id, position, code, proposed, text in db.execute(
        "SELECT id, import_id, position, node_code, proposed, text FROM explanation"
        " ORDER BY import_id, position"
    ):
        items.setdefault(import_id, []).append((position, row_id, code, proposed, text))
    refs: dict[int, list[tuple[int, EvidenceRef]]] = {}
    for explanation_id, position, file_name, page, sha256 in db.execute(
        "SELECT explanation_id, position, file_name, page, sha256 FROM explanation_evidence"
        " ORDER BY explanation_id, position"
    ):
        refs.setdefault(explanation_id, []).append((position, EvidenceRef(file_name, page, sha256)))
    out: dict[str, Explanation] = {}
    for r in imports:
        unit_id = r[1]
        if unit_id in out or not _distinct(p for p, *_ in items.get(r[0], ())):
            return None
        explained = []
        for _position, row_id, code, proposed, text in items.get(r[0], ()):
            cited = refs.get(row_id, [])
            if not _distinct(p for p, _ref in cited):
                return None
            explained.append(
                ExplainedItem(code, _decimal(proposed), text, tuple(ref for _p, ref in cited))
            )
        out[unit_id] = Explanation(
            id=r[0],
            unit_id=unit_id,
            file_name=r[2],
            form_sha256=r[3],
            form_serial=r[4],
            imported_at=r[5],
            actor=r[6],
            approval=Approval(r[7], r[8], dt.date.fromisoformat(r[9])),
            items=tuple(explained),
            replaces=r[10],
            current=True,
        )
    return out


def _distinct(positions: Iterable[int]) -> bool:
    seen = list(positions)
    return len(seen) == len(set(seen))
