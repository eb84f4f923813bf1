"""Validating signatures offline into a structured verdict with one of four trust states.

Always with explicit trust roots (never the OS list) and ``allow_fetching=False``. Revocation
that could not be checked is "valid, revocation not checked", never plain "valid" (domain.md
§10): "valid" needs CRLs supplied and a validation that requires them (stack.md §4).
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from io import BytesIO

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import (
    PdfSignatureStatus,
    SignatureCoverageLevel,
    StandardCMSSignatureStatus,
)
from pyhanko_certvalidator import ValidationContext

from parapp.core.messages import Lang, Msg
from parapp.io.signing.certificates import describe, validity_problem

log = logging.getLogger(__name__)

SIGNING_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
"""Either usage is accepted, as ``check_before_signing`` accepts either."""
MAX_P7S_BYTES = 1024 * 1024


class TrustState(StrEnum):
    """The outcome people see; ordered from best to worst."""

    VALID = "valid"
    VALID_REVOCATION_NOT_CHECKED = "valid-revocation-not-checked"
    SIGNER_NOT_TRUSTED = "signer-not-trusted"
    INVALID = "invalid"

    @property
    def label(self) -> Msg:
        """The state in words."""
        return TRUST_LABELS[self]


TRUST_LABELS = {
    TrustState.VALID: Msg("hợp lệ", "valid"),
    TrustState.VALID_REVOCATION_NOT_CHECKED: Msg(
        "hợp lệ – chưa kiểm tra thu hồi", "valid – revocation not checked"
    ),
    TrustState.SIGNER_NOT_TRUSTED: Msg(
        "chưa xác minh được người ký", "the signer could not be confirmed"
    ),
    TrustState.INVALID: Msg("không hợp lệ", "invalid"),
}


@dataclass(frozen=True)
class TrustSettings:
    """What a validation trusts: root certificates and, optionally, CRLs (DER) to check."""

    roots: tuple[x509.Certificate, ...]
    crls: tuple[bytes, ...] = ()
    moment: datetime | None = None
    """The time of the validation (None: now). A signature without a timestamp is checked at
    this time and at the time its signer claims: its certificate must be valid at both."""

    def at(self) -> datetime:
        """The validation time: ``moment`` or now."""
        return self.moment if self.moment is not None else datetime.now(UTC).astimezone()

    def context(self, *, require_revocation: bool = False) -> ValidationContext:
        """A fresh offline validation context."""
        roots = [
            asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
            for root in self.roots
        ]
        return ValidationContext(
            trust_roots=roots,
            allow_fetching=False,
            revocation_mode="require" if require_revocation else "soft-fail",
            crls=list(self.crls),
            ocsps=[],
            moment=self.moment,
        )


@dataclass(frozen=True)
class SignatureVerdict:
    """One signature, checked."""

    signer: str
    certificate_sha256: str
    signing_time: datetime | None
    """The time the signer's computer claimed (B-B), or the timestamp's (B-T)."""
    timestamped: bool
    intact: bool
    """The signed bytes are unchanged and the cryptographic signature verifies."""
    trust: TrustState
    field_name: str = ""
    problem: Msg | None = None
    """Why the state is not "valid", when there is more to say than the state."""

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """One line: state, signer and problem."""
        text = f"{self.trust.label.get(lang)}: {self.signer}"
        return f"{text} ({self.problem.get(lang)})" if self.problem else text


def _broken(field_name: str, problem: Msg) -> SignatureVerdict:
    return SignatureVerdict("", "", None, False, False, TrustState.INVALID, field_name, problem)


# Each problem says what happened in plain words, then what to do about it.
_ASK_AGAIN = Msg(
    "hãy đề nghị người gửi ký lại và gửi lại tệp", "ask the sender to sign and send the file again"
)
ALTERED = Msg(
    f"nội dung đã bị thay đổi sau khi ký, nên chữ ký không còn bảo đảm tệp này; {_ASK_AGAIN.vi}",
    f"the content was changed after it was signed, so the signature no longer vouches for "
    f"this file; {_ASK_AGAIN.en}",
)
REVOKED = Msg(
    "chứng thư số của người ký đã bị nơi cấp thu hồi (hết hiệu lực), nên chữ ký không còn giá "
    "trị; người ký cần ký lại bằng chứng thư số còn hiệu lực",
    "the signer's certificate has been revoked by its issuer, so the signature is no longer "
    "valid; the signer must sign again with a certificate that is still in force",
)
UNTRUSTED_ISSUER = Msg(
    "nội dung vẫn nguyên vẹn, nhưng chứng thư số của người ký do một nơi cấp chưa được khai báo "
    "là tin cậy trên máy này, nên chưa khẳng định được đúng là người đó đã ký. Cách xử lý: thêm "
    "chứng thư gốc của nơi cấp (tệp .pem hoặc .crt, lấy từ nơi cấp hoặc từ thư ký) vào danh "
    "sách tin cậy, hoặc đối chiếu vân tay chứng thư với chính người ký",
    "the content is intact, but the signer's certificate comes from an issuer this computer "
    "has not been told to trust, so it cannot be confirmed that this person signed. To fix: "
    "add the issuer's root certificate (a .pem or .crt file from the issuer or the secretary) "
    "to the trusted list, or compare the certificate's fingerprint with the signer in person",
)
NOT_VERIFYING = Msg(
    f"chữ ký không khớp với nội dung (tệp bị sửa hoặc hỏng); {_ASK_AGAIN.vi}",
    f"the signature does not match the content (the file was changed or damaged); {_ASK_AGAIN.en}",
)
BAD_TIMESTAMP = Msg(
    f"dấu thời gian kèm chữ ký không hợp lệ, nên không biết chắc thời điểm ký; {_ASK_AGAIN.vi}",
    f"the timestamp attached to the signature is invalid, so the time of signing is unknown; "
    f"{_ASK_AGAIN.en}",
)
DAMAGED_PDF = Msg(
    "tệp PDF bị hỏng, không đọc được (có thể do sao chép hoặc tải về chưa xong); hãy đề nghị "
    "gửi lại tệp",
    "the PDF is damaged and cannot be read (perhaps an unfinished copy or download); ask for "
    "the file again",
)
DAMAGED_SIGNATURE = Msg(
    "phần chữ ký trong tệp bị hỏng, không đọc được; hãy đề nghị gửi lại tệp đã ký",
    "the signature in the file is damaged and cannot be read; ask for the signed file again",
)


def _validity(
    cert: x509.Certificate, claimed: datetime | None, stamped: datetime | None, now: datetime
) -> Msg | None:
    """The certificate outside its validity when it signed: at the timestamp's time when there
    is a valid one; else at the time the signer's computer claims and at ``now`` (a claimed time
    proves nothing: an expired certificate signing with its clock set back stays expired)."""
    if stamped is not None:
        return validity_problem(cert, stamped)
    for moment in (claimed, now):
        if moment is not None and (problem := validity_problem(cert, moment)) is not None:
            return problem
    return None


def _verdict(
    status: StandardCMSSignatureStatus,
    strict: StandardCMSSignatureStatus | None,
    field_name: str,
    extra_problem: Msg | None,
    now: datetime,
) -> SignatureVerdict:
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    info = describe(cert)
    ts = status.timestamp_validity
    when = ts.timestamp if ts is not None else status.signer_reported_dt
    intact = bool(status.intact and status.valid) and extra_problem is None
    ts_ok = ts is not None and ts.intact and ts.valid
    problem: Msg | None = None
    if not status.intact:
        problem = ALTERED
    elif not status.valid:
        problem = NOT_VERIFYING
    elif extra_problem is not None:
        problem = extra_problem
    elif ts is not None and not ts_ok:
        problem = BAD_TIMESTAMP
    else:
        stamped = ts.timestamp if ts is not None else None
        problem = _validity(cert, status.signer_reported_dt, stamped, now)
        if problem is None and (
            status.revocation_details is not None
            or (strict is not None and strict.revocation_details is not None)
        ):
            problem = REVOKED
    if problem is not None:
        trust = TrustState.INVALID
    elif not status.trusted:
        trust = TrustState.SIGNER_NOT_TRUSTED
        problem = UNTRUSTED_ISSUER
    elif strict is not None and strict.bottom_line:  # revocation checked against given CRLs
        trust = TrustState.VALID
    else:
        trust = TrustState.VALID_REVOCATION_NOT_CHECKED
    return SignatureVerdict(
        info.subject, info.sha256, when, ts is not None, intact, trust, field_name, problem
    )


KNOWN_DIGESTS = frozenset({"sha256", "sha384", "sha512", "sha3_256", "sha3_384", "sha3_512"})
MALFORMED = Msg(
    f"phần chữ ký đã bị sửa hoặc hỏng, nên không tin được tệp này; {_ASK_AGAIN.vi}",
    f"the signature was altered or damaged, so this file cannot be relied on; {_ASK_AGAIN.en}",
)


def _structure_problem(signed: cms.SignedData, roots: tuple[x509.Certificate, ...]) -> Msg | None:
    """Parts of a CMS the signature value does not cover, checked so that a changed byte there
    is caught too: the version, the digest algorithm list, the embedded certificates (each must
    verify under its issuer when that issuer is at hand)."""
    try:
        if signed["version"].native not in ("v1", "v3", "v4", "v5"):
            return MALFORMED
        digests = [*signed["digest_algorithms"]]
        digests += [si["digest_algorithm"] for si in signed["signer_infos"]]
        if any(a["parameters"].native is not None for a in digests):
            return MALFORMED  # absent or NULL (RFC 5754), never anything else
        listed = {a["algorithm"].native for a in signed["digest_algorithms"]}
        used = {si["digest_algorithm"]["algorithm"].native for si in signed["signer_infos"]}
        if not used or not used <= listed or not listed <= KNOWN_DIGESTS:
            return MALFORMED
        chosen = [c.chosen for c in signed["certificates"] or [] if c.name == "certificate"]
        if any(c["signature_value"].contents[:1] != b"\x00" for c in chosen):
            return MALFORMED  # a signature BIT STRING has no unused bits
        for si in signed["signer_infos"]:
            if not _sid_matches(si, chosen):
                return MALFORMED
        bag = [x509.load_der_x509_certificate(c.dump()) for c in chosen]
        pool = [*bag, *roots]
        for cert in bag:
            issuers = [c for c in pool if c.subject == cert.issuer]
            if issuers:
                _verify_under_any(cert, issuers)
            elif any(r.subject == cert.subject and r != cert for r in roots):
                return MALFORMED  # a damaged copy of a trusted root
    except Exception:  # untrusted bytes: any parsing or verification failure means "altered"
        log.info("malformed CMS structure", exc_info=True)
        return MALFORMED
    return None


def _sid_matches(signer_info: cms.SignerInfo, certs: list[asn1_x509.Certificate]) -> bool:
    """The signer identifier names an embedded certificate byte for byte, with the matching
    SignerInfo version (pyHanko's own lookup is more forgiving)."""
    sid = signer_info["sid"]
    version = signer_info["version"].native
    if sid.name == "issuer_and_serial_number":
        issuer = sid.chosen["issuer"].dump()
        serial = sid.chosen["serial_number"].native
        return version == "v1" and any(
            c["tbs_certificate"]["issuer"].dump() == issuer and c.serial_number == serial
            for c in certs
        )
    key_id = sid.chosen.native
    return version == "v3" and any(c.key_identifier == key_id for c in certs)


def _verify_under_any(cert: x509.Certificate, issuers: list[x509.Certificate]) -> None:
    for issuer in issuers[:-1]:
        try:
            cert.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return
    cert.verify_directly_issued_by(issuers[-1])  # the last failure propagates


def validate_pdf(pdf: bytes, trust: TrustSettings) -> list[SignatureVerdict]:
    """Every signature of a PDF, in signing order; empty when it has none.

    A signature is intact only if the bytes it covers verify, its ``/Contents`` holds nothing
    beyond the CMS (the padding is not signed), and either it covers the whole file or what was
    added later is allowed by its document-modification policy.

    Never raises for bad input: an unreadable PDF yields one "invalid" verdict.
    """
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except Exception as exc:
        log.info("unreadable PDF: %r", exc)
        return [_broken("", DAMAGED_PDF)]
    return [_check_embedded(sig, trust) for sig in embedded]


def _check_embedded(sig: EmbeddedPdfSignature, trust: TrustSettings) -> SignatureVerdict:
    name = str(sig.field_name)
    try:
        status = validate_pdf_signature(sig, trust.context(), key_usage_settings=SIGNING_USAGE)
        strict: PdfSignatureStatus | None = None
        if trust.crls:
            strict = validate_pdf_signature(
                sig, trust.context(require_revocation=True), key_usage_settings=SIGNING_USAGE
            )
    except Exception as exc:
        # UNTRUSTED: pyHanko raises assorted types (AttributeError, NotImplementedError, …) on
        # malformed signatures; for a verifier any of them means "damaged", never a crash.
        log.info("signature %s unreadable: %r", name, exc)
        return _broken(name, DAMAGED_SIGNATURE)
    problem = _structure_problem(sig.signed_data, trust.roots) or _pdf_problem(sig, status)
    return _verdict(status, strict, name, problem, trust.at())


def _pdf_problem(sig: EmbeddedPdfSignature, status: PdfSignatureStatus) -> Msg | None:
    contents = sig.pkcs7_content
    used = len(cms.ContentInfo.load(contents).dump())
    if contents[used:].strip(b"\x00"):
        return Msg(
            f"vùng chữ ký chứa thêm dữ liệu lạ không thuộc chữ ký; không dùng tệp này, "
            f"{_ASK_AGAIN.vi}",
            f"the signature area holds extra data that is not part of the signature; do not use "
            f"this file, {_ASK_AGAIN.en}",
        )
    if status.coverage is SignatureCoverageLevel.ENTIRE_FILE:
        return None
    if status.coverage is SignatureCoverageLevel.ENTIRE_REVISION and status.docmdp_ok:
        return None  # a later signature or form filling, allowed by the signer
    return Msg(
        "tệp có nội dung được thêm hoặc sửa sau khi ký, phần đó không được chữ ký bảo đảm; hãy "
        "đề nghị gửi lại bản đã ký cuối cùng",
        "content was added or changed after signing and is not covered by the signature; ask "
        "for the final signed file again",
    )


def validate_detached(data: bytes, p7s: bytes, trust: TrustSettings) -> SignatureVerdict:
    """Check a detached CMS signature (DER, or PEM as openssl writes it) over ``data``."""
    try:
        # strict: bytes after the signature are refused, not ignored
        info = cms.ContentInfo.load(_der(p7s), strict=True)
        signed = info["content"]
        if info["content_type"].native != "signed_data" or not isinstance(signed, cms.SignedData):
            raise ValueError("not SignedData")
        status = asyncio.run(
            async_validate_detached_cms(
                data,
                signed,
                signer_validation_context=trust.context(),
                key_usage_settings=SIGNING_USAGE,
            )
        )
        strict = None
        if trust.crls:
            strict = asyncio.run(
                async_validate_detached_cms(
                    data,
                    signed,
                    signer_validation_context=trust.context(require_revocation=True),
                    key_usage_settings=SIGNING_USAGE,
                )
            )
    except Exception as exc:
        log.info("unreadable detached signature: %r", exc)
        return _broken("", DAMAGED_SIGNATURE)
    return _verdict(status, strict, "", _structure_problem(signed, trust.roots), trust.at())


def _der(p7s: bytes) -> bytes:
    if p7s.lstrip().startswith(b"-----BEGIN"):
        body = b"".join(line for line in p7s.strip().splitlines() if not line.startswith(b"-----"))
        return base64.b64decode(body)
    return p7s


def overall(verdicts: Sequence[SignatureVerdict]) -> TrustState:
    """The worst state among ``verdicts`` (INVALID when there is none)."""
    order = list(TrustState)
    if not verdicts:
        return TrustState.INVALID
    return max((v.trust for v in verdicts), key=order.index)
