"""Signed score packages (.parscore): a member's appraisal scores, the authority for the merge.

```
scores.json               canonical JSON: sorted keys, decimal strings, node codes, comments
phieu-cham.xlsx           optional views (values only), or phieu-cham-<unit>.xlsx, …
phieu-cham.pdf            optional views, PAdES-signed, or phieu-cham-<unit>.pdf, …
META-INF/manifest.json    identity, submission_id, deprecated_id, created_at, SHA-256 of each file
META-INF/signature.p7s    detached CMS (DER) over the exact manifest bytes
```
The manifest pins every file by hash and the signature pins the manifest (stack.md §5). Reading
uses ``zip_safety`` and checks the signature, then every hash; nothing unlisted is accepted: not
an entry of the central directory, nor a file hidden outside it (``zip_layout``). The views are
files like any other: a view that fails its hash, or one the manifest does not list, refuses
the whole package (at ``verify`` and at merge).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import stat
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.io.files.atomic import atomic_open
from parapp.io.files.zip_layout import hidden_data
from parapp.io.files.zip_safety import MIB, SafeZip, ZipLimits, open_zip
from parapp.io.packages.manifest import (
    PackageFile,
    file_list,
    has_offset,
    is_uuid4,
    no_float,
    problem,
)
from parapp.io.packages.member_package import ID_PATTERN, ZIP_TIME
from parapp.io.packages.package_round import canonical_json
from parapp.io.packages.scores_json import FORMAT as SCORES_FORMAT
from parapp.io.packages.scores_json import MemberScores, ScoreValue
from parapp.io.signing.validation import (
    SignatureVerdict,
    TrustSettings,
    validate_detached,
)

log = logging.getLogger(__name__)

FORMAT = "parapp-score-package"
FORMAT_VERSION = 1
SUFFIX = ".parscore"
SCORES = "scores.json"
VIEW_STEM = "phieu-cham"
VIEW_PATTERN = re.compile(r"^phieu-cham(-[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?\.(xlsx|pdf)$")
"""Views: ``phieu-cham.xlsx``/``.pdf``, or ``phieu-cham-<unit>.pdf`` when there are several."""
MANIFEST = "META-INF/manifest.json"
SIGNATURE = "META-INF/signature.p7s"
LIMITS = ZipLimits(max_entries=1000, max_entry_bytes=200 * MIB, max_total_bytes=400 * MIB)
MAX_SMALL_BYTES = 16 * MIB
"""Largest scores.json, manifest or signature read into memory."""


@dataclass(frozen=True)
class ScoreManifest:
    """``META-INF/manifest.json``."""

    form_id: str
    form_version: str
    round_id: str
    member_id: str
    submission_id: str
    deprecated_id: str | None
    created_at: str
    files: tuple[PackageFile, ...] = ()

    def file_name(self) -> str:
        """``<form_id>_<member_id>_<first 8 of submission_id>.parscore``."""
        short = self.submission_id.replace("-", "")[:8]
        return f"{self.form_id}_{self.member_id}_{short}{SUFFIX}"


@dataclass(frozen=True)
class EntryCheck:
    """One file of the package against the manifest."""

    name: str
    ok: bool
    problem: Msg | None = None


@dataclass(frozen=True)
class ScorePackageCheck:
    """Everything found about a package; ``intact`` only if nothing failed."""

    path: Path
    manifest: ScoreManifest | None
    signature: SignatureVerdict | None
    entries: tuple[EntryCheck, ...]
    problems: tuple[Problem, ...]
    scores: MemberScores | None = None

    @property
    def intact(self) -> bool:
        """Signed, signature intact, every file present with its hash, nothing else wrong."""
        return (
            not self.problems
            and self.signature is not None
            and self.signature.intact
            and all(e.ok for e in self.entries)
        )


def manifest_dict(manifest: ScoreManifest) -> dict[str, Any]:
    """The manifest as JSON data (files sorted by name)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_id": manifest.form_id,
        "form_version": manifest.form_version,
        "round_id": manifest.round_id,
        "member_id": manifest.member_id,
        "submission_id": manifest.submission_id,
        "deprecated_id": manifest.deprecated_id,
        "created_at": manifest.created_at,
        "files": [
            {"name": f.name, "sha256": f.sha256, "size": f.size}
            for f in sorted(manifest.files, key=lambda f: f.name)
        ],
    }


