"""Round-1 notices (Thông báo kết quả thẩm định lần 1): each unit's round-1 result, item by item,
as a PDF signed by the secretary (PAdES) with a workbook beside it, for one unit or all units in
one action with progress. Each issue is recorded (table ``notice``) and audited.

The round-1 figures are computed from the members' round-1 scores only (a later round never
leaks in), consolidated by the round's rule with the secretary's decisions, plus the survey and
agency points: ``round1_unit``, which the explanation form uses as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from parapp import paths
from parapp.core import scoring
from parapp.core.consolidation import Consolidated, MemberScore, consolidate
from parapp.core.criteria import Assessor
from parapp.core.errors import ValidationError
from parapp.core.explanations import NoticeRecord
from parapp.core.file_names import unique_stem
from parapp.core.messages import Msg
from parapp.core.progress import Progress, no_progress
from parapp.core.rounds import Phase, RoundKind, SelfAssessment, Unit
from parapp.core.scoring import LeafEntry, UnitResult
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.sheets.member_sheet import DEFAULT_BODY, Heading
from parapp.io.sheets.notice import NoticeSheet, build_notice, secretary_signer
from parapp.io.sheets.notice_pdf import render_notice_pdf
from parapp.io.sheets.notice_xlsx import render_notice_xlsx
from parapp.io.signing.signers import KeySource
from parapp.io.signing.stamp import StampImages
from parapp.io.signing.validation import TrustSettings, TrustState
from parapp.io.workbooks.self_form_text import format_evidence
from parapp.services import rounds, signing, stamp_images
from parapp.services.context import RoundContext
from parapp.services.scoring import evidence_label
from parapp.store import explanations as explanation_store
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import self_assessments as self_store
from parapp.store import submissions as merge_store

log = logging.getLogger(__name__)

NOTICE_ACTION = "notice"
NOTICE_REASON = "Thông báo kết quả thẩm định lần 1"
NOTICE_PHASES = (Phase.ROUND_1, Phase.EXPLANATION)


@dataclass(frozen=True)
class Round1Unit:
    """One unit's round-1 picture: self-assessment, the consolidated round-1 items and the
    engine's totals over them."""

    unit: Unit
    selfs: Mapping[str, SelfAssessment]
    items: Mapping[str, Consolidated]
    """Council leaf -> its round-1 consolidation."""
    entries: Mapping[str, LeafEntry]
    result: UnitResult
    comments: Mapping[str, str]

    def round1(self, code: str) -> Consolidated | None:
        """The consolidated round-1 score of a council leaf (None: not a council leaf)."""
        return self.items.get(code)


@dataclass(frozen=True)
class IssuedNotice:
    """One unit's notice: the signed PDF, the workbook, the items below the self-score."""

    unit_id: str
    pdf: Path
    xlsx: Path
    below_self: tuple[str, ...]
    signer: str
    trust: TrustState


def _unit(ctx: RoundContext, unit_id: str) -> Unit:
    with ctx.db.transaction() as s:
        unit = round_store.unit(s, unit_id)
    if unit is None:
        raise ValidationError(
            Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
        )
    return unit


