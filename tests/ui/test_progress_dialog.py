"""A long action shows what it is doing and how far, and Cancel stops it at its next step."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from parapp.core.errors import UserCancelled
from parapp.core.messages import Lang, Msg
from parapp.core.progress import Progress
from parapp.ui.widgets import i18n
from parapp.ui.widgets.progress import ProgressRun

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    i18n.install(Lang.VI)
    widget = QWidget()
    widget.resize(1366, 768)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _slow_writer(folder: Path, gate: threading.Event) -> object:
    """Writes five files one step at a time, each only after the test opens the gate; removes
    what it wrote when cancelled (as the services do)."""

    def run(progress: Progress) -> list[Path]:
        written: list[Path] = []
        try:
            for n in range(5):
                progress.step(n, 5, Msg(f"Đang ghi tệp {n + 1}/5…", f"Writing file {n + 1}/5…"))
                gate.wait(10)
                gate.clear()
                path = folder / f"{n}.txt"
                path.write_text("x")
                written.append(path)
            return written
        except UserCancelled:
            for path in written:
                path.unlink()
            raise

    return run


def test_steps_show_in_vietnamese_and_cancel_stops_with_nothing_left(
    parent: QWidget, qtbot: QtBot, tmp_path: Path
) -> None:
    gate = threading.Event()
    run = ProgressRun(parent, "Xuất kết quả", _slow_writer(tmp_path, gate))  # type: ignore[arg-type]
    outcome: list[object] = []
    run.failed.connect(outcome.append)
    run.succeeded.connect(outcome.append)
    assert run.dialog.labelText() == "Đang bắt đầu…"
    run.start()
    qtbot.waitUntil(lambda: run.dialog.labelText() == "Đang ghi tệp 1/5…")
    gate.set()
    qtbot.waitUntil(lambda: run.dialog.labelText() == "Đang ghi tệp 2/5…")
    assert run.dialog.value() == 1
    assert run.dialog.maximum() == 5
    qtbot.waitUntil(run.dialog.isVisible, timeout=3000)  # it lasted past SHOW_AFTER_MS
    [cancel] = run.dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    assert run.dialog.labelText() == "Đang hủy…"
    with qtbot.waitSignal(run.finished, timeout=15000):
        gate.set()
    assert len(outcome) == 1
    assert isinstance(outcome[0], UserCancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_quick_action_never_shows_the_dialog(parent: QWidget, qtbot: QtBot) -> None:
    def quick(progress: Progress) -> int:
        progress.step(0, 1, Msg("Đang ghi", "Writing"))
        return 42

    run = ProgressRun(parent, "Xuất", quick)
    with qtbot.waitSignal(run.succeeded, timeout=5000) as result:
        run.start()
    assert result.args == [42]
    assert not run.dialog.isVisible()
