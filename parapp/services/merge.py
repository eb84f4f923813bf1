"""The secretary's merge of members' signed score packages (.parscore) into the round.

Each file is checked in full before anything is stored (stack.md §10): signature and hashes,
the signer's registered certificate, the round's form and id, every score again through the
core, and the member's assignment. Its import is one transaction: all of it or nothing. The same
submission twice is a no-op; a submission whose ``deprecated_id`` is the member's current head
replaces the member's scores; any other branch is a conflict kept for the secretary. Packages
are archived read-only under their SHA-256 beside the round; every merged score names its
package, and every change lands in the audit log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from parapp.core.errors import ImportFormatError, UserCancelled
from parapp.core.findings import Finding
from parapp.core.messages import Lang, Msg
from parapp.core.progress import Progress, no_progress
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest, ScorePackageCheck
from parapp.io.packages.scores_json import MemberScores
from parapp.io.signing.validation import SignatureVerdict, TrustSettings
from parapp.services import merge_plan, revocation, rounds, signing
from parapp.services.context import RoundContext
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

ARCHIVE_SUFFIX = ".submissions"
MAX_PACKAGE_BYTES = 500 * 1000**2
IMPORT_KIND = "parscore"


class Outcome(StrEnum):
    """What happened to one file."""

    ACCEPTED = "accepted"
    """Merged (possibly replacing the member's previous submission)."""
    SUPERSEDED = "superseded"
    """A submission the member has already replaced: archived and recorded, not merged."""
    DUPLICATE = "duplicate"
    """Already imported with the same content: nothing changed."""
    REFUSED = "refused"
    """Not merged; the reason says why (conflicts are recorded for the secretary)."""

    @property
    def label(self) -> Msg:
        """The outcome in words."""
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.ACCEPTED: Msg("đã nhận", "accepted"),
    Outcome.SUPERSEDED: Msg("đã bị thay thế", "superseded"),
    Outcome.DUPLICATE: Msg("đã nhập", "already imported"),
    Outcome.REFUSED: Msg("bị từ chối", "refused"),
}


@dataclass(frozen=True)
class FileOutcome:
    """The merge's verdict on one file."""

    path: Path
    outcome: Outcome
    reason: Msg
    submission_id: str | None = None
    member_id: str | None = None
    package_sha256: str | None = None
    replaced: str | None = None
    """The submission id this one superseded."""
    changed: int = 0
    """Scores inserted, changed or removed."""
    findings: tuple[Finding, ...] = ()
    """Scores kept as submitted but flagged by the core (above maximum, off the levels, ...)."""
    conflict: bool = False
    """Refused as a conflict and recorded for the secretary."""
    headline: Msg | None = None
    """A refusal's first sentence when ``details`` list its problems (``reason`` holds all)."""
    details: tuple[Msg, ...] = ()
    """Every problem of a refused submission's scores, one per value."""

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """One line: file, outcome and reason."""
        return f"{self.path.name}: {self.outcome.label.get(lang)} – {self.reason.get(lang)}"


@dataclass(frozen=True)
class MergeReport:
    """One outcome per file, in the order given."""

    files: tuple[FileOutcome, ...]
    not_started: tuple[Path, ...] = ()
    """Files left alone because the user cancelled before their turn (each file merged before
    the cancel is whole and recorded)."""

    @property
    def ok(self) -> bool:
        """Every file was accepted or already imported (and none was left by a cancel)."""
        return not self.not_started and all(
            f.outcome in (Outcome.ACCEPTED, Outcome.DUPLICATE) for f in self.files
        )

    def count(self, outcome: Outcome) -> int:
        """How many files ended with ``outcome``."""
        return sum(1 for f in self.files if f.outcome is outcome)


def archive_folder(round_path: Path) -> Path:
    """``<round>.submissions/`` beside the round file."""
    return round_path.with_name(round_path.name + ARCHIVE_SUFFIX)


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
    for done, path in enumerate(paths):
        try:
            steps.step(done, len(paths), Msg(f"Đang nhập {path.name}…", f"Merging {path.name}…"))
        except UserCancelled:
            log.info("merge cancelled before %s: %d file(s) left", path.name, len(paths) - done)
            return MergeReport(tuple(outcomes), tuple(paths[done:]))
        outcomes.append(_merge_file(ctx, path, trust))
    return MergeReport(tuple(outcomes))


def merge_chosen(ctx: RoundContext, kept: Path, trust: TrustSettings | None = None) -> FileOutcome:
    """Merge the kept copy of a conflicting submission the secretary chose over the member's
    current one: checked again in full, it becomes the member's current version (the inbox
    service records the choice)."""
    trust = revocation.with_round_crls(
        ctx, trust if trust is not None else signing.trust_settings()
    )
    return _merge_file(ctx, kept, trust, chosen=True)


