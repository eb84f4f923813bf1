"""Sign and verify through the services: a member's workspace packaged and signed, PDFs and
workbooks signed, and every kind of file refused after one changed byte, naming the file."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import SignatureError, ValidationError
from parapp.core.rounds import Phase
from parapp.io.signing.validation import TrustSettings, TrustState
from parapp.services import exports, packages, rounds, scoring, signing, verify
from parapp.services.context import RoundContext
from parapp.services.signing import Pkcs12Key
from parapp.services.verify import FileKind
from tests.signing_pki import P12_PASSPHRASE, Pki, make_pki, sample_pdf

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "classes": [{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo", "maximum": "3"},
        {"code": "1.1", "name": "Ban hành kế hoạch", "maximum": "1"},
        {"code": "1.2", "name": "Báo cáo", "maximum": "2"},
        {"code": "2", "name": "Khảo sát", "maximum": "1"},
        {"code": "2.1", "name": "SIPAS", "maximum": "1", "assessor": "survey"},
    ],
}


# Real time (the test certificates are valid from an hour ago), fixed for the whole module.
NOW = datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(microsecond=0)


def clock() -> datetime:
    return NOW


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path / "pki", "Trần Thị Bình")


@pytest.fixture
def trust(pki: Pki) -> TrustSettings:
    return signing.trust_settings([pki.ca_pem])


@pytest.fixture
def key(pki: Pki) -> Pkcs12Key:
    return Pkcs12Key(pki.member_p12, P12_PASSPHRASE)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[RoundContext]:
    """m2's workspace opened from the secretary's package, with two saved appraisals."""
    secretary = rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử", clock=clock)
    with secretary:
        rounds.add_units(secretary, [("A", "Sở A", "so"), ("B", "Sở B", "so")])
        rounds.add_member(secretary, "m1", "Nguyễn Văn A", "Chủ tịch")
        rounds.add_member(secretary, "m2", "Trần Thị Bình", "Ủy viên")
        rounds.advance_phase(secretary, Phase.ROUND_1)
        package = packages.build_member_package(secretary, "m2", tmp_path / "out").path
    ctx = packages.open_member_package(package, tmp_path / "ws", clock=clock, actor="m2")
    scoring.save_appraisal(ctx, "m2", "A", "1.1", "0,5")
    scoring.save_comment(ctx, "m2", "A", "1.1", "Ban hành chậm.")
    scoring.save_appraisal(ctx, "m2", "B", "1.2", "2")
    yield ctx
    ctx.close()


def flip(path: Path, position: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    index = len(data) // 2 if position is None else position
    data[index] ^= 0x01
    path.write_bytes(bytes(data))


def test_member_workspace_becomes_a_signed_score_package(
    workspace: RoundContext, key: Pkcs12Key, trust: TrustSettings, tmp_path: Path
) -> None:
    sheet = tmp_path / "phieu-A.pdf"
    exported = exports.export_member_sheet_pdf(
        workspace, "m2", "A", sheet, place="Thái Nguyên", date=dt.date(2026, 11, 26)
    )
    signed_sheet = signing.sign_pdf_file(
        sheet,
        key,
        trust,
        page=exported.signature.page_index,
        box=exported.signature.box,
        clock=clock,
    )
    workbook = tmp_path / "phieu-A.xlsx"
    exports.export_member_sheet_xlsx(
        workspace, "m2", "A", workbook, place="Thái Nguyên", date=dt.date(2026, 11, 26)
    )
    unsigned = tmp_path / "unsigned-B.pdf"
    unsigned.write_bytes(sample_pdf())
    built = signing.build_score_package(
        workspace, key, tmp_path, trust, xlsx=[workbook], pdf=[signed_sheet.path, unsigned]
    )
    assert built.units == ("A", "B")
    assert built.path.name.startswith("T-SO_m2_")
    assert built.manifest.created_at == NOW.isoformat()
    assert built.manifest.created_at.endswith("+07:00")
    report = verify.verify_file(built.path, trust)
    assert report.kind is FileKind.SCORE_PACKAGE
    assert report.intact
    assert report.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    # The manifest signature and the PDFs' signatures (one signed before, one while packing).
    assert [s.signer for s in report.signatures] == ["Trần Thị Bình"] * 3
    names = [f.name for f in report.files]
    assert names == [
        "META-INF/manifest.json",
        "phieu-cham-phieu-A-signed.pdf",
        "phieu-cham-unsigned-B.pdf",
        "phieu-cham.xlsx",
        "scores.json",
    ]
    with zipfile.ZipFile(built.path) as archive:
        scores = json.loads(archive.read("scores.json"))
    assert scores["member_id"] == "m2"
    assert scores["units"]["A"]["1.1"] == {
        "value": "0.5",
        "comment": "Ban hành chậm.",
        "not_applicable": False,
    }
    assert scores["units"]["B"]["1.2"]["value"] == "2"
    corrected = signing.build_score_package(
        workspace, key, tmp_path / "v2.parscore", trust, deprecated_id=built.manifest.submission_id
    )
    assert corrected.manifest.deprecated_id == built.manifest.submission_id
    assert corrected.manifest.submission_id != built.manifest.submission_id


def test_a_changed_entry_of_a_package_is_named(
    workspace: RoundContext, key: Pkcs12Key, trust: TrustSettings, tmp_path: Path
) -> None:
    built = signing.build_score_package(workspace, key, tmp_path / "p.parscore", trust)
    with zipfile.ZipFile(built.path) as archive:
        infos = archive.infolist()
        contents = {i.filename: archive.read(i.filename) for i in infos}
    changed = contents["scores.json"].replace(b'"0.5"', b'"0.6"')
    tampered = tmp_path / "t.parscore"
    with zipfile.ZipFile(tampered, "w") as archive:
        for info in infos:
            archive.writestr(
                info, changed if info.filename == "scores.json" else contents[info.filename]
            )
    report = verify.verify_file(tampered, trust)
    assert not report.intact
    assert report.trust is TrustState.INVALID
    assert report.failed_files() == ["scores.json"]


def test_signed_pdf_and_workbook_verify_and_any_flip_fails(
    key: Pkcs12Key, trust: TrustSettings, tmp_path: Path
) -> None:
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(sample_pdf())
    signed = signing.sign_pdf_file(pdf, key, trust, clock=clock)
    assert signed.path == tmp_path / "bien-ban-signed.pdf"
    assert signed.verdict.field_name == "ChuKy1"
    assert verify.verify_file(signed.path, trust).intact
    workbook = tmp_path / "phieu.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    p7s = signing.sign_xlsx_file(workbook, key, trust, clock=clock)
    assert p7s.path == tmp_path / "phieu.xlsx.p7s"
    for target in (workbook, p7s.path):
        report = verify.verify_file(target, trust)
        assert report.kind is FileKind.XLSX
        assert report.intact
        assert report.signatures[0].signing_time == clock()

    flip(signed.path)
    report = verify.verify_file(signed.path, trust)
    assert not report.intact
    assert report.failed_files() == ["bien-ban-signed.pdf"]
    flip(workbook, 100)
    assert verify.verify_file(workbook, trust).failed_files() == ["phieu.xlsx"]
    flip(workbook, 100)
    assert verify.verify_file(workbook, trust).intact
    flip(p7s.path, 40)
    assert not verify.verify_file(workbook, trust).intact


def test_unsigned_and_unknown_files(trust: TrustSettings, tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(sample_pdf())
    report = verify.verify_file(plain, trust)
    assert not report.signed
    assert not report.intact
    lone = tmp_path / "lone.xlsx"
    lone.write_bytes(b"PK")
    assert not verify.verify_file(lone, trust).intact
    other = tmp_path / "notes.txt"
    other.write_text("x")
    with pytest.raises(ValidationError, match=r"only \.parscore"):
        verify.verify_file(other, trust)
    with pytest.raises(ValidationError, match="does not exist"):
        verify.verify_file(tmp_path / "missing.pdf", trust)


def test_without_roots_the_signer_is_not_trusted_and_crls_make_it_valid(
    pki: Pki, key: Pkcs12Key, trust: TrustSettings, tmp_path: Path
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    signed = signing.sign_pdf_file(pdf, key, trust, out=tmp_path / "b.pdf")
    bare = verify.verify_file(signed.path, signing.trust_settings())
    assert bare.intact
    assert bare.trust is TrustState.SIGNER_NOT_TRUSTED
    checked = verify.verify_file(signed.path, signing.trust_settings([pki.ca_pem], [pki.crl_der]))
    assert checked.trust is TrustState.VALID


def test_wrong_passphrase_writes_nothing(pki: Pki, trust: TrustSettings, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    with pytest.raises(SignatureError):
        signing.sign_pdf_file(pdf, Pkcs12Key(pki.member_p12, "sai"), trust)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "pki"]


def test_a_personal_certificate_signs_and_a_registered_one_must_match(
    workspace: RoundContext, pki: Pki, key: Pkcs12Key, trust: TrustSettings, tmp_path: Path
) -> None:
    created = signing.create_certificate(
        tmp_path / "profile", "Trần Thị Bình", "mat-khau-du-dai", clock=clock
    )
    # The workspace's member has no registered certificate: any fit certificate signs.
    built = signing.build_score_package(
        workspace,
        Pkcs12Key(created.pkcs12_path, "mat-khau-du-dai"),
        tmp_path / "self.parscore",
        trust,
    )
    assert built.verdict.certificate_sha256 == created.info.sha256
    assert verify.verify_file(built.path, trust).trust is TrustState.SIGNER_NOT_TRUSTED
    registered = signing.trust_settings([created.certificate_path])
    assert verify.verify_file(built.path, registered).trust is (
        TrustState.VALID_REVOCATION_NOT_CHECKED
    )

    der = pki.member_cert.public_bytes(serialization.Encoding.DER)
    with rounds.create_round(tmp_path / "s.parround", from_dict(SET), "S", clock=clock) as ctx:
        rounds.add_units(ctx, [("A", "Sở A", "so")])
        rounds.add_member(ctx, "m1", "Trần Thị Bình", "Ủy viên", certificate_der=der)
        with pytest.raises(ValidationError, match="Open the member's workspace"):
            signing.build_score_package(ctx, key, tmp_path / "x.parscore", trust)
        with pytest.raises(ValidationError, match="not the one registered"):
            signing.build_score_package(
                ctx,
                Pkcs12Key(created.pkcs12_path, "mat-khau-du-dai"),
                tmp_path / "x.parscore",
                trust,
                member_id="m1",
            )
        assert signing.build_score_package(
            ctx, key, tmp_path / "m1.parscore", trust, member_id="m1"
        ).units == ("A",)
    assert not (tmp_path / "x.parscore").exists()
