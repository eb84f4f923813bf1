"""Signing with pyHanko: a signer from a PKCS#12 file or a PKCS#11 token, PAdES B-B PDF
signatures with a visible Vietnamese stamp, and detached CMS (DER) over arbitrary bytes.

The certificate is checked before anything is signed and signing is refused when it is not fit
(domain.md §10). No network unless a TSA URL is given (B-T); offline signatures are B-B.
Keys, passphrases and PINs are passed in and never stored or logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.pkcs11 import PKCS11Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from parapp.core.errors import SignatureError
from parapp.core.messages import Msg
from parapp.io.signing import tokens as pkcs11_tokens
from parapp.io.signing.certificates import (
    CertificateInfo,
    check_before_signing,
    load_pkcs12,
)
from parapp.io.signing.stamp import StampImages, StampText, draw_stamp

log = logging.getLogger(__name__)

DIGEST = "sha256"
TIMESTAMP_RESERVE = 32 * 1024
"""Bytes reserved for the CMS with a timestamp token (pyHanko #515)."""


@dataclass(frozen=True)
class Pkcs12Key:
    """A key in an encrypted PKCS#12 file."""

    path: Path
    passphrase: str = field(repr=False)


@dataclass(frozen=True)
class TokenKey:
    """A key on a PKCS#11 token. Without ``key_id`` the token must hold exactly one key."""

    module: Path
    pin: str = field(repr=False)
    token_label: str | None = None
    key_id: bytes | None = None
    final_try_confirmed: bool = False
    """The user was shown the final-try warning before typing the PIN (else it is not tried)."""
    raw_mechanism: bool | None = None
    """None: hash-and-sign (CKM_SHA256_RSA_PKCS, CKM_ECDSA_SHA256) when the token lists it,
    else hash here and sign the digest (CKM_RSA_PKCS, CKM_ECDSA). True/False forces one."""


KeySource = Pkcs12Key | TokenKey


@dataclass(frozen=True)
class OpenedSigner:
    """A pyHanko signer whose certificate passed ``check_before_signing``."""

    signer: signers.Signer
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    info: CertificateInfo


@dataclass(frozen=True)
class PdfPlacement:
    """Where the visible stamp goes: a page (negative counts from the end) and a box in PDF
    points from the bottom-left; ``field_name`` names the signature field."""

    field_name: str
    page: int = -1
    box: tuple[float, float, float, float] | None = None
    """None: the bottom-right corner of the page."""


STAMP_SIZE = (250.0, 64.0)
STAMP_MARGIN = 36.0


def _to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _from_asn1(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


@contextlib.contextmanager
def open_signer(
    source: KeySource, *, at: datetime, extra_chain: tuple[x509.Certificate, ...] = ()
) -> Iterator[OpenedSigner]:
    """Open the key and check its certificate at ``at`` (an aware time); a token session is
    closed on exit. ``extra_chain`` adds issuer certificates to embed.

    Raises:
        SignatureError: wrong passphrase or PIN (tried once), no key, or an unfit certificate.
    """
    if isinstance(source, Pkcs12Key):
        bundle = load_pkcs12(source.path, source.passphrase)
        chain = _issuers(bundle.certificate, (*bundle.chain, *extra_chain))
        info = check_before_signing(bundle.certificate, chain, at)
        key_der = bundle.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        signer = signers.SimpleSigner(
            signing_cert=_to_asn1(bundle.certificate),
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=_registry(chain),
        )
        yield OpenedSigner(signer, bundle.certificate, chain, info)
        return
    session = pkcs11_tokens.open_session(
        source.module,
        source.token_label,
        source.pin,
        final_try_confirmed=source.final_try_confirmed,
    )
    try:
        yield _token_signer(session, source, at, extra_chain)
    finally:
        pkcs11_tokens.close_session(session)


def _registry(chain: tuple[x509.Certificate, ...]) -> SimpleCertificateStore:
    registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    registry.register_multiple([_to_asn1(c) for c in chain])
    return registry


def _token_signer(
    session: Any, source: TokenKey, at: datetime, extra_chain: tuple[x509.Certificate, ...]
) -> OpenedSigner:
    label = str(session.token.label).strip()
    try:
        key_ids = pkcs11_tokens.private_key_ids(session)
        on_token_objects = pkcs11_tokens.session_certificates(session)
    except pkcs11.PKCS11Error as exc:
        raise pkcs11_tokens.token_failure(exc, label) from None
    key_id = source.key_id
    if key_id is None:
        if len(key_ids) != 1:
            raise SignatureError(
                Msg(
                    f"Thiết bị có {len(key_ids)} khóa ký: hãy chọn mã khóa (key id) cần dùng.",
                    f"The token holds {len(key_ids)} signing keys: choose the key id to use.",
                )
            )
        key_id = key_ids[0]
    if key_id in key_ids and key_id not in {i for i, _label, _c in on_token_objects}:
        raise SignatureError(
            Msg(
                f"Thiết bị “{label}” có khóa {key_id.hex()} nhưng không có chứng thư số đi kèm "
                "(cùng mã): hãy nạp chứng thư bằng phần mềm của nhà cung cấp.",
                f"Token “{label}” holds key {key_id.hex()} but no certificate with the same id: "
                "load it with the vendor's software.",
            )
        )
    on_token = tuple(c for _id, _label, c in on_token_objects)
    signer = PKCS11Signer(session, key_id=key_id, cert_id=key_id, other_certs_to_pull=())
    try:
        cert = _from_asn1(signer.signing_cert)
    except (pkcs11.PKCS11Error, SigningError) as exc:
        log.warning("token key %s unusable: %r", key_id.hex(), exc)
        raise SignatureError(
            Msg(
                f"Không thấy khóa và chứng thư có mã {key_id.hex()} trên thiết bị.",
                f"No key with its certificate under id {key_id.hex()} on the token.",
            )
        ) from None
    signer.use_raw_mechanism = _raw_mechanism(session, cert, label, source.raw_mechanism)
    chain = _issuers(cert, (*on_token, *extra_chain))
    info = check_before_signing(cert, chain, at)
    for issuer in chain:
        signer.cert_registry.register(_to_asn1(issuer))
    return OpenedSigner(signer, cert, chain, info)


_MECHANISMS = {
    # key kind: (hash-and-sign with SHA-256, raw on a digest computed here)
    "rsa": (pkcs11.Mechanism.SHA256_RSA_PKCS, pkcs11.Mechanism.RSA_PKCS),
    "ec": (pkcs11.Mechanism.ECDSA_SHA256, pkcs11.Mechanism.ECDSA),
}


def _raw_mechanism(session: Any, cert: x509.Certificate, label: str, forced: bool | None) -> bool:
    """Whether to sign a digest with the raw mechanism: many tokens (SoftHSM2 among them) have
    no CKM_ECDSA_SHA256. pyHanko DER-encodes the raw (r, s) of an ECDSA signature itself."""
    public = cert.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        kind = "rsa"
    elif isinstance(public, ec.EllipticCurvePublicKey):
        kind = "ec"
    else:
        raise SignatureError(
            Msg(
                f"Khóa trên thiết bị “{label}” không phải RSA hay ECDSA: parapp không ký được "
                "bằng khóa này.",
                f"The key on token “{label}” is neither RSA nor ECDSA: parapp cannot sign with it.",
            )
        )
    if forced is not None:
        return forced
    hashed, raw = _MECHANISMS[kind]
    try:
        offered = set(session.token.slot.get_mechanisms())
    except pkcs11.PKCS11Error as exc:
        log.info("token %s does not list its mechanisms (%r): signing a digest", label, exc)
        return True
    if hashed in offered:
        return False
    if raw in offered:
        return True
    raise SignatureError(
        Msg(
            f"Thiết bị “{label}” không có cơ chế ký nào parapp dùng được cho khóa "
            f"{kind.upper()} ({hashed.name} hoặc {raw.name}).",
            f"Token “{label}” offers no signing mechanism parapp can use for its {kind.upper()} "
            f"key ({hashed.name} or {raw.name}).",
        )
    )


def _issuers(
    cert: x509.Certificate, pool: tuple[x509.Certificate, ...]
) -> tuple[x509.Certificate, ...]:
    """The issuer chain of ``cert`` found in ``pool``, nearest first (stops at a self-signed)."""
    chain: list[x509.Certificate] = []
    current = cert
    while current.issuer != current.subject and len(chain) < 8:
        issuer = next((c for c in pool if c.subject == current.issuer and c not in chain), None)
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return tuple(chain)


def default_box(pdf: bytes, page: int) -> tuple[float, float, float, float]:
    """The stamp box in the bottom-right corner of ``page``.

    Raises:
        SignatureError: not a readable PDF or no such page.
    """
    reader = _reader(pdf)
    pages = reader.root["/Pages"]["/Count"]
    index = page if page >= 0 else int(pages) + page
    if not 0 <= index < int(pages):
        raise SignatureError(
            Msg(f"Tệp PDF không có trang {page + 1}.", f"The PDF has no page {page + 1}.")
        )
    page_ref = reader.find_page_for_modification(index)[0]  # type: ignore[no-untyped-call]
    x1, y1, x2, y2 = (float(v) for v in page_ref.get_object()["/MediaBox"])
    width, height = STAMP_SIZE
    right = max(x1, x2) - STAMP_MARGIN
    bottom = min(y1, y2) + STAMP_MARGIN
    return (right - width, bottom, right, bottom + height)


def next_field_name(pdf: bytes, prefix: str) -> str:
    """The first ``<prefix><n>`` (n = 1, 2, …) that is not a field of ``pdf`` yet.

    Raises:
        SignatureError: not a readable PDF.
    """
    names = {name for name, _, _ in fields.enumerate_sig_fields(_reader(pdf))}
    number = 1
    while f"{prefix}{number}" in names:
        number += 1
    return f"{prefix}{number}"


def _reader(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        log.info("unreadable PDF: %r", exc)
        raise SignatureError(
            Msg("Tệp không phải PDF hợp lệ hoặc bị hỏng.", "Not a valid PDF, or damaged.")
        ) from None


def sign_pdf(
    pdf: bytes,
    opened: OpenedSigner,
    placement: PdfPlacement,
    stamp: StampText,
    fonts_dir: Path,
    *,
    reason: str = "",
    location: str = "",
    tsa_url: str | None = None,
    images: StampImages | None = None,
) -> bytes:
    """Sign ``pdf`` (PAdES, ETSI.CAdES.detached, SHA-256) with a visible static stamp (with
    the signer's signature image and the agency's seal when ``images`` has them).

    B-B without ``tsa_url``; B-T (an RFC 3161 request to ``tsa_url``) with it. The signature
    is the last write: the result must not be modified afterwards.

    Raises:
        SignatureError: unreadable PDF, the field is already signed, signing or TSA failure.
    """
    reader = _reader(pdf)
    existing = {name: filled for name, filled, _ in fields.enumerate_sig_fields(reader)}
    if existing.get(placement.field_name) is not None:
        raise SignatureError(
            Msg(
                f"Ô chữ ký “{placement.field_name}” đã được ký.",
                f"Signature field “{placement.field_name}” is already signed.",
            )
        )
    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    box = placement.box or default_box(pdf, placement.page)
    new_field = None
    if placement.field_name not in existing:
        new_field = fields.SigFieldSpec(
            placement.field_name,
            on_page=placement.page,
            box=(int(box[0]), int(box[1]), int(box[2]), int(box[3])),
        )
    meta = signers.PdfSignatureMetadata(
        field_name=placement.field_name,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm=DIGEST,
        reason=reason or None,
        location=location or None,
        name=opened.info.subject,
        # check_before_signing already accepts digitalSignature or nonRepudiation.
        signer_key_usage=set(),
    )
    timestamper = timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    with tempfile.TemporaryDirectory(prefix="parapp-stamp-") as folder:
        appearance = Path(folder) / "stamp.pdf"
        appearance.write_bytes(draw_stamp(stamp, width, height, fonts_dir, images))
        pdf_signer = signers.PdfSigner(
            meta,
            signer=opened.signer,
            timestamper=timestamper,
            stamp_style=StaticStampStyle.from_pdf_file(str(appearance)),
            new_field_spec=new_field,
        )
        out = BytesIO()
        try:
            pdf_signer.sign_pdf(
                writer,
                output=out,
                existing_fields_only=new_field is None,
                bytes_reserved=TIMESTAMP_RESERVE if timestamper else None,
            )
        except (SigningError, PdfError, OSError) as exc:
            raise _signing_failed(exc, tsa_url) from None
        except pkcs11.PKCS11Error as exc:
            raise _token_failed(exc, opened) from None
    log.info("signed PDF field %s with %s", placement.field_name, opened.info.sha256[:16])
    return out.getvalue()


def sign_detached(
    data: bytes, opened: OpenedSigner, *, at: datetime, tsa_url: str | None = None
) -> bytes:
    """A detached CMS SignedData (DER) over ``data``, SHA-256, with the certificate chain and
    ``at`` as its signing-time attribute.

    Raises:
        SignatureError: signing or TSA failure.
    """
    timestamper = timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None
    try:
        info = asyncio.run(
            opened.signer.async_sign_general_data(
                data,
                DIGEST,
                detached=True,
                timestamper=timestamper,
                signed_attr_settings=PdfCMSSignedAttributes(signing_time=at),
            )
        )
    except (SigningError, OSError) as exc:
        raise _signing_failed(exc, tsa_url) from None
    except pkcs11.PKCS11Error as exc:
        raise _token_failed(exc, opened) from None
    return bytes(info.dump())


def _token_failed(exc: Exception, opened: OpenedSigner) -> SignatureError:
    session = getattr(opened.signer, "pkcs11_session", None)
    try:
        label = str(session.token.label).strip() if session is not None else ""
    except pkcs11.PKCS11Error:
        label = ""
    return pkcs11_tokens.token_failure(exc, label)


def _signing_failed(exc: Exception, tsa_url: str | None) -> SignatureError:
    log.warning("signing failed: %r", exc)
    if tsa_url:
        return SignatureError(
            Msg(
                f"Không ký được (có thể do không kết nối được máy chủ dấu thời gian {tsa_url}): "
                f"{exc}",
                f"Signing failed (perhaps the timestamp server {tsa_url} is unreachable): {exc}",
            )
        )
    return SignatureError(Msg(f"Không ký được: {exc}", f"Signing failed: {exc}"))
