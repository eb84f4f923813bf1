"""Paint first, load after: `parapp --demo` paints a placeholder before loading the round."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from parapp import paths
from parapp.services.demo.year import build_demo

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
import parapp.ui.widgets.placeholder_window as placeholder

heavy = ("sqlalchemy", "openpyxl", "reportlab", "pyhanko")
seen = {}
original = placeholder.mark

def mark(name):
    seen[name] = sorted(m for m in heavy if m in sys.modules)
    original(name)

placeholder.mark = mark
from parapp.__main__ import main
code = main(["--demo", "--screenshot", sys.argv[1]])
print("first_paint", ",".join(seen["first_paint"]))
print("ready", ",".join(seen["ready"]))
sys.exit(code)
"""


def test_demo_paints_before_loading_and_screenshots_when_ready(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "PARAPP_STARTUP_MARKS": str(tmp_path / "marks.txt"),
    }
    # The demo as parapp builds it on first use, in the per-user data folder.
    build_demo(paths.user_data_dir(env) / "demo")
    shot = tmp_path / "ready.png"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(shot)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["first_paint"] == ""  # none of the heavy libraries before the first paint
    assert "sqlalchemy" in lines["ready"]  # the round was loaded after it
    for absent in ("openpyxl", "reportlab", "pyhanko"):  # reopening needs none of these
        assert absent not in lines["ready"]
    names = [line.split()[0] for line in (tmp_path / "marks.txt").read_text().splitlines()]
    assert names == ["first_paint", "ready"]
    header = shot.read_bytes()[:24]  # PNG signature, IHDR: width and height, big-endian
    assert int.from_bytes(header[16:20], "big") == 1366
    assert int.from_bytes(header[20:24], "big") == 768
