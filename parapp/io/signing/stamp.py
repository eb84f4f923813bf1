"""The visible signature stamp, drawn by ReportLab in Liberation Serif as a one-page PDF.

pyHanko 0.38's own text stamp doubles the letter spacing of 2048-UPEM fonts (stack.md §4), so the
appearance is drawn here and stamped statically: the page's MediaBox becomes the stamp box.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from parapp.io.files.fonts import register_serif

INK = Color(0.05, 0.15, 0.55)
"""Dark blue, the colour of a signature (ND30 Phụ lục I: signatures in blue)."""
MIN_FONT = 5.0
MAX_FONT = 11.0
PADDING = 4.0


@dataclass(frozen=True)
class StampText:
    """What the stamp says; the first line is bold."""

    lines: tuple[str, ...]


def stamp_lines(
    signer: str, when: str, reason: str = "", organization: str = "", vi: bool = True
) -> StampText:
    """The usual stamp: "Ký số bởi: <signer>", the organization, the time and the reason."""
    head = f"Ký số bởi: {signer}" if vi else f"Digitally signed by: {signer}"
    lines = [head]
    if organization:
        lines.append(organization)
    lines.append(f"Thời gian ký: {when}" if vi else f"Signed at: {when}")
    if reason:
        lines.append(f"Lý do: {reason}" if vi else f"Reason: {reason}")
    return StampText(tuple(lines))


def draw_stamp(text: StampText, width: float, height: float, fonts_dir: Path) -> bytes:
    """A one-page PDF of ``width`` × ``height`` points: a thin frame and the lines, shrunk to
    fit. Byte-identical for identical input (``invariant=1``)."""
    register_serif(fonts_dir)
    lines = [unicodedata.normalize("NFC", line) for line in text.lines]
    size = _fit(lines, width - 2 * PADDING, height - 2 * PADDING)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(1, 1, width - 2, height - 2, stroke=1, fill=0)
    leading = size * 1.25
    block = leading * len(lines)
    y = height - (height - block) / 2 - size
    for index, line in enumerate(lines):
        canvas.setFont("Serif-Bold" if index == 0 else "Serif", size)
        canvas.drawString(
            PADDING + 2,
            y,
            _clip(line, "Serif-Bold" if index == 0 else "Serif", size, width - 2 * PADDING - 2),
        )
        y -= leading
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fit(lines: Sequence[str], width: float, height: float) -> float:
    size = MAX_FONT
    while size > MIN_FONT:
        widest = max(
            pdfmetrics.stringWidth(line, "Serif-Bold" if i == 0 else "Serif", size)
            for i, line in enumerate(lines)
        )
        if widest <= width - 2 and size * 1.25 * len(lines) <= height:
            return size
        size -= 0.5
    return MIN_FONT


def _clip(line: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(line, font, size) <= width:
        return line
    while line and pdfmetrics.stringWidth(line + "…", font, size) > width:
        line = line[:-1]
    return line + "…"
