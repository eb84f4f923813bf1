"""Member packages (.parpkg): the zip a secretary hands a council member, written and read here.

Pure format code (docs/package-format.md): core objects, bytes and paths in; a fully verified
``OpenedPackage`` out. Every refusal is an ``ImportFormatError`` naming the package and the entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from parapp.core import criteria_codec
from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, Problem, UserFacingError
from parapp.core.messages import Msg
from parapp.io.files.atomic import atomic_open
from parapp.io.files.zip_safety import CHUNK, MIB, SafeZip, ZipLimits, open_zip, refusal
from parapp.io.packages.manifest import (
    SHA256_PATTERN,
    PackageFile,
    file_list,
    has_offset,
    is_uuid4,
    no_float,
    problem,
)
from parapp.io.packages.package_round import MemberPackage, canonical_json, parse_round_json

log = logging.getLogger(__name__)

FORMAT = "parapp-member-package"
FORMAT_VERSION = 2
"""Version 2 adds round.json's ``round_2`` section (the explained items of appraisal round 2)."""
READABLE_VERSIONS = (1, 2)
"""Versions this build opens: a version-1 package (round 1 only) still opens."""
SUFFIX = ".parpkg"
MANIFEST = "META-INF/manifest.json"
CRITERIA = "criteria.json"
ROUND = "round.json"
EVIDENCE_DIR = "evidence/"
LIMITS = ZipLimits(max_entries=10_000, max_entry_bytes=500 * 1000**2, max_total_bytes=2 * 1024**3)
"""A package holds at most 2 GiB of data, no single file above 500 MB."""
MAX_JSON_BYTES = 64 * MIB
"""Largest manifest, criteria set or round.json read into memory."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every entry's timestamp: the package bytes depend only on content (created_at is inside)."""
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
"""form_id and member_id become parts of file names: no separators, no leading dot."""


@dataclass(frozen=True)
class PackageManifest:
    """``META-INF/manifest.json``: who the package is for and what it holds."""

    form_id: str
    form_version: str
    round_id: str
    round_name: str
    member_id: str
    package_id: str
    created_at: str
    files: tuple[PackageFile, ...] = ()
    format_version: int = FORMAT_VERSION
    """The version the package was written in (a read package keeps its own)."""

    def file_name(self) -> str:
        """``<form_id>_<member_id>_<first 8 of package_id>.parpkg``."""
        return f"{self.form_id}_{self.member_id}_{self.package_id.replace('-', '')[:8]}{SUFFIX}"


@dataclass(frozen=True)
class OpenedPackage:
    """A package whose every file was verified against its manifest, parsed."""

    path: Path
    manifest: PackageManifest
    manifest_sha256: str
    """Hash of the manifest bytes; it pins every file, so it identifies the whole content."""
    criteria_text: str
    """The round's frozen criteria set exactly as stored (canonical JSON)."""
    criteria_set: CriteriaSet
    content: MemberPackage


