"""The recently opened packages and workspaces, most recent first, kept in QSettings (UI state)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "start/recent_files"
LIMIT = 10


@dataclass(frozen=True)
class RecentFile:
    """One remembered file and whether it is still there (a USB stick may be unplugged)."""

    path: Path
    exists: bool


class RecentFiles:
    """Read and update the list; every change is written back at once."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # QSettings() needs the organization and application names set first (ui/app.py).
        self._settings = settings if settings is not None else QSettings()

    def paths(self) -> list[Path]:
        """The remembered paths, most recent first."""
        value = self._settings.value(KEY, [])
        # QSettings returns a lone string for a one-element list in some formats.
        items: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [Path(str(item)) for item in items if str(item)]

    def entries(self) -> list[RecentFile]:
        """The remembered files with their presence checked now."""
        return [RecentFile(path, path.is_file()) for path in self.paths()]

    def add(self, path: Path) -> None:
        """Put ``path`` first (once), keeping at most ``LIMIT`` entries."""
        chosen = Path(os.path.abspath(path))
        rest = [p for p in self.paths() if p != chosen]
        self._store([chosen, *rest][:LIMIT])

    def remove(self, path: Path) -> None:
        """Forget one file."""
        self._store([p for p in self.paths() if p != Path(path)])

    def prune_missing(self) -> list[Path]:
        """Forget every file that no longer exists; returns those forgotten."""
        gone = [e.path for e in self.entries() if not e.exists]
        if gone:
            self._store([p for p in self.paths() if p not in gone])
        return gone

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(KEY, [str(p) for p in paths])
        self._settings.sync()
