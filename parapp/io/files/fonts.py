"""Register the bundled Liberation Serif faces with ReportLab once, as the family "Serif"."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "Serif"
FACES = {
    "Serif": "LiberationSerif-Regular.ttf",
    "Serif-Bold": "LiberationSerif-Bold.ttf",
    "Serif-Italic": "LiberationSerif-Italic.ttf",
    "Serif-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered: set[str] = set()


def register_serif(fonts_dir: Path) -> str:
    """Register the four faces from ``fonts_dir`` (idempotent, thread-safe); return the family.

    ``<b>`` and ``<i>`` in Paragraphs then select the right face.
    """
    with _lock:
        if FAMILY not in _registered:
            for name, file_name in FACES.items():
                pdfmetrics.registerFont(TTFont(name, str(fonts_dir / file_name)))
            addMapping(FAMILY, 0, 0, "Serif")
            addMapping(FAMILY, 1, 0, "Serif-Bold")
            addMapping(FAMILY, 0, 1, "Serif-Italic")
            addMapping(FAMILY, 1, 1, "Serif-BoldItalic")
            _registered.add(FAMILY)
    return FAMILY
