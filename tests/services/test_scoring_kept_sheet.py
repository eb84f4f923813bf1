"""A save with the sheet an editor keeps: one transaction, one commit, no re-read of the unit,
the same result as a cold save; a phase changed since the sheet was read is noticed."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event

from parapp.core.errors import ValidationError
from parapp.core.rounds import Phase
from parapp.services import rounds, scoring
from parapp.services.context import RoundContext, open_round
from tests.services.test_scoring import ctx

__all__ = ["ctx"]


class _Statements:
    """Counts what reaches the database file through the round's engine."""

    def __init__(self, context: RoundContext) -> None:
        self.begins = 0
        self.commits = 0
        self.selects: list[str] = []
        engine = context.db.engine
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "before_cursor_execute", self._execute)

    def _begin(self, _conn: Any) -> None:
        self.begins += 1

    def _commit(self, _conn: Any) -> None:
        self.commits += 1

    def _execute(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.selects.append(" ".join(statement.split()))


def test_a_save_with_the_kept_sheet_is_one_transaction_and_reads_no_unit(
    ctx: RoundContext,
) -> None:
    sheet = scoring.load_sheet(ctx, "m1", "A")
    seen = _Statements(ctx)
    change = scoring.save_appraisal(ctx, "m1", "A", "1.2", "1,5", sheet=sheet)
    assert (seen.begins, seen.commits) == (1, 1)
    read = " ".join(seen.selects)
    for table in ("self_assessment", "component", "assignment", "FROM unit", "explanation"):
        assert table not in read, table
    # The kept sheet follows the save and gives what a cold reload gives.
    assert change.sheet is not None
    assert change.sheet.entries["1.2"].appraised == Decimal("1.5")
    assert change.result == scoring.load_sheet(ctx, "m1", "A").result
    again = scoring.save_comment(ctx, "m1", "A", "1.2", "Đủ hồ sơ", sheet=change.sheet)
    assert again.sheet is not None
    assert again.sheet.entries["1.2"].comment == "Đủ hồ sơ"
    assert again.result == scoring.load_sheet(ctx, "m1", "A").result
    cleared = scoring.save_appraisal(ctx, "m1", "A", "1.2", "", sheet=again.sheet)
    assert cleared.result == scoring.load_sheet(ctx, "m1", "A").result


def test_the_kept_save_is_on_disk_when_it_returns(ctx: RoundContext) -> None:
    sheet = scoring.load_sheet(ctx, "m1", "A")
    scoring.save_appraisal(ctx, "m1", "A", "1.1", "0,5", sheet=sheet)
    assert ctx.path is not None
    with sqlite3.connect(ctx.path) as raw:  # another connection sees the committed row
        assert raw.execute("PRAGMA synchronous").fetchone()[0] in (0, 1, 2, 3)
        rows = raw.execute(
            "SELECT value FROM score WHERE unit_id='A' AND node_code='1.1'"
        ).fetchall()
    assert rows == [("0.5",)]
    with open_round(ctx.path) as other:
        assert scoring.load_sheet(other, "m1", "A").entries["1.1"].appraised == Decimal("0.5")


def test_a_phase_changed_since_the_sheet_was_read_is_noticed(
    ctx: RoundContext,
) -> None:
    sheet = scoring.load_sheet(ctx, "m1", "A")
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    with pytest.raises(ValidationError, match="cannot be entered now"):
        scoring.save_appraisal(ctx, "m1", "A", "1.2", "1", sheet=sheet)
    assert not [e for e in scoring.load_sheet(ctx, "m1", "A").entries.values() if e.appraised]


def test_another_members_or_units_sheet_is_not_used(ctx: RoundContext) -> None:
    sheet_b = scoring.load_sheet(ctx, "m1", "B")
    change = scoring.save_appraisal(ctx, "m1", "A", "1.2", "2", sheet=sheet_b)
    assert change.sheet is not None
    assert change.sheet.unit.id == "A"
    with pytest.raises(ValidationError, match="not assigned"):
        scoring.save_appraisal(ctx, "m2", "B", "1.2", "1", sheet=sheet_b)
