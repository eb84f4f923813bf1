"""The secretary's merge of members' signed score packages (.parscore) into the round.

Each file is checked in full before anything is stored (stack.md §10): signature and hashes,
the signer's registered certificate, the round's form and id, every score again through the
core, and the member's assignment. Its import is one transaction: all of it or nothing. The same
submission twice is a no-op; a submission whose ``deprecated_id`` is the member's current head
replaces the member's scores; any other branch is a conflict kept for the secretary. Packages
are archived read-only under their SHA-256 beside the round; every merged score names its
package. The audit log gets one ``merge_submission`` row per merged file, counting the scores
that arrived for the first time (the archived signed file holds each), and one ``merge_score``
row per replaced, changed or removed value, old → new.

A merge reads the round once for all its files (``merge_batch``); each file's transaction runs
driver statements only and commits while the next file is verified (``merge_commits``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from parapp.core.errors import ImportFormatError, UserCancelled
from parapp.core.messages import Msg
from parapp.core.progress import Progress, no_progress
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest, ScorePackageCheck
from parapp.io.packages.scores_json import MemberScores
from parapp.io.signing.validation import SignatureVerdict, TrustSettings
from parapp.services import merge_archive, merge_plan, revocation, signing
from parapp.services.context import RoundContext
from parapp.services.merge_archive import Staged, archive_folder
from parapp.services.merge_batch import Batch
from parapp.services.merge_checks import (
    Submitted,
    check_explained,
    check_identity,
    check_phase,
    check_signer,
    integrity_reason,
    package_signer,
    trust_member,
    validated,
)
from parapp.services.merge_commits import Commits
from parapp.services.merge_outcome import (
    FileOutcome,
    MergeReport,
    Outcome,
    accepted_reason,
    day_text,
    record_offer,
    submission_summary,
)
from parapp.services.merge_values import (
    RefusedError,
    bad_text_problems,
    refusal,
    unreadable_values,
)
from parapp.store import inbox as inbox_store
from parapp.store import merge_rows
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store
from parapp.store.database import StoreSession as Session
from parapp.store.submissions import StoredSubmission

log = logging.getLogger(__name__)

Transactions = Callable[[], AbstractContextManager[Session]]

__all__ = [
    "FileOutcome",
    "MergeReport",
    "Outcome",
    "archive_folder",
    "merge_chosen",
    "merge_submissions",
    "package_signer",
    "trust_member",
]

MAX_PACKAGE_BYTES = 500 * 1000**2
IMPORT_KIND = "parscore"


def merge_submissions(
    ctx: RoundContext,
    files: Iterable[Path],
    trust: TrustSettings | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge members' score packages, one transaction per file; report every file.

    Args:
        files: ``.parscore`` files, merged in this order.
        trust: roots and CRLs to validate signatures with (default: the bundled roots); the
            round's own revocation lists are always added.
        progress: one step per file; a cancel stops before the next file (the files merged so
            far stay merged and reported, the rest are listed as not started).
    """
    trust = revocation.with_round_crls(
        ctx, trust if trust is not None else signing.trust_settings()
    )
    paths = [Path(path) for path in files]
    steps = progress or no_progress()
    outcomes: list[FileOutcome] = []
    batch = Batch.load(ctx)  # the round as this merge sees it, read once for every file
    commits = Commits()  # a file commits while the next one is verified
    try:
        for done, path in enumerate(paths):
            try:
                steps.step(
                    done, len(paths), Msg(f"Đang nhập {path.name}…", f"Merging {path.name}…")
                )
            except UserCancelled:
                commits.settle()
                log.info("merge cancelled before %s: %d file(s) left", path.name, len(paths) - done)
                return MergeReport(tuple(outcomes), tuple(paths[done:]))
            outcomes.append(_merge_file(ctx, batch, path, trust, commits=commits))
    finally:
        commits.close()  # every file's commit returned before anything is reported
    return MergeReport(tuple(outcomes))


