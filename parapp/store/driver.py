"""Bulk statements straight on the database driver's cursor, inside the session's transaction.

A merge writes thousands of rows; the ORM's (or Core's) per-row parameter handling costs more
than the database itself, so those writes go to the driver in one ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session


def _driver_sql(session: Session, sql: str) -> str:
    style = session.connection().dialect.paramstyle
    if style in ("format", "pyformat"):
        return sql.replace("?", "%s")
    if style != "qmark":  # pragma: no cover - SQLite and psycopg use the two above
        raise RuntimeError(
            f"bulk writes need a driver with qmark or format placeholders, not {style!r}"
        )
    return sql


def fetchall(session: Session, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
    """Run one query (``?`` placeholders) on the driver in the session's transaction; its rows
    as the driver returns them (no type processing: text stays text)."""
    session.flush()
    sql = _driver_sql(session, sql)
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def executemany(session: Session, sql: str, rows: Iterable[Sequence[object]]) -> None:
    """Run ``sql`` (``?`` placeholders, turned into the driver's own) once per row, in the
    session's transaction; pending ORM changes are flushed first, so rows keep their order."""
    session.flush()
    sql = _driver_sql(session, sql)
    cursor = session.connection().connection.cursor()
    try:
        cursor.executemany(sql, list(rows))
    finally:
        cursor.close()
