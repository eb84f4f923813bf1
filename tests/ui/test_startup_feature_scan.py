"""PySide6's per-import scan answers as before, faster, once the application is created."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from parapp.ui import feature_scan

PROBE = """
import json, sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
from parapp.ui import app
app.create_application(["probe"], "vi")
import sqlalchemy.orm, parapp.services.scoring, parapp.ui.member.scoring_window  # after Qt
names = [n for n in sys.modules if n.startswith(("parapp", "sqlalchemy", "PySide6", "json"))]
print(json.dumps({
    "replaced": feature._mod_uses_pyside is not original,
    "differ": [n for n in names
               if feature._mod_uses_pyside(sys.modules[n]) != original(sys.modules[n])],
    "uses": feature._mod_uses_pyside(sys.modules["parapp.ui.app"]),
    "plain": feature._mod_uses_pyside(sys.modules["parapp.core.messages"]),
    "recorded": feature.pyside_feature_dict.get("parapp.services.context"),
}))
"""


def test_the_scan_is_replaced_and_gives_pysides_answers() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["replaced"]
    assert found["differ"] == []  # every module loaded: the same answer as PySide's own scan
    assert found["uses"] is True
    assert found["plain"] is False
    # A module imported after the replacement is recorded as PySide records it ("ignore").
    assert found["recorded"] == -1


def test_install_is_idempotent_and_sourceless_modules_get_pysides_answer(qapp: object) -> None:
    assert feature_scan.install()
    replaced = sys.modules[feature_scan.FEATURE_MODULE]._mod_uses_pyside
    assert feature_scan.install()
    assert sys.modules[feature_scan.FEATURE_MODULE]._mod_uses_pyside is replaced
    asked: list[str] = []

    def fallback(module: object) -> bool:
        asked.append(getattr(module, "__name__", ""))
        return True

    assert feature_scan.uses_pyside(sys, fallback) is True  # built in: no .py to read
    assert feature_scan.uses_pyside(json, fallback) is False  # read from its .py
    assert asked == ["sys"]
