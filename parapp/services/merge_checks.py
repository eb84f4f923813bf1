"""Checks of one score package before the merge: identity, signer, phase, every score again
through the core and the member's assignment; and trust on first use of a member's certificate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from parapp.core import scoring
from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, FindingCode, ScoreField, Severity
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, parse_score
from parapp.core.rounds import Member, Phase, RoundInfo, SelfAssessment, Unit
from parapp.core.scoring import LeafEntry
from parapp.io.packages import score_package
from parapp.io.packages.score_package import ScoreManifest, ScorePackageCheck
from parapp.io.packages.scores_json import MemberScores, ScoreValue
from parapp.io.signing.validation import SignatureVerdict, TrustSettings
from parapp.services import revocation, signing
from parapp.services.context import RoundContext
from parapp.services.merge_values import RefusedError, refusal, unit_label
from parapp.services.scoring import MAX_COMMENT, evidence_label
from parapp.services.signed_outputs import blocks_signing
from parapp.store import explanations as explanation_store
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store
from parapp.store.database import StoreSession as Session
from parapp.store.merge_rows import ScoreText

_Outcome = tuple[Msg | None, tuple[Finding, ...]]
"""A leaf's check: the problem refusing it, else the findings that block or are worth listing."""
_CLEAN: _Outcome = (None, ())


@dataclass
class Memo:
    """The outcomes of distinct leaf checks of one criteria set, and canonical value texts."""

    outcomes: dict[tuple[str, frozenset[str] | None], dict[tuple[object, ...], _Outcome]] = field(
        default_factory=dict
    )
    """(unit type, the member's areas there) -> the check's key -> its outcome."""
    texts: dict[str, str] = field(default_factory=dict)
    """str(value) -> canonical text (both exact, one per number)."""


@dataclass(frozen=True)
class Submitted:
    """What the merge knows around one submission's scores."""

    member: Member
    package_sha: str
    at: str
    """When it is merged."""
    selfs: Mapping[str, Mapping[str, SelfAssessment]]
    """unit id -> node code -> the unit's self-assessment (self-score, figure, evidence)."""


def integrity_reason(check: ScorePackageCheck) -> Msg:
    problems = [p.message for p in check.problems]
    problems.extend(
        Msg(f"“{e.name}”: {e.problem.vi}", f"“{e.name}”: {e.problem.en}")
        for e in check.entries
        if not e.ok and e.problem is not None
    )
    if check.signature is not None and not check.signature.intact:
        problems.append(check.signature.problem or Msg("chữ ký sai", "bad signature"))
    if not problems:
        problems.append(Msg("không có chữ ký số", "no digital signature"))
    return Msg(
        "chữ ký hoặc tính toàn vẹn không đạt: " + "; ".join(p.vi for p in problems),
        "signature or integrity check failed: " + "; ".join(p.en for p in problems),
    )


def check_identity(info: RoundInfo, manifest: ScoreManifest) -> None:
    pairs = [
        ("round_id", manifest.round_id, info.id),
        ("form_id", manifest.form_id, info.form_id),
        ("form_version", manifest.form_version, info.form_version),
    ]
    wrong = [f"{key} “{got}” ≠ “{want}”" for key, got, want in pairs if got != want]
    if wrong:
        text = "; ".join(wrong)
        raise RefusedError(
            Msg(
                f"gói điểm không thuộc đợt thẩm định này ({text}).",
                f"the package does not belong to this round ({text}).",
            )
        )


