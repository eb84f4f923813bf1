"""The round's archive of offered score packages: ``<round>.submissions/<sha256>``, read-only.

What the merge verifies is exactly what it archives: the file's bytes are written once to a
temporary file of the archive folder, verified there and moved into place. The bytes may reach
the disk (``fsync``) on a helper thread while the package is verified; ``Staged.archive`` waits
for them before the merge's transaction, which names the package, commits.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path

from parapp.io.packages import score_package

ARCHIVE_SUFFIX = ".submissions"

Run = Callable[[Callable[[], None]], "Future[None]"]
"""Runs a job on a helper thread (``merge_commits.Commits.run``)."""


def archive_folder(round_path: Path) -> Path:
    """``<round>.submissions/`` beside the round file."""
    return round_path.with_name(round_path.name + ARCHIVE_SUFFIX)


class Staged:
    """Verified bytes waiting in the archive folder (``staged`` makes one)."""

    def __init__(self, folder: Path, path: Path, fd: int, run: Run | None) -> None:
        self.folder = folder
        self.path = path
        self._synced: Future[None] | None = None
        if run is None:
            os.fsync(fd)
        else:
            self._synced = run(functools.partial(os.fsync, fd))

    def durable(self) -> None:
        """Wait until the bytes are on disk.

        Raises:
            OSError: they could not be written.
        """
        if self._synced is not None:
            self._synced.result()

    def archive(self, package_sha: str) -> Path:
        """Move the bytes, on disk, to ``<folder>/<sha256>``, read-only (kept if already
        there)."""
        target = self.folder / package_sha
        if target.exists():
            return target
        self.durable()
        os.chmod(self.path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(self.path, target)
        return target


@contextlib.contextmanager
def staged(folder: Path, data: bytes, run: Run | None = None) -> Iterator[Staged]:
    """The bytes in a temporary file of the archive folder (removed at the end unless
    archived; the folder too when it was created here and stays empty). ``run``: a helper
    thread to ``fsync`` them on while they are verified (else at once)."""
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".incoming-", suffix=score_package.SUFFIX, dir=folder)
    path = Path(name)
    try:
        _write_all(fd, data)
        kept = Staged(folder, path, fd, run)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    try:
        yield kept
    finally:
        with contextlib.suppress(OSError):
            kept.durable()
        os.close(fd)
        path.unlink(missing_ok=True)
        if created:
            with contextlib.suppress(OSError):  # not empty: something was archived
                folder.rmdir()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
