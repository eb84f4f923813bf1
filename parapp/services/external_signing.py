"""Sign with another tool and bring it back (issue 15, item 5).

``export_for_signing`` writes the unsigned official PDF with the exact bytes parapp expects to be
signed and records their SHA-256, the fingerprint of the round data they show and the signers in
order; for a document with several signers (the minutes: secretary, then chair) the next export
is the file as the previous signer returned it. ``import_signed`` takes a PDF signed elsewhere
(vSignPDF, a token's own tool, a remote-signing service) and records it as signed only when it
begins with exactly those bytes, its one new signature is valid at its signing time with the
round's trust roots and CRLs, the signer holds the certificate registered for the person who
must sign next, nothing but validation data or a document timestamp was added after it, and the
round still shows the same content. Anything else is refused with the reason; the refusal is
recorded (``external_return``) and audited, and nothing else in the round changes.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import Member
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.signing.certificates import grouped
from parapp.io.signing.external_check import NOT_THE_EXPORT, check_return, starts_with
from parapp.io.signing.validation import SignatureVerdict, TrustSettings
from parapp.services import revocation, rounds
from parapp.services.context import RoundContext
from parapp.services.external_documents import DocRef, complete_params, parse_doc, render
from parapp.store import external as external_store
from parapp.store import rounds as round_store
from parapp.store.external import ACCEPTED, REFUSED, ExportedDocument, SignedReturn

log = logging.getLogger(__name__)

EXPORTED, PARTLY_SIGNED, SIGNED, SUPERSEDED = "exported", "partly_signed", "signed", "superseded"
OPEN_STATES = (EXPORTED, PARTLY_SIGNED)
MAX_PDF_BYTES = 200 * 1000**2
STATE_LABELS = {
    EXPORTED: Msg("đã xuất, chờ ký", "exported, awaiting signature"),
    PARTLY_SIGNED: Msg("đã ký một phần", "partly signed"),
    SIGNED: Msg("đã ký đủ", "fully signed"),
    SUPERSEDED: Msg("đã thay bằng bản xuất mới", "replaced by a newer export"),
}


@dataclass(frozen=True)
class ExportResult:
    """What was written: the document, the step (0: first signer) and who signs now."""

    document: ExportedDocument
    path: Path
    step: int
    signer_id: str
    signer_name: str
    sha256: str
    continued: bool
    """The file is the previous signer's return (not a fresh rendering)."""


@dataclass(frozen=True)
class ImportResult:
    """The outcome of an import: accepted (with the signer) or refused (with the reason)."""

    accepted: bool
    reason: Msg
    document: ExportedDocument | None
    step: int | None = None
    signer_id: str | None = None
    verdict: SignatureVerdict | None = None
    complete: bool = False
    """Every signer has signed."""
    already: bool = False
    """The same signed file had been recorded before (nothing new)."""


def _members(ctx: RoundContext) -> dict[str, Member]:
    return {m.id: m for m in rounds.list_members(ctx)}


def _check_signers(ctx: RoundContext, signers: tuple[str, ...]) -> None:
    members = _members(ctx)
    for member_id in signers:
        member = members.get(member_id)
        if member is None or not member.certificate_sha256:
            name = member.name if member else member_id
            raise ValidationError(
                Msg(
                    f"{name} chưa có chứng thư số đã đăng ký với đợt: parapp chưa thể nhận lại "
                    "tài liệu do người này ký (đăng ký bằng parapp trust hoặc round add-member "
                    "--cert).",
                    f"{name} has no certificate registered with the round: parapp could not "
                    "take back a document this person signs (register it with parapp trust or "
                    "round add-member --cert).",
                )
            )


def _accepted(ctx: RoundContext, document_id: int) -> list[SignedReturn]:
    with ctx.db.transaction() as s:
        return external_store.returns(s, document_id, accepted_only=True)


def export_for_signing(
    ctx: RoundContext, doc: str, out: Path, params: Mapping[str, str | None] | None = None
) -> ExportResult:
    """Write ``doc`` for the next signer into ``out`` and record it (audited).

    A document another signer must still sign, whose content the round still shows, goes out as
    the last signer returned it; otherwise it is rendered afresh (earlier open exports of it are
    superseded).

    Raises:
        ValidationError: unknown document, member or unit, a signer without a registered
            certificate, no meeting (minutes), results not official yet, the file cannot be
            written.
    """
    ref = parse_doc(doc)
    with ctx.db.transaction() as s:
        earlier = [d for d in external_store.documents(s, ref.text) if d.state in OPEN_STATES]
    current = earlier[-1] if earlier else None
    if current is not None and current.state == PARTLY_SIGNED:
        rendered = render(ctx, ref, current.params)
        if rendered.content_sha256 == current.content_sha256:
            return _continue(ctx, current, Path(out))
    stored = complete_params(ctx, ref, params or {})
    rendered = render(ctx, ref, stored)
    _check_signers(ctx, rendered.signers)
    sha = hashlib.sha256(rendered.data).hexdigest()
    _write(Path(out), rendered.data)
    document = ExportedDocument(
        0, ref.text, ref.kind.value, stored, ctx.now(), ctx.actor, Path(out).name, sha,
        len(rendered.data), rendered.content_sha256, rendered.signers, EXPORTED,
    )  # fmt: skip
    with ctx.db.transaction() as s:
        for old in earlier:
            external_store.set_state(s, old.id, SUPERSEDED)
        new_id = external_store.add_document(s, document)
        round_store.audit(
            s, at=document.exported_at, actor=ctx.actor, action="external_export",
            field=ref.text, new=f"sha256:{sha}", source=Path(out).name,
            reason=f"content sha256:{rendered.content_sha256}",
        )  # fmt: skip
    document = replace(document, id=new_id)
    signer = _members(ctx)[rendered.signers[0]]
    log.info("exported %s for signing (%s), %d bytes", ref.text, sha[:16], len(rendered.data))
    return ExportResult(document, Path(out), 0, signer.id, signer.name, sha, False)


