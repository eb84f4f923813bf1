"""The whole demo year on a round of its own: ``2026-so-ca-nam.parround``.

The department round is built again under its own id (``year.Variant``) with the members' round-1
work, then carried to the end of the year through the services, as a secretary would:

1. round 1 merged from the members' signed score packages;
2. a signed notice to every unit (``notices/<CODE>.pdf`` and ``.xlsx``), deadline a week on;
3. phase "Giải trình": six units fill their explanation forms as a unit would (the proposed
   score, an explanation, a new evidence PDF cited at its page 2, the leader's approval) and
   send them (``explanations/<CODE>.xlsx``, the new files in ``explanations/tai-lieu-moi``);
   each is imported;
4. phase "Thẩm định lần 2": round-2 packages to the appraisers of the explained items, scored
   (the first explained item of each unit accepted, the other kept) and submitted signed
   (``round2/``), then merged;
5. the secretary sends two items the units still dispute to the council; the meeting (one
   member absent with a written opinion) votes: the first carries, the second is split and the
   chair decides; the results are approved;
6. the minutes signed by the secretary then the chair (``meeting/bien-ban.pdf``), the results
   (``results/ket-qua.pdf`` signed by the secretary, ``results/ket-qua.xlsx``), the draft
   announcement (``results/du-thao-quyet-dinh.pdf`` and its annex workbook);
7. the round frozen (its archive is written beside it).

Deterministic as the rest of the demo: the demo's scripted clock (or the caller's fixed one), ids
derived from fixed names, choices made in set and unit order.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from parapp import paths
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import format_score
from parapp.core.rounds import MemberRole, Phase
from parapp.io.sheets import evidence_pdf
from parapp.io.sheets.evidence_pdf import EvidenceDocument
from parapp.io.signing.validation import TrustSettings
from parapp.io.workbooks import explanation_form as form_layout
from parapp.io.workbooks.explanation_form import FormItem
from parapp.services import (
    announce,
    explanations,
    meeting,
    merge,
    minutes,
    notices,
    packages,
    reports,
    round2,
    rounds,
    scoring,
    signed_outputs,
    signing,
)
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import data
from parapp.services.demo.pki import DEMO_PASSPHRASE, DemoPki
from parapp.services.demo.result import DemoRound, WholeYear
from parapp.services.demo.workspaces import SUBMISSIONS_DIR, WORKSPACES_DIR
from parapp.services.meeting import ItemInput, MeetingInput, Votes
from parapp.services.signing import Pkcs12Key
from parapp.services.signing import trust_settings as make_trust

log = logging.getLogger(__name__)

SUFFIX = "ca-nam"
ROUND_NAME_SUFFIX = " — cả năm"
ROUND1_DIR = "round1"
"""The whole year's round-1 packages, workspaces and submissions."""
NOTICES_DIR = "notices"
EXPLANATIONS_DIR = "explanations"
NEW_EVIDENCE_DIR = "tai-lieu-moi"
ROUND2_DIR = "round2"
MEETING_DIR = "meeting"
RESULTS_DIR = "results"
MINUTES_FILE = "bien-ban.pdf"
RESULTS_PDF = "ket-qua.pdf"
RESULTS_XLSX = "ket-qua.xlsx"
ANNOUNCEMENT_PDF = "du-thao-quyet-dinh.pdf"
ANNOUNCEMENT_XLSX = "du-thao-quyet-dinh-phu-luc.xlsx"

