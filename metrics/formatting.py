"""How numbers and periods read, in every screen and export: one module, no Qt.

Every value a person reads carries its unit, in the UI language (``"ru"`` or ``"en"``;
the locale's separators come from Babel's CLDR data):

==============  =========================  =======================
kind            Russian                    English
==============  =========================  =======================
money           ``1 250 000 ₽``            ``1,250,000 ₽``, ``$1,200``
count           ``1 250``                  ``1,250``
days            ``66,4 дн.``               ``66.4 d``
ratio (share)   ``31,0 %``                 ``31.0%``
points          ``+2,1 п.п.``              ``+2.1 pp``
times           ``1,06×``                  ``1.06×``
number          ``23,4``                   ``23.4``
==============  =========================  =======================

A missing value (``None``, NaN) reads as an em dash, never as 0. A value that rounds to
zero never carries a minus (no ``−0`` or ``−0,0``); a negative one gets a real minus sign
``−``. Periods are named as people say them: ``октябрь 2026``, ``неделя 49 · 30 нояб. –
6 дек.``, ``III квартал 2026``, ``2026 год``, ``21 октября 2026``.

The unit words live here in both languages (like the metric catalogue's names), so the
command line, the exports and the screens say the same thing without Qt.
"""
from __future__ import annotations

import math
import sys
from datetime import date, datetime, timedelta
from functools import lru_cache
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

