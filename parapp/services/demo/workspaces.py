"""The demo members' work: each member's package opened as a scored workspace, and each
member's signed score package (.parscore) submitted from it.

Appraisals follow the units' self-assessments and evidence: the declared figure's band where the
rule has one, a claim without evidence scored 0, invalid self-scores brought back within the
rule, and a few items marked down with a comment. The secretary cross-checks area 1 of a few
units, disagreeing with the chair on some items; the chair once types a score above the maximum,
sees it flagged and corrects it (both saves are in the workspace's audit log).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Protocol

from parapp.core import scoring as core_scoring
from parapp.core.criteria import Assessor, BandsRule, CriteriaSet, FreeRule, LevelsRule, Node, Role
from parapp.core.findings import FindingCode
from parapp.core.numbers import canonical, format_score
from parapp.core.rounds import Assignment, MemberRole, SelfAssessment
from parapp.services import rounds, scoring, self_assessment, signed_outputs, signing
from parapp.services.context import RoundContext
from parapp.services.demo import data
from parapp.services.demo.pki import DEMO_PASSPHRASE, DemoPki
from parapp.services.packages import open_member_package
from parapp.services.signing import Pkcs12Key
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store.records import StoredScore

log = logging.getLogger(__name__)

WORKSPACES_DIR = "workspaces"
SUBMISSIONS_DIR = "submissions"
CROSS_CHECK_AREA = "1"
"""The area the secretary appraises a second time for ``CROSS_CHECKED`` units."""
CROSS_CHECKED = {"so": ("SCT", "STP"), "huyen": ("UBND-SC",)}
"""Per the round's first unit type: the units whose area 1 two members score."""
DISAGREEMENTS = 2
"""Items of each cross-checked unit the secretary scores lower than the chair does."""
TYPO_UNIT = "SCT"
"""The unit where the chair types an above-maximum score and then corrects it."""
MARK_DOWN_PERCENT = 8
NO_EVIDENCE_COMMENT = "Không có tài liệu kiểm chứng cho điểm tự chấm: không tính điểm."
CORRECTED_COMMENT = "Điểm tự chấm vượt quy định của tiêu chí: chấm lại theo tài liệu kiểm chứng."
FIGURE_COMMENT = "Chấm theo số liệu đơn vị báo cáo và mức điểm của tiêu chí."
MARK_DOWN_COMMENTS = (
    "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả thực hiện: trừ một mức điểm.",
    "Văn bản ban hành chậm so với thời hạn quy định: trừ một mức điểm.",
    "Báo cáo chưa nêu rõ số liệu theo yêu cầu của tiêu chí.",
)
DISAGREE_COMMENT = "Thư ký kiểm tra chéo: tài liệu kiểm chứng chưa đủ căn cứ cho mức điểm này."


class SettableClock(Protocol):
    """The demo's scripted clock (``demo.DemoClock``)."""

    def set(self, when: datetime) -> None: ...

    def __call__(self) -> datetime: ...


@dataclass(frozen=True)
class DemoWorkspace:
    """A member's scored workspace, and their submission when one was made."""

    path: Path
    form_id: str
    member_id: str
    scores: int
    """Items appraised."""
    submission: Path | None = None


def cross_check_rows(criteria_set: CriteriaSet, unit_ids: Sequence[str]) -> list[Assignment]:
    """The secretary's extra assignments: area 1 of the cross-checked units present."""
    secretary = next(m.id for m in data.COUNCIL if m.role is MemberRole.SECRETARY)
    chosen = CROSS_CHECKED.get(criteria_set.unit_types[0].code, ())
    if not criteria_set.has(CROSS_CHECK_AREA):
        return []
    return [Assignment(secretary, u, CROSS_CHECK_AREA) for u in chosen if u in unit_ids]


