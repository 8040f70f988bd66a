"""The plan read backwards through the funnel (spec/metrics.md, second edition).

``needed_won = ceil(plan_period / avg_check_365)``; then, for each main stage s from
``signed`` back to ``work_started``, ``needed(s) = ceil(needed_won / c(s))`` where c(s)
is the year-to-date cohort conversion from s to ``signed``. A null or zero c(s) makes
that row and every earlier row null; the ``signed`` row needs ``needed_won`` whatever
c(signed) is. ``actual`` is the deals that reached s in P (won in P for ``signed``),
``gap = actual − needed``.

``needed_actions_per_day_sdr = needed(work_started) × a / (working days in the whole
of P × active SDRs)``, where ``a`` is the SDRs' sales actions in Y per deal that reached
``work_started`` in Y. Weeks and days have no rows and a null figure.

``ceil`` is taken of the exact quotient: it is rounded to 9 decimals first, so a
quotient that is a whole number on paper (0.3 / 0.1) is not pushed up by
floating-point error.
"""
from __future__ import annotations

import math

import numpy as np

from .activity import actions_in, users_with_role
from .context import ReportContext
from .conversions import conversion, reached_in
from .figures import ratio
from .revenue import trailing_check_and_cycle, won_in

PLAN_KINDS = frozenset({"month", "quarter", "year"})
ROW_KEYS = ("stage", "needed", "actual", "gap")


def exact_ceil(value: float | None) -> int | None:
    """``ceil`` of a quotient rounded to 9 decimals first; None stays None."""
    if value is None or math.isnan(value) or math.isinf(value):
        return None
    return int(math.ceil(round(value, 9)))


def _won_key(ctx: ReportContext) -> str | None:
    if ctx.layout.col("signed") is not None:
        return "signed"
    return None if ctx.layout.won_col is None else ctx.layout.keys[ctx.layout.won_col]


def funnel_stages(ctx: ReportContext) -> list[str]:
    """The main stages from ``work_started`` to the won stage, in funnel order."""
    start, won_key = ctx.layout.col("work_started"), _won_key(ctx)
    if start is None or won_key is None:
        return []
    end = ctx.layout.col(won_key)
    return [ctx.layout.keys[c] for c in ctx.layout.main_cols if start <= c <= end]


def needed_won(ctx: ReportContext, plan_period: float | None) -> int | None:
    avg_check, _cycle = trailing_check_and_cycle(ctx)
    return exact_ceil(ratio(plan_period, avg_check))


def plan_decomposition(ctx: ReportContext, plan_period: float | None) -> list[dict[str, object]]:
    """Rows ``stage``, ``needed``, ``actual``, ``gap`` in funnel order (``work_started`` first)."""
    if ctx.period.kind not in PLAN_KINDS:
        return []
    stages = funnel_stages(ctx)
    if not stages:
        return []
    won_target = needed_won(ctx, plan_period)
    rows: list[dict[str, object]] = []
    broken = won_target is None
    for key in reversed(stages):
        is_won = key == stages[-1]
        if is_won:
            needed = won_target
            actual = int(won_in(ctx, ctx.P).sum())
        else:
            c = conversion(ctx, key, "signed")  # the won stage when the pipeline has no "signed"
            broken = broken or c is None or c == 0
            needed = None if broken else exact_ceil(won_target / c)  # type: ignore[operator]
            mask = reached_in(ctx, key, ctx.P)
            actual = 0 if mask is None else int(mask.sum())
        rows.append({"stage": key, "needed": needed, "actual": actual,
                     "gap": None if needed is None else actual - needed})
    return rows[::-1]


def needed_actions_per_day_sdr(ctx: ReportContext, rows: list[dict[str, object]]) -> float | None:
    """The SDRs' sales actions per day the plan asks (see the module docstring)."""
    if ctx.period.kind not in PLAN_KINDS or not rows or rows[0]["stage"] != "work_started":
        return None
    needed = rows[0]["needed"]
    worked = reached_in(ctx, "work_started", ctx.Y)
    if needed is None or worked is None:
        return None
    sdr_all = users_with_role(ctx, "sdr", active_only=False)
    actions = actions_in(ctx, ctx.Y)
    done = int(np.isin(actions["user_id"].to_numpy(), sdr_all).sum())
    per_deal = ratio(done, int(worked.sum()))
    days = ctx.period.working_days(ctx.period.last_moment, ctx.frames.calendar)
    active = len(users_with_role(ctx, "sdr", active_only=True))
    if per_deal is None:
        return None
    return ratio(float(needed) * per_deal, days * active)  # type: ignore[arg-type]
