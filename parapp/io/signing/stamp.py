"""The visible signature stamp, drawn by ReportLab in Liberation Serif as a one-page PDF.

pyHanko 0.38's own text stamp doubles the letter spacing of 2048-UPEM fonts (stack.md §4), so the
appearance is drawn here and stamped statically: the page's MediaBox becomes the stamp box.

As Nghị định 30/2020 (Phụ lục I) lays out electronic copies (domain.md §9): a personal signature
shows the signer's signature image (blue, transparent PNG), then the name and the time; the
agency's signature shows its red seal over the left third of the signature image; an attachment
is signed at the top right of page 1 with text only. Without images: the clean text stamp.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.files.fonts import register_serif

INK = Color(0.05, 0.15, 0.55)
"""Dark blue, the colour of a signature (ND30 Phụ lục I: signatures in blue)."""
MIN_FONT = 5.0
MAX_FONT = 11.0
PADDING = 4.0
SIGNATURE_SHARE = 0.45
"""At most this share of the stamp's width goes to the signature image."""
SEAL_OVERLAP = 1 / 3
"""The seal covers the left third of the signature image (ND30 Phụ lục I)."""
ATTACHMENT_SIZE = (200.0, 44.0)
ATTACHMENT_MARGIN = 20.0

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_PNG_BYTES = 1024 * 1024
MAX_PNG_SIDE = 4000
MIN_PNG_SIDE = 16

Box = tuple[float, float, float, float]
"""x1, y1, x2, y2 in points from the stamp's bottom-left."""


@dataclass(frozen=True)
class StampText:
    """What the stamp says; the first line is bold."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class StampImages:
    """The PNGs of a stamp: the signer's signature and, for the agency's signature, its seal."""

    signature: bytes | None = None
    seal: bytes | None = None


@dataclass(frozen=True)
class StampLayout:
    """Where the parts of a stamp go."""

    signature: Box | None
    seal: Box | None
    text: Box


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


def png_size(data: bytes, what: Msg) -> tuple[int, int]:
    """Width and height of a PNG fit for a stamp (``what`` names it in the refusal).

    Raises:
        ValidationError: not a PNG, damaged, over 1 MB, or smaller than 16 or larger than 4000
            pixels on a side.
    """
    if len(data) > MAX_PNG_BYTES:
        raise ValidationError(
            Msg(
                f"Ảnh {what.vi} quá lớn ({len(data) // 1024} KB; tối đa 1024 KB).",
                f"The {what.en} image is too large ({len(data) // 1024} KB; at most 1024 KB).",
            )
        )
    try:
        if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
            raise ValueError("not a PNG")
        (length,) = struct.unpack(">I", data[8:12])
        if length != 13 or zlib.crc32(data[12:29]) != struct.unpack(">I", data[29:33])[0]:
            raise ValueError("bad IHDR")
        width, height = struct.unpack(">II", data[16:24])
        if ImageReader(io.BytesIO(data)).getSize() != (width, height):
            raise ValueError("size differs")
    except Exception:  # untrusted bytes: any failure to read them means "not a PNG"
        raise ValidationError(
            Msg(
                f"Tệp ảnh {what.vi} không phải ảnh PNG hợp lệ.",
                f"The {what.en} image is not a valid PNG.",
            )
        ) from None
    if not (MIN_PNG_SIDE <= width <= MAX_PNG_SIDE and MIN_PNG_SIDE <= height <= MAX_PNG_SIDE):
        raise ValidationError(
            Msg(
                f"Ảnh {what.vi} có kích thước {width}×{height} điểm ảnh; cần từ {MIN_PNG_SIDE} "
                f"đến {MAX_PNG_SIDE} điểm ảnh mỗi chiều.",
                f"The {what.en} image is {width}×{height} pixels; each side must be "
                f"{MIN_PNG_SIDE} to {MAX_PNG_SIDE} pixels.",
            )
        )
    return width, height


def _fit_image(size: tuple[int, int], width: float, height: float) -> tuple[float, float]:
    scale = min(width / size[0], height / size[1])
    return size[0] * scale, size[1] * scale


def stamp_layout(width: float, height: float, images: StampImages | None) -> StampLayout:
    """The boxes of the signature image, the seal and the text in a ``width`` × ``height`` stamp.

    The seal's right edge is at one third of the signature image's width, its height the
    stamp's inner height: it covers the left third of the signature (ND30)."""
    inner = height - 2 * PADDING
    left = PADDING
    signature = seal = None
    if images is not None and images.signature is not None:
        sig_w, sig_h = _fit_image(
            png_size(images.signature, SIGNATURE_WHAT), width * SIGNATURE_SHARE, inner
        )
        seal_w = 0.0
        if images.seal is not None:
            seal_w, seal_h = _fit_image(png_size(images.seal, SEAL_WHAT), inner, inner)
        sig_x = PADDING + max(0.0, seal_w - sig_w * SEAL_OVERLAP)
        sig_y = (height - sig_h) / 2
        signature = (sig_x, sig_y, sig_x + sig_w, sig_y + sig_h)
        if images.seal is not None:
            seal_right = sig_x + sig_w * SEAL_OVERLAP
            seal_y = (height - seal_h) / 2
            seal = (seal_right - seal_w, seal_y, seal_right, seal_y + seal_h)
        left = sig_x + sig_w + PADDING
    elif images is not None and images.seal is not None:
        seal_w, seal_h = _fit_image(png_size(images.seal, SEAL_WHAT), inner, inner)
        seal_y = (height - seal_h) / 2
        seal = (PADDING, seal_y, PADDING + seal_w, seal_y + seal_h)
        left = PADDING + seal_w + PADDING
    return StampLayout(signature, seal, (left, PADDING, width - PADDING, height - PADDING))


