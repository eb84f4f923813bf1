"""Repository of the submission inbox: every file offered to the merge (``offered_file``).

Functions take a ``Session`` and return plain dataclasses; they never commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from parapp.store.driver import executemany
from parapp.store.inbox_models import OfferedFileRow

MERGED = "merged"
DUPLICATE = "duplicate"
SUPERSEDED = "superseded"
REFUSED = "refused"
CONFLICT = "conflict"

CHOSEN = "chosen"
SET_ASIDE = "set_aside"


@dataclass(frozen=True)
class Offer:
    """One offered file as recorded (``id`` 0 before it is stored)."""

    offered_at: str
    file_name: str
    state: str
    reason_vi: str
    reason_en: str
    member_id: str | None = None
    submission_id: str | None = None
    deprecated_id: str | None = None
    created_at: str | None = None
    units: tuple[str, ...] = ()
    content_sha256: str | None = None
    package_sha256: str | None = None
    kept_path: str | None = None
    resolution: str = ""
    resolution_reason: str = ""
    resolved_by: str = ""
    resolved_at: str | None = None
    id: int = 0


def _offer(r: OfferedFileRow) -> Offer:
    return Offer(
        r.offered_at,
        r.file_name,
        r.state,
        r.reason_vi,
        r.reason_en,
        r.member_id,
        r.submission_id,
        r.deprecated_id,
        r.created_at,
        tuple(u for u in r.units.split(",") if u),
        r.content_sha256,
        r.package_sha256,
        r.kept_path,
        r.resolution,
        r.resolution_reason,
        r.resolved_by,
        r.resolved_at,
        r.id,
    )


def add_offer(session: Session, offer: Offer) -> int:
    """Record an offered file; return its id."""
    row = OfferedFileRow(
        offered_at=offer.offered_at,
        file_name=offer.file_name[:300],
        state=offer.state,
        reason_vi=offer.reason_vi,
        reason_en=offer.reason_en,
        member_id=offer.member_id,
        submission_id=offer.submission_id,
        deprecated_id=offer.deprecated_id,
        created_at=offer.created_at,
        units=",".join(offer.units),
        content_sha256=offer.content_sha256,
        package_sha256=offer.package_sha256,
        kept_path=offer.kept_path,
        resolution=offer.resolution,
        resolution_reason=offer.resolution_reason,
        resolved_by=offer.resolved_by,
        resolved_at=offer.resolved_at,
    )
    session.add(row)
    session.flush()
    return row.id


_OFFER_COLUMNS = (
    "offered_at",
    "file_name",
    "state",
    "reason_vi",
    "reason_en",
    "member_id",
    "submission_id",
    "deprecated_id",
    "created_at",
    "units",
    "content_sha256",
    "package_sha256",
    "kept_path",
    "resolution",
    "resolution_reason",
    "resolved_by",
    "resolved_at",
)


def record_offer(session: Session, offer: Offer) -> None:
    """Record an offered file as ``add_offer`` does, in one statement on the driver (the merge
    records one per file inside its transaction and needs no id back)."""
    values = (
        offer.offered_at,
        offer.file_name[:300],
        offer.state,
        offer.reason_vi,
        offer.reason_en,
        offer.member_id,
        offer.submission_id,
        offer.deprecated_id,
        offer.created_at,
        ",".join(offer.units),
        offer.content_sha256,
        offer.package_sha256,
        offer.kept_path,
        offer.resolution,
        offer.resolution_reason,
        offer.resolved_by,
        offer.resolved_at,
    )
    executemany(
        session,
        f"INSERT INTO {OfferedFileRow.__tablename__} ({', '.join(_OFFER_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_OFFER_COLUMNS))})",
        [values],
    )


def offers(session: Session) -> list[Offer]:
    """Every offered file, in the order they were offered."""
    rows = session.execute(select(OfferedFileRow).order_by(OfferedFileRow.id)).scalars()
    return [_offer(r) for r in rows]


def offer(session: Session, offer_id: int) -> Offer | None:
    """One offered file by id, or None."""
    row = session.get(OfferedFileRow, offer_id)
    return None if row is None else _offer(row)


def supersede(
    session: Session, submission_id: str, package_sha256: str, reason: tuple[str, str]
) -> None:
    """The merged file of ``submission_id`` was replaced by a newer version."""
    session.execute(
        update(OfferedFileRow)
        .where(
            OfferedFileRow.submission_id == submission_id,
            OfferedFileRow.package_sha256 == package_sha256,
            OfferedFileRow.state == MERGED,
        )
        .values(state=SUPERSEDED, reason_vi=reason[0], reason_en=reason[1])
    )


def resolve(
    session: Session, offer_id: int, resolution: str, reason: str, by: str, at: str
) -> None:
    """Close a conflict: the secretary chose it (``chosen``) or kept the current version."""
    row = session.get(OfferedFileRow, offer_id)
    assert row is not None  # the service looked it up
    row.resolution, row.resolution_reason = resolution, reason
    row.resolved_by, row.resolved_at = by, at
    if resolution == CHOSEN:
        row.state = MERGED
