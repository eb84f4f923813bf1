"""Checks of one score package before the merge: identity, signer, phase, every score again
through the core and the member's assignment; and trust on first use of a member's certificate.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from parapp.core import scoring
from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.errors import ValidationError
from parapp.core.findings import Finding, FindingCode
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, parse_score
from parapp.core.rounds import Member, Phase, RoundInfo, Unit
from parapp.core.scoring import LeafEntry
from parapp.io import score_package
from parapp.io.score_package import ScoreManifest, ScorePackageCheck
from parapp.io.scores_json import MemberScores, ScoreValue
from parapp.io.signature_check import SignatureVerdict, TrustSettings
from parapp.services import signing
from parapp.services.context import RoundContext
from parapp.services.scoring import MAX_COMMENT
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store
from parapp.store.submissions import MergedScore, StoredSubmission


class RefusedError(Exception):
    """The merge refuses one file for this reason (``conflict``: recorded for the secretary)."""

    def __init__(self, reason: Msg, *, conflict: StoredSubmission | None = None) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.conflict = conflict
        """The conflicting submission to record (None: refused without a record)."""


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


def check_identity(info: RoundInfo, manifest: ScoreManifest, scores: MemberScores) -> None:
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
    del scores  # identity with the manifest was checked by the reader


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


def validated(
    criteria_set: CriteriaSet,
    units: Mapping[str, Unit],
    scope: Mapping[str, frozenset[str] | None],
    scores: MemberScores,
    package_sha: str,
    at: str,
) -> tuple[list[MergedScore], list[Finding]]:
    """Every score checked again by the core; all problems listed, or the merged rows."""
    problems: list[str] = []
    problems_en: list[str] = []
    merged: list[MergedScore] = []
    findings: list[Finding] = []
    for unit_id, leaves in sorted(scores.units.items()):
        unit = units.get(unit_id)
        if unit is None:
            problems.append(f"không có đơn vị “{unit_id}”")
            problems_en.append(f"no unit “{unit_id}”")
            continue
        if unit_id not in scope:
            problems.append(f"đơn vị “{unit_id}” không được phân công cho thành viên")
            problems_en.append(f"unit “{unit_id}” is not assigned to the member")
            continue
        areas = scope[unit_id]
        for code, item in sorted(leaves.items()):
            where, where_en = f"{unit_id}, mục {code}", f"{unit_id}, item {code}"
            problem = _leaf_problem(criteria_set, unit, areas, code, item)
            if problem is not None:
                problems.append(f"{where}: {problem.vi}")
                problems_en.append(f"{where_en}: {problem.en}")
                continue
            node = criteria_set.node(code)
            entry = LeafEntry(
                appraised=item.value, comment=item.comment, not_applicable=item.not_applicable
            )
            findings.extend(
                f
                for f in scoring.validate_leaf(node, entry, unit.unit_type, unit=unit_id)
                if f.code != FindingCode.MISSING_SCORE
            )
            merged.append(
                MergedScore(
                    unit_id,
                    code,
                    scores.member_id,
                    scores.appraisal_round,
                    item.value,
                    item.comment,
                    item.not_applicable,
                    at,
                    package_sha,
                )
            )
    if problems:
        shown, more = problems[:20], len(problems) - 20
        shown_en = problems_en[:20]
        raise RefusedError(
            Msg(
                f"{len(problems)} điểm không hợp lệ: "
                + "; ".join(shown)
                + (f"; … và {more} lỗi khác" if more > 0 else ""),
                f"{len(problems)} invalid score(s): "
                + "; ".join(shown_en)
                + (f"; … and {more} more" if more > 0 else ""),
            )
        )
    return merged, findings


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
    return check.signature
