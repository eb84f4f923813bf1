"""Repository of signing with another tool: exported documents, signed returns, stamp images.

Functions take a ``Session`` and never commit; the calling service owns the transaction and the
audit row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from parapp.store.external_models import ExternalDocumentRow, ExternalReturnRow, StampImageRow

ACCEPTED = "accepted"
REFUSED = "refused"


@dataclass(frozen=True)
class ExportedDocument:
    """One export (see ``ExternalDocumentRow``)."""

    id: int
    doc: str
    kind: str
    params: dict[str, str]
    exported_at: str
    exported_by: str
    file_name: str
    exported_sha256: str
    exported_size: int
    content_sha256: str
    signers: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class SignedReturn:
    """One file brought back (see ``ExternalReturnRow``); ``data`` only when asked for."""

    id: int
    document_id: int | None
    received_at: str
    received_by: str
    file_name: str
    file_sha256: str
    file_size: int
    outcome: str
    reason_vi: str
    reason_en: str
    step: int | None
    signer_member_id: str | None
    signer_name: str
    signer_sha256: str | None
    signed_at: str | None
    field_name: str
    data: bytes | None = None


def _document(r: ExternalDocumentRow) -> ExportedDocument:
    return ExportedDocument(
        r.id,
        r.doc,
        r.kind,
        json.loads(r.params),
        r.exported_at,
        r.exported_by,
        r.file_name,
        r.exported_sha256,
        r.exported_size,
        r.content_sha256,
        tuple(json.loads(r.signers)),
        r.state,
    )


def _return(r: ExternalReturnRow, with_data: bool) -> SignedReturn:
    return SignedReturn(
        r.id,
        r.document_id,
        r.received_at,
        r.received_by,
        r.file_name,
        r.file_sha256,
        r.file_size,
        r.outcome,
        r.reason_vi,
        r.reason_en,
        r.step,
        r.signer_member_id,
        r.signer_name,
        r.signer_sha256,
        r.signed_at,
        r.field_name,
        r.data if with_data else None,
    )


def add_document(session: Session, document: ExportedDocument) -> int:
    """Store an export (its ``id`` is ignored); return the new id."""
    row = ExternalDocumentRow(
        doc=document.doc,
        kind=document.kind,
        params=json.dumps(document.params, ensure_ascii=False, sort_keys=True),
        exported_at=document.exported_at,
        exported_by=document.exported_by,
        file_name=document.file_name,
        exported_sha256=document.exported_sha256,
        exported_size=document.exported_size,
        content_sha256=document.content_sha256,
        signers=json.dumps(list(document.signers)),
        state=document.state,
    )
    session.add(row)
    session.flush()
    return row.id


def documents(session: Session, doc: str | None = None) -> list[ExportedDocument]:
    """Every export (of ``doc`` when given), oldest first."""
    query = select(ExternalDocumentRow).order_by(ExternalDocumentRow.id)
    if doc is not None:
        query = query.where(ExternalDocumentRow.doc == doc)
    return [_document(r) for r in session.scalars(query)]


def set_state(session: Session, document_id: int, state: str) -> None:
    """Change an export's state."""
    row = session.get(ExternalDocumentRow, document_id)
    assert row is not None
    row.state = state
    session.flush()


def add_return(session: Session, signed: SignedReturn) -> int:
    """Store a file brought back (its ``id`` is ignored); return the new id."""
    row = ExternalReturnRow(
        document_id=signed.document_id,
        received_at=signed.received_at,
        received_by=signed.received_by,
        file_name=signed.file_name,
        file_sha256=signed.file_sha256,
        file_size=signed.file_size,
        outcome=signed.outcome,
        reason_vi=signed.reason_vi,
        reason_en=signed.reason_en,
        step=signed.step,
        signer_member_id=signed.signer_member_id,
        signer_name=signed.signer_name,
        signer_sha256=signed.signer_sha256,
        signed_at=signed.signed_at,
        field_name=signed.field_name,
        data=signed.data,
    )
    session.add(row)
    session.flush()
    return row.id


def returns(
    session: Session, document_id: int | None = None, *, accepted_only: bool = False
) -> list[SignedReturn]:
    """Every file brought back (for one export when given), oldest first, without the bytes."""
    query = select(ExternalReturnRow).order_by(ExternalReturnRow.id)
    if document_id is not None:
        query = query.where(ExternalReturnRow.document_id == document_id)
    if accepted_only:
        query = query.where(ExternalReturnRow.outcome == ACCEPTED)
    return [_return(r, False) for r in session.scalars(query)]


def latest_signed(session: Session, document_id: int) -> SignedReturn | None:
    """The export's last accepted return, with its bytes (None: none yet)."""
    row = session.scalars(
        select(ExternalReturnRow)
        .where(ExternalReturnRow.document_id == document_id)
        .where(ExternalReturnRow.outcome == ACCEPTED)
        .order_by(ExternalReturnRow.step.desc())
        .limit(1)
    ).first()
    return None if row is None else _return(row, True)


def put_image(session: Session, sha256: str, data: bytes, size: tuple[int, int], at: str) -> None:
    """Keep a PNG under its SHA-256 (a no-op when kept already)."""
    if session.get(StampImageRow, sha256) is None:
        session.add(
            StampImageRow(sha256=sha256, data=data, width=size[0], height=size[1], added_at=at)
        )
        session.flush()


def image(session: Session, sha256: str) -> bytes | None:
    """The PNG kept under ``sha256``."""
    row = session.get(StampImageRow, sha256)
    return None if row is None else row.data
