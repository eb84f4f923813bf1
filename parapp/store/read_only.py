"""A round opened read-only: every statement that would write is refused with a sentence.

Used when another parapp holds the round's write lock: the round can still be read (the window
shows it, read commands print it) while any change stops at its first write, before anything is
stored, with the sentence naming who holds the round.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg
from parapp.store.database import Database

_READS = ("SELECT", "PRAGMA", "WITH", "EXPLAIN")


class ReadOnlyRoundError(UserFacingError):
    """A write was attempted on a round opened read-only."""


def make_read_only(db: Database, sentence: Msg) -> None:
    """Refuse every writing statement on ``db`` from now on with ``sentence``."""

    def refuse(
        _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
    ) -> None:
        if not statement.lstrip().upper().startswith(_READS):
            raise ReadOnlyRoundError(sentence)

    event.listen(db.engine, "before_cursor_execute", refuse)
    db.read_only_sentence = sentence  # type: ignore[attr-defined]


def read_only_sentence(db: Database) -> Msg | None:
    """The sentence of a read-only round, or None when it may be written."""
    found = getattr(db, "read_only_sentence", None)
    return found if isinstance(found, Msg) else None
