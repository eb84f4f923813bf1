"""Revocation lists as a round setting: the CRL files every merge checks signatures against.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crl",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("der", sa.LargeBinary(), nullable=False),
        sa.Column("this_update", sa.String(length=40), nullable=False),
        sa.Column("next_update", sa.String(length=40), nullable=True),
        sa.Column("revoked", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_crl")),
    )


def downgrade() -> None:
    op.drop_table("crl")
