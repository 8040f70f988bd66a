"""Revenue, plans, deals won and lost, the sales cycle and the two forecasts.

Revenue of a window = the amounts of the deals won in it (status as of T is won and
its won time is in the window; see ``timeline``). Decisions:

- ``revenue_prev`` is the previous period's revenue as of *its* end (or T, if earlier),
  so it equals that period's own report; every other figure is as of T, including
  ``revenue_ytd_prev_year`` and both revenue columns of ``revenue_by_month``.
- ``revenue_ytd_prev_year``: the window [1 January of the previous year, T shifted
  back a year] (29 February → 28 February).
- Weighted sums (``forecast_year``, ``weighted_pipeline``) and the run-rate forecast
  use each stage's *probability*: the manager's override where set, else the computed
  win rate; a stage with neither weighs 0 (the run-rate forecast is then null).
- ``median_check`` / ``median_check_ytd``: the median amount of the deals won in P / Y,
  a won deal without an amount counting as 0 (None when none was won).
- ``sales_velocity`` (money per day) uses the same probability of ``qualified`` as the
  run-rate forecast and counts the open deals whose current stage has
  ``eff >= order(qualified)`` (side stages of later stages included).
- ``remaining(s)`` for the forecast: mean days from ``reached(d, s)`` to the won time
  over deals won as of T that reached s; ``T + remaining`` must fall before 1 January
  of the next year.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np

from .context import ReportContext, Window, shift_year_back
from .figures import mean, minus_one, ratio
from .periods import month_period
from .reached import NAT
from .timeline import NS_PER_DAY, WON_STATUS, ts_ns


def won_in(ctx: ReportContext, window: Window) -> np.ndarray:
    return ctx.states.won_in(window.lo, window.hi)


def lost_in(ctx: ReportContext, window: Window) -> np.ndarray:
    return ctx.states.lost_in(window.lo, window.hi)


def amount_of(ctx: ReportContext, mask: np.ndarray) -> float:
    return float(ctx.amount0[mask].sum())


def trailing_year(ctx: ReportContext) -> Window:
    """(T − 365 days, T]."""
    return Window(ctx.T - 365 * NS_PER_DAY + 1, ctx.T + 1)


def cycle_days(ctx: ReportContext, won: np.ndarray) -> np.ndarray:
    """Days from reaching work_started to the won time, per deal in ``won``."""
    start = ctx.reached_col("work_started")
    if start is None:
        return np.array([], dtype="float64")
    ok = won & (start != NAT)
    return ctx.days(ctx.states.closed_at[ok], start[ok])


def median_amount(ctx: ReportContext, won: np.ndarray) -> float | None:
    """The median amount of the deals in ``won`` (missing amounts count as 0); None if none."""
    return float(np.median(ctx.amount0[won])) if won.any() else None


def won_in_previous(ctx: ReportContext) -> np.ndarray:
    """Deals won in the period just before P, as of its last second (or T if earlier)."""
    prev = ctx.period.previous()
    as_of = min(ts_ns(prev.last_moment), ctx.T)
    return ctx.states_at(as_of).won_in(ts_ns(prev.start), min(ts_ns(prev.end), as_of + 1))


def revenue_prev(ctx: ReportContext) -> float:
    return amount_of(ctx, won_in_previous(ctx))


def revenue_figures(ctx: ReportContext) -> dict[str, float | int | None]:
    """revenue … lost_amount of the monthly and weekly tables (all but the forecasts)."""
    period = ctx.period
    won_p, won_y = won_in(ctx, ctx.P), won_in(ctx, ctx.Y)
    lost_p = lost_in(ctx, ctx.P)
    revenue, revenue_ytd = amount_of(ctx, won_p), amount_of(ctx, won_y)
    prev = revenue_prev(ctx)
    shifted_t = shift_year_back(ctx.as_of)
    y_prev = Window(ts_ns(datetime(period.year - 1, 1, 1)), ts_ns(shifted_t) + 1)
    annual = ctx.plans.year(period.year)
    this_period = ctx.plans.period(period)
    won_count, won_count_ytd = int(won_p.sum()), int(won_y.sum())
    avg_check = ratio(revenue, won_count)
    cycle = mean(cycle_days(ctx, won_p))
    return {
        "revenue": revenue,
        "revenue_prev": prev,
        "revenue_growth": minus_one(ratio(revenue, prev)),
        "plan_year": annual,
        "plan_period": this_period,
        "revenue_ytd": revenue_ytd,
        "revenue_ytd_prev_year": amount_of(ctx, won_in(ctx, y_prev)),
        "plan_attainment_ytd": ratio(revenue_ytd, annual),
        "plan_attainment_period": ratio(revenue, this_period),
        "won_count": won_count,
        "won_count_ytd": won_count_ytd,
        "avg_check": avg_check,
        "avg_check_ytd": ratio(revenue_ytd, won_count_ytd),
        "median_check": median_amount(ctx, won_p),
        "median_check_ytd": median_amount(ctx, won_y),
        "sales_cycle_days": cycle,
        "cost_of_cycle_day": ratio(avg_check, cycle),
        "lost_count": int(lost_p.sum()),
        "lost_amount": amount_of(ctx, lost_p),
    }


def remaining_days(ctx: ReportContext) -> np.ndarray:
    """Per stage column: mean days from reaching it to the won time over deals won as of T."""
    won = ctx.states.status == WON_STATUS
    reached = ctx.reached[won]
    closed = ctx.states.closed_at[won]
    ok = reached != NAT
    days = (closed[:, None] - np.where(ok, reached, closed[:, None])) / NS_PER_DAY
    n = ok.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, days.sum(axis=0) / np.maximum(n, 1), np.nan)


def expected_this_year(ctx: ReportContext) -> np.ndarray:
    """Open deals whose close is expected by 31 December of P's year (see the docstring)."""
    year_end = ts_ns(datetime(ctx.period.year + 1, 1, 1))
    st = ctx.states
    expected = ctx.deal_times("expected_close")
    has_date = expected != NAT
    rem = remaining_days(ctx)
    deal_rem = np.where(st.col >= 0, rem[np.clip(st.col, 0, None)], np.nan)
    by_remaining = ~np.isnan(deal_rem) & (ctx.T + np.nan_to_num(deal_rem) * NS_PER_DAY < year_end)
    return st.open & np.where(has_date, expected < year_end, by_remaining)


