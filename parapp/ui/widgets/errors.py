"""The one place that turns an exception into what the user sees.

User-facing errors show their own message; ``UserCancelled`` shows nothing; anything else is a bug
and shows "Unexpected error" with the traceback, a Copy details button and the log file's path.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from parapp.core.errors import UserCancelled, UserFacingError
from parapp.ui.widgets import i18n

log = logging.getLogger(__name__)

# Non-modal boxes need a Python reference, or PySide6 frees them while they are shown.
_open_boxes: set[QMessageBox] = set()


def open_error_boxes() -> tuple[QMessageBox, ...]:
    """The error boxes currently shown (tests close them)."""
    return tuple(_open_boxes)


def log_file() -> Path | None:
    """The file the root logger writes to, if logging was configured with one."""
    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if isinstance(filename, str):
            return Path(filename)
    return None


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Show ``exc`` to the user; returns the box shown (None for a cancellation)."""
    if isinstance(exc, UserCancelled):
        return None
    title = QCoreApplication.translate("errors", "parapp")
    if isinstance(exc, UserFacingError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            exc.describe(i18n.current_lang()),
            QMessageBox.StandardButton.Ok,
            parent,
        )
    else:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        box = _bug_box(parent, title, details)
    _show(box)
    return box


def _bug_box(parent: QWidget | None, title: str, details: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title,
        QCoreApplication.translate("errors", "Unexpected error"),
        QMessageBox.StandardButton.Close,
        parent,
    )
    where = log_file()
    info = QCoreApplication.translate(
        "errors", "This is a fault in parapp, not in your data. Please send the details to support."
    )
    if where is not None:
        info += "\n" + QCoreApplication.translate("errors", "Log file: %1").replace(
            "%1", str(where)
        )
    box.setInformativeText(info)
    box.setDetailedText(details)
    copy_button = box.addButton(
        QCoreApplication.translate("errors", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    # Clicking any QMessageBox button closes it; copying first keeps the details for the user.
    copy_button.clicked.connect(lambda: _copy(details))
    return box


def _copy(text: str) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText(text)


def _show(box: QMessageBox) -> None:
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()


def install_excepthook() -> None:
    """Route uncaught exceptions to the log and to ``show_error`` over the active window."""
    sys.excepthook = _excepthook


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if not isinstance(exc, UserFacingError | UserCancelled):
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_error(QApplication.activeWindow(), exc)