def manifest_dict(manifest: PackageManifest) -> dict[str, Any]:
    """The manifest as JSON data (files sorted by name)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_id": manifest.form_id,
        "form_version": manifest.form_version,
        "round_id": manifest.round_id,
        "round_name": manifest.round_name,
        "member_id": manifest.member_id,
        "package_id": manifest.package_id,
        "created_at": manifest.created_at,
        "files": [
            {"name": f.name, "sha256": f.sha256, "size": f.size}
            for f in sorted(manifest.files, key=lambda f: f.name)
        ],
    }


def write_package(
    path: Path, manifest: PackageManifest, files: Mapping[str, bytes | Path]
) -> PackageManifest:
    """Write a package atomically: ``files`` (entry name -> content or file to stream) plus the
    manifest listing them. Same inputs, same bytes: fixed timestamps and modes, name order.

    Returns:
        The manifest as written, with its file list.

    Raises:
        UserFacingError: a source file changed while it was being packed.
        ValueError: an unsafe or reserved entry name (a caller's bug).
    """
    for name in files:
        if name == MANIFEST or not _listed_name_ok(name):
            raise ValueError(f"invalid package entry name {name!r}")
    listed = tuple(PackageFile(name, *_digest(files[name])) for name in sorted(files))
    final = replace(manifest, files=listed)
    manifest_bytes = canonical_json(manifest_dict(final))
    contents: dict[str, bytes | Path] = {**files, MANIFEST: manifest_bytes}
    sizes = {f.name: f.size for f in listed} | {MANIFEST: len(manifest_bytes)}
    expected = {f.name: f.sha256 for f in listed}
    with atomic_open(path) as handle, zipfile.ZipFile(handle, "w") as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform: same bytes everywhere
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.file_size = sizes[name]  # lets zipfile choose zip64 for big files up front
            _write_entry(archive, info, contents[name], expected.get(name))
    log.info("wrote package %s (%d files)", path.name, len(listed))
    return final


def _digest(content: bytes | Path) -> tuple[str, int]:
    if isinstance(content, bytes):
        return hashlib.sha256(content).hexdigest(), len(content)
    digest = hashlib.sha256()
    size = 0
    with content.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _write_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, content: bytes | Path, sha256: str | None
) -> None:
    with archive.open(info, "w") as out:
        if isinstance(content, bytes):
            out.write(content)
            return
        digest = hashlib.sha256()
        with content.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
    if digest.hexdigest() != sha256:
        raise UserFacingError(
            Msg(
                f"Tệp {content.name} thay đổi trong lúc đóng gói; hãy đóng gói lại.",
                f"{content.name} changed while being packed; please pack again.",
            )
        )


def _listed_name_ok(name: str) -> bool:
    if name in (CRITERIA, ROUND):
        return True
    return name.startswith(EVIDENCE_DIR) and bool(
        SHA256_PATTERN.match(name.removeprefix(EVIDENCE_DIR))
    )


def read_package(path: Path, limits: ZipLimits = LIMITS) -> OpenedPackage:
    """Check, verify and parse a member package.

    First the zip safety checks (``zip_safety.open_zip``), then the manifest: format and version,
    every listed file present with its size and SHA-256, no entry that is not listed, only the
    files this format knows; then the criteria set and round.json, and their consistency.

    Raises:
        ImportFormatError: every problem found at the failing stage, each naming the entry.
    """
    path = Path(path)
    source = path.name
    with open_zip(path, limits, source) as archive:
        if MANIFEST not in archive.entries:
            raise refusal(
                source,
                Msg(
                    f"Thiếu “{MANIFEST}”: đây không phải là gói của thành viên hội đồng.",
                    f"“{MANIFEST}” is missing: this is not a council member's package.",
                ),
            )
        raw_manifest = archive.read(MANIFEST, MAX_JSON_BYTES)
        manifest = parse_manifest(raw_manifest, source)
        _verify_files(archive, manifest)
        criteria_bytes = archive.read(CRITERIA, MAX_JSON_BYTES)
        round_bytes = archive.read(ROUND, MAX_JSON_BYTES)
    try:
        criteria_text = criteria_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise refusal(
            source, Msg(f"“{CRITERIA}” không phải UTF-8.", f"“{CRITERIA}” is not UTF-8.")
        ) from None
    criteria_set = criteria_codec.loads(criteria_text, source=f"{source}: {CRITERIA}")
    content = parse_round_json(
        round_bytes, criteria_set, source, format_version=manifest.format_version
    )
    _check_consistency(source, manifest, criteria_set, criteria_bytes, content)
    log.info("verified package %s (%s)", source, manifest.package_id)
    return OpenedPackage(
        path,
        manifest,
        hashlib.sha256(raw_manifest).hexdigest(),
        criteria_text,
        criteria_set,
        content,
    )


def extract_evidence(package: OpenedPackage, target_dir: Path, limits: ZipLimits = LIMITS) -> int:
    """Write every evidence file to ``target_dir/<sha256>`` (new files only), re-verifying each
    against the manifest while writing; a damaged file is removed before the refusal.

    Returns:
        How many files were written.

    Raises:
        ImportFormatError: the package changed since ``read_package`` or an entry is damaged.
        FileExistsError: a target file exists already.
    """
    source = package.path.name
    listed = {f.name: f for f in package.manifest.files if f.name.startswith(EVIDENCE_DIR)}
    with open_zip(package.path, limits, source) as archive:
        for name, entry in sorted(listed.items()):
            if name not in archive.entries:
                raise _changed(source, name)
            done = archive.extract(name, target_dir, entry.sha256)
            if done.sha256 != entry.sha256:
                done.path.unlink()
                raise _changed(source, name)
    return len(listed)


def _changed(source: str, name: str) -> ImportFormatError:
    return refusal(
        source,
        Msg(
            f"Thành phần “{name}” không còn khớp với danh mục (tệp gói đã bị thay đổi?).",
            f"Entry “{name}” no longer matches the manifest (was the package file changed?).",
        ),
    )


def parse_manifest(raw: bytes, source: str) -> PackageManifest:
    """Parse and check ``META-INF/manifest.json``.

    Raises:
        ImportFormatError: not JSON, another format or version, or bad fields (all listed).
    """
    where = MANIFEST
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=no_float, parse_constant=no_float)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: hostile nesting ("[[[[...") exhausts the decoder's stack.
        raise refusal(
            source, Msg(f"“{where}” không phải JSON hợp lệ: {exc}", f"“{where}” is not JSON: {exc}")
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refusal(
            source,
            Msg(
                f"“{where}”: không phải gói của thành viên hội đồng (format ≠ {FORMAT}).",
                f"“{where}”: not a council member's package (format ≠ {FORMAT}).",
            ),
        )
    version = data.get("format_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = ", ".join(map(str, READABLE_VERSIONS))
        raise refusal(
            source,
            Msg(
                f"“{where}”: phiên bản định dạng {version} không được hỗ trợ (bản này đọc "
                f"phiên bản {readable}); hãy cập nhật parapp hoặc xin gói mới.",
                f"“{where}”: format version {version} is not supported (this build reads "
                f"versions {readable}); update parapp or ask for a new package.",
            ),
        )
    problems: list[Problem] = []
    text: dict[str, str] = {}
    for key in (
        "form_id",
        "form_version",
        "round_id",
        "round_name",
        "member_id",
        "package_id",
        "created_at",
    ):
        value = data.get(key)
        if not isinstance(value, str) or not value:
            problems.append(
                problem(source, f"“{where}”: thiếu “{key}”.", f"“{where}”: “{key}” is missing.")
            )
            value = ""
        text[key] = value
    for key in ("form_id", "member_id"):
        if text[key] and not ID_PATTERN.match(text[key]):
            problems.append(
                problem(
                    source,
                    f"“{where}”: “{key}” = “{text[key]}” không hợp lệ.",
                    f"“{where}”: “{key}” = “{text[key]}” is invalid.",
                )
            )
    if text["package_id"] and not is_uuid4(text["package_id"]):
        problems.append(
            problem(
                source,
                f"“{where}”: package_id “{text['package_id']}” không phải UUID4.",
                f"“{where}”: package_id “{text['package_id']}” is not a UUID4.",
            )
        )
    if text["created_at"] and not has_offset(text["created_at"]):
        problems.append(
            problem(
                source,
                f"“{where}”: created_at “{text['created_at']}” không phải thời điểm ISO 8601 "
                "có múi giờ.",
                f"“{where}”: created_at “{text['created_at']}” is not an ISO 8601 time with "
                "an offset.",
            )
        )
    files = _manifest_files(data.get("files"), source, problems)
    if problems:
        raise ImportFormatError(problems, source)
    return PackageManifest(
        text["form_id"],
        text["form_version"],
        text["round_id"],
        text["round_name"],
        text["member_id"],
        text["package_id"],
        text["created_at"],
        files,
        int(version),
    )


def _manifest_files(value: object, source: str, problems: list[Problem]) -> tuple[PackageFile, ...]:
    def name_ok(name: str, sha: str) -> Msg | None:
        if not _listed_name_ok(name):
            return Msg(
                f"“{MANIFEST}”: “{name}” không phải tệp của định dạng gói này.",
                f"“{MANIFEST}”: “{name}” is not a file of this package format.",
            )
        if name.startswith(EVIDENCE_DIR) and name.removeprefix(EVIDENCE_DIR) != sha:
            return Msg(
                f"“{MANIFEST}”: tên “{name}” không khớp với SHA-256 của nó.",
                f"“{MANIFEST}”: “{name}” is not named after its SHA-256.",
            )
        return None

    return file_list(value, source, MANIFEST, problems, name_ok=name_ok, required=(CRITERIA, ROUND))


def _verify_files(archive: SafeZip, manifest: PackageManifest) -> None:
    """Listed files present, with their size and hash; nothing unlisted."""
    source = archive.source
    problems: list[Problem] = []
    listed = {f.name: f for f in manifest.files}
    for name in archive.names():
        if name != MANIFEST and name not in listed:
            problems.append(
                problem(
                    source,
                    f"Thành phần “{name}” không có trong danh mục: bị từ chối.",
                    f"Entry “{name}” is not listed in the manifest: refused.",
                )
            )
    for entry in manifest.files:
        info = archive.entries.get(entry.name)
        if info is None:
            problems.append(
                problem(
                    source,
                    f"Thiếu tệp “{entry.name}” có trong danh mục.",
                    f"Listed file “{entry.name}” is missing.",
                )
            )
        elif info.file_size != entry.size:
            problems.append(
                problem(
                    source,
                    f"Thành phần “{entry.name}” có {info.file_size} byte, danh mục ghi "
                    f"{entry.size}.",
                    f"Entry “{entry.name}” has {info.file_size} bytes; the manifest says "
                    f"{entry.size}.",
                )
            )
    if problems:
        raise ImportFormatError(problems, source)
    for entry in manifest.files:
        if archive.sha256(entry.name) != entry.sha256:
            problems.append(
                problem(
                    source,
                    f"Thành phần “{entry.name}” sai mã băm SHA-256: tệp đã bị thay đổi hoặc hỏng.",
                    f"Entry “{entry.name}” fails its SHA-256 check: altered or damaged.",
                )
            )
    if problems:
        raise ImportFormatError(problems, source)


def _check_consistency(
    source: str,
    manifest: PackageManifest,
    criteria_set: CriteriaSet,
    criteria_bytes: bytes,
    content: MemberPackage,
) -> None:
    info = content.round
    checks = [
        ("form_id", manifest.form_id, criteria_set.form_id),
        ("form_version", manifest.form_version, criteria_set.version),
        ("form_id", manifest.form_id, info.form_id),
        ("form_version", manifest.form_version, info.form_version),
        ("round_id", manifest.round_id, info.id),
        ("round_name", manifest.round_name, info.name),
        ("member_id", manifest.member_id, content.member_id),
        ("criteria_sha256", hashlib.sha256(criteria_bytes).hexdigest(), info.criteria_sha256),
    ]
    problems = [
        problem(
            source,
            f"“{key}” không khớp giữa danh mục, {CRITERIA} và {ROUND} (“{a}” ≠ “{b}”).",
            f"“{key}” differs between the manifest, {CRITERIA} and {ROUND} (“{a}” ≠ “{b}”).",
        )
        for key, a, b in checks
        if a != b
    ]
    shipped = {
        f.name.removeprefix(EVIDENCE_DIR) for f in manifest.files if f.name.startswith(EVIDENCE_DIR)
    }
    cited = content.evidence_sha256s()
    problems.extend(
        problem(
            source,
            f"Tệp minh chứng “{EVIDENCE_DIR}{sha}” được trích dẫn nhưng không có trong gói.",
            f"Evidence file “{EVIDENCE_DIR}{sha}” is cited but not in the package.",
        )
        for sha in sorted(cited - shipped)
    )
    problems.extend(
        problem(
            source,
            f"Tệp minh chứng “{EVIDENCE_DIR}{sha}” không được trích dẫn ở đâu: bị từ chối.",
            f"Evidence file “{EVIDENCE_DIR}{sha}” is not cited anywhere: refused.",
        )
        for sha in sorted(shipped - cited)
    )
    if problems:
        raise ImportFormatError(problems, source)
