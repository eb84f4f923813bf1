"""Read and write criteria-set JSON files (the canonical format) atomically."""

from __future__ import annotations

from pathlib import Path

from parapp.core import criteria_codec
from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg
from parapp.io.files.atomic import write_bytes_atomic

MAX_JSON_BYTES = 20 * 1024 * 1024
"""A criteria set is a few hundred kilobytes; anything far larger is not one."""


def read_json(path: Path) -> CriteriaSet:
    """Load and check a criteria-set JSON file.

    Raises:
        ImportFormatError: unreadable, too large, not JSON, or the set has problems.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise ImportFormatError(
                [
                    Problem(
                        Location(file=name),
                        Msg(
                            f"Tệp quá lớn ({size} byte) để là một bộ tiêu chí.",
                            f"File too large ({size} bytes) to be a criteria set.",
                        ),
                    )
                ],
                name,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(
            [
                Problem(
                    Location(file=name),
                    Msg(
                        f"Không đọc được tệp: {exc.strerror}",
                        f"Cannot read the file: {exc.strerror}",
                    ),
                )
            ],
            name,
        ) from None
    return criteria_codec.loads(data, source=name)


def write_json(criteria_set: CriteriaSet, path: Path) -> None:
    """Write the canonical JSON of a set (atomic: a temp file, fsync, then rename)."""
    write_bytes_atomic(path, criteria_codec.dumps(criteria_set).encode("utf-8"))
