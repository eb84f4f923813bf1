"""One round, one writer: a lock file beside the round names who has it open for writing; a
second parapp (on this computer or another, over a shared folder) opens it read-only and says
so. Every phase change writes a dated backup beside the round (SQLite's backup API), and
freezing writes a zip archive of the round, its evidence and its submissions for the records.

The lock is a plain file created exclusively (``O_CREAT | O_EXCL``: atomic on local disks, on
Windows and on SMB/NFS shares): ``<round>.lock`` holding host, user, process id and time as
JSON. It is stale when its host is this computer and its process is gone (checked with
``OpenProcess`` on Windows, signal 0 elsewhere); a lock from another computer is never taken
over automatically.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import sqlite3
import sys
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg
from parapp.services.context import RoundContext

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
BACKUP_FOLDER_SUFFIX = ".backups"
ARCHIVE_SUFFIX = ".archive.zip"


@dataclass(frozen=True)
class LockHolder:
    """Who holds a round open for writing."""

    host: str
    user: str
    pid: int
    at: str
    token: str = ""

    def sentence(self) -> Msg:
        """The read-only sentence shown in the banner and by write commands."""
        return Msg(
            f"Đợt thẩm định này đang được mở để ghi bởi {self.user or 'một người dùng'} trên máy "
            f"{self.host} (tiến trình {self.pid}, từ {self.at}). Đợt được mở ở chế độ CHỈ ĐỌC: "
            "không thay đổi được gì cho đến khi nơi kia đóng đợt.",
            f"This round is open for writing by {self.user or 'another user'} on {self.host} "
            f"(process {self.pid}, since {self.at}). It is open READ-ONLY: nothing can be "
            "changed until the other copy of parapp closes it.",
        )


def lock_path(round_path: Path) -> Path:
    """``<round>.lock`` beside the round file."""
    return round_path.with_name(round_path.name + LOCK_SUFFIX)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (Windows and POSIX)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes  # noqa: PLC0415

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_holder(round_path: Path) -> LockHolder | None:
    """The lock's holder, or None when there is no lock (an unreadable lock is a holder of
    unknown identity: never taken over silently)."""
    path = lock_path(round_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            str(data["host"]), str(data["user"]), int(data["pid"]), str(data["at"]),
            str(data.get("token", "")),
        )  # fmt: skip
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockHolder("?", "?", 0, "?")


def is_stale(holder: LockHolder) -> bool:
    """Left by a process of this computer that is gone."""
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class RoundLock:
    """The lock of a round held by this process; ``release`` (or the context) frees it."""

    def __init__(self, round_path: Path, holder: LockHolder) -> None:
        self.round_path = round_path
        self.holder = holder

    def release(self) -> None:
        """Remove the lock file when it is still ours."""
        current = read_holder(self.round_path)
        if current is not None and current.token == self.holder.token:
            with contextlib.suppress(FileNotFoundError):
                lock_path(self.round_path).unlink()

    def __enter__(self) -> RoundLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(round_path: Path) -> RoundLock | LockHolder:
    """Take the round's write lock, or return who holds it (then open the round read-only).
    A stale lock of this computer is taken over."""
    path = lock_path(Path(round_path))
    for _attempt in range(2):
        me = LockHolder(
            socket.gethostname(),
            _user(),
            os.getpid(),
            datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
            uuid.uuid4().hex,
        )
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = read_holder(Path(round_path))
            if holder is None:
                continue  # released in between
            if holder.token and is_stale(holder):
                log.warning("taking over the stale lock of process %d", holder.pid)
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            return holder
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me.__dict__, handle)
        return RoundLock(Path(round_path), me)
    holder = read_holder(Path(round_path))
    return holder if holder is not None else LockHolder("?", "?", 0, "?")


@contextlib.contextmanager
def writing(round_path: Path) -> Iterator[RoundLock]:
    """Hold the write lock for a command.

    Raises:
        UserFacingError: another parapp has the round open for writing (the sentence says who).
    """
    got = acquire(round_path)
    if isinstance(got, LockHolder):
        raise UserFacingError(got.sentence())
    try:
        yield got
    finally:
        got.release()


# -- records ------------------------------------------------------------------------------------


def backup_folder(round_path: Path) -> Path:
    """``<round>.backups/`` beside the round file."""
    return round_path.with_name(round_path.name + BACKUP_FOLDER_SUFFIX)


def backup(ctx: RoundContext, label: str) -> Path:
    """A dated, consistent copy of the round (SQLite's online backup API) in the backups folder:
    ``<stem>-<YYYYmmdd-HHMMSS>-<label>.parround``."""
    folder = backup_folder(ctx.path)
    folder.mkdir(exist_ok=True)
    stamp = ctx.clock().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{ctx.path.stem}-{stamp}-{label}{ctx.path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{ctx.path.stem}-{stamp}-{label}-{n}{ctx.path.suffix}"
    with (
        contextlib.closing(sqlite3.connect(ctx.path)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        dst.execute("pragma journal_mode=delete")  # one self-contained file, no -wal beside it
    log.info("backed up %s to %s", ctx.path.name, target.name)
    return target


def freeze_archive(ctx: RoundContext) -> Path:
    """The records' archive of a frozen round: ``<round>.archive.zip`` beside it with a
    consistent copy of the round file, its evidence folder and its submissions (every kept
    package)."""
    from parapp.services.merge import archive_folder  # noqa: PLC0415

    snapshot = backup(ctx, "frozen")
    target = ctx.path.with_name(ctx.path.stem + ARCHIVE_SUFFIX)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(snapshot, ctx.path.name)
        for folder in (ctx.evidence.root, archive_folder(ctx.path)):
            if not folder.is_dir():
                continue
            for item in sorted(folder.rglob("*")):
                if item.is_file() and not item.name.startswith(".incoming"):
                    zf.write(item, f"{folder.name}/{item.relative_to(folder).as_posix()}")
    os.replace(partial, target)
    log.info("archived %s to %s", ctx.path.name, target.name)
    return target


def after_phase_change(ctx: RoundContext, to_phase: str) -> list[Path]:
    """What a phase change leaves for the records: a dated backup, and on freezing the
    archive."""
    written = [backup(ctx, to_phase)]
    if to_phase == "frozen":
        written.append(freeze_archive(ctx))
    return written
