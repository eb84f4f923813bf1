"""A member's certificate handed to the secretary, in whatever file the member has: PEM, DER
(.cer/.crt) or the certificate inside a PKCS#12 (.p12/.pfx) key file.

Only the certificate is kept. A PEM or DER file that carries a private key is refused (the key
must stay with its holder); inside a .p12 the key is expected and ignored. The passphrase of a
.p12 is asked for only when the file is one, through the callable the caller passes in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.signing.certificates import MAX_CERT_FILE_BYTES, parse_certificates

log = logging.getLogger(__name__)

_PRIVATE_KEY_MARK = b"PRIVATE KEY-----"


def _key_refused(source: str) -> ValidationError:
    return ValidationError(
        Msg(
            f"{source} có chứa khóa bí mật: chỉ cần chứng thư số (tệp .cer, .crt hoặc .pem "
            "không có khóa). Khóa bí mật phải do người ký giữ; hãy xuất riêng chứng thư rồi "
            "đăng ký lại.",
            f"{source} holds a private key: only the certificate is wanted (a .cer, .crt or "
            ".pem file without the key). The private key stays with its holder; export the "
            "certificate alone and register it again.",
        )
    )


def _not_a_certificate(source: str) -> ValidationError:
    return ValidationError(
        Msg(
            f"{source} không phải là tệp chứng thư số (PEM, DER .cer/.crt hoặc .p12).",
            f"{source} is not a certificate file (PEM, DER .cer/.crt or .p12).",
        )
    )


def is_pkcs12(data: bytes) -> bool:
    """Whether ``data`` is a PKCS#12 (PFX) structure (nothing is decrypted)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native)
    except Exception:  # untrusted bytes: any parsing failure means "not PKCS#12"
        return False


def _holds_der_key(data: bytes) -> bool:
    try:
        serialization.load_der_private_key(data, password=None)
    except TypeError:
        return True  # an encrypted key: a key all the same
    except (ValueError, UnsupportedAlgorithm):
        return False
    return True


def read_member_certificate(path: Path, passphrase: Callable[[], str]) -> x509.Certificate:
    """The one signing certificate in ``path``: PEM (a chain is fine: the member's own
    certificate is the one that is not a CA), DER, or the certificate of a .p12.

    Raises:
        ValidationError: unreadable; not a certificate; a PEM/DER file holding a private key;
            a wrong .p12 passphrase; several end-entity certificates, so which one is unclear.
    """
    path = Path(path)
    source = path.name
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CERT_FILE_BYTES + 1)
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không đọc được tệp chứng thư {source}: {exc.strerror}.",
                f"Cannot read the certificate file {source}: {exc.strerror}.",
            )
        ) from None
    if len(data) > MAX_CERT_FILE_BYTES:
        raise _not_a_certificate(source)
    if data.lstrip().startswith(b"-----BEGIN"):
        if _PRIVATE_KEY_MARK in data:
            raise _key_refused(source)
        return _one_end_entity(parse_certificates(data, source), source)
    if is_pkcs12(data):
        return _from_pkcs12(data, source, passphrase())
    if _holds_der_key(data):
        raise _key_refused(source)
    try:
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise _not_a_certificate(source) from None


def _from_pkcs12(data: bytes, source: str, secret: str) -> x509.Certificate:
    try:
        _key, cert, _extra = pkcs12.load_key_and_certificates(data, secret.encode("utf-8"))
    except ValueError:
        raise ValidationError(
            Msg(
                f"Không mở được {source}: mật khẩu không đúng hoặc tệp .p12 bị hỏng.",
                f"Cannot open {source}: wrong passphrase, or a damaged .p12 file.",
            )
        ) from None
    if cert is None:
        raise ValidationError(
            Msg(f"{source} không chứa chứng thư số.", f"{source} holds no certificate.")
        )
    log.info("certificate read from the key file %s (key ignored)", source)
    return cert


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _one_end_entity(certs: list[x509.Certificate], source: str) -> x509.Certificate:
    if len(certs) == 1:
        return certs[0]
    own = [c for c in certs if not _is_ca(c)]
    if len(own) != 1:
        raise ValidationError(
            Msg(
                f"{source} chứa {len(certs)} chứng thư; không rõ chứng thư nào của thành viên. "
                "Hãy dùng tệp chỉ chứa chứng thư của thành viên.",
                f"{source} holds {len(certs)} certificates; which one is the member's is "
                "unclear. Use a file holding only the member's certificate.",
            )
        )
    return own[0]
