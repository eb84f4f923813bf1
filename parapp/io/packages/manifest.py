"""Fields every signed or hashed package manifest shares: the file list, ids and timestamps.

Member packages (.parpkg) and score packages (.parscore) list their files the same way; each
format then adds its own rules (which names it allows, which files it requires).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from parapp.core.errors import Location, Problem
from parapp.core.messages import Msg

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PackageFile:
    """One listed file: its entry name, hex SHA-256 and size in bytes."""

    name: str
    sha256: str
    size: int


def problem(source: str, vi: str, en: str) -> Problem:
    """A problem about the whole file ``source``."""
    return Problem(Location(file=source), Msg(vi, en))


def no_float(value: str) -> object:
    """``json.loads(parse_float=...)``: manifests hold strings and integers, never floats."""
    raise ValueError(f"numbers must be strings or integers, not {value}")


def is_uuid4(text: str) -> bool:
    """A canonical (lower-case, hyphenated) version-4 UUID."""
    try:
        return uuid.UUID(text).version == 4 and str(uuid.UUID(text)) == text
    except ValueError:
        return False


def has_offset(text: str) -> bool:
    """An ISO 8601 time that states its UTC offset."""
    try:
        return datetime.fromisoformat(text).utcoffset() is not None
    except ValueError:
        return False


def file_list(
    value: object,
    source: str,
    where: str,
    problems: list[Problem],
    *,
    name_ok: Callable[[str, str], Msg | None],
    required: Sequence[str],
) -> tuple[PackageFile, ...]:
    """Parse a manifest's ``files``: each a name, a SHA-256 and a size, no name twice, every
    ``required`` name present. ``name_ok(name, sha)`` returns why a name is refused, or None.
    Problems are appended; the valid entries are returned sorted by name.
    """
    if not isinstance(value, list):
        problems.append(
            problem(
                source, f"“{where}”: thiếu danh mục “files”.", f"“{where}”: “files” is missing."
            )
        )
        return ()
    files: list[PackageFile] = []
    for index, item in enumerate(value):
        name = item.get("name") if isinstance(item, dict) else None
        sha = item.get("sha256") if isinstance(item, dict) else None
        size = item.get("size") if isinstance(item, dict) else None
        if (
            not isinstance(name, str)
            or not isinstance(sha, str)
            or not SHA256_PATTERN.match(sha)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
        ):
            problems.append(
                problem(
                    source,
                    f"“{where}”: mục files[{index}] thiếu tên, SHA-256 hoặc kích thước hợp lệ.",
                    f"“{where}”: files[{index}] lacks a valid name, SHA-256 or size.",
                )
            )
            continue
        refusal = name_ok(name, sha)
        if refusal is not None:
            problems.append(Problem(Location(file=source), refusal))
        files.append(PackageFile(name, sha, size))
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        problems.append(
            problem(
                source,
                f"“{where}”: có tệp được liệt kê hai lần.",
                f"“{where}”: a file is listed twice.",
            )
        )
    problems.extend(
        problem(
            source,
            f"“{where}”: thiếu “{name}” trong danh mục.",
            f"“{where}”: “{name}” is not listed.",
        )
        for name in required
        if name not in names
    )
    return tuple(sorted(files, key=lambda f: f.name))
