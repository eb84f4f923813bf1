"""Member packages end to end: built from a real round, opened into a workspace, hostile ones
refused with the entry named and nothing left behind."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.messages import Lang
from parapp.core.rounds import (
    Assignment,
    EvidenceRef,
    MemberRole,
    Phase,
    RoundKind,
    SelfAssessment,
)
from parapp.io.packages.member_package import MANIFEST, PackageManifest, write_package
from parapp.services import packages, rounds, self_assessment
from parapp.services.context import RoundContext
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import self_assessments as self_store
from parapp.store.scores import StoredComponent

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo, điều hành", "maximum": "3"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "1"},
        {"code": "1.2", "name": "Mức độ hoàn thành", "maximum": "2"},
        {"code": "2", "name": "Thủ tục hành chính", "maximum": "3"},
        {"code": "2.1", "name": "Công khai", "maximum": "1"},
        {"code": "2.2", "name": "SIPAS", "maximum": "2", "assessor": "survey"},
    ],
}
PACKAGE_ID = "2b1f4c1e-8a8e-4d7c-9a51-3f0d6c2e9b10"
MIB = 1024 * 1024


def clock() -> datetime:
    return datetime(2026, 12, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))


def member_clock() -> datetime:
    return datetime(2026, 12, 2, 9, 15, tzinfo=UTC)


@pytest.fixture
def evidence_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tai-lieu"
    folder.mkdir()
    for name in ("e1.pdf", "e2.pdf", "e3.pdf", "e4.pdf", "khac.pdf"):
        (folder / name).write_bytes(f"%PDF-1.4 {name} ".encode() * 50)
    return folder


@pytest.fixture
def ctx(tmp_path: Path, evidence_dir: Path) -> Iterator[RoundContext]:
    context = rounds.create_round(
        tmp_path / "so-2026.parround", from_dict(SET), "Thẩm định 2026", clock=clock, actor="Thư ký"
    )
    rounds.add_units(context, [("A", "Sở Tư pháp", "so"), ("B", "Sở Y tế", "so")])
    rounds.add_units(context, [("C", "Sở Xây dựng", "so")])
    rounds.add_member(context, "m1", "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR)
    rounds.add_member(context, "m2", "Trần Thị Bình", "Phó Giám đốc Sở Nội vụ")
    rounds.add_member(context, "m3", "Lê Văn Cường", "Trưởng phòng CCHC", MemberRole.SECRETARY)
    rounds.assign(context, "m2", ["A", "B"], ["1"])
    store = self_assessment.store_self_assessment
    store(
        context,
        "A",
        {
            "1.1": SelfAssessment(
                "1.1",
                None,
                Decimal(1),
                "Đã ban hành",
                (EvidenceRef("e1.pdf", 2), EvidenceRef("x.pdf")),
            ),
            "1.2": SelfAssessment(
                "1.2", Decimal("95.5"), Decimal("1.5"), "", (EvidenceRef("e2.pdf"),)
            ),
            "2.1": SelfAssessment("2.1", None, Decimal(1), "", (EvidenceRef("e3.pdf", 1),)),
        },
        evidence_dir,
        source="A.xlsx",
        source_sha256="0" * 64,
    )
    store(
        context,
        "B",
        {"1.1": SelfAssessment("1.1", None, Decimal("0.5"), "Chậm", (EvidenceRef("e1.pdf", 5),))},
        evidence_dir,
        source="B.xlsx",
        source_sha256="1" * 64,
    )
    store(
        context,
        "C",
        {"1.2": SelfAssessment("1.2", None, Decimal(2), "", (EvidenceRef("e4.pdf"),))},
        evidence_dir,
        source="C.xlsx",
        source_sha256="2" * 64,
    )
    context.evidence.put(evidence_dir / "khac.pdf")  # stored, cited by nobody
    with context.db.transaction() as s:
        for unit_id, value in (("A", "1.75"), ("C", "2")):
            score_store.put_component(
                s,
                StoredComponent(
                    unit_id,
                    "2.2",
                    Decimal("87.5"),
                    Decimal(value),
                    "SIPAS 2026",
                    clock().isoformat(),
                ),
            )
    rounds.advance_phase(context, Phase.ROUND_1)
    yield context
    context.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(ctx: RoundContext, out: Path, package_id: str = PACKAGE_ID) -> Path:
    return packages.build_member_package(ctx, "m2", out, package_id=package_id).path


def test_package_opens_into_a_workspace_with_the_members_slice(
    ctx: RoundContext, tmp_path: Path, evidence_dir: Path
) -> None:
    info = packages.build_member_package(ctx, "m2", tmp_path / "out", package_id=PACKAGE_ID)
    assert info.path.name == "T-SO_m2_2b1f4c1e.parpkg"
    assert (info.unit_ids, info.self_assessments, info.evidence_files) == (("A", "B"), 3, 2)
    ws_dir = tmp_path / "ws"
    with packages.open_member_package(info.path, ws_dir, clock=member_clock, actor="m2") as ws:
        assert ws.path == ws_dir / "T-SO_m2.parround"
        with ctx.db.transaction() as s, ws.db.transaction() as w:
            source, opened = round_store.info(s), round_store.info(w)
            assert opened.kind is RoundKind.WORKSPACE
            assert (opened.id, opened.name, opened.phase) == (source.id, source.name, Phase.ROUND_1)
            assert (opened.workspace_member_id, opened.package_id) == ("m2", PACKAGE_ID)
            assert opened.criteria_sha256 == source.criteria_sha256
            assert round_store.criteria_json(w) == round_store.criteria_json(s)
            assert round_store.units(w) == round_store.units(s)[:2]
            assert round_store.members(w) == round_store.members(s)
            assert round_store.assignments(w) == (
                Assignment("m2", "A", "1"),
                Assignment("m2", "B", "1"),
            )
            a_source = self_store.load(s, "A")
            assert self_store.load(w, "A") == {k: a_source[k] for k in ("1.1", "1.2")}
            assert self_store.load(w, "B") == self_store.load(s, "B")
            assert self_store.load(w, "C") == {}
            assert score_store.components(w) == score_store.components(s, "A")
            event = round_store.phase_events(w)[-1]
            assert (event.to_phase, event.actor, event.at) == (
                Phase.ROUND_1,
                "m2",
                "2026-12-02T09:15:00+00:00",
            )
            assert event.note.startswith("Mở gói T-SO_m2_2b1f4c1e.parpkg")
            assert round_store.import_count(w) == 1
        assert ws.criteria_set() == ctx.criteria_set()
        for name in ("e1.pdf", "e2.pdf"):
            digest = sha(evidence_dir / name)
            assert ws.evidence.path(digest).read_bytes() == (evidence_dir / name).read_bytes()
        assert sorted(p.name for p in ws.evidence.root.iterdir()) == sorted(
            sha(evidence_dir / n) for n in ("e1.pdf", "e2.pdf")
        )
    assert sorted(p.name for p in ws_dir.iterdir()) == [
        "T-SO_m2.parround",
        "T-SO_m2.parround.evidence",
    ]


def test_only_evidence_cited_in_the_members_areas_is_packed(
    ctx: RoundContext, tmp_path: Path, evidence_dir: Path
) -> None:
    with zipfile.ZipFile(build(ctx, tmp_path)) as archive:
        names = archive.namelist()
        round_data = json.loads(archive.read("round.json"))
    expected = sorted(f"evidence/{sha(evidence_dir / n)}" for n in ("e1.pdf", "e2.pdf"))
    assert names == sorted([MANIFEST, "criteria.json", "round.json", *expected])
    assert set(round_data["self_assessments"]) == {"A", "B"}
    assert set(round_data["self_assessments"]["A"]) == {"1.1", "1.2"}  # 2.1: area 2, not m2's
    assert round_data["self_assessments"]["A"]["1.1"]["evidence"][1] == {
        "file_name": "x.pdf",
        "page": None,
        "sha256": None,
    }
    assert round_data["self_assessments"]["A"]["1.2"]["figure"] == "95.5"
    assert round_data["components"] == {
        "A": {
            "2.2": {
                "figure": "87.5",
                "value": "1.75",
                "source": "SIPAS 2026",
                "imported_at": "2026-12-01T08:00:00+07:00",
            }
        }
    }
    assert [m["id"] for m in round_data["members"]] == ["m1", "m2", "m3"]


def test_same_round_clock_and_package_id_give_identical_bytes(
    ctx: RoundContext, tmp_path: Path
) -> None:
    first, second = build(ctx, tmp_path / "1"), build(ctx, tmp_path / "2")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = json.loads(archive.read(MANIFEST))
    assert manifest["created_at"] == "2026-12-01T08:00:00+07:00"
    assert [f["name"] for f in manifest["files"]] == sorted(f["name"] for f in manifest["files"])
    assert build(ctx, tmp_path / "3", "0c9d8f4e-1b2a-4c3d-8e5f-6a7b8c9d0e1f").read_bytes() != (
        first.read_bytes()
    )


def test_member_without_units_is_refused(tmp_path: Path) -> None:
    with rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Trống") as empty:
        rounds.add_member(empty, "m1", "Nguyễn Văn An", "Ủy viên")
        with pytest.raises(ValidationError, match="no assigned unit"):
            packages.build_member_package(empty, "m1", tmp_path / "out")
        with pytest.raises(ValidationError, match="no member “m9”"):
            packages.build_member_package(empty, "m9", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_or_damaged_evidence_is_listed_and_nothing_written(
    ctx: RoundContext, tmp_path: Path, evidence_dir: Path
) -> None:
    ctx.evidence.path(sha(evidence_dir / "e1.pdf")).unlink()
    damaged = ctx.evidence.path(sha(evidence_dir / "e2.pdf"))
    damaged.write_bytes(b"altered")
    with pytest.raises(ValidationError) as caught:
        build(ctx, tmp_path / "out")
    text = caught.value.describe(Lang.EN)
    assert "2 evidence file(s)" in text
    assert "A: e1.pdf, B: e1.pdf" in text
    assert "A: e2.pdf" in text
    assert not (tmp_path / "out").exists()


def test_a_workspace_cannot_be_packed_again(ctx: RoundContext, tmp_path: Path) -> None:
    with (
        packages.open_member_package(build(ctx, tmp_path), tmp_path / "ws") as ws,
        pytest.raises(ValidationError, match="secretary's round file"),
    ):
        packages.build_member_package(ws, "m2", tmp_path / "again")


def test_opening_twice_reopens_and_another_package_is_refused(
    ctx: RoundContext, tmp_path: Path
) -> None:
    package = build(ctx, tmp_path / "out")
    ws_dir = tmp_path / "ws"
    with packages.open_member_package(package, ws_dir, clock=member_clock) as ws:
        rounds.add_member(ws, "m4", "Phạm Thị Dung", "Ủy viên")  # a change the reopen must keep
    with packages.open_member_package(package, ws_dir) as again:
        assert [m.id for m in rounds.list_members(again)] == ["m1", "m2", "m3", "m4"]
        assert len(rounds.phase_history(again)) == 1
    newer = build(ctx, tmp_path / "newer", "0c9d8f4e-1b2a-4c3d-8e5f-6a7b8c9d0e1f")
    with pytest.raises(ValidationError, match="opened from another package"):
        packages.open_member_package(newer, ws_dir)
    assert sorted(p.name for p in ws_dir.iterdir()) == [
        "T-SO_m2.parround",
        "T-SO_m2.parround.evidence",
    ]


# Hostile packages ------------------------------------------------------------------------------


def entries_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, entries: Iterable[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names a test needs
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return path


def patch_entry(
    path: Path,
    name: str,
    *,
    method: int | None = None,
    crc: int | None = None,
    file_size: int | None = None,
) -> None:
    """Rewrite header fields of one entry in both its local header and the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.find(b"PK\x01\x02", central + 1)
    for value, fmt, local_at, central_at in (
        (method, "<H", 8, 10),
        (crc, "<I", 14, 16),
        (file_size, "<I", 22, 24),
    ):
        if value is not None:
            struct.pack_into(fmt, data, local + local_at, value)
            struct.pack_into(fmt, data, central + central_at, value)
    path.write_bytes(bytes(data))


