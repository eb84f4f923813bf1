"""Safe reading of untrusted zip files: check the central directory before reading any data, read
each entry with a counting limit (never trusting its declared size) and extract only under a
target folder, into files created exclusively.

Generic: member packages use it with their own limits; any zip-based format can.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import itertools
import logging
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
"""Bytes read or decompressed at a time."""
MIB = 1024 * 1024

_LOCAL_HEADER_BYTES = 30
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f\\:]")
"""Control characters, backslashes (Windows separators) and colons (drive letters, NTFS streams)."""
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True)
class ZipLimits:
    """What an archive may contain; every size is uncompressed bytes."""

    max_entries: int
    max_entry_bytes: int
    max_total_bytes: int
    max_ratio: int = 100
    """Highest compression ratio for an entry larger than ``ratio_from_bytes`` (zip bombs)."""
    ratio_from_bytes: int = MIB
    """Small entries may compress very well (JSON of zeros); only large ones are ratio-checked."""


def refusal(source: str, message: Msg) -> ImportFormatError:
    """One problem about the file ``source`` (the message names the entry)."""
    return ImportFormatError([Problem(Location(file=source), message)], source)


@dataclass(frozen=True)
class Extracted:
    """A file written by ``SafeZip.extract``: where, its SHA-256 and size."""

    path: Path
    sha256: str
    size: int


class SafeZip:
    """A checked archive: its entries by name, readable only through counting readers."""

    def __init__(self, archive: zipfile.ZipFile, source: str, limits: ZipLimits) -> None:
        self._archive = archive
        self.source = source
        self.limits = limits
        self.entries = {info.filename: info for info in archive.infolist()}

    def names(self) -> list[str]:
        """Names of every entry (folders included, ending in "/"), sorted."""
        return sorted(self.entries)

    def chunks(self, name: str) -> Iterator[bytes]:
        """Decompress one entry chunk by chunk, refusing it as soon as it yields more bytes than
        it declares, or fewer, or fails its CRC.

        Raises:
            ImportFormatError: the entry lies about its size or is damaged.
        """
        info = self.entries[name]
        declared = info.file_size
        # zipfile stops at the declared size and then checks the CRC, so a lying entry would
        # fail as "damaged" (or be cut short silently). Allowing one chunk more lets us see the
        # lie and name it; reads stay chunk-sized, so memory is bounded either way.
        probe = copy.copy(info)
        probe.file_size = declared + CHUNK + 1
        count = 0
        try:
            with self._archive.open(probe) as stream:
                while chunk := stream.read(CHUNK):
                    count += len(chunk)
                    if count > declared:
                        raise refusal(
                            self.source,
                            Msg(
                                f"Thành phần “{name}” giải nén ra nhiều hơn kích thước khai báo "
                                f"({declared} byte): nghi là bom nén.",
                                f"Entry “{name}” unpacks to more than its declared size "
                                f"({declared} bytes): a suspected zip bomb.",
                            ),
                        )
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            log.warning("damaged entry %s in %s: %r", name, self.source, exc)
            raise refusal(
                self.source,
                Msg(
                    f"Thành phần “{name}” bị hỏng (tệp không đầy đủ hoặc sai dữ liệu).",
                    f"Entry “{name}” is damaged (truncated or corrupt data).",
                ),
            ) from None
        if count != declared:
            raise refusal(
                self.source,
                Msg(
                    f"Thành phần “{name}” ngắn hơn kích thước khai báo ({count}/{declared} byte).",
                    f"Entry “{name}” is shorter than it declares ({count}/{declared} bytes).",
                ),
            )

    def read(self, name: str, max_bytes: int) -> bytes:
        """The whole content of a small entry (refused above ``max_bytes``).

        Raises:
            ImportFormatError: too large, lying about its size, or damaged.
        """
        size = self.entries[name].file_size
        if size > max_bytes:
            raise refusal(
                self.source,
                Msg(
                    f"Thành phần “{name}” quá lớn ({size} byte, tối đa {max_bytes}).",
                    f"Entry “{name}” is too large ({size} bytes, at most {max_bytes}).",
                ),
            )
        return b"".join(self.chunks(name))

    def sha256(self, name: str) -> str:
        """Hex SHA-256 of an entry's content, streamed.

        Raises:
            ImportFormatError: the entry lies about its size or is damaged.
        """
        digest = hashlib.sha256()
        for chunk in self.chunks(name):
            digest.update(chunk)
        return digest.hexdigest()

    def extract(self, name: str, target_dir: Path, relative: str) -> Extracted:
        """Write entry ``name`` to ``target_dir / relative``, a file that must not exist yet.

        The path must stay inside ``target_dir`` (no absolute path, ``..``, drive or backslash);
        a partly written file is removed on any failure.

        Raises:
            ImportFormatError: the entry lies about its size or is damaged.
            ValueError: ``relative`` is not a safe relative path (a caller's bug).
            FileExistsError: the target exists already.
        """
        if _unsafe_name(relative) or relative.endswith("/"):
            raise ValueError(f"unsafe extraction path {relative!r}")
        root = target_dir.resolve()
        target = root.joinpath(*relative.split("/"))
        if not target.resolve().is_relative_to(root):
            raise ValueError(f"{relative!r} leaves {root}")
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        # "xb" is O_CREAT | O_EXCL: it never follows a symlink or overwrites a file.
        with target.open("xb") as out:
            try:
                for chunk in self.chunks(name):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
            except BaseException:
                out.close()
                target.unlink(missing_ok=True)
                raise
        return Extracted(target, digest.hexdigest(), size)


@contextlib.contextmanager
def open_zip(path: Path, limits: ZipLimits, source: str | None = None) -> Iterator[SafeZip]:
    """Open ``path`` as a zip after checking its central directory against ``limits``.

    Refuses: unreadable, empty, non-zip or truncated files; more than ``max_entries`` entries;
    absolute names, ``..`` components, backslashes, colons (drive letters), control characters;
    duplicate names (ignoring case and Unicode normalization); symlinks and other special files;
    encrypted entries or compression other than stored/deflate; entries above the per-entry cap,
    archives above the total cap; entries over ``ratio_from_bytes`` compressed more than
    ``max_ratio``:1; entries whose data overlap. Nothing is decompressed by the check; reading
    through ``SafeZip`` then enforces each entry's declared size.

    Raises:
        ImportFormatError: every problem of the central directory, each naming the entry.
    """
    source = source or path.name
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise refusal(
            source,
            Msg(f"Không đọc được tệp: {exc.strerror}.", f"Cannot read the file: {exc.strerror}."),
        ) from None
    if not magic:
        raise refusal(source, Msg("Tệp rỗng (0 byte).", "The file is empty (0 bytes)."))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise refusal(source, _not_a_zip(magic)) from None
    with archive:
        problems = [
            Problem(Location(file=source), message) for message in _problems(archive, limits)
        ]
        if problems:
            raise ImportFormatError(problems, source)
        yield SafeZip(archive, source, limits)


def _not_a_zip(magic: bytes) -> Msg:
    if magic.startswith(_ZIP_MAGIC):
        return Msg(
            "Tệp nén bị hỏng hoặc không đầy đủ (có thể sao chép hay tải về chưa xong).",
            "The archive is damaged or truncated (perhaps an unfinished copy or download).",
        )
    return Msg("Tệp không phải là tệp nén zip.", "The file is not a zip archive.")


def _problems(archive: zipfile.ZipFile, limits: ZipLimits) -> list[Msg]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        return [
            Msg(
                f"Tệp có {len(infos)} thành phần (tối đa {limits.max_entries}).",
                f"The file has {len(infos)} entries (at most {limits.max_entries}).",
            )
        ]
    problems: list[Msg] = []
    seen: set[str] = set()
    for info in infos:
        problems.extend(_entry_problems(info, seen, limits))
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        problems.append(
            Msg(
                f"Tệp giải nén ra {total} byte, vượt giới hạn {limits.max_total_bytes} byte.",
                f"The file unpacks to {total} bytes, over the limit of {limits.max_total_bytes}.",
            )
        )
    problems.extend(_overlaps(infos))
    return problems


def _entry_problems(info: zipfile.ZipInfo, seen: set[str], limits: ZipLimits) -> list[Msg]:
    name = info.filename
    found: list[Msg] = []
    if _unsafe_name(name):
        found.append(
            Msg(
                f"Thành phần “{name}” có đường dẫn không an toàn (tuyệt đối, chứa “..”, “\\”, "
                "“:” hoặc ký tự điều khiển).",
                f"Entry “{name}” has an unsafe path (absolute, or containing “..”, “\\”, “:” "
                "or control characters).",
            )
        )
    key = unicodedata.normalize("NFC", name).casefold()
    if key in seen:
        found.append(Msg(f"Thành phần “{name}” bị lặp.", f"Entry “{name}” appears twice."))
    seen.add(key)
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        found.append(
            Msg(
                f"Thành phần “{name}” là liên kết tượng trưng (symlink): bị từ chối.",
                f"Entry “{name}” is a symbolic link: refused.",
            )
        )
    elif kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        found.append(
            Msg(
                f"Thành phần “{name}” là tệp đặc biệt, không phải tệp thường.",
                f"Entry “{name}” is a special file, not a regular file.",
            )
        )
    if info.flag_bits & 0x1:
        found.append(Msg(f"Thành phần “{name}” bị mã hóa.", f"Entry “{name}” is encrypted."))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        found.append(
            Msg(
                f"Thành phần “{name}” dùng kiểu nén không hỗ trợ.",
                f"Entry “{name}” uses an unsupported compression method.",
            )
        )
    if info.file_size > limits.max_entry_bytes:
        found.append(
            Msg(
                f"Thành phần “{name}” quá lớn ({info.file_size} byte, tối đa "
                f"{limits.max_entry_bytes}).",
                f"Entry “{name}” is too large ({info.file_size} bytes, at most "
                f"{limits.max_entry_bytes}).",
            )
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_from_bytes and ratio > limits.max_ratio:
        found.append(
            Msg(
                f"Thành phần “{name}” nén bất thường ({info.file_size} byte từ "
                f"{info.compress_size}): nghi là bom nén.",
                f"Entry “{name}” is compressed abnormally ({info.file_size} bytes from "
                f"{info.compress_size}): a suspected zip bomb.",
            )
        )
    return found


def _unsafe_name(name: str) -> bool:
    if not name or name.startswith("/") or _UNSAFE_CHARS.search(name):
        return True
    parts = name.removesuffix("/").split("/")
    return any(part in ("", ".", "..") for part in parts)


def _overlaps(infos: list[zipfile.ZipInfo]) -> list[Msg]:
    # Entries sharing compressed data multiply one payload into many files ("overlapping" zip
    # bombs). Each local header is at least 30 bytes plus the name before its data.
    found: list[Msg] = []
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for current, following in itertools.pairwise(ordered):
        end = current.header_offset + _LOCAL_HEADER_BYTES + current.compress_size
        if following.header_offset < end:
            found.append(
                Msg(
                    f"Thành phần “{following.filename}” chồng lên dữ liệu của "
                    f"“{current.filename}”: nghi là bom nén.",
                    f"Entry “{following.filename}” overlaps the data of “{current.filename}”: "
                    "a suspected zip bomb.",
                )
            )
    return found
