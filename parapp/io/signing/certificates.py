"""Signing certificates: load, describe and check them; create a member's personal certificate.

A certificate is checked before anything is signed with it (domain.md §10): inside its validity
period, allowed to sign (digitalSignature / nonRepudiation), not a CA, and issued by the
certificate that says it issued it, when that one is at hand. Passphrases are passed in, never
stored or logged.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from parapp.core.errors import SignatureError, ValidationError
from parapp.core.messages import Msg
from parapp.io.files.atomic import write_bytes_atomic

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8
"""A personal key file is only as safe as its passphrase."""
DEFAULT_VALID_DAYS = 3 * 365
MAX_CERT_FILE_BYTES = 1024 * 1024
_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)
_UNSAFE_FILE_CHARS = re.compile(r"[^\w.-]+")

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class KeyType(StrEnum):
    """Key algorithms offered for a personal certificate."""

    RSA = "rsa"
    """RSA 3072: accepted everywhere, including old Adobe Reader."""
    EC = "ec"
    """ECDSA P-256: smaller and faster."""


@dataclass(frozen=True)
class CertificateInfo:
    """What a person needs to recognise a certificate."""

    subject: str
    """The holder's name (common name, else the whole subject)."""
    issuer: str
    serial: str
    """Serial number in hex."""
    not_before: datetime
    not_after: datetime
    sha256: str
    """Lowercase hex SHA-256 of the DER certificate: what the secretary registers."""
    self_signed: bool


@dataclass(frozen=True)
class KeyBundle:
    """A private key with its certificate and the chain that came with it (a PKCS#12 file)."""

    key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


@dataclass(frozen=True)
class CreatedCertificate:
    """A new personal certificate: the encrypted key file, the public certificate beside it."""

    pkcs12_path: Path
    certificate_path: Path
    info: CertificateInfo


def fingerprint(cert: x509.Certificate) -> str:
    """Lowercase hex SHA-256 of the certificate's DER encoding."""
    return cert.fingerprint(hashes.SHA256()).hex()


def grouped(sha256_hex: str) -> str:
    """A fingerprint as people read it aloud: "AB:CD:…" in upper case."""
    text = sha256_hex.upper()
    return ":".join(text[i : i + 2] for i in range(0, len(text), 2))


def _name(name: x509.Name) -> str:
    common = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if common:
        value = common[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string()


def describe(cert: x509.Certificate) -> CertificateInfo:
    """The holder, issuer, serial, validity and fingerprint of ``cert``."""
    return CertificateInfo(
        subject=_name(cert.subject),
        issuer=_name(cert.issuer),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256=fingerprint(cert),
        self_signed=cert.subject == cert.issuer,
    )


def load_certificates(path: Path) -> list[x509.Certificate]:
    """Every certificate in a PEM file (one or more blocks) or a DER file.

    Raises:
        ValidationError: unreadable, too large, or holding no certificate.
    """
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_CERT_FILE_BYTES + 1]
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không đọc được tệp chứng thư {path.name}: {exc.strerror}.",
                f"Cannot read the certificate file {path.name}: {exc.strerror}.",
            )
        ) from None
    return parse_certificates(data, path.name)


def parse_certificates(data: bytes, source: str) -> list[x509.Certificate]:
    """Certificates from PEM or DER bytes (``source`` names them in errors).

    Raises:
        ValidationError: too large or holding no certificate.
    """
    bad = ValidationError(
        Msg(
            f"{source} không phải là tệp chứng thư số (PEM hoặc DER).",
            f"{source} is not a certificate file (PEM or DER).",
        )
    )
    if len(data) > MAX_CERT_FILE_BYTES:
        raise bad
    try:
        blocks = _PEM_BLOCK.findall(data)
        if blocks:
            return [x509.load_pem_x509_certificate(block) for block in blocks]
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise bad from None


def load_crl(path: Path) -> bytes:
    """A certificate revocation list (PEM or DER) as DER bytes.

    Raises:
        ValidationError: unreadable or not a CRL.
    """
    path = Path(path)
    try:
        data = path.read_bytes()[: 64 * MAX_CERT_FILE_BYTES]
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data).public_bytes(serialization.Encoding.DER)
        x509.load_der_x509_crl(data)
    except (OSError, ValueError):
        raise ValidationError(
            Msg(
                f"Không đọc được danh sách thu hồi chứng thư {path.name}.",
                f"Cannot read the certificate revocation list {path.name}.",
            )
        ) from None
    return data


@dataclass(frozen=True)
class CrlInfo:
    """What the secretary needs to recognise a revocation list."""

    issuer: str
    """The issuer's distinguished name (RFC 4514)."""
    issuer_name: str
    """The issuer's common name (else the whole name)."""
    this_update: datetime
    next_update: datetime | None
    revoked: int
    """How many certificates it lists."""