def zeros_deflated(mib: int) -> tuple[bytes, int]:
    """Raw deflate data of ``mib`` MiB of zeros (about 1 KB per MiB) and its CRC, made fast:
    a full flush resets the compressor, so one compressed MiB can be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(bytes(MIB), crc)
    return block * mib + compressor.flush(), crc


Hostile = Callable[[Path, Path], tuple[Path, tuple[str, ...]]]


def with_entry(name: str, reason: str) -> Hostile:
    def make(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
        return write_zip(dst, [*entries_of(good).items(), (name, b"x")]), (name, reason)

    make.case = f"entry {name}"  # type: ignore[attr-defined]
    return make


def symlink_entry(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    link = zipfile.ZipInfo("evidence/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return write_zip(dst, [*entries_of(good).items(), (link, b"/etc/passwd")]), (
        "“evidence/link” is a symbolic link",
    )


def duplicate_entry(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    entries = entries_of(good)
    return write_zip(dst, [*entries.items(), ("round.json", entries["round.json"])]), (
        "“round.json” appears twice",
    )


def evidence_name(good: Path) -> str:
    return next(n for n in entries_of(good) if n.startswith("evidence/"))


def lying_size(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    # The manifest and both headers say 1000 bytes; the data inflates to 2 MiB.
    name = evidence_name(good)
    entries = entries_of(good)
    manifest = json.loads(entries[MANIFEST])
    for item in manifest["files"]:
        if item["name"] == name:
            item["size"] = 1000
    entries[MANIFEST] = json.dumps(manifest).encode()
    entries[name] = bytes(2 * MIB)
    write_zip(dst, entries.items())
    patch_entry(dst, name, file_size=1000)
    return dst, (name, "more than its declared size (1000 bytes)")


def gigabyte_of_zeros(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    name = evidence_name(good)
    entries = entries_of(good)
    raw, crc = zeros_deflated(1024)
    stored = zipfile.ZipInfo(name)  # written as is, then relabelled as deflated 1 GiB
    write_zip(dst, [*((n, d) for n, d in entries.items() if n != name), (stored, raw)])
    patch_entry(dst, name, method=zipfile.ZIP_DEFLATED, crc=crc, file_size=1024 * MIB)
    return dst, (f"“{name}” is too large (1073741824 bytes", f"“{name}” is compressed abnormally")


def flipped_byte(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    entries = entries_of(good)
    data = bytearray(entries["round.json"])
    data[10] ^= 0x01
    entries["round.json"] = bytes(data)
    return write_zip(dst, entries.items()), ("“round.json” fails its SHA-256 check",)


def missing_file(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    name = evidence_name(good)
    return write_zip(dst, [(n, d) for n, d in entries_of(good).items() if n != name]), (
        f"Listed file “{name}” is missing",
    )


def wrong_version(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    entries = entries_of(good)
    manifest = json.loads(entries[MANIFEST])
    manifest["format_version"] = 3
    entries[MANIFEST] = json.dumps(manifest).encode()
    return write_zip(dst, entries.items()), ("manifest.json”: format version 3 is not supported",)


def truncated(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    data = good.read_bytes()
    dst.write_bytes(data[: len(data) // 2])
    return dst, ("archive is damaged or truncated",)


def empty(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    dst.write_bytes(b"")
    return dst, ("file is empty",)


def not_a_zip(good: Path, dst: Path) -> tuple[Path, tuple[str, ...]]:
    dst.write_text("Đây là thư, không phải gói.", encoding="utf-8")
    return dst, ("not a zip archive",)


@pytest.mark.parametrize(
    "hostile",
    [
        with_entry("../evil", "unsafe path"),
        with_entry("/tmp/evil", "unsafe path"),
        with_entry("evidence\\evil", "unsafe path"),
        with_entry("C:/evil", "unsafe path"),
        symlink_entry,
        duplicate_entry,
        lying_size,
        gigabyte_of_zeros,
        flipped_byte,
        missing_file,
        with_entry("extra.txt", "is not listed in the manifest"),
        wrong_version,
        truncated,
        empty,
        not_a_zip,
    ],
    ids=lambda h: getattr(h, "case", h.__name__),
)
def test_hostile_package_is_refused_naming_the_entry_and_leaves_nothing(
    ctx: RoundContext, tmp_path: Path, hostile: Hostile
) -> None:
    bad, expected = hostile(build(ctx, tmp_path / "good"), tmp_path / "bad.parpkg")
    ws_dir = tmp_path / "ws"
    ws_dir.mkdir()
    with pytest.raises(ImportFormatError) as caught:
        packages.open_member_package(bad, ws_dir)
    text = caught.value.describe(Lang.EN)
    assert "bad.parpkg" in text
    assert all(fragment in text for fragment in expected), text
    assert caught.value.describe(Lang.VI) != text
    assert list(ws_dir.iterdir()) == []


def test_failure_after_the_workspace_was_started_leaves_nothing(
    ctx: RoundContext, tmp_path: Path
) -> None:
    # A consistent package whose criteria set is not in this build's canonical form: it passes
    # every check of the package itself, and is refused once the workspace file exists.
    good = build(ctx, tmp_path / "good")
    entries = entries_of(good)
    criteria = json.dumps(json.loads(entries["criteria.json"]), ensure_ascii=False).encode()
    round_data = json.loads(entries["round.json"])
    round_data["round"]["criteria_sha256"] = hashlib.sha256(criteria).hexdigest()
    files: dict[str, bytes | Path] = {n: d for n, d in entries.items() if n.startswith("evidence/")}
    files["criteria.json"] = criteria
    files["round.json"] = json.dumps(round_data, ensure_ascii=False).encode()
    manifest = PackageManifest(
        "T-SO",
        "2026010101",
        round_data["round"]["id"],
        "Thẩm định 2026",
        "m2",
        PACKAGE_ID,
        "2026-12-01T08:00:00+07:00",
    )
    bad = tmp_path / "other-build.parpkg"
    write_package(bad, manifest, files)
    ws_dir = tmp_path / "ws"
    with pytest.raises(ValidationError, match="use the secretary's parapp version"):
        packages.open_member_package(bad, ws_dir)
    assert list(ws_dir.iterdir()) == []
