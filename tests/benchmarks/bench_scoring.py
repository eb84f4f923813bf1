"""Benchmark one score edit in the scoring window against the bare service save.

Run as ``uv run python tests/benchmarks/bench_scoring.py [--quick]``. Prints the medians of:
the physical floor (one durable SQLite commit of two rows in WAL with ``synchronous=FULL``, plain
``sqlite3`` on the same disk: no edit can be acknowledged faster), the service save from a cold
start (scope, phase and unit read, then saved and reloaded), the service save with the sheet an
editor keeps (one transaction of plain statements: the stored score read, the score and its audit
row written, the phase confirmed under the write lock, one durable commit; the unit recomputed
from memory), and the full edit as the window does it (editor -> service -> model refresh of the
row, ancestors' totals and flags, unit row, findings, status), and the UI's share. The commit's
fsync is in every measure but the first: on a busy disk it dominates them all, so compare runs
made in the same minute. Ends with ``VALUE edit_refresh <full edit median> ms 5``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from parapp.ui import pyside_compat  # imports no Qt

pyside_compat.keep_singletons_alive()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from parapp.core.messages import Lang  # noqa: E402
from parapp.services import scoring  # noqa: E402
from parapp.services.demo.year import build_demo, open_first_member_workspace  # noqa: E402
from parapp.services.rounds import round_info  # noqa: E402
from parapp.ui.member.scoring_window import ScoringWindow  # noqa: E402

ROUNDS = 60
VALUES = ("1", "0,5", "0", "5")


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def durable_commit_ms(folder: Path, rounds: int) -> float:
    """Median of one commit of an upsert and an insert, WAL + synchronous=FULL (bare sqlite3)."""
    connection = sqlite3.connect(folder / "floor.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE score (id INTEGER PRIMARY KEY, value TEXT)")
    connection.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, new TEXT)")
    samples: list[float] = []
    for i in range(rounds):
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("INSERT OR REPLACE INTO score VALUES (1, ?)", (str(i),))
        connection.execute("INSERT INTO audit (new) VALUES (?)", (str(i),))
        connection.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    connection.close()
    return _median_ms(samples)


def main() -> int:
    """Build the demo in a temporary folder, time both paths, print the numbers."""
    rounds = 20 if "--quick" in sys.argv else ROUNDS
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        physical = durable_commit_ms(out, rounds)
        build_demo(out / "demo")
        with open_first_member_workspace(out / "demo", out / "ws") as ctx:
            member = round_info(ctx).workspace_member_id
            assert member is not None
            settings = QSettings(str(out / "ui.ini"), QSettings.Format.IniFormat)
            window = ScoringWindow(ctx, member, Lang.VI, settings=settings)
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            unit = window.model().sheet()
            assert unit is not None
            unit_id = unit.unit.id
            cold: list[float] = []
            for i in range(rounds):
                start = time.perf_counter()
                scoring.save_appraisal(ctx, member, unit_id, "1.1.2", VALUES[i % len(VALUES)])
                cold.append(time.perf_counter() - start)
            floor: list[float] = []
            sheet = scoring.load_sheet(ctx, member, unit_id)
            for i in range(rounds):
                start = time.perf_counter()
                change = scoring.save_appraisal(
                    ctx, member, unit_id, "1.1.2", VALUES[i % len(VALUES)], sheet=sheet
                )
                floor.append(time.perf_counter() - start)
                sheet = change.sheet or sheet
            editor = window._editor
            full: list[float] = []
            paint: list[float] = []
            for i in range(rounds):
                start = time.perf_counter()
                editor.set_score("1.1.1", VALUES[i % len(VALUES)])
                middle = time.perf_counter()
                app.processEvents()  # the repaint the refresh scheduled
                full.append(middle - start)
                paint.append(time.perf_counter() - middle)
            window.close()
    service, edit, repaint = _median_ms(floor), _median_ms(full), _median_ms(paint)
    sys.stdout.write(
        f"durable commit, bare sqlite3 (disk):   {physical:7.2f} ms median of {rounds}\n"
        f"service save, cold (reads the unit):   {_median_ms(cold):7.2f} ms\n"
        f"service save with the kept sheet:      {service:7.2f} ms\n"
        f"save + refresh of tree, totals, flags: {edit:7.2f} ms   ratio {edit / service:.2f}x\n"
        f"UI part (refresh - floor):             {edit - service:7.2f} ms\n"
        f"then the repaint (offscreen raster):   {repaint:7.2f} ms\n"
        f"VALUE edit_refresh {edit:.2f} ms 5\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
