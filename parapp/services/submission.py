"""The scoring window's export, sign-and-submit and certificate actions, one function each.

``refusals_before_signing`` says what blocks a signature; ``sign_and_submit`` exports every unit's
sheet, signs and packages them with the member's scores in one key session (one PIN entry), then
verifies the written package again from disk.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, ScoreField, Severity
from parapp.core.messages import Msg
from parapp.core.rounds import Unit
from parapp.io.certificates import CreatedCertificate, grouped
from parapp.io.pkcs11_tokens import TokenCertificate, TokenInfo
from parapp.io.scores_json import scores_sha256
from parapp.io.signature_check import TrustState
from parapp.io.signing import KeySource, Pkcs12Key, TokenKey
from parapp.services import exports, rounds, signing, verify
from parapp.services.context import RoundContext
from parapp.services.member_view import in_scope
from parapp.services.scoring import load_sheet
from parapp.services.verify import VerifyReport

log = logging.getLogger(__name__)

__all__ = [
    "CreatedCertificate",
    "ExportedSheets",
    "KeySource",
    "ModuleHint",
    "Pkcs12Key",
    "Submission",
    "TokenCertificate",
    "TokenInfo",
    "TokenKey",
    "TrustState",
    "VerifyReport",
    "blocks_signing",
    "create_personal_certificate",
    "export_pdf_for_printing",
    "export_sheets",
    "grouped_fingerprint",
    "list_token_certificates",
    "list_tokens",
    "member_name",
    "member_units",
    "pkcs11_module_hints",
    "refusals_before_signing",
    "sheet_stem",
    "sign_and_submit",
]

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class ModuleHint:
    """A PKCS#11 module where a vendor's installer usually puts it (a hint, not a promise)."""

    vendor: str
    path: Path

    @property
    def exists(self) -> bool:
        """Whether the file is there on this computer."""
        return self.path.is_file()


# Where Vietnamese CAs' installers put their PKCS#11 modules (domain.md §10; the paths follow
# vieterp/esign.konek.vn src-tauri/src/pkcs11/library_paths.rs). Installers vary by version:
# the user can always browse to the file.
_WINDOWS_MODULES = (
    ("VNPT-CA", r"C:\vnpt-ca\cryptoki.dll"),
    ("Viettel-CA", r"C:\Viettel-CA\pkcs11.dll"),
    ("FPT-CA", r"C:\FPT-CA\pkcs11.dll"),
    ("OpenSC", r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll"),
    ("SoftHSM", r"C:\SoftHSM2\lib\softhsm2-x64.dll"),
)
_POSIX_MODULES = (
    ("VNPT-CA", "/usr/lib/vnpt-ca/libcryptoki.so"),
    ("Viettel-CA", "/usr/lib/viettel-ca/libpkcs11.so"),
    ("FPT-CA", "/usr/lib/fpt-ca/libpkcs11.so"),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
    ("SoftHSM", "/usr/lib/softhsm/libsofthsm2.so"),
)


def pkcs11_module_hints(platform: str = sys.platform) -> list[ModuleHint]:
    """Known vendor modules for ``platform``, those present on this computer first."""
    known = _WINDOWS_MODULES if platform.startswith("win") else _POSIX_MODULES
    hints = [ModuleHint(vendor, Path(path)) for vendor, path in known]
    return sorted(hints, key=lambda h: not h.exists)


def member_units(ctx: RoundContext, member_id: str) -> list[Unit]:
    """The units the member scores, in list order.

    Raises:
        ValidationError: unknown member.
    """
    scope = rounds.member_scope(ctx, member_id)
    return [unit for unit in rounds.list_units(ctx) if unit.id in scope]


def member_name(ctx: RoundContext, member_id: str) -> str:
    """The member's full name ("" when unknown), to prefill a new certificate."""
    return next((m.name for m in rounds.list_members(ctx) if m.id == member_id), "")


def blocks_signing(finding: Finding) -> bool:
    """Whether a finding forbids signing: an error about the member's own scores (above the
    maximum, below the minimum, a level the rule does not allow, off step, a total over its
    maximum, a score on an item that does not apply). Errors in the unit's self-scores do not:
    the member cannot correct them."""
    return finding.severity is Severity.ERROR and finding.field != ScoreField.SELF_SCORE


def refusals_before_signing(ctx: RoundContext, member_id: str) -> list[Finding]:
    """Every finding that blocks signing, over all the member's units, in unit then tree order.

    Raises:
        ValidationError: unknown member.
    """
    found: list[Finding] = []
    for unit in member_units(ctx, member_id):
        sheet = load_sheet(ctx, member_id, unit.id)
        found.extend(
            f
            for f in sheet.result.findings
            if f.node is not None and in_scope(f.node, sheet.areas) and blocks_signing(f)
        )
    return found


def _check_place(place: str) -> str:
    place = place.strip()
    if not place:
        raise ValidationError(
            Msg(
                "Hãy nhập địa danh ghi trước ngày tháng của phiếu (ví dụ: Thái Nguyên).",
                "Enter the place written before the sheet's date (for example: Thái Nguyên).",
            )
        )
    return place


def _make_folder(folder: Path) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không tạo được thư mục {folder}: {exc.strerror}.",
                f"Cannot create the folder {folder}: {exc.strerror}.",
            )
        ) from None
    return folder


