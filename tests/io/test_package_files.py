"""The .parpkg format and the zip checks under it, on real files: round trip, determinism,
configurable limits, exclusive extraction, and every consistency rule of the manifest and
round.json. (End-to-end hostile packages are in tests/services/test_packages.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parapp.core import criteria_codec
from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError
from parapp.core.messages import Lang
from parapp.core.rounds import (
    Assignment,
    EvidenceRef,
    Member,
    MemberRole,
    Phase,
    RoundInfo,
    RoundKind,
    SelfAssessment,
    Unit,
)
from parapp.io.files.zip_safety import ZipLimits, open_zip
from parapp.io.packages.member_package import (
    LIMITS,
    MANIFEST,
    PackageManifest,
    extract_evidence,
    read_package,
    write_package,
)
from parapp.io.packages.package_round import Component, MemberPackage, round_dict, round_json

PACKAGE_ID = "7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b"
PLAN = b"%PDF-1.4 ke hoach " * 40
REPORT = b"%PDF-1.4 bao cao " * 40


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Parts:
    """What goes into a package, kept apart so a test can change one thing."""

    manifest: PackageManifest
    criteria: bytes
    content: MemberPackage
    evidence: dict[str, bytes | Path]


@pytest.fixture
def criteria_set(sample_criteria_data: dict[str, Any]) -> CriteriaSet:
    return criteria_codec.from_dict(sample_criteria_data)


@pytest.fixture
def parts(criteria_set: CriteriaSet, tmp_path: Path) -> Parts:
    text = criteria_codec.dumps(criteria_set).encode()
    plan = tmp_path / "ke-hoach.pdf"
    plan.write_bytes(PLAN)
    info = RoundInfo(
        id="round-2026",
        name="Thẩm định CCHC năm 2026",
        year=2026,
        form_id=criteria_set.form_id,
        form_version=criteria_set.version,
        criteria_sha256=sha(text),
        phase=Phase.ROUND_2,
        kind=RoundKind.ROUND,
        created_at="2026-11-01T08:00:00+07:00",
    )
    content = MemberPackage(
        round=info,
        member_id="m2",
        members=(
            Member("m1", "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR, 1),
            Member("m2", "Trần Thị Bình", "", MemberRole.MEMBER, 2, "ab" * 32),
        ),
        units=(
            Unit("so-tp", "Sở Tư pháp", "so", "g1", 1),
            Unit("xa-1", "UBND xã Tân Lập", "xa", "g2", 2),
        ),
        assignments=(
            Assignment("m2", "so-tp", "1"),
            Assignment("m2", "so-tp", "2"),
            Assignment("m2", "xa-1", None),
        ),
        self_assessments={
            "so-tp": {
                "1.1.1": SelfAssessment(
                    "1.1.1",
                    None,
                    Decimal(1),
                    "Kế hoạch số 12/KH-STP",
                    (EvidenceRef("kh.pdf", 3, sha(PLAN)),),
                ),
                "2.1": SelfAssessment(
                    "2.1", Decimal("100"), Decimal("2.00"), "", (EvidenceRef("anh.jpg"),)
                ),
            },
            "xa-1": {
                "1.2": SelfAssessment(
                    "1.2", None, Decimal("0.75"), "", (EvidenceRef("bc.pdf", None, sha(REPORT)),)
                )
            },
        },
        components=(
            Component("so-tp", "2.2", Decimal("87.50"), Decimal("1.75"), "SIPAS", info.created_at),
        ),
    )
    manifest = PackageManifest(
        info.form_id,
        info.form_version,
        info.id,
        info.name,
        "m2",
        PACKAGE_ID,
        "2026-11-25T10:00:00+07:00",
    )
    return Parts(
        manifest, text, content, {f"evidence/{sha(PLAN)}": plan, f"evidence/{sha(REPORT)}": REPORT}
    )


def pack(
    parts: Parts,
    path: Path,
    *,
    round_bytes: bytes | None = None,
    evidence: dict[str, bytes | Path] | None = None,
    manifest: PackageManifest | None = None,
) -> Path:
    files: dict[str, bytes | Path] = {
        "criteria.json": parts.criteria,
        "round.json": round_json(parts.content) if round_bytes is None else round_bytes,
        **(parts.evidence if evidence is None else evidence),
    }
    write_package(path, manifest or parts.manifest, files)
    return path


def refusal_text(path: Path, limits: ZipLimits = LIMITS) -> str:
    with pytest.raises(ImportFormatError) as caught:
        read_package(path, limits)
    assert caught.value.describe(Lang.VI) != caught.value.describe(Lang.EN)
    return caught.value.describe(Lang.EN)


def test_written_package_reads_back_as_the_same_objects(parts: Parts, tmp_path: Path) -> None:
    path = pack(parts, tmp_path / "p.parpkg")
    opened = read_package(path)
    assert opened.content == parts.content
    assert opened.criteria_text.encode() == parts.criteria
    assert opened.criteria_set == criteria_codec.loads(parts.criteria)
    with zipfile.ZipFile(path) as archive:
        raw_manifest = archive.read(MANIFEST)
    assert opened.manifest_sha256 == sha(raw_manifest)
    assert [f.name for f in opened.manifest.files] == sorted(
        ["criteria.json", "round.json", f"evidence/{sha(PLAN)}", f"evidence/{sha(REPORT)}"]
    )
    assert {f.sha256 for f in opened.manifest.files if f.name.startswith("evidence/")} == {
        sha(PLAN),
        sha(REPORT),
    }
    assert opened.manifest.file_name() == "TEST-SO-2026_m2_7f3c2a10.parpkg"


def test_same_inputs_give_the_same_bytes(parts: Parts, tmp_path: Path) -> None:
    first, second = pack(parts, tmp_path / "1.parpkg"), pack(parts, tmp_path / "2.parpkg")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {(i.date_time, i.create_system, i.external_attr >> 16) for i in infos} == {
        ((1980, 1, 1, 0, 0, 0), 3, 0o100644)
    }


def test_round_json_is_canonical(parts: Parts) -> None:
    data = round_json(parts.content)
    assert data == json.dumps(
        round_dict(parts.content), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    assert "Trần Thị Bình".encode() in data
    assert b'"self_score":"2.00"' in data


def test_big_files_are_streamed_and_extracted_by_hash(parts: Parts, tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    data = os.urandom(3 * 1024 * 1024)
    big.write_bytes(data)
    content = replace(
        parts.content,
        self_assessments={
            **parts.content.self_assessments,
            "xa-1": {
                "1.2": SelfAssessment("1.2", evidence=(EvidenceRef("scan.pdf", 1, sha(data)),))
            },
        },
    )
    parts = replace(
        parts,
        content=content,
        evidence={f"evidence/{sha(PLAN)}": tmp_path / "ke-hoach.pdf", f"evidence/{sha(data)}": big},
    )
    opened = read_package(pack(parts, tmp_path / "big.parpkg"))
    target = tmp_path / "extracted"
    target.mkdir()
    assert extract_evidence(opened, target) == 2
    assert (target / sha(data)).read_bytes() == data
    assert (target / sha(PLAN)).read_bytes() == PLAN
    with pytest.raises(FileExistsError):  # files are created exclusively, never overwritten
        extract_evidence(opened, target)
    assert (target / sha(data)).read_bytes() == data


def test_extraction_never_follows_a_symlink_or_leaves_the_folder(
    parts: Parts, tmp_path: Path
) -> None:
    path = pack(parts, tmp_path / "p.parpkg")
    target = tmp_path / "target"
    target.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep")
    (target / "planted").symlink_to(outside)
    name = f"evidence/{sha(REPORT)}"
    with open_zip(path, LIMITS) as archive:
        with pytest.raises(ValueError, match="leaves"):
            archive.extract(name, target, "planted")
        (target / "dangling").symlink_to(target / "nowhere")
        with pytest.raises(FileExistsError):  # O_EXCL: a symlink is never written through
            archive.extract(name, target, "dangling")
        for unsafe in ("../x", "/abs", "a\\b", "C:x", "a/../../x", ""):
            with pytest.raises(ValueError, match="unsafe"):
                archive.extract(name, target, unsafe)
        assert archive.extract(name, target, "sub/report.pdf").sha256 == sha(REPORT)
    assert outside.read_bytes() == b"keep"
    assert not (target / "nowhere").exists()
    assert (target / "sub" / "report.pdf").read_bytes() == REPORT


@pytest.mark.parametrize(
    "name", ["../x", MANIFEST, "evidence/not-a-hash", "notes.txt", "evidence/" + "A" * 64]
)
def test_writer_refuses_names_the_format_does_not_know(
    parts: Parts, tmp_path: Path, name: str
) -> None:
    with pytest.raises(ValueError, match="invalid package entry name"):
        pack(parts, tmp_path / "p.parpkg", evidence={name: b"x"})
    assert list(tmp_path.glob("*.parpkg*")) == []


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (ZipLimits(max_entries=4, max_entry_bytes=10**6, max_total_bytes=10**7), "5 entries"),
        (
            ZipLimits(max_entries=10, max_entry_bytes=700, max_total_bytes=10**7),
            f"“evidence/{sha(PLAN)}” is too large (720 bytes, at most 700)",
        ),
        (ZipLimits(max_entries=10, max_entry_bytes=10**6, max_total_bytes=2000), "over the limit"),
        (
            ZipLimits(
                max_entries=10,
                max_entry_bytes=10**6,
                max_total_bytes=10**7,
                max_ratio=2,
                ratio_from_bytes=500,
            ),
            f"“evidence/{sha(PLAN)}” is compressed abnormally",
        ),
    ],
)
def test_limits_are_configurable(
    parts: Parts, tmp_path: Path, limits: ZipLimits, expected: str
) -> None:
    path = pack(parts, tmp_path / "p.parpkg")
    read_package(path)  # within the package defaults
    assert expected in refusal_text(path, limits)


def rewrite(
    src: Path, dst: Path, edit: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]
) -> Path:
    with zipfile.ZipFile(src) as old:
        entries = [(info, old.read(info)) for info in old.infolist()]
    edit(entries)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names warn
        with zipfile.ZipFile(dst, "w") as new:
            for info, data in entries:
                new.writestr(info, data)
    return dst


def set_flag(data: bytearray, name: str, bit: int) -> None:
    # General-purpose flags: local header offset 6, central directory offset 8.
    encoded = name.encode()
    local = data.find(b"PK\x03\x04" + b"\x14\x00")
    while data[local + 30 : local + 30 + len(encoded)] != encoded:
        local = data.find(b"PK\x03\x04", local + 1)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.find(b"PK\x01\x02", central + 1)
    for at in (local + 6, central + 8):
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | bit)


def test_encrypted_entry_is_refused(parts: Parts, tmp_path: Path) -> None:
    path = pack(parts, tmp_path / "p.parpkg")
    data = bytearray(path.read_bytes())
    set_flag(data, "round.json", 0x1)
    path.write_bytes(bytes(data))
    assert "Entry “round.json” is encrypted" in refusal_text(path)


def test_unsupported_compression_and_case_duplicates_are_refused(
    parts: Parts, tmp_path: Path
) -> None:
    def edit(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        info, data = entries[-1]
        entries[-1] = (replace_compression(info), data)
        entries.append((zipfile.ZipInfo("ROUND.JSON"), b"{}"))
        entries.append((zipfile.ZipInfo("bad\x07name"), b""))

    bad = rewrite(pack(parts, tmp_path / "p.parpkg"), tmp_path / "bad.parpkg", edit)
    text = refusal_text(bad)
    assert "Entry “round.json” uses an unsupported compression method" in text
    assert "Entry “ROUND.JSON” appears twice" in text
    assert "has an unsafe path" in text


def replace_compression(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    copy.compress_type = zipfile.ZIP_BZIP2
    return copy


def test_overlapping_entries_are_refused(parts: Parts, tmp_path: Path) -> None:
    path = pack(parts, tmp_path / "p.parpkg")
    data = bytearray(path.read_bytes())
    first = data.find(b"PK\x01\x02")
    second = data.find(b"PK\x01\x02", first + 1)
    struct.pack_into("<I", data, second + 42, struct.unpack_from("<I", data, first + 42)[0])
    path.write_bytes(bytes(data))
    assert "overlaps the data of" in refusal_text(path)


def test_folder_entries_are_not_part_of_the_format(parts: Parts, tmp_path: Path) -> None:
    def edit(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        entries.append((zipfile.ZipInfo("evidence/"), b""))

    bad = rewrite(pack(parts, tmp_path / "p.parpkg"), tmp_path / "bad.parpkg", edit)
    assert "Entry “evidence/” is not listed in the manifest" in refusal_text(bad)


def test_manifest_fields_are_checked_together(parts: Parts, tmp_path: Path) -> None:
    manifest = replace(
        parts.manifest,
        member_id="../m2",
        package_id="not-a-uuid",
        created_at="2026-11-25T10:00:00",
        round_name="",
    )
    text = refusal_text(pack(parts, tmp_path / "p.parpkg", manifest=manifest))
    assert "4 problem(s)" in text
    for fragment in (
        "“member_id” = “../m2” is invalid",
        "not a UUID4",
        "with an offset",
        "“round_name” is missing",
    ):
        assert fragment in text


def test_manifest_of_another_format_is_refused(parts: Parts, tmp_path: Path) -> None:
    def edit(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        info, data = entries[0]
        manifest = json.loads(data)
        manifest["format"] = "parapp-score-package"
        entries[0] = (info, json.dumps(manifest).encode())

    bad = rewrite(pack(parts, tmp_path / "p.parpkg"), tmp_path / "bad.parpkg", edit)
    assert "not a council member's package" in refusal_text(bad)


def test_a_zip_without_manifest_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "khac.parpkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("round.json", "{}")
    assert "“META-INF/manifest.json” is missing" in refusal_text(path)


def edited_round(parts: Parts, edit: Callable[[dict[str, Any]], None]) -> bytes:
    data = round_dict(parts.content)
    edit(data)
    return json.dumps(data, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: d["self_assessments"]["so-tp"].update(
                {"3.1": {"explanation": "", "evidence": []}}
            ),
            "self_assessments.so-tp.3.1): outside the areas",
        ),
        (lambda d: d.update(member_id="m9"), "(member_id): is not among “members”"),
        (
            lambda d: d["assignments"].append({"unit_id": "xa-9", "area_code": None}),
            "unknown unit “xa-9”",
        ),
        (lambda d: d["assignments"].pop(), "a unit has no assignment"),
        (
            lambda d: d["self_assessments"]["xa-1"]["1.2"].update(self_score="1e1"),
            "“1e1” is not a decimal number written as a string",
        ),
        (lambda d: d["round"].update(phase="round_3"), "(round.phase): “round_3” is invalid"),
        (lambda d: d["round"].update(id="other-round"), "“round_id” differs"),
        (
            lambda d: d["components"]["so-tp"].update({"9.9": d["components"]["so-tp"]["2.2"]}),
            "unknown unit or item",
        ),
    ],
)
def test_round_json_must_match_the_set_the_manifest_and_itself(
    parts: Parts, tmp_path: Path, edit: Callable[[dict[str, Any]], None], expected: str
) -> None:
    path = pack(parts, tmp_path / "p.parpkg", round_bytes=edited_round(parts, edit))
    assert expected in refusal_text(path)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"member_id": "m2", "member_id": "m3"}', "a key appears twice"),
        (b'{"round": {"year": 2026.0}}', "numbers are written as strings"),
        (b"\xff\xfe", "is not valid JSON"),
    ],
)
def test_round_json_that_is_not_plain_json_is_refused(
    parts: Parts, tmp_path: Path, raw: bytes, expected: str
) -> None:
    assert expected in refusal_text(pack(parts, tmp_path / "p.parpkg", round_bytes=raw))


def test_evidence_must_be_exactly_the_cited_files(parts: Parts, tmp_path: Path) -> None:
    stray = b"not cited"
    evidence: dict[str, bytes | Path] = {
        f"evidence/{sha(REPORT)}": REPORT,
        f"evidence/{sha(stray)}": stray,
    }
    text = refusal_text(pack(parts, tmp_path / "p.parpkg", evidence=evidence))
    assert f"“evidence/{sha(PLAN)}” is cited but not in the package" in text
    assert f"“evidence/{sha(stray)}” is not cited anywhere" in text


def test_listed_size_must_match_the_entry(parts: Parts, tmp_path: Path) -> None:
    def edit(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        info, data = entries[0]
        manifest = json.loads(data)
        manifest["files"][-1]["size"] += 1
        entries[0] = (info, json.dumps(manifest).encode())

    bad = rewrite(pack(parts, tmp_path / "p.parpkg"), tmp_path / "bad.parpkg", edit)
    assert "the manifest says" in refusal_text(bad)
