"""Bulk statements straight on the database driver's cursor, inside the session's transaction.

A merge writes thousands of rows; the ORM's (or Core's) per-row parameter handling costs more
than the database itself, so those writes go to the driver in one ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session


def executemany(session: Session, sql: str, rows: Iterable[Sequence[object]]) -> None:
    """Run ``sql`` (``?`` placeholders, turned into the driver's own) once per row, in the
    session's transaction; pending ORM changes are flushed first, so rows keep their order."""
    session.flush()
    connection = session.connection()
    style = connection.dialect.paramstyle
    if style in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    elif style != "qmark":  # pragma: no cover - SQLite and psycopg use the two above
        raise RuntimeError(
            f"bulk writes need a driver with qmark or format placeholders, not {style!r}"
        )
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(sql, list(rows))
    finally:
        cursor.close()
