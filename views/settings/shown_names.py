"""Codes shown as people read them, in the UI language: ``RUB`` → «₽ — российский рубль»,
``Europe/Moscow`` → «Москва (UTC+3)». The settings keep the codes; only the labels change
(babel names currencies and zones' cities)."""
from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import get_timezone_location
from babel.numbers import get_currency_name

from voronka.metrics.formatting import currency_sign


@cache
def _locale(language: str) -> Locale:
    return Locale.parse("ru" if language == "ru" else "en_GB")


def currency_label(code: str, language: str) -> str:
    """«₽ — российский рубль», «$ — US Dollar»; a code without a sign leads with the code
    («AED — дирхам ОАЭ»); an unknown code stays as it is."""
    name = get_currency_name(code, locale=_locale(language))
    if name == code:
        return code
    return f"{currency_sign(code)} — {name}"


def utc_offset_text(zone: str, at: datetime | None = None) -> str:
    """``UTC+3``, ``UTC+5:30``, ``UTC−5`` (a minus sign), ``UTC`` — the offset at ``at`` (now)."""
    offset = (at.replace(tzinfo=ZoneInfo(zone)) if at else datetime.now(ZoneInfo(zone))).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone: str, language: str, at: datetime | None = None) -> str:
    """«Москва (UTC+3)», «Berlin (UTC+1)»; ``UTC`` is «UTC»; a name babel cannot read stays
    as it is."""
    try:
        offset = utc_offset_text(zone, at)
    except (ZoneInfoNotFoundError, ValueError):
        return zone
    if zone in ("UTC", "Etc/UTC", "Etc/GMT", "GMT"):
        return "UTC"
    try:
        city = get_timezone_location(ZoneInfo(zone), locale=_locale(language), return_city=True)
    except (LookupError, ValueError):
        city = zone
    return f"{city} ({offset})"
