"""Repository of the merge: members' submissions, merged scores with their package hash, the
secretary's resolutions and the round's consolidation setting.

Functions take a ``Session`` and return plain dataclasses; they never commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Generic, TypeVar

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from parapp.core.consolidation import ConsolidationRule, Resolution
from parapp.core.numbers import canonical
from parapp.core.rounds import EvidenceRef, SelfAssessment
from parapp.store.driver import executemany
from parapp.store.models import (
    AuditRow,
    Base,
    EvidenceRefRow,
    MemberRow,
    ResolutionRow,
    RoundRow,
    ScoreRow,
    SelfAssessmentRow,
    SubmissionRow,
    UnitRow,
)

STREAM_BATCH = 2000
"""Rows fetched at a time by the ``stream_*`` readers (a server-side cursor where the database
has one): memory follows the batch, not the round."""


@dataclass(frozen=True)
class StoredSubmission:
    """A submission as recorded by the merge."""

    submission_id: str
    member_id: str
    appraisal_round: int
    deprecated_id: str | None
    created_at: str
    imported_at: str
    status: str
    content_sha256: str
    package_sha256: str
    file_name: str
    signer: str
    certificate_sha256: str
    trust: str
    signing_time: str | None
    scores: int
    findings: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class MergedScore:
    """A member's score of one leaf as merged, with the package it came from."""

    unit_id: str
    node_code: str
    member_id: str
    appraisal_round: int
    value: Decimal | None
    comment: str
    not_applicable: bool
    updated_at: str
    package_sha256: str | None


@dataclass(frozen=True)
class StoredResolution:
    """The secretary's decision on one item of one unit."""

    unit_id: str
    node_code: str
    resolution: Resolution
    actor: str
    at: str


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


HEAD = "head"
SUPERSEDED = "superseded"
CONFLICT = "conflict"
RESOLVED = "resolved"
"""A conflict the secretary closed (the inbox says how)."""


def _submission(r: SubmissionRow) -> StoredSubmission:
    return StoredSubmission(
        r.submission_id,
        r.member_id,
        r.appraisal_round,
        r.deprecated_id,
        r.created_at,
        r.imported_at,
        r.status,
        r.content_sha256,
        r.package_sha256,
        r.file_name,
        r.signer,
        r.certificate_sha256,
        r.trust,
        r.signing_time,
        r.scores,
        r.findings,
        r.note,
    )


def add_submission(session: Session, item: StoredSubmission) -> None:
    """Record a submission."""
    session.add(
        SubmissionRow(
            submission_id=item.submission_id,
            member_id=item.member_id,
            appraisal_round=item.appraisal_round,
            deprecated_id=item.deprecated_id,
            created_at=item.created_at,
            imported_at=item.imported_at,
            status=item.status,
            content_sha256=item.content_sha256,
            package_sha256=item.package_sha256,
            file_name=item.file_name,
            signer=item.signer,
            certificate_sha256=item.certificate_sha256,
            trust=item.trust,
            signing_time=item.signing_time,
            scores=item.scores,
            findings=item.findings,
            note=item.note,
        )
    )


def by_submission_id(session: Session, submission_id: str) -> list[StoredSubmission]:
    """Every record of a submission id (more than one only when conflicts were recorded)."""
    rows = session.execute(
        select(SubmissionRow)
        .where(SubmissionRow.submission_id == submission_id)
        .order_by(SubmissionRow.id)
    ).scalars()
    return [_submission(r) for r in rows]


def by_package(session: Session, package_sha256: str) -> StoredSubmission | None:
    """The first record of the package with this file hash, or None."""
    row = (
        session.execute(
            select(SubmissionRow)
            .where(SubmissionRow.package_sha256 == package_sha256)
            .order_by(SubmissionRow.id)
        )
        .scalars()
        .first()
    )
    return None if row is None else _submission(row)


def head(session: Session, member_id: str, appraisal_round: int) -> StoredSubmission | None:
    """The member's current submission for an appraisal round, or None."""
    row = session.execute(
        select(SubmissionRow).where(
            SubmissionRow.member_id == member_id,
            SubmissionRow.appraisal_round == appraisal_round,
            SubmissionRow.status == HEAD,
        )
    ).scalar_one_or_none()
    return None if row is None else _submission(row)


