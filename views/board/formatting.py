"""How the board writes amounts, days and due dates (cards and column headers).

Numbers and units come from ``voronka.metrics.formatting``, the one formatter of the app.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from voronka.metrics import formatting

CURRENCY_SIGNS = formatting.CURRENCY_SIGNS


def money_text(amount_minor: int | None, currency: str, language: str) -> str:
    """``1 250 000 ₽``; a missing amount reads as an em dash, never as 0."""
    return formatting.money_minor(amount_minor, currency, language)


def days_text(days: float, language: str = "ru") -> str:
    """Whole days in a stage: ``12 дн.``."""
    return formatting.days(int(days), language, decimals=0)


def due_text(due: datetime, now: datetime, language: str) -> str:
    """Today's tasks show the time, others the day (and the year when it is not this one)."""
    if due.date() == now.date():
        return QCoreApplication.translate("Board", "today %1").replace("%1", due.strftime("%H:%M"))
    locale = QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
    pattern = "d MMM" if due.year == now.year else "d MMM yyyy"
    return locale.toString(QDate(due.year, due.month, due.day), pattern)


def percent_text(share: float | None, language: str) -> str:
    return formatting.percent(share, language)
