"""Reopening the demo opens the workspace made from its package, without verifying the package
again; anything that is not certainly that workspace takes the full, verified way."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from parapp.core.errors import ValidationError
from parapp.core.rounds import RoundKind
from parapp.io.packages import member_package
from parapp.services import startup
from parapp.services.demo import data as demo_data
from parapp.services.packages import open_member_package
from parapp.services.rounds import round_info


def test_package_constants_are_the_package_formats() -> None:
    assert startup.PACKAGE_SUFFIX == member_package.SUFFIX
    assert startup.PACKAGE_MANIFEST == member_package.MANIFEST


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose demo has been opened once (its first member's workspace exists)."""
    folder = tmp_path_factory.mktemp("startup") / "data"
    with startup.open_demo(folder) as ctx:
        assert round_info(ctx).kind is RoundKind.WORKSPACE
    return folder


def _with_manifest(package: Path, target: Path, **changes: str) -> Path:
    """A copy of ``package`` whose manifest has ``changes`` (the rest of the zip as it was)."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            raw = source.read(item)
            if item.filename == member_package.MANIFEST:
                raw = json.dumps({**json.loads(raw), **changes}).encode()
            copy.writestr(item, raw)
    return target


def test_reopening_opens_the_workspace_made_from_the_package(data_dir: Path) -> None:
    demo = data_dir / startup.DEMO_DIR
    package = startup.first_member_package(demo)
    opened = startup.opened_workspace(package, demo / startup.WORKSPACES_DIR)
    assert opened is not None
    with opened as ctx:
        info = round_info(ctx)
        assert info.kind is RoundKind.WORKSPACE
        assert info.workspace_member_id == demo_data.COUNCIL[0].id
        assert ctx.path.parent == demo / startup.WORKSPACES_DIR
    with startup.open_demo(data_dir) as again:  # the same workspace, reopened
        assert again.path == ctx.path


def test_a_workspace_from_another_package_is_not_taken_for_it(
    data_dir: Path, tmp_path: Path
) -> None:
    demo = data_dir / startup.DEMO_DIR
    package = startup.first_member_package(demo)
    other = _with_manifest(
        package, tmp_path / package.name, package_id="00000000-0000-4000-8000-000000000000"
    )
    assert startup.opened_workspace(other, demo / startup.WORKSPACES_DIR) is None
    # What opening falls back to, the full way, refuses it: that workspace is another package's.
    with pytest.raises(ValidationError, match=r"another package|một gói khác"):
        open_member_package(other, demo / startup.WORKSPACES_DIR)


def test_names_that_are_not_plain_ids_never_form_a_path(data_dir: Path, tmp_path: Path) -> None:
    demo = data_dir / startup.DEMO_DIR
    package = startup.first_member_package(demo)
    workspaces = demo / startup.WORKSPACES_DIR
    for changes in ({"member_id": "../CT-HD"}, {"form_id": "/tmp/x"}, {"member_id": ""}):
        crafted = _with_manifest(package, tmp_path / "crafted.parpkg", **changes)
        assert startup.opened_workspace(crafted, workspaces) is None
    damaged = tmp_path / "damaged.parpkg"
    damaged.write_bytes(b"not a zip")
    assert startup.opened_workspace(damaged, workspaces) is None
    missing = tmp_path / "empty"
    missing.mkdir()
    shutil.copy(package, missing / package.name)
    assert startup.opened_workspace(missing / package.name, tmp_path / "none") is None