def check_signer(member: Member | None, member_id: str, verdict: SignatureVerdict) -> None:
    if member is None:
        raise RefusedError(
            Msg(
                f"không có thành viên “{member_id}” trong đợt thẩm định.",
                f"there is no member “{member_id}” in the round.",
            )
        )
    fingerprint = verdict.certificate_sha256
    if member.certificate_sha256 is None:
        raise RefusedError(
            Msg(
                f"thành viên “{member_id}” chưa đăng ký chứng thư số; người ký "
                f"{verdict.signer}, dấu vân tay {fingerprint}. Nếu đúng, xác nhận bằng "
                f"“parapp trust ROUND --member {member_id} --package FILE” rồi nhập lại.",
                f"member “{member_id}” has no registered certificate; signed by "
                f"{verdict.signer}, fingerprint {fingerprint}. If that is right, confirm with "
                f"“parapp trust ROUND --member {member_id} --package FILE” and merge again.",
            )
        )
    if member.certificate_sha256 != fingerprint:
        raise RefusedError(
            Msg(
                f"người ký ({verdict.signer}, {fingerprint[:16]}…) không phải chứng thư đã "
                f"đăng ký của thành viên “{member_id}” ({member.certificate_sha256[:16]}…).",
                f"the signer ({verdict.signer}, {fingerprint[:16]}…) is not the certificate "
                f"registered for member “{member_id}” ({member.certificate_sha256[:16]}…).",
            )
        )


def check_phase(info: RoundInfo, appraisal_round: int) -> None:
    reached = {Phase.ROUND_1: 1, Phase.EXPLANATION: 1, Phase.ROUND_2: 2}.get(info.phase)
    if reached is None or appraisal_round > reached:
        raise RefusedError(
            Msg(
                f"đợt đang ở giai đoạn “{info.phase.label.vi}”: không nhận điểm thẩm định "
                f"lần {appraisal_round}.",
                f"the round is in “{info.phase.label.en}”: appraisal round {appraisal_round} "
                "scores are not accepted.",
            )
        )


def check_explained(
    session: Session, member: Member, scores: MemberScores, units: Mapping[str, Unit]
) -> None:
    """Round 2 re-scores only what the units explained: a round-2 submission scoring an item
    without a current imported explanation of its unit is refused whole, every such item named.

    Raises:
        RefusedError: an item not explained (round 1 is never checked here).
    """
    if scores.appraisal_round != 2:
        return
    problems: list[Msg] = []
    for unit_id, leaves in sorted(scores.units.items()):
        explanation = explanation_store.current(session, unit_id)
        explained = {i.node_code for i in explanation.items} if explanation else set()
        label = unit_label(unit_id, units)
        problems.extend(
            Msg(
                f"{label.vi}, mục {code}: đơn vị không giải trình mục này, mà thẩm định lần 2 "
                "chỉ chấm lại các mục đã giải trình",
                f"{label.en}, item {code}: the unit did not explain this item, and appraisal "
                "round 2 only re-scores explained items",
            )
            for code in sorted(leaves)
            if code not in explained
        )
    if problems:
        raise refusal(member, scores.member_id, problems)