def merge_chosen(ctx: RoundContext, kept: Path, trust: TrustSettings | None = None) -> FileOutcome:
    """Merge the kept copy of a conflicting submission the secretary chose over the member's
    current one: checked again in full, it becomes the member's current version (the inbox
    service records the choice)."""
    trust = revocation.with_round_crls(
        ctx, trust if trust is not None else signing.trust_settings()
    )
    return _merge_file(ctx, Batch.load(ctx), kept, trust, chosen=True)


def _merge_file(
    ctx: RoundContext,
    batch: Batch,
    path: Path,
    trust: TrustSettings,
    *,
    chosen: bool = False,
    commits: Commits | None = None,
) -> FileOutcome:
    """Merge one file and record it in the inbox with its kept copy (``chosen``: the secretary
    chose this conflicting version, already in the inbox, over the member's current one;
    ``commits``: its transaction may commit while the next file is verified)."""
    tx: Transactions = ctx.db.transaction
    if commits is not None:
        tx = functools.partial(commits.transaction, ctx.db)
    try:
        data = _read(path)
    except RefusedError as exc:
        outcome = FileOutcome(path, Outcome.REFUSED, exc.reason)
        if not chosen:
            with tx() as s:
                record_offer(s, ctx.now(), outcome, None, None)
        return outcome
    package_sha = hashlib.sha256(data).hexdigest()
    folder = archive_folder(ctx.path)
    with merge_archive.staged(folder, data, commits.run if commits else None) as staged:
        check = score_package.check_score_package(staged.path, trust)
        try:
            outcome = _merge_checked(ctx, batch, tx, path, package_sha, check, staged, chosen)
        except RefusedError as exc:
            outcome = FileOutcome(
                path,
                Outcome.REFUSED,
                exc.reason,
                check.manifest.submission_id if check.manifest else None,
                check.manifest.member_id if check.manifest else None,
                package_sha,
                conflict=exc.conflict is not None,
                headline=exc.headline,
                details=exc.details,
            )
            kept = staged.archive(package_sha)  # a refused or losing copy is kept
            with tx() as s:  # the merge's own transaction rolled back
                if exc.conflict is not None:
                    _record_conflict(s, ctx, exc.conflict)
                if not chosen:
                    record_offer(s, ctx.now(), outcome, check, kept)
    log.info("merge %s (%s): %s", path.name, package_sha[:16], outcome.outcome.value)
    return outcome


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise RefusedError(Msg("tệp quá lớn.", "the file is too large."))
        return path.read_bytes()
    except OSError as exc:
        raise RefusedError(
            Msg(f"không đọc được tệp ({exc.strerror}).", f"cannot read the file ({exc.strerror}).")
        ) from None


