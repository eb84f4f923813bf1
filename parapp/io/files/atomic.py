"""Atomic file writes: a temporary file in the same folder, fsync, then ``os.replace``.

A crash or a full disk never leaves a partial file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only when the block finishes without error.

    Raises:
        UserFacingError: the file cannot be written (full disk, read-only or missing folder).
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise
    _fsync_dir(path.parent)


def _cannot_write(path: Path, exc: OSError) -> UserFacingError:
    # A full disk, a read-only or missing folder, a lost network drive: the user can act on these,
    # so they are user errors, not bugs; the old file (if any) is untouched.
    reason = exc.strerror or type(exc).__name__
    return UserFacingError(
        Msg(
            f"Không ghi được tệp {path.name} vào {path.parent}: {reason}. Tệp cũ (nếu có) vẫn "
            "giữ nguyên.",
            f"Cannot write {path.name} to {path.parent}: {reason}. Any previous file is left "
            "unchanged.",
        )
    )


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path) as handle:
        handle.write(data)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk; Windows cannot open a folder, and does not need to.
    if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
