"""Where things live: the bundled resources (the checkout or a PyInstaller bundle) and the
per-user data folder (with the move of an earlier version's folder). Stdlib only, no Qt."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

log = logging.getLogger(__name__)


def resource_root() -> Path:
    """The ``resources/`` folder: ``sys._MEIPASS/resources`` when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path below ``resources/``, e.g. ``resource("criteria")``."""
    return resource_root().joinpath(*parts)


APP_FOLDER = "parapp"


def user_data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The per-user data folder (workspaces opened from packages, the demo, certificates).

    ``%LOCALAPPDATA%\\parapp`` on Windows, ``~/Library/Application Support/parapp`` on macOS,
    ``$XDG_DATA_HOME/parapp`` (default ``~/.local/share/parapp``) elsewhere. Not Qt's
    ``AppDataLocation``, which nests organisation and application: ``parapp/parapp``.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform == "win32":
        local = env.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / APP_FOLDER
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    xdg = env.get("XDG_DATA_HOME", "")
    # The XDG spec: a relative path is invalid and ignored.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_FOLDER


def legacy_data_dirs(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> list[Path]:
    """Where parapp 0.x kept the same data: Qt's ``AppDataLocation`` for organisation and
    application "parapp" (``~/.local/share/parapp/parapp``; roaming ``%APPDATA%`` on Windows)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        roaming = env.get("APPDATA")
        home = Path(env.get("USERPROFILE") or Path.home())
        base = Path(roaming) if roaming else home / "AppData" / "Roaming"
        return [base / APP_FOLDER / APP_FOLDER]
    return [user_data_dir(env, platform) / APP_FOLDER]


def move_legacy_data(
    target: Path | None = None, legacy: Sequence[Path] | None = None
) -> list[tuple[Path, Path]]:
    """Move what an earlier version left in a legacy folder into ``target`` (default
    ``user_data_dir()``); return the (old, new) paths moved.

    Nothing is ever overwritten or deleted: an entry whose name is already taken in ``target``
    stays where it was (``relocated`` and the start page still find it there); a folder present
    on both sides is merged entry by entry. An emptied legacy folder is removed.
    """
    target = user_data_dir() if target is None else target
    moved: list[tuple[Path, Path]] = []
    for old_root in legacy_data_dirs() if legacy is None else legacy:
        if old_root.is_dir() and old_root.resolve() != target.resolve():
            _merge_into(old_root, target, moved)
            _remove_if_empty(old_root)
    if moved:
        log.info("moved %d item(s) of an earlier version's data into %s", len(moved), target)
    return moved


def _merge_into(source: Path, target: Path, moved: list[tuple[Path, Path]]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        if not destination.exists():
            try:
                os.replace(entry, destination)  # same file system: atomic, nothing copied
            except OSError:
                shutil.move(str(entry), str(destination))
            moved.append((entry, destination))
        elif entry.is_dir() and destination.is_dir() and not entry.is_symlink():
            _merge_into(entry, destination, moved)
            _remove_if_empty(entry)
        else:
            log.warning("kept %s: %s already exists", entry, destination)


def _remove_if_empty(folder: Path) -> None:
    # Not empty: something stayed (its name was taken on the new side).
    with contextlib.suppress(OSError):
        folder.rmdir()


def relocated(path: Path, target: Path | None = None, legacy: Sequence[Path] | None = None) -> Path:
    """``path`` as it is after ``move_legacy_data``: a missing file below a legacy folder that
    now exists below ``target`` is returned there; anything else unchanged."""
    if path.exists():
        return path
    target = user_data_dir() if target is None else target
    for old_root in legacy_data_dirs() if legacy is None else legacy:
        try:
            inside = path.relative_to(old_root)
        except ValueError:
            continue
        candidate = target / inside
        if candidate.exists():
            return candidate
    return path
