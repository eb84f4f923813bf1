"""The secretary's window on the demo round: merging the members' signed packages (dropped or
added), duplicates and a tampered copy, completeness, disagreements, results, export, the audit
log, the routing of a round file, and screenshots of every tab at 1366x768."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services.audit import AuditRecord
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import year as demo
from parapp.services.demo.result import DemoResult
from parapp.services.merge import Outcome
from parapp.ui import app
from parapp.ui.models.text_table_model import ROW_KEY_ROLE, TableRow, TextTableModel
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n, workers
from parapp.ui.widgets.recent_files import RecentFiles

pytestmark = pytest.mark.gui
MERGE_TIMEOUT = 120_000
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return demo.build_demo(tmp_path_factory.mktemp("demo") / "out", submissions=True)


@pytest.fixture
def ctx(built: DemoResult, tmp_path: Path) -> Iterator[RoundContext]:
    source = built.rounds[0].path
    target = tmp_path / source.name
    shutil.copy2(source, target)
    with open_round(target, actor="thu-ky") as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    qtbot.waitUntil(lambda: workers.running_calls() == 0, timeout=MERGE_TIMEOUT)
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def _submissions(built: DemoResult) -> list[Path]:
    return list(built.rounds[0].submissions)


def _merge(qtbot: QtBot, window: SecretaryWindow, paths: list[Path]) -> None:
    pane = window.merge_pane
    with qtbot.waitSignal(pane.merged, timeout=MERGE_TIMEOUT):
        assert pane.merge_files(paths)


def _statuses(window: SecretaryWindow) -> list[str]:
    return [row.cells[2] for row in window.merge_pane.model().rows()]


def _drag_and_drop(window: SecretaryWindow, paths: list[Path]) -> tuple[bool, bool]:
    """A file manager's drag enter then drop on the pane; whether each was accepted.

    The events go to the pane's ``event()``: QApplication only routes a drop to the target the
    platform's drag manager chose, which offscreen has none.
    """
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    window.merge_pane.event(enter)
    entered = enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    window.merge_pane.event(drop)
    return entered, drop.isAccepted()


def test_dropped_packages_are_all_accepted(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult, tmp_path: Path
) -> None:
    files = _submissions(built)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a package")
    with qtbot.waitSignal(window.merge_pane.merged, timeout=MERGE_TIMEOUT) as merged:
        assert _drag_and_drop(window, [*files, notes]) == (True, True)
    report = merged.args[0]
    assert [f.path for f in report.files] == files  # only the .parscore files were taken
    assert all(f.outcome is Outcome.ACCEPTED for f in report.files)
    assert _statuses(window) == ["đã nhận"] * len(files)
    members = {row.cells[1] for row in window.merge_pane.model().rows()}
    assert "Nguyễn Quang Minh" in members


def test_merging_again_reports_duplicates(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult
) -> None:
    files = _submissions(built)
    _merge(qtbot, window, files)
    _merge(qtbot, window, files)
    assert _statuses(window) == ["đã nhập"] * len(files)
    assert all("không thay đổi" in row.cells[3] for row in window.merge_pane.model().rows())


def test_a_tampered_copy_is_refused_with_its_reason(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult, tmp_path: Path
) -> None:
    original = _submissions(built)[0]
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / original.name
    tampered.write_bytes(bytes(data))
    _merge(qtbot, window, [tampered])
    (row,) = window.merge_pane.model().rows()
    assert row.cells[2] == "bị từ chối"
    assert row.cells[3].strip()
    window.merge_pane.ui.report_table.selectRow(0)
    assert not window.merge_pane.ui.trust_button.isEnabled()  # not a first-use question


def test_english_shows_the_reason_in_english(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult
) -> None:
    _merge(qtbot, window, _submissions(built)[:1])
    i18n.install(Lang.EN)
    qtbot.waitUntil(lambda: window.merge_pane.model().row(0).cells[2] == "accepted")
    assert window.merge_pane.model().row(0).cells[3].startswith("merged ")


def test_completeness_turns_green_after_the_merge(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult
) -> None:
    pane = window.completeness_pane
    window.show_tab(pane)
    before = pane.matrix()
    assert before is not None
    assert before.outstanding()
    _merge(qtbot, window, _submissions(built))
    after = pane.matrix()
    assert after is not None
    assert after is not before
    assert not after.outstanding()
    assert any("✓" in cell for row in pane.model().rows() for cell in row.cells)


def test_results_rank_every_unit(qtbot: QtBot, window: SecretaryWindow, built: DemoResult) -> None:
    _merge(qtbot, window, _submissions(built))
    pane = window.results_pane
    window.show_tab(pane)
    rows = pane.model().rows()
    assert len(rows) == built.rounds[0].units
    assert all(row.cells[0].split("/")[0].isdigit() for row in rows)
    assert rows[0].cells[0].startswith("1/")
    assert len({row.key for row in rows}) == len(rows)


def test_export_writes_workbook_and_pdf_then_prints(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult, tmp_path: Path
) -> None:
    _merge(qtbot, window, _submissions(built))
    pane = window.results_pane
    window.show_tab(pane)
    pane.ui.place_edit.setText("Thái Nguyên")
    with qtbot.waitSignal(pane.exported, timeout=MERGE_TIMEOUT) as exported:
        assert pane.export_to(tmp_path / "ket-qua.pdf")
    files = exported.args[0]
    assert files.pdf == tmp_path / "ket-qua.pdf"
    assert files.pdf.stat().st_size > 0
    assert files.xlsx == tmp_path / "ket-qua.xlsx"
    assert files.xlsx.stat().st_size > 0
    assert pane.ui.print_button.isEnabled()
    pane.print_last()
    job = pane.print_job
    assert job is not None
    assert job.pdf == files.pdf
    qtbot.waitUntil(job.dialog.isVisible)
    job.dialog.reject()


def test_disagreements_are_resolved_with_a_reason(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult
) -> None:
    _merge(qtbot, window, _submissions(built))
    results_pane = window.results_pane
    window.show_tab(results_pane)
    combo = results_pane.ui.rule_combo
    combo.setCurrentIndex(combo.findData("must_agree"))
    results_pane.ui.threshold_edit.setText("0")
    with qtbot.waitSignal(results_pane.settings_changed):
        results_pane.apply_settings()
    pane = window.disagreements_pane
    window.show_tab(pane)
    contested = pane.contested()
    assert contested, "the secretary's cross-checks disagree somewhere"
    first = contested[0]
    assert pane.select_item(first.unit_id, first.node_code)
    pane.ui.value_edit.setText("N/A")
    assert pane.resolve_selected() is None  # no reason: refused, shown
    boxes = errors.open_error_boxes()
    assert boxes
    assert "lý do" in boxes[0].text()
    boxes[0].done(0)
    pane.ui.value_edit.setText("0,5")
    pane.ui.reason_edit.setText("Hội đồng thống nhất tại cuộc họp")
    with qtbot.waitSignal(pane.resolved):
        state = pane.resolve_selected()
    assert state is not None
    assert state.resolution is not None
    assert len(pane.contested()) == len(contested) - 1
    window.show_tab(window.audit_pane)
    rows = window.audit_pane.model().rows()
    actions = [row.key.action for row in rows if isinstance(row.key, AuditRecord)]
    assert "resolve" in actions
    assert "round_settings" in actions
    sentences = [row.cells[3] for row in rows]
    assert any("quyết định điểm của Hội đồng" in text for text in sentences)
    assert any("Phải thống nhất" in text for text in sentences)
    assert not {"resolve", "round_settings"} & set(sentences)
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", row.cells[1]) for row in rows)
    assert all(row.cells[2] for row in rows)


def test_trust_is_offered_only_for_a_member_without_a_certificate(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult
) -> None:
    _merge(qtbot, window, _submissions(built)[:1])
    window.merge_pane.ui.report_table.selectRow(0)
    assert not window.merge_pane.ui.trust_button.isEnabled()


def test_text_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = TextTableModel()
    model.set_headers(["A", "B"], right_columns=[1])
    model.set_rows([TableRow(("x", "1"), key="k1"), TableRow(("y", "2"), key="k2")])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.index(1, 0).data(ROW_KEY_ROLE) == "k2"
    with pytest.raises(ValueError, match="one cell per column"):
        model.set_rows([TableRow(("only one",))])


def test_a_secretary_round_opens_in_the_secretary_window(
    qtbot: QtBot, built: DemoResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    QStandardPaths.setTestModeEnabled(True)
    round_file = tmp_path / built.rounds[0].path.name
    shutil.copy2(built.rounds[0].path, round_file)
    app.create_application([], "vi")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    launcher = app.Launcher("vi", recent=RecentFiles(settings))
    try:
        opened = launcher.start(round_file)
        qtbot.addWidget(opened)
        assert isinstance(opened, SecretaryWindow)
        assert opened.windowTitle().startswith(round_file.name)
        opened.close()
    finally:
        launcher.close_all()
        i18n.reset()
        QStandardPaths.setTestModeEnabled(False)


def test_screenshots_of_every_tab(
    qtbot: QtBot, window: SecretaryWindow, built: DemoResult, tmp_path: Path
) -> None:
    files = _submissions(built)
    data = bytearray(files[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / ("sua-" + files[0].name)
    tampered.write_bytes(bytes(data))
    _merge(qtbot, window, files[1:])
    _merge(qtbot, window, [*files, tampered])  # accepted, duplicates and a refusal
    results_pane = window.results_pane
    window.show_tab(results_pane)
    combo = results_pane.ui.rule_combo
    combo.setCurrentIndex(combo.findData("must_agree"))
    results_pane.ui.threshold_edit.setText("0,5")
    results_pane.apply_settings()
    folder = SHOTS if SHOTS.is_dir() else tmp_path
    for name, pane in (
        ("submissions", window.merge_pane),
        ("completeness", window.completeness_pane),
        ("disagreements", window.disagreements_pane),
        ("results", window.results_pane),
        ("audit", window.audit_pane),
    ):
        window.show_tab(pane)
        assert window.grab().save(str(folder / f"secretary-{name}.png"))
