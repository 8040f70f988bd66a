"""Revenue plans: the annual plan, a month's plan and a period's plan, for the team
(``user_id`` None) or one user, from the ``plans`` frame (year, month, user_id, amount).

- ``plan_year``: the annual row; if absent, the sum of the year's monthly rows; else None.
- a month's plan (``PlanBook.month``): the month's row, else ``plan_year / 12``.
- ``plan_period``: a month's plan; a quarter: the sum of its three monthly rows where all
  three exist, else ``plan_year / 4``; a year: ``plan_year``.
- **A day's and a week's plan follow the working days** (the team's calendar,
  ``models.workdays``) where the spec counts calendar days (``plan_year × 7 /
  days_in_year``, ``plan_year / days_in_year``, which judged a Sunday or a holiday against
  a share of the annual plan): ``plan_year × working days of P / working days of P's
  year`` (P's year as in ``periods``: the ISO year of a week). A day off has a plan of 0,
  so its attainment is null (no red mark); a week of holidays likewise. The working days
  of a year's days add up to its annual plan exactly.
- A user's plan follows the same rules over that user's own rows (a user's year:
  their yearly row, else the sum of their monthly rows, else None).
Should the same row appear twice (SQLite lets NULLs repeat in a unique key), the one
stored last wins.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from .periods import Period
from voronka.models.workdays import WorkCalendar

Key = tuple[int, int | None, int | None]  # (year, month or None, user or None)


class PlanBook:
    """The plan rows as a dictionary, for many cheap look-ups."""

    def __init__(self, frame: pd.DataFrame, calendar: WorkCalendar | None = None):
        self.calendar = calendar or WorkCalendar()
        self.rows: dict[Key, float] = {}
        for year, month, user, amount in zip(frame["year"], frame["month"], frame["user_id"], frame["amount"]):
            self.rows[(int(year), _int_or_none(month), _int_or_none(user))] = float(amount)

    def year(self, year: int, user_id: int | None = None) -> float | None:
        annual = self.rows.get((year, None, user_id))
        if annual is not None:
            return annual
        months = [v for (y, m, u), v in self.rows.items() if y == year and u == user_id and m is not None]
        return float(sum(months)) if months else None

    def month(self, year: int, month: int, user_id: int | None = None) -> float | None:
        row = self.rows.get((year, month, user_id))
        if row is not None:
            return row
        annual = self.year(year, user_id)
        return None if annual is None else annual / 12

    def period(self, period: Period, user_id: int | None = None) -> float | None:
        if period.kind == "month":
            return self.month(period.year, period.start.month, user_id)
        if period.kind == "year":
            return self.year(period.year, user_id)
        if period.kind == "quarter":
            rows = [self.rows.get((period.year, m.start.month, user_id)) for m in period.months()]
            if all(r is not None for r in rows):
                return float(sum(rows))  # type: ignore[arg-type]
            annual = self.year(period.year, user_id)
            return None if annual is None else annual / 4
        annual = self.year(period.year, user_id)
        if annual is None:
            return None
        year_days = self.calendar.working_days(date(period.year, 1, 1), date(period.year, 12, 31))
        days = self.calendar.working_days(period.start.date(), period.end.date() - timedelta(days=1))
        return annual * days / year_days if year_days else None


def _int_or_none(value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return int(value)  # type: ignore[call-overload]


def _book(plans: pd.DataFrame | PlanBook) -> PlanBook:
    return plans if isinstance(plans, PlanBook) else PlanBook(plans)


def plan_year(plans: pd.DataFrame | PlanBook, year: int, user_id: int | None = None) -> float | None:
    return _book(plans).year(year, user_id)


def plan_period(plans: pd.DataFrame | PlanBook, period: Period, user_id: int | None = None) -> float | None:
    return _book(plans).period(period, user_id)
