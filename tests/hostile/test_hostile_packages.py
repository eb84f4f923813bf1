"""Hostile member packages through ``parapp package open``, and tampered evidence through
``parapp package build``: refused in both languages, no workspace, no partial package, no
stray file."""

from __future__ import annotations

import pytest

from tests.hostile.corpus_packages import EVIDENCE_CASES, PACKAGE_CASES
from tests.hostile.harness import Case, assert_refused
from tests.hostile.world import World


@pytest.mark.parametrize("case", PACKAGE_CASES, ids=lambda c: c.id)
def test_hostile_member_package_is_refused(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)
    assert not world.workspace.exists()


@pytest.mark.parametrize("case", EVIDENCE_CASES, ids=lambda c: c.id)
def test_package_build_refuses_evidence_whose_hash_does_not_match(
    case: Case, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(world, case, capsys)
    assert not (world.hostile / f"{case.id}{case.ext}").exists()