def add_cross_checks(ctx: RoundContext) -> int:
    """Add the secretary's cross-check assignments to the round, beside their own."""
    units = [u.id for u in rounds.list_units(ctx)]
    extra = cross_check_rows(ctx.criteria_set(), units)
    if not extra:
        return 0
    secretary = extra[0].member_id
    with ctx.db.transaction() as s:
        current = [a for a in round_store.assignments(s) if a.member_id == secretary]
        round_store.set_assignments(s, secretary, [*current, *extra])
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="assign",
            field=secretary,
            new=f"units={','.join(a.unit_id for a in extra)}; areas={CROSS_CHECK_AREA} "
            "(kiểm tra chéo)",
        )
    return len(extra)


def score_workspaces(
    outdir: Path,
    form_id: str,
    packages: Mapping[str, Path],
    pki: DemoPki,
    *,
    clock: Callable[[datetime], SettableClock],
    scoring_at: datetime,
    submitted_at: datetime | None,
    submission_id: Callable[[str, str], str],
) -> tuple[DemoWorkspace, ...]:
    """Open every package as its member's workspace under ``outdir/workspaces`` and score it;
    with ``submitted_at``, submit each member's signed .parscore into ``outdir/submissions``.

    Args:
        outdir: the demo folder.
        form_id: the round's criteria set.
        packages: member id -> the member's package.
        pki: the demo certificates (the key files sign the submissions).
        clock: makes a scripted clock starting at a given time.
        scoring_at: when the members score.
        submitted_at: when they submit; None: no submissions.
        submission_id: (form id, member id) -> the submission's id.
    """
    built: list[DemoWorkspace] = []
    trust = signing.trust_settings([pki.ca_pem])
    for member, package in packages.items():
        demo_clock = clock(scoring_at)
        ctx = open_member_package(
            package, Path(outdir) / WORKSPACES_DIR, clock=demo_clock, actor=member
        )
        with ctx:
            count = _score(ctx, member)
            submission = None
            if submitted_at is not None:
                demo_clock.set(submitted_at)
                key = Pkcs12Key(pki.members[member].p12_path, DEMO_PASSPHRASE)
                submission = signed_outputs.submit(
                    ctx,
                    key,
                    Path(outdir) / SUBMISSIONS_DIR,
                    trust,
                    place=data.PROVINCE,
                    submission_id=submission_id(form_id, member),
                    views=False,
                ).path
            built.append(DemoWorkspace(ctx.path, form_id, member, count, submission))
    log.info("demo workspaces scored: %d", len(built))
    return tuple(built)


# Appraisal ------------------------------------------------------------------------------------


def _score(ctx: RoundContext, member: str) -> int:
    criteria_set = ctx.criteria_set()
    scope = rounds.member_scope(ctx, member)
    cross_checked = {a.unit_id for a in cross_check_rows(criteria_set, list(scope))}
    secretary = next(m.id for m in data.COUNCIL if m.role is MemberRole.SECRETARY)
    rows: list[StoredScore] = []
    at = ctx.now()
    for unit in rounds.list_units(ctx):
        if unit.id not in scope:
            continue
        areas = scope[unit.id]
        entries = self_assessment.load_self_assessment(ctx, unit.id)
        # Seeded per unit, drawn for every leaf: two members scoring the same item agree.
        rng = random.Random(f"{data.SEED}:appraise:{criteria_set.form_id}:{unit.id}")
        disagree = DISAGREEMENTS if member == secretary and unit.id in cross_checked else 0
        for leaf in criteria_set.leaves():
            draw, pick = rng.randint(0, 99), rng.randrange(len(MARK_DOWN_COMMENTS))
            area = leaf.code.split(".", 1)[0]
            if (
                leaf.assessor is not Assessor.COUNCIL
                or (areas is not None and area not in areas)
                or not core_scoring.applies_in_set(criteria_set, leaf.code, unit.unit_type)
            ):
                continue
            appraised = _appraise(leaf, entries.get(leaf.code), unit.unit_type, draw, pick)
            if appraised is None:
                continue
            value, comment = appraised
            if disagree and area == CROSS_CHECK_AREA and leaf.role is Role.NORMAL:
                lower = _step_down(leaf, value, unit.unit_type)
                if lower != value:
                    value, comment, disagree = lower, DISAGREE_COMMENT, disagree - 1
            rows.append(StoredScore(unit.id, leaf.code, member, 1, value, comment, False, at))
    _store(ctx, rows, at)
    if member == data.COUNCIL[0].id:
        _typo_then_correction(ctx, member, rows)
    return len(rows)


