"""A member's signed outputs from their workspace: one unit's sheet as a signed PDF and a workbook
with its detached signature, and the signed score package (.parscore) of every assigned unit.

The PDF is signed in the signature box its renderer reserved; the package carries the sheets as
views (signed PDFs, workbooks stamped with the submission id and the hash of its scores.json).
Each submission is recorded in the workspace's audit log with the one it replaces.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, ScoreField, Severity
from parapp.core.messages import Msg
from parapp.core.rounds import Unit
from parapp.io.packages.score_package import SUFFIX
from parapp.io.packages.scores_json import canonical_scores_json
from parapp.io.signing.signers import KeySource
from parapp.io.signing.validation import TrustSettings
from parapp.services import exports, rounds, signing
from parapp.services.context import RoundContext
from parapp.services.member_view import in_scope
from parapp.services.scoring import load_sheet
from parapp.services.signing import BuiltScorePackage, SignedFile
from parapp.store import rounds as round_store

log = logging.getLogger(__name__)

SUBMIT_ACTION = "submit_scores"
"""The audit action of a submission: ``new`` is its id, ``old`` the id it replaces."""


@dataclass(frozen=True)
class SignedSheet:
    """One unit's exported sheet: the signed PDF and the workbook's signature (either may be
    absent when it was not asked for)."""

    unit_id: str
    pdf: SignedFile | None
    xlsx: Path | None
    xlsx_signature: SignedFile | None


def workspace_member(ctx: RoundContext) -> str:
    """The member whose workspace ``ctx`` is.

    Raises:
        ValidationError: ``ctx`` is the secretary's round, not a member's workspace.
    """
    member = rounds.round_info(ctx).workspace_member_id
    if not member:
        raise ValidationError(
            Msg(
                "Đây là tệp đợt thẩm định của thư ký; hãy mở không gian làm việc của thành viên "
                "(tệp .parround mở từ gói .parpkg).",
                "This is the secretary's round file; open a member's workspace (the .parround "
                "opened from a .parpkg).",
            )
        )
    return member


def check_submission_id(text: str | None) -> str | None:
    """``text`` as a canonical UUID4 submission id (None passes through).

    Raises:
        ValidationError: not a UUID4.
    """
    if text is None:
        return None
    try:
        parsed = uuid.UUID(text.strip())
    except ValueError:
        parsed = None
    if parsed is None or parsed.version != 4:
        raise ValidationError(
            Msg(
                f"“{text}” không phải là mã nộp (UUID, ví dụ 3f2b…-…); xem mã trong thông báo "
                "của lần nộp trước hoặc bằng lệnh parapp verify.",
                f"“{text}” is not a submission id (a UUID, e.g. 3f2b…-…); see the message of the "
                "earlier submission or parapp verify.",
            )
        )
    return str(parsed)


def member_units(ctx: RoundContext, member_id: str) -> list[Unit]:
    """The units the member scores, in list order.

    Raises:
        ValidationError: unknown member.
    """
    scope = rounds.member_scope(ctx, member_id)
    return [unit for unit in rounds.list_units(ctx) if unit.id in scope]


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


def refusal_error(refusals: Sequence[Finding]) -> ValidationError:
    first = refusals[0].message
    return ValidationError(
        Msg(
            f"Chưa ký được: còn {len(refusals)} lỗi trong phiếu chấm phải sửa trước "
            f"(đầu tiên: {first.vi})",
            f"Cannot sign yet: {len(refusals)} error(s) in the score sheet must be corrected "
            f"first (first: {first.en})",
        )
    )


def export_signed_sheet(
    ctx: RoundContext,
    unit_id: str,
    key: KeySource,
    trust: TrustSettings,
    *,
    place: str,
    date: dt.date,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    tsa_url: str | None = None,
) -> SignedSheet:
    """Export the workspace member's sheet of one unit and sign it: the PDF in its signature box
    (PAdES), the workbook as ``FILE.xlsx.p7s`` beside it. Each file is re-read and checked.

    Raises:
        ValidationError: no file asked for, not a workspace, unit not the member's.
        SignatureError: key, PIN or certificate refused (expired, not yet valid: before any
            file is written), or a re-check failed (a PDF that failed is removed; the unsigned
            workbook stays, without its .p7s).
    """
    if pdf is None and xlsx is None:
        raise ValidationError(
            Msg(
                "Hãy chọn ít nhất một tệp để xuất (PDF hoặc Excel).",
                "Choose at least one file to export (PDF or Excel).",
            )
        )
    member = workspace_member(ctx)
    signing.check_key_before_signing(key, trust, ctx.clock())  # before any file is written
    signed_pdf = signature = None
    if pdf is not None:
        signed_pdf = _signed_pdf(ctx, member, unit_id, Path(pdf), key, trust, place, date, tsa_url)
    if xlsx is not None:
        exports.export_member_sheet_xlsx(ctx, member, unit_id, Path(xlsx), place=place, date=date)
        signature = signing.sign_xlsx_file(Path(xlsx), key, trust, tsa_url=tsa_url, clock=ctx.clock)
    return SignedSheet(unit_id, signed_pdf, None if xlsx is None else Path(xlsx), signature)


def _signed_pdf(
    ctx: RoundContext,
    member: str,
    unit_id: str,
    target: Path,
    key: KeySource,
    trust: TrustSettings,
    place: str,
    date: dt.date,
    tsa_url: str | None,
) -> SignedFile:
    exported = exports.export_member_sheet_pdf(ctx, member, unit_id, target, place=place, date=date)
    try:
        return signing.sign_pdf_file(
            target,
            key,
            trust,
            out=target,
            field_name=f"{signing.FIELD_PREFIX}1",
            page=exported.signature.page_index,
            box=exported.signature.box,
            tsa_url=tsa_url,
            clock=ctx.clock,
        )
    except BaseException:
        target.unlink(missing_ok=True)  # never leave an unsigned sheet under the signed name
        raise


def submit(
    ctx: RoundContext,
    key: KeySource,
    out: Path,
    trust: TrustSettings,
    *,
    place: str,
    date: dt.date | None = None,
    deprecated_id: str | None = None,
    submission_id: str | None = None,
    views: bool = True,
    tsa_url: str | None = None,
    member_id: str | None = None,
) -> BuiltScorePackage:
    """Build the workspace member's signed ``.parscore`` (``out``: the file, or a folder to
    name it in) for every assigned unit: scores.json,
    and with ``views`` each unit's sheet as a signed PDF and a workbook carrying the submission
    id and the hash of scores.json. ``deprecated_id`` names the submission this one corrects.
    The package is re-read and verified; the submission is recorded in the audit log.
    ``member_id`` defaults to the workspace's member.

    Raises:
        ValidationError: not a workspace, errors left in the member's scores (above the maximum,
            off the levels...), no unit assigned, bad ids, the certificate is not the one
            registered for the member.
        SignatureError: key, PIN or certificate refused (expired, not yet valid: before any
            file is written), or the re-check failed.
    """
    member = member_id or workspace_member(ctx)
    signing.check_key_before_signing(key, trust, ctx.clock())  # before any file is written
    refusals = refusals_before_signing(ctx, member)
    if refusals:
        raise refusal_error(refusals)
    deprecated_id = check_submission_id(deprecated_id)
    submission = check_submission_id(submission_id) or str(uuid.uuid4())
    if deprecated_id == submission:
        raise ValidationError(
            Msg("Một lần nộp không thể thay thế chính nó.", "A submission cannot replace itself.")
        )
    on = date or ctx.clock().date()
    pdfs: list[Path] = []
    workbooks: list[Path] = []
    target = Path(out)
    folder = target if target.suffix.lower() != SUFFIX else target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không tạo được thư mục {folder}: {exc.strerror}.",
                f"Cannot create the folder {folder}: {exc.strerror}.",
            )
        ) from None
    scratch = Path(tempfile.mkdtemp(prefix=".parscore-", dir=folder))
    try:
        if views:
            scores, unit_ids = signing.member_scores_all_units(ctx, member)
            digest = hashlib.sha256(canonical_scores_json(scores)).hexdigest()
            for unit_id in unit_ids:
                pdf = scratch / f"{unit_id}.pdf"
                _signed_pdf(ctx, member, unit_id, pdf, key, trust, place, on, tsa_url)
                pdfs.append(pdf)
                workbook = scratch / f"{unit_id}.xlsx"
                exports.export_member_sheet_xlsx(
                    ctx,
                    member,
                    unit_id,
                    workbook,
                    place=place,
                    date=on,
                    submission_id=submission,
                    scores_sha256=digest,
                )
                workbooks.append(workbook)
        built = signing.build_score_package(
            ctx,
            key,
            target,
            trust,
            member_id=member,
            xlsx=workbooks,
            pdf=pdfs,
            deprecated_id=deprecated_id,
            submission_id=submission,
            tsa_url=tsa_url,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    with ctx.db.transaction() as s:
        round_store.audit(
            s,
            at=built.manifest.created_at,
            actor=ctx.actor or member,
            action=SUBMIT_ACTION,
            field=member,
            old=deprecated_id,
            new=built.manifest.submission_id,
            source=built.path.name,
        )
    log.info(
        "submitted %s: member %s, %d units, replaces %s",
        built.path.name,
        member,
        len(built.units),
        deprecated_id or "-",
    )
    return built
