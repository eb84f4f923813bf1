"""A throw-away test PKI made with ``cryptography`` at test time (no key is ever committed), a
sample PDF, and a SoftHSM2 token created with softhsm2-util and pkcs11-tool.

Plain functions: each test module wraps what it needs in its own fixtures.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
P12_PASSPHRASE = "mat-khau-thu-nghiem"
USER_PIN = "123456"
SO_PIN = "87654321"

Key = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class Pki:
    """A CA, a member certificate it issued, their files under ``folder``."""

    folder: Path
    ca_key: Key
    ca_cert: x509.Certificate
    member_key: Key
    member_cert: x509.Certificate
    ca_pem: Path
    member_p12: Path
    member_pem: Path
    crl_der: Path
    """An empty CRL signed by the CA, valid now (so revocation *can* be checked)."""


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sở Nội vụ thử nghiệm"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        ]
    )


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_ca(common_name: str = "CA thử nghiệm parapp") -> tuple[Key, x509.Certificate]:
    """A self-signed CA valid from yesterday for ten years."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def issue(
    ca_key: Key,
    ca_cert: x509.Certificate,
    common_name: str,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    signing_usage: bool = True,
    ec_key: bool = False,
) -> tuple[Key, x509.Certificate]:
    """A member certificate (RSA 2048, or EC P-256 with ``ec_key``) issued by the CA."""
    key: Key = (
        ec.generate_private_key(ec.SECP256R1())
        if ec_key
        else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    now = datetime.now(UTC)
    usage = _usage(ca=False)
    if not signing_usage:
        usage = x509.KeyUsage(
            digital_signature=False,
            content_commitment=False,
            key_encipherment=True,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(hours=1))
        .not_valid_after(not_after or now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def write_p12(path: Path, key: Key, cert: x509.Certificate, chain: list[x509.Certificate]) -> Path:
    """An encrypted PKCS#12 with ``P12_PASSPHRASE``."""
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"member",
            key,
            cert,
            chain or None,
            serialization.BestAvailableEncryption(P12_PASSPHRASE.encode()),
        )
    )
    return path


def make_pki(folder: Path, member: str = "Nguyễn Văn Thẩm") -> Pki:
    """The standard test PKI in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = make_ca()
    member_key, member_cert = issue(ca_key, ca_cert, member)
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    member_pem = folder / "member.pem"
    member_pem.write_bytes(member_cert.public_bytes(serialization.Encoding.PEM))
    member_p12 = write_p12(folder / "member.p12", member_key, member_cert, [ca_cert])
    now = datetime.now(UTC)
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=7))
        .add_extension(x509.CRLNumber(1), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    crl_der = folder / "ca.crl"
    crl_der.write_bytes(crl.public_bytes(serialization.Encoding.DER))
    return Pki(
        folder,
        ca_key,
        ca_cert,
        member_key,
        member_cert,
        ca_pem,
        member_p12,
        member_pem,
        crl_der,
    )


def make_crl(
    ca_key: Key, ca_cert: x509.Certificate, revoked: tuple[int, ...] = (), number: int = 2
) -> bytes:
    """A CRL (DER) the CA signs now, listing the certificate serial numbers ``revoked``."""
    now = datetime.now(UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=7))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
    )
    for serial in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(now - timedelta(minutes=10))
            .build()
        )
    return builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def expired_and_future(
    ca_key: Key, ca_cert: x509.Certificate, *, ec_key: bool = False
) -> dict[str, tuple[Key, x509.Certificate]]:
    """Two member certificates out of their validity now: ``expired`` (valid from five hours
    to one hour ago) and ``future`` (valid from tomorrow for a year)."""
    now = datetime.now(UTC)
    return {
        "expired": issue(
            ca_key,
            ca_cert,
            "Trần Hết Hạn",
            not_before=now - timedelta(hours=5),
            not_after=now - timedelta(hours=1),
            ec_key=ec_key,
        ),
        "future": issue(
            ca_key,
            ca_cert,
            "Lê Chưa Tới",
            not_before=now + timedelta(days=1),
            not_after=now + timedelta(days=366),
            ec_key=ec_key,
        ),
    }


def sample_pdf(pages: int = 2) -> bytes:
    """A small landscape A4 PDF with Vietnamese text, as ReportLab writes score sheets."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 500, f"PHIEU CHAM DIEM - trang {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class SoftToken:
    """A SoftHSM2 token with the member's key and certificate under id 01 and the CA cert."""

    conf: Path
    label: str
    key_id: bytes
    env: dict[str, str]


def create_softhsm_token(folder: Path, pki: Pki, label: str = "council") -> SoftToken:
    """Create a token in ``folder`` with softhsm2-util and import the member's key, certificate
    and the CA certificate with pkcs11-tool. The caller points ``SOFTHSM2_CONF`` at ``conf``
    and, because SoftHSM2 reads it only when loaded, calls ``unload_softhsm`` around the test.
    """
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def run(*args: str) -> None:
        subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)

    run(
        "softhsm2-util", "--init-token", "--free", "--label", label,
        "--pin", USER_PIN, "--so-pin", SO_PIN,
    )  # fmt: skip
    key_der = folder / "key.der"
    key_der.write_bytes(
        pki.member_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    objects = [
        (key_der, "privkey", "01", "member"),
        (_der(folder / "member.der", pki.member_cert), "cert", "01", "member"),
        (_der(folder / "ca.der", pki.ca_cert), "cert", "ca", "ca"),
    ]
    for path, kind, object_id, object_label in objects:
        run(
            "pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", label,
            "--login", "--pin", USER_PIN, "--write-object", str(path), "--type", kind,
            "--id", object_id if object_id != "ca" else "ca01", "--label", object_label,
        )  # fmt: skip
    key_der.unlink()
    return SoftToken(conf, label, bytes.fromhex("01"), env)


def _der(path: Path, cert: x509.Certificate) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    return path


def unload_softhsm() -> None:
    """Forget the loaded SoftHSM2 module, so the next load reads ``SOFTHSM2_CONF`` again."""
    pkcs11.unload(str(SOFTHSM_MODULE))
