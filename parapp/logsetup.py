"""Logging configuration, done once at start-up: a rotating file in the user log folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def default_log_dir() -> Path:
    """The per-user log folder (``%LOCALAPPDATA%\\parapp\\logs`` or ``~/.local/state/parapp``)."""
    if os.name == "nt":  # pragma: no cover - Windows only
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "parapp" / "logs"
    base = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
    return base / "parapp"


def configure(log_dir: Path | None = None, debug: bool = False) -> Path | None:
    """Send logs to ``log_dir/parapp.log`` (rotating) and, when debugging, to stderr.

    Returns the log file path, or None when the folder cannot be written (logging then stays
    off rather than stopping the program).
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "parapp", False)]:
        root.removeHandler(old)
        old.close()
    folder = log_dir or default_log_dir()
    log_file: Path | None = folder / "parapp.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "parapp.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.parapp = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    except OSError:
        log_file = None
    # Windowed (frozen) builds have no stderr at all.
    if debug and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream.parapp = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return log_file
