"""Run one service call on a ``QThreadPool`` and report back by signal.

Anki's warning on its background operations applies: the call must not touch any widget, since
it runs on another thread. Results and errors arrive as queued signals on the ``BackgroundCall``,
which lives in the thread that created it (the GUI thread), so receivers update widgets there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from parapp.core.errors import UserCancelled, UserFacingError

log = logging.getLogger(__name__)

# Started calls, kept alive until they report: PySide6 frees a QObject nobody references, and a
# parentless call may be all that is left of a closed dialog's work.
_running: set[BackgroundCall] = set()


class BackgroundCall(QObject):
    """One service call: connect to its signals, then ``start()``. Reports exactly one of
    ``succeeded``/``failed``, then ``finished``."""

    succeeded = Signal(object)
    """The call's return value."""
    failed = Signal(object)
    """The exception the call raised (shown with ``ui.errors.show_error``)."""
    finished = Signal()

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call
        self._started = False

    def is_running(self) -> bool:
        """Started and not finished yet."""
        return self in _running

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the call on ``pool`` (the global pool by default); once only."""
        if self._started:
            raise RuntimeError("a BackgroundCall runs once")
        self._started = True
        _running.add(self)
        self.finished.connect(self._forget)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def run_here(self) -> None:
        """Run the call on this thread (the pool thread calls this)."""
        try:
            result = self._call()
        except Exception as exc:  # every error goes back to the GUI thread; none is lost
            if not isinstance(exc, UserFacingError | UserCancelled):
                log.exception("background call failed")
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    def _forget(self) -> None:
        _running.discard(self)


class _Runner(QRunnable):
    def __init__(self, call: BackgroundCall) -> None:
        super().__init__()
        self._background_call = call

    def run(self) -> None:
        self._background_call.run_here()


def running_calls() -> int:
    """How many calls have started and not finished (tests wait for zero)."""
    return len(_running)
