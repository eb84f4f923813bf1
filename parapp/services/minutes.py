"""The minutes of the council meeting (Biên bản họp Hội đồng thẩm định, ND30 Mẫu 1.9): written
and signed first by the secretary, then by the chair as a second, incremental PAdES signature on
the file the secretary signed (``parapp minutes ROUND --pdf FILE --as secretary|chair``).

The chair signs only the minutes of this round's meeting as the secretary signed them: the file
must begin with exactly the bytes parapp renders for that meeting, carry the secretary's intact
signature and nothing else. Who signs is checked against the member's registered certificate
before any file is written.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from parapp import paths
from parapp.core.errors import SignatureError, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import format_score
from parapp.core.rounds import Member
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.sheets import minutes_docx, minutes_pdf
from parapp.io.sheets.member_sheet import DEFAULT_BODY, Heading
from parapp.io.sheets.minutes_pdf import GroupRow, Minutes, MinutesItem, RenderedMinutes
from parapp.io.signing import signers as io_signing
from parapp.io.signing import validation
from parapp.io.signing.signers import KeySource
from parapp.io.signing.validation import SignatureVerdict, TrustSettings, TrustState
from parapp.services import meeting as meeting_service
from parapp.services import results, rounds, signing, stamp_images
from parapp.services.context import RoundContext
from parapp.services.meeting import CHOICE_LABELS, Choice, DecidedBy, MeetingRecord

log = logging.getLogger(__name__)

SECRETARY_FIELD = "ThuKy"
CHAIR_FIELD = "ChuToa"
REASON = "Ký biên bản họp Hội đồng thẩm định"


class Signer(StrEnum):
    """Who signs the minutes, in this order."""

    SECRETARY = "secretary"
    CHAIR = "chair"


@dataclass(frozen=True)
class SignedMinutes:
    """The minutes file and every signature on it, checked from disk."""

    path: Path
    verdicts: tuple[SignatureVerdict, ...]


def latest_meeting(ctx: RoundContext) -> MeetingRecord:
    """The round's last recorded meeting.

    Raises:
        ValidationError: no meeting yet.
    """
    found = meeting_service.meetings(ctx)
    if not found:
        raise ValidationError(
            Msg(
                "Chưa ghi nhận cuộc họp Hội đồng nào (parapp meeting ĐỢT …).",
                "No council meeting has been recorded yet (parapp meeting ROUND …).",
            )
        )
    return found[-1]


def _person(member: Member | None) -> str:
    if member is None:
        return ""
    return f"Ông/Bà {member.name}, {member.title}" if member.title else f"Ông/Bà {member.name}"


def _held(text: str) -> tuple[dt.date, str]:
    if len(text) > 10:
        when = dt.datetime.fromisoformat(text)
        return when.date(), f"{when:%H} giờ {when:%M} phút, ngày {when:%d/%m/%Y}"
    day = dt.date.fromisoformat(text)
    return day, f"Ngày {day:%d/%m/%Y}"


def build_minutes(
    ctx: RoundContext, record: MeetingRecord, *, parent_body: str | None = None, body: str = ""
) -> Minutes:
    """The minutes' content from the recorded meeting and the round's results."""
    stored = record.stored
    info = rounds.round_info(ctx)
    criteria_set = ctx.criteria_set()
    day, when = _held(stored.held_on)
    chair, secretary = record.member(stored.chair_id), record.member(stored.secretary_id)
    units = {u.id: u.name for u in rounds.list_units(ctx)}
    opening = (
        f"Thời gian: {when}.",
        f"Địa điểm: {stored.place}.",
        f"Chủ tọa: {_person(chair)}.",
        f"Thư ký: {_person(secretary)}.",
    )
    size = stored.council_size
    present = tuple(_person(m) for m in record.present)
    absent = tuple(f"{_person(m)} (vắng, không có ý kiến)" for m in record.absent)
    written = tuple(
        f"{_person(m)} (vắng, có ý kiến bằng văn bản: “{t}”)" for m, t in record.written
    )
    quorum = (
        f"Hội đồng có {size} thành viên; có mặt {len(record.present)}, có ý kiến bằng văn bản "
        f"{len(record.written)}. Quy tắc biểu quyết: {record.rule.label.vi}. Cuộc họp "
        + ("đủ điều kiện tiến hành." if record.quorate else "không đủ điều kiện biểu quyết."),
    )
    items = []
    scores = _member_scores(ctx, {(i.unit_id, i.node_code) for i in stored.items})
    for item in stored.items:
        tally = record.tally(item.subject)
        names = {
            c: [v.member_id for v in record.votes(item.subject) if v.choice == c] for c in Choice
        }
        votes = "; ".join(
            f"{CHOICE_LABELS[c].vi}: {len(names[c])}"
            + (f" ({', '.join(names[c])})" if names[c] else "")
            for c in Choice
        )
        shown = "Không áp dụng" if item.not_applicable else format_score(item.value)
        by = "biểu quyết" if item.decided_by == DecidedBy.VOTE else "Chủ tọa quyết định"
        node = criteria_set.node(item.node_code)
        items.append(
            MinutesItem(
                unit=units.get(item.unit_id, item.unit_id),
                item=f"{item.node_code} {node.name}",
                scores=scores.get((item.unit_id, item.node_code), "—"),
                votes=f"{votes}. Số phiếu được tính: {tally.counted_voters}.",
                decision=f"{shown} ({by})",
                reason=item.reason,
            )
        )
    outcome = results.round_results(ctx)
    groups = []
    for code, label in outcome.groups:
        rows = tuple(
            GroupRow(
                str(o.rank) if o.appraised else "",
                o.unit.name,
                format_score(o.result.achieved) if o.appraised else "",
                format_score(o.result.index) if o.appraised else "",
                o.result.classification if o.appraised else "",
            )
            for o in outcome.in_group(code)
        )
        groups.append((label, rows))
    if stored.approved:
        tally = record.tally("results")
        approval = (
            f"Hội đồng thông qua kết quả thẩm định Chỉ số CCHC năm {criteria_set.year} "
            f"({tally.agree}/{tally.counted_voters} ý kiến đồng ý; {record.rule.label.vi})."
        )
    else:
        approval = "Cuộc họp chưa thông qua kết quả; kết quả trên là kết quả tạm thời."
    return Minutes(
        heading=Heading(
            parent_body=parent_body if parent_body is not None else f"UBND tỉnh {stored.place}",
            body=body or DEFAULT_BODY,
            place=stored.place,
            date=day,
        ),
        number=stored.number,
        year=criteria_set.year,
        opening=opening,
        present=present,
        absent=absent,
        written=written,
        quorum=quorum,
        items=tuple(items),
        approval=approval,
        groups=tuple(groups),
        closing=(
            f"Cuộc họp kết thúc cùng ngày. Biên bản gồm {len(stored.items)} nội dung biểu quyết, "
            f"lập cho đợt “{info.name}”, đã được thông qua tại cuộc họp."
        ),
        secretary=secretary.name if secretary else "",
        chair=chair.name if chair else "",
        provisional=not stored.approved,
    )


def _member_scores(ctx: RoundContext, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each contested item's members' latest scores, as "m1: 4,00; m2: 2,00"."""
    from parapp.store import submissions as merge_store  # noqa: PLC0415

    latest: dict[tuple[str, str], dict[str, tuple[int, str]]] = {}
    with ctx.db.transaction() as s:
        for r in merge_store.stream_merged(s):
            if (r.unit_id, r.node_code) not in wanted:
                continue
            text = "KAD" if r.not_applicable else format_score(r.value)
            by_member = latest.setdefault((r.unit_id, r.node_code), {})
            if r.member_id not in by_member or by_member[r.member_id][0] < r.appraisal_round:
                by_member[r.member_id] = (r.appraisal_round, text)
    return {
        key: "; ".join(f"{m}: {v}" for m, (_, v) in sorted(found.items()))
        for key, found in latest.items()
    }


