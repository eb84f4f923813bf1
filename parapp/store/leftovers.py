"""Temporary files a killed writer left beside a round, removed when the round is next opened.

Every file parapp writes beside a round is first written to a hidden temporary file in the same
folder and then renamed into place: a member's package being merged
(``<round>.submissions/.incoming-*.parscore``) and an evidence file being stored
(``<round>.evidence/.incoming.*``). A process killed between the two (power cut, task manager,
SIGKILL) leaves the temporary file behind; nothing in the database refers to it, so removing it
never touches committed data.

Which files are stale: a round has one writer at a time (the secretary's window or one
command), so a temporary file last written before this process started belongs to a writer that
is gone. Files written after that may be this process's own work in progress (or, against the
rule, another live writer's) and are left alone. Only these hidden temporary files are ever
removed; a file that cannot be removed (read-only folder) is left and logged.
"""

from __future__ import annotations

import glob
import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_PREFIX = ".incoming"
"""How every temporary file beside a round begins (``.incoming-`` and ``.incoming.``)."""

STARTED = time.time()
"""When this process started (first imported this module, before it could write anything)."""


def stale_temp_files(round_path: Path, *, before: float = STARTED) -> list[Path]:
    """The temporary files in the folders beside ``round_path`` last written before ``before``.

    The folders are ``<round file name>.<anything>/`` (the evidence and submissions folders).
    """
    round_path = Path(round_path)
    stale: list[Path] = []
    for folder in sorted(round_path.parent.glob(f"{glob.escape(round_path.name)}.*")):
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.glob(f"{TEMP_PREFIX}*")):
            try:
                if candidate.is_file() and candidate.stat().st_mtime < before:
                    stale.append(candidate)
            except OSError:  # gone meanwhile
                continue
    return stale


def remove_stale_temp_files(round_path: Path, *, before: float = STARTED) -> list[Path]:
    """Remove what :func:`stale_temp_files` finds; return the files actually removed."""
    removed: list[Path] = []
    for path in stale_temp_files(round_path, before=before):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("cannot remove a stale temporary file %s: %s", path, exc)
            continue
        removed.append(path)
        log.warning("removed a temporary file left by an interrupted writer: %s", path)
    return removed
