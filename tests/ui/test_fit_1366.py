"""Every window and dialog fits a 1366×768 laptop (the free area above a 40 px taskbar,
1366×728) with its frame and its status bar inside the screen, and a 1920×1080 screen at 125 %.

The screen is fixed when the QApplication starts, so each size runs ``fit_probe.py`` in its own
process on Qt's offscreen platform configured with that screen (window frames included).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
PROBE = Path(__file__).with_name("fit_probe.py")
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))
WINDOWS = {
    "start-page",
    "criteria-browser",
    "scoring-window",
    "help-manual",
    "help-shortcuts",
    "help-about",
    "signing-dialog",
    "export-dialog",
    "progress-dialog",
}
MAIN_WINDOWS = {"criteria-browser", "scoring-window"}


def _probe(tmp_path: Path, width: int, height: int, scale: str | None) -> list[dict[str, object]]:
    screen = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": True,
        "screens": [
            {
                "name": "laptop",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "dpr": float(scale) if scale is not None else 1.0,
            }
        ],
    }
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    home = tmp_path / "home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    # The screen's device pixel ratio is what Windows' 125 % gives Qt 6 (QT_SCALE_FACTOR crashes
    # the offscreen plugin); the geometry is then in logical pixels: 1536×864 for 1920×1080.
    shots = SHOTS if SHOTS.is_dir() else tmp_path
    prefix = "finish" if scale is None else "finish-125"
    done = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path), str(shots), prefix],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: list[dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_every_window_fits_1366x768_with_its_status_bar(tmp_path: Path) -> None:
    # 768 px less a 40 px taskbar: the screen's free area.
    report = _probe(tmp_path, 1366, 768 - 40, None)
    names = {str(row["name"]) for row in report}
    assert names >= WINDOWS
    secretary = {n for n in names if n.startswith("secretary-")}
    assert len(secretary) >= 6, "every tab of the secretary's window, the inbox too"
    start = next(row for row in report if row["name"] == "start-page")
    assert start["cut_buttons"] == []  # every button's text whole
    for row in report:
        assert row["fits"], row
        hint = row["min_hint"]
        assert isinstance(hint, list)
        width, height = int(hint[0]), int(hint[1])
        assert width <= 1366, row
        assert height <= 728, row
        if row["name"] in MAIN_WINDOWS or str(row["name"]).startswith("secretary-"):
            assert row["status_bar"] is True, row


def test_every_window_fits_1920x1080_at_125_percent(tmp_path: Path) -> None:
    # 1920×1080 at 125 %: 1536×864 logical pixels, less the taskbar.
    report = _probe(tmp_path, 1536, 864 - 40, "1.25")
    for row in report:
        assert row["fits"], row
        if row["status_bar"] is not None:
            assert row["status_bar"] is True, row
