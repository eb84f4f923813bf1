"""An edit typed in the scoring window is on disk, with its audit row, by the time the window
has taken it: another connection to the file reads it at once. A phase change made through
another connection while the window keeps its unit's sheet refuses the next edit, in the window,
and leaves nothing on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from parapp.core.rounds import Phase
from parapp.services import rounds
from parapp.services.context import RoundContext, open_round
from tests.ui.test_scoring_window import UNIT, _type_score, _window, ctx, demo_dir

__all__ = ["ctx", "demo_dir"]
pytestmark = pytest.mark.gui


def _on_disk(path: Path, code: str) -> tuple[list[tuple[str]], list[tuple[str, str]]]:
    with sqlite3.connect(path) as raw:  # a fresh connection: only what was committed
        scores = raw.execute(
            "SELECT value FROM score WHERE unit_id = ? AND node_code = ?", (UNIT, code)
        ).fetchall()
        audit = raw.execute(
            "SELECT field, new FROM audit WHERE action = 'score' AND unit_id = ? "
            "AND node_code = ? ORDER BY id",
            (UNIT, code),
        ).fetchall()
    return scores, audit


def test_the_typed_score_and_its_audit_row_are_on_disk_when_the_window_returns(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    assert ctx.path is not None
    window = _window(qtbot, ctx, tmp_path)
    _type_score(qtbot, window, "1.1.1", "0,5")
    assert _on_disk(ctx.path, "1.1.1") == ([("0.5",)], [("value@1", "0.5")])
    assert window._editor.set_score("1.1.1", "1")  # the kept-sheet path, as the tree saves
    assert _on_disk(ctx.path, "1.1.1") == ([("1",)], [("value@1", "0.5"), ("value@1", "1")])
    window.close()


def test_a_phase_changed_elsewhere_refuses_the_next_edit_in_the_window(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path
) -> None:
    assert ctx.path is not None
    window = _window(qtbot, ctx, tmp_path)
    assert window._editor.set_score("1.1.1", "1")  # the window now keeps the unit's sheet
    with open_round(ctx.path) as other:  # another connection closes round 1
        rounds.advance_phase(other, Phase.EXPLANATION)
    refused: list[BaseException] = []
    window._editor.failed.connect(refused.append)
    assert not window._editor.set_score("1.1.2", "0,5")
    assert refused
    assert "Giải trình" in str(refused[0]) or "Explanation" in str(refused[0])
    assert _on_disk(ctx.path, "1.1.2") == ([], [])
    window.close()
