"""Atomic file writes: a temporary file in the same folder, fsync, then ``os.replace``.

A crash or a full disk never leaves a partial file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
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
        replace_retrying(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, UserFacingError):
            raise
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise
    _fsync_dir(path.parent)


RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
"""Waits (seconds, about 3 s in all) before giving up on a file another program holds open."""


def replace_retrying(
    tmp: Path,
    path: Path,
    *,
    delays: tuple[float, ...] = RETRY_DELAYS,
    replace: Callable[[Path, Path], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """``os.replace(tmp, path)``, retried while the target is held open by another program.

    On Windows an antivirus scanning the file, or Excel or a PDF reader showing it, makes the
    replace fail with a sharing violation (PermissionError) for a moment or for as long as the
    program keeps it open. Retry a few times, then name the file and what to do.

    Raises:
        UserFacingError: the file stayed locked through every retry.
    """
    replace = replace or os.replace
    sleep = sleep or time.sleep
    for delay in (*delays, None):
        try:
            replace(tmp, path)
            return
        except PermissionError as exc:
            if delay is None:
                raise _locked(path, exc) from exc
            sleep(delay)


def _locked(path: Path, exc: OSError) -> UserFacingError:
    return UserFacingError(
        Msg(
            f"Tệp {path} đang được một chương trình khác mở (Excel, trình đọc PDF hoặc phần mềm "
            "diệt virus) nên không thay được. Hãy đóng tệp đó rồi làm lại; tệp cũ vẫn giữ nguyên.",
            f"{path} is open in another program (Excel, a PDF reader or an antivirus), so it "
            "cannot be replaced. Close it and try again; the previous file is left unchanged.",
        )
    )


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
