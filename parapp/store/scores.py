"""Repository of council members' appraisal scores and imported component points."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from parapp.core.rounds import Phase
from parapp.store.models import AuditRow, ComponentRow, RoundRow, ScoreRow
from parapp.store.records import StoredScore


@dataclass(frozen=True)
class StoredComponent:
    """Imported points of a survey / agency / leadership leaf."""

    unit_id: str
    node_code: str
    figure: Decimal | None
    value: Decimal
    source: str
    imported_at: str


def _score(r: ScoreRow) -> StoredScore:
    return StoredScore(
        r.unit_id,
        r.node_code,
        r.member_id,
        r.appraisal_round,
        r.value,
        r.comment,
        r.not_applicable,
        r.updated_at,
    )


def get(
    session: Session, unit_id: str, node_code: str, member_id: str, appraisal_round: int
) -> StoredScore | None:
    """One stored score, or None."""
    row = _find(session, unit_id, node_code, member_id, appraisal_round)
    return None if row is None else _score(row)


def _find(
    session: Session, unit_id: str, node_code: str, member_id: str, appraisal_round: int
) -> ScoreRow | None:
    return session.execute(
        select(ScoreRow).where(
            ScoreRow.unit_id == unit_id,
            ScoreRow.node_code == node_code,
            ScoreRow.member_id == member_id,
            ScoreRow.appraisal_round == appraisal_round,
        )
    ).scalar_one_or_none()


def current_phase(session: Session) -> Phase:
    """The round's phase, read alone (the round row also holds the whole criteria set)."""
    return Phase(session.execute(select(RoundRow.phase)).scalar_one())


AuditLine = tuple[str, str | None, str | None]
"""One audited field of a score change: (field, old text, new text)."""

# Built once: executing the same statement objects reuses their compiled form.
_READ_ROUNDS = select(
    ScoreRow.id,
    ScoreRow.appraisal_round,
    ScoreRow.value,
    ScoreRow.comment,
    ScoreRow.not_applicable,
    ScoreRow.updated_at,
).where(
    ScoreRow.unit_id == bindparam("u"),
    ScoreRow.node_code == bindparam("n"),
    ScoreRow.member_id == bindparam("m"),
    ScoreRow.appraisal_round.in_(bindparam("rounds", expanding=True)),
)
_INSERT = insert(ScoreRow)
_UPDATE = (
    update(ScoreRow)
    .where(ScoreRow.id == bindparam("row_id"), ScoreRow.updated_at == bindparam("old_at"))
    .values(
        value=bindparam("value", type_=ScoreRow.value.type),
        comment=bindparam("comment"),
        not_applicable=bindparam("not_applicable"),
        updated_at=bindparam("at"),
    )
)
_AUDIT = insert(AuditRow)
_PHASE_LOCKED = select(RoundRow.phase).with_for_update(read=True)


def save_audited(
    session: Session,
    key: tuple[str, str, str, int],
    make: Callable[[StoredScore | None, StoredScore | None], StoredScore],
    audit: Callable[[StoredScore | None, StoredScore], list[AuditLine]],
    *,
    phase: Phase,
    actor: str,
) -> tuple[StoredScore | None, StoredScore] | None:
    """Write one score of ``key`` (unit, node, member, round) and its audit rows, with plain
    statements (no unit of work), then check the round is still in ``phase``.

    ``make`` gets the stored score of the round and, for round 2, the round-1 one, and returns the
    new score; ``audit`` lists the fields that changed. The phase is read after the writes, in the
    transaction that now holds the write lock (SQLite) or a share lock on the round row
    (PostgreSQL): a phase change cannot slip between the check and the commit. Returns (old, new),
    or None when the phase is no longer ``phase`` or the score changed under the read: the caller
    must then roll the transaction back (nothing it wrote may be committed).
    """
    unit_id, node_code, member_id, appraisal_round = key
    conn = session.connection()  # Core statements: no identity map, no flush
    found: dict[int, tuple[int, StoredScore]] = {}
    for row_id, number, value, comment, not_applicable, at in conn.execute(
        _READ_ROUNDS,
        {"u": unit_id, "n": node_code, "m": member_id, "rounds": sorted({1, appraisal_round})},
    ):
        score = StoredScore(unit_id, node_code, member_id, number, value, comment,
                            not_applicable, at)  # fmt: skip
        found[number] = (row_id, score)
    row_id, old = found.get(appraisal_round, (0, None))
    first = found.get(1) if appraisal_round != 1 else None
    new = make(old, None if first is None else first[1])
    values = {"value": new.value, "comment": new.comment, "not_applicable": new.not_applicable}
    if old is None:
        try:
            conn.execute(
                _INSERT,
                {"unit_id": unit_id, "node_code": node_code, "member_id": member_id,
                 "appraisal_round": appraisal_round, "updated_at": new.updated_at, **values},
            )  # fmt: skip
        except IntegrityError:  # inserted by another connection since the read
            return None
    else:
        changed = conn.execute(
            _UPDATE,
            {"row_id": row_id, "old_at": old.updated_at, "at": new.updated_at, **values},
        )  # fmt: skip
        if changed.rowcount != 1:  # changed by another connection since the read
            return None
    lines = audit(old, new)
    if lines:
        conn.execute(
            _AUDIT,
            [
                {"at": new.updated_at, "actor": actor, "action": "score", "unit_id": unit_id,
                 "node_code": node_code, "field": name, "old": before, "new": after,
                 "reason": "", "source": ""}
                for name, before, after in lines
            ],
        )  # fmt: skip
    if Phase(conn.execute(_PHASE_LOCKED).scalar_one()) is not phase:
        return None
    return old, new