def describe_crl(der: bytes) -> CrlInfo:
    """Issuer, dates and size of a CRL (DER, as ``load_crl`` returns it)."""
    crl = x509.load_der_x509_crl(der)
    return CrlInfo(
        crl.issuer.rfc4514_string(),
        _name(crl.issuer),
        crl.last_update_utc,
        crl.next_update_utc,
        len(crl),
    )


def load_pkcs12(path: Path, passphrase: str) -> KeyBundle:
    """Open an encrypted PKCS#12 (.p12/.pfx) file.

    Raises:
        SignatureError: unreadable, wrong passphrase, not PKCS#12, or no key and certificate.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SignatureError(
            Msg(
                f"Không đọc được tệp khóa {path.name}: {exc.strerror}.",
                f"Cannot read the key file {path.name}: {exc.strerror}.",
            )
        ) from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        # cryptography says the same for a wrong passphrase and a damaged file.
        raise SignatureError(
            Msg(
                f"Không mở được {path.name}: mật khẩu không đúng hoặc tệp không phải PKCS#12.",
                f"Cannot open {path.name}: wrong passphrase, or not a PKCS#12 file.",
            )
        ) from None
    if cert is None or not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SignatureError(
            Msg(
                f"{path.name} không chứa khóa ký RSA/EC kèm chứng thư số.",
                f"{path.name} holds no RSA/EC signing key with its certificate.",
            )
        )
    log.info("opened key file %s (certificate %s)", path.name, fingerprint(cert)[:16])
    return KeyBundle(key, cert, tuple(extra))


DAY = "%d/%m/%Y"


def _day(moment: datetime, like: datetime) -> str:
    """``moment`` as dd/mm/yyyy in the time zone of ``like`` (the user's clock)."""
    return moment.astimezone(like.tzinfo).strftime(DAY)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def validity_problem(cert: x509.Certificate, at: datetime) -> Msg | None:
    """Why ``cert`` is not valid at ``at`` (an aware time): expired or not yet valid; None when
    it is. The phrase starts in lower case, to be embedded in a sentence."""
    if at < cert.not_valid_before_utc:
        return Msg(
            f"chứng thư số chưa có hiệu lực đến ngày {_day(cert.not_valid_before_utc, at)}",
            f"the certificate is not yet valid: valid from {_day(cert.not_valid_before_utc, at)}",
        )
    if at > cert.not_valid_after_utc:
        return Msg(
            f"chứng thư số đã hết hạn ngày {_day(cert.not_valid_after_utc, at)}",
            f"the certificate expired on {_day(cert.not_valid_after_utc, at)}",
        )
    return None


def check_before_signing(
    cert: x509.Certificate, chain: tuple[x509.Certificate, ...], at: datetime
) -> CertificateInfo:
    """Refuse a certificate that must not sign at ``at`` (domain.md §10: check before signing).

    Checks: validity period; KeyUsage allows digitalSignature or nonRepudiation (when present);
    not a CA; an ExtendedKeyUsage, when present, not limited to other purposes; and, when the
    issuer is in ``chain``, that it really signed ``cert`` and is itself within its validity.

    Raises:
        SignatureError: why the certificate cannot be used, in words the holder understands.
    """
    info = describe(cert)
    problem = validity_problem(cert, at)
    if problem is not None:
        raise SignatureError(
            Msg(
                f"{_capital(problem.vi)} ({info.subject}): không được ký; hãy dùng chứng thư số "
                "đang có hiệu lực.",
                f"{_capital(problem.en)} ({info.subject}): it may not sign; use a certificate "
                "that is valid now.",
            )
        )
    _check_extensions(cert, info)
    issuer = next((c for c in chain if c.subject == cert.issuer and c != cert), None)
    if issuer is not None:
        try:
            cert.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            raise SignatureError(
                Msg(
                    f"Chứng thư số của {info.subject} không do “{_name(issuer.subject)}” cấp "
                    "như nó khai báo: không được ký.",
                    f"{info.subject}'s certificate was not issued by “{_name(issuer.subject)}” "
                    "as it claims: it may not sign.",
                )
            ) from None
        if not issuer.not_valid_before_utc <= at <= issuer.not_valid_after_utc:
            raise SignatureError(
                Msg(
                    f"Chứng thư của nơi cấp “{_name(issuer.subject)}” không còn hiệu lực: "
                    "không được ký.",
                    f"The issuer's certificate “{_name(issuer.subject)}” is not valid now: "
                    "signing is refused.",
                )
            )
    return info


def _check_extensions(cert: x509.Certificate, info: CertificateInfo) -> None:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise SignatureError(
            Msg(
                f"Chứng thư số của {info.subject} không được phép dùng để ký (thiếu "
                "digitalSignature/nonRepudiation).",
                f"{info.subject}'s certificate is not allowed to sign (no digitalSignature or "
                "nonRepudiation key usage).",
            )
        )
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is not None and constraints.ca and not info.self_signed:
        raise SignatureError(
            Msg(
                f"“{info.subject}” là chứng thư của nơi cấp (CA), không phải của người ký.",
                f"“{info.subject}” is a certificate authority's certificate, not a signer's.",
            )
        )
    try:
        purposes = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return
    allowed = {
        ExtendedKeyUsageOID.EMAIL_PROTECTION,
        ExtendedKeyUsageOID.CLIENT_AUTH,
        ExtendedKeyUsageOID.CODE_SIGNING,
        ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE,
        x509.ObjectIdentifier("1.2.840.113583.1.1.5"),  # Adobe authentic documents trust
        x509.ObjectIdentifier("1.3.6.1.4.1.311.10.3.12"),  # Microsoft document signing
    }
    if not allowed.intersection(purposes):
        raise SignatureError(
            Msg(
                f"Chứng thư số của {info.subject} chỉ dành cho mục đích khác, không để ký văn bản.",
                f"{info.subject}'s certificate is restricted to other purposes than signing "
                "documents.",
            )
        )


def create_personal_certificate(
    folder: Path,
    common_name: str,
    passphrase: str,
    *,
    now: datetime,
    key_type: KeyType = KeyType.RSA,
    organization: str = "",
    email: str = "",
    issuer: KeyBundle | None = None,
    valid_days: int = DEFAULT_VALID_DAYS,
) -> CreatedCertificate:
    """Create a signing key and certificate for a member who has none.

    Writes ``<folder>/<name>.p12`` (key, certificate and issuer, encrypted with ``passphrase``)
    and ``<folder>/<name>.pem`` (the certificate alone, to hand to the secretary). Self-signed
    unless ``issuer`` (a local CA) is given. Existing files are never overwritten.

    Raises:
        ValidationError: empty name, passphrase shorter than ``MIN_PASSPHRASE``, files exist.
        SignatureError: the issuer cannot issue certificates now.
    """
    common_name = unicodedata.normalize("NFC", common_name).strip()
    if not common_name:
        raise ValidationError(Msg("Hãy nhập họ và tên.", "Enter the holder's full name."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            Msg(
                f"Mật khẩu bảo vệ khóa phải có ít nhất {MIN_PASSPHRASE} ký tự.",
                f"The passphrase protecting the key needs at least {MIN_PASSPHRASE} characters.",
            )
        )
    folder = Path(folder)
    stem = _file_stem(common_name, now)
    p12_path, pem_path = folder / f"{stem}.p12", folder / f"{stem}.pem"
    for existing in (p12_path, pem_path):
        if existing.exists():
            raise ValidationError(
                Msg(f"Tệp {existing} đã có.", f"{existing} exists already; nothing was written.")
            )
    if issuer is not None:
        _check_issuer(issuer, now)
    key: SigningKey = (
        ec.generate_private_key(ec.SECP256R1())
        if key_type is KeyType.EC
        else rsa.generate_private_key(public_exponent=65537, key_size=3072)
    )
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organization.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization.strip()))
    if email.strip():
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email.strip()))
    subject = x509.Name(attributes)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject if issuer is None else issuer.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_usage(), critical=True)
        .add_extension(ski, critical=False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    signing_key = key if issuer is None else issuer.key
    cert = builder.sign(signing_key, hashes.SHA256())
    chain = () if issuer is None else (issuer.certificate, *issuer.chain)
    p12 = pkcs12.serialize_key_and_certificates(
        name=common_name.encode("utf-8"),
        key=key,
        cert=cert,
        cas=list(chain) or None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(p12_path, p12)
    write_bytes_atomic(pem_path, cert.public_bytes(serialization.Encoding.PEM))
    info = describe(cert)
    log.info("created personal certificate %s in %s", info.sha256[:16], p12_path.name)
    return CreatedCertificate(p12_path, pem_path, info)


def _signing_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _check_issuer(issuer: KeyBundle, now: datetime) -> None:
    cert = issuer.certificate
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        is_ca = constraints.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if not is_ca or not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise SignatureError(
            Msg(
                f"“{_name(cert.subject)}” không phải chứng thư CA còn hiệu lực: không cấp được.",
                f"“{_name(cert.subject)}” is not a valid CA certificate: cannot issue.",
            )
        )


def _file_stem(common_name: str, now: datetime) -> str:
    ascii_name = unicodedata.normalize("NFKD", common_name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    safe = _UNSAFE_FILE_CHARS.sub("-", ascii_name).strip("-.") or "chung-thu"
    return f"{safe[:48]}-{now.strftime('%Y%m%d-%H%M%S')}"
