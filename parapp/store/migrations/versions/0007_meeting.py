"""The council meeting: meeting, attendance (written opinions), contested items and their
decisions, votes, and the items the secretary sends to the council.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("held_on", sa.String(length=40), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("chair_id", sa.String(length=64), nullable=False),
        sa.Column("secretary_id", sa.String(length=64), nullable=False),
        sa.Column("quorum_rule", sa.String(length=40), nullable=False),
        sa.Column("council_size", sa.Integer(), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("written_opinion", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_meeting_attendance_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_meeting_attendance")),
    )
    op.create_table(
        "meeting_item",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("node_code", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("proposal", sa.String(length=40), nullable=True),
        sa.Column("proposal_na", sa.Boolean(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("decided_by", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_meeting_item_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_item")),
        sa.UniqueConstraint(
            "meeting_id", "unit_id", "node_code", name=op.f("uq_meeting_item_meeting_id")
        ),
    )
    op.create_table(
        "meeting_vote",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=140), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("choice", sa.String(length=20), nullable=False),
        sa.Column("written", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_vote_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_meeting_vote_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_vote")),
        sa.UniqueConstraint(
            "meeting_id", "subject", "member_id", name=op.f("uq_meeting_vote_meeting_id")
        ),
    )
    op.create_table(
        "council_referral",
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("node_code", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_council_referral_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("unit_id", "node_code", name=op.f("pk_council_referral")),
    )


def downgrade() -> None:
    op.drop_table("council_referral")
    op.drop_table("meeting_vote")
    op.drop_table("meeting_item")
    op.drop_table("meeting_attendance")
    op.drop_table("meeting")
