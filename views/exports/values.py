"""How report values read as text, shared by the report view, the start page and the exports.

Ratios are fractions in the report (0.31) and read as percentages (31.0 %); money reads
with thin-space thousands; days with one decimal. A missing value (``None``, NaN) reads
as an em dash, never as 0. Russian uses a decimal comma.

The change against the previous period: for ratios, the difference in percentage points;
for everything else, the relative change (+12 %), or nothing when the previous value is
missing or zero.
"""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication

MISSING = "—"
THIN = "\u202f"


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(value: float, decimals: int, language: str) -> str:
    text = f"{value:,.{decimals}f}".replace(",", THIN)
    return text.replace(".", ",") if language == "ru" else text


def format_value(value: Any, kind: str, language: str = "ru") -> str:
    """A metric or table value as text (``kind``: money, ratio, count, days, number)."""
    if is_missing(value):
        return MISSING
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if kind == "ratio":
        return _number(value * 100, 1, language) + THIN + "%"
    if kind in ("money", "count"):
        return _number(value, 0, language)
    if kind == "days":
        return _number(value, 1, language)
    return _number(value, 0 if float(value).is_integer() else 2, language)


def change_of(value: Any, previous: Any, kind: str) -> float | None:
    """The change against the previous period (p.p. fraction for ratios, else relative)."""
    if is_missing(value) or is_missing(previous):
        return None
    if kind == "ratio":
        return float(value) - float(previous)
    if previous == 0:
        return None
    return float(value) / float(previous) - 1


def format_change(change: float | None, kind: str, language: str = "ru") -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    if kind == "ratio":
        points = _number(abs(change) * 100, 1, language)
        return sign + points + THIN + QCoreApplication.translate("Report", "p.p.")
    return sign + _number(abs(change) * 100, 0, language) + THIN + "%"


def target_mark(met: bool | None) -> str:
    """The symbol beside a value: met ✔, missed ✖, no target or no value: nothing.

    Always shown with a colour, never instead of it (colour alone fails on print
    and for colour-blind readers).
    """
    return {True: "✔", False: "✖"}.get(met, "")


MET_COLOUR = {True: "#1b7f3b", False: "#b3261e"}
