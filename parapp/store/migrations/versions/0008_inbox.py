"""The submission inbox: every file ever offered to the merge, with its fate and kept copy.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offered_file",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("offered_at", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reason_vi", sa.Text(), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("submission_id", sa.String(length=64), nullable=True),
        sa.Column("deprecated_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=True),
        sa.Column("units", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("package_sha256", sa.String(length=64), nullable=True),
        sa.Column("kept_path", sa.String(length=300), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.Column("resolution_reason", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(length=300), nullable=False),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offered_file")),
    )
    op.create_index(
        op.f("ix_offered_file_package_sha256"), "offered_file", ["package_sha256"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_offered_file_package_sha256"), table_name="offered_file")
    op.drop_table("offered_file")