def forecast_figures(ctx: ReportContext, revenue_ytd: float, annual_plan: float | None) -> dict[str, float | None]:
    counted = expected_this_year(ctx)
    forecast = revenue_ytd + float((ctx.amount0 * ctx.weight_of_open())[counted].sum())
    return {
        "forecast_year": forecast,
        "pipeline_sufficiency": ratio(forecast, annual_plan),
        "forecast_run_rate": run_rate_forecast(ctx),
        "sales_velocity": sales_velocity(ctx),
    }


def trailing_check_and_cycle(ctx: ReportContext) -> tuple[float | None, float | None]:
    """``avg_check_365`` and ``sales_cycle_365``: over the deals won in (T − 365 days, T]."""
    won = won_in(ctx, trailing_year(ctx))
    return ratio(amount_of(ctx, won), int(won.sum())), mean(cycle_days(ctx, won))


def open_from_qualified(ctx: ReportContext) -> np.ndarray | None:
    """Open deals whose current stage has ``eff >= order(qualified)`` (None without that stage)."""
    return ctx.open_with_eff("qualified", None, high_inclusive=True)


def sales_velocity(ctx: ReportContext) -> float | None:
    """open_qualified × probability(qualified) × avg_check_365 / sales_cycle_365 (money per day)."""
    col = ctx.layout.col("qualified")
    population = open_from_qualified(ctx)
    if col is None or population is None:
        return None
    avg_check, cycle = trailing_check_and_cycle(ctx)
    probability = ctx.probability[col]
    if avg_check is None or np.isnan(probability):
        return None
    return ratio(int(population.sum()) * float(probability) * avg_check, cycle)


def run_rate_forecast(ctx: ReportContext) -> float | None:
    """open_at(qualified) × avg_check_365 × probability(qualified) × 365 / sales_cycle_365."""
    col = ctx.layout.col("qualified")
    if col is None:
        return None
    at_qualified = int((ctx.states.open & (ctx.states.col == col)).sum())
    won = won_in(ctx, trailing_year(ctx))
    avg_check = ratio(amount_of(ctx, won), int(won.sum()))
    cycle = mean(cycle_days(ctx, won))
    probability = ctx.probability[col]
    if avg_check is None or np.isnan(probability):
        return None
    return ratio(at_qualified * avg_check * float(probability) * 365, cycle)


def revenue_by_month(ctx: ReportContext) -> list[dict[str, object]]:
    """Twelve rows for P's year (revenue as of T; months starting after T are null)."""
    year = ctx.period.year
    rows: list[dict[str, object]] = []
    cum_revenue, cum_plan = 0.0, 0.0
    plan_missing = False
    for month in range(1, 13):
        this = month_period(year, month)
        last_year = month_period(year - 1, month)
        started = ts_ns(this.start) <= ctx.T
        revenue = amount_of(ctx, won_in(ctx, ctx.window(this.start, this.end))) if started else None
        plan = ctx.plans.month(year, month)
        plan_missing = plan_missing or plan is None
        cum_plan += plan or 0.0
        if revenue is not None:
            cum_revenue += revenue
        rows.append({
            "month": this.label,
            "revenue": revenue,
            "revenue_prev_year": amount_of(ctx, won_in(ctx, ctx.window(last_year.start, last_year.end))),
            "plan": plan,
            "revenue_ytd": cum_revenue if started else None,
            "plan_ytd": None if plan_missing else cum_plan,
        })
    return rows
