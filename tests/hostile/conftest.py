"""Fixtures of the hostile-input suite: one valid appraisal year, copied fresh for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