def sheet_stem(unit_id: str, member_id: str) -> str:
    """The exported files' name without suffix: ``phieu-cham_<unit>_<member>``."""
    return _SAFE.sub("-", f"phieu-cham_{unit_id}_{member_id}").strip("-.")


@dataclass(frozen=True)
class ExportedSheets:
    """What one export wrote."""

    unit_id: str
    files: tuple[Path, ...]
    pdf_pages: int | None
    """Pages of the PDF, when one was written."""


def export_sheets(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    folder: Path,
    *,
    pdf: bool,
    xlsx: bool,
    place: str,
    date: dt.date,
) -> ExportedSheets:
    """Write the member's sheet of one unit as PDF and/or Excel into ``folder`` (created when
    missing), named ``phieu-cham_<unit>_<member>.pdf|.xlsx``; existing files are replaced.

    Raises:
        ValidationError: no format chosen, no place, a folder that cannot be created, unknown
            member or unit.
    """
    if not (pdf or xlsx):
        raise ValidationError(
            Msg("Hãy chọn ít nhất một định dạng: PDF hoặc Excel.", "Choose PDF, Excel or both.")
        )
    place = _check_place(place)
    folder = _make_folder(folder)
    stem = sheet_stem(unit_id, member_id)
    files: list[Path] = []
    pages: int | None = None
    if pdf:
        written = exports.export_member_sheet_pdf(
            ctx, member_id, unit_id, folder / f"{stem}.pdf", place=place, date=date
        )
        files.append(written.path)
        pages = written.pages
    if xlsx:
        book = exports.export_member_sheet_xlsx(
            ctx, member_id, unit_id, folder / f"{stem}.xlsx", place=place, date=date
        )
        files.append(book.path)
    return ExportedSheets(unit_id, tuple(files), pages)


def export_pdf_for_printing(
    ctx: RoundContext, member_id: str, unit_id: str, out: Path, *, place: str, date: dt.date
) -> exports.ExportedPdf:
    """Write the sheet PDF to print (``out`` is usually a temporary file).

    Raises:
        ValidationError: no place, unknown member or unit.
    """
    return exports.export_member_sheet_pdf(
        ctx, member_id, unit_id, out, place=_check_place(place), date=date
    )


@dataclass(frozen=True)
class Submission:
    """A written, re-verified score package."""

    path: Path
    submission_id: str
    units: tuple[str, ...]
    report: VerifyReport


def _refuse(refusals: Sequence[Finding]) -> ValidationError:
    first = refusals[0].message
    return ValidationError(
        Msg(
            f"Chưa ký được: còn {len(refusals)} lỗi trong phiếu chấm phải sửa trước "
            f"(đầu tiên: {first.vi})",
            f"Cannot sign yet: {len(refusals)} error(s) in the score sheet must be corrected "
            f"first (first: {first.en})",
        )
    )


