"""The recently opened packages, rounds and workspaces, most recent first, kept in QSettings (UI
state), and the workspaces of the per-user data folder that the list does not name (yet)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QSettings

from parapp import paths

KEY = "start/recent_files"
LIMIT = 10
WORKSPACES_DIR = "workspaces"
"""Below the per-user data folder: the workspaces opened from packages (``services.startup``)."""


class Kind(StrEnum):
    """What a listed file is, for the start page's label."""

    PACKAGE = "package"
    WORKSPACE = "workspace"
    ROUND = "round"


@dataclass(frozen=True)
class RecentFile:
    """One remembered file and whether it is still there (a USB stick may be unplugged)."""

    path: Path
    exists: bool
    kind: Kind = Kind.ROUND


class RecentFiles:
    """Read and update the list; every change is written back at once.

    ``workspaces``: a folder whose ``*.parround`` are listed after the remembered files (the
    application passes the per-user workspaces folder, so that a workspace is found even when it
    was never in the list, e.g. after an earlier version's data was moved).
    """

    def __init__(self, settings: QSettings | None = None, workspaces: Path | None = None) -> None:
        # QSettings() needs the organization and application names set first (ui/app.py).
        self._settings = settings if settings is not None else QSettings()
        if workspaces is None and settings is None:
            workspaces = paths.user_data_dir() / WORKSPACES_DIR
        self._workspaces = workspaces

    def paths(self) -> list[Path]:
        """The remembered paths, most recent first (moved ones at their new place)."""
        value = self._settings.value(KEY, [])
        # QSettings returns a lone string for a one-element list in some formats.
        items: list[object] = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        stored = [Path(str(item)) for item in items if str(item)]
        current = [paths.relocated(p) for p in stored]
        if current != stored:
            self._store(current)
        return current

    def entries(self) -> list[RecentFile]:
        """The remembered files with their presence checked now, then the unlisted workspaces."""
        remembered = self.paths()
        found = [RecentFile(p, p.is_file(), self.kind(p)) for p in remembered]
        if self._workspaces is not None and self._workspaces.is_dir():
            listed = {os.path.normcase(str(p)) for p in remembered}
            found += [
                RecentFile(p, True, Kind.WORKSPACE)
                for p in sorted(self._workspaces.glob("*.parround"))
                if os.path.normcase(str(p)) not in listed
            ]
        return found

    def kind(self, path: Path) -> Kind:
        """A package (.parpkg), a workspace (a .parround in the per-user data folder) or a round."""
        if path.suffix.lower() == ".parpkg":
            return Kind.PACKAGE
        homes = [paths.user_data_dir()]
        if self._workspaces is not None:
            homes.append(self._workspaces)
        if any(path.is_relative_to(home) for home in homes):
            return Kind.WORKSPACE
        return Kind.ROUND

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
        gone = [p for p in self.paths() if not p.is_file()]
        if gone:
            self._store([p for p in self.paths() if p not in gone])
        return gone

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(KEY, [str(p) for p in paths])
        self._settings.sync()
