"""Fixtures of the hostile-input suite: one valid appraisal year, copied fresh for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile.corpus_scores import Kit, ScoreWorld, build_score_world, copy_score_world
from tests.hostile.world import World, build_world


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The valid files and round, built once per session; never modified."""
    return build_world(tmp_path_factory.mktemp("hostile") / "world")


@pytest.fixture
def world(world_template: World, tmp_path: Path) -> World:
    """A private copy of the valid year for one test."""
    root = tmp_path / "world"
    shutil.copytree(world_template.root, root, symlinks=True)
    return World(root)


@pytest.fixture(scope="session")
def score_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[ScoreWorld, Kit]:
    """The keys, the round with one merged submission and the valid score packages; built once
    per session, never modified."""
    return build_score_world(tmp_path_factory.mktemp("hostile-scores") / "world")


@pytest.fixture
def score_kit(score_template: tuple[ScoreWorld, Kit]) -> Kit:
    return score_template[1]


@pytest.fixture
def score_world(score_template: tuple[ScoreWorld, Kit], tmp_path: Path) -> ScoreWorld:
    """A private copy of the round and packages for one test."""
    return copy_score_world(score_template[0], tmp_path / "scores")