MISSING = "—"
NBSP = "\u00a0"
MINUS = "−"
CURRENCY_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "KZT": "₸", "UAH": "₴", "BYN": "Br"}
_PREFIX_SIGNS = {"$", "€", "£"}  # English writes these before the number: $1,200
_LOCALES = {"ru": "ru_RU", "en": "en_GB"}
UNITS = {  # unit words, (ru, en)
    "days": ("дн.", "d"),
    "points": ("п.п.", "pp"),
    "week": ("неделя", "week"),
    "quarter": ("квартал", "Q"),
    "year": ("год", ""),
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
KINDS = ("money", "count", "days", "ratio", "points", "times", "number", "text")


def locale_of(language: str) -> str:
    """The Babel locale of a UI language (``ru`` → ``ru_RU``; anything else English)."""
    return _LOCALES.get(language, "en_GB")


def _unit(key: str, language: str) -> str:
    ru, en = UNITS[key]
    return ru if language == "ru" else en


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' missing markers: a value that could not be computed."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, bytes, list, dict, tuple, int)):
        return False
    pd = sys.modules.get("pandas")  # a pandas marker exists only once pandas is loaded: never load it
    try:  # here (a board card's days would wait ~1 s for pandas' import)
        return bool(pd.isna(value)) if pd is not None else bool(value != value)  # NaN ≠ NaN
    except (TypeError, ValueError):
        return False


@lru_cache(maxsize=64)
def _number_format(decimals: int, language: str) -> tuple[NumberPattern, Locale]:
    """Babel's parsed pattern and locale for ``number`` (what ``format_decimal`` parses on every
    call: a fifth of a board card's drawing time)."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else "")), Locale.parse(locale_of(language))


@lru_cache(maxsize=8192)
def _grouped(magnitude: float, decimals: int, language: str) -> str:
    """``magnitude`` (≥ 0, already rounded) with grouped thousands. Remembered: a report's
    refresh formats mostly the same numbers again (Babel takes ~0.1 ms a number)."""
    pattern, locale = _number_format(decimals, language)
    return pattern.apply(magnitude, locale, decimal_quantization=True, group_separator=True, numbering_system="latn")


def number(value: float | int | Decimal, decimals: int, language: str = "ru", *, signed: bool = False) -> str:
    """``1 250 000,5`` / ``1,250,000.5`` with exactly ``decimals`` decimals; never ``−0``.

    ``signed`` puts ``+`` before a positive value (a change); zero has no sign at all.
    """
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # -0.0 and anything that rounds to zero lose their sign
    text = _grouped(abs(rounded), decimals, language)
    if rounded < 0:
        return MINUS + text
    if signed and rounded > 0:
        return "+" + text
    return text


def currency_sign(currency: str | None) -> str:
    """``RUB`` → ``₽``; a code without a sign stays the code (``CHF``)."""
    code = (currency or "RUB").upper()
    return CURRENCY_SIGNS.get(code, code)


def money(value: Any, currency: str | None = "RUB", language: str = "ru", decimals: int = 0) -> str:
    """``1 250 000 ₽`` (Russian), ``1,250,000 ₽`` or ``$1,200`` (English); missing → ``—``."""
    if is_missing(value):
        return MISSING
    sign = currency_sign(currency)
    text = number(value, decimals, language)
    if language != "ru" and sign in _PREFIX_SIGNS:
        return (MINUS + sign + text[1:]) if text.startswith(MINUS) else sign + text
    return f"{text}{NBSP}{sign}"


def money_minor(amount_minor: int | None, currency: str | None = "RUB", language: str = "ru") -> str:
    """An amount stored in minor units (kopecks), whole units shown: ``1 250 000 ₽``."""
    if amount_minor is None:
        return MISSING
    return money(amount_minor / 100, currency, language)


def count(value: Any, language: str = "ru") -> str:
    """A whole count with grouped thousands: ``1 250``."""
    return MISSING if is_missing(value) else number(value, 0, language)


def days(value: Any, language: str = "ru", decimals: int = 1) -> str:
    """``66,4 дн.`` / ``66.4 d``."""
    if is_missing(value):
        return MISSING
    return f"{number(value, decimals, language)}{NBSP}{_unit('days', language)}"


def percent(share: Any, language: str = "ru", decimals: int = 1, *, signed: bool = False) -> str:
    """A share (0.31) as ``31,0 %`` / ``31.0%``."""
    if is_missing(share):
        return MISSING
    text = number(float(share) * 100, decimals, language, signed=signed)
    return f"{text}{NBSP}%" if language == "ru" else f"{text}%"


def points(difference: Any, language: str = "ru", decimals: int = 1) -> str:
    """The difference of two shares (0.021) in percentage points: ``+2,1 п.п.`` / ``+2.1 pp``."""
    if is_missing(difference):
        return MISSING
    return f"{number(float(difference) * 100, decimals, language, signed=True)}{NBSP}{_unit('points', language)}"


def times(value: Any, language: str = "ru", decimals: int = 2) -> str:
    """A multiple (coverage, a ratio of two sums): ``1,06×``."""
    if is_missing(value):
        return MISSING
    return f"{number(value, decimals, language)}×"


def plain_number(value: Any, language: str = "ru") -> str:
    """A number without a unit: whole numbers as they are, others with one decimal."""
    if is_missing(value):
        return MISSING
    whole = float(value).is_integer()
    return number(value, 0 if whole else 1, language)


def value_text(value: Any, kind: str, language: str = "ru", currency: str | None = "RUB") -> str:
    """Any report value by its kind (money, count, days, ratio, points, times, number, text,
    period: a period's code said as people say it, ``2026-11`` → ``ноябрь 2026``)."""
    if is_missing(value):
        return MISSING
    if kind == "period":
        return period_name(str(value), language)
    if kind == "text" or isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    if kind == "money":
        return money(value, currency, language)
    if kind == "count":
        return count(value, language)
    if kind == "days":
        return days(value, language)
    if kind == "ratio":
        return percent(value, language)
    if kind == "points":
        return points(value, language)
    if kind == "times":
        return times(value, language)
    return plain_number(value, language)


def band_text(low: float, high: float, kind: str, language: str = "ru", currency: str | None = "RUB") -> str:
    """A band as people write it, the unit once: ``60–75 %`` / ``60–75%``, ``300–400``;
    other kinds (money, days) as two values: ``1 000 ₽ – 2 000 ₽``."""
    if kind == "ratio":
        lo, hi = float(low) * 100, float(high) * 100
        decimals = 0 if round(lo, 6).is_integer() and round(hi, 6).is_integer() else 1
        text = f"{number(lo, decimals, language)}–{number(hi, decimals, language)}"
        return f"{text}{NBSP}%" if language == "ru" else f"{text}%"
    if kind in ("count", "number"):
        return f"{plain_number(low, language)}–{plain_number(high, language)}"
    return f"{value_text(low, kind, language, currency)} – {value_text(high, kind, language, currency)}"


def target_value_text(metric_id: str, target: Any, kind: str, language: str = "ru",
                      currency: str | None = "RUB") -> str:
    """The report's target of a metric as its Target column shows it: a band metric's whole
    band (``60–75 %``; a per-role band scaled to the team, ``300–400``), never its lower bound
    alone; a target to stay under (or strictly over) with its sign, ``< 50,0 %``, so a lower
    value beside it reads as the aim, not a shortfall; a target to reach as its value. Nothing
    for no target."""
    from .catalogue import band_of, by_id

    if is_missing(target):
        return ""
    band = band_of(metric_id, float(target))
    if band is not None:
        return band_text(band[0], band[1], kind, language, currency)
    sign = _TARGET_SIGNS.get(by_id(metric_id).target_op, "")
    return sign + value_text(target, kind, language, currency)


_TARGET_SIGNS = {"<": "< ", "<=": "≤ ", ">": "> "}  # ">=" is what a target means unsaid; "==" is the value


def change_of(value: Any, previous: Any, kind: str) -> float | None:
    """The change against the previous period: a difference for shares (read in points),
    else the relative change; None when either is missing or the previous is zero."""
    if is_missing(value) or is_missing(previous):
        return None
    if kind == "ratio":
        return float(value) - float(previous)
    if previous == 0:
        return None
    return float(value) / float(previous) - 1


def change_text(change: float | None, kind: str, language: str = "ru") -> str:
    """``+2,1 п.п.`` for a share, ``+12 %`` for anything else; nothing when unknown."""
    if change is None or is_missing(change):
        return ""
    if kind == "ratio":
        return points(change, language)
    return percent(change, language, decimals=0, signed=True)


# --- periods ------------------------------------------------------------------------------
def _day(value: date | datetime | str) -> date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def day_name(day: date | datetime | str, language: str = "ru", *, year: bool = True) -> str:
    """``21 октября 2026`` / ``21 October 2026`` (without the year: ``21 октября``)."""
    return format_date(_day(day), "d MMMM y" if year else "d MMMM", locale=locale_of(language))


def short_day(day: date | datetime | str, language: str = "ru", *, year: bool = False) -> str:
    """``30 нояб.`` / ``30 Nov`` (``30 нояб. 2026 г.`` with the year)."""
    return format_date(_day(day), "d MMM y" if year else "d MMM", locale=locale_of(language))


def month_name(year: int, month: int, language: str = "ru") -> str:
    """``октябрь 2026`` / ``October 2026``."""
    return format_date(date(year, month, 1), "LLLL y", locale=locale_of(language))


def week_name(iso_year: int, week: int, language: str = "ru") -> str:
    """``неделя 49 · 30 нояб. – 6 дек.`` (the year shown when the week spans two)."""
    monday = date.fromisocalendar(iso_year, week, 1)
    sunday = monday + timedelta(days=6)
    spans = monday.year != sunday.year
    dates = f"{short_day(monday, language, year=spans)} – {short_day(sunday, language, year=spans)}"
    return f"{_unit('week', language)} {week} · {dates}"


def quarter_name(year: int, quarter: int, language: str = "ru") -> str:
    """``III квартал 2026`` / ``Q3 2026``."""
    if language == "ru":
        return f"{ROMAN[quarter]} {_unit('quarter', language)} {year}"
    return f"Q{quarter} {year}"


def year_name(year: int, language: str = "ru") -> str:
    """``2026 год`` / ``2026``."""
    return f"{year} {_unit('year', language)}" if language == "ru" else str(year)


def period_name(period: Any, language: str = "ru") -> str:
    """A period as people say it, from a ``Period``, a report's period dict or a label.

    ``2026-10`` → ``октябрь 2026``; ``2026-W49`` → ``неделя 49 · 30 нояб. – 6 дек.``;
    ``2026-Q3`` → ``III квартал 2026``; ``2026`` → ``2026 год``; ``2026-10-21`` →
    ``21 октября 2026``. A label that is not a period is returned as it is.
    """
    from .periods import BadPeriod, parse_period

    label = period.get("label") if isinstance(period, dict) else getattr(period, "label", period)
    try:
        p = parse_period(str(label))
    except BadPeriod:
        return str(label)
    if p.kind == "month":
        return month_name(p.year, p.start.month, language)
    if p.kind == "week":
        return week_name(p.year, int(p.label[-2:]), language)
    if p.kind == "quarter":
        return quarter_name(p.year, int(p.label[-1]), language)
    if p.kind == "year":
        return year_name(p.year, language)
    return day_name(p.start, language)


def short_period_name(period: Any, language: str = "ru") -> str:
    """A period on a chart axis or a narrow column: ``окт. 2026``, ``нед. 49``, ``21 окт.``,
    ``III кв. 2026``, ``2026``."""
    from .periods import BadPeriod, parse_period

    label = period.get("label") if isinstance(period, dict) else getattr(period, "label", period)
    try:
        p = parse_period(str(label))
    except BadPeriod:
        return str(label)
    loc = locale_of(language)
    if p.kind == "month":
        return format_date(p.start.date(), "LLL y", locale=loc)
    if p.kind == "week":
        return ("нед. " if language == "ru" else "wk ") + str(int(p.label[-2:]))
    if p.kind == "quarter":
        return f"{ROMAN[int(p.label[-1])]} кв. {p.year}" if language == "ru" else f"Q{p.label[-1]} {p.year}"
    if p.kind == "year":
        return str(p.year)
    return short_day(p.start, language)


# --- spreadsheets -----------------------------------------------------------------------------
def excel_format(kind: str, language: str = "ru", currency: str | None = "RUB") -> str:
    """The Excel number format of a kind, so a spreadsheet cell stays a number yet shows
    its unit: ``#,##0 "₽"``, ``0.0 "дн."``, ``+0.0 "п.п."``, ``0.00"×"``."""
    days_word, points_word = _unit("days", language), _unit("points", language)
    sign = currency_sign(currency)
    money_format = f'"{sign}"#,##0' if language != "ru" and sign in _PREFIX_SIGNS else f'#,##0 "{sign}"'
    return {
        "money": money_format,
        "count": "#,##0",
        "days": f'0.0 "{days_word}"',
        "ratio": "0.0%",
        "points": f'+0.0 "{points_word}";-0.0 "{points_word}";0.0 "{points_word}"',
        "times": '0.00"×"',
        "change": "+0%;-0%;0%",
        "number": "#,##0.0",
    }.get(kind, "General")


# --- judgements -------------------------------------------------------------------------------
MET_COLOUR = {True: "#1b7f3b", False: "#b3261e"}
"""Green for a met target, red for a missed one (always with a mark, never colour alone)."""


ABOVE_BAND_MARK = "↑"
"""The neutral mark of a band metric above its band (metrics.judgement): not a miss, not met."""


def target_mark(met: bool | None, above_band: bool = False) -> str:
    """The symbol beside a judged value: met ✔, missed ✖, above a band ↑ (neutral); no
    target, no value or a period still in progress: nothing."""
    if above_band:
        return ABOVE_BAND_MARK
    return {True: "✔", False: "✖"}.get(met, "")


def moment_text(moment: datetime | str, language: str = "ru") -> str:
    """A moment to the minute: ``31 окт. 2026, 23:59`` / ``31 Oct 2026, 23:59``."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return f"{short_day(moment, language, year=True)}, {moment:%H:%M}"


def month_short(label: str, language: str = "ru") -> str:
    """A month on a chart axis, without the year: ``2026-10`` → ``окт.`` / ``Oct``."""
    try:
        year, month = (int(x) for x in str(label).split("-")[:2])
        return format_date(date(year, month, 1), "LLL", locale=locale_of(language))
    except (ValueError, TypeError):
        return str(label)
