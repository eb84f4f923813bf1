"""Remembered window layout (geometry, splitters, headers) and text size, kept in QSettings.

UI state only (style.md §10): preferences and domain rules live elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

FONT_KEY = "font_size"


class WindowState:
    """One window's saved layout under a QSettings group."""

    def __init__(self, settings: QSettings, group: str) -> None:
        self._settings = settings
        self._group = group

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    def restore(self, parts: Mapping[str, Callable[[QByteArray], bool]]) -> set[str]:
        """Give each saved blob to its restore function; return the names restored."""
        restored = set()
        for name, restore in parts.items():
            value = self._settings.value(self._key(name))
            if isinstance(value, QByteArray) and restore(value):
                restored.add(name)
        return restored

    def save(self, parts: Mapping[str, QByteArray]) -> None:
        """Store the blobs and write the settings file now."""
        for name, value in parts.items():
            self._settings.setValue(self._key(name), value)
        self._settings.sync()

    def font_size(self) -> float | None:
        """The saved text size in points (None when none or unreadable)."""
        value = self._settings.value(self._key(FONT_KEY))
        if value is None:
            return None
        try:
            return float(str(value))
        except ValueError:
            log.warning("ignoring a bad font size in the settings: %r", value)
            return None

    def set_font_size(self, points: float) -> None:
        """Remember the text size."""
        self._settings.setValue(self._key(FONT_KEY), points)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen windows may use (without the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def show_fitted(window: QWidget, size: QSize) -> None:
    """Show ``window`` at ``size`` with its frame (title bar, borders) inside the screen.

    A window as large as the screen's free area or larger is maximised: the window manager then
    fits it, frame included, beside the taskbar (``resize`` alone sets the inside size, and the
    title bar and the status bar would hang over the screen's edges on a 1366×768 laptop).
    """
    area = available_area(window)
    if size.width() >= area.width() or size.height() >= area.height():
        window.showMaximized()
        return
    window.resize(size)
    window.show()
    keep_inside(window)


def keep_inside(window: QWidget) -> None:
    """Shrink and move a shown window so that its frame lies inside the free screen area."""
    area = available_area(window)
    frame = window.frameGeometry()
    if area.contains(frame):
        return
    margins = frame.size() - window.geometry().size()
    inner = window.size().boundedTo(area.size() - margins)
    window.resize(inner)
    x = min(max(frame.x(), area.x()), area.right() + 1 - (inner.width() + margins.width()))
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - (inner.height() + margins.height()))
    window.move(x, y)
