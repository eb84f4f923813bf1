"""The one module that knows where bundled resources live: the checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The ``resources/`` folder: ``sys._MEIPASS/resources`` when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path below ``resources/``, e.g. ``resource("criteria")``."""
    return resource_root().joinpath(*parts)