def write_score_package(
    path: Path,
    manifest: ScoreManifest,
    files: Mapping[str, bytes],
    sign: Callable[[bytes], bytes],
) -> ScoreManifest:
    """Write a package atomically: ``files`` (``scores.json`` required, the xlsx and PDF views
    optional), the manifest listing their hashes, and ``sign(manifest bytes)`` as the detached
    CMS signature. Fixed timestamps and modes, name order.

    Returns:
        The manifest as written, with its file list.

    Raises:
        ValueError: a missing scores.json or an unknown entry name (a caller's bug).
        SignatureError: from ``sign``; nothing is written then.
    """
    if SCORES not in files or any(not content_name_ok(name) for name in files):
        raise ValueError(f"score package files must be scores.json and views, got {list(files)}")
    listed = tuple(
        PackageFile(name, hashlib.sha256(files[name]).hexdigest(), len(files[name]))
        for name in sorted(files)
    )
    final = ScoreManifest(
        manifest.form_id,
        manifest.form_version,
        manifest.round_id,
        manifest.member_id,
        manifest.submission_id,
        manifest.deprecated_id,
        manifest.created_at,
        listed,
    )
    manifest_bytes = canonical_json(manifest_dict(final))
    signature = sign(manifest_bytes)
    contents = {**files, MANIFEST: manifest_bytes, SIGNATURE: signature}
    with atomic_open(path) as handle, zipfile.ZipFile(handle, "w") as archive:
        for name in sorted(contents, key=_entry_order):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform: same bytes everywhere
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, contents[name])
    log.info("wrote score package %s (%s)", path.name, final.submission_id)
    return final


def content_name_ok(name: str) -> bool:
    """``scores.json`` or a view name (``VIEW_PATTERN``)."""
    return name == SCORES or bool(VIEW_PATTERN.match(name))


def _entry_order(name: str) -> tuple[int, str]:
    # scores.json first: a reader listing the archive sees the authority before the views.
    return (0 if name == SCORES else 2 if name.startswith("META-INF/") else 1, name)


def check_score_package(
    path: Path, trust: TrustSettings, limits: ZipLimits = LIMITS
) -> ScorePackageCheck:
    """Check everything about a package and report it all; raises nothing for bad content.

    Order: zip safety; the signature over the exact manifest bytes; the manifest's fields; every
    listed file (present, size, SHA-256); no unlisted entry; then scores.json against the
    manifest's identity.
    """
    path = Path(path)
    source = path.name
    try:
        with open_zip(path, limits, source) as archive:
            return _check_open(path, archive, trust)
    except ImportFormatError as exc:
        return ScorePackageCheck(path, None, None, (), exc.problems)


def _check_open(path: Path, archive: SafeZip, trust: TrustSettings) -> ScorePackageCheck:
    source = archive.source
    for required in (MANIFEST, SIGNATURE):
        if required not in archive.entries:
            missing = problem(
                source,
                f"Thiếu “{required}”: đây không phải gói điểm đã ký.",
                f"“{required}” is missing: this is not a signed score package.",
            )
            return ScorePackageCheck(path, None, None, (), (missing,))
    raw_manifest = archive.read(MANIFEST, MAX_SMALL_BYTES)
    p7s = archive.read(SIGNATURE, MAX_SMALL_BYTES)
    verdict = validate_detached(raw_manifest, p7s, trust)
    problems: list[Problem] = []
    if not verdict.intact:
        problems.append(
            problem(
                source,
                f"“{MANIFEST}”: chữ ký không khớp ({verdict.trust.label.vi}).",
                f"“{MANIFEST}”: the signature does not match ({verdict.trust.label.en}).",
            )
        )
    try:
        manifest = parse_manifest(raw_manifest, source)
    except ImportFormatError as exc:
        return ScorePackageCheck(path, None, verdict, (), (*problems, *exc.problems))
    entries = _check_entries(archive, manifest)
    scores = None
    if all(e.ok for e in entries):
        try:
            scores = parse_scores(archive.read(SCORES, MAX_SMALL_BYTES), source)
        except ImportFormatError as exc:
            problems.extend(exc.problems)
        else:
            problems.extend(_identity_problems(source, manifest, scores))
    unlisted = _unlisted_entries(path, archive, manifest)
    return ScorePackageCheck(
        path, manifest, verdict, (*entries, *unlisted), tuple(problems), scores
    )


def _unlisted_entries(
    path: Path, archive: SafeZip, manifest: ScoreManifest
) -> tuple[EntryCheck, ...]:
    """Every file of the archive the signed manifest does not list, each a failed entry named
    by its file name: in the central directory, or hidden from it (``zip_layout``)."""
    listed = {MANIFEST, SIGNATURE, *(f.name for f in manifest.files)}
    found = [
        EntryCheck(
            name,
            False,
            Msg(
                "không có trong danh mục đã ký (manifest): gói điểm bị từ chối",
                "not listed in the signed manifest: the package is refused",
            ),
        )
        for name in archive.names()
        if name not in listed
    ]
    for hidden in hidden_data(path, archive.entries.values()):
        found.append(EntryCheck(hidden.name or archive.source, False, hidden.describe()))
    return tuple(found)


