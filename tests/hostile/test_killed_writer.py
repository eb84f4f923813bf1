"""A writer killed mid-way (SIGKILL) leaves its hidden temporary files beside the round: the
package being merged (``.submissions/.incoming-*``) and an evidence file being stored
(``.evidence/.incoming.*``). The next open of the round, by any command, removes them and
touches nothing committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from parapp.services import merge, rounds
from parapp.services.context import open_round
from parapp.store import leftovers
from parapp.store.evidence import CHUNK, EvidenceFolder
from tests.hostile.world import dump
from tests.services.merge_world import Keys, make_keys, make_round, signed_package

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX processes only")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2", "m3"))


def _integrity(path: Path) -> str:
    raw = sqlite3.connect(path)  # read-write: recovers the WAL the killed writer left
    try:
        return str(raw.execute("pragma integrity_check").fetchone()[0])
    finally:
        raw.close()


def _fork(work: object) -> tuple[int, int, int]:
    """A child that reports "r", waits for "g", runs ``work()`` and reports "d"."""
    go_read, go_write = os.pipe()
    report_read, report_write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        status = 1
        try:
            os.write(report_write, b"r")
            os.read(go_read, 1)
            work()  # type: ignore[operator]
            os.write(report_write, b"d")
            status = 0
        finally:
            os._exit(status)
    os.close(go_read)
    os.close(report_write)
    return pid, go_write, report_read


def _kill_when(pid: int, appears: object, timeout: float = 60.0) -> bool:
    """SIGKILL ``pid`` as soon as ``appears()`` is true; False if the child ended first."""
    deadline = time.monotonic() + timeout
    caught = False
    while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
        if appears():  # type: ignore[operator]
            caught = True
            break
        time.sleep(0.0005)
    else:
        return False
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return caught


def _incoming(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def test_a_killed_merge_and_evidence_copy_leave_temp_files_the_next_open_removes(
    tmp_path: Path, keys: Keys
) -> None:
    path = tmp_path / "dot.parround"
    with make_round(path, keys, registered=("m1", "m2")) as ctx:
        rid = rounds.round_info(ctx).id
        p1, _ = signed_package(tmp_path / "m1.parscore", rid, keys, "m1", {"A": {"1.1": "2"}})
        assert merge.merge_submissions(ctx, [p1], keys.trust).ok
    p2, _ = signed_package(tmp_path / "m2.parscore", rid, keys, "m2", {"A": {"1.1": "4"}})
    archive = merge.archive_folder(path)
    archived = sorted(p.name for p in archive.iterdir())

    # 1. Kill a real merge while its package is staged in the archive folder.
    for _attempt in range(5):

        def merging() -> None:
            with open_round(path, actor="thu-ky") as child:
                merge.merge_submissions(child, [p2], keys.trust)

        pid, go, report = _fork(merging)
        try:
            assert os.read(report, 1) == b"r"
            os.write(go, b"g")
            caught = _kill_when(pid, lambda: _incoming(archive, ".incoming-*"))
        finally:
            os.close(go)
            os.close(report)
        if caught:
            break
        pytest.fail("the merge finished before the kill")  # pragma: no cover
    assert _incoming(archive, ".incoming-*"), "the kill left no staged package"

    # 2. Kill a real copy into the evidence folder, its source a pipe that never ends.
    evidence = EvidenceFolder.beside(path)
    fifo = tmp_path / "slow.pdf"
    os.mkfifo(fifo)
    pid, go, report = _fork(lambda: evidence.put(fifo))
    writer = None
    try:
        assert os.read(report, 1) == b"r"
        os.write(go, b"g")
        writer = os.open(fifo, os.O_WRONLY)  # the child is now copying
        os.write(writer, b"%PDF-1.7\n" + b"x" * (CHUNK + 65536))  # one chunk and more

        def half_written() -> bool:
            found = _incoming(evidence.root, ".incoming.*")
            return bool(found) and found[0].stat().st_size > 0

        assert _kill_when(pid, half_written)
    finally:
        if writer is not None:
            os.close(writer)
        os.close(go)
        os.close(report)
    left = _incoming(archive, ".incoming-*") + _incoming(evidence.root, ".incoming.*")
    assert len(left) == 2

    assert _integrity(path) == "ok"
    committed = dump(path)
    # 3. The next open, by a fresh process (here: a read-only command), removes them.
    done = subprocess.run(
        [sys.executable, "-m", "parapp", "--lang", "en", "completeness", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not any(p.exists() for p in left)
    assert _integrity(path) == "ok"
    assert dump(path) == committed
    assert set(archived) <= {p.name for p in archive.iterdir()}  # (+ m2's, if killed late)
    assert not [p for p in archive.iterdir() if p.name.startswith(".")]
    assert list(evidence.root.iterdir()) == []
    # and the merge that was killed goes through now, once
    with open_round(path, actor="thu-ky") as ctx:
        report_after = merge.merge_submissions(ctx, [p2], keys.trust)
    assert report_after.ok
    assert not _incoming(archive, ".incoming-*")


def test_only_temp_files_older_than_this_process_are_removed(tmp_path: Path, keys: Keys) -> None:
    """A temporary file written after this process started may be its own work in progress (a
    round has one writer): kept. Other files in the folders are never touched."""
    path = tmp_path / "dot.parround"
    make_round(path, keys).close()
    evidence = path.with_name(path.name + ".evidence")
    archive = merge.archive_folder(path)
    evidence.mkdir(exist_ok=True)
    archive.mkdir()
    old_tmp = archive / ".incoming-abc.parscore"
    fresh_tmp = evidence / ".incoming.fresh"
    kept = [archive / ("a" * 64), evidence / ("b" * 64), evidence / "incoming.txt"]
    for file in (old_tmp, fresh_tmp, *kept):
        file.write_bytes(b"x")
    long_ago = leftovers.STARTED - 3600
    for file in (old_tmp, *kept):
        os.utime(file, (long_ago, long_ago))
    other_round = tmp_path / "khac.parround.evidence"  # another round's folder: not ours
    other_round.mkdir()
    (other_round / ".incoming.zzz").write_bytes(b"x")
    os.utime(other_round / ".incoming.zzz", (long_ago, long_ago))

    with open_round(path):
        pass
    assert not old_tmp.exists()
    assert fresh_tmp.exists()
    assert all(file.exists() for file in kept)
    assert (other_round / ".incoming.zzz").exists()
    assert leftovers.remove_stale_temp_files(path, before=time.time() + 1) == [fresh_tmp]
