"""Every byte of a signed zip accounted for: nothing hidden outside the entries it lists.

A zip reader trusts the central directory at the end of the file; a streaming reader (and some
unzip tools) walks the local file records from the start instead. Bytes that the central
directory does not list — a local record left out of it, data before the first record, between
records or after the directory, an archive comment — are invisible to the first kind and may be
a file to the second. A signed package lists every file in its manifest, so it must be exactly:
the local records of the listed entries back to back from byte 0, the central directory, the
end record without comment. That is what ``write_score_package`` writes (and any ordinary zip
writer); anything else is refused.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from parapp.core.messages import Msg

_LOCAL = struct.Struct("<4s5H3L2H")  # signature … file name length, extra length
_LOCAL_MAGIC = b"PK\x03\x04"
_DESCRIPTOR_MAGIC = b"PK\x07\x08"
_END = struct.Struct("<4s4H2LH")  # signature, disks, counts, cd size, cd offset, comment length
_END_MAGIC = b"PK\x05\x06"
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class HiddenData:
    """Bytes of the archive that no listed entry accounts for."""

    offset: int
    size: int
    name: str | None
    """The file name of a local record found there, if the bytes are one."""

    def describe(self) -> Msg:
        """What was found, in both languages."""
        if self.name is not None:
            return Msg(
                f"tệp “{self.name}” ẩn trong tệp nén (byte {self.offset}), ngoài danh mục đã ký",
                f"file “{self.name}” hidden in the archive (byte {self.offset}), outside the "
                "signed manifest",
            )
        return Msg(
            f"{self.size} byte dữ liệu lạ tại byte {self.offset}, ngoài mọi tệp của danh mục",
            f"{self.size} bytes of stray data at byte {self.offset}, outside every listed file",
        )


def hidden_data(path: Path, infos: Iterable[zipfile.ZipInfo]) -> list[HiddenData]:
    """The stretches of ``path`` outside the local records of ``infos``, the central directory
    and the end record, which must be the file's last 22 bytes (no archive comment); an entry
    comment counts too. ``infos``: the central directory's entries. Reads only the record
    headers and the tail, not the data."""
    with Path(path).open("rb") as handle:
        length = handle.seek(0, 2)
        handle.seek(max(0, length - _END.size))
        last = handle.read()
        found: list[HiddenData] = []
        if len(last) < _END.size or not last.startswith(_END_MAGIC) or last[-2:] != b"\0\0":
            # an archive comment, or bytes after the end record: where exactly does not matter
            handle.seek(max(0, length - _END.size - _MAX_COMMENT))
            tail_start = handle.tell()
            end = handle.read().rfind(_END_MAGIC)
            start = tail_start + end + _END.size if end >= 0 else 0
            found.append(HiddenData(start, length - start, None))
            return found
        end_at = length - _END.size
        directory_size = _END.unpack(last)[5]
        position = 0
        for info in sorted(infos, key=lambda i: i.header_offset):
            if info.comment:
                found.append(HiddenData(info.header_offset, len(info.comment), None))
            if info.header_offset > position:
                found.append(_stretch(handle, position, info.header_offset))
            position = max(position, _record_end(handle, info))
        directory_start = end_at - directory_size
        if position < directory_start:
            found.append(_stretch(handle, position, directory_start))
    return found


def _record_end(handle: BinaryIO, info: zipfile.ZipInfo) -> int:
    """Where the local record of ``info`` ends (header, name, extra, data, data descriptor)."""
    start = info.header_offset
    handle.seek(start)
    header = handle.read(_LOCAL.size)
    if len(header) < _LOCAL.size or not header.startswith(_LOCAL_MAGIC):
        return start  # damaged: zip_safety and the hash check report it
    fields = _LOCAL.unpack(header)
    flags: int = fields[2]
    name_length: int = fields[9]
    extra_length: int = fields[10]
    end = start + _LOCAL.size + name_length + extra_length + info.compress_size
    if flags & 0x08:  # the sizes follow the data, with or without their signature
        handle.seek(end)
        end += 16 if handle.read(4) == _DESCRIPTOR_MAGIC else 12
    return end


def _stretch(handle: BinaryIO, start: int, stop: int) -> HiddenData:
    handle.seek(start)
    header = handle.read(_LOCAL.size)
    name = None
    if len(header) == _LOCAL.size and header.startswith(_LOCAL_MAGIC):
        raw = handle.read(min(_LOCAL.unpack(header)[9], 1024))
        name = raw.decode("utf-8", errors="replace")
    return HiddenData(start, stop - start, name)
