"""Round-1 notices and units' explanations (giải trình) with their new evidence.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_STAMP = sa.String(length=40)


def upgrade() -> None:
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("issued_at", _STAMP, nullable=False),
        sa.Column("deadline", sa.String(length=10), nullable=False),
        sa.Column("pdf_name", sa.String(length=300), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("xlsx_sha256", sa.String(length=64), nullable=False),
        sa.Column("signer", sa.String(length=300), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_notice_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    op.create_table(
        "explanation_import",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("form_sha256", sa.String(length=64), nullable=False),
        sa.Column("form_serial", sa.String(length=64), nullable=False),
        sa.Column("imported_at", _STAMP, nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("approver_name", sa.String(length=300), nullable=False),
        sa.Column("approver_title", sa.String(length=300), nullable=False),
        sa.Column("approved_on", sa.String(length=10), nullable=False),
        sa.Column("replaces", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_explanation_import_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_explanation_import")),
    )
    op.create_table(
        "explanation",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("node_code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("proposed", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["explanation_import.id"],
            name=op.f("fk_explanation_import_id_explanation_import"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_explanation")),
        sa.UniqueConstraint("import_id", "node_code", name=op.f("uq_explanation_import_id")),
    )
    op.create_table(
        "explanation_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("explanation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["explanation_id"],
            ["explanation.id"],
            name=op.f("fk_explanation_evidence_explanation_id_explanation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["evidence_file.sha256"],
            name=op.f("fk_explanation_evidence_sha256_evidence_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_explanation_evidence")),
    )


def downgrade() -> None:
    op.drop_table("explanation_evidence")
    op.drop_table("explanation")
    op.drop_table("explanation_import")
    op.drop_table("notice")
