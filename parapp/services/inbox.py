"""The secretary's submission inbox: every file ever offered to the round's merge, what became
of it and why, and the resolution of conflicts by choosing a version.

The merge records each offered file (``services.merge``); a refused or losing copy is kept
read-only under its SHA-256 in ``<round>.submissions/`` like a merged one. A conflict is closed
by the secretary, with a reason, in the audit log: either the conflicting version is merged in
place of the member's current one (checked again in full), or the current one is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.io.signing.validation import TrustSettings
from parapp.services import merge
from parapp.services.context import RoundContext
from parapp.store import inbox as inbox_store
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store
from parapp.store.inbox import Offer

__all__ = ["InboxEntry", "Offer", "choose_version", "inbox", "keep_current"]

STATE_LABELS = {
    inbox_store.MERGED: Msg("đã nhập", "merged"),
    inbox_store.DUPLICATE: Msg("bản trùng", "identical duplicate"),
    inbox_store.SUPERSEDED: Msg("đã bị thay thế", "superseded"),
    inbox_store.REFUSED: Msg("bị từ chối", "refused"),
    inbox_store.CONFLICT: Msg("xung đột", "conflict"),
}
SET_ASIDE_LABEL = Msg("xung đột – giữ bản hiện hành", "conflict – current version kept")
CHOSEN_LABEL = Msg("đã nhập (thư ký chọn)", "merged (chosen by the secretary)")


@dataclass(frozen=True)
class InboxEntry:
    """One offered file as the inbox shows it."""

    offer: Offer
    state: Msg
    reason: Msg

    @property
    def open_conflict(self) -> bool:
        """A conflict the secretary has not resolved yet."""
        return self.offer.state == inbox_store.CONFLICT and not self.offer.resolution

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """File name, state and reason on one line."""
        return f"{self.offer.file_name}: {self.state.get(lang)} – {self.reason.get(lang)}"


def _entry(offer: Offer) -> InboxEntry:
    state = STATE_LABELS.get(offer.state, Msg(offer.state, offer.state))
    reason = Msg(offer.reason_vi, offer.reason_en)
    if offer.resolution == inbox_store.CHOSEN:
        state = CHOSEN_LABEL
    elif offer.resolution == inbox_store.SET_ASIDE:
        state = SET_ASIDE_LABEL
    if offer.resolution:
        reason = Msg(
            f"{offer.reason_vi} Thư ký đã xử lý: {offer.resolution_reason}",
            f"{offer.reason_en} Resolved by the secretary: {offer.resolution_reason}",
        )
    return InboxEntry(offer, state, reason)


def inbox(ctx: RoundContext) -> list[InboxEntry]:
    """Every file offered to the round, in the order offered."""
    with ctx.db.transaction() as s:
        return [_entry(o) for o in inbox_store.offers(s)]


def _open_conflict(ctx: RoundContext, offer_id: int, reason: str) -> tuple[Offer, str]:
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError(
            Msg(
                "Hãy ghi lý do chọn phiên bản để xử lý xung đột.",
                "Give the reason for the version chosen to resolve the conflict.",
            )
        )
    with ctx.db.transaction() as s:
        found = inbox_store.offer(s, offer_id)
    if found is None or found.state != inbox_store.CONFLICT or found.resolution:
        raise ValidationError(
            Msg(
                f"Tệp số {offer_id} không phải một xung đột đang chờ xử lý.",
                f"File {offer_id} is not an open conflict.",
            )
        )
    return found, reason


def choose_version(
    ctx: RoundContext, offer_id: int, reason: str, trust: TrustSettings | None = None
) -> InboxEntry:
    """Merge the conflicting file ``offer_id`` in place of the member's current version.

    Raises:
        ValidationError: no reason, not an open conflict, its kept copy is missing, or the
            file is refused when checked again (the reason says why; nothing changes).
    """
    found, reason = _open_conflict(ctx, offer_id, reason)
    kept = None if found.kept_path is None else ctx.path.parent / found.kept_path
    if kept is None or not kept.is_file():
        raise ValidationError(
            Msg(
                f"Không tìm thấy bản lưu của {found.file_name}.",
                f"The kept copy of {found.file_name} is missing.",
            )
        )
    current = _current(ctx, found)
    outcome = merge.merge_chosen(ctx, Path(kept), trust)
    if outcome.outcome is not merge.Outcome.ACCEPTED:
        raise ValidationError(
            Msg(
                f"Không nhập được {found.file_name}: {outcome.reason.vi}",
                f"Cannot merge {found.file_name}: {outcome.reason.en}",
            )
        )
    return _close(ctx, found, inbox_store.CHOSEN, reason, current)


def keep_current(ctx: RoundContext, offer_id: int, reason: str) -> InboxEntry:
    """Close the conflict ``offer_id`` keeping the member's current version.

    Raises:
        ValidationError: no reason, or not an open conflict.
    """
    found, reason = _open_conflict(ctx, offer_id, reason)
    current = _current(ctx, found)
    return _close(ctx, found, inbox_store.SET_ASIDE, reason, current)


def _current(ctx: RoundContext, found: Offer) -> merge_store.StoredSubmission | None:
    """The member's current version in the appraisal round of the offered submission."""
    with ctx.db.transaction() as s:
        records = merge_store.by_submission_id(s, found.submission_id or "")
        appraisal_round = records[-1].appraisal_round if records else 1
        return merge_store.head(s, found.member_id or "", appraisal_round)


def _close(
    ctx: RoundContext,
    found: Offer,
    resolution: str,
    reason: str,
    current: merge_store.StoredSubmission | None,
) -> InboxEntry:
    at = ctx.now()
    with ctx.db.transaction() as s:
        if resolution == inbox_store.SET_ASIDE:
            merge_store.set_status(
                s, found.submission_id or "", merge_store.CONFLICT, merge_store.RESOLVED
            )
        inbox_store.resolve(s, found.id, resolution, reason, ctx.actor, at)
        chosen = resolution == inbox_store.CHOSEN
        round_store.audit(
            s,
            at=at,
            actor=ctx.actor,
            action="resolve_conflict",
            field=found.member_id or "",
            old=current.submission_id if current else None,
            new=found.submission_id if chosen else (current.submission_id if current else None),
            reason=reason,
            source=found.package_sha256 or "",
        )
        updated = inbox_store.offer(s, found.id)
    assert updated is not None
    return _entry(updated)
