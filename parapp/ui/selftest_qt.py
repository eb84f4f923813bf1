"""The self-test's Qt check: the application, its translation, QtPdf and the first window.

Called by ``parapp.selftest`` (which imports no Qt itself), frozen or from a checkout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from parapp.core.messages import Msg
from parapp.ui import app as ui_app
from parapp.ui.widgets.recent_files import RecentFiles

QT_SHOW_MS = 200
"""How long the first window stays shown while events are processed."""


def check_qt(pdf: Path, folder: Path, lang: str) -> Msg:
    """Create the QApplication, load the translation, open the PDFs with QtPdf, show the first
    window as ``parapp.ui.app`` builds it, process events and close it."""
    app = ui_app.create_application([sys.argv[0] if sys.argv else "parapp"], lang)
    platform = QApplication.platformName()
    probe = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if lang == "vi" and probe == "Cancel":
        raise RuntimeError("the Vietnamese translation did not load (“Cancel” untranslated)")
    pages = []
    for candidate in sorted(pdf.parent.glob(f"{pdf.stem}*.pdf")):
        document = QPdfDocument(app)
        error = document.load(str(candidate))
        if error != QPdfDocument.Error.None_ or document.pageCount() != 1:
            raise RuntimeError(f"QtPdf cannot open {candidate.name}: {error}")
        image: QImage = document.render(0, QSize(200, 283))
        if image.isNull():
            raise RuntimeError(f"QtPdf rendered nothing for {candidate.name}")
        pages.append(candidate.name)
        document.close()
        document.deleteLater()
    window, launcher = _first_window(lang, folder)
    window.resize(ui_app.DEFAULT_SIZE)
    window.show()
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < QT_SHOW_MS:
        app.processEvents()
        time.sleep(0.01)
    if not window.isVisible() or window.grab().isNull():
        raise RuntimeError(f"{type(window).__name__} did not show")
    title = window.windowTitle()
    window.close()
    if launcher is not None:
        launcher.close_all()
    app.processEvents()
    kind = type(window).__name__
    opened = ", ".join(pages)
    return Msg(
        f"mở được cửa sổ {kind} trên {platform} ({title!r}); QtPdf đọc được {opened}",
        f"{kind} shown on {platform} ({title!r}); QtPdf opened {opened}",
    )


def _first_window(lang: str, folder: Path) -> tuple[Any, Any]:
    """The window ``parapp`` opens first (and its launcher), with its data folder and its
    settings in ``folder``: the user's recent files and data stay untouched."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    launcher = ui_app.Launcher(lang, data_folder=folder / "data", recent=RecentFiles(settings))
    return launcher.start(), launcher
