"""Hostile member packages (.parpkg) and tampered evidence in the round's folder."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.hostile import zip_tools as z
from tests.hostile.harness import Case, package_open
from tests.hostile.world import EVIDENCE_SHA256, World

EVIDENCE_ENTRY = f"evidence/{EVIDENCE_SHA256}"
Make = Callable[[Path, Path], object]


def _pkg(case_id: str, make: Make, *shows: str) -> Case:
    def build(world: World, path: Path) -> list[str]:
        make(world.package, path)
        return package_open(world, path)

    return Case(case_id, ".parpkg", build, None, shows)


def _bytes(data: bytes) -> Make:
    return lambda src, dst: dst.write_bytes(data)


def _extra(*entries: z.Entry) -> Make:
    return lambda src, dst: z.rewrite(src, dst, {}, entries)


def _replace(name: str, data: bytes | None) -> Make:
    """Change one entry, leaving the manifest's hashes as they were."""
    return lambda src, dst: z.rewrite(src, dst, {name: data})


def _repack(name: str, edit: Callable[[bytes], bytes | None]) -> Make:
    """Change one entry and recompute the manifest, so later checks see the change."""
    return lambda src, dst: z.repack_package(src, dst, {name: edit(z.entries_of(src)[name])})


def _json_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        data = json.loads(raw)
        edit(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    return apply


def _manifest(edit: Callable[[dict[str, Any]], None]) -> Make:
    def make(src: Path, dst: Path) -> object:
        raw = z.entries_of(src)[z.MANIFEST]
        return z.rewrite(src, dst, {z.MANIFEST: _json_edit(edit)(raw)})

    return make


def _flip_evidence_byte(raw: bytes) -> bytes:
    return raw[:10] + bytes([raw[10] ^ 0x20]) + raw[11:]


def _lying_size(src: Path, dst: Path) -> object:
    def shrink(data: dict[str, Any]) -> None:
        for item in data["files"]:
            if item["name"] == EVIDENCE_ENTRY:
                item["size"] = 100

    _manifest(shrink)(src, dst)
    z.patch_entry(dst, EVIDENCE_ENTRY, file_size=100)
    return dst


def _encrypted(src: Path, dst: Path) -> object:
    z.rewrite(src, dst, {})
    z.patch_entry(dst, "round.json", flag=0x1)
    return dst


def _duplicate(src: Path, dst: Path) -> object:
    return z.rewrite(src, dst, {}, [("round.json", z.entries_of(src)["round.json"])])


def _duplicate_node(data: dict[str, Any]) -> None:
    data["nodes"].append(dict(data["nodes"][-1]))


def _uncited_evidence(src: Path, dst: Path) -> object:
    other = b"%PDF-1.4 tai lieu khong ai trich dan"
    name = f"evidence/{hashlib.sha256(other).hexdigest()}"
    return z.repack_package(src, dst, {name: other})


def _nan_round(raw: bytes) -> bytes:
    return raw.replace(b'"year":2026', b'"year":NaN', 1)


def _huge_maximum(raw: bytes) -> bytes:
    return raw.replace(b'"maximum": "3"', b'"maximum": 1e999', 1)


DEEP = b"[" * 200_000 + b"]" * 200_000

PACKAGE_CASES = [
    _pkg("pkg-empty", _bytes(b"")),
    _pkg("pkg-truncated", lambda src, dst: z.truncate(src, dst, 0.7)),
    _pkg("pkg-pdf-renamed", _bytes(b"%PDF-1.4\n%%EOF\n")),
    _pkg("pkg-dotdot-entry", _extra(("evidence/../../../evil.sh", b"rm -rf ~")), "evil.sh"),
    _pkg("pkg-absolute-entry", _extra(("/etc/cron.d/evil", b"* * * * * root id")), "/etc/cron.d"),
    _pkg("pkg-backslash-entry", _extra(("..\\..\\evil.bat", b"del *")), "evil.bat"),
    _pkg("pkg-symlink-entry", _extra(z.symlink("evidence/link", b"/etc/passwd")), "evidence/link"),
    _pkg("pkg-zip-bomb", _extra(z.zeros_bomb("evidence/bomb", 3)), "evidence/bomb"),
    _pkg("pkg-lying-size", _lying_size, EVIDENCE_ENTRY),
    _pkg("pkg-encrypted-entry", _encrypted, "round.json"),
    _pkg("pkg-duplicate-entry", _duplicate, "round.json"),
    _pkg("pkg-manifest-missing", _replace(z.MANIFEST, None), z.MANIFEST),
    _pkg("pkg-manifest-not-json", _replace(z.MANIFEST, b"{not json"), z.MANIFEST),
    _pkg("pkg-manifest-deep-nesting", _replace(z.MANIFEST, DEEP), z.MANIFEST),
    _pkg("pkg-wrong-format-version", _manifest(lambda d: d.update(format_version=3))),
    _pkg("pkg-float-format-version", _manifest(lambda d: d.update(format_version=1.0))),
    _pkg("pkg-member-id-path", _manifest(lambda d: d.update(member_id="../../evil")), "member_id"),
    _pkg("pkg-evidence-hash-mismatch", _replace(EVIDENCE_ENTRY, b"x" * 1140), EVIDENCE_ENTRY),
    _pkg(
        "pkg-evidence-byte-flipped",
        lambda src, dst: z.edit_entry(src, dst, EVIDENCE_ENTRY, _flip_evidence_byte),
        EVIDENCE_ENTRY,
    ),
    _pkg("pkg-unlisted-entry", _extra(("notes.txt", b"hello")), "notes.txt"),
    _pkg("pkg-evidence-not-cited", _uncited_evidence, "evidence/"),
    _pkg("pkg-criteria-duplicate-code", _repack("criteria.json", _json_edit(_duplicate_node))),
    _pkg("pkg-criteria-huge-maximum", _repack("criteria.json", _huge_maximum), "criteria.json"),
    _pkg("pkg-round-json-nan", _repack("round.json", _nan_round), "round.json"),
    _pkg("pkg-round-json-deep-nesting", _repack("round.json", lambda _: DEEP), "round.json"),
    _pkg(
        "pkg-round-of-another-round",
        _repack("round.json", _json_edit(lambda d: d["round"].update(id="vong-khac"))),
        "round_id",
    ),
]


# --------------------------------------------------------------------------------------------
# Evidence in the round's own folder: the package build re-hashes what it ships.


def _tamper(edit: Callable[[Path], None]) -> Callable[[World, Path], list[str]]:
    def build(world: World, path: Path) -> list[str]:
        edit(world.evidence_root / EVIDENCE_SHA256)
        return ["package", "build", str(world.round), "--member", "m1", "-o", str(path)]

    return build


def _overwrite(stored: Path) -> None:
    stored.write_bytes(stored.read_bytes().replace(b"ke hoach", b"KE HOACH", 1))


def _truncate(stored: Path) -> None:
    stored.write_bytes(stored.read_bytes()[:100])


def _symlink(stored: Path) -> None:
    stored.unlink()
    stored.symlink_to("/etc/hostname")


EVIDENCE_CASES = [
    Case("evidence-content-changed", ".parpkg", _tamper(_overwrite), None, ("KH-01.pdf",), False),
    Case("evidence-truncated", ".parpkg", _tamper(_truncate), None, ("KH-01.pdf",), False),
    Case("evidence-deleted", ".parpkg", _tamper(Path.unlink), None, ("KH-01.pdf",), False),
    Case("evidence-replaced-by-symlink", ".parpkg", _tamper(_symlink), None, ("KH-01.pdf",), False),
]