def sign_and_submit(
    ctx: RoundContext,
    member_id: str,
    key: KeySource,
    folder: Path,
    *,
    place: str,
    date: dt.date | None = None,
    with_views: bool = True,
    ca_files: Sequence[Path] = (),
    deprecated_id: str | None = None,
) -> Submission:
    """Sign and package the member's scores of every assigned unit into ``folder`` (created when
    missing): with ``with_views`` each unit's sheet goes in as a PDF (signed, PAdES B-B) and a
    workbook whose ``_meta`` sheet carries this submission's id and scores hash. The key is
    opened once (a PIN is tried once). The package is verified again from disk.

    Raises:
        ValidationError: blocking findings remain (see ``refusals_before_signing``), no place,
            no unit assigned, a certificate other than the registered one.
        SignatureError: wrong passphrase or PIN, unfit certificate, signing failure.
    """
    refusals = refusals_before_signing(ctx, member_id)
    if refusals:
        raise _refuse(refusals)
    place = _check_place(place)
    day = date or ctx.clock().date()
    folder = _make_folder(folder)
    trust = signing.trust_settings(ca_files)
    scores, unit_ids = signing.member_scores_all_units(ctx, member_id)
    submission_id = str(uuid.uuid4())
    digest = scores_sha256(scores)
    with tempfile.TemporaryDirectory(prefix="parapp-views-") as tmp:
        pdfs: list[Path] = []
        books: list[Path] = []
        for unit_id in unit_ids if with_views else ():
            stem = Path(tmp) / _SAFE.sub("-", unit_id)
            pdfs.append(
                exports.export_member_sheet_pdf(
                    ctx, member_id, unit_id, stem.with_suffix(".pdf"), place=place, date=day
                ).path
            )
            books.append(
                exports.export_member_sheet_xlsx(
                    ctx,
                    member_id,
                    unit_id,
                    stem.with_suffix(".xlsx"),
                    place=place,
                    date=day,
                    submission_id=submission_id,
                    scores_sha256=digest,
                ).path
            )
        built = signing.build_score_package(
            ctx,
            key,
            folder,
            trust,
            member_id=member_id,
            xlsx=books,
            pdf=pdfs,
            submission_id=submission_id,
            deprecated_id=deprecated_id,
        )
    report = verify.verify_file(built.path, trust)
    log.info("submitted %s: %s, intact=%s", member_id, built.path.name, report.intact)
    return Submission(built.path, submission_id, built.units, report)


def create_personal_certificate(
    folder: Path, common_name: str, passphrase: str, confirmation: str
) -> CreatedCertificate:
    """Create the member's personal certificate (encrypted .p12 and .pem) in ``folder``, which
    is created when missing. The fingerprint (``info.sha256``) is what the secretary registers.

    Raises:
        ValidationError: the two passphrases differ, empty name, short passphrase, files exist.
    """
    if passphrase != confirmation:
        raise ValidationError(
            Msg("Hai lần nhập mật khẩu không khớp.", "The two passphrases do not match.")
        )
    return signing.create_certificate(_make_folder(folder), common_name, passphrase)


def list_tokens(module: Path) -> list[TokenInfo]:
    """Tokens present in a PKCS#11 module's slots (no PIN asked).

    Raises:
        SignatureError: the module cannot be loaded.
    """
    return signing.list_tokens(module)


def list_token_certificates(module: Path, token_label: str | None) -> list[TokenCertificate]:
    """The certificates a token shows without a PIN, the signer's before any CA's.

    Raises:
        SignatureError: token missing, module errors.
    """
    found = signing.list_token_certificates(module, token_label)
    return sorted(found, key=lambda c: _is_ca(c.certificate))


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def grouped_fingerprint(sha256_hex: str) -> str:
    """A fingerprint as people read it aloud: "AB:CD:…"."""
    return grouped(sha256_hex)
