"""Interface language: installs parapp's translator and the texts Qt itself lacks in Vietnamese.

Source strings are English; ``resources/i18n/parapp_vi.qm`` translates them. Qt ships no
``qtbase_vi.qm``, so the standard button and context-menu texts Qt draws itself ("OK", "Cancel",
"Show Details...") are listed below under Qt's own translation contexts: lupdate puts them into
parapp_vi.ts, and the one installed translator then serves Qt's widgets as well as ours.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from parapp import paths
from parapp.core.messages import Lang

log = logging.getLogger(__name__)

_VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
_EN_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

# Read by lupdate only (QT_TRANSLATE_NOOP returns its argument): Qt's own strings, in Qt's contexts.
QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)


class _Installed:
    """What ``install`` last did; one per process, like the application's translators."""

    lang: Lang = Lang.VI
    translator: QTranslator | None = None


def current_lang() -> Lang:
    """The interface language last installed (Vietnamese until told otherwise)."""
    return _Installed.lang


def parse_lang(lang: Lang | str) -> Lang:
    """``"en"`` -> ``Lang.EN``; anything else is Vietnamese, the default."""
    return Lang.EN if str(lang).lower().startswith("en") else Lang.VI


def install(lang: Lang | str) -> Lang:
    """Switch the whole application to ``lang``; widgets receive ``QEvent.Type.LanguageChange``.

    English needs no translator (it is the source language). A missing Vietnamese ``.qm`` is
    logged and leaves the interface in English rather than failing to start.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    chosen = parse_lang(lang)
    if _Installed.translator is not None:
        QCoreApplication.removeTranslator(_Installed.translator)
        _Installed.translator.deleteLater()
        _Installed.translator = None
    if chosen is Lang.VI:
        translator = QTranslator(app)
        folder = str(paths.resource("i18n"))
        if translator.load(_VI_LOCALE, "parapp", "_", folder):
            QCoreApplication.installTranslator(translator)
            _Installed.translator = translator
        else:
            log.warning("no Vietnamese translation found in %s", folder)
    QLocale.setDefault(_VI_LOCALE if chosen is Lang.VI else _EN_LOCALE)
    _Installed.lang = chosen
    return chosen


def reset() -> None:
    """Back to the process's initial state: no translator, the system locale (for tests)."""
    if _Installed.translator is not None:
        QCoreApplication.removeTranslator(_Installed.translator)
        _Installed.translator.deleteLater()
        _Installed.translator = None
    QLocale.setDefault(QLocale.system())
    _Installed.lang = Lang.VI
