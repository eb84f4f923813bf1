"""A save checks the round's phase under the write lock, after its writes, in the transaction it
commits: a phase change committed by another connection between the save's read and its write
refuses the save and leaves nothing of it on disk; a score another connection changed meanwhile
is audited from the value really replaced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from parapp.core.errors import ValidationError
from parapp.core.rounds import Phase
from parapp.services import rounds, scoring
from parapp.services.context import RoundContext, open_round
from tests.services.test_scoring import ctx

__all__ = ["ctx"]


def _before_first_write(context: RoundContext, action: Callable[[], None]) -> list[str]:
    """Run ``action`` once, just before the save's first INSERT or UPDATE reaches the file (the
    save has read the stored score and holds no lock yet). Returns the statements seen."""
    seen: list[str] = []

    def hook(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        verb = statement.lstrip().split(" ", 1)[0].upper()
        seen.append(verb)
        if verb in ("INSERT", "UPDATE") and seen.count("INSERT") + seen.count("UPDATE") == 1:
            action()

    event.listen(context.db.engine, "before_cursor_execute", hook)
    return seen


def _raw(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as raw:  # a fresh connection: only what was committed
        return raw.execute(sql).fetchall()


def test_a_phase_change_between_read_and_write_refuses_the_save(ctx: RoundContext) -> None:
    sheet = scoring.load_sheet(ctx, "m1", "A")
    assert ctx.path is not None

    def close_round_1() -> None:
        with open_round(ctx.path) as other:  # another connection, another engine
            rounds.advance_phase(other, Phase.EXPLANATION)

    _before_first_write(ctx, close_round_1)
    with pytest.raises(ValidationError, match="cannot be entered now"):
        scoring.save_appraisal(ctx, "m1", "A", "1.2", "1,5", sheet=sheet)
    assert _raw(ctx.path, "SELECT phase FROM round") == [("explanation",)]
    assert _raw(ctx.path, "SELECT value FROM score") == []
    assert _raw(ctx.path, "SELECT field FROM audit WHERE action = 'score'") == []


def test_the_cold_save_is_guarded_the_same_way(ctx: RoundContext) -> None:
    assert ctx.path is not None

    def close_round_1() -> None:
        with open_round(ctx.path) as other:
            rounds.advance_phase(other, Phase.EXPLANATION)

    _before_first_write(ctx, close_round_1)
    with pytest.raises(ValidationError, match="cannot be entered now"):
        scoring.save_comment(ctx, "m1", "A", "1.2", "Thiếu hồ sơ")
    assert _raw(ctx.path, "SELECT comment FROM score") == []


def test_a_score_changed_meanwhile_is_audited_from_the_value_replaced(
    ctx: RoundContext,
) -> None:
    sheet = scoring.save_appraisal(ctx, "m1", "A", "1.2", "1").sheet
    assert ctx.path is not None

    def other_window_types() -> None:
        with open_round(ctx.path, clock=_later) as other:
            scoring.save_appraisal(other, "m1", "A", "1.2", "0,5")

    _before_first_write(ctx, other_window_types)
    change = scoring.save_appraisal(ctx, "m1", "A", "1.2", "2", sheet=sheet)
    assert change.old is not None
    assert change.old.value == Decimal("0.5")
    audit = _raw(ctx.path, "SELECT old, new FROM audit WHERE field = 'value@1' ORDER BY id")
    assert audit == [(None, "1"), ("1", "0.5"), ("0.5", "2")]
    assert _raw(ctx.path, "SELECT value FROM score") == [("2",)]


def _later() -> datetime:
    return datetime(2026, 11, 26, 10, 0, 30, tzinfo=UTC)


def test_a_score_inserted_meanwhile_is_replaced_and_audited(ctx: RoundContext) -> None:
    sheet = scoring.load_sheet(ctx, "m1", "A")
    assert ctx.path is not None

    def other_window_types() -> None:
        with open_round(ctx.path, clock=_later) as other:
            scoring.save_appraisal(other, "m1", "A", "1.2", "0,5")

    _before_first_write(ctx, other_window_types)
    change = scoring.save_appraisal(ctx, "m1", "A", "1.2", "2", sheet=sheet)
    assert change.old is not None
    assert change.old.value == Decimal("0.5")
    audit = _raw(ctx.path, "SELECT old, new FROM audit WHERE field = 'value@1' ORDER BY id")
    assert audit == [(None, "0.5"), ("0.5", "2")]
    assert _raw(ctx.path, "SELECT value FROM score") == [("2",)]