def put(session: Session, score: StoredScore) -> None:
    """Insert or update the score of (unit, node, member, round)."""
    row = _find(session, score.unit_id, score.node_code, score.member_id, score.appraisal_round)
    _write(session, row, score)


def _write(session: Session, row: ScoreRow | None, score: StoredScore) -> None:
    if row is None:
        session.add(
            ScoreRow(
                unit_id=score.unit_id,
                node_code=score.node_code,
                member_id=score.member_id,
                appraisal_round=score.appraisal_round,
                value=score.value,
                comment=score.comment,
                not_applicable=score.not_applicable,
                updated_at=score.updated_at,
            )
        )
        return
    row.value = score.value
    row.comment = score.comment
    row.not_applicable = score.not_applicable
    row.updated_at = score.updated_at


def for_unit(session: Session, unit_id: str, member_id: str | None = None) -> list[StoredScore]:
    """Every score of a unit (optionally one member's), by node, member and round."""
    query = select(ScoreRow).where(ScoreRow.unit_id == unit_id)
    if member_id is not None:
        query = query.where(ScoreRow.member_id == member_id)
    query = query.order_by(ScoreRow.node_code, ScoreRow.member_id, ScoreRow.appraisal_round)
    return [_score(r) for r in session.execute(query).scalars()]


def for_member(
    session: Session, member_id: str, unit_ids: Iterable[str] | None = None
) -> dict[str, list[StoredScore]]:
    """Unit -> one member's scores of it (of ``unit_ids``, or every unit), by node and round;
    one query of plain columns."""
    r = ScoreRow
    query = select(
        r.unit_id,
        r.node_code,
        r.member_id,
        r.appraisal_round,
        r.value,
        r.comment,
        r.not_applicable,
        r.updated_at,
    ).where(r.member_id == member_id)
    if unit_ids is not None:
        query = query.where(r.unit_id.in_(list(unit_ids)))
    query = query.order_by(r.unit_id, r.node_code, r.appraisal_round)
    out: dict[str, list[StoredScore]] = {}
    for row in session.execute(query):
        out.setdefault(row[0], []).append(StoredScore(*row))
    return out


def all_scores(session: Session) -> list[StoredScore]:
    """Every score in the file, in a stable order."""
    query = select(ScoreRow).order_by(
        ScoreRow.unit_id, ScoreRow.node_code, ScoreRow.member_id, ScoreRow.appraisal_round
    )
    return [_score(r) for r in session.execute(query).scalars()]


def components(session: Session, unit_id: str | None = None) -> list[StoredComponent]:
    """Imported component points (of one unit, or all)."""
    query = select(ComponentRow)
    if unit_id is not None:
        query = query.where(ComponentRow.unit_id == unit_id)
    query = query.order_by(ComponentRow.unit_id, ComponentRow.node_code)
    return [
        StoredComponent(r.unit_id, r.node_code, r.figure, r.value, r.source, r.imported_at)
        for r in session.execute(query).scalars()
    ]


def stream_components(session: Session, batch: int = 2000) -> Iterator[StoredComponent]:
    """Every imported component by unit and node, read ``batch`` rows at a time."""
    query = select(ComponentRow).order_by(ComponentRow.unit_id, ComponentRow.node_code)
    for r in session.execute(query.execution_options(yield_per=batch)).scalars():
        yield StoredComponent(r.unit_id, r.node_code, r.figure, r.value, r.source, r.imported_at)


def put_component(session: Session, component: StoredComponent) -> StoredComponent | None:
    """Insert or replace a component value; return the previous one."""
    row = session.get(ComponentRow, (component.unit_id, component.node_code))
    if row is None:
        session.add(
            ComponentRow(
                unit_id=component.unit_id,
                node_code=component.node_code,
                figure=component.figure,
                value=component.value,
                source=component.source,
                imported_at=component.imported_at,
            )
        )
        return None
    old = StoredComponent(
        row.unit_id, row.node_code, row.figure, row.value, row.source, row.imported_at
    )
    row.figure = component.figure
    row.value = component.value
    row.source = component.source
    row.imported_at = component.imported_at
    return old


def items_scored_in_round(session: Session, appraisal_round: int) -> dict[str, set[str]]:
    """Unit id -> leaf codes that hold a score of ``appraisal_round`` (values are not read, so a
    stored value that is not a number cannot fail the caller)."""
    found: dict[str, set[str]] = {}
    query = select(ScoreRow.unit_id, ScoreRow.node_code).where(
        ScoreRow.appraisal_round == appraisal_round
    )
    for unit_id, node_code in session.execute(query.distinct()):
        found.setdefault(unit_id, set()).add(node_code)
    return found