EXPLAINING = ("STP", "SCT", "SYT", "SGDDT", "SNV", "STC")
"""Units that explain, first choices (others with items below their self-score fill in)."""
LEADERS = (
    "Nguyễn Văn Hùng",
    "Trần Thị Lan",
    "Lê Minh Tuấn",
    "Phạm Thị Hoa",
    "Đỗ Văn Nam",
    "Vũ Thị Hạnh",
)
"""The leaders who approve the six forms (made up, as every name in the demo)."""
UNITS_EXPLAINING = 6
ITEMS_PER_UNIT = 2
NEW_PAGE = 2
"""The page of the new evidence that holds the explained item."""
MINUTES_NUMBER = "01/BB-HĐTĐ"
ABSENT = "UV-STC"
"""The member absent from the meeting, who sends a written opinion."""
WRITTEN_OPINION = (
    "Tôi vắng mặt do đi công tác; nhất trí với kết quả thẩm định lần 2 của các tổ thẩm định "
    "và đồng ý thông qua kết quả Chỉ số CCHC năm 2026."
)
ACCEPTED_COMMENT = "Tài liệu kiểm chứng mới đủ căn cứ: chấp nhận điểm đề nghị của đơn vị."
KEPT_COMMENT = "Tài liệu mới chưa chứng minh được kết quả thực hiện: giữ nguyên điểm lần 1."
REFER_NOTE = "Đơn vị giữ đề nghị sau thẩm định lần 2; thư ký chuyển Hội đồng xem xét."
VOTE_NOTE = "Hội đồng xem xét tài liệu kiểm chứng mới và thống nhất với đề nghị của đơn vị."
SPLIT_NOTE = "Ý kiến Hội đồng chưa thống nhất; Chủ tọa quyết định giữ kết quả thẩm định lần 2."
DEADLINE_DAYS = 7


def _at(day: tuple[int, int, int], hour: int, minute: int = 0) -> datetime:
    return datetime(*day, hour, minute, tzinfo=data.TZ)


# The timeline after round 1 (members submit on 18/12/2026).
MERGE_1 = _at((2026, 12, 19), 8)
NOTICES_AT = _at((2026, 12, 21), 9)
EXPLANATION_PHASE = _at((2026, 12, 21), 11)
APPROVED_ON = dt.date(2026, 12, 26)
IMPORTED = _at((2026, 12, 28), 14)
ROUND_2 = _at((2026, 12, 29), 8)
ROUND2_PACKAGES = _at((2026, 12, 29), 9)
ROUND2_SCORING = _at((2026, 12, 30), 9)
ROUND2_SUBMITTED = _at((2026, 12, 31), 16)
MERGE_2 = _at((2027, 1, 4), 8)
REFERRED = _at((2027, 1, 5), 9)
MEETING_HELD = "2027-01-08 08:30"
MEETING_RECORDED = _at((2027, 1, 8), 11)
MINUTES_SECRETARY = _at((2027, 1, 8), 15)
MINUTES_CHAIR = _at((2027, 1, 9), 9)
RESULTS_AT = _at((2027, 1, 11), 9)
FROZEN_AT = _at((2027, 1, 12), 8)


class _Clock:
    """The demo's scripted clock (a second further on every reading), or the caller's."""

    def __init__(self, fixed: Callable[[], datetime] | None) -> None:
        self._fixed = fixed
        self._now = MERGE_1

    def set(self, when: datetime) -> None:
        self._now = when

    def __call__(self) -> datetime:
        if self._fixed is not None:
            return self._fixed()
        now = self._now
        self._now += dt.timedelta(seconds=1)
        return now


def _role(role: MemberRole) -> str:
    return next(m.id for m in data.COUNCIL if m.role is role)


