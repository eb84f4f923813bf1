"""Engine, sessions and one transaction per user action; schema upgrades on open.

A round is one SQLite file in WAL mode with foreign keys on and ``synchronous=FULL``: a commit
that returned is on disk, so every acknowledged edit survives a crash or a pulled plug. The same
models run on PostgreSQL; the pragmas are applied only to SQLite files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class Upgrade:
    """What opening a database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


class Database:
    """An open round or workspace file."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any exception."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release every connection (and the file, on Windows)."""
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def engine_for(path: Path) -> Engine:
    """An engine on a SQLite file with the durability pragmas set on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


StoreSession = Session
"""The session a repository function takes: services annotate with it, never importing
SQLAlchemy themselves."""

SCHEMA_HEAD = "0009"
"""The newest migration this build ships. Opening a current file needs no Alembic at all (it is
imported only to upgrade); tests/store/test_migrations.py checks this equals Alembic's head."""


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - Alembic loads only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The newest schema revision the shipped migration scripts define (reads the scripts)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - Alembic loads only when needed

    head = ScriptDirectory.from_config(
        _alembic_config(create_engine("sqlite://"))
    ).get_current_head()
    assert head is not None  # the first migration always exists
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None for an empty file)."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_database(path: Path, *, create: bool = False, stamp: str = "") -> tuple[Database, Upgrade]:
    """Open (or create) a round file and bring its schema to the newest revision.

    An existing file with an older schema is first copied to ``<name>.bak-<revision>[-<stamp>]``
    beside it, so an upgrade can always be undone by hand.

    Raises:
        UserFacingError: the file is missing (and ``create`` is false), not a parapp database,
            newer than this build, or it or its folder is read-only.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise UserFacingError(
            Msg(f"Không tìm thấy tệp {path.name}.", f"File not found: {path.name}.")
        )
    folder = path.parent
    if not (os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))):
        # SQLite in WAL mode writes "-wal" and "-shm" files beside the round even to read it;
        # without this check a read-only file or folder surfaces as "unable to open database".
        raise UserFacingError(
            Msg(
                f"Không mở được {path.name} để ghi: tệp hoặc thư mục {folder} chỉ cho phép đọc "
                "(hoặc không tồn tại). Hãy chép tệp sang một thư mục có quyền ghi rồi mở lại.",
                f"Cannot open {path.name} for writing: the file or its folder {folder} is "
                "read-only (or does not exist). Copy the file to a writable folder and open it "
                "again.",
            )
        )
    head = SCHEMA_HEAD
    current = _peek_revision(path) if path.exists() else None
    if current is None and path.exists() and not create:
        raise UserFacingError(
            Msg(
                f"{path.name} không phải là tệp dữ liệu parapp.",
                f"{path.name} is not a parapp data file.",
            )
        )
    if current is not None and current != head and not _is_known(current):
        raise UserFacingError(
            Msg(
                f"{path.name} được tạo bởi phiên bản parapp mới hơn; hãy cập nhật parapp.",
                f"{path.name} was written by a newer parapp; please update parapp.",
            )
        )
    engine = engine_for(path)
    backup = None
    if current != head:
        if current is not None:
            suffix = f"-{stamp}" if stamp else ""
            backup = path.with_name(f"{path.name}.bak-{current}{suffix}")
            _backup_sqlite(path, backup)
            log.info("backed up %s to %s before upgrading", path.name, backup.name)
        from alembic import command  # noqa: PLC0415 - Alembic loads only when migrating

        command.upgrade(_alembic_config(engine), "head")
        log.info("schema of %s: %s -> %s", path.name, current, head)
    return Database(engine, path), Upgrade(current, head, backup)


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    return any(rev.revision == revision for rev in script.walk_revisions())


def _backup_sqlite(source: Path, target: Path) -> None:
    # SQLite's online backup copies a consistent snapshot, WAL content included; a plain file copy
    # could miss pages still in the -wal file after a crash.
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _peek_revision(path: Path) -> str | None:
    """The schema revision, read without changing a byte of the file (read-only, no pragmas).

    Without a ``-wal`` beside it every committed page is in the file itself: it is read as
    immutable, so a refused file (damaged, foreign, newer) is not left with "-wal" and "-shm"
    files that a read-only connection creates and cannot remove.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        ) as raw:
            tables = {
                r[0] for r in raw.execute("select name from sqlite_master where type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise sqlite3.DatabaseError("no parapp schema")
                return None
            row = raw.execute("select version_num from alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UserFacingError(
            Msg(
                f"{path.name} không phải là tệp dữ liệu parapp hoặc đã hỏng ({exc}).",
                f"{path.name} is not a parapp data file or is damaged ({exc}).",
            )
        ) from exc
    return None if row is None else str(row[0])
