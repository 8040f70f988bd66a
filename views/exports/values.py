"""How report values read as text in the report view, the start page and the exports.

The formatting itself is ``voronka.metrics.formatting`` (Qt-free, one module for every
screen, export and the command line); this module keeps the report's names for it and
the marks of a judged value.
"""
from __future__ import annotations

from typing import Any

from voronka.metrics.formatting import MET_COLOUR, MISSING, change_of, change_text, is_missing, target_mark, value_text

__all__ = ["MISSING", "change_of", "format_value", "format_change", "is_missing", "target_mark", "MET_COLOUR"]


def format_value(value: Any, kind: str, language: str = "ru", currency: str | None = "RUB") -> str:
    """A metric or table value with its unit (``kind``: money, ratio, count, days, times, number)."""
    return value_text(value, kind, language, currency)


def format_change(change: float | None, kind: str, language: str = "ru") -> str:
    """The change against the previous period: ``+2,1 п.п.`` for shares, else ``+12 %``."""
    return change_text(change, kind, language)
