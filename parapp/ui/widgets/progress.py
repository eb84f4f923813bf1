"""A long action on a worker thread with a progress dialog: what is being done, how far, Cancel.

The service receives a ``core.progress.Progress``; its steps arrive here as queued signals and move
the dialog, and Cancel asks the service to stop at its next step (it then removes what it had
started, so nothing half-written stays). The dialog appears only when the action lasts longer than
``SHOW_AFTER_MS``: quick actions do not flash a window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from parapp.core.messages import Msg
from parapp.core.progress import Progress
from parapp.ui.widgets import i18n
from parapp.ui.widgets.workers import BackgroundCall

SHOW_AFTER_MS = 800


class ProgressRun(QObject):
    """Run ``call(progress)`` in the background with a progress dialog over ``parent``.

    Signals as ``BackgroundCall``: exactly one of ``succeeded``/``failed`` (``UserCancelled`` when
    the user pressed Cancel), then ``finished``.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _stepped = Signal(int, int, object)

    def __init__(self, parent: QWidget, title: str, call: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.progress = Progress(self._report)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setLabelText(self.tr("Starting…"))
        self.dialog.setRange(0, 0)
        self.dialog.setMinimumWidth(480)
        self.dialog.canceled.connect(self.cancel)
        self._stepped.connect(self._on_step)
        self.call = BackgroundCall(lambda: call(self.progress))
        self.call.succeeded.connect(self.succeeded)
        self.call.failed.connect(self.failed)
        self.call.finished.connect(self._on_finished)

    def start(self) -> None:
        """Start the action (the dialog shows itself if it lasts)."""
        self.call.start()

    def cancel(self) -> None:
        """What Cancel does: the action stops at its next step."""
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _report(self, done: int, total: int, what: Msg) -> None:
        # On the worker thread: hand over to the GUI thread (queued connection).
        self._stepped.emit(done, total, what)

    def _on_step(self, done: int, total: int, what: Msg) -> None:
        if self.progress.cancelled:
            return
        self.dialog.setRange(0, total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(what.get(i18n.current_lang()))

    def _on_finished(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.finished.emit()
