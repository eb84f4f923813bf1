"""Repository of units' self-assessments and their cited evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from parapp.core.rounds import EvidenceRef, SelfAssessment
from parapp.store.models import EvidenceRefRow, SelfAssessmentRow


def load(session: Session, unit_id: str) -> dict[str, SelfAssessment]:
    """A unit's self-assessment keyed by node code (evidence in citation order)."""
    refs: dict[str, list[EvidenceRef]] = {}
    for r in session.execute(
        select(EvidenceRefRow)
        .where(EvidenceRefRow.unit_id == unit_id)
        .order_by(EvidenceRefRow.node_code, EvidenceRefRow.position)
    ).scalars():
        refs.setdefault(r.node_code, []).append(EvidenceRef(r.file_name, r.page, r.sha256))
    rows = session.execute(
        select(SelfAssessmentRow).where(SelfAssessmentRow.unit_id == unit_id)
    ).scalars()
    return {
        r.node_code: SelfAssessment(
            r.node_code, r.figure, r.self_score, r.explanation, tuple(refs.get(r.node_code, ()))
        )
        for r in rows
    }


def load_many(session: Session, unit_ids: Iterable[str]) -> dict[str, dict[str, SelfAssessment]]:
    """``load`` for several units at once (two queries of plain columns, no ORM objects):
    unit id -> node code -> entry."""
    wanted = list(unit_ids)
    refs: dict[tuple[str, str], list[EvidenceRef]] = {}
    e = EvidenceRefRow
    for unit_id, code, file_name, page, sha256 in session.execute(
        select(e.unit_id, e.node_code, e.file_name, e.page, e.sha256)
        .where(e.unit_id.in_(wanted))
        .order_by(e.unit_id, e.node_code, e.position)
    ):
        refs.setdefault((unit_id, code), []).append(EvidenceRef(file_name, page, sha256))
    out: dict[str, dict[str, SelfAssessment]] = {u: {} for u in wanted}
    a = SelfAssessmentRow
    for unit_id, code, figure, self_score, explanation in session.execute(
        select(a.unit_id, a.node_code, a.figure, a.self_score, a.explanation).where(
            a.unit_id.in_(wanted)
        )
    ):
        out[unit_id][code] = SelfAssessment(
            code, figure, self_score, explanation, tuple(refs.get((unit_id, code), ()))
        )
    return out


def replace(session: Session, unit_id: str, entries: Mapping[str, SelfAssessment]) -> None:
    """Replace a unit's whole self-assessment (an import is all-or-nothing)."""
    session.execute(delete(EvidenceRefRow).where(EvidenceRefRow.unit_id == unit_id))
    session.execute(delete(SelfAssessmentRow).where(SelfAssessmentRow.unit_id == unit_id))
    session.flush()
    for code, entry in entries.items():
        session.add(
            SelfAssessmentRow(
                unit_id=unit_id,
                node_code=code,
                figure=entry.figure,
                self_score=entry.self_score,
                explanation=entry.explanation,
            )
        )
        for position, ref in enumerate(entry.evidence, 1):
            session.add(
                EvidenceRefRow(
                    unit_id=unit_id,
                    node_code=code,
                    position=position,
                    file_name=ref.file_name,
                    page=ref.page,
                    sha256=ref.sha256,
                )
            )
