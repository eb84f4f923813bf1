"""What replacing a member's scores of an appraisal round by a new submission does, value by
value: inserts, updates, deletes and one audit row per changed field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.numbers import canonical
from parapp.store.submissions import AuditEntry, MergedScore, StoredSubmission


def _text(value: Decimal | None) -> str | None:
    return None if value is None else canonical(value)


@dataclass(frozen=True)
class Plan:
    inserts: tuple[MergedScore, ...]
    updates: tuple[MergedScore, ...]
    deletes: tuple[MergedScore, ...]
    audits: tuple[AuditEntry, ...]
    changed: int


def plan(
    old_scores: Sequence[MergedScore],
    merged: Sequence[MergedScore],
    member_id: str,
    appraisal_round: int,
    record: StoredSubmission,
) -> Plan:
    """What replacing the member's scores of the round by ``merged`` does, value by value."""
    old = {(o.unit_id, o.node_code): o for o in old_scores}
    new_keys = {(m.unit_id, m.node_code) for m in merged}
    inserts: list[MergedScore] = []
    updates: list[MergedScore] = []
    audits: list[AuditEntry] = []
    changed = 0
    why = f"submission {record.submission_id}"

    def note(unit_id: str, code: str, name: str, before: str | None, after: str | None) -> None:
        audits.append(
            AuditEntry(
                at=record.imported_at,
                actor=member_id,
                action="merge_score",
                unit_id=unit_id,
                node_code=code,
                field=f"{name}@{appraisal_round}",
                old=before,
                new=after,
                reason=why,
                source=record.package_sha256,
            )
        )

    for score in merged:
        before = old.get((score.unit_id, score.node_code))
        diffs = _diffs(before, score)
        if before is None:
            inserts.append(score)
        elif diffs or before.package_sha256 != score.package_sha256:
            # Unchanged values still move to the new package: it is now their source.
            updates.append(score)
        changed += bool(diffs)
        for name, a, b in diffs:
            note(score.unit_id, score.node_code, name, a, b)
    deletes = [gone for key, gone in old.items() if key not in new_keys]
    for gone in deletes:
        changed += 1
        for name, a, b in _diffs(gone, None):
            note(gone.unit_id, gone.node_code, name, a, b)
    return Plan(tuple(inserts), tuple(updates), tuple(deletes), tuple(audits), changed)


def _diffs(
    old: MergedScore | None, new: MergedScore | None
) -> list[tuple[str, str | None, str | None]]:
    out: list[tuple[str, str | None, str | None]] = []
    a_value = None if old is None else old.value
    b_value = None if new is None else new.value
    if a_value != b_value:
        out.append(("value", _text(a_value), _text(b_value)))
    a_na = old is not None and old.not_applicable
    b_na = new is not None and new.not_applicable
    if a_na != b_na:
        out.append(("not_applicable", str(a_na), str(b_na)))
    a_comment = "" if old is None else old.comment
    b_comment = "" if new is None else new.comment
    if a_comment != b_comment:
        out.append(("comment", a_comment, b_comment))
    return out