def carry_on(
    outdir: Path, built: DemoRound, pki: DemoPki, fixed: Callable[[], datetime] | None
) -> WholeYear:
    """Carry the whole year's round (built to round 1 with submissions) to the frozen round.

    Raises:
        ValidationError: a step the demo relies on did not go as planned (a demo bug).
    """
    outdir = Path(outdir)
    clock = _Clock(fixed)
    trust = make_trust([pki.ca_pem])
    secretary, chair = _role(MemberRole.SECRETARY), _role(MemberRole.CHAIR)

    def key(member: str) -> Pkcs12Key:
        return Pkcs12Key(pki.members[member].p12_path, DEMO_PASSPHRASE)

    with open_round(built.path, clock=clock, actor=secretary) as ctx:
        _merge(ctx, built.submissions, trust)

        clock.set(NOTICES_AT)
        issued = notices.issue_notices(
            ctx,
            outdir / NOTICES_DIR,
            key(secretary),
            trust,
            deadline=NOTICES_AT.date() + dt.timedelta(days=DEADLINE_DAYS),
            place=data.PROVINCE,
            date=NOTICES_AT.date(),
        )
        clock.set(EXPLANATION_PHASE)
        rounds.advance_phase(
            ctx, Phase.EXPLANATION, "Đã gửi thông báo kết quả lần 1; các đơn vị giải trình."
        )
        forms, new_files = _explanations(ctx, outdir / EXPLANATIONS_DIR, clock)

        clock.set(ROUND_2)
        rounds.advance_phase(
            ctx, Phase.ROUND_2, "Đã nhận giải trình của các đơn vị; bắt đầu thẩm định lần 2."
        )
        clock.set(ROUND2_PACKAGES)
        round2_packages = _round2_packages(ctx, outdir / ROUND2_DIR / "packages")

    round2_submissions = tuple(
        _round2_member(member, package, outdir / ROUND2_DIR, key(member), trust, fixed)
        for member, package in round2_packages
    )

    with open_round(built.path, clock=clock, actor=secretary) as ctx:
        clock.set(MERGE_2)
        _merge(ctx, round2_submissions, trust)
        clock.set(REFERRED)
        referred = _refer(ctx)
        clock.set(MEETING_RECORDED)
        _meeting(ctx, referred, chair, secretary)

        minutes_pdf = outdir / MEETING_DIR / MINUTES_FILE
        minutes_pdf.parent.mkdir(parents=True, exist_ok=True)
        clock.set(MINUTES_SECRETARY)
        minutes.sign_minutes(ctx, minutes_pdf, minutes.Signer.SECRETARY, key(secretary), trust)
        clock.set(MINUTES_CHAIR)
        minutes.sign_minutes(ctx, minutes_pdf, minutes.Signer.CHAIR, key(chair), trust)

        clock.set(RESULTS_AT)
        folder = outdir / RESULTS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        exported = reports.export_results(
            ctx,
            xlsx=folder / RESULTS_XLSX,
            pdf=folder / RESULTS_PDF,
            place=data.PROVINCE,
            date=RESULTS_AT.date(),
        )
        assert exported.pdf is not None
        assert exported.xlsx is not None
        signing.sign_pdf_file(
            exported.pdf,
            key(secretary),
            trust,
            out=exported.pdf,
            field_name="ThuKy",
            reason="Ký bảng tổng hợp kết quả thẩm định",
            location=data.PROVINCE,
            clock=ctx.clock,
        )
        announce.write_announcement(
            ctx,
            pdf=folder / ANNOUNCEMENT_PDF,
            xlsx=folder / ANNOUNCEMENT_XLSX,
            province=data.PROVINCE,
            date=RESULTS_AT.date(),
        )
        clock.set(FROZEN_AT)
        rounds.advance_phase(
            ctx, Phase.FROZEN, "Hội đồng đã thông qua kết quả; chốt điểm năm 2026."
        )
    log.info("demo whole year built: %s", built.path.name)
    return WholeYear(
        round=built,
        notices=tuple(i.pdf for i in issued),
        explanations=forms,
        new_evidence=new_files,
        round2_packages=tuple(p for _, p in round2_packages),
        round2_submissions=round2_submissions,
        referred=referred,
        minutes=minutes_pdf,
        results_pdf=exported.pdf,
        results_xlsx=exported.xlsx,
        announcement=folder / ANNOUNCEMENT_PDF,
        announcement_xlsx=folder / ANNOUNCEMENT_XLSX,
    )