def set_status(session: Session, submission_id: str, old: str, new: str) -> None:
    """Change the status of the submission's record that has status ``old``."""
    session.execute(
        update(SubmissionRow)
        .where(SubmissionRow.submission_id == submission_id, SubmissionRow.status == old)
        .values(status=new)
    )


def submissions(session: Session) -> list[StoredSubmission]:
    """Every recorded submission, in import order."""
    rows = session.execute(select(SubmissionRow).order_by(SubmissionRow.id)).scalars()
    return [_submission(r) for r in rows]


def _merged(r: ScoreRow) -> MergedScore:
    return MergedScore(
        r.unit_id,
        r.node_code,
        r.member_id,
        r.appraisal_round,
        r.value,
        r.comment,
        r.not_applicable,
        r.updated_at,
        r.package_sha256,
    )


def member_scores(session: Session, member_id: str, appraisal_round: int) -> list[MergedScore]:
    """A member's stored scores of one appraisal round, by unit and node (plain rows)."""
    table = _table(ScoreRow)
    query = (
        select(*(table.c[name] for name in MergedScore.__slots__))
        .where(table.c.member_id == member_id, table.c.appraisal_round == appraisal_round)
        .order_by(table.c.unit_id, table.c.node_code)
    )
    return [MergedScore(*row) for row in session.execute(query)]


def all_merged(session: Session) -> list[MergedScore]:
    """Every stored score with its package link, by unit, node, member and round."""
    return list(stream_merged(session))


def unit_ids(session: Session) -> Iterator[str]:
    """Every unit id in the database's own order of unit ids: the order of every ``stream_*``
    reader below, so that a reader can follow the units by equality alone (whatever the
    collation)."""
    query = select(UnitRow.id).order_by(UnitRow.id)
    return iter(session.execute(query.execution_options(yield_per=STREAM_BATCH)).scalars())


_Row = TypeVar("_Row")


class ByUnit(Generic[_Row]):
    """A ``stream_*`` reader followed unit by unit, in the order of ``unit_ids``, by equality
    of the unit id alone (the database's collation decides the order)."""

    def __init__(self, rows: Iterable[_Row], unit_of: Callable[[_Row], str]) -> None:
        self._groups = groupby(rows, unit_of)
        self._head = next(self._groups, None)

    def take(self, unit_id: str) -> list[_Row]:
        """The unit's rows (none when the stream has none)."""
        if self._head is None or self._head[0] != unit_id:
            return []
        rows = list(self._head[1])
        self._head = next(self._groups, None)
        return rows

    def check_done(self) -> None:
        """Every row was taken: rows out of the units' order would otherwise go unseen."""
        if self._head is not None:
            raise RuntimeError(f"rows of unit {self._head[0]!r} were read out of order")


_MERGED_SQL = (
    "SELECT unit_id, node_code, member_id, appraisal_round, value, comment, not_applicable, "
    "updated_at, package_sha256 FROM score "
    "ORDER BY unit_id, node_code, member_id, appraisal_round"
)


def stream_merged(session: Session) -> Iterator[MergedScore]:
    """Every stored score with its package link, by unit, node, member and round, read in
    batches straight from the driver's cursor (a national round holds about half a million:
    no ORM objects, no per-row type processing). A value's text becomes a Decimal once per
    distinct text, as ``DecimalText`` reads it."""
    cursor = session.connection().connection.cursor()
    decimals: dict[object, Decimal] = {}
    try:
        cursor.execute(_MERGED_SQL)
        while rows := cursor.fetchmany(STREAM_BATCH):
            for unit, node, member, rnd, raw, comment, na, updated, package in rows:
                if raw is None:
                    value = None
                else:
                    value = decimals.get(raw)
                    if value is None:
                        value = decimals[raw] = Decimal(raw)
                yield MergedScore(
                    unit, node, member, rnd, value, comment, bool(na), updated, package
                )
    finally:
        cursor.close()


