"""Cold start: ``parapp --demo`` to its first painted window, against a bare PySide6 window.

Run as ``uv run python tests/benchmarks/bench_startup.py``. Both processes run offscreen, create
their window at 1366x768, paint it into a PNG (``grab``) and quit; wall-clock medians of several
runs are printed side by side with their ratio (target: parapp <= 1.3x the bare window). The demo
is built once before timing (the first start builds it; later starts reuse it).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, lambda: app.exit(0 if window.grab().save(sys.argv[1], "PNG") else 1))
sys.exit(app.exec())
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(base / "data"),
            "XDG_CONFIG_HOME": str(base / "config"),
            "XDG_STATE_HOME": str(base / "state"),
        }
        # Installed programs run from compiled bytecode; measure that, not recompilation.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        shot = str(base / "shot.png")
        parapp = [sys.executable, "-m", "parapp", "--demo", "--screenshot", shot]
        bare = [sys.executable, "-c", BARE, shot]
        first = timed(parapp, env)  # builds the demo once
        ours = [timed(parapp, env) for _ in range(RUNS)]
        floor = [timed(bare, env) for _ in range(RUNS)]
    ours_median, floor_median = statistics.median(ours), statistics.median(floor)
    sys.stdout.write(
        f"first start (builds the demo): {first * 1000:8.0f} ms\n"
        f"parapp --demo to first paint:  {ours_median * 1000:8.0f} ms (median of {RUNS})\n"
        f"bare PySide6 window:           {floor_median * 1000:8.0f} ms (median of {RUNS})\n"
        f"ratio:                         {ours_median / floor_median:8.2f}x (target <= 1.3x)\n"
    )


if __name__ == "__main__":
    main()