def _write(out: Path, data: bytes) -> None:
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        raise ValidationError(
            Msg(f"Không ghi được {out}: {exc.strerror}.", f"Cannot write {out}: {exc.strerror}.")
        ) from None


def _continue(ctx: RoundContext, document: ExportedDocument, out: Path) -> ExportResult:
    with ctx.db.transaction() as s:
        last = external_store.latest_signed(s, document.id)
    assert last is not None
    assert last.data is not None
    assert last.step is not None
    step = last.step + 1
    _write(out, last.data)
    with ctx.db.transaction() as s:
        round_store.audit(
            s, at=ctx.now(), actor=ctx.actor, action="external_export", field=document.doc,
            new=f"sha256:{last.file_sha256}", source=out.name,
            reason=f"step {step + 1}/{len(document.signers)}",
        )  # fmt: skip
    signer = _members(ctx)[document.signers[step]]
    return ExportResult(document, out, step, signer.id, signer.name, last.file_sha256, True)


@dataclass(frozen=True)
class _Match:
    document: ExportedDocument
    step: int
    base_size: int
    base_sha256: str
    stale_step: bool


def _find(ctx: RoundContext, data: bytes) -> _Match | SignedReturn | None:
    """The open export ``data`` continues (the latest first), a return already recorded with
    these very bytes, or None."""
    sha = hashlib.sha256(data).hexdigest()
    with ctx.db.transaction() as s:
        docs = external_store.documents(s)
        every = external_store.returns(s, accepted_only=True)
    same = next((r for r in every if r.file_sha256 == sha), None)
    if same is not None:
        return same
    for document in reversed(docs):
        if document.state not in OPEN_STATES:
            continue
        bases = [(document.exported_size, document.exported_sha256)]
        bases += [(r.file_size, r.file_sha256) for r in every if r.document_id == document.id]
        for step in range(len(bases) - 1, -1, -1):
            size, base_sha = bases[step]
            if starts_with(data, size, base_sha):
                stale = step != len(bases) - 1
                return _Match(document, step, size, base_sha, stale)
    return None


def import_signed(ctx: RoundContext, pdf: Path, trust: TrustSettings) -> ImportResult:
    """Check ``pdf``, signed with another tool, and record it as signed, or record why it is
    refused. ``trust`` gets the round's CRLs added.

    Raises:
        ValidationError: the file cannot be read (nothing is recorded then).
    """
    path = Path(pdf)
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise ValidationError(
                Msg(f"{path.name} quá lớn để là một tài liệu ký.", f"{path.name} is too large.")
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không đọc được {path.name}: {exc.strerror}.",
                f"Cannot read {path.name}: {exc.strerror}.",
            )
        ) from None
    found = _find(ctx, data)
    if isinstance(found, SignedReturn):
        with ctx.db.transaction() as s:
            document = next(d for d in external_store.documents(s) if d.id == found.document_id)
        return ImportResult(
            True,
            Msg("tệp này đã được ghi nhận trước đó", "this file had been recorded before"),
            document,
            found.step,
            found.signer_member_id,
            already=True,
        )
    if found is None:
        return _refuse(ctx, path, data, None, None, NOT_THE_EXPORT)
    document = found.document
    if found.stale_step:
        who = _members(ctx).get(document.signers[found.step])
        name = who.name if who else document.signers[found.step]
        return _refuse(
            ctx, path, data, document, found.step,
            Msg(
                f"tệp được ký trên bản đã có người ký sau đó; {name} phải ký đúng tệp parapp "
                "xuất cho lượt ký này (parapp external export lại)",
                f"the file was signed over a copy that has been signed since; {name} must sign "
                "the file parapp exports for this turn (run parapp external export again)",
            ),
        )  # fmt: skip
    step = found.step
    if step >= len(document.signers):
        return _refuse(
            ctx, path, data, document, step,
            Msg("tài liệu đã được ký đủ", "the document has every signature already"),
        )  # fmt: skip
    ref = parse_doc(document.doc)
    if render(ctx, ref, document.params).content_sha256 != document.content_sha256:
        return _refuse(
            ctx, path, data, document, step,
            Msg(
                "nội dung của đợt đã thay đổi kể từ khi xuất tài liệu (điểm hoặc kết quả khác): "
                "tài liệu đã ký không còn đúng với đợt; hãy xuất lại và ký lại",
                "the round's content changed since the document was exported (other scores or "
                "results): the signed document no longer matches the round; export and sign it "
                "again",
            ),
        )  # fmt: skip
    checked = check_return(
        data,
        base_size=found.base_size,
        base_sha256=found.base_sha256,
        signatures_before=step,
        trust=revocation.with_round_crls(ctx, trust),
        not_before=datetime.fromisoformat(document.exported_at),
    )
    if checked.problem is not None:
        return _refuse(ctx, path, data, document, step, checked.problem, checked.verdict)
    verdict = checked.verdict
    assert verdict is not None
    expected = _members(ctx).get(document.signers[step])
    if expected is None or expected.certificate_sha256 != verdict.certificate_sha256:
        name = expected.name if expected else document.signers[step]
        return _refuse(
            ctx, path, data, document, step,
            Msg(
                f"người ký sai: chữ ký của {verdict.signer} (chứng thư "
                f"{grouped(verdict.certificate_sha256)[:23]}…), trong khi lượt ký này là của "
                f"{name} với chứng thư đã đăng ký",
                f"wrong signer: signed by {verdict.signer} (certificate "
                f"{grouped(verdict.certificate_sha256)[:23]}…), while this turn is {name}'s, with "
                "the registered certificate",
            ),
            verdict,
        )  # fmt: skip
    return _accept(ctx, path, data, document, step, checked.field_name, verdict)


