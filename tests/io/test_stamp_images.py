"""The signature stamp as Nghị định 30 lays it out: the signer's signature image, the red seal
over its left third, the text beside; checked in the stamp PDF itself (pdfimages, the content
stream's image placements) and in a PDF signed with it (pdfsig)."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from parapp.core.errors import ValidationError
from parapp.io.signing import signers, validation
from parapp.io.signing.signers import PdfPlacement, Pkcs12Key
from parapp.io.signing.stamp import (
    StampImages,
    attachment_box,
    draw_stamp,
    stamp_layout,
    stamp_lines,
)
from parapp.paths import resource
from tests.services.external_world import png
from tests.signing_pki import P12_PASSPHRASE, Pki, make_pki, sample_pdf

FONTS = resource("fonts")
BLUE = png((20, 40, 200, 255), (300, 120))
RED = png((220, 0, 0, 200), (200, 200))
TEXT = stamp_lines("Nguyễn Văn Chủ", "10/01/2027 09:00:00 (GMT+07:00)")
PLACED = re.compile(rb"([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s*/(\S+) Do")


def _placements(stamp: bytes) -> list[tuple[float, float, float, float]]:
    """Each image drawn on the stamp's page, in drawing order, as (x1, y1, x2, y2)."""
    reader = PdfFileReader(BytesIO(stamp))
    page = reader.root["/Pages"]["/Kids"][0]
    contents = page["/Contents"]
    data = b"".join(c.data for c in contents) if isinstance(contents, list) else contents.data
    return [
        (float(x), float(y), float(x) + float(w), float(y) + float(h))
        for w, h, x, y, _ in PLACED.findall(data)
    ]


def test_seal_covers_the_left_third_of_the_signature(tmp_path: Path) -> None:
    stamp = draw_stamp(TEXT, 250, 80, FONTS, StampImages(BLUE, RED))
    assert stamp == draw_stamp(TEXT, 250, 80, FONTS, StampImages(BLUE, RED))  # deterministic
    path = tmp_path / "stamp.pdf"
    path.write_bytes(stamp)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    images = [line.split() for line in listing.splitlines()[2:]]
    assert sorted((int(i[3]), int(i[4])) for i in images if i[2] == "image") == [
        (200, 200),
        (300, 120),
    ]
    signature, seal = _placements(stamp)  # the seal is drawn last, over the signature
    width = signature[2] - signature[0]
    assert width / (signature[3] - signature[1]) == pytest.approx(300 / 120, rel=1e-3)
    assert seal[2] == pytest.approx(signature[0] + width / 3, abs=0.01)
    assert seal[0] < signature[0]
    assert seal[3] - seal[1] == pytest.approx(80 - 8, abs=0.01)
    layout = stamp_layout(250, 80, StampImages(BLUE, RED))
    assert layout.text[0] > signature[2]  # the name and time beside the signature
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Nguyễn Văn Chủ" in text


def test_without_images_the_stamp_is_text_only(tmp_path: Path) -> None:
    plain = draw_stamp(TEXT, 250, 64, FONTS)
    assert draw_stamp(TEXT, 250, 64, FONTS, StampImages()) == plain
    assert _placements(plain) == []
    personal = draw_stamp(TEXT, 250, 64, FONTS, StampImages(BLUE))
    assert len(_placements(personal)) == 1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"GIF89a....", "not a valid PNG"),
        (BLUE[:40], "not a valid PNG"),
        (png((0, 0, 0, 255), (8, 8)), "8×8 pixels"),
        (b"\x89PNG" + b"\x00" * (1024 * 1024 + 10), "too large"),
    ],
)
def test_unfit_images_are_refused(data: bytes, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected) as caught:
        draw_stamp(TEXT, 250, 64, FONTS, StampImages(data))
    assert caught.value.msg.vi


def test_attachment_is_signed_top_right_of_page_one() -> None:
    x1, y1, x2, y2 = attachment_box((0, 0, 595, 842))
    assert x2 == pytest.approx(575)
    assert y2 == pytest.approx(822)
    assert x1 > 595 / 2
    assert y1 > 842 / 2


def test_signed_pdf_with_the_image_stamp_is_valid(tmp_path: Path) -> None:
    pki: Pki = make_pki(tmp_path / "pki")
    now = datetime.now(UTC)
    with signers.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=now) as opened:
        signed = signers.sign_pdf(
            sample_pdf(1),
            opened,
            PdfPlacement("ChuKy1", 0, (300, 40, 550, 120)),
            TEXT,
            FONTS,
            images=StampImages(BLUE, RED),
        )
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    report = subprocess.run(
        ["pdfsig", str(out)], capture_output=True, text=True, check=False
    ).stdout
    assert "Signature is Valid" in report
    trust = validation.TrustSettings((pki.ca_cert,))
    [verdict] = validation.validate_pdf(signed, trust)
    assert verdict.intact
    assert verdict.trust is validation.TrustState.VALID_REVOCATION_NOT_CHECKED
