"""Round 2: no schema change. Round-2 scores use the score table's ``appraisal_round`` and a
workspace's round-2 data fits the settings table; the revision keeps the chain 0001…0009 whole.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change."""


def downgrade() -> None:
    """Nothing to change."""