def _merge_checked(
    ctx: RoundContext,
    batch: Batch,
    tx: Transactions,
    path: Path,
    package_sha: str,
    check: ScorePackageCheck,
    staged: Staged,
    chosen: bool = False,
) -> FileOutcome:
    if not check.intact or check.manifest is None or check.scores is None:
        _refuse_unreadable_values(batch, check, staged.path)
        raise RefusedError(integrity_reason(check))
    assert check.signature is not None  # intact implies a signature
    manifest, scores, verdict = check.manifest, check.scores, check.signature
    content_sha = next(f.sha256 for f in manifest.files if f.name == SCORES)
    info, units = batch.info, batch.units
    check_identity(info, manifest)
    member = batch.members.get(manifest.member_id)
    check_signer(member, manifest.member_id, verdict)
    assert member is not None
    invalid = revocation.signer_refusal(verdict)  # expired, not yet valid, revoked
    if invalid is not None:
        raise RefusedError(invalid)
    now = ctx.now()
    record = _record(manifest, scores, verdict, path, package_sha, content_sha, now, status="")

    def conflict(reason: Msg) -> RefusedError:
        # Recorded by the caller in a transaction of its own: this one rolls back.
        return RefusedError(
            reason, conflict=replace(record, status=merge_store.CONFLICT, note=reason.vi)
        )

    with tx() as s:
        known = merge_rows.submissions_by_id(s, manifest.submission_id)
        same = [k for k in known if k.content_sha256 == content_sha]
        if same and not chosen:
            if same[0].status == merge_store.CONFLICT:
                raise RefusedError(_recorded_conflict(same[0]))
            outcome = FileOutcome(
                path,
                Outcome.DUPLICATE,
                Msg("đã nhập trước đây; không thay đổi gì.", "imported before; nothing changed."),
                manifest.submission_id,
                member.id,
                package_sha,
            )
            record_offer(s, now, outcome, check, staged.archive(package_sha))
            return outcome
        if known and not chosen:
            reason = Msg(
                f"xung đột: mã nộp {manifest.submission_id} đã nhập với nội dung khác; "
                "không ghi đè. Đã ghi nhận để thư ký xử lý.",
                f"conflict: submission {manifest.submission_id} was imported with other "
                "content; not overwritten. Recorded for the secretary.",
            )
            raise conflict(reason)
        check_phase(info, scores.appraisal_round)
        check_explained(s, member, scores, units)  # round 2: only the explained items
        submitted = Submitted(member, package_sha, now, batch.selfs(s, scores.units))
        merged, findings = validated(
            batch.criteria_set, units, batch.scope(member.id), scores, submitted, batch.memo
        )
        record = replace(record, scores=len(merged), findings=len(findings))
        current = merge_rows.head_submission(s, member.id, scores.appraisal_round)
        if current is not None and manifest.deprecated_id != current.submission_id and not chosen:
            if merge_store.is_ancestor(s, manifest.submission_id, current):
                merge_rows.insert_submission(s, replace(record, status=merge_store.SUPERSEDED))
                outcome = FileOutcome(
                    path,
                    Outcome.SUPERSEDED,
                    Msg(
                        f"thành viên đã thay bằng bản nộp {current.submission_id}; "
                        "lưu lại, không nhập điểm.",
                        f"the member already replaced it with {current.submission_id}; "
                        "archived, scores not merged.",
                    ),
                    manifest.submission_id,
                    member.id,
                    package_sha,
                )
                record_offer(s, now, outcome, check, staged.archive(package_sha))
                return outcome
            raise conflict(_branch_reason(manifest, current))
        if current is not None:
            merge_store.set_status(
                s, current.submission_id, merge_store.HEAD, merge_store.SUPERSEDED
            )
            day = day_text(manifest.created_at)
            inbox_store.supersede(
                s,
                current.submission_id,
                current.package_sha256,
                (f"đã được thay bằng bản nộp ngày {day}.", f"replaced by the submission of {day}."),
            )
        if chosen:
            merge_store.set_status(
                s, manifest.submission_id, merge_store.CONFLICT, merge_store.RESOLVED
            )
        plan = merge_plan.plan(
            batch.stored_rows(s, member.id, scores.appraisal_round),
            merged,
            member.id,
            scores.appraisal_round,
            record,
        )
        changed = plan.changed
        replaced = current.submission_id if current else None
        summary = submission_summary(
            len(merged), changed, len(findings), plan.first, plan.first_units, path.name
        )
        audits = (
            *plan.audits,
            (now, ctx.actor, "merge_submission", None, None, member.id, replaced,
             manifest.submission_id, summary, package_sha),
        )  # fmt: skip
        merge_rows.write(s, plan.inserts, plan.updates, plan.deletes, audits)
        batch.merged(member.id, scores.appraisal_round)
        merge_rows.insert_submission(s, replace(record, status=merge_store.HEAD))
        merge_rows.insert_import(s, now, IMPORT_KIND, path.name[:300], package_sha, changed)
        outcome = FileOutcome(
            path,
            Outcome.ACCEPTED,
            accepted_reason(member, len(merged), changed, replaced, len(findings)),
            manifest.submission_id,
            member.id,
            package_sha,
            replaced,
            changed,
            tuple(findings),
        )
        kept = staged.archive(package_sha)  # durable before the commit
        if not chosen:
            record_offer(s, now, outcome, check, kept, current.created_at if current else None)
    return outcome


