"""The deals behind a number of the report, for the report view's drill-down.

``deals_behind`` uses the very masks the report counts, so the list of a count (or of
a ratio's numerator) always has as many deals as the figure says. ``part="denominator"``
gives a ratio's population instead (a conversion's cohort, the open deals a share is
taken of). Money figures list the deals summed (``revenue``: the deals won in P).
Metrics that are not about deals (plans, sales actions, per-day rates, the recurring
revenue of the Client Success pipelines) raise ``NoDealList``. ``rep_deals`` lists one
rep's deals of the reps table: their year-to-date cohort, the part of it that reached a
stage, or the wins credited to them.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

import numpy as np
import pandas as pd

from voronka.models.errors import VoronkaError

from .catalogue import by_id
from .context import ReportContext
from .conversions import CONVERSIONS, REACH_COUNTS, cohort_and_converted, reached_in, stage_times
from voronka.models.frames import FunnelFrames
from .periods import Period
from .pipeline import PIPELINE_MASKS, active_open, open_deals
from .report import report_context
from .reps_table import rep_cohorts, rep_wins
from .revenue import expected_this_year, lost_in, open_from_qualified, trailing_year, won_in, won_in_previous
from .reached import NAT
from .timeline import ts_ns

Mask = Callable[[ReportContext], np.ndarray | None]


class NoDealList(VoronkaError):
    """The metric is not a count or sum over deals."""

    def __init__(self, metric_id: str, why: str):
        super().__init__(f"Metric {metric_id!r} {why}.")
        self.metric_id = metric_id


def _conversion(a: str, b: str, index: int) -> Mask:
    def mask(ctx: ReportContext) -> np.ndarray | None:
        masks = cohort_and_converted(ctx, a, b)
        return None if masks is None else masks[index]
    return mask


def _reach(key: str, which: str) -> Mask:
    return lambda ctx: reached_in(ctx, key, ctx.P if which == "P" else ctx.Y)


_won_p: Mask = lambda ctx: won_in(ctx, ctx.P)  # noqa: E731
_won_y: Mask = lambda ctx: won_in(ctx, ctx.Y)  # noqa: E731
_lost_p: Mask = lambda ctx: lost_in(ctx, ctx.P)  # noqa: E731

NUMERATORS: dict[str, Mask] = {
    "revenue": _won_p, "won_count": _won_p, "avg_check": _won_p, "sales_cycle_days": _won_p,
    "revenue_prev": won_in_previous,
    "revenue_ytd": _won_y, "won_count_ytd": _won_y, "avg_check_ytd": _won_y,
    "median_check": _won_p, "median_check_ytd": _won_y, "sales_velocity": open_from_qualified,
    "lost_count": _lost_p, "lost_amount": _lost_p,
    "forecast_year": expected_this_year,
    "forecast_run_rate": lambda ctx: won_in(ctx, trailing_year(ctx)),
    **{m: _reach(key, which) for m, (key, which) in REACH_COUNTS.items()},
    **{m: _conversion(a, b, 1) for m, (a, b) in CONVERSIONS.items()},
    **PIPELINE_MASKS,
}
DENOMINATORS: dict[str, Mask] = {
    **{m: _conversion(a, b, 0) for m, (a, b) in CONVERSIONS.items()},
    "stuck_share_active": active_open,
    "stuck_share_all": open_deals,
    "funnel_balance": open_deals,
}


def deals_behind(frames: FunnelFrames, metric_id: str, period: Period,
                 as_of: datetime | pd.Timestamp | None = None, owner_id: int | None = None,
                 part: Literal["numerator", "denominator"] = "numerator",
                 now: datetime | None = None) -> list[int]:
    """The ids of the deals behind ``metric_id`` (sorted); ``NoDealList`` if it has none."""
    try:
        by_id(metric_id)
    except KeyError:
        raise NoDealList(metric_id, "is not in the metric catalogue") from None
    table = NUMERATORS if part == "numerator" else DENOMINATORS
    if metric_id not in table:
        raise NoDealList(metric_id, "is not a count of deals" if part == "numerator"
                         else "is not a share of deals")
    ctx = report_context(frames, period, as_of, owner_id, now)
    mask = table[metric_id](ctx)
    if mask is None:
        return []
    return [int(i) for i in ctx.log.deal_ids[mask]]


def rep_deals(frames: FunnelFrames, period: Period, user_id: int, *, stage: str | None = None,
              wins: bool = False, as_of: datetime | pd.Timestamp | None = None,
              now: datetime | None = None) -> list[int]:
    """The ids of one rep's deals behind the reps table (sorted): their year-to-date cohort
    (deals whose reach of work_started in Y is credited to them); with ``stage``, the part of
    it that reached that stage at or before T; with ``wins``, the deals won in Y credited to
    them instead. An unknown stage gives no deals."""
    ctx = report_context(frames, period, as_of, None, now)
    rows = rep_wins(ctx) if wins else rep_cohorts(ctx)
    deals = rows["deal"].to_numpy()[rows["user_id"].to_numpy() == user_id]
    if stage is not None and not wins:
        times = stage_times(ctx, stage)
        if times is None:
            return []
        deals = deals[times[deals] != NAT]
    return sorted(int(i) for i in ctx.log.deal_ids[deals])
