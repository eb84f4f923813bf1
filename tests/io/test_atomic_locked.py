"""Replacing a file another program holds open (Windows: antivirus, Excel, a PDF reader) retries,
then names the file; the old file and the folder are left as they were.

Linux never refuses a rename because a reader has the file open, so the Windows sharing violation
is played by a replace function that raises PermissionError as Windows' MoveFileEx does."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from parapp.core.errors import UserFacingError
from parapp.io.files import atomic


class Windows:
    """os.replace as Windows does it while another program holds the target open ``busy`` times."""

    def __init__(self, busy: int) -> None:
        self.busy = busy
        self.calls = 0

    def __call__(self, src: Path, dst: Path) -> None:
        self.calls += 1
        if self.calls <= self.busy:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        os.replace(src, dst)


def test_a_briefly_locked_file_is_replaced_after_retries(tmp_path: Path) -> None:
    target, tmp = tmp_path / "ket-qua.pdf", tmp_path / ".ket-qua.pdf.tmp"
    target.write_bytes(b"old")
    tmp.write_bytes(b"new")
    waits: list[float] = []
    windows = Windows(busy=3)
    atomic.replace_retrying(tmp, target, replace=windows, sleep=waits.append)
    assert target.read_bytes() == b"new"
    assert not tmp.exists()
    assert windows.calls == 4
    assert waits == list(atomic.RETRY_DELAYS[:3])


def test_a_file_held_open_names_itself_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ket-qua.xlsx"
    target.write_bytes(b"old")
    windows = Windows(busy=99)
    monkeypatch.setattr(os, "replace", windows)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    with pytest.raises(UserFacingError) as caught:
        atomic.write_bytes_atomic(target, b"new")
    assert windows.calls == len(atomic.RETRY_DELAYS) + 1
    assert str(target) in caught.value.msg.vi
    assert "đang được một chương trình khác mở" in caught.value.msg.vi
    assert "open in another program" in caught.value.msg.en
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ket-qua.xlsx"]


def test_an_unlocked_replace_waits_for_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"

    def never(seconds: float) -> None:
        pytest.fail(f"waited {seconds} s for a file nobody holds")

    atomic.replace_retrying(_written(tmp_path / "t", b"x"), target, sleep=never)
    assert target.read_bytes() == b"x"


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
