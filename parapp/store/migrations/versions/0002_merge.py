"""Merge of members' submissions: submissions, the secretary's resolutions, the consolidation
rule of the round, and each merged score's link to its package hash.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("submission_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("appraisal_round", sa.Integer(), nullable=False),
        sa.Column("deprecated_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("signer", sa.String(length=300), nullable=False),
        sa.Column("certificate_sha256", sa.String(length=64), nullable=False),
        sa.Column("trust", sa.String(length=40), nullable=False),
        sa.Column("signing_time", sa.String(length=40), nullable=True),
        sa.Column("scores", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_submission_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
    )
    op.create_index(
        op.f("ix_submission_submission_id"), "submission", ["submission_id"], unique=False
    )
    op.create_table(
        "resolution",
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("node_code", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_resolution_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("unit_id", "node_code", name=op.f("pk_resolution")),
    )
    with op.batch_alter_table("round") as batch:
        batch.add_column(
            sa.Column(
                "consolidation_rule", sa.String(length=20), nullable=False, server_default="mean"
            )
        )
        batch.add_column(
            sa.Column("agree_threshold", sa.String(length=40), nullable=False, server_default="0")
        )
    with op.batch_alter_table("score") as batch:
        batch.add_column(sa.Column("package_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("score") as batch:
        batch.drop_column("package_sha256")
    with op.batch_alter_table("round") as batch:
        batch.drop_column("agree_threshold")
        batch.drop_column("consolidation_rule")
    op.drop_table("resolution")
    op.drop_index(op.f("ix_submission_submission_id"), table_name="submission")
    op.drop_table("submission")