def put_merged(session: Session, score: MergedScore) -> None:
    """Insert or replace the score of (unit, node, member, round) with its package link."""
    row = session.execute(
        select(ScoreRow).where(
            ScoreRow.unit_id == score.unit_id,
            ScoreRow.node_code == score.node_code,
            ScoreRow.member_id == score.member_id,
            ScoreRow.appraisal_round == score.appraisal_round,
        )
    ).scalar_one_or_none()
    if row is None:
        row = ScoreRow(
            unit_id=score.unit_id,
            node_code=score.node_code,
            member_id=score.member_id,
            appraisal_round=score.appraisal_round,
        )
        session.add(row)
    row.value = score.value
    row.comment = score.comment
    row.not_applicable = score.not_applicable
    row.updated_at = score.updated_at
    row.package_sha256 = score.package_sha256


def delete_merged(
    session: Session, unit_id: str, node_code: str, member_id: str, appraisal_round: int
) -> None:
    """Remove one member's score of an item (a superseding submission no longer has it)."""
    session.execute(
        delete(ScoreRow).where(
            ScoreRow.unit_id == unit_id,
            ScoreRow.node_code == node_code,
            ScoreRow.member_id == member_id,
            ScoreRow.appraisal_round == appraisal_round,
        )
    )


def settings(session: Session) -> tuple[ConsolidationRule, Decimal]:
    """The round's consolidation rule and its must-agree threshold."""
    row = session.execute(select(RoundRow)).scalar_one()
    return ConsolidationRule(row.consolidation_rule), row.agree_threshold


def set_settings(session: Session, rule: ConsolidationRule, threshold: Decimal) -> None:
    """Store the round's consolidation rule and threshold."""
    row = session.execute(select(RoundRow)).scalar_one()
    row.consolidation_rule = rule.value
    row.agree_threshold = threshold


def resolutions(session: Session) -> dict[tuple[str, str], StoredResolution]:
    """Every resolution keyed by (unit id, node code)."""
    rows = session.execute(select(ResolutionRow)).scalars()
    return {
        (r.unit_id, r.node_code): StoredResolution(
            r.unit_id,
            r.node_code,
            Resolution(r.value, r.not_applicable, r.reason),
            r.actor,
            r.at,
        )
        for r in rows
    }


def stream_resolutions(session: Session) -> Iterator[StoredResolution]:
    """Every resolution, by unit and node, read in batches."""
    query = select(ResolutionRow).order_by(ResolutionRow.unit_id, ResolutionRow.node_code)
    for r in session.execute(query.execution_options(yield_per=STREAM_BATCH)).scalars():
        yield StoredResolution(
            r.unit_id, r.node_code, Resolution(r.value, r.not_applicable, r.reason), r.actor, r.at
        )


def put_resolution(
    session: Session, unit_id: str, node_code: str, resolution: Resolution, actor: str, at: str
) -> StoredResolution | None:
    """Insert or replace a resolution; return the previous one."""
    row = session.get(ResolutionRow, (unit_id, node_code))
    old = None
    if row is None:
        row = ResolutionRow(unit_id=unit_id, node_code=node_code)
        session.add(row)
    else:
        old = StoredResolution(
            unit_id,
            node_code,
            Resolution(row.value, row.not_applicable, row.reason),
            row.actor,
            row.at,
        )
    row.value = resolution.value
    row.not_applicable = resolution.not_applicable
    row.reason = resolution.reason
    row.actor = actor
    row.at = at
    return old


def stream_self_assessments(session: Session) -> Iterator[tuple[str, SelfAssessment]]:
    """(unit id, entry) of every self-assessment by unit and node, read in batches, without
    its evidence (``stream_evidence`` has it, in the same unit order)."""
    query = select(SelfAssessmentRow).order_by(
        SelfAssessmentRow.unit_id, SelfAssessmentRow.node_code
    )
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)).scalars():
        yield (
            row.unit_id,
            SelfAssessment(row.node_code, row.figure, row.self_score, row.explanation, ()),
        )