def _check_entries(archive: SafeZip, manifest: ScoreManifest) -> tuple[EntryCheck, ...]:
    checks: list[EntryCheck] = []
    for entry in manifest.files:
        info = archive.entries.get(entry.name)
        if info is None:
            checks.append(EntryCheck(entry.name, False, Msg("thiếu tệp", "missing")))
            continue
        try:
            digest = archive.sha256(entry.name)
        except ImportFormatError as exc:
            checks.append(EntryCheck(entry.name, False, exc.problems[0].message))
            continue
        if info.file_size != entry.size or digest != entry.sha256:
            checks.append(
                EntryCheck(
                    entry.name,
                    False,
                    Msg(
                        "sai mã băm SHA-256: tệp đã bị thay đổi hoặc hỏng",
                        "fails its SHA-256 check: altered or damaged",
                    ),
                )
            )
        else:
            checks.append(EntryCheck(entry.name, True))
    return tuple(checks)


def _identity_problems(source: str, manifest: ScoreManifest, scores: MemberScores) -> list[Problem]:
    pairs = [
        ("form_id", manifest.form_id, scores.form_id),
        ("form_version", manifest.form_version, scores.form_version),
        ("round_id", manifest.round_id, scores.round_id),
        ("member_id", manifest.member_id, scores.member_id),
    ]
    return [
        problem(
            source,
            f"“{key}” khác nhau giữa {MANIFEST} và {SCORES} (“{a}” ≠ “{b}”).",
            f"“{key}” differs between {MANIFEST} and {SCORES} (“{a}” ≠ “{b}”).",
        )
        for key, a, b in pairs
        if a != b
    ]


def read_score_package(
    path: Path, trust: TrustSettings, limits: ZipLimits = LIMITS
) -> ScorePackageCheck:
    """``check_score_package``, refusing anything but an intact, signed package.

    Raises:
        ImportFormatError: every problem found, each naming the package and the entry.
    """
    check = check_score_package(path, trust, limits)
    if check.intact and check.scores is not None:
        return check
    source = Path(path).name
    problems = list(check.problems)
    problems.extend(
        Problem(
            Location(file=source), Msg(f"“{e.name}”: {e.problem.vi}", f"“{e.name}”: {e.problem.en}")
        )
        for e in check.entries
        if not e.ok and e.problem is not None
    )
    if check.signature is not None and not check.signature.intact and not problems:
        problems.append(problem(source, "Chữ ký không hợp lệ.", "The signature is invalid."))
    raise ImportFormatError(problems, source)


def _fields(data: dict[str, Any], keys: tuple[str, ...], where: str, source: str) -> list[Problem]:
    return [
        problem(source, f"“{where}”: thiếu “{key}”.", f"“{where}”: “{key}” is missing.")
        for key in keys
        if not isinstance(data.get(key), str) or not data.get(key)
    ]


def _load_json(raw: bytes, where: str, source: str, form: str) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=no_float, parse_constant=no_float)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: hostile nesting ("[[[[...") exhausts the decoder's stack.
        raise ImportFormatError(
            [
                problem(
                    source,
                    f"“{where}” không phải JSON hợp lệ: {exc}",
                    f"“{where}” is not JSON: {exc}",
                )
            ],
            source,
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("format") != form
        or data.get("format_version") != FORMAT_VERSION
    ):
        raise ImportFormatError(
            [
                problem(
                    source,
                    f"“{where}”: không phải định dạng {form} phiên bản {FORMAT_VERSION}.",
                    f"“{where}”: not format {form} version {FORMAT_VERSION}.",
                )
            ],
            source,
        )
    return data


def parse_manifest(raw: bytes, source: str) -> ScoreManifest:
    """Parse and check ``META-INF/manifest.json``.

    Raises:
        ImportFormatError: not JSON, another format, or bad fields (all listed).
    """
    where = MANIFEST
    data = _load_json(raw, where, source, FORMAT)
    keys = ("form_id", "form_version", "round_id", "member_id", "submission_id", "created_at")
    problems = _fields(data, keys, where, source)
    text = {key: data[key] if isinstance(data.get(key), str) else "" for key in keys}
    for key in ("form_id", "member_id"):
        if text[key] and not ID_PATTERN.match(text[key]):
            problems.append(
                problem(source, f"“{where}”: “{key}” không hợp lệ.", f"“{where}”: invalid “{key}”.")
            )
    deprecated = data.get("deprecated_id")
    for key, value in (("submission_id", text["submission_id"]), ("deprecated_id", deprecated)):
        if value is None and key == "deprecated_id":
            continue
        if not isinstance(value, str) or not is_uuid4(value):
            problems.append(
                problem(
                    source,
                    f"“{where}”: “{key}” không phải UUID4.",
                    f"“{where}”: “{key}” is not a UUID4.",
                )
            )
    if text["created_at"] and not has_offset(text["created_at"]):
        problems.append(
            problem(
                source,
                f"“{where}”: created_at phải là thời điểm ISO 8601 có múi giờ.",
                f"“{where}”: created_at must be an ISO 8601 time with an offset.",
            )
        )
    files = _manifest_files(data.get("files"), source, problems)
    if problems:
        raise ImportFormatError(problems, source)
    return ScoreManifest(
        text["form_id"],
        text["form_version"],
        text["round_id"],
        text["member_id"],
        text["submission_id"],
        deprecated if isinstance(deprecated, str) else None,
        text["created_at"],
        files,
    )


