"""Paint first, load after: `parapp --demo` paints a placeholder before loading the round, and the
window it shows at "ready" is the real one: an edit made at that moment is on disk afterwards."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parapp import paths
from parapp.services.demo.year import build_demo

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
import parapp.ui.widgets.placeholder_window as placeholder

heavy = (
    "sqlalchemy", "alembic", "openpyxl", "reportlab", "pyhanko", "cryptography",
    "parapp.store", "parapp.services", "parapp.io", "parapp.ui.start_page",
)
seen = {}
original = placeholder.mark

def mark(name):
    seen[name] = sorted({m.split(".")[0] if not m.startswith("parapp") else m
                         for m in sys.modules if m.startswith(heavy)})
    original(name)

placeholder.mark = mark
from parapp.__main__ import main
code = main(["--demo", "--screenshot", sys.argv[1]])
print("first_paint", ",".join(seen["first_paint"]))
print("ready", ",".join(seen["ready"]))
sys.exit(code)
"""

EDIT_AT_READY = """
import sys
from decimal import Decimal
from PySide6.QtWidgets import QApplication
import parapp.ui.widgets.placeholder_window as placeholder

original = placeholder.mark

def mark(name):
    original(name)
    if name != "ready":
        return
    from parapp.ui.member.scoring_window import ScoringWindow
    from parapp.ui.models.score_tree_model import Column

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ScoringWindow))
    code = window.current_code()
    value = "1" if window.model().entry(code).appraised == Decimal(0) else "0"
    index = window.model().index_of(code, Column.APPRAISED)
    assert window.model().setData(index, value), "the edit was refused"
    unit = window.ui.units_pane.current_unit_id()
    print("edited", unit, code, value)

placeholder.mark = mark
from parapp.__main__ import main
sys.exit(main(["--demo", "--screenshot", sys.argv[1]]))
"""


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A per-user environment whose data folder holds the demo as parapp builds it on first use."""
    base = tmp_path_factory.mktemp("startup")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_STATE_HOME": str(base / "state"),
    }
    build_demo(paths.user_data_dir(env) / "demo")
    return env


def _run(script: str, env: dict[str, str], shot: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(shot)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_demo_paints_before_loading_and_screenshots_when_ready(
    demo_env: dict[str, str], tmp_path: Path
) -> None:
    marks = tmp_path / "marks.txt"
    shot = tmp_path / "ready.png"
    for _ in range(2):  # the first start opens the package into a workspace, the second reopens it
        marks.unlink(missing_ok=True)
        done = _run(PROBE, {**demo_env, "PARAPP_STARTUP_MARKS": str(marks)}, shot)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    # Nothing but Qt and the placeholder before the first paint: no store, no service, no
    # start page, none of the heavy libraries.
    assert lines["first_paint"] == ""
    ready = lines["ready"].split(",")
    assert "parapp.store.quick_read" in ready  # the round was read after it, without the store:
    # reopening the demo needs no ORM store (SQLAlchemy, opened right after ready), no schema
    # upgrade (Alembic), no package verifier or certificate reader (cryptography), no export or
    # signing library.
    for absent in ("sqlalchemy", "alembic", "cryptography", "openpyxl", "reportlab", "pyhanko"):
        assert absent not in ready
    for absent in ("parapp.store.database", "parapp.services.context", "parapp.services.scoring"):
        assert absent not in ready
    assert "parapp.io.packages.member_package" not in ready
    names = [line.split()[0] for line in marks.read_text().splitlines()]
    assert names == ["first_paint", "ready"]
    header = shot.read_bytes()[:24]  # PNG signature, IHDR: width and height, big-endian
    assert int.from_bytes(header[16:20], "big") == 1366
    assert int.from_bytes(header[20:24], "big") == 768


def test_an_edit_made_at_ready_is_on_disk_after_the_process_ends(
    demo_env: dict[str, str], tmp_path: Path
) -> None:
    done = _run(EDIT_AT_READY, demo_env, tmp_path / "ready.png")
    edited = [line.split()[1:] for line in done.stdout.splitlines() if line.startswith("edited ")]
    assert len(edited) == 1, done.stdout
    unit, code, value = edited[0]
    workspaces = paths.user_data_dir(demo_env) / "demo" / "workspaces"
    (workspace,) = workspaces.glob("*.parround")
    with sqlite3.connect(workspace) as db:  # a plain reader after the process has ended
        rows = db.execute(
            "SELECT value FROM score WHERE unit_id = ? AND node_code = ?", (unit, code)
        ).fetchall()
    assert rows == [(value,)]
