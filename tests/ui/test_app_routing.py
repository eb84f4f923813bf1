"""What ``parapp`` opens: the start page, a package (workspace created per user), a workspace, the
secretary's round, the demo (built once, then reused), and where evidence requests go."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from parapp.cli import app as cli
from parapp.core.rounds import EvidenceRef
from parapp.services import rounds, scoring, startup
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import year as demo
from parapp.services.demo.result import DemoResult
from parapp.ui import app
from parapp.ui.member.evidence_viewer import EvidenceViewer, Mode
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.start_page import StartPage
from parapp.ui.widgets import errors, i18n
from parapp.ui.widgets.criteria_browser import CriteriaBrowser
from parapp.ui.widgets.recent_files import RecentFiles


class StandIn(QMainWindow):
    """The scoring window's routing surface: an evidence pane and the request signal."""

    evidence_requested = Signal(object)

    def __init__(self, ctx: RoundContext, member_id: str, lang: object) -> None:
        super().__init__()
        self.ctx = ctx
        self.member_id = member_id
        self.evidence_pane = QWidget(self)
        self.setCentralWidget(self.evidence_pane)


class PaneLess(StandIn):
    """A window without a pane: the viewer opens as a window of its own."""

    def __init__(self, ctx: RoundContext, member_id: str, lang: object) -> None:
        super().__init__(ctx, member_id, lang)
        del self.evidence_pane


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return demo.build_demo(tmp_path_factory.mktemp("demo") / "out")


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    QStandardPaths.setTestModeEnabled(True)
    yield home
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def launcher(
    qtbot: QtBot, user_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[app.Launcher]:
    monkeypatch.setattr(app, "scoring_window_class", lambda: StandIn)
    app.create_application([], "vi")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    opened = app.Launcher("vi", recent=RecentFiles(settings))
    yield opened
    for window in opened.windows():
        window.close()
    for box in errors.open_error_boxes():
        box.done(0)
    opened.close_all()
    i18n.reset()


def _first_ref(ctx: RoundContext, member_id: str) -> EvidenceRef:
    for unit in rounds.list_units(ctx):
        sheet = scoring.load_sheet(ctx, member_id, unit.id)
        for entry in sheet.self_assessments.values():
            for ref in entry.evidence:
                if ref.sha256 is not None and ref.page is not None and ref.page > 1:
                    return ref
    raise AssertionError("the demo cites no page")


def test_per_user_data_folder_is_redirected_in_test_mode(user_home: Path, qapp: object) -> None:
    assert user_home in app.data_dir().parents


def test_without_arguments_the_start_page_opens(launcher: app.Launcher, qtbot: QtBot) -> None:
    window = launcher.start()
    qtbot.addWidget(window)
    assert isinstance(window, StartPage)


def test_package_opens_into_a_per_user_workspace(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot
) -> None:
    package = built.packages[0]
    window = launcher.start(package)
    qtbot.addWidget(window)
    assert isinstance(window, StandIn)
    workspace = app.data_dir() / startup.WORKSPACES_DIR / window.ctx.path.name
    assert window.ctx.path == workspace
    assert workspace.is_file()
    assert window.member_id in package.name
    assert RecentFiles(launcher._recent._settings).paths() == [workspace]
    again = launcher.open_path(package)  # idempotent: the same workspace
    assert isinstance(again, StandIn)
    qtbot.addWidget(again)
    assert again.ctx.path == workspace


def test_workspace_opens_for_its_member(
    launcher: app.Launcher, built: DemoResult, tmp_path: Path, qtbot: QtBot
) -> None:
    with demo.open_first_member_workspace(built.outdir, tmp_path / "ws") as ctx:
        workspace, member = ctx.path, rounds.round_info(ctx).workspace_member_id
    window = launcher.start(workspace)
    qtbot.addWidget(window)
    assert isinstance(window, StandIn)
    assert (window.ctx.path, window.member_id) == (workspace, member)


def test_secretary_round_opens_the_secretary_window(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot, tmp_path: Path
) -> None:
    secretary = tmp_path / built.rounds[0].path.name
    shutil.copy2(built.rounds[0].path, secretary)
    window = launcher.start(secretary)
    qtbot.addWidget(window)
    assert isinstance(window, SecretaryWindow)
    assert window in launcher.windows()


def test_without_the_scoring_window_the_set_is_shown(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "scoring_window_class", lambda: None)
    window = launcher.start(built.packages[0])
    qtbot.addWidget(window)
    assert isinstance(window, CriteriaBrowser)


def test_a_wrong_file_shows_the_error_over_the_start_page(
    launcher: app.Launcher, tmp_path: Path, qtbot: QtBot
) -> None:
    wrong = tmp_path / "notes.txt"
    wrong.write_text("x")
    window = launcher.start(wrong)
    qtbot.addWidget(window)
    assert isinstance(window, StartPage)
    boxes = errors.open_error_boxes()
    assert len(boxes) == 1
    assert "notes.txt" in boxes[0].text()
    assert "gói chấm điểm" in boxes[0].text()


def test_demo_is_built_once_then_reused(
    launcher: app.Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real_build = demo.build_demo

    def counting(outdir: Path) -> DemoResult:
        calls.append(outdir)
        return real_build(outdir)

    monkeypatch.setattr("parapp.services.startup.build_demo", counting)
    first = launcher.start(demo=True)
    qtbot.addWidget(first)
    assert isinstance(first, StandIn)
    folder = app.data_dir() / startup.DEMO_DIR
    assert first.ctx.path.is_relative_to(folder)
    assert len(calls) == 1
    assert calls[0].parent == folder.parent  # built aside, then renamed
    assert calls[0] != folder
    assert not list(folder.parent.glob(".demo.*"))
    second = launcher.start(demo=True)
    qtbot.addWidget(second)
    assert isinstance(second, StandIn)
    assert len(calls) == 1
    assert second.ctx.path == first.ctx.path


def test_start_page_hands_over_to_the_opened_window(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot
) -> None:
    page = launcher.start()
    assert isinstance(page, StartPage)
    qtbot.addWidget(page)
    page.show()
    page.open_requested.emit(built.packages[0])
    opened = [w for w in launcher.windows() if isinstance(w, StandIn)]
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    assert opened[0].isVisible()
    assert not page.isVisible()


def test_evidence_requests_open_the_viewer_in_the_pane(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot
) -> None:
    window = launcher.start(built.packages[0])
    assert isinstance(window, StandIn)
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    viewer = launcher.viewers[window]
    assert viewer.parent() is window.evidence_pane
    ref = _first_ref(window.ctx, window.member_id)
    window.evidence_requested.emit(ref)
    assert viewer.mode() is Mode.PDF
    cited = ref.page
    assert cited is not None
    qtbot.waitUntil(lambda: viewer.current_page() == cited - 1)


def test_without_a_pane_the_viewer_is_its_own_window(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "scoring_window_class", lambda: PaneLess)
    window = launcher.start(built.packages[0])
    assert isinstance(window, PaneLess)
    qtbot.addWidget(window)
    viewer = launcher.viewers[window]
    window.evidence_requested.emit(_first_ref(window.ctx, window.member_id))
    assert viewer.isWindow()
    assert viewer.isVisible()
    assert isinstance(viewer, EvidenceViewer)


def test_closing_the_window_closes_its_round(
    launcher: app.Launcher, built: DemoResult, qtbot: QtBot
) -> None:
    window = launcher.start(built.packages[0])
    assert isinstance(window, StandIn)
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.waitUntil(lambda: window not in launcher.windows())
    with open_round(window.ctx.path):  # still openable: nothing left locked or half-closed
        pass


def test_command_line_file_and_commands(tmp_path: Path) -> None:
    gui = cli.parse_args(["--lang", "en", str(tmp_path / "x.parpkg")])
    assert (gui.command, gui.file, gui.lang) == (None, tmp_path / "x.parpkg", "en")
    assert cli.parse_args(["--demo"]).demo
    assert cli.parse_args([]).file is None
    command = cli.parse_args(["round", "show", str(tmp_path / "r.parround")])
    assert command.command == "round"


def test_real_scoring_window_gets_the_viewer(
    user_home: Path, built: DemoResult, qtbot: QtBot, tmp_path: Path
) -> None:
    window_class = app.scoring_window_class()
    if window_class is None:
        pytest.skip("parapp.ui.member.scoring_window has not landed yet")
    app.create_application([], "vi")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    launcher = app.Launcher("vi", recent=RecentFiles(settings))
    try:
        window = launcher.start(built.packages[0])
        qtbot.addWidget(window)
        assert isinstance(window, window_class)  # type: ignore[arg-type]
        viewer = launcher.viewers[window]
        assert window.isAncestorOf(viewer)
        ctx = launcher._windows[window]
        assert isinstance(ctx, RoundContext)  # a package opens through the store
        member = rounds.round_info(ctx).workspace_member_id
        assert member is not None
        window.evidence_requested.emit(_first_ref(ctx, member))  # type: ignore[attr-defined]
        assert viewer.mode() is Mode.PDF
        window.close()
    finally:
        launcher.close_all()
        i18n.reset()
        QApplication.processEvents()
