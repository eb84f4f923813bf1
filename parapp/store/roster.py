"""Correcting the round's roster: what refers to a unit or a member (every table that names
one), renaming, changing a unit's type, and removing a unit or a member with its assignments.

Functions take a ``Session`` and never commit (the service owns the transaction and the audit).
References are counted as ``(kind, count)`` pairs in a fixed order, only kinds with a count;
``services.roster`` turns them into a sentence.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from parapp.store.explanation_models import ExplanationImportRow, NoticeRow
from parapp.store.external_models import ExternalDocumentRow, ExternalReturnRow
from parapp.store.inbox_models import OfferedFileRow
from parapp.store.meeting_models import (
    AttendanceRow,
    MeetingItemRow,
    MeetingRow,
    ReferralRow,
    VoteRow,
)
from parapp.store.models import (
    AssignmentRow,
    AuditRow,
    ComponentRow,
    EvidenceRefRow,
    ImportRow,
    MemberRow,
    ResolutionRow,
    ScoreRow,
    SelfAssessmentRow,
    SettingRow,
    SubmissionRow,
    UnitRow,
)

SIGNATURE_PREFIX = "stamp.signature."
"""Setting ``stamp.signature.<member id>``: the member's signature image (``stamp_images``)."""

References = list[tuple[str, int]]
"""(kind, count) of every kind of row that refers to a unit or member, only counts above 0."""


def _count(session: Session, model: type, *where: ColumnElement[bool]) -> int:
    return int(session.execute(select(func.count()).select_from(model).where(*where)).scalar_one())


def _kept(pairs: References) -> References:
    return [(kind, count) for kind, count in pairs if count]


def _packages_with_unit(session: Session, unit_id: str) -> int:
    """Scoring packages built (audited ``build_package``) since the unit was added, for a member
    whose assignments cover it (a member without any scores every unit)."""
    added = session.execute(
        select(func.min(AuditRow.id)).where(
            AuditRow.action == "add_unit", AuditRow.unit_id == unit_id
        )
    ).scalar_one()
    built = session.execute(
        select(AuditRow.field).where(AuditRow.action == "build_package", AuditRow.id > (added or 0))
    ).scalars()
    scoped: dict[str, set[str]] = {}
    for member_id, assigned in session.execute(
        select(AssignmentRow.member_id, AssignmentRow.unit_id)
    ):
        scoped.setdefault(member_id, set()).add(assigned)
    return sum(1 for member_id in built if member_id not in scoped or unit_id in scoped[member_id])


def unit_references(session: Session, unit_id: str) -> References:
    """Everything that names the unit, assignments excluded (``unit_assignments``)."""
    offered = session.execute(select(OfferedFileRow.units)).scalars()
    in_offered = sum(1 for units in offered if unit_id in (units or "").split(","))
    sheet_docs = session.execute(select(ExternalDocumentRow.doc)).scalars()
    exported = sum(
        1
        for doc in sheet_docs
        if doc == f"notice:{unit_id}"
        or (doc.startswith("sheet:") and doc.split(":")[-1] == unit_id)
    )
    return _kept(
        [
            (
                "self_assessment",
                _count(session, SelfAssessmentRow, SelfAssessmentRow.unit_id == unit_id),
            ),
            ("evidence", _count(session, EvidenceRefRow, EvidenceRefRow.unit_id == unit_id)),
            ("score", _count(session, ScoreRow, ScoreRow.unit_id == unit_id)),
            ("component", _count(session, ComponentRow, ComponentRow.unit_id == unit_id)),
            ("resolution", _count(session, ResolutionRow, ResolutionRow.unit_id == unit_id)),
            ("import", _count(session, ImportRow, ImportRow.unit_id == unit_id)),
            ("package", _packages_with_unit(session, unit_id)),
            ("offered", in_offered),
            ("notice", _count(session, NoticeRow, NoticeRow.unit_id == unit_id)),
            (
                "explanation",
                _count(session, ExplanationImportRow, ExplanationImportRow.unit_id == unit_id),
            ),
            ("referral", _count(session, ReferralRow, ReferralRow.unit_id == unit_id)),
            ("meeting_item", _count(session, MeetingItemRow, MeetingItemRow.unit_id == unit_id)),
            (
                "vote",
                _count(
                    session, VoteRow, VoteRow.subject.startswith(f"{unit_id}/", autoescape=True)
                ),
            ),
            ("external", exported),
        ]
    )


