"""Progress and cancel for long actions (results export, merge, packages, the demo, notices).

A service takes a ``Progress`` and calls ``step`` between units of work; the interface shows the
steps and calls ``cancel`` from its Cancel button (another thread). ``step`` raises
``UserCancelled`` once cancelled, so the service stops at a clean point and removes what it had
started; nothing half-written stays behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from parapp.core.errors import UserCancelled
from parapp.core.messages import Msg

Report = Callable[[int, int, Msg], None]
"""Receives (steps done, steps in all, what is being done now)."""


class Progress:
    """Steps of one action, and the user's wish to stop it (thread-safe)."""

    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Ask the action to stop at its next step."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise ``UserCancelled`` when the user cancelled."""
        if self._cancelled.is_set():
            raise UserCancelled

    def step(self, done: int, total: int, what: Msg) -> None:
        """Report that ``done`` of ``total`` steps are done and ``what`` comes next; raises
        ``UserCancelled`` instead when the user cancelled."""
        self.check()
        if self._report is not None:
            self._report(done, total, what)


def no_progress() -> Progress:
    """A progress nobody watches and nobody cancels."""
    return Progress()
