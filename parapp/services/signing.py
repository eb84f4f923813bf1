"""Signing actions: sign a PDF, sign a workbook (FILE.xlsx.p7s), build a member's signed score
package, create a personal certificate, list a token's certificates.

Every signature is re-opened and validated before success is reported (stack.md §4). Trust
roots are the bundled ``resources/certs/*.pem`` plus CA files the user gives; never the OS list.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from parapp import paths
from parapp.core.errors import SignatureError, ValidationError
from parapp.core.messages import Msg
from parapp.core.pin_state import PinState, locked_message, pin_warning
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, canonical_scores_json
from parapp.io.signing import signers as signing
from parapp.io.signing import tokens as pkcs11_tokens
from parapp.io.signing import validation as signature_check
from parapp.io.signing.certificates import (
    CreatedCertificate,
    KeyType,
    create_personal_certificate,
    load_certificates,
    load_crl,
    load_pkcs12,
)
from parapp.io.signing.signers import KeySource, OpenedSigner, PdfPlacement, Pkcs12Key, TokenKey
from parapp.io.signing.stamp import StampImages, stamp_lines
from parapp.io.signing.validation import SignatureVerdict, TrustSettings, TrustState
from parapp.services import exports, rounds
from parapp.services.context import RoundContext, system_clock

log = logging.getLogger(__name__)

__all__ = [
    "KeySource",
    "KeyType",
    "Pkcs12Key",
    "SignedFile",
    "TokenKey",
    "build_score_package",
    "check_key_before_signing",
    "create_certificate",
    "list_token_certificates",
    "list_tokens",
    "sign_pdf_file",
    "sign_xlsx_file",
    "token_pin_warning",
    "trust_settings",
]

PDF_REASON = "Xác nhận phiếu chấm điểm"
FIELD_PREFIX = "ChuKy"
_SAFE_STEM = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class SignedFile:
    """A file signed and checked again from disk: where, and the verdict of that check."""

    path: Path
    verdict: SignatureVerdict


@dataclass(frozen=True)
class BuiltScorePackage:
    """A written and re-verified score package."""

    path: Path
    manifest: ScoreManifest
    verdict: SignatureVerdict
    units: tuple[str, ...]


def trust_settings(ca_files: Sequence[Path] = (), crl_files: Sequence[Path] = ()) -> TrustSettings:
    """The bundled roots (``resources/certs/*.pem``) plus ``ca_files``, and CRLs (DER) to check.

    Raises:
        ValidationError: a CA file holds no certificate, or a CRL file cannot be read.
    """
    bundled = sorted(paths.resource("certs").glob("*.pem"))
    roots = [cert for path in (*bundled, *ca_files) for cert in load_certificates(path)]
    crls = tuple(load_crl(path) for path in crl_files)
    return TrustSettings(tuple(roots), crls)


def check_key_before_signing(key: KeySource, trust: TrustSettings, at: datetime) -> str:
    """Open the key once and check its certificate at ``at`` (validity period, usage, issuer),
    before an action writes any file: an expired or not yet valid certificate stops it here,
    with nothing touched. A token is logged in once with the PIN given (never retried).
    Returns the certificate's SHA-256 (hex), which names the registered member it belongs to.

    Raises:
        SignatureError: wrong passphrase or PIN, no key, or an unfit certificate
            ("Chứng thư số đã hết hạn ngày dd/mm/yyyy …").
    """
    with signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:
        log.info("certificate %s fit to sign at %s", opened.info.sha256[:16], at.isoformat())
        return str(opened.info.sha256)


def _refuse_after_check(path: Path, verdict: SignatureVerdict | None) -> SignatureError:
    problem = verdict.problem if verdict and verdict.problem else Msg("không có chữ ký", "unsigned")
    return SignatureError(
        Msg(
            f"Đã ký {path.name} nhưng kiểm tra lại không đạt ({problem.vi}); tệp đã bị xóa.",
            f"{path.name} was signed but failed its re-check ({problem.en}); it was removed.",
        )
    )


def _when(at: datetime) -> str:
    offset = at.strftime("%z")
    return f"{at.strftime('%d/%m/%Y %H:%M:%S')} (GMT{offset[:3]}:{offset[3:]})"


def _read_bytes(source: Path) -> bytes:
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không đọc được {Path(source).name}: {exc.strerror}.",
                f"Cannot read {Path(source).name}: {exc.strerror}.",
            )
        ) from None


def _sign_read_bytes(
    pdf: bytes,
    opened: OpenedSigner,
    at: datetime,
    *,
    field_name: str | None,
    page: int,
    box: tuple[float, float, float, float] | None,
    reason: str,
    location: str,
    tsa_url: str | None,
    images: StampImages | None = None,
) -> bytes:
    name = field_name or signing.next_field_name(pdf, FIELD_PREFIX)
    stamp = stamp_lines(opened.info.subject, _when(at), reason)
    return signing.sign_pdf(
        pdf,
        opened,
        PdfPlacement(name, page, box),
        stamp,
        paths.resource("fonts"),
        reason=reason,
        location=location,
        tsa_url=tsa_url,
        images=images,
    )


def sign_pdf_file(
    source: Path,
    key: KeySource,
    trust: TrustSettings,
    *,
    out: Path | None = None,
    field_name: str | None = None,
    page: int = -1,
    box: tuple[float, float, float, float] | None = None,
    reason: str = PDF_REASON,
    location: str = "",
    tsa_url: str | None = None,
    clock: Callable[[], datetime] = system_clock,
    images: StampImages | None = None,
) -> SignedFile:
    """Sign a PDF (PAdES B-B, or B-T with ``tsa_url``) with a visible stamp into ``out``
    (default ``<name>-signed.pdf`` beside it), then re-read the file and validate it.

    Raises:
        ValidationError: unreadable source.
        SignatureError: key, PIN, certificate or signing failure; the re-check failed.
    """
    source = Path(source)
    target = Path(out) if out is not None else source.with_name(f"{source.stem}-signed.pdf")
    pdf = _read_bytes(source)
    at = clock()
    with signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:
        signed = _sign_read_bytes(
            pdf,
            opened,
            at,
            field_name=field_name,
            page=page,
            box=box,
            reason=reason,
            location=location,
            tsa_url=tsa_url,
            images=images,
        )
    write_bytes_atomic(target, signed)
    verdicts = signature_check.validate_pdf(target.read_bytes(), trust)
    last = verdicts[-1] if verdicts else None
    if last is None or not last.intact or last.trust is TrustState.INVALID:
        target.unlink(missing_ok=True)
        raise _refuse_after_check(target, last)
    log.info("signed %s -> %s (%s)", source.name, target.name, last.trust)
    return SignedFile(target, last)


def sign_xlsx_file(
    source: Path,
    key: KeySource,
    trust: TrustSettings,
    *,
    tsa_url: str | None = None,
    clock: Callable[[], datetime] = system_clock,
) -> SignedFile:
    """Write ``FILE.xlsx.p7s`` beside the workbook: a detached CMS (DER) over its exact bytes,
    which ``openssl cms -verify -binary -inform DER`` accepts; then check it from disk.

    Raises:
        ValidationError: unreadable workbook.
        SignatureError: key, PIN, certificate or signing failure; the re-check failed.
    """
    source = Path(source)
    data = _read_bytes(source)
    target = source.with_name(source.name + ".p7s")
    at = clock()
    with signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:
        p7s = signing.sign_detached(data, opened, at=at, tsa_url=tsa_url)
    write_bytes_atomic(target, p7s)
    verdict = signature_check.validate_detached(source.read_bytes(), target.read_bytes(), trust)
    if not verdict.intact or verdict.trust is TrustState.INVALID:
        target.unlink(missing_ok=True)
        raise _refuse_after_check(target, verdict)
    log.info("signed %s -> %s (%s)", source.name, target.name, verdict.trust)
    return SignedFile(target, verdict)


def _member_id(ctx: RoundContext, member_id: str | None) -> str:
    info = rounds.round_info(ctx)
    chosen = member_id or info.workspace_member_id
    if not chosen:
        raise ValidationError(
            Msg(
                "Hãy mở không gian làm việc của thành viên (hoặc chỉ rõ thành viên) để đóng gói "
                "phiếu chấm điểm.",
                "Open the member's workspace (or name the member) to package the scores.",
            )
        )
    return chosen


def member_scores_all_units(ctx: RoundContext, member_id: str) -> tuple[MemberScores, list[str]]:
    """The member's appraisals of every assigned unit, in one canonical scores document.

    Raises:
        ValidationError: unknown member, or no unit assigned.
    """
    order = [u.id for u in rounds.list_units(ctx)]
    scope = rounds.member_scope(ctx, member_id)
    unit_ids = [u for u in order if u in scope]
    if not unit_ids:
        raise ValidationError(
            Msg(
                f"Thành viên “{member_id}” chưa được phân công đơn vị nào.",
                f"Member “{member_id}” has no unit assigned.",
            )
        )
    per_unit = [exports.member_scores(ctx, member_id, unit_id) for unit_id in unit_ids]
    first = per_unit[0]
    units = {unit_id: s.units[unit_id] for unit_id, s in zip(unit_ids, per_unit, strict=True)}
    combined = MemberScores(
        first.form_id,
        first.form_version,
        first.round_id,
        first.member_id,
        first.appraisal_round,
        units,
    )
    return combined, unit_ids


def _view_names(files: Sequence[Path], suffix: str) -> dict[str, Path]:
    if len(files) == 1:
        return {f"{score_package.VIEW_STEM}{suffix}": Path(files[0])}
    named: dict[str, Path] = {}
    for path in files:
        stem = _SAFE_STEM.sub("-", Path(path).stem).strip("-.")[:56] or "tep"
        name = f"{score_package.VIEW_STEM}-{stem}{suffix}"
        counter = 2
        while name in named:
            name = f"{score_package.VIEW_STEM}-{stem}-{counter}{suffix}"
            counter += 1
        named[name] = Path(path)
    return named


def build_score_package(
    ctx: RoundContext,
    key: KeySource,
    out: Path,
    trust: TrustSettings,
    *,
    member_id: str | None = None,
    xlsx: Sequence[Path] = (),
    pdf: Sequence[Path] = (),
    deprecated_id: str | None = None,
    submission_id: str | None = None,
    tsa_url: str | None = None,
) -> BuiltScorePackage:
    """Build the member's signed ``.parscore``: scores of every assigned unit, the given
    workbooks and PDFs as views (an unsigned PDF is signed here with the same key), the manifest
    and its detached signature. ``out`` is a file or an existing folder. The package is re-read
    and verified before returning.

    Raises:
        ValidationError: no member or unit; unreadable view; a PDF view that fails its check;
            a certificate other than the one registered for the member.
        SignatureError: key, PIN, certificate or signing failure; the re-check failed.
    """
    member = _member_id(ctx, member_id)
    scores, unit_ids = member_scores_all_units(ctx, member)
    at = ctx.clock()
    submission = submission_id or str(uuid.uuid4())
    manifest = ScoreManifest(
        scores.form_id,
        scores.form_version,
        scores.round_id,
        member,
        submission,
        deprecated_id,
        at.isoformat(timespec="seconds"),
    )
    target = Path(out)
    if target.is_dir():
        target = target / manifest.file_name()
    files: dict[str, bytes] = {SCORES: canonical_scores_json(scores)}
    files.update({name: _read_bytes(p) for name, p in _view_names(xlsx, ".xlsx").items()})
    with signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:
        _check_registered(ctx, member, opened.info.sha256)
        for name, path in _view_names(pdf, ".pdf").items():
            files[name] = _signed_view(_read_bytes(path), path, opened, at, trust)

        def sign(manifest_bytes: bytes) -> bytes:
            return signing.sign_detached(manifest_bytes, opened, at=at, tsa_url=tsa_url)

        written = score_package.write_score_package(target, manifest, files, sign)
    check = score_package.check_score_package(target, trust)
    if not check.intact or check.signature is None:
        target.unlink(missing_ok=True)
        raise _refuse_after_check(target, check.signature)
    log.info(
        "score package %s: member %s, %d units, scores %s",
        target.name,
        member,
        len(unit_ids),
        hashlib.sha256(files[SCORES]).hexdigest()[:16],
    )
    return BuiltScorePackage(target, written, check.signature, tuple(unit_ids))


def _check_registered(ctx: RoundContext, member_id: str, sha256: str) -> None:
    member = next((m for m in rounds.list_members(ctx) if m.id == member_id), None)
    registered = member.certificate_sha256 if member else None
    if registered and registered != sha256:
        raise ValidationError(
            Msg(
                f"Chứng thư số đang dùng ({sha256[:16]}…) không phải chứng thư đã đăng ký cho "
                f"thành viên “{member_id}” ({registered[:16]}…).",
                f"The certificate in use ({sha256[:16]}…) is not the one registered for member "
                f"“{member_id}” ({registered[:16]}…).",
            )
        )


def _signed_view(
    pdf: bytes, path: Path, opened: OpenedSigner, at: datetime, trust: TrustSettings
) -> bytes:
    verdicts = signature_check.validate_pdf(pdf, trust)
    if not verdicts:
        pdf = _sign_read_bytes(
            pdf,
            opened,
            at,
            field_name=None,
            page=-1,
            box=None,
            reason=PDF_REASON,
            location="",
            tsa_url=None,
        )
        verdicts = signature_check.validate_pdf(pdf, trust)
    if not verdicts or not all(v.intact for v in verdicts):
        raise ValidationError(
            Msg(
                f"Tệp {path.name} có chữ ký không còn nguyên vẹn: không đóng gói.",
                f"{path.name} carries a signature that is no longer intact: not packaged.",
            )
        )
    return pdf


def create_certificate(
    folder: Path,
    common_name: str,
    passphrase: str,
    *,
    key_type: KeyType = KeyType.RSA,
    organization: str = "",
    email: str = "",
    ca_key: Pkcs12Key | None = None,
    clock: Callable[[], datetime] = system_clock,
) -> CreatedCertificate:
    """Create a member's personal signing certificate in ``folder`` (the user's profile folder):
    an encrypted PKCS#12 and the public certificate; self-signed unless a local CA signs it.
    The result's ``info.sha256`` is the fingerprint the secretary registers.

    Raises:
        ValidationError: empty name, short passphrase, files exist.
        SignatureError: the CA file cannot be opened or cannot issue.
    """
    issuer = load_pkcs12(ca_key.path, ca_key.passphrase) if ca_key is not None else None
    return create_personal_certificate(
        folder,
        common_name,
        passphrase,
        now=clock(),
        key_type=key_type,
        organization=organization,
        email=email,
        issuer=issuer,
    )


def list_tokens(module: Path) -> list[pkcs11_tokens.TokenInfo]:
    """Tokens present in a PKCS#11 module's slots.

    Raises:
        SignatureError: the module cannot be loaded.
    """
    return pkcs11_tokens.list_tokens(module)


def list_token_certificates(
    module: Path, token_label: str | None = None, pin: str | None = None
) -> list[pkcs11_tokens.TokenCertificate]:
    """Certificates on a token (which have keys, when ``pin`` is given: tried once).

    Raises:
        SignatureError: token missing, wrong PIN, module errors.
    """
    return pkcs11_tokens.list_certificates(module, token_label, pin)


def token_pin_warning(module: Path, token_label: str | None = None) -> Msg | None:
    """What to tell the user **before** asking for the token's PIN, read from its flags (a wrong
    PIN was entered; the final try before it locks); None when nothing is to be said.

    Raises:
        SignatureError: the token is locked (never tried), missing, or the module fails.
    """
    label, state = pkcs11_tokens.read_pin_state(module, token_label)
    if state is PinState.LOCKED:
        raise SignatureError(locked_message(label))
    return pin_warning(state, label)
