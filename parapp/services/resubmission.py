"""A member's corrected re-submission: the workspace remembers its last submission (in its
settings table) so that the next package names it as the version it replaces
(``deprecated_id``, as ODK's deprecatedID); the secretary's merge then supersedes it."""

from __future__ import annotations

from dataclasses import dataclass

from parapp.services.context import RoundContext
from parapp.store import settings as settings_store

LAST_KEY = "workspace.last_submission"
"""Setting: ``{member id: {"id", "created_at", "file"}}`` of the last package signed here."""


@dataclass(frozen=True)
class LastSubmission:
    """The member's last package signed in this workspace."""

    submission_id: str
    created_at: str
    file_name: str

    @property
    def day(self) -> str:
        """Its time as people write it: 04/12/2026 10:15."""
        text = self.created_at
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]} {text[11:16]}" if len(text) >= 16 else text


def last_submission(ctx: RoundContext, member_id: str) -> LastSubmission | None:
    """The member's last submission from this workspace, or None before the first."""
    with ctx.db.transaction() as s:
        known = settings_store.get(s, LAST_KEY, {}) or {}
    found = known.get(member_id)
    if not isinstance(found, dict) or not isinstance(found.get("id"), str):
        return None
    return LastSubmission(found["id"], str(found.get("created_at", "")), str(found.get("file", "")))


def remember(
    ctx: RoundContext, member_id: str, submission_id: str, created_at: str, file_name: str
) -> None:
    """Record the package just signed as the member's last submission (the submit service's
    audit row names it, and the one it replaces)."""
    with ctx.db.transaction() as s:
        known = dict(settings_store.get(s, LAST_KEY, {}) or {})
        known[member_id] = {"id": submission_id, "created_at": created_at, "file": file_name}
        settings_store.put(s, LAST_KEY, known, at=ctx.now(), by=ctx.actor or member_id)
