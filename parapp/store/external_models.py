"""ORM models of signing with another tool (migration 0009): each document exported for outside
signing, each signed file brought back (accepted or refused), and the signature and seal images
of the stamp, stored once by their SHA-256."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parapp.store.models import ID, STAMP, Base


class ExternalDocumentRow(Base):
    """One export of an official PDF for signing elsewhere.

    ``doc``: ``results``, ``minutes``, ``notice:UNIT`` or ``sheet:MEMBER:UNIT``; ``params``: the
    JSON of what it was rendered with (place, date…), so that its content can be rebuilt;
    ``exported_sha256``/``exported_size``: the exact bytes written; ``content_sha256``: the
    fingerprint of the round data they show; ``signers``: JSON list of member ids, in signing
    order; ``state``: ``exported``, ``partly_signed``, ``signed`` or ``superseded``.
    """

    __tablename__ = "external_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    params: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[str] = mapped_column(STAMP)
    exported_by: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(300))
    exported_sha256: Mapped[str] = mapped_column(String(64))
    exported_size: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    signers: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))


class ExternalReturnRow(Base):
    """A signed file brought back: ``outcome`` ``accepted`` (``data`` holds the file, the next
    signer's export) or ``refused`` (the reason in both languages; the file is not kept).
    ``document_id`` is None when the file matched no export."""

    __tablename__ = "external_return"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("external_document.id"))
    received_at: Mapped[str] = mapped_column(STAMP)
    received_by: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(300))
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))
    reason_vi: Mapped[str] = mapped_column(Text, default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[int | None] = mapped_column(Integer)
    """0 for the first signer, 1 for the second…"""
    signer_member_id: Mapped[str | None] = mapped_column(ID)
    signer_name: Mapped[str] = mapped_column(String(300), default="")
    signer_sha256: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[str | None] = mapped_column(STAMP)
    field_name: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class StampImageRow(Base):
    """A PNG for the signature stamp (a person's signature or the agency's seal)."""

    __tablename__ = "stamp_image"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[str] = mapped_column(STAMP)