def _appraise(
    leaf: Node, entry: SelfAssessment | None, unit_type: str, draw: int, pick: int
) -> tuple[Decimal, str] | None:
    """The appraiser's value and comment for one item (None: the unit claimed nothing)."""
    self_score = entry.self_score if entry is not None else None
    if entry is None or self_score is None:
        return None
    if self_score > 0 and leaf.role is Role.NORMAL and not entry.evidence:
        return _valid(leaf, Decimal(0), unit_type), NO_EVIDENCE_COMMENT
    suggested = core_scoring.suggested_score(leaf, entry.figure, unit_type)
    if suggested is not None:
        value = _valid(leaf, suggested, unit_type)
        comment = "" if value == self_score else FIGURE_COMMENT
    else:
        value = _valid(leaf, self_score, unit_type)
        comment = "" if value == self_score else CORRECTED_COMMENT
    if draw < MARK_DOWN_PERCENT and leaf.role is Role.NORMAL and not comment:
        lower = _step_down(leaf, value, unit_type)
        if lower != value:
            value, comment = lower, MARK_DOWN_COMMENTS[pick]
    return value, comment


def _valid(leaf: Node, value: Decimal, unit_type: str) -> Decimal:
    """``value`` brought within the item's range and onto its levels or step (downwards)."""
    value = min(max(value, leaf.minimum), leaf.max_for(unit_type))
    rule = leaf.rule
    if isinstance(rule, LevelsRule):
        below = [level.value for level in rule.levels if level.value <= value]
        return max(below) if below else min(level.value for level in rule.levels)
    if isinstance(rule, FreeRule | BandsRule) and rule.step is not None:
        steps = ((value - leaf.minimum) / rule.step).to_integral_value(rounding=ROUND_FLOOR)
        return leaf.minimum + steps * rule.step
    return value


def _step_down(leaf: Node, value: Decimal, unit_type: str) -> Decimal:
    """One allowed level or step lower (or ``value`` when it is the lowest)."""
    rule = leaf.rule
    if isinstance(rule, LevelsRule):
        below = [level.value for level in rule.levels if level.value < value]
        return max(below) if below else value
    step = getattr(rule, "step", None) or Decimal("0.25")
    return _valid(leaf, value - step, unit_type) if value - step >= leaf.minimum else value


def _store(ctx: RoundContext, rows: Sequence[StoredScore], at: str) -> None:
    """All of a member's demo appraisals in one transaction, audited as the scoring service
    audits each save (typing them one by one would take the demo build tens of seconds)."""
    with ctx.db.transaction() as s:
        for row in rows:
            score_store.put(s, row)
            new = canonical(row.value) if row.value is not None else None
            changes: list[tuple[str, str | None, str | None]] = [("value@1", None, new)]
            if row.comment:
                changes.append(("comment@1", "", row.comment))
            for field, old, new in changes:
                round_store.audit(
                    s,
                    at=at,
                    actor=row.member_id,
                    action="score",
                    unit_id=row.unit_id,
                    node_code=row.node_code,
                    field=field,
                    old=old,
                    new=new,
                )


def _typo_then_correction(ctx: RoundContext, member: str, rows: Sequence[StoredScore]) -> None:
    """The chair types ten times the value (a missed decimal comma), sees it flagged above the
    maximum, and types it again: both saves go through the scoring service and its audit."""
    criteria_set = ctx.criteria_set()
    target = next(
        (
            r
            for r in rows
            if r.unit_id == TYPO_UNIT
            and r.value is not None
            and r.value > 0
            and r.value * 10 > criteria_set.node(r.node_code).maximum
        ),
        None,
    )
    if target is None or target.value is None:
        return
    typed = format_score(target.value * 10)
    change = scoring.save_appraisal(ctx, member, target.unit_id, target.node_code, typed)
    assert any(f.code is FindingCode.ABOVE_MAX for f in change.leaf_findings), "demo typo"
    scoring.save_appraisal(
        ctx, member, target.unit_id, target.node_code, format_score(target.value)
    )
