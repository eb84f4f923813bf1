"""Hostile criteria sets through ``parapp criteria check`` and ``parapp round create``: refused
with a located message in both languages, no traceback, nothing written."""

from __future__ import annotations

import pytest

from tests.hostile.corpus_criteria import JSON_CASES, XLSX_CASES
from tests.hostile.harness import Case, assert_refused, run_cli
from tests.hostile.world import World, snapshot


@pytest.mark.parametrize("case", JSON_CASES + XLSX_CASES, ids=lambda c: c.id)
def test_hostile_criteria_set_is_refused(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)
    hostile = world.hostile / f"{case.id}{case.ext}"
    before = snapshot(world.root)
    new_round = world.round.with_name("moi.parround")
    code, _, err = run_cli(
        [
            "--lang",
            "en",
            "round",
            "create",
            str(new_round),
            "--criteria",
            str(hostile),
            "--name",
            "Đợt mới",
        ],
        capsys,
    )
    assert code == 1
    assert hostile.name in err
    assert snapshot(world.root) == before  # no round file, no -wal/-shm, no evidence folder
