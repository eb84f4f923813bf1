"""Checks of a PDF signed with another tool (vSignPDF, a token's own tool, a remote-signing
service) against the bytes parapp exported for it.

The file must begin with exactly the bytes handed out (the exported PDF, or for a later signer
the file as the earlier signer returned it); the next signature must be the first revision on
top of them, so that it covers those bytes and nothing else was slipped in; it must be valid at
the time it was made; and any revision after it may only add validation data or a document
timestamp (pyHanko's difference analysis: ``ModificationLevel.NONE`` or ``LTA_UPDATES``).
Never raises for bad input: the problem is returned, in both languages.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    SuspiciousModification,
)

from parapp.core.messages import Msg
from parapp.io.signing import validation
from parapp.io.signing.validation import SignatureVerdict, TrustSettings, TrustState

log = logging.getLogger(__name__)

CLOCK_SKEW = timedelta(hours=24)
"""How far the signer's clock may be behind the export's before "signed before it was
exported" is refused (offices' laptops keep poor time)."""
ALLOWED_AFTER = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)

NOT_THE_EXPORT = Msg(
    "tệp đã ký không bắt đầu đúng bằng các byte parapp đã xuất để ký: chữ ký được đặt trên một "
    "nội dung khác (chỉ cần một byte khác). Hãy ký đúng tệp đã xuất, không mở ra sửa hay lưu lại.",
    "the signed file does not begin with exactly the bytes parapp exported for signing: the "
    "signature is over other content (one byte differs is enough). Sign the exported file as it "
    "is, without editing or re-saving it.",
)


@dataclass(frozen=True)
class ReturnCheck:
    """The outcome: the new signature's verdict (when one was found) and the problem, if any."""

    verdict: SignatureVerdict | None
    problem: Msg | None
    field_name: str = ""

    @property
    def ok(self) -> bool:
        """Nothing to refuse."""
        return self.problem is None


def starts_with(data: bytes, size: int, sha256: str) -> bool:
    """Whether ``data`` is longer than ``size`` bytes and its first ``size`` hash to ``sha256``."""
    return len(data) > size and hashlib.sha256(data[:size]).hexdigest() == sha256


