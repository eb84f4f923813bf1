"""The demo's signing certificates: a demo CA and one certificate per council member.

Keys are ECDSA P-256 derived from a fixed name and certificates are signed deterministically
(RFC 6979), so every build registers the same fingerprints in the rounds. Only the PKCS#12
files differ between builds (their encryption salt is random); they are opened with
``DEMO_PASSPHRASE``, which the demo folder's README states: these keys protect nothing.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from parapp.io.files.atomic import write_bytes_atomic
from parapp.services.demo import data

log = logging.getLogger(__name__)

CERTIFICATES_DIR = "certificates"
CA_FILE = "demo-ca.pem"
DEMO_PASSPHRASE = "parapp-demo"
"""The passphrase of every demo key file (stated in the demo's README.txt)."""
VALID_FROM = datetime(2024, 1, 1, tzinfo=data.TZ)
VALID_UNTIL = datetime(2036, 12, 31, 23, 59, 59, tzinfo=data.TZ)
"""Wide enough for both demo years and for years of use after them."""
CA_NAME = f"CA minh họa parapp - {data.PROVINCE} (không dùng thật)"
ORGANIZATION = f"Hội đồng thẩm định CCHC tỉnh {data.PROVINCE} (minh họa)"


@dataclass(frozen=True)
class DemoCertificate:
    """A member's demo key file and certificate."""

    member_id: str
    p12_path: Path
    pem_path: Path
    der: bytes
    """The certificate (DER), registered in the rounds."""

    @property
    def sha256(self) -> str:
        """The fingerprint the rounds hold for the member."""
        return hashlib.sha256(self.der).hexdigest()


@dataclass(frozen=True)
class DemoPki:
    """The demo CA certificate and every member's certificate."""

    ca_pem: Path
    members: dict[str, DemoCertificate]


def _key(*parts: str) -> ec.EllipticCurvePrivateKey:
    digest = hashlib.sha256("/".join((data.UUID_NAMESPACE_NAME, "key", *parts)).encode()).digest()
    # A 256-bit value below the P-256 group order with overwhelming probability; reduce anyway.
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    return ec.derive_private_key(int.from_bytes(digest, "big") % (order - 1) + 1, ec.SECP256R1())


def _serial(*parts: str) -> int:
    digest = hashlib.sha256("/".join((data.UUID_NAMESPACE_NAME, "serial", *parts)).encode())
    return int.from_bytes(digest.digest()[:16], "big") >> 1  # positive, at most 127 bits


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


def _certificate(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    issuer_key: ec.EllipticCurvePrivateKey,
    serial: int,
    *,
    ca: bool,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(VALID_FROM)
        .not_valid_after(VALID_UNTIL)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    if not ca:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    # RFC 6979: the same certificate bytes, hence the same fingerprint, on every build.
    return builder.sign(issuer_key, hashes.SHA256(), ecdsa_deterministic=True)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        ]
    )


def build_pki(outdir: Path) -> DemoPki:
    """Write ``outdir/certificates``: the demo CA's certificate (``demo-ca.pem``; its key is
    not kept) and, per council member, ``<member>.p12`` (key, certificate and CA, encrypted with
    ``DEMO_PASSPHRASE``) and ``<member>.pem``."""
    folder = Path(outdir) / CERTIFICATES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ca_key = _key("ca")
    ca_name = _name(CA_NAME)
    ca_cert = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, _serial("ca"), ca=True)
    ca_pem = folder / CA_FILE
    write_bytes_atomic(ca_pem, ca_cert.public_bytes(serialization.Encoding.PEM))
    encryption = serialization.BestAvailableEncryption(DEMO_PASSPHRASE.encode("utf-8"))
    members: dict[str, DemoCertificate] = {}
    for member in data.COUNCIL:
        key = _key("member", member.id)
        cert = _certificate(
            _name(member.name), ca_name, key.public_key(), ca_key, _serial(member.id), ca=False
        )
        p12 = folder / f"{member.id}.p12"
        pem = folder / f"{member.id}.pem"
        write_bytes_atomic(
            p12,
            pkcs12.serialize_key_and_certificates(
                member.name.encode("utf-8"), key, cert, [ca_cert], encryption
            ),
        )
        write_bytes_atomic(pem, cert.public_bytes(serialization.Encoding.PEM))
        members[member.id] = DemoCertificate(
            member.id, p12, pem, cert.public_bytes(serialization.Encoding.DER)
        )
    log.info("demo certificates written to %s", folder)
    return DemoPki(ca_pem, members)
