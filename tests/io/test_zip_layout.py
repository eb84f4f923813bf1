"""``zip_layout.hidden_data``: every byte of a zip belongs to a listed entry, the central
directory or a comment-less end record; anything else is found and located."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from parapp.io.files.zip_layout import hidden_data


class _Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then writes data descriptors after each entry."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data.extend(b)
        return len(b)


def _zip(path: Path, **kwargs: object) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("scores.json", b'{"a": 1}' * 100)
        archive.writestr("phieu-cham.pdf", b"%PDF-1.7" * 50)
        if kwargs.get("comment"):
            archive.comment = b"hidden words"
    return path


def _found(path: Path) -> list[tuple[int, int, str | None]]:
    with zipfile.ZipFile(path) as archive:
        return [(h.offset, h.size, h.name) for h in hidden_data(path, archive.infolist())]


def test_ordinary_and_streamed_zips_hide_nothing(tmp_path: Path) -> None:
    assert _found(_zip(tmp_path / "a.zip")) == []
    stream = _Unseekable()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("scores.json", b"{}")
        archive.writestr("phieu-cham.xlsx", b"PK" * 300)
    streamed = tmp_path / "s.zip"
    streamed.write_bytes(bytes(stream.data))
    with zipfile.ZipFile(streamed) as archive:
        assert all(i.flag_bits & 0x08 for i in archive.infolist())  # data descriptors
    assert _found(streamed) == []


def test_prefix_comment_entry_comment_and_a_hidden_record_are_found(tmp_path: Path) -> None:
    plain = _zip(tmp_path / "a.zip")
    data = plain.read_bytes()
    prefixed = tmp_path / "p.zip"
    prefixed.write_bytes(b"junk" * 10 + data)
    assert _found(prefixed) == [(0, 40, None)]
    commented = _zip(tmp_path / "c.zip", comment=True)
    assert _found(commented) == [(len(commented.read_bytes()) - 12, 12, None)]
    with zipfile.ZipFile(tmp_path / "e.zip", "w") as archive:
        info = zipfile.ZipInfo("scores.json")
        info.comment = b"note"
        archive.writestr(info, b"{}")
    assert _found(tmp_path / "e.zip") == [(0, 4, None)]

    with zipfile.ZipFile(plain) as archive:
        start = archive.start_dir
    payload, name = b"%PDF-1.7 hidden", b"an-giau.pdf"
    record = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, zlib.crc32(payload), len(payload),
        len(payload), len(name), 0,
    ) + name + payload  # fmt: skip
    tail = bytearray(data[start:])
    end = tail.rfind(b"PK\x05\x06")
    struct.pack_into("<L", tail, end + 16, start + len(record))
    hidden = tmp_path / "h.zip"
    hidden.write_bytes(data[:start] + record + bytes(tail))
    assert _found(hidden) == [(start, len(record), "an-giau.pdf")]
