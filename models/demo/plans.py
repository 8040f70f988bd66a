"""Revenue plans for the demo: team plans per month and year, and the AEs' personal monthly plans.

The head of sales plans about 10 % above the recent run rate (the mean revenue of the
three months before), growing 3 % a month into the future; months before the history
starts get the first month's plan. The annual team plan is the sum of its months.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .calendar import Window
from .history import WON, Histories
from .team import members_with_role

AE_SHARE = (0.52, 0.48)


@dataclass
class PlanRow:
    year: int
    month: int | None
    user: int | None  # TEAM index, None = the team
    amount_rub: int


def monthly_revenue(window: Window, h: Histories) -> tuple[list[tuple[int, int]], np.ndarray]:
    """(year, month) of every month of the window and the revenue won in it."""
    start, end = window.start.date(), window.anchor
    months = [(y, m) for y in range(start.year, end.year + 1) for m in range(1, 13)
              if date(start.year, start.month, 1) <= date(y, m, 1) <= end]
    index = {ym: i for i, ym in enumerate(months)}
    won = np.flatnonzero(h.status == WON)
    won_dates = window.to_dates(h.closed[won])
    revenue = np.zeros(len(months))
    for d, amount in zip(won_dates, np.nan_to_num(h.amount_rub[won])):
        revenue[index[(d.year, d.month)]] += amount
    return months, revenue


def team_plans(window: Window, h: Histories) -> list[PlanRow]:
    months, revenue = monthly_revenue(window, h)
    if not months:
        return []
    plan: dict[tuple[int, int], float] = {}
    for i, ym in enumerate(months):
        recent = revenue[max(0, i - 3):i] if i >= 3 else revenue[:3]
        plan[ym] = max(recent.mean(), 100_000) * 1.1
    last_run = plan[months[-1]]
    first_year, last_year = months[0][0], months[-1][0]
    rows: list[PlanRow] = []
    for year in range(first_year, last_year + 1):
        year_total = 0
        for month in range(1, 13):
            if (year, month) in plan:
                value = plan[(year, month)]
            elif (year, month) < months[0]:
                value = plan[months[0]]
            else:
                ahead = (year - months[-1][0]) * 12 + month - months[-1][1]
                value = last_run * 1.03 ** ahead
            amount = int(round(value, -5))
            year_total += amount
            rows.append(PlanRow(year, month, None, amount))
            for ae, share in zip(members_with_role("ae"), AE_SHARE):
                rows.append(PlanRow(year, month, ae, int(round(amount * share, -4))))
        rows.append(PlanRow(year, None, None, year_total))
    return rows
