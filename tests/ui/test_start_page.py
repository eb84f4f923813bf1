"""The start page: the three ways in and the recent files, missing ones greyed then forgotten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from parapp import paths
from parapp.ui.start_page import StartPage
from parapp.ui.widgets import i18n
from parapp.ui.widgets.recent_files import LIMIT, RecentFiles


@pytest.fixture
def recent(tmp_path: Path) -> RecentFiles:
    return RecentFiles(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    found = {}
    for name in ("PAR-SO-2026_CT-HD.parround", "PAR-SO-2026_UV-01.parpkg"):
        found[name] = tmp_path / name
        found[name].write_bytes(b"x")
    found["gone"] = tmp_path / "usb" / "PAR-HUYEN_UV-02.parpkg"
    return found


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.reset()


def _page(qtbot: QtBot, recent: RecentFiles) -> StartPage:
    page = StartPage(recent)
    qtbot.addWidget(page)
    page.resize(960, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_recent_files_most_recent_first_missing_greyed(
    qtbot: QtBot, vietnamese: None, recent: RecentFiles, files: dict[str, Path]
) -> None:
    recent.add(files["gone"])
    recent.add(files["PAR-SO-2026_UV-01.parpkg"])
    recent.add(files["PAR-SO-2026_CT-HD.parround"])
    recent.add(files["PAR-SO-2026_UV-01.parpkg"])  # again: moves to the front, listed once
    page = _page(qtbot, recent)
    assert page.recent_paths() == [
        files["PAR-SO-2026_UV-01.parpkg"],
        files["PAR-SO-2026_CT-HD.parround"],
        files["gone"],
    ]
    assert [page.is_available(row) for row in range(3)] == [True, True, False]
    assert "không tìm thấy" in page.ui.recent_list.item(2).text()
    assert page.ui.recent_list.currentRow() == 0
    assert page.ui.demo_button.text() == "Dùng thử dữ liệu mẫu"
    assert page.ui.forget_missing_button.isEnabled()


def test_forget_missing_prunes_the_list_and_the_settings(
    qtbot: QtBot, vietnamese: None, recent: RecentFiles, files: dict[str, Path]
) -> None:
    recent.add(files["gone"])
    recent.add(files["PAR-SO-2026_CT-HD.parround"])
    page = _page(qtbot, recent)
    page.ui.forget_missing_button.click()
    assert page.recent_paths() == [files["PAR-SO-2026_CT-HD.parround"]]
    assert recent.paths() == [files["PAR-SO-2026_CT-HD.parround"]]
    assert not page.ui.forget_missing_button.isEnabled()


def test_opening_a_recent_file_and_the_demo_are_requested(
    qtbot: QtBot, vietnamese: None, recent: RecentFiles, files: dict[str, Path]
) -> None:
    recent.add(files["PAR-SO-2026_CT-HD.parround"])
    page = _page(qtbot, recent)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.ui.open_recent_button.click()
    assert opened.args == [files["PAR-SO-2026_CT-HD.parround"]]
    with qtbot.waitSignal(page.demo_requested):
        page.ui.demo_button.click()


def test_a_greyed_file_cannot_be_opened(
    qtbot: QtBot, vietnamese: None, recent: RecentFiles, files: dict[str, Path]
) -> None:
    recent.add(files["gone"])
    page = _page(qtbot, recent)
    assert not page.ui.open_recent_button.isEnabled()
    with qtbot.assertNotEmitted(page.open_requested):
        page.ui.recent_list.itemActivated.emit(page.ui.recent_list.item(0))


def test_empty_list_says_so(qtbot: QtBot, vietnamese: None, recent: RecentFiles) -> None:
    page = _page(qtbot, recent)
    assert not page.ui.recent_list.isVisible()
    assert page.ui.empty_label.text() == "Chưa có tệp nào được mở gần đây."


def test_the_list_keeps_the_last_ten(recent: RecentFiles, tmp_path: Path) -> None:
    for n in range(LIMIT + 3):
        recent.add(tmp_path / f"f{n}.parround")
    assert len(recent.paths()) == LIMIT
    assert recent.paths()[0] == tmp_path / f"f{LIMIT + 2}.parround"
    recent.remove(tmp_path / f"f{LIMIT + 2}.parround")
    assert recent.paths()[0] == tmp_path / f"f{LIMIT + 1}.parround"


def test_kinds_are_named_and_unlisted_workspaces_are_found(
    qtbot: QtBot, qapp: object, tmp_path: Path, files: dict[str, Path]
) -> None:
    # English: the Vietnamese of the kinds is merged into parapp_vi.ts centrally.
    i18n.install("en")
    workspaces = tmp_path / "data" / "workspaces"
    workspaces.mkdir(parents=True)
    unlisted = workspaces / "PAR-SO-2026_UV-03.parround"
    unlisted.write_bytes(b"x")
    listed = workspaces / "PAR-SO-2026_UV-01.parround"
    listed.write_bytes(b"x")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings, workspaces=workspaces)
    recent.add(files["PAR-SO-2026_CT-HD.parround"])
    recent.add(files["PAR-SO-2026_UV-01.parpkg"])
    recent.add(listed)
    page = _page(qtbot, recent)
    assert page.recent_paths() == [
        listed,
        files["PAR-SO-2026_UV-01.parpkg"],
        files["PAR-SO-2026_CT-HD.parround"],
        unlisted,
    ]
    texts = [page.ui.recent_list.item(row).text() for row in range(4)]
    assert texts[0].startswith("Workspace: PAR-SO-2026_UV-01.parround")
    assert texts[1].startswith("Scoring package: PAR-SO-2026_UV-01.parpkg")
    assert texts[2].startswith("Appraisal round: PAR-SO-2026_CT-HD.parround")
    assert texts[3].startswith("Workspace: PAR-SO-2026_UV-03.parround")
    page.ui.recent_list.setCurrentRow(3)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.ui.open_recent_button.click()
    assert opened.args == [unlisted]
    i18n.reset()


def test_a_recent_workspace_of_an_earlier_version_is_still_found(
    qtbot: QtBot,
    vietnamese: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    (legacy,) = paths.legacy_data_dirs()
    old = legacy / "workspaces" / "PAR-SO-2026_UV-01.parround"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    recent.add(old)
    paths.move_legacy_data()  # what the application does on its first start
    new = paths.user_data_dir() / "workspaces" / old.name
    assert new.is_file()
    page = _page(qtbot, recent)
    assert page.recent_paths() == [new]
    assert page.is_available(0)
    assert recent.paths() == [new]  # rewritten in the settings
