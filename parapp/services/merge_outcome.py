"""What the merge says about each file (``FileOutcome``, ``MergeReport``) and how it records an
offered file in the submission inbox."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from parapp.core.findings import Finding
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import Member
from parapp.io.packages.score_package import SCORES, ScorePackageCheck
from parapp.store import inbox as inbox_store
from parapp.store.database import StoreSession as Session


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


def record_offer(
    s: Session,
    at: str,
    outcome: FileOutcome,
    check: ScorePackageCheck | None,
    kept: Path | None,
    replaced_created_at: str | None = None,
) -> None:
    """Record the offered file in the inbox: in the merge's transaction when it changed the
    round, else alone (a refusal changes nothing else). ``replaced_created_at``: when the
    submission an accepted file replaces was made."""
    manifest = check.manifest if check is not None else None
    scores = check.scores if check is not None else None
    content = None
    if manifest is not None:
        content = next((f.sha256 for f in manifest.files if f.name == SCORES), None)
    state = _STATES[outcome.outcome]
    if outcome.conflict:
        state = inbox_store.CONFLICT
    reason = outcome.reason
    if outcome.outcome is Outcome.ACCEPTED and replaced_created_at is not None:
        day = day_text(replaced_created_at)
        reason = Msg(
            f"thay thế bản nộp ngày {day}; {reason.vi}",
            f"replaces the submission of {day}; {reason.en}",
        )
    inbox_store.record_offer(
        s,
        inbox_store.Offer(
            offered_at=at,
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


def day_text(stamp: str) -> str:
    """ISO 8601 text as people write it: 04/12/2026 10:15."""
    with contextlib.suppress(ValueError):
        return dt.datetime.fromisoformat(stamp).strftime("%d/%m/%Y %H:%M")
    return stamp


def accepted_reason(
    member: Member, scores: int, changed: int, replaced: str | None, findings: int
) -> Msg:
    """``đã nhập 84 điểm của Nguyễn Văn A (84 thay đổi).``"""
    return Msg(
        f"đã nhập {scores} điểm của {member.name} ({changed} thay đổi"
        + (f", thay thế bản {replaced}" if replaced else "")
        + (f", {findings} cảnh báo" if findings else "")
        + ").",
        f"merged {scores} scores of {member.name} ({changed} changed"
        + (f", replacing {replaced}" if replaced else "")
        + (f", {findings} findings" if findings else "")
        + ").",
    )


def submission_summary(
    scores: int, changed: int, findings: int, first: int, first_units: int, file_name: str
) -> str:
    """The ``reason`` of a ``merge_submission`` audit row (codes for machines; the audit log
    reads it as a sentence, ``core.audit_text``): the counts, and the scores that arrived for
    the first time, which are not audited one row per value."""
    text = f"{scores} scores, {changed} changed, {findings} findings"
    if first:
        text += f"; {first} first scores of {first_units} units from {file_name}"
    return text
