"""Install the Russian or English translation of the whole UI (every ``*_<lang>.qm``)."""
from __future__ import annotations

from importlib import resources as importlib_resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("ru", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def install_language(language: str) -> None:
    """Replace the installed translators; English is the source language (no .qm needed)."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if language == "en":
        return
    folder = importlib_resources.files("voronka.resources.translations")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(f"_{language}.qm"):
            tr = QTranslator(app)
            if tr.load(str(entry)):
                app.installTranslator(tr)
                _installed.append(tr)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
