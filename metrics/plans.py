"""Revenue plans: the annual plan, a month's plan and a period's plan, for the team
(``user_id`` None) or one user, from the ``plans`` frame (year, month, user_id, amount).

- ``plan_year``: the annual row; if absent, the sum of the year's monthly rows; else None.
- ``plan_month``: the month's row, else ``plan_year / 12``.
- ``plan_period``: a month's plan; a week: ``plan_year × 7 / days_in_year``; a day:
  ``plan_year / days_in_year`` (P's year, see ``periods``).
Should the same row appear twice (SQLite lets NULLs repeat in a unique key), the one
stored last wins.
"""
from __future__ import annotations

import pandas as pd

from .periods import Period


def _rows(plans: pd.DataFrame, year: int, user_id: int | None) -> pd.DataFrame:
    users = pd.to_numeric(plans["user_id"], errors="coerce")
    mine = users.isna() if user_id is None else users == user_id
    return plans[mine & (pd.to_numeric(plans["year"], errors="coerce") == year)]


def plan_year(plans: pd.DataFrame, year: int, user_id: int | None = None) -> float | None:
    rows = _rows(plans, year, user_id)
    months = pd.to_numeric(rows["month"], errors="coerce")
    annual = rows[months.isna()]
    if len(annual):
        return float(annual["amount"].iloc[-1])
    monthly = rows[months.notna()]
    if len(monthly):
        return float(monthly.groupby(pd.to_numeric(monthly["month"]))["amount"].last().sum())
    return None


def plan_month(plans: pd.DataFrame, year: int, month: int, user_id: int | None = None) -> float | None:
    rows = _rows(plans, year, user_id)
    row = rows[pd.to_numeric(rows["month"], errors="coerce") == month]
    if len(row):
        return float(row["amount"].iloc[-1])
    annual = plan_year(plans, year, user_id)
    return None if annual is None else annual / 12


def plan_period(plans: pd.DataFrame, period: Period, user_id: int | None = None) -> float | None:
    if period.kind == "month":
        return plan_month(plans, period.year, period.start.month, user_id)
    annual = plan_year(plans, period.year, user_id)
    if annual is None:
        return None
    days = 7 if period.kind == "week" else 1
    return annual * days / period.days_in_year

