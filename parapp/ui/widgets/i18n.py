"""Interface language: installs parapp's translator and the one for the texts Qt draws itself.

Source strings are English; ``resources/i18n/parapp_vi.qm`` translates parapp's own. Qt ships no
``qtbase_vi.qm``, so the texts Qt draws itself — dialog and message-box buttons (context
``QPlatformTheme`` in Qt 6), Qt's file dialog (``QFileDialog``, ``QFileSystemModel``), print
preview, text-field context menus (``QLineEdit``, ``QWidgetTextControl``) — are translated in
``resources/i18n/qtbase_vi.ts`` (compiled by ``packaging/update_translations.py``) and installed
with a second translator beside parapp's.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from parapp import paths
from parapp.core.messages import Lang

log = logging.getLogger(__name__)

_VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
_EN_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

CATALOGUES = ("qtbase", "parapp")
"""Translation files installed for Vietnamese, in order (the last installed is asked first)."""


class _Installed:
    """What ``install`` last did; one per process, like the application's translators."""

    lang: Lang = Lang.VI
    translators: ClassVar[list[QTranslator]] = []


def current_lang() -> Lang:
    """The interface language last installed (Vietnamese until told otherwise)."""
    return _Installed.lang


def parse_lang(lang: Lang | str) -> Lang:
    """``"en"`` -> ``Lang.EN``; anything else is Vietnamese, the default."""
    return Lang.EN if str(lang).lower().startswith("en") else Lang.VI


def install(lang: Lang | str) -> Lang:
    """Switch the whole application to ``lang``; widgets receive ``QEvent.Type.LanguageChange``.

    English needs no translator (it is the source language). A missing Vietnamese ``.qm`` is
    logged and leaves that part of the interface in English rather than failing to start.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    chosen = parse_lang(lang)
    _remove_translators()
    # The default locale first: widgets re-translating on LanguageChange format with it.
    QLocale.setDefault(_VI_LOCALE if chosen is Lang.VI else _EN_LOCALE)
    _Installed.lang = chosen
    if chosen is Lang.VI:
        folder = str(paths.resource("i18n"))
        for catalogue in CATALOGUES:
            translator = QTranslator(app)
            if translator.load(_VI_LOCALE, catalogue, "_", folder):
                QCoreApplication.installTranslator(translator)
                _Installed.translators.append(translator)
            else:
                log.warning("no Vietnamese translation %s_vi.qm in %s", catalogue, folder)
                translator.deleteLater()
    return chosen


def _remove_translators() -> None:
    for translator in _Installed.translators:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _Installed.translators = []


def reset() -> None:
    """Back to the process's initial state: no translator, the system locale (for tests)."""
    _remove_translators()
    QLocale.setDefault(QLocale.system())
    _Installed.lang = Lang.VI
