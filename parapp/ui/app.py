"""UI bootstrap: the QApplication, language, font, error hook and the first window.

Until the scoring window lands, the first window is the read-only browser of the bundled criteria
sets (``parapp --demo``).
"""

from __future__ import annotations

import faulthandler
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from parapp.core.messages import Lang
from parapp.services.criteria_sets import BundledSet, list_bundled
from parapp.ui import i18n, pyside_compat
from parapp.ui.criteria_browser import CriteriaBrowser, schedule_error
from parapp.ui.errors import install_excepthook

log = logging.getLogger(__name__)

ORGANIZATION = "parapp"
APPLICATION = "parapp"
DEFAULT_SIZE = QSize(1366, 768)
"""The smallest common office laptop screen; the window must be usable at this size."""
UI_FONT_FAMILIES = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")
"""Preferred interface fonts, all with Vietnamese glyphs (fonts-dejavu-core on Debian)."""

# faulthandler writes to this file until the process ends; closing it earlier loses crash dumps.
_fault_files: list[IO[str]] = []


def vietnamese_font_family() -> str | None:
    """The first preferred family that has Vietnamese glyphs, else any that has (None: none)."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    for family in UI_FONT_FAMILIES:
        if family in families:
            return family
    return families[0] if families else None


def apply_font(app: QGuiApplication) -> None:
    """Use a Vietnamese-capable family at the platform's size (never smaller than 9 pt)."""
    family = vietnamese_font_family()
    if family is None:
        log.warning("no font with Vietnamese glyphs found; install fonts-dejavu-core")
        return
    font = QFont(app.font())
    font.setFamily(family)
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    app.setFont(font)


def create_application(argv: Sequence[str], lang: Lang | str = Lang.VI) -> QApplication:
    """The QApplication, named before any QSettings exists, with language and font applied."""
    pyside_compat.keep_singletons_alive()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    i18n.install(lang)
    apply_font(app)
    return app


def build_main_window(
    lang: Lang | str = Lang.VI, sets: Sequence[BundledSet] | None = None
) -> CriteriaBrowser:
    """The first window, in ``lang``; ``sets`` defaults to the bundled criteria sets.

    A QApplication must exist. A broken bundled set is a bug: the window opens empty and shows it.
    """
    chosen = i18n.install(lang)
    failure: Exception | None = None
    if sets is None:
        try:
            sets = list_bundled()
        except Exception as exc:  # shown to the user by the one error mapping
            log.exception("cannot read the bundled criteria sets")
            sets, failure = [], exc
    window = CriteriaBrowser(sets, chosen)
    if failure is not None:
        schedule_error(window, failure)
    return window


def run(
    argv: Sequence[str],
    lang: Lang | str = Lang.VI,
    demo: bool = True,
    screenshot: Path | None = None,
    fault_log: Path | None = None,
) -> int:
    """Start the interface and return the exit code.

    Args:
        argv: the command line, for Qt's own options.
        lang: "vi" (default) or "en".
        demo: show the read-only browser of the bundled sets (the only window so far).
        screenshot: grab the shown window at 1366×768 to this PNG and quit (CI smoke check).
        fault_log: where ``faulthandler`` dumps a native crash's traceback.
    """
    app = create_application(argv, lang)
    install_excepthook()
    if fault_log is not None:
        fault_log.parent.mkdir(parents=True, exist_ok=True)
        _fault_files.append(fault_log.open("a", encoding="utf-8"))
        faulthandler.enable(_fault_files[-1])
    if not demo:
        log.info("only the demo browser exists so far; showing it")
    window = build_main_window(lang)
    window.resize(DEFAULT_SIZE)
    screen = window.screen()
    if screenshot is None and screen is not None:
        window.resize(DEFAULT_SIZE.boundedTo(screen.availableGeometry().size()))
    window.show()
    if screenshot is not None:
        target = screenshot

        def grab_and_quit() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            saved = window.grab().save(str(target), "PNG")
            app.exit(0 if saved else 1)

        QTimer.singleShot(0, window, grab_and_quit)
    return app.exec()