def _demo_bug(what: str) -> ValidationError:
    return ValidationError(Msg(f"Dữ liệu minh họa: {what}.", f"Demo data: {what}."))


def _merge(ctx: RoundContext, files: Sequence[Path], trust: TrustSettings) -> None:
    report = merge.merge_submissions(ctx, files, trust)
    if not report.ok or not files:
        refused = "; ".join(f"{f.path.name}: {f.reason.en}" for f in report.files)
        raise _demo_bug(f"merge refused ({refused or 'no file'})")


# Explanations ---------------------------------------------------------------------------------


def _explainable(ctx: RoundContext, unit_id: str) -> list[FormItem]:
    """The unit's items below its self-score whose self-score is a valid proposal."""
    criteria_set = ctx.criteria_set()
    unit_type = next(u.unit_type for u in rounds.list_units(ctx) if u.id == unit_id)
    chosen: list[FormItem] = []
    for item in explanations.form_items(ctx, unit_id, only_below=True):
        value = item.self_score
        if value is None or item.round1 is None:
            continue
        if meeting.off_rule(ctx, unit_type, item.code, value) is None and criteria_set.has(
            item.code
        ):
            chosen.append(item)
    return chosen[:ITEMS_PER_UNIT]


def _explaining_units(ctx: RoundContext) -> list[tuple[str, list[FormItem]]]:
    units = [u.id for u in rounds.list_units(ctx)]
    order = [u for u in EXPLAINING if u in units] + [u for u in units if u not in EXPLAINING]
    chosen: list[tuple[str, list[FormItem]]] = []
    for unit_id in order:
        items = _explainable(ctx, unit_id)
        if items:
            chosen.append((unit_id, items))
        if len(chosen) == UNITS_EXPLAINING:
            return chosen
    raise _demo_bug(f"only {len(chosen)} units have items to explain")