def _merge_file(
    ctx: RoundContext, path: Path, trust: TrustSettings, *, chosen: bool = False
) -> FileOutcome:
    """Merge one file and record it in the inbox with its kept copy (``chosen``: the secretary
    chose this conflicting version, already in the inbox, over the member's current one)."""
    try:
        data = _read(path)
    except RefusedError as exc:
        outcome = FileOutcome(path, Outcome.REFUSED, exc.reason)
        if not chosen:
            with ctx.db.transaction() as s:
                _offer(s, ctx, outcome, None, None)
        return outcome
    package_sha = hashlib.sha256(data).hexdigest()
    folder = archive_folder(ctx.path)
    with _staged(folder, data) as staged:
        check = score_package.check_score_package(staged, trust)
        try:
            outcome = _merge_checked(ctx, path, package_sha, check, staged, folder, chosen)
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
            kept = _archive(staged, folder, package_sha)  # a refused or losing copy is kept
            with ctx.db.transaction() as s:  # the merge's own transaction rolled back
                if exc.conflict is not None:
                    _record_conflict(s, ctx, exc.conflict)
                if not chosen:
                    _offer(s, ctx, outcome, check, kept)
    log.info("merge %s (%s): %s", path.name, package_sha[:16], outcome.outcome.value)
    return outcome


def _offer(
    s: Session,
    ctx: RoundContext,
    outcome: FileOutcome,
    check: ScorePackageCheck | None,
    kept: Path | None,
) -> None:
    """Record the offered file in the inbox: in the merge's transaction when it changed the
    round, else alone (a refusal changes nothing else)."""
    manifest = check.manifest if check is not None else None
    scores = check.scores if check is not None else None
    content = None
    if manifest is not None:
        content = next((f.sha256 for f in manifest.files if f.name == SCORES), None)
    state = _STATES[outcome.outcome]
    if outcome.conflict:
        state = inbox_store.CONFLICT
    reason = outcome.reason
    if outcome.outcome is Outcome.ACCEPTED and outcome.replaced is not None:
        old = merge_store.by_submission_id(s, outcome.replaced)
        if old:
            day = _day(old[0].created_at)
            reason = Msg(
                f"thay thế bản nộp ngày {day}; {reason.vi}",
                f"replaces the submission of {day}; {reason.en}",
            )
    inbox_store.add_offer(
        s,
        inbox_store.Offer(
            offered_at=ctx.now(),
            file_name=outcome.path.name,
            state=state,
            reason_vi=reason.vi,
            reason_en=reason.en,
            member_id=manifest.member_id if manifest else outcome.member_id,
            submission_id=manifest.submission_id if manifest else None,
            deprecated_id=manifest.deprecated_id if manifest else None,
            created_at=manifest.created_at if manifest else None,
            units=tuple(sorted(scores.units)) if scores is not None else (),
            content_sha256=content,
            package_sha256=outcome.package_sha256,
            kept_path=None if kept is None else f"{kept.parent.name}/{kept.name}",
        ),
    )


_STATES = {
    Outcome.ACCEPTED: inbox_store.MERGED,
    Outcome.DUPLICATE: inbox_store.DUPLICATE,
    Outcome.SUPERSEDED: inbox_store.SUPERSEDED,
    Outcome.REFUSED: inbox_store.REFUSED,
}


def _day(stamp: str) -> str:
    """ISO 8601 text as people write it: 04/12/2026 10:15."""
    with contextlib.suppress(ValueError):
        return dt.datetime.fromisoformat(stamp).strftime("%d/%m/%Y %H:%M")
    return stamp


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise RefusedError(Msg("tệp quá lớn.", "the file is too large."))
        return path.read_bytes()
    except OSError as exc:
        raise RefusedError(
            Msg(f"không đọc được tệp ({exc.strerror}).", f"cannot read the file ({exc.strerror}).")
        ) from None


@contextlib.contextmanager
def _staged(folder: Path, data: bytes) -> Iterator[Path]:
    """The bytes in a temporary file of the archive folder: what is verified is exactly what
    gets archived (no second read of the user's file)."""
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".incoming-", suffix=score_package.SUFFIX, dir=folder)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        yield staged
    finally:
        staged.unlink(missing_ok=True)
        if created:
            with contextlib.suppress(OSError):  # not empty: something was archived
                folder.rmdir()