def validated(
    criteria_set: CriteriaSet,
    units: Mapping[str, Unit],
    scope: Mapping[str, frozenset[str] | None],
    scores: MemberScores,
    submission: Submitted,
    memo: Memo | None = None,
) -> tuple[list[ScoreText], list[Finding]]:
    """Every score checked again by the core, with the unit's own declarations beside it.

    A value the scoring window would not let the member sign (outside [min, max], off the levels
    or the step, a score on an item marked not applicable, too many places) refuses the whole
    submission, as does a unit or item the member may not score; warnings the member may sign
    with (a score differing from the self-score or the suggestion without a comment, a claim
    without evidence) are returned with the merged rows.

    ``memo`` keeps each distinct check's outcome for the next submissions of the same merge
    (the same criteria set: an outcome depends only on what its key holds).

    Raises:
        RefusedError: every problem, each naming the unit, the item, the value and the bound.
    """
    problems: list[Msg] = []
    rows: list[ScoreText] = []
    findings: list[Finding] = []
    member_id, appraisal_round = scores.member_id, scores.appraisal_round
    at, package = submission.at, submission.package_sha
    # Each distinct check runs once per merge (30 units of 15 members repeat the same few values
    # per item): the item's place and value, then its rule with the unit's declaration beside it.
    memo = memo if memo is not None else Memo()
    outcomes, texts = memo.outcomes, memo.texts
    for unit_id, leaves in sorted(scores.units.items()):
        unit = units.get(unit_id)
        label = unit_label(unit_id, units)
        if unit is None:
            problems.append(Msg(f"không có {label.vi}", f"no {label.en}"))
            continue
        if unit_id not in scope:
            problems.append(
                Msg(
                    f"{label.vi} không được phân công cho thành viên",
                    f"{label.en} is not assigned to the member",
                )
            )
            continue
        areas = scope[unit_id]
        declared = submission.selfs.get(unit_id, {})
        of_kind = outcomes.setdefault((unit.unit_type, areas), {})
        for code, item in sorted(leaves.items()):
            value = None if item.value is None else str(item.value)
            own = declared.get(code) if declared else None
            comment = item.comment
            key: tuple[object, ...]
            if own is None and not comment:  # the common case, in a shorter key
                key = (code, value, item.not_applicable)
            else:
                key = (
                    code,
                    value,
                    item.not_applicable,
                    len(comment) > MAX_COMMENT,
                    bool(comment.strip()),
                    None if own is None else _own_key(own),
                )
            outcome = of_kind.get(key)
            if outcome is None:
                outcome = of_kind[key] = _outcome(criteria_set, unit, areas, code, item, own)
            if outcome is not _CLEAN:
                problem, found = outcome
                where = Msg(f"{label.vi}, mục {code}", f"{label.en}, item {code}")
                if problem is not None:
                    problems.append(Msg(f"{where.vi}: {problem.vi}", f"{where.en}: {problem.en}"))
                    continue
                for finding in found:
                    if blocks_signing(finding):
                        problems.append(_named(where, label, code, finding.message))
                    else:
                        findings.append(replace(finding, unit=unit_id))
            text = None
            if value is not None:
                text = texts.get(value)
                if text is None:
                    assert item.value is not None
                    text = texts[value] = canonical(item.value)
            rows.append(
                (
                    unit_id,
                    code,
                    member_id,
                    appraisal_round,
                    text,
                    comment,
                    item.not_applicable,
                    at,
                    package,
                )
            )
    if problems:
        raise refusal(submission.member, scores.member_id, problems)
    return rows, findings


def _outcome(
    criteria_set: CriteriaSet,
    unit: Unit,
    areas: frozenset[str] | None,
    code: str,
    item: ScoreValue,
    own: SelfAssessment | None,
) -> _Outcome:
    problem = _leaf_problem(criteria_set, unit, areas, code, item)
    if problem is not None:
        return (problem, ())
    found = scoring.validate_leaf(criteria_set.node(code), _entry(item, own), unit.unit_type)
    kept = tuple(f for f in found if blocks_signing(f) or _worth_listing(f))
    return (None, kept) if kept else _CLEAN


def _worth_listing(finding: Finding) -> bool:
    """A warning about what the member signed: not a leaf left empty (the submission need not
    cover everything), not the unit's own self-score out of range (the unit's claim, flagged
    for the council elsewhere, never the member's)."""
    if finding.code == FindingCode.MISSING_SCORE:
        return False
    return not (finding.field == ScoreField.SELF_SCORE and finding.severity is Severity.ERROR)


def _named(where: Msg, label: Msg, code: str, message: Msg) -> Msg:
    """ "đơn vị A – Sở A, mục 1.1: điểm thẩm định 5,00 vượt …" from the core's "Mục 1.1: …"."""
    vi, en = message.vi.rstrip("."), message.en.rstrip(".")
    vi_head, en_head = f"Mục {code}: ", f"Item {code}: "
    if vi.startswith(vi_head) and en.startswith(en_head):
        return Msg(f"{where.vi}: {vi[len(vi_head) :]}", f"{where.en}: {en[len(en_head) :]}")
    return Msg(f"{label.vi}: {vi}", f"{label.en}: {en}")


def _own_key(own: SelfAssessment) -> tuple[str | None, str | None, bool]:
    """What of a unit's declaration the rule checks look at: self-score, figure, any citation."""
    return (
        None if own.self_score is None else str(own.self_score),
        None if own.figure is None else str(own.figure),
        any(evidence_label(r).strip() for r in own.evidence),
    )


def _entry(item: ScoreValue, own: SelfAssessment | None) -> LeafEntry:
    """The leaf as the member's scoring window saw it: the unit's declaration and the score."""
    return LeafEntry(
        self_score=own.self_score if own else None,
        appraised=item.value,
        figure=own.figure if own else None,
        comment=item.comment,
        evidence=tuple(evidence_label(r) for r in own.evidence) if own else (),
        not_applicable=item.not_applicable,
    )


