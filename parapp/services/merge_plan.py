"""What replacing a member's scores of an appraisal round by a new submission does, value by
value: inserts, updates, deletes and one audit row per changed field of a stored score.

A score's first arrival (the member had no stored score of that unit, item and appraisal round)
is not audited value by value: the merge records one ``merge_submission`` row per submission
counting them (``first``, ``first_units``), and the signed file kept in the round's submissions
folder, named by every score row's package hash, holds each value. A replacement of a stored
score (a resubmission, a changed value, comment or mark, a removed score) is audited one row per
changed field, old → new.

Rows are plain tuples (``merge_rows``); values are compared as their canonical text, and two
texts of the same number ("1.5", "1.50") as numbers, so that only a real change is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from parapp.store.merge_rows import AuditValues, ScoreText
from parapp.store.submissions import StoredSubmission

# Positions in a ScoreText row.
_UNIT: Final = 0
_CODE: Final = 1
_VALUE: Final = 4
_COMMENT: Final = 5
_NA: Final = 6
_PACKAGE: Final = 8


@dataclass(frozen=True)
class Plan:
    inserts: tuple[ScoreText, ...]
    updates: tuple[ScoreText, ...]
    deletes: tuple[ScoreText, ...]
    audits: tuple[AuditValues, ...]
    changed: int
    """Scores inserted with something in them, changed or removed."""
    first: int = 0
    """Scores that arrived for the first time with something in them (not audited one by one)."""
    first_units: int = 0
    """The units those first scores belong to."""


def _same_value(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    return a is not None and b is not None and Decimal(a) == Decimal(b)


def plan(
    old_rows: Sequence[ScoreText],
    new_rows: Sequence[ScoreText],
    member_id: str,
    appraisal_round: int,
    record: StoredSubmission,
) -> Plan:
    """What replacing the member's scores of the round by ``new_rows`` does, value by value."""
    old = {(o[_UNIT], o[_CODE]): o for o in old_rows}
    inserts: list[ScoreText] = []
    updates: list[ScoreText] = []
    audits: list[AuditValues] = []
    changed = 0
    head = (record.imported_at, member_id, "merge_score")
    why, source = f"submission {record.submission_id}", record.package_sha256
    value_field = f"value@{appraisal_round}"
    na_field = f"not_applicable@{appraisal_round}"
    comment_field = f"comment@{appraisal_round}"

    def diff(unit: str, code: str, a: ScoreText | None, b: ScoreText | None) -> bool:
        """Append the audit rows of what differs between ``a`` and ``b``; whether anything did."""
        start = len(audits)
        a_value = None if a is None else a[_VALUE]
        b_value = None if b is None else b[_VALUE]
        if not _same_value(a_value, b_value):
            audits.append((*head, unit, code, value_field, a_value, b_value, why, source))
        a_na = a is not None and bool(a[_NA])
        b_na = b is not None and bool(b[_NA])
        if a_na != b_na:
            audits.append((*head, unit, code, na_field, str(a_na), str(b_na), why, source))
        a_comment = "" if a is None else a[_COMMENT]
        b_comment = "" if b is None else b[_COMMENT]
        if a_comment != b_comment:
            audits.append((*head, unit, code, comment_field, a_comment, b_comment, why, source))
        return len(audits) > start

    first = 0
    first_units: set[str] = set()
    for row in new_rows:
        unit, code = row[_UNIT], row[_CODE]
        before = old.pop((unit, code), None) if old else None
        if before is None:
            inserts.append(row)
            if row[_VALUE] is not None or row[_NA] or row[_COMMENT]:
                first += 1
                first_units.add(unit)
            continue
        differs = diff(unit, code, before, row)
        if differs or before[_PACKAGE] != row[_PACKAGE]:
            # Unchanged values still move to the new package: it is now their source.
            updates.append(row)
        changed += differs
    deletes = list(old.values())
    for gone in deletes:
        changed += 1
        diff(gone[_UNIT], gone[_CODE], gone, None)
    return Plan(
        tuple(inserts),
        tuple(updates),
        tuple(deletes),
        tuple(audits),
        changed + first,
        first,
        len(first_units),
    )
