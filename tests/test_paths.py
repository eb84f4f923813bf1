"""The per-user data folder: ~/.local/share/parapp (not parapp/parapp), %LOCALAPPDATA%\\parapp on
Windows; an earlier version's folder is moved there, nothing overwritten or lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from parapp import paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return folder


def test_linux_default_and_xdg(home: Path, tmp_path: Path) -> None:
    assert paths.user_data_dir() == home / ".local" / "share" / "parapp"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert paths.user_data_dir(env, "linux") == tmp_path / "xdg" / "parapp"
    env["XDG_DATA_HOME"] = "relative/ignored"
    assert paths.user_data_dir(env, "linux") == home / ".local" / "share" / "parapp"
    assert paths.legacy_data_dirs(env, "linux") == [home / ".local" / "share" / "parapp" / "parapp"]


def test_windows_and_macos(tmp_path: Path) -> None:
    env = {"USERPROFILE": str(tmp_path), "LOCALAPPDATA": str(tmp_path / "Local")}
    assert paths.user_data_dir(env, "win32") == tmp_path / "Local" / "parapp"
    assert paths.user_data_dir({"USERPROFILE": str(tmp_path)}, "win32") == (
        tmp_path / "AppData" / "Local" / "parapp"
    )
    assert paths.legacy_data_dirs({"APPDATA": str(tmp_path / "Roaming")}, "win32") == [
        tmp_path / "Roaming" / "parapp" / "parapp"
    ]
    assert paths.legacy_data_dirs({"USERPROFILE": str(tmp_path)}, "win32") == [
        tmp_path / "AppData" / "Roaming" / "parapp" / "parapp"
    ]
    assert paths.user_data_dir({"HOME": str(tmp_path)}, "darwin") == (
        tmp_path / "Library" / "Application Support" / "parapp"
    )


def test_an_earlier_versions_workspaces_are_moved_not_lost(home: Path) -> None:
    new = paths.user_data_dir()
    (legacy,) = paths.legacy_data_dirs()
    old_ws = legacy / "workspaces"
    old_ws.mkdir(parents=True)
    (old_ws / "PAR-SO-2026_UV1.parround").write_bytes(b"round")
    (old_ws / "PAR-SO-2026_UV1.evidence").mkdir()
    (old_ws / "PAR-SO-2026_UV1.evidence" / "ab.pdf").write_bytes(b"pdf")
    (legacy / "certificates").mkdir()
    (legacy / "certificates" / "me.p12").write_bytes(b"key")
    # The new folder already has a workspace of the same name: that one is not overwritten.
    (new / "workspaces").mkdir(parents=True)
    (new / "workspaces" / "PAR-SO-2026_UV2.parround").write_bytes(b"other")
    (legacy / "demo").mkdir()
    (new / "demo").mkdir()
    (new / "demo" / "README.txt").write_text("new")
    (legacy / "demo" / "README.txt").write_text("old")

    moved = paths.move_legacy_data()

    assert (new / "workspaces" / "PAR-SO-2026_UV1.parround").read_bytes() == b"round"
    assert (new / "workspaces" / "PAR-SO-2026_UV1.evidence" / "ab.pdf").read_bytes() == b"pdf"
    assert (new / "workspaces" / "PAR-SO-2026_UV2.parround").read_bytes() == b"other"
    assert (new / "certificates" / "me.p12").read_bytes() == b"key"
    assert (new / "demo" / "README.txt").read_text() == "new"
    assert (legacy / "demo" / "README.txt").read_text() == "old"  # kept, not lost
    assert not (legacy / "workspaces").exists()
    assert (legacy / "workspaces" / "PAR-SO-2026_UV1.parround", new / "workspaces" /
            "PAR-SO-2026_UV1.parround") in moved  # fmt: skip
    # Second start: nothing left to move but the kept file; the legacy folder is not emptied.
    assert paths.move_legacy_data() == []
    old_path = legacy / "workspaces" / "PAR-SO-2026_UV1.parround"
    assert paths.relocated(old_path) == new / "workspaces" / "PAR-SO-2026_UV1.parround"
    assert paths.relocated(home / "elsewhere.parround") == home / "elsewhere.parround"
    assert paths.relocated(legacy / "gone.parround") == legacy / "gone.parround"


def test_an_emptied_legacy_folder_is_removed(home: Path) -> None:
    (legacy,) = paths.legacy_data_dirs()
    (legacy / "workspaces").mkdir(parents=True)
    (legacy / "workspaces" / "a.parround").write_bytes(b"a")
    paths.move_legacy_data()
    assert not legacy.exists()
    assert (paths.user_data_dir() / "workspaces" / "a.parround").is_file()
    assert paths.move_legacy_data() == []  # nothing there any more
