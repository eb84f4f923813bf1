"""ORM models of a round file. They never leave ``store``: repositories return ``core`` objects.

Portable to PostgreSQL: no SQLite-only types or SQL; decimals as ``DecimalText``; timestamps as
ISO 8601 text with their UTC offset (what the user saw, exactly), ids as text.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parapp.store.types import DecimalText

# Named constraints keep Alembic migrations deterministic on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)
STAMP = String(40)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class RoundRow(Base):
    """The single round a file holds, with its frozen criteria set."""

    __tablename__ = "round"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[str] = mapped_column(String(10))
    criteria_json: Mapped[str] = mapped_column(Text)
    criteria_sha256: Mapped[str] = mapped_column(String(64))
    phase: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    """``round`` (the secretary's) or ``workspace`` (a member's, opened from a package)."""
    workspace_member_id: Mapped[str | None] = mapped_column(ID)
    package_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[str] = mapped_column(STAMP)
    consolidation_rule: Mapped[str] = mapped_column(
        String(20), default="mean", server_default="mean"
    )
    """How members' scores of an item combine (``core.consolidation.ConsolidationRule``)."""
    agree_threshold: Mapped[Decimal] = mapped_column(
        DecimalText, default=Decimal(0), server_default="0"
    )
    """The widest spread still counted as agreement under ``must_agree``."""


class UnitRow(Base):
    """An appraised unit (sở, UBND huyện, UBND xã)."""

    __tablename__ = "unit"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    unit_type: Mapped[str] = mapped_column(String(64))
    ranking_group: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)


class MemberRow(Base):
    """A council member, with room for a registered signing certificate."""

    __tablename__ = "member"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    certificate_der: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate_sha256: Mapped[str | None] = mapped_column(String(64))


class AssignmentRow(Base):
    """Member x unit x area (``area_code`` None: every area)."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("member_id", "unit_id", "area_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ID, ForeignKey("member.id", ondelete="CASCADE"))
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    area_code: Mapped[str | None] = mapped_column(String(64))


class PhaseEventRow(Base):
    """Every phase transition of the round, reopenings included."""

    __tablename__ = "phase_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(STAMP)
    from_phase: Mapped[str] = mapped_column(String(20))
    to_phase: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")


class SelfAssessmentRow(Base):
    """A unit's self-assessment of one leaf: declared figure, self-score and explanation."""

    __tablename__ = "self_assessment"

    unit_id: Mapped[str] = mapped_column(
        ID, ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    node_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    figure: Mapped[Decimal | None] = mapped_column(DecimalText)
    self_score: Mapped[Decimal | None] = mapped_column(DecimalText)
    explanation: Mapped[str] = mapped_column(Text, default="")


class EvidenceFileRow(Base):
    """An evidence file stored in the round's content-addressed folder under its SHA-256."""

    __tablename__ = "evidence_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))


class EvidenceRefRow(Base):
    """A cited evidence document ("file name, page") on a unit's leaf."""

    __tablename__ = "evidence_ref"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    node_code: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(300))
    page: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("evidence_file.sha256", ondelete="RESTRICT")
    )
    """None while the cited file was not supplied."""


class ScoreRow(Base):
    """A council member's appraisal of one leaf of one unit in one appraisal round."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("unit_id", "node_code", "member_id", "appraisal_round"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ID, ForeignKey("unit.id", ondelete="CASCADE"))
    node_code: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(ID, ForeignKey("member.id", ondelete="CASCADE"))
    appraisal_round: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    comment: Mapped[str] = mapped_column(Text, default="")
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[str] = mapped_column(STAMP)
    package_sha256: Mapped[str | None] = mapped_column(String(64))
    """The archived score package the value was merged from (None: typed in this file)."""


class ComponentRow(Base):
    """Points of a survey-, agency- or leadership-assessed leaf, imported by the secretary."""

    __tablename__ = "component"

    unit_id: Mapped[str] = mapped_column(
        ID, ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    node_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    figure: Mapped[Decimal | None] = mapped_column(DecimalText)
    value: Mapped[Decimal] = mapped_column(DecimalText)
    source: Mapped[str] = mapped_column(String(300))
    imported_at: Mapped[str] = mapped_column(STAMP)


class AuditRow(Base):
    """Every change of a stored value: who, when, old, new, why and from which file."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(STAMP)
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(40))
    unit_id: Mapped[str | None] = mapped_column(ID)
    node_code: Mapped[str | None] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(40), default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")


class ImportRow(Base):
    """A file imported into the round, by content hash, for idempotency and provenance."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(STAMP)
    kind: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[str | None] = mapped_column(ID)
    changed: Mapped[int] = mapped_column(Integer, default=0)


class SubmissionRow(Base):
    """A member's score package seen by the merge: its identity, verification and fate.

    ``status``: ``head`` (the member's current scores of that appraisal round), ``superseded``
    (replaced by a newer submission) or ``conflict`` (a branch or a reused id, not merged).
    """

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    submission_id: Mapped[str] = mapped_column(String(64), index=True)
    member_id: Mapped[str] = mapped_column(ID, ForeignKey("member.id", ondelete="CASCADE"))
    appraisal_round: Mapped[int] = mapped_column(Integer)
    deprecated_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(STAMP)
    imported_at: Mapped[str] = mapped_column(STAMP)
    status: Mapped[str] = mapped_column(String(20))
    content_sha256: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the package's scores.json: the content the idempotency check compares."""
    package_sha256: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the whole file: its name in the round's submissions archive."""
    file_name: Mapped[str] = mapped_column(String(300))
    signer: Mapped[str] = mapped_column(String(300))
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    trust: Mapped[str] = mapped_column(String(40))
    signing_time: Mapped[str | None] = mapped_column(STAMP)
    scores: Mapped[int] = mapped_column(Integer)
    findings: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class ResolutionRow(Base):
    """The secretary's decision on a contested item of a unit, with its reason."""

    __tablename__ = "resolution"

    unit_id: Mapped[str] = mapped_column(
        ID, ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    node_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    not_applicable: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(300))
    at: Mapped[str] = mapped_column(STAMP)


class CrlRow(Base):
    """A certificate revocation list the round checks every signature against (a round
    setting): kept whole, so the merge works offline; one per issuer, the newest."""

    __tablename__ = "crl"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    issuer: Mapped[str] = mapped_column(Text)
    """The issuer's distinguished name (RFC 4514)."""
    file_name: Mapped[str] = mapped_column(String(300))
    der: Mapped[bytes] = mapped_column(LargeBinary)
    this_update: Mapped[str] = mapped_column(STAMP)
    next_update: Mapped[str | None] = mapped_column(STAMP)
    revoked: Mapped[int] = mapped_column(Integer)
    """How many certificates it lists."""
    added_at: Mapped[str] = mapped_column(STAMP)


class SettingRow(Base):
    """A round setting by name, its value as canonical JSON text (never a float: numbers are
    decimal strings). Changes are audited by the service that makes them."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(STAMP)
    updated_by: Mapped[str] = mapped_column(String(200))


# Tables of later modules: imported here so that the metadata is complete wherever models is.
from parapp.store import explanation_models as _explanation_models  # noqa: E402, F401
from parapp.store import external_models as _external_models  # noqa: E402, F401
from parapp.store import inbox_models as _inbox_models  # noqa: E402, F401
from parapp.store import meeting_models as _meeting_models  # noqa: E402, F401