def round1_unit(ctx: RoundContext, unit_id: str) -> Round1Unit:
    """The unit's round-1 result from the members' round-1 scores (round 2 never counts).

    Raises:
        ValidationError: unknown unit.
    """
    unit = _unit(ctx, unit_id)
    criteria_set = ctx.criteria_set()
    with ctx.db.transaction() as s:
        rule, threshold = merge_store.settings(s)
        scores = [x for x in score_store.for_unit(s, unit_id) if x.appraisal_round == 1]
        components = score_store.components(s, unit_id)
        selfs = self_store.load(s, unit_id)
        decisions = {
            code: stored.resolution
            for (owner, code), stored in merge_store.resolutions(s).items()
            if owner == unit_id
        }
    entries: dict[str, LeafEntry] = {}
    for code, own in selfs.items():
        if criteria_set.has(code) and criteria_set.node(code).is_leaf:
            entries[code] = LeafEntry(
                self_score=own.self_score,
                figure=own.figure,
                evidence=tuple(evidence_label(r) for r in own.evidence),
            )
    for c in components:
        entries[c.node_code] = replace(
            entries.get(c.node_code, scoring.EMPTY_ENTRY), appraised=c.value, figure=c.figure
        )
    items: dict[str, Consolidated] = {}
    comments: dict[str, str] = {}
    for leaf in criteria_set.leaves():
        if leaf.assessor is not Assessor.COUNCIL or not scoring.applies_in_set(
            criteria_set, leaf.code, unit.unit_type
        ):
            continue
        given = [x for x in scores if x.node_code == leaf.code]
        member_scores = tuple(MemberScore(x.member_id, x.value, x.not_applicable) for x in given)
        decision = decisions.get(leaf.code)
        items[leaf.code] = result = consolidate(member_scores, rule, threshold, decision)
        notes = dict.fromkeys(x.comment.strip() for x in given if x.comment.strip())
        if decision is not None:
            notes = {decision.reason: None, **notes}
        comments[leaf.code] = "; ".join(notes)
        if result.value is None and not result.not_applicable:
            continue
        entries[leaf.code] = replace(
            entries.get(leaf.code, scoring.EMPTY_ENTRY),
            appraised=result.value,
            not_applicable=result.not_applicable,
            comment=comments[leaf.code],
        )
    result_all = scoring.score_unit(criteria_set, unit.id, unit.unit_type, entries)
    return Round1Unit(unit, selfs, items, entries, result_all, comments)


def check_deadline(text: str) -> dt.date:
    """``YYYY-MM-DD`` as a date.

    Raises:
        ValidationError: not such a date.
    """
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            Msg(
                f"Hạn giải trình “{text}” không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ "
                "2026-12-20.",
                f"The deadline “{text}” is not valid; write it as YYYY-MM-DD, e.g. 2026-12-20.",
            )
        ) from None


def build_unit_notice(
    ctx: RoundContext,
    unit_id: str,
    *,
    deadline: dt.date,
    place: str,
    date: dt.date,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
) -> NoticeSheet:
    """The notice of one unit, ready to render."""
    view = round1_unit(ctx, unit_id)
    info = rounds.round_info(ctx)
    evidence = {code: format_evidence(own.evidence) for code, own in view.selfs.items()}
    return build_notice(
        ctx.criteria_set(),
        view.unit,
        view.result,
        view.entries,
        evidence,
        heading=Heading(
            f"UBND tỉnh {place}" if parent_body is None else parent_body, body, place, date
        ),
        signer=secretary_signer(rounds.list_members(ctx)),
        deadline=deadline,
        round_id=info.id,
        round_name=info.name,
    )


def _check_round(ctx: RoundContext, deadline: dt.date, date: dt.date) -> None:
    info = rounds.round_info(ctx)
    if info.kind is not RoundKind.ROUND:
        raise ValidationError(
            Msg(
                "Thông báo kết quả lần 1 lập từ tệp đợt thẩm định của thư ký, không từ gói "
                "thành viên.",
                "Round-1 notices are issued from the secretary's round file, not a member "
                "workspace.",
            )
        )
    if info.phase not in NOTICE_PHASES:
        raise ValidationError(
            Msg(
                f"Đợt đang ở giai đoạn “{info.phase.label.vi}”: thông báo kết quả lần 1 chỉ lập "
                "trong giai đoạn thẩm định lần 1 hoặc giải trình.",
                f"The round is in “{info.phase.label.en}”: round-1 notices are issued only "
                "during appraisal round 1 or the explanation phase.",
            )
        )
    if deadline < date:
        raise ValidationError(
            Msg(
                f"Hạn giải trình {deadline:%d/%m/%Y} đã qua so với ngày thông báo {date:%d/%m/%Y}.",
                f"The deadline {deadline:%d/%m/%Y} is before the notice's date {date:%d/%m/%Y}.",
            )
        )


