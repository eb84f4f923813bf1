"""Switching the language from a window's menu applies at once to every open window: menus,
panes, column headers, rule names, findings, the status bar — and back, without a restart."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import scoring
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import year as demo
from parapp.services.demo.result import DemoResult
from parapp.services.rounds import round_info
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.models.score_tree_model import Column
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.start_page import StartPage
from parapp.ui.widgets import errors, i18n, workers
from parapp.ui.widgets.recent_files import RecentFiles

pytestmark = pytest.mark.gui
MERGE_TIMEOUT = 120_000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return demo.build_demo(tmp_path_factory.mktemp("demo") / "out", submissions=True)


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    i18n.install(Lang.VI)
    yield
    i18n.reset()


def _headers(model: object, count: int) -> list[str]:
    header = model.headerData  # type: ignore[attr-defined]
    return [
        str(header(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for i in range(count)
    ]


def _menus(window: object) -> list[str]:
    bar = window.menuBar()  # type: ignore[attr-defined]
    return [action.text() for action in bar.actions()]


def test_scoring_window_and_start_page_switch_to_english_and_back(
    qtbot: QtBot, built: DemoResult, tmp_path: Path
) -> None:
    with demo.open_first_member_workspace(built.outdir, tmp_path / "ws") as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        # A score above the maximum gives the unit a finding to read in both languages.
        scoring.save_appraisal(ctx, member, "SCT", "1.1.1", "5")
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = ScoringWindow(ctx, member, Lang.VI, settings=settings)
        page = StartPage(RecentFiles(settings))
        for shown in (window, page):
            qtbot.addWidget(shown)
            shown.show()
        window.ui.units_pane.select_unit("SCT")
        window.select_code("1.1.1")
        model = window.model()
        vi_headers = _headers(model, len(Column))
        vi_findings = window.ui.findings_pane.texts()
        vi_status = window.status_text()
        vi_menus = _menus(window)
        vi_page = page.ui.demo_button.text()
        vi_detail = window.ui.detail_pane.ui.comment_edit.placeholderText()
        assert any("vượt điểm tối đa" in text for text in vi_findings)

        window.ui.english_action.trigger()  # the window's own menu
        QApplication.processEvents()  # Qt posts LanguageChange to each top-level window
        assert i18n.current_lang() is Lang.EN
        en_headers = _headers(model, len(Column))
        assert en_headers != vi_headers
        assert "Appraisal" in en_headers or any("apprais" in h.lower() for h in en_headers)
        findings = window.ui.findings_pane.texts()
        assert findings
        assert findings != vi_findings
        assert not any("vượt" in text for text in findings)
        assert any("maximum" in text.lower() for text in findings)
        assert window.status_text() != vi_status
        assert _menus(window) != vi_menus
        assert "&File" in _menus(window) or "File" in [m.replace("&", "") for m in _menus(window)]
        assert page.ui.demo_button.text() != vi_page  # another open window follows
        assert window.ui.detail_pane.ui.comment_edit.placeholderText() != vi_detail or not vi_detail
        assert window.current_code() == "1.1.1"  # the member stays where they were

        window.ui.vietnamese_action.trigger()
        QApplication.processEvents()
        assert i18n.current_lang() is Lang.VI
        assert _headers(model, len(Column)) == vi_headers
        assert window.ui.findings_pane.texts() == vi_findings
        assert window.status_text() == vi_status
        assert _menus(window) == vi_menus
        assert page.ui.demo_button.text() == vi_page
        assert window.ui.vietnamese_action.isChecked()
        window.close()
        page.close()


@pytest.fixture
def secretary(qtbot: QtBot, built: DemoResult, tmp_path: Path) -> Iterator[SecretaryWindow]:
    source = built.rounds[0].path
    target = tmp_path / source.name
    shutil.copy2(source, target)
    with open_round(target, actor="thu-ky") as ctx:
        window = SecretaryWindow(ctx, Lang.VI)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        yield window
        qtbot.waitUntil(lambda: workers.running_calls() == 0, timeout=MERGE_TIMEOUT)
        for box in errors.open_error_boxes():
            box.done(0)
        window.close()


def _context(window: SecretaryWindow) -> RoundContext:
    return window._ctx


def test_secretary_window_switches_every_tab_to_english_and_back(
    qtbot: QtBot, secretary: SecretaryWindow, built: DemoResult
) -> None:
    window = secretary
    pane = window.merge_pane
    with qtbot.waitSignal(pane.merged, timeout=MERGE_TIMEOUT):
        assert pane.merge_files(list(built.rounds[0].submissions))
    results = window.results_pane
    window.show_tab(results)
    tabs = window.ui.tabs_widget

    def snapshot() -> dict[str, list[str] | str]:
        merge_model = pane.model()
        return {
            "tabs": [tabs.tabText(i) for i in range(tabs.count())],
            "menus": _menus(window),
            "title": window.windowTitle(),
            "round": window.ui.round_label.text(),
            "merge_headers": _headers(merge_model, merge_model.columnCount()),
            "merge_status": [row.cells[2] for row in merge_model.rows()],
            "results_headers": _headers(results.model(), results.model().columnCount()),
            "rules": [
                results.ui.rule_combo.itemText(i) for i in range(results.ui.rule_combo.count())
            ],
            "bands": results.bands_label.text(),
            "audit_headers": _headers(
                window.audit_pane.model(), window.audit_pane.model().columnCount()
            ),
        }

    window.show_tab(window.audit_pane)
    window.show_tab(window.completeness_pane)
    window.show_tab(results)
    vi = snapshot()
    assert any("hạng" in h.lower() for h in vi["results_headers"])
    QApplication.processEvents()
    window.ui.english_action.trigger()
    QApplication.processEvents()
    en = snapshot()
    for key in vi:
        assert en[key] != vi[key], key
    assert "Rank" in en["results_headers"]
    assert "accepted" in en["merge_status"]
    assert any("agree" in rule.lower() for rule in en["rules"])
    # The tabs not shown re-read in English when they are shown.
    window.show_tab(window.completeness_pane)
    completeness = window.completeness_pane.model()
    en_completeness = _headers(completeness, completeness.columnCount())
    window.ui.vietnamese_action.trigger()
    QApplication.processEvents()
    assert snapshot() == vi
    assert _headers(completeness, completeness.columnCount()) != en_completeness
