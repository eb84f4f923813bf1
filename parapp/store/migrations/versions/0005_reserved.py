"""Reserved revision: the second wave's tables land here (no schema change yet).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 14:40:00
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing yet."""


def downgrade() -> None:
    """Nothing yet."""