def issue_notices(
    ctx: RoundContext,
    out_dir: Path,
    key: KeySource,
    trust: TrustSettings,
    *,
    deadline: dt.date,
    unit_ids: Sequence[str] | None = None,
    place: str,
    date: dt.date | None = None,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
    tsa_url: str | None = None,
    progress: Progress | None = None,
) -> list[IssuedNotice]:
    """Write ``out_dir/<unit>.pdf`` (signed by the secretary, PAdES) and ``<unit>.xlsx`` for
    each unit (``unit_ids`` None: every unit, in list order); record and audit each.

    The key is checked before any file is written; each PDF is re-read and validated. A unit
    that fails, or a cancel through ``progress`` (between units), stops the run: the units
    done before it stay issued and recorded, whole; nothing half-written stays.

    Raises:
        ValidationError: unknown unit, wrong phase, a deadline before the notice's date, the
            folder cannot be created.
        SignatureError: key, PIN or certificate refused, or a re-check failed.
    """
    on = date or ctx.clock().date()
    _check_round(ctx, deadline, on)
    units = rounds.list_units(ctx)
    if unit_ids is not None:
        known = {u.id: u for u in units}
        for unit_id in unit_ids:
            _unit(ctx, unit_id)
        units = [known[u] for u in dict.fromkeys(unit_ids)]
    fingerprint = signing.check_key_before_signing(key, trust, ctx.clock())  # before any file
    images = _signer_images(ctx, fingerprint)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không tạo được thư mục {folder}: {exc.strerror}.",
                f"Cannot create the folder {folder}: {exc.strerror}.",
            )
        ) from None
    fonts = paths.resource("fonts")
    issued: list[IssuedNotice] = []
    steps = progress or no_progress()
    for done, unit in enumerate(units):
        steps.step(
            done,
            len(units),
            Msg(f"Thông báo cho {unit.id} – {unit.name}", f"Notice to {unit.id} – {unit.name}"),
        )
        notice = build_unit_notice(
            ctx, unit.id, deadline=deadline, place=place, date=on, parent_body=parent_body,
            body=body,
        )  # fmt: skip
        stem = unique_stem(unit.id)  # "CON" or "A." would not be a file on Windows
        pdf, xlsx = folder / f"{stem}.pdf", folder / f"{stem}.xlsx"
        rendered = render_notice_pdf(notice, fonts)
        write_bytes_atomic(pdf, rendered.data)
        try:
            signed = signing.sign_pdf_file(
                pdf,
                key,
                trust,
                out=pdf,
                field_name=f"{signing.FIELD_PREFIX}1",
                page=rendered.signature.page_index,
                box=rendered.signature.box,
                reason=NOTICE_REASON,
                location=place,
                tsa_url=tsa_url,
                clock=ctx.clock,
                images=images,
            )
        except BaseException:
            pdf.unlink(missing_ok=True)  # never an unsigned notice under the signed name
            raise
        workbook = render_notice_xlsx(notice)
        write_bytes_atomic(xlsx, workbook)
        record = NoticeRecord(
            unit_id=unit.id,
            issued_at=ctx.now(),
            deadline=deadline,
            pdf_name=pdf.name,
            pdf_sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(),
            xlsx_sha256=hashlib.sha256(workbook).hexdigest(),
            signer=signed.verdict.signer,
            actor=ctx.actor,
        )
        with ctx.db.transaction() as s:
            explanation_store.add_notice(s, record)
            round_store.audit(
                s,
                at=record.issued_at,
                actor=ctx.actor,
                action=NOTICE_ACTION,
                unit_id=unit.id,
                field="deadline",
                new=deadline.isoformat(),
                source=f"{pdf.name} sha256:{record.pdf_sha256}",
            )
        issued.append(
            IssuedNotice(
                unit.id, pdf, xlsx, notice.below_self, signed.verdict.signer, signed.verdict.trust
            )
        )
        log.info("notice of %s issued to %s (%d below self)", unit.id, pdf, len(notice.below_self))
    steps.step(len(units), len(units), Msg("Đã xong", "Done"))
    return issued


def notices_sent(ctx: RoundContext) -> dict[str, NoticeRecord]:
    """Unit id -> the latest notice issued to it."""
    with ctx.db.transaction() as s:
        return {n.unit_id: n for n in explanation_store.notices(s)}


def _signer_images(ctx: RoundContext, fingerprint: str) -> StampImages | None:
    """The signature image of the council member whose registered certificate signs (ND30,
    as on the minutes); None (a text stamp) for a certificate no member registered."""
    for member in rounds.list_members(ctx):
        if member.certificate_sha256 == fingerprint:  # both lower-case hex of the DER
            return stamp_images.stamp_images(ctx, member.id)
    return None