def _accept(
    ctx: RoundContext,
    path: Path,
    data: bytes,
    document: ExportedDocument,
    step: int,
    field_name: str,
    verdict: SignatureVerdict,
) -> ImportResult:
    complete = step + 1 == len(document.signers)
    at = ctx.now()
    signed = SignedReturn(
        0, document.id, at, ctx.actor, path.name, hashlib.sha256(data).hexdigest(), len(data),
        ACCEPTED, "", "", step, document.signers[step], verdict.signer,
        verdict.certificate_sha256,
        verdict.signing_time.isoformat() if verdict.signing_time else None, field_name, data,
    )  # fmt: skip
    with ctx.db.transaction() as s:
        external_store.add_return(s, signed)
        external_store.set_state(s, document.id, SIGNED if complete else PARTLY_SIGNED)
        round_store.audit(
            s, at=at, actor=ctx.actor, action="external_signed", field=document.doc,
            new=document.signers[step], source=f"{path.name} sha256:{signed.file_sha256}",
            reason=f"step {step + 1}/{len(document.signers)}; {verdict.trust.value}",
        )  # fmt: skip
    log.info("%s signed by %s (step %d)", document.doc, document.signers[step], step + 1)
    member = _members(ctx)[document.signers[step]]
    left = len(document.signers) - step - 1
    reason = Msg(
        f"đã ghi nhận chữ ký của {member.name} ({verdict.trust.label.vi})"
        + ("; tài liệu đã ký đủ" if complete else f"; còn {left} người ký"),
        f"recorded the signature of {member.name} ({verdict.trust.label.en})"
        + ("; the document is fully signed" if complete else f"; {left} signer(s) to go"),
    )
    refreshed = replace(document, state=SIGNED if complete else PARTLY_SIGNED)
    return ImportResult(True, reason, refreshed, step, member.id, verdict, complete)


def _refuse(
    ctx: RoundContext,
    path: Path,
    data: bytes,
    document: ExportedDocument | None,
    step: int | None,
    reason: Msg,
    verdict: SignatureVerdict | None = None,
) -> ImportResult:
    at = ctx.now()
    signed = SignedReturn(
        0, document.id if document else None, at, ctx.actor, path.name,
        hashlib.sha256(data).hexdigest(), len(data), REFUSED, reason.vi, reason.en, step,
        None, verdict.signer if verdict else "",
        verdict.certificate_sha256 if verdict else None,
        verdict.signing_time.isoformat() if verdict and verdict.signing_time else None, "", None,
    )  # fmt: skip
    with ctx.db.transaction() as s:
        external_store.add_return(s, signed)
        round_store.audit(
            s, at=at, actor=ctx.actor, action="external_refused",
            field=document.doc if document else "",
            source=f"{path.name} sha256:{signed.file_sha256}", reason=reason.en,
        )  # fmt: skip
    log.info("refused signed file %s: %s", path.name, reason.en)
    return ImportResult(False, reason, document, step, None, verdict)


def documents(ctx: RoundContext) -> list[tuple[ExportedDocument, list[SignedReturn]]]:
    """Every export with the files brought back for it (and the unmatched ones under None)."""
    with ctx.db.transaction() as s:
        docs = external_store.documents(s)
        every = external_store.returns(s)
    return [(d, [r for r in every if r.document_id == d.id]) for d in docs]


def doc_ref(text: str) -> DocRef:
    """``parse_doc``, for the CLI."""
    return parse_doc(text)