def render(ctx: RoundContext, **heading: str | None) -> RenderedMinutes:
    """The unsigned minutes of the latest meeting."""
    minutes = build_minutes(ctx, latest_meeting(ctx), **heading)  # type: ignore[arg-type]
    return minutes_pdf.render_minutes(minutes, paths.resource("fonts"))


def write_minutes(ctx: RoundContext, out: Path, **heading: str | None) -> RenderedMinutes:
    """Write the unsigned minutes (for reading before signing)."""
    rendered = render(ctx, **heading)
    write_bytes_atomic(Path(out), rendered.data)
    return rendered


def write_minutes_docx(ctx: RoundContext, out: Path, **heading: str | None) -> Path:
    """Write the latest meeting's minutes as an editable Word draft (the same content as the
    PDF; the official minutes stay the signed PDF)."""
    minutes = build_minutes(ctx, latest_meeting(ctx), **heading)  # type: ignore[arg-type]
    minutes_docx.write_minutes_docx(minutes, Path(out))
    return Path(out)


def _signer_member(record: MeetingRecord, who: Signer) -> Member:
    member_id = record.stored.secretary_id if who is Signer.SECRETARY else record.stored.chair_id
    member = record.member(member_id)
    assert member is not None  # recorded from the council
    return member


def _check_key(member: Member, key: KeySource, trust: TrustSettings, at: dt.datetime) -> None:
    with io_signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:
        sha = opened.info.sha256
    if member.certificate_sha256 and member.certificate_sha256 != sha:
        raise SignatureError(
            Msg(
                f"Chứng thư số này không phải chứng thư đã đăng ký của {member.name}.",
                f"This certificate is not the one registered for {member.name}.",
            )
        )


