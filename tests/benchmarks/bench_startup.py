"""Cold start: ``parapp --demo`` to first paint and to ready-to-score, against a bare Qt window.

Run as ``uv run python tests/benchmarks/bench_startup.py [--quick]``. Both processes run offscreen
at 1366x768, alternately, in the same run. Each appends ``first_paint <epoch>`` when its first
window is painted and ``ready <epoch>`` when it is ready (parapp: ``--screenshot`` grabs the
scoring window with the demo round's tree filled and totals shown; the bare window: right after
its first paint), to the file named by ``$PARAPP_STARTUP_MARKS``. Times are measured from just
before the process is spawned; medians of several runs. The demo is built once before timing.

Before the two ratios it prints what the path to ready spends importing (medians of fresh
processes): Qt, the quick read of the workspace and the scoring window's modules, none of which
loads SQLAlchemy (the window is shown from a plain ``sqlite3`` snapshot); then what the hand-over
right after ready imports (the ORM store and the scoring services), off the path to ready.

Ends with ``RATIO first_paint <ours/bare> 1.5`` and ``RATIO ready_to_score <ours/bare> 4``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKS_ENV = "PARAPP_STARTUP_MARKS"  # parapp.ui.widgets.placeholder_window.MARKS_ENV
BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def mark(name):
    with open(os.environ["PARAPP_STARTUP_MARKS"], "a") as f:
        f.write(f"{name} {time.time():.6f}\\n")

class Painted(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            mark("first_paint")
            QTimer.singleShot(0, grab_and_quit)
        return False

def grab_and_quit():
    mark("ready")
    app.exit(0 if window.grab().save(sys.argv[1], "PNG") else 1)

app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("parapp", window)
window.setCentralWidget(label)
painted = Painted()
label.installEventFilter(painted)
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
"""


STAGES = """
import time
marks = [time.perf_counter()]
import sys
import PySide6.QtWidgets
marks.append(time.perf_counter())
import parapp.services.startup, parapp.services.quick_open
marks.append(time.perf_counter())
import parapp.ui.member.scoring_window, parapp.ui.member.evidence_viewer
marks.append(time.perf_counter())
assert "sqlalchemy" not in sys.modules, "the path to ready imports SQLAlchemy"
import sqlalchemy.orm
marks.append(time.perf_counter())
import parapp.store.rounds, parapp.services.scoring, parapp.services.rounds
marks.append(time.perf_counter())
print(*(f"{(b - a) * 1000:.1f}" for a, b in zip(marks, marks[1:])))
"""
STAGE_NAMES = (
    "PySide6 widgets",
    "startup + quick read",
    "scoring window (Qt)",
    "after ready: sqlalchemy.orm",
    "after ready: store+services",
)


def _stages(env: dict[str, str], runs: int) -> list[float]:
    """Median import time of each stage of the scoring window's module graph, in ms."""
    samples = [
        [float(x) for x in subprocess.run(
            [sys.executable, "-c", STAGES], env=env, check=True, capture_output=True, text=True
        ).stdout.split()]
        for _ in range(runs)
    ]  # fmt: skip
    return [statistics.median(column) for column in zip(*samples, strict=True)]


def _run(command: list[str], env: dict[str, str], marks: Path) -> dict[str, float]:
    marks.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(command, env=env, check=True, capture_output=True)
    end = time.time()
    found = {"exit": end - start}
    for line in marks.read_text(encoding="utf-8").splitlines():
        name, when = line.split()
        found.setdefault(name, float(when) - start)
    return found


def main(argv: list[str]) -> int:
    """Time both programs alternately; print the medians and the two RATIO lines."""
    runs = 3 if "--quick" in argv else 9
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        marks = base / "marks.txt"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(base / "data"),
            "XDG_CONFIG_HOME": str(base / "config"),
            "XDG_STATE_HOME": str(base / "state"),
            MARKS_ENV: str(marks),
        }
        # Installed programs run from compiled bytecode; measure that, not recompilation.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        shot = str(base / "shot.png")
        parapp = [sys.executable, "-m", "parapp", "--demo", "--screenshot", shot]
        bare = [sys.executable, "-c", BARE, shot]
        first = _run(parapp, env, marks)  # builds the demo (and compiles bytecode) once
        _run(bare, env, marks)
        ours: list[dict[str, float]] = []
        floor: list[dict[str, float]] = []
        for _ in range(runs):
            ours.append(_run(parapp, env, marks))
            floor.append(_run(bare, env, marks))
        stages = _stages(env, runs)

    def med(samples: list[dict[str, float]], key: str) -> float:
        return statistics.median(s[key] for s in samples)

    paint_ours, paint_bare = med(ours, "first_paint"), med(floor, "first_paint")
    ready_ours, ready_bare = med(ours, "ready"), med(floor, "ready")
    out = sys.stdout
    out.write(f"first start (builds the demo): {first['exit'] * 1000:8.0f} ms\n")
    out.write(f"medians of {runs}              parapp --demo     bare window\n")
    for key in ("first_paint", "ready", "exit"):
        out.write(
            f"  {key:<12} {med(ours, key) * 1000:17.0f} ms {med(floor, key) * 1000:12.0f} ms\n"
        )
    out.write("imports on the path to ready, then at the hand-over (medians, fresh processes):\n")
    for name, ms in zip(STAGE_NAMES, stages, strict=True):
        out.write(f"  {name:<28} {ms:8.0f} ms\n")
    out.write(
        f"  ready's budget above the bare window: {3 * ready_bare * 1000:.0f} ms, used "
        f"{(ready_ours - ready_bare) * 1000:.0f} ms\n"
    )
    out.write(f"RATIO first_paint {paint_ours / paint_bare:.2f} 1.5\n")
    out.write(f"RATIO ready_to_score {ready_ours / ready_bare:.2f} 4\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
