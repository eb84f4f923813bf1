"""``parapp results ROUND --xlsx --pdf --previous BROKEN``: a broken previous-year round is
refused in both languages, naming it, and neither output file is left behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.hostile import zip_tools as z
from tests.hostile.harness import Case, assert_refused
from tests.hostile.world import World, copy_round


def _results(world: World, previous: Path) -> list[str]:
    out = world.hostile / "ket-qua"
    return [
        "results",
        str(world.round),
        "--xlsx",
        f"{out}.xlsx",
        "--pdf",
        f"{out}.pdf",
        "--previous",
        str(previous),
        "--date",
        "2026-12-01",
    ]


def _truncated(world: World, path: Path) -> list[str]:
    z.truncate(world.round, path, 0.5)
    return _results(world, path)


def _not_a_round(world: World, path: Path) -> list[str]:
    path.write_bytes(world.set_json.read_bytes())
    return _results(world, path)


def _foreign_database(world: World, path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("create table notes (text)")
    raw.close()
    return _results(world, path)


def _newer_schema(world: World, path: Path) -> list[str]:
    copy_round(world.round, path)
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("update alembic_version set version_num = 'ffff'")
    raw.close()
    return _results(world, path)


def _empty(world: World, path: Path) -> list[str]:
    path.write_bytes(b"")
    return _results(world, path)


PREVIOUS_CASES = [
    Case("previous-truncated", ".parround", _truncated),
    Case("previous-not-a-round", ".parround", _not_a_round),
    Case("previous-foreign-sqlite", ".parround", _foreign_database),
    Case("previous-newer-schema", ".parround", _newer_schema),
    Case("previous-empty", ".parround", _empty),
]


@pytest.mark.parametrize("case", PREVIOUS_CASES, ids=lambda c: c.id)
def test_results_refuse_a_broken_previous_round(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)
    assert not list(world.hostile.glob("ket-qua*"))
