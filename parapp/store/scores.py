"""Repository of council members' appraisal scores and imported component points."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from parapp.core.rounds import Phase
from parapp.store.models import ComponentRow, RoundRow, ScoreRow


@dataclass(frozen=True)
class StoredScore:
    """A member's appraisal of one leaf in one appraisal round."""

    unit_id: str
    node_code: str
    member_id: str
    appraisal_round: int
    value: Decimal | None
    comment: str
    not_applicable: bool
    updated_at: str


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


def change(
    session: Session,
    unit_id: str,
    node_code: str,
    member_id: str,
    appraisal_round: int,
    make: Callable[[StoredScore | None], StoredScore],
) -> tuple[StoredScore | None, StoredScore]:
    """Insert or update one score with a single lookup: ``make`` gets the stored score (None
    when there is none) and returns the new one. Returns (old, new)."""
    row = _find(session, unit_id, node_code, member_id, appraisal_round)
    old = None if row is None else _score(row)
    new = make(old)
    _write(session, row, new)
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