def member_references(session: Session, member_id: str) -> References:
    """Everything that names the member, assignments excluded (``member_assignments``)."""
    packages = _count(
        session, AuditRow, AuditRow.action == "build_package", AuditRow.field == member_id
    )
    documents = 0
    for doc, signers in session.execute(
        select(ExternalDocumentRow.doc, ExternalDocumentRow.signers)
    ):
        try:
            listed = member_id in json.loads(signers or "[]")
        except (ValueError, TypeError):
            listed = False
        if listed or doc.startswith(f"sheet:{member_id}:"):
            documents += 1
    return _kept(
        [
            ("score", _count(session, ScoreRow, ScoreRow.member_id == member_id)),
            ("package", packages),
            ("submission", _count(session, SubmissionRow, SubmissionRow.member_id == member_id)),
            ("offered", _count(session, OfferedFileRow, OfferedFileRow.member_id == member_id)),
            (
                "meeting",
                _count(
                    session,
                    MeetingRow,
                    or_(MeetingRow.chair_id == member_id, MeetingRow.secretary_id == member_id),
                ),
            ),
            ("attendance", _count(session, AttendanceRow, AttendanceRow.member_id == member_id)),
            ("vote", _count(session, VoteRow, VoteRow.member_id == member_id)),
            ("external", documents),
            (
                "signed_return",
                _count(session, ExternalReturnRow, ExternalReturnRow.signer_member_id == member_id),
            ),
            (
                "signature_image",
                _count(session, SettingRow, SettingRow.key == SIGNATURE_PREFIX + member_id),
            ),
        ]
    )


def unit_assignments(session: Session, unit_id: str) -> dict[str, int]:
    """Member id -> how many of their assignment rows name the unit."""
    return _assignments(session, AssignmentRow.unit_id == unit_id)


def member_assignments(session: Session, member_id: str) -> int:
    """How many assignment rows the member has."""
    return _count(session, AssignmentRow, AssignmentRow.member_id == member_id)


def _assignments(session: Session, where: ColumnElement[bool]) -> dict[str, int]:
    rows = session.execute(select(AssignmentRow.member_id).where(where)).scalars()
    found: dict[str, int] = {}
    for member_id in rows:
        found[member_id] = found.get(member_id, 0) + 1
    return found


def members_left_without_assignment(session: Session, unit_id: str) -> list[str]:
    """Members every one of whose assignment rows names the unit: removing it would leave them
    with none, which means "scores every unit"."""
    naming = unit_assignments(session, unit_id)
    return sorted(m for m, n in naming.items() if member_assignments(session, m) == n)


def rename_unit(session: Session, unit_id: str, name: str) -> None:
    """Give the unit another name."""
    row = session.get(UnitRow, unit_id)
    if row is not None:
        row.name = name


def set_unit_type(session: Session, unit_id: str, unit_type: str, ranking_group: str) -> None:
    """Give the unit another type and the ranking group of that type."""
    row = session.get(UnitRow, unit_id)
    if row is not None:
        row.unit_type = unit_type
        row.ranking_group = ranking_group


def update_member(session: Session, member_id: str, name: str, title: str) -> None:
    """Give the member another name and title."""
    row = session.get(MemberRow, member_id)
    if row is not None:
        row.name = name
        row.title = title


def remove_unit(session: Session, unit_id: str) -> int:
    """Delete the unit and its assignments; return how many assignment rows went with it."""
    gone = session.execute(delete(AssignmentRow).where(AssignmentRow.unit_id == unit_id))
    session.execute(delete(UnitRow).where(UnitRow.id == unit_id))
    return int(getattr(gone, "rowcount", 0) or 0)


def remove_member(session: Session, member_id: str) -> int:
    """Delete the member and their assignments; return how many assignment rows went."""
    gone = session.execute(delete(AssignmentRow).where(AssignmentRow.member_id == member_id))
    session.execute(delete(MemberRow).where(MemberRow.id == member_id))
    return int(getattr(gone, "rowcount", 0) or 0)
