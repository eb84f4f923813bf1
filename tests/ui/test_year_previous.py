"""The results tab beside last year: last year's results workbook imported through the bar,
the ranking gains last year's index and rank and the changes; a bad file shows its located
problems and changes nothing; removing it drops the columns. Screenshot at 1366x768."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import reports
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n
from tests.services import results_world as world

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def last_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("last-year")
    ctx = world.opened(world.build_round(folder / "2025.parround"))
    try:
        reports.export_results(
            ctx, xlsx=folder / "2025.xlsx", pdf=None, place="Thái Nguyên", date=dt.date(2027, 1, 6)
        )
    finally:
        ctx.close()
    return folder / "2025.xlsx"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, last_year: Path) -> Iterator[SecretaryWindow]:
    path = tmp_path / "2026.parround"
    shutil.copy2(last_year.with_suffix(".parround"), path)
    for member in ("UV1", "UV2"):
        for code, value in (("1.1", "1"), ("1.2", "3"), ("3.1", "0")):
            world.set_member_score(path, "SB", code, member, value)
    world.set_survey(path, "SB", "4")
    ctx = world.opened(path)
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_tab(shown.results_pane)
    yield shown
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    ctx.close()
    i18n.reset()


def rows(window: SecretaryWindow) -> list[list[str]]:
    model = window.results_pane.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_last_year_imported_shows_the_changes_in_the_ranking(
    window: SecretaryWindow, last_year: Path
) -> None:
    pane = window.results_pane
    assert pane.model().columnCount() == 5  # no comparison yet
    assert pane.previous_bar.import_file(last_year)
    assert pane.model().columnCount() == 9
    got = {row[1]: row[5:] for row in rows(window)}
    assert got["Sở B"] == ["56,25", "+43,75", "2", "+1"]
    assert got["Sở A"] == ["90,63", "0,00", "1", "-1"]
    assert got["Sở C"][0] == ""
    assert "2025.xlsx" in pane.previous_bar.label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "desk13-results-last-year.png"))
    pane.previous_bar.remove()
    assert pane.model().columnCount() == 5


def test_a_bad_table_is_refused_with_its_problems_and_nothing_changes(
    window: SecretaryWindow, tmp_path: Path
) -> None:
    bad = Workbook()
    bad.active.append(["Mã đơn vị", "Tên đơn vị", "Chỉ số", "Xếp hạng"])
    bad.active.append(["SA", "Sở A", "=1+1", 1])
    bad.save(tmp_path / "sai.xlsx")
    path = tmp_path / "2026.parround"
    with sqlite3.connect(path) as raw:
        before = (
            raw.execute("select * from setting").fetchall(),
            raw.execute("select count(*) from audit").fetchone(),
        )
    assert not window.results_pane.previous_bar.import_file(tmp_path / "sai.xlsx")
    boxes = errors.open_error_boxes()
    assert len(boxes) == 1
    assert "dòng 2, cột C" in boxes[0].text()
    with sqlite3.connect(path) as raw:
        after = (
            raw.execute("select * from setting").fetchall(),
            raw.execute("select count(*) from audit").fetchone(),
        )
    assert after == before
    assert window.results_pane.model().columnCount() == 5
