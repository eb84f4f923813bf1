"""PAdES PDF signing from a PKCS#12 key, detached CMS, certificates: real crypto, real pdfsig
and openssl, a test PKI generated per test."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from parapp.core.errors import SignatureError, ValidationError
from parapp.io.signing import signers as signing
from parapp.io.signing import validation as signature_check
from parapp.io.signing.certificates import (
    KeyType,
    check_before_signing,
    create_personal_certificate,
    fingerprint,
    load_certificates,
    load_pkcs12,
)
from parapp.io.signing.signers import Pkcs12Key
from parapp.io.signing.stamp import draw_stamp, stamp_lines
from parapp.io.signing.validation import TrustSettings, TrustState
from parapp.paths import resource
from tests.signing_pki import P12_PASSPHRASE, Pki, issue, make_pki, sample_pdf, write_p12

FONTS = resource("fonts")
SIGNER = "Nguyễn Văn Thẩm"


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path / "pki", SIGNER)


def now() -> datetime:
    return datetime.now(UTC).astimezone()


def sign(pki: Pki, pdf: bytes | None = None, field: str = "UyVien1") -> bytes:
    at = now()
    with signing.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=at) as opened:
        stamp = stamp_lines(opened.info.subject, at.strftime("%d/%m/%Y %H:%M:%S"), "Xác nhận")
        return signing.sign_pdf(
            pdf or sample_pdf(),
            opened,
            signing.PdfPlacement(field),
            stamp,
            FONTS,
            reason="Xác nhận phiếu chấm điểm",
        )


def pdfsig(path: Path) -> str:
    done = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, check=False, text=True, timeout=60
    )
    return done.stdout + done.stderr


def test_pkcs12_signature_is_pades_and_pdfsig_finds_it_valid(pki: Pki, tmp_path: Path) -> None:
    signed = sign(pki)
    assert b"/ETSI.CAdES.detached" in signed
    verdicts = signature_check.validate_pdf(signed, TrustSettings((pki.ca_cert,)))
    [verdict] = verdicts
    assert verdict.intact
    assert verdict.signer == SIGNER
    assert verdict.field_name == "UyVien1"
    assert verdict.certificate_sha256 == fingerprint(pki.member_cert)
    assert verdict.signing_time is not None
    assert abs(verdict.signing_time - datetime.now(UTC)) < timedelta(minutes=5)
    assert not verdict.timestamped
    # Offline, with no CRL: never plain "valid".
    assert verdict.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    report = pdfsig(path)
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report
    assert SIGNER in report


def test_trust_states_follow_roots_and_crls(pki: Pki) -> None:
    signed = sign(pki)
    untrusted = signature_check.validate_pdf(signed, TrustSettings(()))[0]
    assert untrusted.intact
    assert untrusted.trust is TrustState.SIGNER_NOT_TRUSTED
    other_ca = make_pki(pki.folder / "other").ca_cert
    assert (
        signature_check.validate_pdf(signed, TrustSettings((other_ca,)))[0].trust
        is TrustState.SIGNER_NOT_TRUSTED
    )
    checked = TrustSettings((pki.ca_cert,), (pki.crl_der.read_bytes(),))
    assert signature_check.validate_pdf(signed, checked)[0].trust is TrustState.VALID


def test_revoked_certificate_is_invalid(pki: Pki) -> None:
    signed = sign(pki)
    at = datetime.now(UTC)
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(pki.ca_cert.subject)
        .last_update(at - timedelta(minutes=1))
        .next_update(at + timedelta(days=1))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(pki.member_cert.serial_number)
            .revocation_date(at - timedelta(minutes=1))
            .build()
        )
        .sign(pki.ca_key, hashes.SHA256())
    )
    trust = TrustSettings((pki.ca_cert,), (crl.public_bytes(serialization.Encoding.DER),))
    verdict = signature_check.validate_pdf(signed, trust)[0]
    assert verdict.trust is TrustState.INVALID
    assert verdict.problem is not None
    assert "thu hồi" in verdict.problem.vi


def test_stamp_is_liberation_serif_vietnamese_at_the_box_size(tmp_path: Path) -> None:
    text = stamp_lines(SIGNER, "05/02/2026 14:30:12", "Xác nhận phiếu chấm điểm")
    stamp = tmp_path / "stamp.pdf"
    stamp.write_bytes(draw_stamp(text, 250, 64, FONTS))
    fonts = subprocess.run(
        ["pdffonts", str(stamp)], capture_output=True, check=False, text=True
    ).stdout
    assert "LiberationSerif-Bold" in fonts
    assert "LiberationSerif" in fonts
    words = subprocess.run(
        ["pdftotext", "-raw", str(stamp), "-"], capture_output=True, check=False, text=True
    ).stdout
    assert f"Ký số bởi: {SIGNER}" in words
    assert "Thời gian ký: 05/02/2026 14:30:12" in words
    info = subprocess.run(
        ["pdfinfo", str(stamp)], capture_output=True, check=False, text=True
    ).stdout
    assert re.search(r"Page size:\s+250 x 64 pts", info)


def test_the_widget_shows_the_static_stamp_in_the_given_box(pki: Pki, tmp_path: Path) -> None:
    at = now()
    box = (500.0, 40.0, 780.0, 110.0)
    with signing.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=at) as opened:
        signed = signing.sign_pdf(
            sample_pdf(),
            opened,
            signing.PdfPlacement("ChuKy1", page=0, box=box),
            stamp_lines(SIGNER, "05/02/2026"),
            FONTS,
        )
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(signed))
    [sig] = reader.embedded_regular_signatures
    widget = sig.sig_field
    assert [float(v) for v in widget["/Rect"]] == list(box)
    appearance = widget["/AP"]["/N"]
    x1, y1, x2, y2 = (float(v) for v in appearance["/BBox"])
    assert (abs(x2 - x1), abs(y2 - y1)) == (280.0, 70.0)
    page = reader.root["/Pages"]["/Kids"][0].get_object()
    assert any(annot.get_object() == widget for annot in page["/Annots"])
    report = tmp_path / "s.pdf"
    report.write_bytes(signed)
    assert "Signature is Valid" in pdfsig(report)


@pytest.mark.parametrize("where", ["middle", "padding", "end", "start"])
def test_any_changed_byte_breaks_the_pdf_signature(pki: Pki, where: str) -> None:
    signed = bytearray(sign(pki))
    contents = signed.index(b"/Contents <") + len(b"/Contents <")
    hex_end = signed.index(b">", contents)
    position = {
        "middle": len(signed) // 3,
        "padding": hex_end - 10,  # inside the zero padding after the CMS: not covered by the digest
        "end": len(signed) - 8,
        "start": 12,
    }[where]
    signed[position] = ord("1") if signed[position] != ord("1") else ord("2")
    verdicts = signature_check.validate_pdf(bytes(signed), TrustSettings((pki.ca_cert,)))
    assert verdicts
    assert not all(v.intact for v in verdicts)
    assert signature_check.overall(verdicts) is TrustState.INVALID


def test_a_second_signature_keeps_the_first_valid(pki: Pki, tmp_path: Path) -> None:
    once = sign(pki, field="UyVien1")
    twice = sign(pki, once, field="ThuKy")
    verdicts = signature_check.validate_pdf(twice, TrustSettings((pki.ca_cert,)))
    assert [v.field_name for v in verdicts] == ["UyVien1", "ThuKy"]
    assert all(v.intact for v in verdicts)
    with pytest.raises(SignatureError, match="already signed"):
        sign(pki, twice, field="ThuKy")
    assert signing.next_field_name(twice, "ChuKy") == "ChuKy1"


def test_detached_cms_verifies_with_openssl_and_catches_changes(pki: Pki, tmp_path: Path) -> None:
    data = tmp_path / "phieu.xlsx"
    data.write_bytes(b"PK\x03\x04 workbook bytes \x00\xff" * 100)
    at = now()
    with signing.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=at) as opened:
        p7s = signing.sign_detached(data.read_bytes(), opened, at=at)
    signature = tmp_path / "phieu.xlsx.p7s"
    signature.write_bytes(p7s)
    command = [
        "openssl", "cms", "-verify", "-binary", "-inform", "DER",
        "-content", str(data), "-in", str(signature), "-CAfile", str(pki.ca_pem),
        "-out", str(tmp_path / "out.bin"),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, check=False, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr
    verdict = signature_check.validate_detached(
        data.read_bytes(), p7s, TrustSettings((pki.ca_cert,))
    )
    assert verdict.intact
    assert verdict.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    assert verdict.signing_time is not None
    assert abs(verdict.signing_time - at) < timedelta(seconds=2)
    changed = bytearray(data.read_bytes())
    changed[50] ^= 0x01
    data.write_bytes(bytes(changed))
    assert subprocess.run(command, capture_output=True, check=False, timeout=60).returncode != 0
    broken = signature_check.validate_detached(bytes(changed), p7s, TrustSettings((pki.ca_cert,)))
    assert not broken.intact
    assert broken.trust is TrustState.INVALID
    garbage = signature_check.validate_detached(
        bytes(changed), b"not a signature", TrustSettings(())
    )
    assert garbage.trust is TrustState.INVALID
    assert garbage.signer == ""


def test_expired_or_unfit_certificates_are_refused_before_signing(pki: Pki) -> None:
    at = datetime.now(UTC)
    cases = {
        "expired": issue(
            pki.ca_key,
            pki.ca_cert,
            "Hết Hạn",
            not_before=at - timedelta(days=400),
            not_after=at - timedelta(days=1),
        ),
        "future": issue(pki.ca_key, pki.ca_cert, "Chưa Tới", not_before=at + timedelta(days=1)),
        "usage": issue(pki.ca_key, pki.ca_cert, "Mã Hóa", signing_usage=False),
    }
    messages = {
        "expired": "Chứng thư số đã hết hạn ngày",
        "future": "Chứng thư số chưa có hiệu lực đến ngày",
        "usage": "không được phép",
    }
    for name, (key, cert) in cases.items():
        p12 = write_p12(pki.folder / f"{name}.p12", key, cert, [pki.ca_cert])
        with (
            pytest.raises(SignatureError) as caught,
            signing.open_signer(Pkcs12Key(p12, P12_PASSPHRASE), at=at),
        ):
            pytest.fail("an unfit certificate was opened for signing")
        assert messages[name] in caught.value.describe()
    other_key, _ = issue(pki.ca_key, pki.ca_cert, "Khác")
    _, forged = issue(other_key, pki.ca_cert, "Giả Mạo")  # names the CA, signed by another key
    with pytest.raises(SignatureError, match="not issued by"):
        check_before_signing(forged, (pki.ca_cert,), at)


def test_wrong_passphrase_is_a_clear_error(pki: Pki) -> None:
    with pytest.raises(SignatureError) as caught:
        load_pkcs12(pki.member_p12, "sai-mat-khau")
    assert "mật khẩu không đúng" in caught.value.describe()
    assert "wrong passphrase" in caught.value.describe("en")


def test_personal_certificate_self_signed_and_issued(pki: Pki, tmp_path: Path) -> None:
    at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    profile = tmp_path / "profile"
    created = create_personal_certificate(
        profile, "Trần Thị Đào", "mat-khau-du-dai", now=at, organization="Sở Nội vụ"
    )
    assert created.pkcs12_path.parent == profile
    assert created.pkcs12_path.name.startswith("Tran-Thi-Dao-")
    [pem] = load_certificates(created.certificate_path)
    assert created.info.sha256 == fingerprint(pem)
    assert created.info.self_signed
    assert created.info.subject == "Trần Thị Đào"
    with pytest.raises(SignatureError):
        load_pkcs12(created.pkcs12_path, "wrong-passphrase")
    with pytest.raises(ValueError, match=r"(?i)password"):  # encrypted: needs the passphrase
        pkcs12.load_key_and_certificates(created.pkcs12_path.read_bytes(), None)
    bundle = load_pkcs12(created.pkcs12_path, "mat-khau-du-dai")
    assert bundle.certificate == pem
    check_before_signing(pem, (), at + timedelta(days=1))
    usage = pem.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment

    ca_p12 = write_p12(tmp_path / "ca.p12", pki.ca_key, pki.ca_cert, [])
    issued = create_personal_certificate(
        profile,
        "Lê Văn Bình",
        "mat-khau-du-dai",
        now=datetime.now(UTC),
        key_type=KeyType.EC,
        issuer=load_pkcs12(ca_p12, P12_PASSPHRASE),
    )
    assert not issued.info.self_signed
    assert issued.info.issuer == "CA thử nghiệm parapp"
    key = Pkcs12Key(issued.pkcs12_path, "mat-khau-du-dai")
    with signing.open_signer(key, at=now()) as opened:
        assert opened.chain == (pki.ca_cert,)
        signed = signing.sign_pdf(
            sample_pdf(), opened, signing.PdfPlacement("ChuKy1"), stamp_lines("Bình", "x"), FONTS
        )
    verdict = signature_check.validate_pdf(signed, TrustSettings((pki.ca_cert,)))[0]
    assert verdict.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    assert verdict.certificate_sha256 == issued.info.sha256


def test_personal_certificate_needs_a_passphrase_and_never_overwrites(tmp_path: Path) -> None:
    at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    with pytest.raises(ValidationError, match="passphrase"):
        create_personal_certificate(tmp_path, "Tên", "", now=at)
    with pytest.raises(ValidationError, match="name"):
        create_personal_certificate(tmp_path, "  ", "mat-khau-du-dai", now=at)
    create_personal_certificate(tmp_path, "Tên", "mat-khau-du-dai", now=at)
    with pytest.raises(ValidationError, match="exists"):
        create_personal_certificate(tmp_path, "Tên", "mat-khau-du-dai", now=at)


def test_a_damaged_pdf_is_reported_not_raised(pki: Pki) -> None:
    [verdict] = signature_check.validate_pdf(b"%PDF-1.7\nrubbish", TrustSettings(()))
    assert verdict.trust is TrustState.INVALID
    assert signature_check.validate_pdf(sample_pdf(), TrustSettings(())) == []
    with pytest.raises(SignatureError):
        signing.default_box(b"not a pdf", -1)


def test_every_changed_byte_of_a_detached_signature_is_caught(pki: Pki) -> None:
    data = b"manifest" * 50
    at = now()
    with signing.open_signer(Pkcs12Key(pki.member_p12, P12_PASSPHRASE), at=at) as opened:
        p7s = signing.sign_detached(data, opened, at=at)
    trust = TrustSettings((pki.ca_cert,))
    escaped = []
    for position in range(0, len(p7s), 3):  # a third of the bytes keeps the test quick
        changed = bytearray(p7s)
        changed[position] ^= 0x01
        if signature_check.validate_detached(data, bytes(changed), trust).intact:
            escaped.append(position)
    assert escaped == []
