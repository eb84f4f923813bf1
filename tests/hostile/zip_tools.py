"""Crafting hostile zip containers (xlsx and .parpkg alike) from a valid one."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

MIB = 1024 * 1024
MANIFEST = "META-INF/manifest.json"

Entry = tuple[str | zipfile.ZipInfo, bytes]


def entries_of(path: Path) -> dict[str, bytes]:
    """Every entry of a zip, in order."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, entries: Iterable[Entry]) -> Path:
    """Write entries as given (duplicates included), deflated unless a ZipInfo says otherwise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names a case needs
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return path


def rewrite(
    src: Path, dst: Path, changes: Mapping[str, bytes | None], extra: Iterable[Entry] = ()
) -> Path:
    """Copy a zip replacing entries (bytes), dropping them (None), then adding ``extra``."""
    kept: list[Entry] = []
    for name, data in entries_of(src).items():
        replacement = changes.get(name, data)
        if replacement is not None:
            kept.append((name, replacement))
    return write_zip(dst, [*kept, *extra])


def edit_entry(src: Path, dst: Path, name: str, edit: Callable[[bytes], bytes]) -> Path:
    """Copy a zip with one entry's bytes transformed."""
    return rewrite(src, dst, {name: edit(entries_of(src)[name])})


def symlink(name: str, target: bytes) -> Entry:
    """A symbolic-link entry (Unix mode in the external attributes)."""
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target


def truncate(src: Path, dst: Path, fraction: float) -> Path:
    """The first ``fraction`` of a file (an unfinished copy or download)."""
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def patch_entry(path: Path, name: str, *, file_size: int | None = None, flag: int = 0) -> None:
    """Rewrite the declared size or set flag bits of one entry, in both of its headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.find(b"PK\x01\x02", central + 1)
    if file_size is not None:
        struct.pack_into("<I", data, local + 22, file_size)
        struct.pack_into("<I", data, central + 24, file_size)
    if flag:
        for at in (local + 6, central + 8):
            struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | flag)
    path.write_bytes(bytes(data))


def zeros_bomb(name: str, mib: int) -> Entry:
    """``mib`` MiB of zeros, deflated to about 1 KB per MiB (ratio ~1000:1)."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info, bytes(mib * MIB)


ENTITY_BOMB = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)
"""A billion-laughs prolog; appended before a part's root element."""


def with_entity_bomb(xml: bytes) -> bytes:
    """The same XML part with an entity-bomb DOCTYPE after its declaration."""
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return ENTITY_BOMB + body.replace(b"<v>", b"<v>&lol3;", 1)


def external_entity(xml: bytes) -> bytes:
    """XXE: an external entity reading a local file."""
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + body
    )


def utf16(xml: bytes) -> bytes:
    """The same XML re-encoded as UTF-16 (which the workbook checks refuse)."""
    text = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return text.encode("utf-16")


def repack_package(src: Path, dst: Path, changes: Mapping[str, bytes | None]) -> Path:
    """Change package entries and re-sign nothing: only the manifest's hashes and sizes are
    recomputed, so the change reaches the checks behind the hash verification."""
    entries = entries_of(src)
    for name, data in changes.items():
        if data is None:
            entries.pop(name, None)
        else:
            entries[name] = data
    manifest = json.loads(entries[MANIFEST])
    manifest["files"] = [
        {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(entries.items())
        if name != MANIFEST
    ]
    entries[MANIFEST] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return write_zip(dst, entries.items())
