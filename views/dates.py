"""Dates and times as the UI shows them: 31.12.2026 in Russian, ISO in English."""
from __future__ import annotations

from datetime import date, datetime


def format_date(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y") if language == "ru" else value.isoformat()


def format_datetime(value: datetime | None, language: str) -> str:
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y %H:%M") if language == "ru" else value.strftime("%Y-%m-%d %H:%M")
