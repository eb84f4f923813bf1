"""The window painted first while a round opens: a title and "Opening…", nothing else.

It imports only Qt, so the application paints it before SQLAlchemy, openpyxl, ReportLab and pyHanko
are loaded; ``painted`` fires once, after its first paint, for the caller to start loading.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

translate = QCoreApplication.translate

MARKS_ENV = "PARAPP_STARTUP_MARKS"
"""When set, start-up milestones are appended to this file as ``<name> <epoch seconds>`` lines
(``first_paint``, ``ready``): the start-up benchmark reads them."""


def mark(name: str) -> None:
    """Append milestone ``name`` with the wall-clock time to ``$PARAPP_STARTUP_MARKS``, if set."""
    target = os.environ.get(MARKS_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as marks:
            marks.write(f"{name} {time.time():.6f}\n")


class PlaceholderWindow(QMainWindow):
    """Shown at once; replaced by the real window when the round is open."""

    painted = Signal()
    """Emitted once, on the next event-loop turn after the window's first paint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder_window")
        self.setWindowTitle("parapp")
        label = QLabel(translate("PlaceholderWindow", "Opening…"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholder_label")
        self.setCentralWidget(label)
        self._painted = False
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Notice the first paint (of the label, i.e. once the window's contents are drawn)."""
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            mark("first_paint")
            QTimer.singleShot(0, self, self.painted.emit)  # after the frame is flushed
        return super().eventFilter(watched, event)