def _archive(staged: Path, folder: Path, package_sha: str) -> Path:
    """Move the verified bytes to ``<folder>/<sha256>``, read-only (kept if already there)."""
    target = folder / package_sha
    if target.exists():
        return target
    os.chmod(staged, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.replace(staged, target)
    return target


def _merge_checked(
    ctx: RoundContext,
    path: Path,
    package_sha: str,
    check: ScorePackageCheck,
    staged: Path,
    folder: Path,
    chosen: bool = False,
) -> FileOutcome:
    if not check.intact or check.manifest is None or check.scores is None:
        _refuse_unreadable_values(ctx, check, staged)
        raise RefusedError(integrity_reason(check))
    assert check.signature is not None  # intact implies a signature
    manifest, scores, verdict = check.manifest, check.scores, check.signature
    content_sha = next(f.sha256 for f in manifest.files if f.name == SCORES)
    criteria_set = ctx.criteria_set()
    scope = rounds.member_scope(ctx, manifest.member_id)
    with ctx.db.transaction() as s:

        def conflict(reason: Msg) -> RefusedError:
            # Recorded by the caller in a transaction of its own: this one rolls back.
            return RefusedError(
                reason, conflict=replace(record, status=merge_store.CONFLICT, note=reason.vi)
            )

        info = round_store.info(s)
        check_identity(info, manifest)
        member = round_store.member(s, manifest.member_id)
        check_signer(member, manifest.member_id, verdict)
        assert member is not None
        invalid = revocation.signer_refusal(verdict)  # expired, not yet valid, revoked
        if invalid is not None:
            raise RefusedError(invalid)
        units = {u.id: u for u in round_store.units(s)}
        known = merge_store.by_submission_id(s, manifest.submission_id)
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
            _offer(s, ctx, outcome, check, _archive(staged, folder, package_sha))
            return outcome
        record = _record(
            manifest, scores, verdict, path, package_sha, content_sha, ctx.now(), status=""
        )
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
        selfs = merge_store.self_assessments_of(s, (u for u in scores.units if u in units))
        submitted = Submitted(member, package_sha, ctx.now(), selfs)
        merged, findings = validated(criteria_set, units, scope, scores, submitted)
        record = replace(record, scores=len(merged), findings=len(findings))
        current = merge_store.head(s, member.id, scores.appraisal_round)
        if current is not None and manifest.deprecated_id != current.submission_id and not chosen:
            if merge_store.is_ancestor(s, manifest.submission_id, current):
                merge_store.add_submission(s, replace(record, status=merge_store.SUPERSEDED))
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
                kept = _archive(staged, folder, package_sha)  # before the commit
                if not chosen:
                    _offer(s, ctx, outcome, check, kept)
                return outcome
            if manifest.deprecated_id is not None:
                reason = Msg(
                    f"xung đột: bản nộp đã cũ — nó thay thế bản {manifest.deprecated_id}, không "
                    f"phải bản hiện hành {current.submission_id} của thành viên. "
                    "Đã ghi nhận để thư ký xử lý.",
                    f"conflict: a stale submission — it replaces {manifest.deprecated_id}, not "
                    f"the member's current one {current.submission_id}. "
                    "Recorded for the secretary.",
                )
            else:
                reason = Msg(
                    f"xung đột: bản nộp không thay thế bản hiện hành {current.submission_id} "
                    "của thành viên (thay thế: không). Đã ghi nhận để thư ký xử lý.",
                    f"conflict: the submission does not replace the member's current one "
                    f"{current.submission_id} (replaces: none). Recorded for the secretary.",
                )
            raise conflict(reason)
        if current is not None:
            merge_store.set_status(
                s, current.submission_id, merge_store.HEAD, merge_store.SUPERSEDED
            )
            day = _day(manifest.created_at)
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
            merge_rows.member_score_texts(s, member.id, scores.appraisal_round),
            merged,
            member.id,
            scores.appraisal_round,
            record,
        )
        merge_rows.write(s, plan.inserts, plan.updates, plan.deletes, plan.audits)
        changed = plan.changed
        merge_store.add_submission(s, replace(record, status=merge_store.HEAD))
        round_store.record_import(
            s,
            at=record.imported_at,
            kind=IMPORT_KIND,
            file_name=path.name[:300],
            sha256=package_sha,
            unit_id=None,
            changed=changed,
        )
        round_store.audit(
            s,
            at=record.imported_at,
            actor=ctx.actor,
            action="merge_submission",
            field=member.id,
            old=current.submission_id if current else None,
            new=manifest.submission_id,
            reason=f"{len(merged)} scores, {changed} changed, {len(findings)} findings",
            source=package_sha,
        )
        replaced = current.submission_id if current else None
        outcome = FileOutcome(
            path,
            Outcome.ACCEPTED,
            Msg(
                f"đã nhập {len(merged)} điểm của {member.name} ({changed} thay đổi"
                + (f", thay thế bản {replaced}" if replaced else "")
                + (f", {len(findings)} cảnh báo" if findings else "")
                + ").",
                f"merged {len(merged)} scores of {member.name} ({changed} changed"
                + (f", replacing {replaced}" if replaced else "")
                + (f", {len(findings)} findings" if findings else "")
                + ").",
            ),
            manifest.submission_id,
            member.id,
            package_sha,
            replaced,
            changed,
            tuple(findings),
        )
        kept = _archive(staged, folder, package_sha)  # before the commit
        if not chosen:
            _offer(s, ctx, outcome, check, kept)
    return outcome


def _refuse_unreadable_values(ctx: RoundContext, check: ScorePackageCheck, staged: Path) -> None:
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
    with ctx.db.transaction() as s:
        check_identity(round_store.info(s), manifest)
        member = round_store.member(s, manifest.member_id)
        check_signer(member, manifest.member_id, verdict)
        units = {u.id: u for u in round_store.units(s)}
    problems = bad_text_problems(bad, ctx.criteria_set(), units)
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
