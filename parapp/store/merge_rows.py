"""The merge's writes as plain rows, straight on the database driver.

A submission brings thousands of scores. Its rows travel as tuples in the column order of the
tables (no ORM object, no per-row parameter processing) and each kind of change goes to the
driver in one ``executemany`` inside the merge's transaction (one per submission: all of it or
nothing, committed with the durability pragmas of ``database``). Values stay exact: a score is
its canonical decimal text, as ``DecimalText`` stores it.

Functions take a ``Session`` and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from parapp.store.driver import executemany, fetchall
from parapp.store.models import AuditRow, ScoreRow

ScoreText = tuple[str, str, str, int, str | None, str, bool, str, str | None]
"""One ``score`` row in ``SCORE_COLUMNS`` order: unit, node, member, appraisal round, value
(canonical decimal text, None when empty), comment, not applicable, updated at, package."""

AuditValues = tuple[str, str, str, str | None, str | None, str, str | None, str | None, str, str]
"""One ``audit`` row in ``AUDIT_COLUMNS`` order (the fields of ``rounds.audit``)."""

SCORE_COLUMNS = (
    "unit_id",
    "node_code",
    "member_id",
    "appraisal_round",
    "value",
    "comment",
    "not_applicable",
    "updated_at",
    "package_sha256",
)
_KEY = SCORE_COLUMNS[:4]
_FIELDS = SCORE_COLUMNS[4:]
AUDIT_COLUMNS = (
    "at",
    "actor",
    "action",
    "unit_id",
    "node_code",
    "field",
    "old",
    "new",
    "reason",
    "source",
)


def member_score_texts(session: Session, member_id: str, appraisal_round: int) -> list[ScoreText]:
    """A member's stored scores of one appraisal round by unit and node, values as their stored
    text (``not_applicable`` as the driver gives it: a bool, or 0/1 on SQLite)."""
    return fetchall(
        session,
        f"SELECT {', '.join(SCORE_COLUMNS)} FROM {ScoreRow.__tablename__}"
        " WHERE member_id = ? AND appraisal_round = ? ORDER BY unit_id, node_code",
        (member_id, appraisal_round),
    )


def write(
    session: Session,
    inserts: Sequence[ScoreText],
    updates: Sequence[ScoreText],
    deletes: Sequence[ScoreText],
    audits: Sequence[AuditValues],
) -> None:
    """Apply a submission's changes to the scores and append its audit rows."""
    where = " AND ".join(f"{name} = ?" for name in _KEY)
    if deletes:
        executemany(
            session,
            f"DELETE FROM {ScoreRow.__tablename__} WHERE {where}",
            (row[:4] for row in deletes),
        )
    if updates:
        sets = ", ".join(f"{name} = ?" for name in _FIELDS)
        executemany(
            session,
            f"UPDATE {ScoreRow.__tablename__} SET {sets} WHERE {where}",
            ((*row[4:], *row[:4]) for row in updates),
        )
    if inserts:
        executemany(session, _insert(ScoreRow.__tablename__, SCORE_COLUMNS), inserts)
    if audits:
        executemany(session, _insert(AuditRow.__tablename__, AUDIT_COLUMNS), audits)


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