SIGNATURE_WHAT = Msg("chữ ký", "signature")
SEAL_WHAT = Msg("con dấu", "seal")


def draw_stamp(
    text: StampText,
    width: float,
    height: float,
    fonts_dir: Path,
    images: StampImages | None = None,
) -> bytes:
    """A one-page PDF of ``width`` × ``height`` points: the signature image (and the seal over
    its left third) when given, a thin frame and the lines, shrunk to fit. Byte-identical for
    identical input (``invariant=1``).

    Raises:
        ValidationError: an image is not a fit PNG.
    """
    register_serif(fonts_dir)
    layout = stamp_layout(width, height, images)
    lines = [unicodedata.normalize("NFC", line) for line in text.lines]
    x1, y1, x2, y2 = layout.text
    size = _fit(lines, x2 - x1, y2 - y1)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(1, 1, width - 2, height - 2, stroke=1, fill=0)
    if images is not None:
        # the signature first, the seal over it (ND30: the seal covers the signature)
        for box, png in ((layout.signature, images.signature), (layout.seal, images.seal)):
            if box is not None and png is not None:
                canvas.drawImage(
                    ImageReader(io.BytesIO(png)),
                    box[0],
                    box[1],
                    box[2] - box[0],
                    box[3] - box[1],
                    mask="auto",
                )
    leading = size * 1.25
    block = leading * len(lines)
    y = height - (height - block) / 2 - size
    for index, line in enumerate(lines):
        font = "Serif-Bold" if index == 0 else "Serif"
        canvas.setFont(font, size)
        canvas.drawString(x1 + 2, y, _clip(line, font, size, x2 - x1 - 2))
        y -= leading
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def attachment_box(media_box: Sequence[float]) -> Box:
    """The stamp box of an attachment's signature: the top right of its first page (ND30),
    in page coordinates; its stamp carries no image."""
    x1, y1, x2, y2 = (float(v) for v in media_box)
    right = max(x1, x2) - ATTACHMENT_MARGIN
    top = max(y1, y2) - ATTACHMENT_MARGIN
    width, height = ATTACHMENT_SIZE
    return (right - width, top - height, right, top)


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
