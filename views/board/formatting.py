"""How the board writes amounts, days and due dates (cards and column headers)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from voronka.views.exports.values import format_value

CURRENCY_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€"}


def money_text(amount_minor: int | None, currency: str, language: str) -> str:
    """``1 250 000 ₽``; a missing amount reads as an em dash, never as 0."""
    if amount_minor is None:
        return "—"
    sign = CURRENCY_SIGNS.get(currency, currency)
    return f"{format_value(amount_minor / 100, 'money', language)}\u202f{sign}"


def days_text(days: float) -> str:
    return QCoreApplication.translate("Board", "%1 d").replace("%1", str(int(days)))


def due_text(due: datetime, now: datetime, language: str) -> str:
    """Today's tasks show the time, others the day (and the year when it is not this one)."""
    if due.date() == now.date():
        return QCoreApplication.translate("Board", "today %1").replace("%1", due.strftime("%H:%M"))
    locale = QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
    pattern = "d MMM" if due.year == now.year else "d MMM yyyy"
    return locale.toString(QDate(due.year, due.month, due.day), pattern)


def percent_text(share: float | None, language: str) -> str:
    return format_value(share, "ratio", language)
