"""The UI language: Qt translators (ours and qtbase), the number/date locale, remembered in QSettings."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kcdesk.core.resources import resources_dir
from kcdesk.core.vocabulary import LANGS

log = logging.getLogger("kcdesk.gui")

LOCALES = {"kk": QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
           "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia)}
_current = {"lang": "ru"}
_installed: list[QTranslator] = []


def settings() -> QSettings:
    return QSettings("kcdesk", "kcdesk")


def i18n_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "i18n" if bundle else resources_dir().parent / "i18n"


def default_language() -> str:
    """Remembered choice, else Kazakh on a Kazakh system, else Russian."""
    saved = settings().value("language")
    if saved in LANGS:
        return str(saved)
    return "kk" if QLocale.system().language() == QLocale.Language.Kazakh else "ru"


def current() -> str:
    return _current["lang"]


def locale() -> QLocale:
    return LOCALES[current()]


def install(lang: str, remember: bool = True) -> None:
    """Swap translators; Qt then sends QEvent.LanguageChange to every widget, which retranslates."""
    if lang not in LANGS:
        lang = "ru"
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"kcdesk_{lang}", str(i18n_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.info("translation %s not found in %s", name, folder)
    _current["lang"] = lang
    QLocale.setDefault(LOCALES[lang])
    if remember:
        settings().setValue("language", lang)
