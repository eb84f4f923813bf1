"""The member's scoring window in appraisal round 2, on a workspace opened from a real round-2
package (tests/services/round2_world.py): only the explained item is listed, with the own and
the consolidated round-1 score and the proposed score; the detail pane shows the explanation;
the new evidence opens at its cited page in the evidence viewer; typing a score saves round 2."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import packages, scoring
from parapp.services.context import RoundContext
from parapp.ui.app import attach_evidence_viewer
from parapp.ui.member.evidence_viewer import EvidenceViewer
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.models.score_tree_model import ROUND_2_COLUMNS, Column
from parapp.ui.widgets import i18n
from tests.services import explanation_world as world
from tests.services import round2_world
from tests.services.merge_world import clock

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("round2")
    path, _keys = round2_world.build(folder)
    with world.opened(path) as ctx:
        return packages.build_member_package(ctx, "m1", folder / "pkg").path


@pytest.fixture
def ws(package: Path, tmp_path: Path) -> Iterator[RoundContext]:
    with packages.open_member_package(package, tmp_path / "ws", clock=clock, actor="m1") as ctx:
        yield ctx


def _window(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path, member: str = "m1"
) -> tuple[ScoringWindow, EvidenceViewer]:
    i18n.install(Lang.VI)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = ScoringWindow(ctx, member, Lang.VI, settings=settings)
    viewer = attach_evidence_viewer(window, ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(window.isVisible)
    return window, viewer


def _listed_leaves(window: ScoringWindow) -> list[str]:
    proxy, out = window.proxy(), []

    def walk(parent: object) -> None:
        for row in range(proxy.rowCount(parent)):  # type: ignore[arg-type]
            index = proxy.index(row, 0, parent)  # type: ignore[arg-type]
            if proxy.rowCount(index):
                walk(index)
            else:
                out.append(str(index.data()))

    walk(QModelIndex())
    return out


def test_round_2_lists_the_explained_item_with_both_rounds_and_the_explanation(
    qtbot: QtBot, ws: RoundContext, tmp_path: Path
) -> None:
    window, viewer = _window(qtbot, ws, tmp_path)
    assert window.ui.units_pane.model().rowCount() == 1  # unit A only: B explained nothing
    assert _listed_leaves(window) == ["1.1"]
    # Progress and points over the explained item only, no index or class of a partial sheet.
    status = window.status_text()
    for text in ("1/1", "3,00", "4,00", "—"):
        assert text in status, status
    assert "15,00" not in status
    tree, model = window.ui.criteria_tree, window.model()
    assert all(not tree.isColumnHidden(c) for c in ROUND_2_COLUMNS)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in ROUND_2_COLUMNS]
    assert headers == ["Lần 1\n(tôi)", "Lần 1\n(HĐ)", "Đề\nnghị"]  # narrow: two lines
    # At 1366 px with the three round-2 columns the item's name still reads, no side scrolling.
    assert tree.columnWidth(Column.NAME) >= 120
    assert not tree.horizontalScrollBar().isVisible()
    row = {c: model.index_of("1.1", c).data() for c in Column}
    assert (row[Column.SELF_SCORE], row[Column.OWN_ROUND_1]) == ("4,00", "3,00")
    assert (row[Column.COUNCIL_ROUND_1], row[Column.PROPOSED]) == ("3,00", "4,00")
    assert row[Column.EVIDENCE] == "2"  # the unit's own file and the new one
    assert window.select_code("1.1")
    detail = window.ui.detail_pane
    assert detail.code() == "1.1"
    shown = detail.ui.explanation_browser.toPlainText()
    assert round2_world.EXPLANATION in shown
    facts = detail.ui.facts_label.text()
    assert "3,00" in facts
    assert "4,00" in facts
    evidence = detail.ui.evidence_list
    assert evidence.count() == 2
    assert round2_world.NEW_EVIDENCE in evidence.item(0).text()
    # The new evidence opens in the viewer at its cited page (page 2: index 1).
    evidence.itemActivated.emit(evidence.item(0))
    qtbot.waitUntil(lambda: viewer.page_count() == 2)
    assert viewer.current_page() == round2_world.NEW_PAGE - 1
    assert window.ui.side_tabs.currentWidget() is window.ui.evidence_pane
    QApplication.processEvents()


def test_typing_a_score_saves_round_2_and_other_items_are_not_listed(
    qtbot: QtBot, ws: RoundContext, tmp_path: Path
) -> None:
    window, _viewer = _window(qtbot, ws, tmp_path)
    assert window.select_code("1.1")
    window.ui.detail_pane.score_entered.emit("1.1", "3,5")
    sheet = scoring.load_sheet(ws, "m1", "A")
    assert sheet.entries["1.1"].appraised == Decimal("3.5")
    assert window.model().index_of("1.1", Column.APPRAISED).data() == "3,50"
    assert window.model().index_of("1.1", Column.OWN_ROUND_1).data() == "3,00"
    assert not window.select_code("1.2")  # not explained: not listed, not editable


def test_in_round_1_the_round_2_columns_are_hidden_and_every_item_listed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    old = Path(__file__).parent.parent / "data" / "packages" / "v1-member-m3.parpkg"
    with packages.open_member_package(old, tmp_path / "ws", clock=clock, actor="m3") as ctx:
        window, _viewer = _window(qtbot, ctx, tmp_path, "m3")
        assert all(window.ui.criteria_tree.isColumnHidden(c) for c in ROUND_2_COLUMNS)
        assert _listed_leaves(window) == ["1.1", "1.2", "2.1", "3.1"]
        window.close()
