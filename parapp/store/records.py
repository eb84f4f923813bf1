"""Records the store returns that its SQLAlchemy-free readers share (``quick_read`` reads the
member's workspace with plain ``sqlite3`` before SQLAlchemy is imported)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class StoredScore:
    """A member's appraisal of one leaf in one appraisal round."""

    unit_id: str
    node_code: str
    member_id: str
    appraisal_round: int
    value: Decimal | None
    comment: str
    not_applicable: bool
    updated_at: str
