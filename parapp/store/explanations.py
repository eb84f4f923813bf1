"""Repository of round-1 notices and units' explanations.

Functions take a ``Session`` and never commit; the calling service owns the transaction and the
audit rows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from parapp.core.explanations import Approval, ExplainedItem, Explanation, NoticeRecord
from parapp.core.rounds import EvidenceRef
from parapp.store.explanation_models import (
    ExplanationEvidenceRow,
    ExplanationImportRow,
    ExplanationRow,
    NoticeRow,
)

CURRENT = "current"
REPLACED = "replaced"


def add_notice(session: Session, notice: NoticeRecord) -> None:
    """Record a notice issued to a unit."""
    session.add(
        NoticeRow(
            unit_id=notice.unit_id,
            issued_at=notice.issued_at,
            deadline=notice.deadline.isoformat(),
            pdf_name=notice.pdf_name,
            pdf_sha256=notice.pdf_sha256,
            xlsx_sha256=notice.xlsx_sha256,
            signer=notice.signer,
            actor=notice.actor,
        )
    )
    session.flush()


def notices(session: Session) -> list[NoticeRecord]:
    """Every notice issued, oldest first."""
    rows = session.scalars(select(NoticeRow).order_by(NoticeRow.id))
    return [
        NoticeRecord(
            r.unit_id,
            r.issued_at,
            dt.date.fromisoformat(r.deadline),
            r.pdf_name,
            r.pdf_sha256,
            r.xlsx_sha256,
            r.signer,
            r.actor,
        )
        for r in rows
    ]


def _explanation(session: Session, row: ExplanationImportRow) -> Explanation:
    items = []
    for item in session.scalars(
        select(ExplanationRow)
        .where(ExplanationRow.import_id == row.id)
        .order_by(ExplanationRow.position)
    ):
        refs = tuple(
            EvidenceRef(e.file_name, e.page, e.sha256)
            for e in session.scalars(
                select(ExplanationEvidenceRow)
                .where(ExplanationEvidenceRow.explanation_id == item.id)
                .order_by(ExplanationEvidenceRow.position)
            )
        )
        items.append(ExplainedItem(item.node_code, item.proposed, item.text, refs))
    return Explanation(
        id=row.id,
        unit_id=row.unit_id,
        file_name=row.file_name,
        form_sha256=row.form_sha256,
        form_serial=row.form_serial,
        imported_at=row.imported_at,
        actor=row.actor,
        approval=Approval(
            row.approver_name, row.approver_title, dt.date.fromisoformat(row.approved_on)
        ),
        items=tuple(items),
        replaces=row.replaces,
        current=row.status == CURRENT,
    )


def current(session: Session, unit_id: str) -> Explanation | None:
    """The unit's current explanation, None before any import."""
    row = session.scalars(
        select(ExplanationImportRow).where(
            ExplanationImportRow.unit_id == unit_id, ExplanationImportRow.status == CURRENT
        )
    ).first()
    return None if row is None else _explanation(session, row)


def history(session: Session, unit_id: str) -> list[Explanation]:
    """Every imported explanation of the unit, oldest first (replaced ones included)."""
    rows = session.scalars(
        select(ExplanationImportRow)
        .where(ExplanationImportRow.unit_id == unit_id)
        .order_by(ExplanationImportRow.id)
    )
    return [_explanation(session, r) for r in rows]


def current_all(session: Session) -> dict[str, Explanation]:
    """Unit id -> its current explanation."""
    rows = session.scalars(
        select(ExplanationImportRow)
        .where(ExplanationImportRow.status == CURRENT)
        .order_by(ExplanationImportRow.unit_id)
    )
    return {r.unit_id: _explanation(session, r) for r in rows}


def add(
    session: Session,
    *,
    unit_id: str,
    file_name: str,
    form_sha256: str,
    form_serial: str,
    imported_at: str,
    actor: str,
    approval: Approval,
    items: tuple[ExplainedItem, ...],
) -> int:
    """Store an explanation as the unit's current one; the previous current one (if any) is
    kept, marked replaced. Returns the new id."""
    previous = session.scalars(
        select(ExplanationImportRow).where(
            ExplanationImportRow.unit_id == unit_id, ExplanationImportRow.status == CURRENT
        )
    ).first()
    if previous is not None:
        previous.status = REPLACED
    row = ExplanationImportRow(
        unit_id=unit_id,
        file_name=file_name,
        form_sha256=form_sha256,
        form_serial=form_serial,
        imported_at=imported_at,
        actor=actor,
        approver_name=approval.name,
        approver_title=approval.title,
        approved_on=approval.date.isoformat(),
        replaces=None if previous is None else previous.id,
        status=CURRENT,
    )
    session.add(row)
    session.flush()
    for position, item in enumerate(items, 1):
        stored = ExplanationRow(
            import_id=row.id,
            unit_id=unit_id,
            node_code=item.node_code,
            position=position,
            proposed=item.proposed,
            text=item.text,
        )
        session.add(stored)
        session.flush()
        for index, ref in enumerate(item.evidence, 1):
            assert ref.sha256 is not None  # an import stores every cited file first
            session.add(
                ExplanationEvidenceRow(
                    explanation_id=stored.id,
                    position=index,
                    file_name=ref.file_name,
                    page=ref.page,
                    sha256=ref.sha256,
                )
            )
    session.flush()
    return row.id
