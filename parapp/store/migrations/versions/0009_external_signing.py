"""Documents exported for signing with another tool, their signed returns, and the signature and
seal images of the stamp.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "external_document",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("exported_at", sa.String(length=40), nullable=False),
        sa.Column("exported_by", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("exported_sha256", sa.String(length=64), nullable=False),
        sa.Column("exported_size", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("signers", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_document")),
    )
    op.create_index(op.f("ix_external_document_doc"), "external_document", ["doc"], unique=False)
    op.create_table(
        "external_return",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.Column("received_by", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason_vi", sa.Text(), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("signer_member_id", sa.String(length=64), nullable=True),
        sa.Column("signer_name", sa.String(length=300), nullable=False),
        sa.Column("signer_sha256", sa.String(length=64), nullable=True),
        sa.Column("signed_at", sa.String(length=40), nullable=True),
        sa.Column("field_name", sa.String(length=200), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["external_document.id"],
            name=op.f("fk_external_return_document_id_external_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_return")),
    )
    op.create_table(
        "stamp_image",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stamp_image")),
    )


def downgrade() -> None:
    op.drop_table("stamp_image")
    op.drop_table("external_return")
    op.drop_index(op.f("ix_external_document_doc"), table_name="external_document")
    op.drop_table("external_document")
