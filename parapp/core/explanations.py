"""A unit's explanation (giải trình) of its round-1 result and the round-1 notice it answers.

Plain frozen data: the store returns these and the services pass them around. An explanation
is imported whole from the unit's form; a later form replaces it only when declared so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.rounds import EvidenceRef


@dataclass(frozen=True)
class Approval:
    """The unit leader's approval of the explanation ("Lãnh đạo đơn vị đã duyệt")."""

    name: str
    title: str
    date: dt.date


@dataclass(frozen=True)
class ExplainedItem:
    """One explained item: the score the unit proposes, why, and the new evidence (each file
    stored by hash, cited at a page)."""

    node_code: str
    proposed: Decimal | None
    text: str
    evidence: tuple[EvidenceRef, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """A unit's imported explanation form."""

    id: int
    unit_id: str
    file_name: str
    form_sha256: str
    """SHA-256 of the imported workbook."""
    form_serial: str
    """The exported form's own id (its hidden identity)."""
    imported_at: str
    actor: str
    approval: Approval
    items: tuple[ExplainedItem, ...]
    replaces: int | None = None
    """The id of the explanation this one replaced (None: the first)."""
    current: bool = True


@dataclass(frozen=True)
class NoticeRecord:
    """A round-1 notice issued to a unit."""

    unit_id: str
    issued_at: str
    deadline: dt.date
    pdf_name: str
    pdf_sha256: str
    xlsx_sha256: str
    signer: str
    actor: str
