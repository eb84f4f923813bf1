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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.signing.certificates import CreatedCertificate, grouped
from parapp.io.signing.signers import KeySource, Pkcs12Key, TokenKey
from parapp.io.signing.tokens import TokenCertificate, TokenInfo
from parapp.io.signing.validation import TrustState
from parapp.services import exports, resubmission, rounds, signed_outputs, signing, verify
from parapp.services.context import RoundContext
from parapp.services.signed_outputs import (
    blocks_signing,
    member_units,
    refusals_before_signing,
)
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


def member_name(ctx: RoundContext, member_id: str) -> str:
    """The member's full name ("" when unknown), to prefill a new certificate."""
    return next((m.name for m in rounds.list_members(ctx) if m.id == member_id), "")


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
    missing, after the certificate is checked) through ``signed_outputs.submit`` (which refuses
    while blocking findings remain), then verify the written package again from disk for the dialog.

    Raises:
        ValidationError: blocking findings remain, no place, no unit assigned, a certificate
            other than the registered one, not this member's workspace.
        SignatureError: wrong passphrase or PIN, unfit certificate, signing failure.
    """
    trust = signing.trust_settings(ca_files)
    if deprecated_id is None:  # a corrected re-submission replaces the last one signed here
        last = resubmission.last_submission(ctx, member_id)
        deprecated_id = last.submission_id if last is not None else None
    built = signed_outputs.submit(
        ctx,
        key,
        Path(folder),  # created by submit once the certificate is found fit to sign
        trust,
        place=_check_place(place),
        date=date,
        deprecated_id=deprecated_id,
        views=with_views,
        member_id=member_id,
    )
    report = verify.verify_file(built.path, trust)
    log.info("submitted %s: %s, intact=%s", member_id, built.path.name, report.intact)
    m = built.manifest
    resubmission.remember(ctx, member_id, m.submission_id, m.created_at, built.path.name)
    return Submission(built.path, built.manifest.submission_id, built.units, report)


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
