"""The team's working calendar (a team setting): public holidays and moved days.

Stored as the team setting ``team.calendar``::

    {"holidays": "RU", "days_off": ["2026-12-31"], "working_days": ["2026-12-27"]}

``holidays`` is the country whose public holidays and government-moved days off are days
off (``RU`` by default, from the ``holidays`` package, which follows the Russian
production calendar: New Year holidays, substituted days off and working Saturdays);
``""`` means none (plain Monday–Friday). ``days_off`` and ``working_days`` are the team's
own changes on top, edited in Settings → Team. The metrics read the result as a
``models.workdays.WorkCalendar`` (``FunnelFrames.calendar``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from .workdays import WorkCalendar

from . import errors
from .changes import Changes

KEY = "team.calendar"
DEFAULT_COUNTRY = "RU"
COUNTRIES = ("RU", "BY", "KZ", "UA", "")  # offered in Settings ("" = no public holidays)
YEARS = range(2015, 2036)  # the years a calendar covers (reports outside it: weekends only)


@dataclass(frozen=True)
class CalendarSetting:
    """What the team chose: the country of its public holidays and its own changes."""

    holidays: str = DEFAULT_COUNTRY
    days_off: tuple[date, ...] = ()
    working_days: tuple[date, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"holidays": self.holidays, "days_off": [d.isoformat() for d in self.days_off],
                "working_days": [d.isoformat() for d in self.working_days]}

    @classmethod
    def from_json(cls, raw: Any) -> CalendarSetting:
        if not isinstance(raw, dict):
            return cls()
        return cls(str(raw.get("holidays", DEFAULT_COUNTRY) or ""),
                   tuple(sorted(_dates(raw.get("days_off")))), tuple(sorted(_dates(raw.get("working_days")))))


def _dates(values: Any) -> set[date]:
    out = set()
    for v in values or []:
        try:
            out.add(date.fromisoformat(str(v)))
        except ValueError:
            continue  # a hand-edited setting: skip what is not a date rather than fail every report
    return out


@lru_cache(maxsize=8)
def public_holidays(country: str) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, weekend working days) of ``country`` over ``YEARS``; empty for ``""``."""
    if not country:
        return frozenset(), frozenset()
    import holidays

    calendar = holidays.country_holidays(country, years=list(YEARS))
    return frozenset(calendar.keys()), frozenset(getattr(calendar, "weekend_workdays", ()) or ())


def work_calendar(setting: CalendarSetting) -> WorkCalendar:
    """The calendar the metrics use for this setting."""
    off, weekend_work = public_holidays(setting.holidays)
    own_work = frozenset(setting.working_days)
    days_off = (off | frozenset(setting.days_off)) - own_work
    return WorkCalendar(days_off=days_off, working_weekends=(weekend_work | own_work) - frozenset(setting.days_off),
                        name=setting.holidays)


def calendar_setting(session: Session) -> CalendarSetting:
    from .services.settings import get_setting

    return CalendarSetting.from_json(get_setting(session, KEY, None))


def team_calendar(session: Session) -> WorkCalendar:
    """The team's working calendar as the metrics read it."""
    return work_calendar(calendar_setting(session))


def set_team_calendar(session: Session, setting: CalendarSetting) -> Changes:
    """Keep the team's calendar (Settings → Team); a country must be one the app knows."""
    from .services.settings import set_setting

    if setting.holidays not in COUNTRIES:
        raise errors.InvalidValue("holidays", f"is one of {', '.join(c for c in COUNTRIES if c)} or none")
    set_setting(session, KEY, setting.as_json())
    return Changes(settings=True, plans=True)  # plans: every report's per-day figures follow the calendar


def parse_dates(text: str, field: str) -> list[date]:
    """Dates as typed in Settings (``31.12.2026, 2027-04-30``); ``InvalidValue`` names the one
    that cannot be read."""
    from datetime import datetime

    out = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
            try:
                out.append(datetime.strptime(part, pattern).date())
                break
            except ValueError:
                continue
        else:
            raise errors.InvalidValue(field, f"{part!r} is not a date (like 31.12.2026)")
    return out
