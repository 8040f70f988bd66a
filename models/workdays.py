"""The team's working calendar: which dates are working days.

A date is a working day when it is a Monday–Friday date that is not a day off, or a
weekend date the calendar declares a working day (Russia moves days off across
weekends: 1 November 2025, a Saturday, was a working day). ``WorkCalendar()`` with no
dates is the spec's plain Monday–Friday rule; the team's calendar (Russian public holidays
by default, edited in Settings) is built by ``voronka.models.team_calendar`` and carried
in ``FunnelFrames.calendar``.

Where working days matter (spec/metrics.md reads them as Monday–Friday; the decision to
follow the team's calendar instead is written in docs/architecture.md, "Working days"):

- ``actions_per_day_*`` and the users table divide by the working days of P up to T;
- the plan of a day or a week is spread over working days (``metrics.plans``): a day off
  has no plan, so a Sunday is never judged against a share of the annual plan;
- a period still in progress is judged by its pace: the share of its working days gone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np


@dataclass(frozen=True)
class WorkCalendar:
    """Weekends (Saturday, Sunday) plus ``days_off`` are rest days; ``working_weekends`` work."""

    days_off: frozenset[date] = field(default_factory=frozenset)
    working_weekends: frozenset[date] = field(default_factory=frozenset)
    name: str = ""  # what the calendar is, e.g. "RU" (shown in Settings)

    def is_working(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def working_days(self, first: date, last: date) -> int:
        """Working days from ``first`` to ``last``, both included (0 if last < first)."""
        if last < first:
            return 0
        end = last + timedelta(days=1)
        holidays = sorted(d for d in self.days_off if first <= d <= last and d.weekday() < 5)
        count = int(np.busday_count(first, end, holidays=np.array(holidays, dtype="datetime64[D]")))
        return count + sum(1 for d in self.working_weekends if first <= d <= last and d.weekday() >= 5)

    def working_dates(self, first: date, last: date) -> list[date]:
        """The working dates from ``first`` to ``last`` inclusive, in order."""
        out, day = [], first
        while day <= last:
            if self.is_working(day):
                out.append(day)
            day += timedelta(days=1)
        return out

    def previous_working_day(self, day: date) -> date:
        """The last working day before ``day`` (Monday → Friday, after holidays: before them)."""
        before = day - timedelta(days=1)
        for _ in range(60):  # never more than a few weeks of holidays in a row
            if self.is_working(before):
                return before
            before -= timedelta(days=1)
        return day - timedelta(days=1)


MONDAY_TO_FRIDAY = WorkCalendar()
