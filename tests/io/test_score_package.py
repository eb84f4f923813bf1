"""Signed score packages: written, verified by every hash and the signature, and refused after
any change; the manifest signature also verifies with openssl."""

from __future__ import annotations

import json
import subprocess
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.errors import ImportFormatError
from parapp.io.packages import score_package
from parapp.io.packages.manifest import PackageFile
from parapp.io.packages.score_package import MANIFEST, SCORES, SIGNATURE, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, ScoreValue, canonical_scores_json
from parapp.io.signing import signers as signing
from parapp.io.signing.signers import Pkcs12Key
from parapp.io.signing.validation import TrustSettings, TrustState
from tests.signing_pki import P12_PASSPHRASE, Pki, make_pki, sample_pdf

SUBMISSION = "4f6c3a2e-8d1b-4c5a-9e7f-0a1b2c3d4e5f"
SCORES_DATA = MemberScores(
    "PAR-SO-2026",
    "2026010101",
    "round-1",
    "m1",
    1,
    {
        "STP": {
            "1.1.1": ScoreValue(Decimal("0.5"), "Ban hành chậm 5 ngày.", False),
            "1.2": ScoreValue(None, "", True),
        },
        "SNV": {"1.1.1": ScoreValue(Decimal("1"))},
    },
)


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path / "pki")


@pytest.fixture
def trust(pki: Pki) -> TrustSettings:
    return TrustSettings((pki.ca_cert,))


def signer(pki: Pki) -> Callable[[bytes], bytes]:
    def sign(manifest: bytes) -> bytes:
        at = datetime.now(UTC)
        with signing.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=at) as opened:
            return signing.sign_detached(manifest, opened, at=at)

    return sign


def manifest() -> ScoreManifest:
    return ScoreManifest(
        "PAR-SO-2026", "2026010101", "round-1", "m1", SUBMISSION, None, "2026-11-26T09:00:00+07:00"
    )


def build(pki: Pki, folder: Path, **extra: bytes) -> Path:
    path = folder / manifest().file_name()
    files = {SCORES: canonical_scores_json(SCORES_DATA), **extra}
    score_package.write_score_package(path, manifest(), files, signer(pki))
    return path


