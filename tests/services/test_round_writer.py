"""One round, one writer in practice: a command or a window takes the round's lock; a round held
by another parapp opens READ-ONLY (reads work, the first write stops with the sentence naming
host, user and time, nothing stored); the lock is released on close."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parapp.cli import app
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import UserFacingError
from parapp.services import round_lock, round_setup, rounds

HOLD = """
import sys
from pathlib import Path
from parapp.services import round_lock
got = round_lock.acquire(Path(sys.argv[1]))
assert isinstance(got, round_lock.RoundLock)
print("held", flush=True)
sys.stdin.readline()
got.release()
"""


ADD_B = ("round", "add-unit", "--id", "B", "--name", "Sở Tư pháp", "--type", "so")


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def round_path(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Path:
    path = tmp_path / "dot.parround"
    with rounds.create_round(path, from_dict(sample_criteria_data), "Thử") as ctx:
        rounds.add_units(ctx, [("A", "Sở Nội vụ", "so")])
    return path


@pytest.fixture
def held(round_path: Path) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(round_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline().strip() == "held"
        yield child
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = app.run(app.parse_args(list(argv)), out, err)
    return status, out.getvalue(), err.getvalue()


def test_a_write_command_on_a_held_round_exits_1_naming_the_holder_and_changes_nothing(
    round_path: Path, held: subprocess.Popen[str]
) -> None:
    before = dump(round_path)
    status, _out, err = run(*ADD_B, str(round_path))
    assert status == 1
    assert "CHỈ ĐỌC" in err
    assert f"tiến trình {held.pid}" in err
    assert "Traceback" not in err
    holder = round_lock.read_holder(round_path)
    assert holder is not None
    assert holder.host in err
    assert holder.at in err
    status, _out, err = run("--lang", "en", "round", "phase", str(round_path), "round_1")
    assert status == 1
    assert "READ-ONLY" in err
    assert dump(round_path) == before
    status, out, _err = run("round", "show", str(round_path))  # reading still works
    assert status == 0
    assert "Sở Nội vụ" in out
    assert round_lock.read_holder(round_path) == holder  # the holder's lock is untouched


def test_a_write_command_takes_the_lock_and_releases_it(round_path: Path) -> None:
    status, _out, err = run(*ADD_B, str(round_path))
    assert status == 0, err
    assert round_lock.read_holder(round_path) is None
    with round_setup.open_for_writing(round_path).ctx as ctx:
        assert [u.id for u in rounds.list_units(ctx)] == ["A", "B"]


def test_a_window_session_holds_the_lock_until_released(round_path: Path) -> None:
    first = round_setup.open_for_writing(round_path, actor="thu-ky")
    assert not first.read_only
    assert round_lock.lock_path(round_path).exists()
    status, _out, err = run(
        "round", "add-unit", "--id", "C", "--name", "Sở Y tế", "--type", "so", str(round_path)
    )
    assert status == 1
    assert "CHỈ ĐỌC" in err
    second = round_setup.open_for_writing(round_path)
    assert second.read_only
    assert second.sentence is not None
    assert round_setup.is_read_only(second.ctx) == second.sentence
    with pytest.raises(UserFacingError, match="READ-ONLY"):
        rounds.add_unit(second.ctx, "C", "Sở Y tế", "so")
    second.ctx.close()
    rounds.add_unit(first.ctx, "C", "Sở Y tế", "so")
    first.release()
    first.ctx.close()
    assert not round_lock.lock_path(round_path).exists()
