"""Report periods: a calendar month (``2026-10``), an ISO week (``2026-W43``), a day
(``2026-10-21``), a quarter (``2026-Q3``: 1 July – 1 October) or a year (``2026``), each
the half-open interval [start, end) in the team's local time.

Decisions (spec/metrics.md leaves them open):

- **P's year** is the year written in the label. For a week that is the ISO year, so
  ``2026-W01`` (29 Dec 2025 – 4 Jan 2026) belongs to 2026 and ``2026-W53``
  (28 Dec 2026 – 3 Jan 2027) to 2026: year-to-date figures, the annual plan and the
  forecast horizon follow the label, not the calendar dates the week spills into.
- ``previous()`` is the period of the same kind just before: the month before, the
  ISO week before (``2027-W01`` → ``2026-W53``), the day before, the quarter before
  (``2026-Q1`` → ``2025-Q4``), the year before.
- **Default T** is ``min(last_moment, now)`` where ``last_moment`` is P's last whole
  second (``2026-10-31T23:59:59`` for October), as in the spec's JSON example: every
  stored time is to the second, so this is the last instant of [start, end), and an
  event at the next period's midnight belongs to that next period, never to P's state.
- Working days of P are the working dates of the team's calendar (``models.workdays``:
  Monday–Friday without public holidays, plus weekend dates moved to work) in P up to
  the as-of date (inclusive); without a calendar, Monday–Friday.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import numpy as np

from voronka.models.errors import VoronkaError

from voronka.models.workdays import WorkCalendar

PeriodKind = Literal["month", "week", "day", "quarter", "year"]
KINDS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


class BadPeriod(VoronkaError):
    """A period label that is not a month, an ISO week, a day, a quarter or a year."""

    def __init__(self, label: str, why: str):
        super().__init__(f"Period {label!r} {why}; use a month (2026-10), an ISO week (2026-W43), a day (2026-10-21), "
                         "a quarter (2026-Q3) or a year (2026).")
        self.label = label


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week number of 28 December."""
    return date(year, 12, 28).isocalendar()[1]


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


@dataclass(frozen=True)
class Period:
    """One report period: ``kind``, its ``label`` and the interval [start, end)."""

    kind: PeriodKind
    label: str
    start: datetime
    end: datetime
    year: int  # P's year (the label's year; ISO year for a week)

    @property
    def days_in_year(self) -> int:
        return days_in_year(self.year)

    @property
    def year_start(self) -> datetime:
        return datetime(self.year, 1, 1)

    @property
    def last_moment(self) -> datetime:
        """P's last whole second (end − 1 s): the default "as of" of a finished period."""
        return self.end - timedelta(seconds=1)

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == "month":
            d = self.start.date() - timedelta(days=1)
            return month_period(d.year, d.month)
        if self.kind == "week":
            y, w, _ = (self.start.date() - timedelta(days=7)).isocalendar()
            return week_period(y, w)
        if self.kind in ("quarter", "year"):
            return period_of(self.kind, self.start.date() - timedelta(days=1))
        return day_period(self.start.date() - timedelta(days=1))

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        if self.kind == "month":
            d = self.end.date()
            return month_period(d.year, d.month)
        if self.kind == "week":
            y, w, _ = self.end.date().isocalendar()
            return week_period(y, w)
        if self.kind in ("quarter", "year"):
            return period_of(self.kind, self.end.date())
        return day_period(self.end.date())

    def months(self) -> list[Period]:
        """The calendar months of a month, quarter or year (none for a week or a day)."""
        if self.kind not in ("month", "quarter", "year"):
            return []
        out, month = [], month_period(self.start.year, self.start.month)
        while month.start < self.end:
            out.append(month)
            month = month.next()
        return out

    def quarters(self) -> list[Period]:
        """The quarters of a year (itself for a quarter; none for shorter periods)."""
        if self.kind == "quarter":
            return [self]
        if self.kind != "year":
            return []
        return [quarter_period(self.year, q) for q in range(1, 5)]

    def working_days(self, as_of: datetime, calendar: WorkCalendar | None = None) -> int:
        """Working days of the period up to ``as_of``'s date (inclusive), by ``calendar``
        (Monday–Friday when None)."""
        first = self.start.date()
        last = min(self.end.date() - timedelta(days=1), as_of.date())
        if last < first:
            return 0
        if calendar is not None:
            return calendar.working_days(first, last)
        return int(np.busday_count(first, last + timedelta(days=1)))


def month_period(year: int, month: int) -> Period:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return Period("month", f"{year:04d}-{month:02d}", start, end, year)


def week_period(iso_year: int, week: int) -> Period:
    monday = date.fromisocalendar(iso_year, week, 1)
    start = datetime.combine(monday, datetime.min.time())
    return Period("week", f"{iso_year:04d}-W{week:02d}", start, start + timedelta(days=7), iso_year)


def day_period(day: date) -> Period:
    start = datetime.combine(day, datetime.min.time())
    return Period("day", day.isoformat(), start, start + timedelta(days=1), day.year)


def quarter_period(year: int, quarter: int) -> Period:
    start = datetime(year, 3 * quarter - 2, 1)
    end = datetime(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return Period("quarter", f"{year:04d}-Q{quarter}", start, end, year)


def year_period(year: int) -> Period:
    return Period("year", f"{year:04d}", datetime(year, 1, 1), datetime(year + 1, 1, 1), year)


def period_of(kind: PeriodKind, moment: date | datetime) -> Period:
    """The period of ``kind`` that contains ``moment`` (e.g. this month, this ISO week)."""
    day = moment.date() if isinstance(moment, datetime) else moment
    if kind == "month":
        return month_period(day.year, day.month)
    if kind == "week":
        y, w, _ = day.isocalendar()
        return week_period(y, w)
    if kind == "day":
        return day_period(day)
    if kind == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if kind == "year":
        return year_period(day.year)
    raise ValueError(f"unknown period kind {kind!r}")


def parse_period(label: str) -> Period:
    """``2026-10`` → month, ``2026-W43`` → ISO week, ``2026-10-21`` → day, ``2026-Q3`` →
    quarter, ``2026`` → year; ``BadPeriod`` otherwise."""
    text = (label or "").strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12 or year < 1:
            raise BadPeriod(label, "has no such month")
        return month_period(year, month)
    if m := _WEEK.match(text):
        year, week = int(m[1]), int(m[2])
        if year < 1 or not 1 <= week <= iso_weeks_in_year(year):
            weeks = iso_weeks_in_year(year) if year >= 1 else 52
            raise BadPeriod(label, f"has no such ISO week (year {year} has {weeks} weeks)")
        return week_period(year, week)
    if m := _DAY.match(text):
        try:
            return day_period(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            raise BadPeriod(label, "is not a calendar date") from None
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        if year < 1 or not 1 <= quarter <= 4:
            raise BadPeriod(label, "has no such quarter (Q1 to Q4)")
        return quarter_period(year, quarter)
    if m := _YEAR.match(text):
        year = int(m[1])
        if year < 1 or year > 9998:
            raise BadPeriod(label, "has no such year")
        return year_period(year)
    raise BadPeriod(label, "is not a period")
