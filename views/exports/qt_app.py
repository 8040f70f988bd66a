"""A Qt application for exports made outside the desktop app (``voronka report``).

Charts and PDF pages are drawn with Qt, which needs a QApplication; the command line
has none, so one is made offscreen (no window ever shows) with the report's language.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def ensure_app(language: str = "ru") -> QCoreApplication:
    """The running application, or a new offscreen one with ``language`` installed."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["voronka"])
    from voronka.views.i18n import install_language

    install_language(language)
    return app
