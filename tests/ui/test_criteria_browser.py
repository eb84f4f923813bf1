"""The read-only criteria-set browser behind ``parapp --demo``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.services.criteria_sets import BundledSet
from parapp.ui.app import build_main_window
from parapp.ui.models.criteria_tree_model import Column
from parapp.ui.widgets import errors, i18n
from parapp.ui.widgets.criteria_browser import CriteriaBrowser

Factory = Callable[..., CriteriaBrowser]


@pytest.fixture
def sets(sample_criteria_data: dict[str, Any]) -> list[BundledSet]:
    second = dict(
        sample_criteria_data, form_id="TEST-XA-2025", year=2025, name="Bộ thứ hai", note=""
    )
    second["nodes"] = [
        {"code": "1", "name": "Công tác chỉ đạo", "maximum": "10"},
        {"code": "1.1", "name": "Kế hoạch năm", "maximum": "10"},
    ]
    return [
        BundledSet(Path("test-so.json"), from_dict(sample_criteria_data)),
        BundledSet(Path("test-xa.json"), from_dict(second)),
    ]


@pytest.fixture
def make_browser(qtbot: QtBot, sets: list[BundledSet]) -> Iterator[Factory]:
    def make(lang: str = "vi") -> CriteriaBrowser:
        window = build_main_window(lang, sets)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    i18n.reset()


def _rows(window: CriteriaBrowser, column: Column = Column.CODE) -> list[str]:
    proxy = window.proxy()
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            found.append(str(index.siblingAtColumn(column).data()))
            walk(index)

    walk(QModelIndex())
    return found


def _row_of(window: CriteriaBrowser, code: str, column: Column) -> str:
    return str(window.model().index_of(code).siblingAtColumn(column).data())


def test_shows_the_set_tree_with_decimal_comma(make_browser: Factory) -> None:
    window = make_browser()
    assert _rows(window)[:5] == ["1", "1.1", "1.1.1", "1.1.2", "1.2"]
    assert _row_of(window, "1", Column.MAXIMUM) == "3,00"
    assert _row_of(window, "1.1.1", Column.MAXIMUM) == "1,00"
    header = window.ui.criteria_tree.model().headerData(Column.MAXIMUM, Qt.Orientation.Horizontal)
    assert header == "Điểm tối đa"
    assert window.ui.set_combo.count() == 2
    assert "Mẫu minh họa — not an official set" in window.ui.set_combo.itemText(0)
    assert "TEST-SO-2026" in window.ui.set_combo.itemText(0)
    assert window.ui.note_label.isVisible()
    assert "Mẫu minh họa" in window.ui.note_label.text()
    assert "Quyết định số 1/QĐ-TEST" in window.ui.metadata_browser.toPlainText()
    assert "Lĩnh vực: 5" in window.summary_text()
    assert "Tối đa 9,00 = Tự đánh giá, thẩm định 5,00 + Điều tra XHH 2,00" in window.summary_text()


def test_switching_the_set_replaces_the_tree(qtbot: QtBot, make_browser: Factory) -> None:
    window = make_browser()
    with qtbot.waitSignal(window.model().modelReset):
        window.ui.set_combo.setCurrentIndex(1)
    assert _rows(window) == ["1", "1.1"]
    assert _row_of(window, "1", Column.MAXIMUM) == "10,00"
    assert not window.ui.note_label.isVisible()
    assert "TEST-XA-2025" in window.ui.metadata_browser.toPlainText()


def test_unit_type_shows_its_maxima(qtbot: QtBot, make_browser: Factory) -> None:
    window = make_browser()
    combo = window.ui.unit_type_combo
    assert combo.itemText(0) == "Mọi loại đơn vị (điểm tối đa chung)"
    with qtbot.waitSignal(window.model().dataChanged):
        combo.setCurrentIndex(combo.findData("xa"))
    assert _row_of(window, "2", Column.MAXIMUM) == "3,00"
    assert _row_of(window, "3", Column.MAXIMUM) == "—"
    window.select_code("2.1")
    assert "UBND xã, phường: 1,00" in window.ui.detail_browser.toPlainText()
    window.select_code("3.1")
    assert "Áp dụng cho:\nSở, ban, ngành" in window.ui.detail_browser.toPlainText()


def test_search_without_diacritics_finds_rows(qtbot: QtBot, make_browser: Factory) -> None:
    window = make_browser()
    QTest.keyClicks(window.ui.search_edit, "thu tuc")
    names = _rows(window, Column.NAME)
    assert names == [
        "Cải cách thủ tục hành chính",
        "Công bố, công khai thủ tục hành chính",
        "Mức độ hài lòng của người dân đối với giải quyết hồ sơ",
    ]
    assert window.ui.criteria_tree.isExpanded(window.proxy().index(0, 0))
    QTest.keyClick(window.ui.search_edit, Qt.Key.Key_Escape)
    assert window.ui.search_edit.text() == ""
    assert len(_rows(window)) == 14


def test_detail_pane_shows_levels_and_bands(make_browser: Factory) -> None:
    window = make_browser()
    assert window.select_code("1.1.1")
    levels = window.ui.detail_browser.toPlainText()
    assert "1.1.1. Ban hành kế hoạch cải cách hành chính năm" in levels
    assert "0,50 — Không kịp thời" in levels
    assert "Ban hành trước ngày 31/01." in levels
    assert "Kế hoạch CCHC năm" in levels
    assert window.select_code("1.1.2")
    bands = window.ui.detail_browser.toPlainText()
    assert "≥ 90 %: 1,00 — Hoàn thành tốt" in bands
    assert "> 70 %: 0,50" in bands
    assert "còn lại: 0,00 — Dưới mức" in bands
    assert "Bước điểm: 0,25" in bands
    assert window.select_code("2.2")
    assert "Điểm = 2,00 × số liệu ÷ 100 %" in window.ui.detail_browser.toPlainText()


def test_keyboard_moves_through_the_tree(qtbot: QtBot, make_browser: Factory) -> None:
    window = make_browser()
    tree = window.ui.criteria_tree
    tree.setFocus()
    assert tree.currentIndex().data() == "1"
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data() == "1.1"
    assert "Kế hoạch cải cách hành chính năm" in window.ui.detail_browser.toPlainText()


def test_english_mode_shows_english_labels(make_browser: Factory) -> None:
    window = make_browser("en")
    tree_model = window.ui.criteria_tree.model()
    headers = [
        tree_model.headerData(c, Qt.Orientation.Horizontal) for c in range(tree_model.columnCount())
    ]
    assert headers == ["Code", "Item", "Max. points", "Assessed by", "Scoring"]
    assert window.ui.set_label.text() == "Criteria &set:"
    assert _row_of(window, "1", Column.MAXIMUM) == "3.00"
    assert window.ui.english_action.isChecked()


def test_language_menu_switches_at_run_time(make_browser: Factory) -> None:
    window = make_browser("vi")
    assert window.ui.set_label.text() == "&Bộ tiêu chí:"
    window.ui.english_action.trigger()
    assert window.ui.set_label.text() == "Criteria &set:"
    assert _row_of(window, "1", Column.MAXIMUM) == "3.00"
    window.ui.vietnamese_action.trigger()
    assert window.ui.set_label.text() == "&Bộ tiêu chí:"
    assert _row_of(window, "1", Column.MAXIMUM) == "3,00"


def test_no_bundled_set_shows_an_empty_state(qtbot: QtBot) -> None:
    window = build_main_window("vi", [])
    qtbot.addWidget(window)
    assert window.model().rowCount() == 0
    assert not window.ui.set_combo.isEnabled()
    assert "resources/criteria" in window.ui.note_label.text()


def test_standard_buttons_speak_vietnamese(qtbot: QtBot, make_browser: Factory) -> None:
    window = make_browser("vi")
    box = errors.show_error(window, ValidationError(Msg("Điểm “abc” không hợp lệ.", "Bad score.")))
    assert box is not None
    assert box.text() == "Điểm “abc” không hợp lệ."
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    box.close()


def test_bug_shows_unexpected_error_with_copyable_details(
    qtbot: QtBot, make_browser: Factory
) -> None:
    window = make_browser("vi")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        box = errors.show_error(window, exc)
    assert box is not None
    assert box.text() == "Lỗi không mong đợi"
    assert "RuntimeError: boom" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "Sao chép chi tiết")
    copy.click()
    assert "RuntimeError: boom" in QApplication.clipboard().text()
    assert box not in errors.open_error_boxes()


def test_screenshot_at_1366x768(make_browser: Factory, tmp_path: Path) -> None:
    window = make_browser()
    window.select_code("1.1.2")
    target = tmp_path / "browser.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
    assert window.ui.criteria_tree.columnWidth(
        Column.CODE
    ) >= window.fontMetrics().horizontalAdvance("1.1.2")


def test_run_grabs_a_screenshot_and_quits(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    code = (
        "import sys; from pathlib import Path; from parapp.ui.app import run; "
        "sys.exit(run([sys.argv[0]], 'vi', screenshot=Path(sys.argv[1])))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        check=False,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1366, 768)
