"""Reserved revision: the second wave's tables land here (no schema change yet).

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
    """Nothing yet."""


def downgrade() -> None:
    """Nothing yet."""