def sign_minutes(
    ctx: RoundContext,
    pdf: Path,
    who: Signer,
    key: KeySource,
    trust: TrustSettings,
    *,
    tsa_url: str | None = None,
    **heading: str | None,
) -> SignedMinutes:
    """The secretary writes and signs the minutes into ``pdf``; the chair then adds the second
    signature to that same file (incrementally). Every signature is checked from disk.

    Raises:
        ValidationError: no meeting; the chair signs before the secretary, or a file that is
            not these minutes as the secretary signed them.
        SignatureError: the wrong person's certificate, key or signing failures.
    """
    pdf = Path(pdf)
    record = latest_meeting(ctx)
    member = _signer_member(record, who)
    rendered = render(ctx, **heading)
    at = ctx.clock()
    if who is Signer.CHAIR:
        _check_signed_by_secretary(pdf, rendered, trust)
    _check_key(member, key, trust, at)
    box = rendered.secretary if who is Signer.SECRETARY else rendered.chair
    name = SECRETARY_FIELD if who is Signer.SECRETARY else CHAIR_FIELD
    with tempfile.TemporaryDirectory(prefix="parapp-minutes-") as folder:
        source = pdf
        if who is Signer.SECRETARY:
            source = Path(folder) / "bien-ban.pdf"
            source.write_bytes(rendered.data)
        signing.sign_pdf_file(
            source,
            key,
            trust,
            out=pdf,
            field_name=name,
            page=box.page_index,
            box=box.box,
            reason=REASON,
            location=record.stored.place,
            tsa_url=tsa_url,
            clock=ctx.clock,
            images=stamp_images.stamp_images(ctx, member.id),  # the signer's image (ND30)
        )
    verdicts = tuple(validation.validate_pdf(pdf.read_bytes(), trust))
    ctx_audit(ctx, who, pdf, record)
    log.info("minutes %s signed by the %s", record.stored.number, who.value)
    return SignedMinutes(pdf, verdicts)


def ctx_audit(ctx: RoundContext, who: Signer, pdf: Path, record: MeetingRecord) -> None:
    """Record the signature in the audit trail (it changes no score: allowed when frozen)."""
    from parapp.store import rounds as round_store  # noqa: PLC0415

    with ctx.db.transaction() as s:
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="sign_minutes",
            field=who.value,
            new=pdf.name,
            source=f"meeting {record.stored.number}",
        )


def _check_signed_by_secretary(pdf: Path, rendered: RenderedMinutes, trust: TrustSettings) -> None:
    try:
        data = pdf.read_bytes()
    except OSError:
        raise ValidationError(
            Msg(
                f"Chưa có {pdf.name}: thư ký ký biên bản trước (--as secretary).",
                f"{pdf.name} does not exist: the secretary signs the minutes first "
                "(--as secretary).",
            )
        ) from None
    verdicts = validation.validate_pdf(data, trust)
    fields = [v.field_name for v in verdicts]
    if not data.startswith(rendered.data) or fields != [SECRETARY_FIELD]:
        raise ValidationError(
            Msg(
                f"{pdf.name} không phải biên bản cuộc họp này do thư ký đã ký (hoặc đã có chữ ký "
                "khác): Chủ tọa chỉ ký vào đúng tệp thư ký đã ký.",
                f"{pdf.name} is not this meeting's minutes as the secretary signed them (or it "
                "carries other signatures): the chair signs exactly the file the secretary "
                "signed.",
            )
        )
    if not verdicts[0].intact or verdicts[0].trust is TrustState.INVALID:
        raise ValidationError(
            Msg(
                f"Chữ ký của thư ký trên {pdf.name} không hợp lệ.",
                f"The secretary's signature on {pdf.name} is not valid.",
            )
        )