def _branch_reason(manifest: ScoreManifest, current: StoredSubmission) -> Msg:
    """Why a submission that is not the next version of the member's current one conflicts."""
    if manifest.deprecated_id is not None:
        return Msg(
            f"xung đột: bản nộp đã cũ — nó thay thế bản {manifest.deprecated_id}, không "
            f"phải bản hiện hành {current.submission_id} của thành viên. "
            "Đã ghi nhận để thư ký xử lý.",
            f"conflict: a stale submission — it replaces {manifest.deprecated_id}, not "
            f"the member's current one {current.submission_id}. "
            "Recorded for the secretary.",
        )
    return Msg(
        f"xung đột: bản nộp không thay thế bản hiện hành {current.submission_id} "
        "của thành viên (thay thế: không). Đã ghi nhận để thư ký xử lý.",
        f"conflict: the submission does not replace the member's current one "
        f"{current.submission_id} (replaces: none). Recorded for the secretary.",
    )


def _refuse_unreadable_values(batch: Batch, check: ScorePackageCheck, staged: Path) -> None:
    """A package intact but for score values that are not canonical decimal text ("+1", "1e0",
    2.5 as a JSON number, "abc"), signed by the member it names: refuse it naming each value.
    Anything else wrong returns, and the integrity refusal stands."""
    manifest, verdict = check.manifest, check.signature
    if (
        manifest is None
        or verdict is None
        or not verdict.intact
        or check.scores is not None
        or not all(e.ok for e in check.entries)
    ):
        return
    try:
        raw = score_package.read_entry(staged, SCORES)
    except ImportFormatError:  # pragma: no cover - the entries were just checked
        return
    bad = unreadable_values(raw, manifest)
    if bad is None:
        return
    check_identity(batch.info, manifest)
    member = batch.members.get(manifest.member_id)
    check_signer(member, manifest.member_id, verdict)
    problems = bad_text_problems(bad, batch.criteria_set, batch.units)
    raise refusal(member, manifest.member_id, problems)


def _record(
    manifest: ScoreManifest,
    scores: MemberScores,
    verdict: SignatureVerdict,
    path: Path,
    package_sha: str,
    content_sha: str,
    at: str,
    status: str,
) -> StoredSubmission:
    return StoredSubmission(
        submission_id=manifest.submission_id,
        member_id=manifest.member_id,
        appraisal_round=scores.appraisal_round,
        deprecated_id=manifest.deprecated_id,
        created_at=manifest.created_at,
        imported_at=at,
        status=status,
        content_sha256=content_sha,
        package_sha256=package_sha,
        file_name=path.name[:300],
        signer=verdict.signer[:300],
        certificate_sha256=verdict.certificate_sha256,
        trust=verdict.trust.value,
        signing_time=verdict.signing_time.isoformat() if verdict.signing_time else None,
        scores=sum(len(v) for v in scores.units.values()),
        findings=0,
    )


def _record_conflict(s: Session, ctx: RoundContext, record: StoredSubmission) -> None:
    """Keep a conflicting submission for the secretary: its record and an audit entry."""
    merge_store.add_submission(s, record)
    round_store.audit(
        s,
        at=record.imported_at,
        actor=ctx.actor,
        action="merge_conflict",
        field=record.member_id,
        new=record.submission_id,
        reason=record.note,
        source=record.package_sha256,
    )


def _recorded_conflict(known: StoredSubmission) -> Msg:
    return Msg(
        f"xung đột đã ghi nhận trước đây ({known.note or known.submission_id}); không nhập.",
        f"a conflict recorded before ({known.submission_id}); not merged.",
    )
