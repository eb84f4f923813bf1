"""The secretary's results tab on a real round holding values that break the criteria set's hard
rules: the same list as ``parapp results``, the official export disabled and a draft export
offered; units without any score show "chưa có điểm thẩm định" without class or rank.
Screenshots at 1366x768 in Vietnamese: the blocking list and an empty round."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n, workers
from tests.services import results_world as world

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))
EXPORT_TIMEOUT = 60_000


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return world.build_round(tmp_path_factory.mktemp("pane") / "sach.parround")


@pytest.fixture
def path(clean: Path, tmp_path: Path) -> Path:
    target = tmp_path / "dot.parround"
    shutil.copy2(clean, target)
    return target


def _window(qtbot: QtBot, ctx: RoundContext) -> SecretaryWindow:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_tab(shown.results_pane)
    return shown


@pytest.fixture(autouse=True)
def _reset() -> Iterator[None]:
    yield
    for box in errors.open_error_boxes():
        box.done(0)
    i18n.reset()


def _close(qtbot: QtBot, window: SecretaryWindow) -> None:
    qtbot.waitUntil(lambda: workers.running_calls() == 0, timeout=EXPORT_TIMEOUT)
    window.close()


def _shot(window: SecretaryWindow, name: str, tmp_path: Path) -> Path:
    folder = SHOTS if SHOTS.is_dir() else tmp_path
    target = folder / f"results-{name}.png"
    assert window.grab().save(str(target))
    return target


def test_blocking_values_are_listed_and_only_a_draft_can_be_exported(
    qtbot: QtBot, path: Path, tmp_path: Path
) -> None:
    world.set_member_score(path, "SB", "1.1", "UV1", "5")
    world.set_member_score(path, "SB", "3.1", "UV2", "-5")
    world.set_survey(path, "SA", "7")
    with world.opened(path) as ctx:
        window = _window(qtbot, ctx)
        pane = window.results_pane
        rows = [row.cells for row in pane.blocking_model().rows()]
        assert rows == [
            ("SA — Sở A", "2.1", "điểm điều tra xã hội học", "7", "tối đa 4,00"),
            ("SB — Sở B", "1.1", "thành viên UV1", "5", "tối đa 1,00"),
            ("SB — Sở B", "3.1", "thành viên UV2", "-5", "tối thiểu -1,00"),
        ]
        assert not pane.ui.blocking_box.isHidden()
        assert "3" in pane.ui.blocking_label.text()
        assert not pane.ui.export_button.isEnabled()
        assert not pane.ui.draft_button.isHidden()
        assert pane.ui.draft_button.isEnabled()
        _shot(window, "blocking", tmp_path)
        assert not pane.export_to(tmp_path / "chinh-thuc.pdf")  # official: refused
        assert not (tmp_path / "chinh-thuc.pdf").exists()
        pane.ui.place_edit.setText("Thái Nguyên")
        with qtbot.waitSignal(pane.exported, timeout=EXPORT_TIMEOUT) as exported:
            assert pane.export_to(tmp_path / "du-thao.pdf", draft=True)
        files = exported.args[0]
        assert files.draft
        assert files.pdf == tmp_path / "du-thao.pdf"
        text = subprocess.run(
            ["pdftotext", "-raw", str(files.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
        assert pages
        assert all("DỰ THẢO" in page for page in pages)
        assert not pane.ui.export_button.isEnabled()  # still blocked after the draft
        _close(qtbot, window)


def test_correcting_the_values_enables_the_official_export_again(qtbot: QtBot, path: Path) -> None:
    world.set_member_score(path, "SB", "1.1", "UV1", "5")
    with world.opened(path) as ctx:
        window = _window(qtbot, ctx)
        pane = window.results_pane
        assert len(pane.problems()) == 1
        world.set_member_score(path, "SB", "1.1", "UV1", "0.5")
        pane.refresh()
        assert pane.problems() == ()
        assert pane.ui.blocking_box.isHidden()
        assert pane.ui.draft_button.isHidden()
        assert pane.ui.export_button.isEnabled()
        _close(qtbot, window)


def test_text_that_is_no_number_disables_both_exports(qtbot: QtBot, path: Path) -> None:
    world.set_member_score(path, "SA", "1.2", "UV2", "abc")
    with world.opened(path) as ctx:
        window = _window(qtbot, ctx)
        pane = window.results_pane
        assert [row.cells[:4] for row in pane.blocking_model().rows()] == [
            ("SA — Sở A", "1.2", "thành viên UV2", "abc")
        ]
        assert pane.model().rows() == []
        assert not pane.ui.export_button.isEnabled()
        assert not pane.ui.draft_button.isEnabled()
        assert not errors.open_error_boxes()
        _close(qtbot, window)


def test_a_unit_without_scores_shows_not_yet_appraised_in_both_languages(
    qtbot: QtBot, path: Path
) -> None:
    with world.opened(path) as ctx:
        window = _window(qtbot, ctx)
        pane = window.results_pane
        rows = [row.cells for row in pane.model().rows()]
        assert [r[:4] for r in rows] == [
            ("1/2", "Sở A", "90,63", "Tốt"),
            ("2/2", "Sở B", "56,25", "Khá"),
            ("", "Sở C", "", "chưa có điểm thẩm định"),
        ]
        i18n.install(Lang.EN)
        qtbot.waitUntil(lambda: pane.model().rows()[2].cells[3] == "not yet appraised")
        _close(qtbot, window)


def test_an_empty_round_ranks_nobody(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = rounds.create_round(
        tmp_path / "trong.parround", world.criteria_set(), "Đợt mới", clock=world.clock
    )
    try:
        for unit_id, name in world.UNITS:
            rounds.add_unit(ctx, unit_id, name, "so")
        window = _window(qtbot, ctx)
        rows = [row.cells for row in window.results_pane.model().rows()]
        assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
            ("", "Sở A", "", "chưa có điểm thẩm định"),
            ("", "Sở B", "", "chưa có điểm thẩm định"),
            ("", "Sở C", "", "chưa có điểm thẩm định"),
        ]
        assert window.results_pane.problems() == ()
        _shot(window, "empty-round", tmp_path)
        _close(qtbot, window)
    finally:
        ctx.close()
