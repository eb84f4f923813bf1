"""ORM model of the submission inbox (migration 0008): every file offered to the merge."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parapp.store.models import ID, STAMP, Base


class OfferedFileRow(Base):
    """One file offered to the merge, whatever became of it.

    ``state``: ``merged``, ``duplicate``, ``superseded``, ``refused`` or ``conflict``; a merged
    file later replaced by a newer version becomes ``superseded``. ``resolution`` of a conflict:
    ``""`` (open), ``chosen`` (the secretary merged it) or ``set_aside`` (the current version was
    kept). ``kept_path``: the read-only copy, relative to the round's folder (None: unreadable).
    """

    __tablename__ = "offered_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    offered_at: Mapped[str] = mapped_column(STAMP)
    file_name: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(20))
    reason_vi: Mapped[str] = mapped_column(Text)
    reason_en: Mapped[str] = mapped_column(Text)
    member_id: Mapped[str | None] = mapped_column(ID)
    submission_id: Mapped[str | None] = mapped_column(String(64))
    deprecated_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[str | None] = mapped_column(STAMP)
    units: Mapped[str] = mapped_column(Text, default="")
    """The unit ids of the package, comma-separated."""
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    package_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    kept_path: Mapped[str | None] = mapped_column(String(300))
    resolution: Mapped[str] = mapped_column(String(20), default="")
    resolution_reason: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str] = mapped_column(String(300), default="")
    resolved_at: Mapped[str | None] = mapped_column(STAMP)
