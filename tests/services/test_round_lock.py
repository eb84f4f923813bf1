"""One round, one writer: the lock held by a second process (read-only sentence), a stale lock
of a dead process taken over; dated backups on phase changes; the archive on freezing."""

from __future__ import annotations

import contextlib
import json
import socket
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from parapp.core.errors import UserFacingError
from parapp.core.rounds import Phase
from parapp.services import merge, round_lock, rounds
from parapp.services.context import open_round
from tests.services.merge_world import make_keys, make_round, signed_package

HOLD = """
import sys, time
from pathlib import Path
from parapp.services import round_lock
got = round_lock.acquire(Path(sys.argv[1]))
assert isinstance(got, round_lock.RoundLock)
print("held", flush=True)
sys.stdin.readline()
got.release()
"""


def test_a_round_held_by_another_process_is_read_only_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "dot.parround"
    path.write_bytes(b"")
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline().strip() == "held"
        got = round_lock.acquire(path)
        assert isinstance(got, round_lock.LockHolder)
        assert got.pid == child.pid
        assert "CHỈ ĐỌC" in got.sentence().vi
        assert f"process {child.pid}" in got.sentence().en
        with pytest.raises(UserFacingError, match="READ-ONLY"), round_lock.writing(path):
            pass
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    with round_lock.writing(path) as mine:
        assert mine.holder.pid != child.pid
        assert round_lock.lock_path(path).exists()
    assert not round_lock.lock_path(path).exists()


def test_a_stale_lock_of_a_dead_process_on_this_host_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "dot.parround"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    holder = round_lock.LockHolder(
        socket.gethostname(), "x", int(dead.stdout), "2026-01-01T00:00:00+07:00", "t"
    )
    round_lock.lock_path(path).write_text(json.dumps(holder.__dict__), encoding="utf-8")
    got = round_lock.acquire(path)
    assert isinstance(got, round_lock.RoundLock)
    got.release()
    other_host = round_lock.LockHolder("may-khac", "y", int(dead.stdout), "2026", "t")
    round_lock.lock_path(path).write_text(json.dumps(other_host.__dict__), encoding="utf-8")
    assert isinstance(round_lock.acquire(path), round_lock.LockHolder)  # never taken over


def test_phase_changes_write_dated_backups_and_freezing_an_archive(tmp_path: Path) -> None:
    keys = make_keys(tmp_path / "keys", ("m1", "m2", "m3"))
    ctx = make_round(tmp_path / "dot.parround", keys)
    try:
        [first] = sorted(round_lock.backup_folder(ctx.path).iterdir())
        assert first.name.endswith("-round_1.parround")
        with contextlib.closing(sqlite3.connect(first)) as raw:
            assert raw.execute("select phase from round").fetchone()[0] == "round_1"
        rid = rounds.round_info(ctx).id
        pkg, _ = signed_package(tmp_path / "m1.parscore", rid, keys, "m1", {"A": {"1.1": "3"}})
        merge.merge_submissions(ctx, [pkg], keys.trust)
        for phase in (Phase.EXPLANATION, Phase.ROUND_2, Phase.FROZEN):
            rounds.advance_phase(ctx, phase)
        names = sorted(p.name for p in round_lock.backup_folder(ctx.path).iterdir())
        assert [n.rsplit("-", 1)[-1] for n in names if "frozen" not in n] == [
            "explanation.parround", "round_1.parround", "round_2.parround"
        ]  # fmt: skip
        archive = ctx.path.with_name("dot.archive.zip")
        with zipfile.ZipFile(archive) as zf:
            listed = zf.namelist()
            assert "dot.parround" in listed
            sha = merge.archive_folder(ctx.path).iterdir().__next__().name
            assert f"dot.parround.submissions/{sha}" in listed
            assert zf.read(f"dot.parround.submissions/{sha}") == pkg.read_bytes()
            (tmp_path / "x").mkdir()
            zf.extract("dot.parround", tmp_path / "x")
        with open_round(tmp_path / "x" / "dot.parround") as copy:
            assert rounds.round_info(copy).phase is Phase.FROZEN
    finally:
        ctx.close()