def _manifest_files(value: object, source: str, problems: list[Problem]) -> tuple[PackageFile, ...]:
    def name_ok(name: str, sha: str) -> Msg | None:
        if content_name_ok(name):
            return None
        return Msg(
            f"“{MANIFEST}”: “{name}” không phải tệp của gói điểm.",
            f"“{MANIFEST}”: “{name}” is not a file of a score package.",
        )

    return file_list(value, source, MANIFEST, problems, name_ok=name_ok, required=(SCORES,))


def parse_scores(raw: bytes, source: str) -> MemberScores:
    """Parse and check ``scores.json``: canonical decimal strings, booleans, text comments.

    Raises:
        ImportFormatError: every problem, each naming the unit and node.
    """
    where = SCORES
    data = _load_json(raw, where, source, SCORES_FORMAT)
    keys = ("form_id", "form_version", "round_id", "member_id")
    problems = _fields(data, keys, where, source)
    number = data.get("appraisal_round")
    if number not in (1, 2) or isinstance(number, bool):
        problems.append(
            problem(
                source,
                f"“{where}”: lần thẩm định phải là 1 hoặc 2.",
                f"“{where}”: appraisal_round must be 1 or 2.",
            )
        )
    units_data = data.get("units")
    units: dict[str, dict[str, ScoreValue]] = {}
    numbers: dict[str, Decimal | None] = {}  # few distinct values: each text read once
    if not isinstance(units_data, dict):
        problems.append(
            problem(source, f"“{where}”: thiếu “units”.", f"“{where}”: “units” is missing.")
        )
        units_data = {}
    for unit_id, entries in units_data.items():
        if not isinstance(entries, dict):
            problems.append(
                problem(
                    source,
                    f"“{where}”: đơn vị “{unit_id}” sai dạng.",
                    f"“{where}”: unit “{unit_id}” is malformed.",
                )
            )
            continue
        units[unit_id] = {}
        for code, item in entries.items():
            entry = _entry(item, numbers)
            if entry is None:
                problems.append(
                    problem(
                        source,
                        f"“{where}”: đơn vị “{unit_id}”, mục {code}: điểm, “không áp dụng” "
                        "hoặc ý kiến sai dạng.",
                        f"“{where}”: unit “{unit_id}”, item {code}: malformed value, N/A flag "
                        "or comment.",
                    )
                )
            else:
                units[unit_id][code] = entry
    if problems:
        raise ImportFormatError(problems, source)
    assert isinstance(number, int)
    return MemberScores(
        data["form_id"], data["form_version"], data["round_id"], data["member_id"], number, units
    )


_ENTRY_KEYS = frozenset({"value", "not_applicable", "comment"})


def _entry(item: object, numbers: dict[str, Decimal | None]) -> ScoreValue | None:
    """One leaf's entry, its value read once per distinct text of the file (``numbers``)."""
    if not isinstance(item, dict) or item.keys() != _ENTRY_KEYS:
        return None
    value, not_applicable, comment = item["value"], item["not_applicable"], item["comment"]
    if not isinstance(not_applicable, bool) or not isinstance(comment, str):
        return None
    if value is None:
        return ScoreValue(None, comment, not_applicable)
    if not isinstance(value, str):
        return None
    number = numbers[value] if value in numbers else numbers.setdefault(value, _number(value))
    return None if number is None else ScoreValue(number, comment, not_applicable)


def _number(text: str) -> Decimal | None:
    """The Decimal of canonical decimal text, or None ("+1", "1e0", "1E+1", "NaN", "abc")."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or canonical(number) != text:
        return None
    return number


def read_entry(path: Path, name: str, limits: ZipLimits = LIMITS) -> bytes:
    """One entry's bytes (after the zip safety checks), e.g. a PDF view to validate.

    Raises:
        ImportFormatError: unsafe or damaged archive, or no such entry.
    """
    path = Path(path)
    with open_zip(path, limits, path.name) as archive:
        if name not in archive.entries:
            raise ImportFormatError(
                [problem(path.name, f"Thiếu “{name}”.", f"“{name}” is missing.")], path.name
            )
        return archive.read(name, limits.max_entry_bytes)
