"""The PySide6 6.12 / Python 3.11 reference bug cannot bring the application down."""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = """
import sys
import parapp.ui  # applies the workaround before Qt runs
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(50_000):
    label.setText("Chỉ số cải cách hành chính")
print("survived")
"""


def test_many_qt_calls_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOOP],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
