"""The open round a service works on: database, evidence folder, clock and the acting person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg
from parapp.store import rounds as round_store
from parapp.store.database import Database, open_database
from parapp.store.evidence import EvidenceFolder
from parapp.store.leftovers import remove_stale_temp_files

ROUND_SUFFIX = ".parround"


def system_clock() -> datetime:
    """Now, as an aware local time (the offset is what the user saw)."""
    return datetime.now(UTC).astimezone()


@dataclass
class RoundContext:
    """An open round file. Build with ``open_round`` or ``rounds.create_round``; close when done."""

    db: Database
    path: Path
    evidence: EvidenceFolder
    clock: Callable[[], datetime] = system_clock
    actor: str = ""
    _criteria: CriteriaSet | None = field(default=None, repr=False)

    def now(self) -> str:
        """The current time as ISO 8601 text with its UTC offset."""
        return self.clock().isoformat(timespec="seconds")

    def criteria_set(self) -> CriteriaSet:
        """The round's frozen criteria set (read once, then cached: it never changes)."""
        if self._criteria is None:
            with self.db.transaction() as s:
                self._criteria = round_store.criteria_set(s)
        return self._criteria

    def use_criteria_set(self, criteria_set: CriteriaSet) -> None:
        """Take ``criteria_set`` as the round's, parsed from this file's stored criteria JSON by
        the caller (``quick_open``), so that it is not parsed a second time."""
        self._criteria = criteria_set

    def close(self) -> None:
        """Release the database file."""
        self.db.close()

    def __enter__(self) -> RoundContext:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_round(
    path: Path, *, clock: Callable[[], datetime] = system_clock, actor: str = ""
) -> RoundContext:
    """Open an existing round or workspace file, upgrading its schema after a backup.

    Raises:
        UserFacingError: missing, damaged, newer than this build, or not a round.
    """
    path = Path(path)
    stamp = clock().strftime("%Y%m%d%H%M%S")
    db, _upgrade = open_database(path, stamp=stamp)
    with db.transaction() as s:
        found = round_store.find_info(s)
    if found is None:
        db.close()
        raise UserFacingError(
            Msg(
                f"{path.name} không chứa đợt thẩm định nào.",
                f"{path.name} holds no appraisal round.",
            )
        )
    remove_stale_temp_files(path)  # left by a writer killed mid-way (a merge, an import)
    return RoundContext(db, path, EvidenceFolder.beside(path), clock, actor)