def check_return(
    data: bytes,
    *,
    base_size: int,
    base_sha256: str,
    signatures_before: int,
    trust: TrustSettings,
    not_before: datetime | None = None,
) -> ReturnCheck:
    """Check the signature added to the handed-out bytes (``base_size``/``base_sha256``, which
    already carry ``signatures_before`` signatures).

    ``trust``'s roots and CRLs are used at the signing time (the timestamp's, else the time the
    signer's computer recorded); a signing time more than ``CLOCK_SKEW`` before ``not_before``
    (the export) is refused.
    """
    if not starts_with(data, base_size, base_sha256):
        return ReturnCheck(None, NOT_THE_EXPORT)
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        base_revisions = PdfFileReader(
            BytesIO(data[:base_size]), strict=False
        ).xrefs.total_revisions
        embedded = list(reader.embedded_regular_signatures)
    except Exception as exc:  # untrusted bytes
        log.info("signed return unreadable: %r", exc)
        return ReturnCheck(
            None, Msg("tệp PDF bị hỏng, không đọc được", "the PDF is damaged and cannot be read")
        )
    if len(embedded) <= signatures_before:
        return ReturnCheck(
            None,
            Msg(
                "tệp không có chữ ký mới nào trên nội dung đã xuất",
                "the file carries no new signature over the exported content",
            ),
        )
    if len(embedded) > signatures_before + 1:
        return ReturnCheck(
            None,
            Msg(
                f"tệp có {len(embedded) - signatures_before} chữ ký mới; mỗi lần chỉ nhận một "
                "chữ ký, theo đúng thứ tự người ký",
                f"the file carries {len(embedded) - signatures_before} new signatures; one "
                "signature is taken at a time, in the signers' order",
            ),
        )
    sig = embedded[signatures_before]
    name = str(sig.field_name)
    try:
        signed_revision = sig.signed_revision
        last_revision = reader.xrefs.total_revisions - 1
    except Exception as exc:
        log.info("signature %s unreadable: %r", name, exc)
        return ReturnCheck(None, Msg("chữ ký bị hỏng", "the signature is damaged"), name)
    if signed_revision != base_revisions:
        return ReturnCheck(
            None,
            Msg(
                "giữa nội dung đã xuất và chữ ký còn có thay đổi khác (một lần lưu thêm trước "
                "khi ký): chữ ký không phủ đúng nội dung đã xuất",
                "there is another change between the exported content and the signature (a "
                "save before signing): the signature does not cover exactly the exported content",
            ),
            name,
        )
    if signed_revision < last_revision:
        problem = _later_updates(sig)
        if problem is not None:
            return ReturnCheck(None, problem, name)
    verdict = _verdict_at_signing_time(data, signatures_before, trust)
    if verdict is None:
        return ReturnCheck(None, Msg("chữ ký bị hỏng", "the signature is damaged"), name)
    if not verdict.intact or verdict.trust is TrustState.INVALID:
        reason = verdict.problem or verdict.trust.label
        return ReturnCheck(
            verdict,
            Msg(f"chữ ký không hợp lệ: {reason.vi}", f"the signature is not valid: {reason.en}"),
            name,
        )
    if verdict.trust is TrustState.SIGNER_NOT_TRUSTED:
        reason = verdict.problem or verdict.trust.label
        return ReturnCheck(
            verdict,
            Msg(
                f"chưa xác minh được người ký: {reason.vi}",
                f"the signer could not be confirmed: {reason.en}",
            ),
            name,
        )
    when = verdict.signing_time
    if not_before is not None and when is not None and when < not_before - CLOCK_SKEW:
        return ReturnCheck(
            verdict,
            Msg(
                f"thời điểm ký ({when:%d/%m/%Y %H:%M}) trước lúc tài liệu được xuất "
                f"({not_before:%d/%m/%Y %H:%M})",
                f"the signing time ({when:%d/%m/%Y %H:%M}) is before the document was exported "
                f"({not_before:%d/%m/%Y %H:%M})",
            ),
            name,
        )
    return ReturnCheck(verdict, None, name)


def _later_updates(sig: object) -> Msg | None:
    """What a revision after the signature changed, when it is more than validation data or a
    document timestamp."""
    try:
        sig.compute_integrity_info(DEFAULT_DIFF_POLICY)  # type: ignore[attr-defined]
        diff = sig.diff_result  # type: ignore[attr-defined]
    except Exception as exc:  # untrusted structure
        log.info("difference analysis failed: %r", exc)
        diff = SuspiciousModification(str(exc))
    if isinstance(diff, SuspiciousModification):
        level = ModificationLevel.OTHER
    else:
        level = diff.modification_level
    if level in ALLOWED_AFTER:
        return None
    kinds = {
        ModificationLevel.FORM_FILLING: Msg("điền biểu mẫu", "form filling"),
        ModificationLevel.ANNOTATIONS: Msg("thêm chú thích", "annotations"),
    }
    kind = kinds.get(level, Msg("sửa nội dung", "other changes to the content"))
    return Msg(
        f"sau chữ ký, tệp còn được cập nhật thêm ({kind.vi}); chỉ chấp nhận cập nhật bổ sung "
        "dữ liệu kiểm tra hiệu lực hoặc dấu thời gian",
        f"the file was updated after the signature ({kind.en}); only updates that add validation "
        "data or a document timestamp are accepted",
    )


def _verdict_at_signing_time(
    data: bytes, index: int, trust: TrustSettings
) -> SignatureVerdict | None:
    """The signature's verdict, validated a second time at the time it claims (or its
    timestamp's): "valid at its signing time"."""
    first = validation.validate_pdf(data, trust)
    if len(first) <= index:
        return None
    when = first[index].signing_time
    if when is None or not first[index].intact:
        return first[index]
    again = validation.validate_pdf(data, replace(trust, moment=when))
    return again[index] if len(again) > index else None
