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
from parapp.store.models import AuditRow, ImportRow, ScoreRow, SubmissionRow
from parapp.store.submissions import StoredSubmission

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


SUBMISSION_COLUMNS = (
    "submission_id",
    "member_id",
    "appraisal_round",
    "deprecated_id",
    "created_at",
    "imported_at",
    "status",
    "content_sha256",
    "package_sha256",
    "file_name",
    "signer",
    "certificate_sha256",
    "trust",
    "signing_time",
    "scores",
    "findings",
    "note",
)
"""The columns of a ``submission`` row, in ``StoredSubmission`` field order."""
IMPORT_COLUMNS = ("at", "kind", "file_name", "sha256", "unit_id", "changed")


def scored_members(session: Session) -> set[tuple[str, int]]:
    """(member, appraisal round) of every member with stored scores in that appraisal round:
    one pass over the scores, so that a merge reads a member's stored scores only when there
    are some."""
    rows = fetchall(
        session,
        f"SELECT DISTINCT member_id, appraisal_round FROM {ScoreRow.__tablename__}",
        (),
    )
    return {(member, int(rnd)) for member, rnd in rows}


def submissions_by_id(session: Session, submission_id: str) -> list[StoredSubmission]:
    """Every record of a submission id in import order (as ``submissions.by_submission_id``),
    read on the driver."""
    rows = fetchall(
        session,
        f"SELECT {', '.join(SUBMISSION_COLUMNS)} FROM {SubmissionRow.__tablename__}"
        " WHERE submission_id = ? ORDER BY id",
        (submission_id,),
    )
    return [StoredSubmission(*row) for row in rows]


def head_submission(
    session: Session, member_id: str, appraisal_round: int
) -> StoredSubmission | None:
    """The member's current submission of an appraisal round (as ``submissions.head``)."""
    rows = fetchall(
        session,
        f"SELECT {', '.join(SUBMISSION_COLUMNS)} FROM {SubmissionRow.__tablename__}"
        " WHERE member_id = ? AND appraisal_round = ? AND status = ?",
        (member_id, appraisal_round, "head"),
    )
    if len(rows) > 1:  # pragma: no cover - one head per member and round, by construction
        raise RuntimeError(f"member {member_id!r} has {len(rows)} current submissions")
    return StoredSubmission(*rows[0]) if rows else None


def insert_submission(session: Session, record: StoredSubmission) -> None:
    """Record a submission (one row)."""
    values = tuple(getattr(record, name) for name in SUBMISSION_COLUMNS)
    executemany(session, _insert(SubmissionRow.__tablename__, SUBMISSION_COLUMNS), [values])


def insert_import(
    session: Session, at: str, kind: str, file_name: str, sha256: str, changed: int
) -> None:
    """Log an imported file by content hash (as ``rounds.record_import``, without a unit)."""
    executemany(
        session,
        _insert(ImportRow.__tablename__, IMPORT_COLUMNS),
        [(at, kind, file_name, sha256, None, changed)],
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
