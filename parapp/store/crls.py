"""Repository of the round's revocation lists (CRLs): a round setting every merge uses.

Functions take a ``Session`` and return plain dataclasses; they never commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from parapp.store.models import CrlRow


@dataclass(frozen=True)
class StoredCrl:
    """A revocation list kept in the round."""

    sha256: str
    issuer: str
    file_name: str
    der: bytes
    this_update: str
    next_update: str | None
    revoked: int
    added_at: str


def _stored(row: CrlRow) -> StoredCrl:
    return StoredCrl(
        row.sha256,
        row.issuer,
        row.file_name,
        row.der,
        row.this_update,
        row.next_update,
        row.revoked,
        row.added_at,
    )


def crls(session: Session) -> list[StoredCrl]:
    """Every stored list, by issuer."""
    rows = session.scalars(select(CrlRow).order_by(CrlRow.issuer, CrlRow.sha256))
    return [_stored(row) for row in rows]


def add_crl(session: Session, crl: StoredCrl) -> None:
    """Store a list (its SHA-256 is its key)."""
    session.add(
        CrlRow(
            sha256=crl.sha256,
            issuer=crl.issuer,
            file_name=crl.file_name,
            der=crl.der,
            this_update=crl.this_update,
            next_update=crl.next_update,
            revoked=crl.revoked,
            added_at=crl.added_at,
        )
    )


def remove_crl(session: Session, sha256: str) -> None:
    """Forget one list."""
    session.execute(delete(CrlRow).where(CrlRow.sha256 == sha256))
