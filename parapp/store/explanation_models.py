"""ORM models of the second half of the year's first steps: round-1 notices sent to units and
the units' explanations (giải trình) with their new evidence (migration 0005)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parapp.store.models import ID, STAMP, Base
from parapp.store.types import DecimalText


class NoticeRow(Base):
    """A round-1 notice (Thông báo kết quả thẩm định lần 1) issued to a unit: the files written
    and who signed them. Every issue is kept (a notice may be issued again)."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    issued_at: Mapped[str] = mapped_column(STAMP)
    deadline: Mapped[str] = mapped_column(String(10))
    """ISO date by which the unit explains."""
    pdf_name: Mapped[str] = mapped_column(String(300))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    xlsx_sha256: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(300))
    actor: Mapped[str] = mapped_column(String(300))


class ExplanationImportRow(Base):
    """One imported explanation form of a unit. ``status``: ``current`` or ``replaced`` (by a
    later form declared as its replacement); the replaced one is kept."""

    __tablename__ = "explanation_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(300))
    form_sha256: Mapped[str] = mapped_column(String(64))
    form_serial: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(STAMP)
    actor: Mapped[str] = mapped_column(String(300))
    approver_name: Mapped[str] = mapped_column(String(300))
    approver_title: Mapped[str] = mapped_column(String(300))
    approved_on: Mapped[str] = mapped_column(String(10))
    replaces: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))


class ExplanationRow(Base):
    """One explained item of an imported form: the proposed score (exact text) and the text."""

    __tablename__ = "explanation"
    __table_args__ = (UniqueConstraint("import_id", "node_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("explanation_import.id", ondelete="CASCADE")
    )
    unit_id: Mapped[str] = mapped_column(ID)
    node_code: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)
    proposed: Mapped[Decimal | None] = mapped_column(DecimalText)
    text: Mapped[str] = mapped_column(Text, default="")


class ExplanationEvidenceRow(Base):
    """A new evidence file cited by an explained item: stored by hash, cited at a page."""

    __tablename__ = "explanation_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    explanation_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("explanation.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(300))
    page: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("evidence_file.sha256", ondelete="RESTRICT")
    )