def rewrite(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """Copy a package entry by entry, replacing (or dropping, with None) some entries."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            content = changes.get(info.filename, old.read(info.filename))
            if content is not None:
                new.writestr(info, content)
        for name, content in changes.items():
            if name not in old.namelist() and content is not None:
                new.writestr(name, content)
    return target


def test_a_written_package_verifies_and_holds_canonical_scores(
    pki: Pki, trust: TrustSettings, tmp_path: Path
) -> None:
    path = build(pki, tmp_path, **{"phieu-cham.pdf": sample_pdf()})
    assert path.name == "PAR-SO-2026_m1_4f6c3a2e.parscore"
    check = score_package.read_score_package(path, trust)
    assert check.intact
    assert check.signature is not None
    assert check.signature.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    assert check.manifest is not None
    assert check.manifest.submission_id == SUBMISSION
    assert check.manifest.deprecated_id is None
    assert [f.name for f in check.manifest.files] == ["phieu-cham.pdf", SCORES]
    assert check.scores == SCORES_DATA
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        raw = archive.read(SCORES)
        manifest_bytes = archive.read(MANIFEST)
        (tmp_path / "manifest.json").write_bytes(manifest_bytes)
        (tmp_path / "signature.p7s").write_bytes(archive.read(SIGNATURE))
    assert names == [SCORES, "phieu-cham.pdf", MANIFEST, SIGNATURE]
    data = json.loads(raw)
    assert data["units"]["STP"]["1.1.1"] == {
        "value": "0.5",
        "not_applicable": False,
        "comment": "Ban hành chậm 5 ngày.",
    }
    assert (
        raw == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    )
    fields = json.loads(manifest_bytes)
    assert set(fields) >= {
        "format", "form_id", "form_version", "round_id", "member_id", "submission_id",
        "deprecated_id", "created_at", "files",
    }  # fmt: skip
    done = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", str(tmp_path / "manifest.json"), "-in", str(tmp_path / "signature.p7s"),
            "-CAfile", str(pki.ca_pem), "-out", str(tmp_path / "out"),
        ],
        capture_output=True, check=False,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_changed_entry_is_named(pki: Pki, trust: TrustSettings, tmp_path: Path) -> None:
    path = build(pki, tmp_path, **{"phieu-cham.xlsx": b"PK fake workbook"})
    raw = canonical_scores_json(SCORES_DATA)
    changed = raw.replace(b'"0.5"', b'"1.5"')
    tampered = rewrite(path, tmp_path / "t.parscore", {SCORES: changed})
    check = score_package.check_score_package(tampered, trust)
    assert not check.intact
    assert [(e.name, e.ok) for e in check.entries] == [("phieu-cham.xlsx", True), (SCORES, False)]
    assert check.signature is not None
    assert check.signature.intact  # the manifest itself is untouched
    with pytest.raises(ImportFormatError) as caught:
        score_package.read_score_package(tampered, trust)
    assert "scores.json" in caught.value.describe("en")
    assert "SHA-256" in caught.value.describe()


def test_a_flipped_byte_anywhere_in_the_archive_fails(
    pki: Pki, trust: TrustSettings, tmp_path: Path
) -> None:
    path = build(pki, tmp_path, **{"phieu-cham.pdf": sample_pdf()})
    original = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        offsets = {
            info.filename: info.header_offset + 30 + len(info.filename) + 5
            for info in archive.infolist()
        }
    for name, offset in offsets.items():
        damaged = bytearray(original)
        damaged[offset] ^= 0x40
        target = tmp_path / f"flip-{name.replace('/', '_')}.parscore"
        target.write_bytes(bytes(damaged))
        check = score_package.check_score_package(target, trust)
        assert not check.intact, name
        described = " ".join(
            [p.describe("en") for p in check.problems] + [e.name for e in check.entries if not e.ok]
        )
        assert name in described, (name, described)


def test_a_changed_manifest_breaks_the_signature(
    pki: Pki, trust: TrustSettings, tmp_path: Path
) -> None:
    path = build(pki, tmp_path)
    with zipfile.ZipFile(path) as archive:
        raw = archive.read(MANIFEST)
    forged = raw.replace(b'"member_id":"m1"', b'"member_id":"m2"')
    check = score_package.check_score_package(
        rewrite(path, tmp_path / "f.parscore", {MANIFEST: forged}), trust
    )
    assert check.signature is not None
    assert not check.signature.intact
    assert check.signature.trust is TrustState.INVALID
    assert not check.intact
    assert any("member_id" in p.describe("en") for p in check.problems)


def test_unlisted_missing_and_unsigned_entries_are_refused(
    pki: Pki, trust: TrustSettings, tmp_path: Path
) -> None:
    path = build(pki, tmp_path)
    extra = score_package.check_score_package(
        rewrite(path, tmp_path / "e.parscore", {"phieu-cham.pdf": b"%PDF"}), trust
    )
    assert not extra.intact
    assert [(e.name, e.ok) for e in extra.entries if not e.ok] == [("phieu-cham.pdf", False)]
    unlisted = next(e for e in extra.entries if not e.ok).problem
    assert unlisted is not None
    assert "not listed in the signed manifest" in unlisted.en
    assert "không có trong danh mục đã ký" in unlisted.vi
    unsigned = score_package.check_score_package(
        rewrite(path, tmp_path / "u.parscore", {SIGNATURE: None}), trust
    )
    assert unsigned.signature is None
    assert "signature.p7s" in unsigned.problems[0].describe("en")
    missing = score_package.check_score_package(
        rewrite(path, tmp_path / "m.parscore", {SCORES: None}), trust
    )
    assert [(e.name, e.ok) for e in missing.entries] == [(SCORES, False)]
    not_zip = tmp_path / "x.parscore"
    not_zip.write_bytes(b"hello")
    assert not score_package.check_score_package(not_zip, trust).intact


def test_untrusted_signer_is_reported_but_intact(pki: Pki, tmp_path: Path) -> None:
    check = score_package.check_score_package(build(pki, tmp_path), TrustSettings(()))
    assert check.intact
    assert check.signature is not None
    assert check.signature.trust is TrustState.SIGNER_NOT_TRUSTED


@pytest.mark.parametrize(
    "value",
    [1.5, "1E+1", "NaN", "0.50", "abc", True],
)
def test_scores_json_accepts_only_canonical_decimal_strings(value: object) -> None:
    data = json.loads(canonical_scores_json(SCORES_DATA))
    data["units"]["SNV"]["1.1.1"]["value"] = value
    raw = json.dumps(data).encode()
    if value == "0.50":  # "0.50" is canonical text of Decimal("0.50"): kept as given
        assert score_package.parse_scores(raw, "x")
        return
    with pytest.raises(ImportFormatError):
        score_package.parse_scores(raw, "x")


def test_each_value_text_is_read_once_and_a_bad_one_is_named_wherever_it_recurs() -> None:
    """Values are read once per distinct text of the file: a text refused once is refused at
    every item that repeats it, and a good one keeps its exact digits at each item."""
    data = json.loads(canonical_scores_json(SCORES_DATA))
    items = data["units"]["SNV"]
    template = items["1.1.1"]
    for code, value in (("1.1.1", "1e0"), ("1.1.2", "0.50"), ("1.1.3", "1e0"), ("1.1.4", "0.50")):
        items[code] = {**template, "value": value}
    with pytest.raises(ImportFormatError) as refused:
        score_package.parse_scores(json.dumps(data).encode(), "x")
    named = [p.message.en for p in refused.value.problems]
    assert len(named) == 2
    assert "item 1.1.1" in named[0]
    assert "item 1.1.3" in named[1]
    for code in ("1.1.1", "1.1.3"):
        items[code]["value"] = "0.50"
    scores = score_package.parse_scores(json.dumps(data).encode(), "x")
    texts = {str(v.value) for v in scores.units["SNV"].values() if v.value is not None}
    assert texts == {"0.50"}


def test_manifest_fields_are_checked() -> None:
    listed = replace(manifest(), files=(PackageFile(SCORES, "0" * 64, 3),))
    good = score_package.manifest_dict(listed)
    bad = {
        **good,
        "submission_id": str(uuid.uuid1()),
        "created_at": "2026-11-26T09:00:00",
        "deprecated_id": "x",
    }
    with pytest.raises(ImportFormatError) as caught:
        score_package.parse_manifest(json.dumps(bad).encode(), "p.parscore")
    text = caught.value.describe("en")
    assert "submission_id" in text
    assert "deprecated_id" in text
    assert "offset" in text
    assert score_package.parse_manifest(json.dumps(good).encode(), "p") == listed
    with pytest.raises(ImportFormatError, match="1 problem"):
        score_package.parse_manifest(json.dumps({**good, "files": []}).encode(), "p")


def test_writer_refuses_unknown_entries(pki: Pki, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"scores\.json"):
        score_package.write_score_package(
            tmp_path / "x.parscore", manifest(), {"../evil": b""}, signer(pki)
        )
