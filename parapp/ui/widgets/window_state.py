"""Remembered window layout (geometry, splitters, headers) and text size, kept in QSettings.

UI state only (style.md §10): preferences and domain rules live elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QSettings

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