def _explanations(
    ctx: RoundContext, folder: Path, clock: _Clock
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Each explaining unit fills its form and sends it with a new evidence PDF; imported."""
    evidence = folder / NEW_EVIDENCE_DIR
    evidence.mkdir(parents=True, exist_ok=True)
    specs = {s.id: s for s in data.DEPARTMENTS}
    names = {u.id: u.name for u in rounds.list_units(ctx)}
    forms: list[Path] = []
    files: list[Path] = []
    for unit_id, items in _explaining_units(ctx):
        spec = specs[unit_id]
        new_file = evidence / f"GT-{unit_id}-2026.pdf"
        _new_evidence(new_file, spec, names[unit_id], items)
        form = folder / f"{unit_id}.xlsx"
        explanations.export_form(ctx, unit_id, form, only_below=True)
        _fill(form, LEADERS[len(forms)], _leader_title(names[unit_id]), items, new_file.name)
        clock.set(IMPORTED + dt.timedelta(minutes=10 * len(forms)))
        explanations.import_form(ctx, form, unit_id=unit_id, evidence_dir=evidence)
        forms.append(form)
        files.append(new_file)
    return tuple(forms), tuple(files)


def _explanation(item: FormItem) -> str:
    return (
        f"Đơn vị đã hoàn thành nội dung “{item.name.rstrip('.')}” trong năm; kèm theo văn bản "
        f"chứng minh (trang {NEW_PAGE}). Đề nghị Hội đồng công nhận điểm tự chấm "
        f"{format_score(item.self_score or Decimal(0))}."
    )


def _new_evidence(path: Path, spec: data.UnitSpec, name: str, items: Sequence[FormItem]) -> None:
    """A two-page PDF: a cover letter, then (page 2) what backs each explained item."""
    detail = "\n".join(
        f"{i.code}. {i.name.rstrip('.')}: đã thực hiện đầy đủ, có văn bản kèm theo." for i in items
    )
    document = EvidenceDocument(
        issuer=spec.issuer,
        number=f"{len(spec.id) + 10:02d}/BC-{spec.symbol}",
        title="Báo cáo giải trình kết quả thẩm định Chỉ số CCHC năm 2026 (lần 1)",
        place_date=f"{spec.place}, ngày 26 tháng 12 năm 2026",
        pages=[
            f"{name} giải trình các nội dung Hội đồng thẩm định chấm thấp hơn điểm tự đánh "
            "giá, kèm theo tài liệu kiểm chứng bổ sung ở trang sau.",
            detail,
        ],
    )
    evidence_pdf.write(document, path, paths.resource("fonts"))


def _leader_title(unit_name: str) -> str:
    if unit_name.startswith("Sở "):
        return f"Giám đốc {unit_name}"
    if unit_name.startswith(("Văn phòng", "Thanh tra")):
        return f"Chánh {unit_name[0].lower()}{unit_name[1:]}"
    return f"Trưởng {unit_name[0].lower()}{unit_name[1:]}"


def _fill(form: Path, leader: str, title: str, items: Sequence[FormItem], file_name: str) -> None:
    """What the unit types into its form: proposals, explanations, citations, the approval."""
    workbook = load_workbook(form)
    sheet = workbook[form_layout.SHEET_FORM]
    row = form_layout.APPROVAL_ROW
    sheet.cell(row, 3).value = leader
    sheet.cell(row + 1, 3).value = title
    sheet.cell(row + 2, 3).value = APPROVED_ON.strftime("%d/%m/%Y")
    wanted = {i.code: i for i in items}
    for r in range(form_layout.HEADER_ROW + 1, sheet.max_row + 1):
        item = wanted.get(str(sheet.cell(r, form_layout.CODE).value or "").strip())
        if item is None:
            continue
        sheet.cell(r, form_layout.PROPOSED).value = item.self_score  # typed as a number
        sheet.cell(r, form_layout.EXPLANATION).value = _explanation(item)
        sheet.cell(r, form_layout.EVIDENCE).value = f"{file_name}, tr. {NEW_PAGE}"
    workbook.save(form)


# Round 2 --------------------------------------------------------------------------------------


def _round2_packages(ctx: RoundContext, folder: Path) -> list[tuple[str, Path]]:
    """A round-2 package for each member who appraises an explained item."""
    from parapp.services.demo.year import demo_uuid  # noqa: PLC0415 - the builder's ids

    built: list[tuple[str, Path]] = []
    form_id = ctx.criteria_set().form_id
    for member in data.COUNCIL:
        if not round2.package_units(ctx, member.id, rounds.member_scope(ctx, member.id)):
            continue
        package_id = str(demo_uuid("package", SUFFIX, "round2", form_id, member.id))
        info = packages.build_member_package(ctx, member.id, folder, package_id=package_id)
        built.append((member.id, info.path))
    return built


def _round2_member(
    member: str,
    package: Path,
    folder: Path,
    key: Pkcs12Key,
    trust: TrustSettings,
    fixed: Callable[[], datetime] | None,
) -> Path:
    """The member re-scores the explained items and submits the signed round-2 package."""
    from parapp.services.demo.year import demo_uuid  # noqa: PLC0415 - the builder's ids

    clock = _Clock(fixed)
    clock.set(ROUND2_SCORING)
    workspaces = folder / WORKSPACES_DIR
    with packages.open_member_package(package, workspaces, clock=clock, actor=member) as ws:
        for unit_id, areas in sorted(rounds.member_scope(ws, member).items()):
            items = round2.round2_items(ws, member, unit_id, areas)
            for index, (code, item) in enumerate(sorted(items.items(), key=_set_order(ws))):
                proposed = item.explanation.proposed
                own = item.own_round_1
                if index == 0 and proposed is not None:
                    value, comment = proposed, ACCEPTED_COMMENT
                elif own is not None and own.value is not None:
                    value, comment = own.value, KEPT_COMMENT
                else:
                    continue
                scoring.save_appraisal(ws, member, unit_id, code, format_score(value))
                scoring.save_comment(ws, member, unit_id, code, comment)
        clock.set(ROUND2_SUBMITTED)
        form_id = ws.criteria_set().form_id
        return signed_outputs.submit(
            ws,
            key,
            folder / SUBMISSIONS_DIR,
            trust,
            place=data.PROVINCE,
            submission_id=str(demo_uuid("submission", SUFFIX, "round2", form_id, member)),
            views=False,
        ).path


def _set_order(ctx: RoundContext) -> Callable[[tuple[str, object]], int]:
    order = {n.code: i for i, n in enumerate(ctx.criteria_set().leaves())}
    return lambda pair: order[pair[0]]


# The meeting ----------------------------------------------------------------------------------


def _refer(ctx: RoundContext) -> tuple[tuple[str, str], ...]:
    """Two items still below the unit's proposal after round 2, sent to the council."""
    from parapp.services import results  # noqa: PLC0415

    proposals = {
        (unit_id, item.node_code): item.proposed
        for unit_id, explanation in sorted(explanations.current_explanations(ctx).items())
        for item in explanation.items
        if item.proposed is not None
    }
    consolidated = results.consolidation(ctx).items
    still: list[tuple[str, str]] = []
    for (unit_id, code), proposed in proposals.items():
        state = next(i for i in consolidated[unit_id] if i.node_code == code)
        value = state.consolidated.value
        if value is not None and value < proposed:
            still.append((unit_id, code))
    if len(still) < 2:
        raise _demo_bug(f"{len(still)} disputed items after round 2")
    chosen = tuple(still[:2])
    for unit_id, code in chosen:
        meeting.refer_item(ctx, unit_id, code, REFER_NOTE)
    return chosen


def _meeting(
    ctx: RoundContext, referred: Sequence[tuple[str, str]], chair: str, secretary: str
) -> None:
    """The council meets: four present, one absent with a written opinion; two items voted."""
    from parapp.services import results  # noqa: PLC0415

    present = tuple(m.id for m in data.COUNCIL if m.id != ABSENT)
    others = [m for m in present if m not in {chair, secretary}]
    proposals = {
        (unit_id, item.node_code): item.proposed
        for unit_id, explanation in explanations.current_explanations(ctx).items()
        for item in explanation.items
    }
    consolidated = results.consolidation(ctx).items
    (first_unit, first_code), (second_unit, second_code) = referred
    kept = next(
        i.consolidated.value
        for i in consolidated[second_unit]
        if i.node_code == second_code and i.consolidated.value is not None
    )
    meeting.set_quorum_rule(ctx, meeting.QuorumRule.TWO_THIRDS_PRESENT.value)
    contested = [(i.unit_id, i.node_code) for i in meeting.contested_items(ctx)]
    if sorted(contested) != sorted(referred):
        raise _demo_bug(f"contested items {contested}, expected {list(referred)}")
    carried = ItemInput(
        first_unit,
        first_code,
        format_score(proposals[(first_unit, first_code)] or Decimal(0)),
        Votes(agree=(chair, secretary, others[0], ABSENT), disagree=(others[1],)),
        note=VOTE_NOTE,
    )
    split = ItemInput(
        second_unit,
        second_code,
        format_score(proposals[(second_unit, second_code)] or Decimal(0)),
        Votes(agree=(others[0], others[1]), disagree=(chair, secretary)),
        chair_value=format_score(kept),
        note=SPLIT_NOTE,
    )
    meeting.record_meeting(
        ctx,
        MeetingInput(
            number=MINUTES_NUMBER,
            held_on=MEETING_HELD,
            place=data.PROVINCE,
            chair_id=chair,
            present=present,
            written={ABSENT: WRITTEN_OPINION},
            items=(carried, split),
            approve=Votes(agree=(*present, ABSENT)),
            secretary_id=secretary,
        ),
    )