def _leaf_problem(
    criteria_set: CriteriaSet,
    unit: Unit,
    areas: frozenset[str] | None,
    code: str,
    item: ScoreValue,
) -> Msg | None:
    if not criteria_set.has(code) or not criteria_set.node(code).is_leaf:
        return Msg("không phải mục chấm điểm của bộ tiêu chí", "not a scored item of the set")
    node = criteria_set.node(code)
    if node.assessor is not Assessor.COUNCIL:
        return Msg("mục không do Hội đồng chấm", "not an item the council appraises")
    if not scoring.applies_in_set(criteria_set, code, unit.unit_type):
        return Msg("mục không áp dụng cho loại đơn vị này", "the item does not apply to the unit")
    area = _area(criteria_set, code)
    if areas is not None and area not in areas:
        return Msg(
            f"lĩnh vực {area} không được phân công cho thành viên",
            f"area {area} is not assigned to the member",
        )
    if len(item.comment) > MAX_COMMENT:
        return Msg("ý kiến quá dài", "the comment is too long")
    if item.value is not None:
        try:
            parse_score(canonical(item.value))
        except ValidationError as exc:
            return exc.msg
    return None


def _area(criteria_set: CriteriaSet, code: str) -> str:
    node = criteria_set.node(code)
    while node.parent_code is not None:
        node = criteria_set.node(node.parent_code)
    return node.code


def trust_member(ctx: RoundContext, member_id: str, fingerprint: str, actor: str) -> Member:
    """Register a member's certificate on first use, after the secretary compared the
    fingerprint with the member (by phone, in person); recorded in the audit log.

    Raises:
        ValidationError: unknown member, a malformed fingerprint, or a member who already has
            another registered certificate (that is a change, not a first use).
    """
    cleaned = fingerprint.replace(":", "").replace(" ", "").strip().lower()
    if len(cleaned) != 64 or any(c not in "0123456789abcdef" for c in cleaned):
        raise ValidationError(
            Msg(
                "Dấu vân tay chứng thư phải là SHA-256 (64 chữ số hex).",
                "The certificate fingerprint must be a SHA-256 (64 hex digits).",
            )
        )
    with ctx.db.transaction() as s:
        member = round_store.member(s, member_id)
        if member is None:
            raise ValidationError(
                Msg(f"Không có thành viên “{member_id}”.", f"There is no member “{member_id}”.")
            )
        if member.certificate_sha256 == cleaned:
            return member
        if member.certificate_sha256 is not None:
            raise ValidationError(
                Msg(
                    f"Thành viên “{member_id}” đã đăng ký chứng thư khác "
                    f"({member.certificate_sha256[:16]}…); không tin cậy lần đầu được.",
                    f"Member “{member_id}” already has another registered certificate "
                    f"({member.certificate_sha256[:16]}…); trust on first use does not apply.",
                )
            )
        merge_store.set_member_fingerprint(s, member_id, cleaned)
        round_store.audit(
            s,
            at=ctx.now(),
            actor=actor,
            action="trust_member",
            field=member_id,
            old=None,
            new=cleaned,
            reason="trust on first use, confirmed by the secretary",
        )
        trusted = round_store.member(s, member_id)
    assert trusted is not None
    return trusted


def package_signer(path: Path, trust: TrustSettings | None = None) -> SignatureVerdict:
    """The signer of a score package (for the trust-on-first-use confirmation).

    Raises:
        ValidationError: the package is not intact.
    """
    check = score_package.check_score_package(
        Path(path), trust if trust is not None else signing.trust_settings()
    )
    if not check.intact or check.signature is None:
        reason = integrity_reason(check)
        raise ValidationError(Msg(f"{Path(path).name}: {reason.vi}", f"{path}: {reason.en}"))
    refused = revocation.signer_refusal(check.signature)  # expired, not yet valid, revoked
    if refused is not None:
        raise ValidationError(Msg(f"{Path(path).name}: {refused.vi}", f"{path}: {refused.en}"))
    return check.signature
