"""Progress reports steps and turns a cancel into UserCancelled at the next step."""

from __future__ import annotations

import threading

import pytest

from parapp.core.errors import UserCancelled
from parapp.core.messages import Msg
from parapp.core.progress import Progress, no_progress

WRITING = Msg("Đang ghi PDF", "Writing the PDF")


def test_steps_are_reported_in_order() -> None:
    seen: list[tuple[int, int, str]] = []
    progress = Progress(lambda done, total, what: seen.append((done, total, what.vi)))
    progress.step(0, 2, WRITING)
    progress.step(1, 2, Msg("Xong", "Done"))
    assert seen == [(0, 2, "Đang ghi PDF"), (1, 2, "Xong")]
    assert not progress.cancelled


def test_a_cancel_from_another_thread_stops_the_next_step() -> None:
    progress = no_progress()
    progress.step(0, 3, WRITING)
    worker = threading.Thread(target=progress.cancel)
    worker.start()
    worker.join()
    assert progress.cancelled
    with pytest.raises(UserCancelled):
        progress.step(1, 3, WRITING)
    with pytest.raises(UserCancelled):
        progress.check()
