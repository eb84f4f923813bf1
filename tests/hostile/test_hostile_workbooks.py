"""Hostile self-assessment forms, results and units workbooks through the round commands:
refused with the file, sheet, row and column named in both languages, and the round, its
evidence folder and every file beside it unchanged."""

from __future__ import annotations

import pytest

from tests.hostile.corpus_rounds import RESULT_CASES, SELF_CASES, UNIT_CASES
from tests.hostile.harness import Case, assert_refused
from tests.hostile.world import World


@pytest.mark.parametrize("case", SELF_CASES, ids=lambda c: c.id)
def test_hostile_self_assessment_form_is_refused(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)


@pytest.mark.parametrize("case", RESULT_CASES, ids=lambda c: c.id)
def test_hostile_results_workbook_is_refused(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)


@pytest.mark.parametrize("case", UNIT_CASES, ids=lambda c: c.id)
def test_hostile_units_workbook_is_refused(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)