def stream_evidence(session: Session) -> Iterator[tuple[str, str, EvidenceRef]]:
    """(unit id, node code, reference) of every cited document by unit, node and position,
    read in batches."""
    query = select(EvidenceRefRow).order_by(
        EvidenceRefRow.unit_id, EvidenceRefRow.node_code, EvidenceRefRow.position
    )
    for r in session.execute(query.execution_options(yield_per=STREAM_BATCH)).scalars():
        yield r.unit_id, r.node_code, EvidenceRef(r.file_name, r.page, r.sha256)


def self_assessments_of(
    session: Session, unit_ids: Iterable[str]
) -> dict[str, dict[str, SelfAssessment]]:
    """The self-assessments of many units at once (unit -> node -> entry with its evidence in
    citation order), as ``self_assessments.load`` gives one unit's: two queries per batch of
    units, not two per unit."""
    wanted = sorted(set(unit_ids))
    out: dict[str, dict[str, SelfAssessment]] = {u: {} for u in wanted}
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        refs: dict[tuple[str, str], list[EvidenceRef]] = {}
        for r in session.execute(
            select(EvidenceRefRow)
            .where(EvidenceRefRow.unit_id.in_(batch))
            .order_by(EvidenceRefRow.unit_id, EvidenceRefRow.node_code, EvidenceRefRow.position)
        ).scalars():
            refs.setdefault((r.unit_id, r.node_code), []).append(
                EvidenceRef(r.file_name, r.page, r.sha256)
            )
        for row in session.execute(
            select(SelfAssessmentRow).where(SelfAssessmentRow.unit_id.in_(batch))
        ).scalars():
            out[row.unit_id][row.node_code] = SelfAssessment(
                row.node_code,
                row.figure,
                row.self_score,
                row.explanation,
                tuple(refs.get((row.unit_id, row.node_code), ())),
            )
    return out


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row to append (the same fields as ``rounds.audit``)."""

    at: str
    actor: str
    action: str
    unit_id: str | None = None
    node_code: str | None = None
    field: str = ""
    old: str | None = None
    new: str | None = None
    reason: str = ""
    source: str = ""


_SCORE_COLUMNS = MergedScore.__slots__
_SCORE_KEY = ("unit_id", "node_code", "member_id", "appraisal_round")
_SCORE_FIELDS = ("value", "comment", "not_applicable", "updated_at", "package_sha256")


def _score_values(score: MergedScore) -> tuple[object, ...]:
    value = None if score.value is None else canonical(score.value)
    return (
        score.unit_id,
        score.node_code,
        score.member_id,
        score.appraisal_round,
        value,
        score.comment,
        score.not_applicable,
        score.updated_at,
        score.package_sha256,
    )


def insert_merged(session: Session, scores: Sequence[MergedScore]) -> None:
    """Insert scores known to be absent, in one statement."""
    if scores:
        executemany(
            session,
            f"INSERT INTO {ScoreRow.__tablename__} ({', '.join(_SCORE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_SCORE_COLUMNS))})",
            (_score_values(s) for s in scores),
        )


def is_ancestor(session: Session, submission_id: str, current: StoredSubmission) -> bool:
    """Whether ``submission_id`` is an earlier link of the chain of replacements that ends in
    ``current`` (following ``deprecated_id``)."""
    seen = {current.submission_id}
    link = current.deprecated_id
    while link is not None and link not in seen:
        if link == submission_id:
            return True
        seen.add(link)
        older = by_submission_id(session, link)
        link = older[0].deprecated_id if older else None
    return False


def set_member_fingerprint(session: Session, member_id: str, sha256: str) -> None:
    """Register the SHA-256 of a member's signing certificate (trust on first use)."""
    row = session.get(MemberRow, member_id)
    assert row is not None  # the service checked the member exists
    row.certificate_sha256 = sha256


def audit_entries(session: Session) -> list[tuple[int, AuditEntry]]:
    """Every audit row with its sequence number, oldest first."""
    rows = session.execute(select(AuditRow).order_by(AuditRow.id)).scalars()
    return [
        (
            r.id,
            AuditEntry(
                r.at,
                r.actor,
                r.action,
                r.unit_id,
                r.node_code,
                r.field,
                r.old,
                r.new,
                r.reason,
                r.source,
            ),
        )
        for r in rows
    ]
