"""Stage reach counts and cohort conversions (spec/metrics.md, "Definitions").

A count of deals that reached X in a window counts reaches at or before T; lost deals
are included. **Cohort conversion from A to B**: among the deals that reached A in the
year-to-date window Y, the share that reached B at or before T (lost deals stay in
numerator and denominator); None for an empty cohort. A metric about a stage the
pipeline does not have is None.
"""
from __future__ import annotations

import numpy as np

from .context import ReportContext, Window
from .figures import ratio
from .reached import NAT

# metric id → (stage key, "P" for the period or "Y" for the year to date)
REACH_COUNTS: dict[str, tuple[str, str]] = {
    "worked_count": ("work_started", "P"),
    "worked_count_ytd": ("work_started", "Y"),
    "replied_count": ("replied", "P"),
    "positive_count": ("replied_positive", "P"),
    "demos_appointed_count": ("demo_appointed", "P"),
    "demos_run_count": ("demo_run", "P"),
    "demos_run_count_ytd": ("demo_run", "Y"),
    "offers_sent_count": ("offer_sent", "P"),
}

# metric id → (from stage, to stage)
CONVERSIONS: dict[str, tuple[str, str]] = {
    "conv_reply": ("work_started", "replied"),
    "conv_positive": ("work_started", "replied_positive"),
    "conv_demo_appointed": ("work_started", "demo_appointed"),
    "conv_demo": ("work_started", "demo_run"),
    "conv_offer": ("work_started", "offer_sent"),
    "conv_client": ("work_started", "signed"),
    "conv_demo_from_positive": ("replied_positive", "demo_run"),
    "conv_client_from_demo": ("demo_run", "signed"),
}


def stage_times(ctx: ReportContext, key: str) -> np.ndarray | None:
    """Reach times of stage ``key`` per deal; ``signed`` falls back to the won stage."""
    col = ctx.layout.col(key)
    if col is None and key == "signed":
        col = ctx.layout.won_col
    return None if col is None else ctx.reached[:, col]


def reached_in(ctx: ReportContext, key: str, window: Window) -> np.ndarray | None:
    times = stage_times(ctx, key)
    return None if times is None else window.has(times)


def reach_count(ctx: ReportContext, metric_id: str) -> int | None:
    key, which = REACH_COUNTS[metric_id]
    mask = reached_in(ctx, key, ctx.P if which == "P" else ctx.Y)
    return None if mask is None else int(mask.sum())


def cohort_and_converted(ctx: ReportContext, a: str, b: str, cohort_window: Window | None = None,
                         within: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """(cohort, converted) deal masks of the cohort conversion from ``a`` to ``b``.

    The cohort reached ``a`` in ``cohort_window`` (default Y), restricted to ``within``;
    ``converted`` is the part of it that reached ``b`` at or before T.
    """
    times_a, times_b = stage_times(ctx, a), stage_times(ctx, b)
    if times_a is None or times_b is None:
        return None
    cohort = (cohort_window or ctx.Y).has(times_a)
    if within is not None:
        cohort &= within
    return cohort, cohort & (times_b != NAT)


def conversion(ctx: ReportContext, a: str, b: str, cohort_window: Window | None = None,
               within: np.ndarray | None = None) -> float | None:
    masks = cohort_and_converted(ctx, a, b, cohort_window, within)
    if masks is None:
        return None
    cohort, converted = masks
    return ratio(int(converted.sum()), int(cohort.sum()))


def conversion_figures(ctx: ReportContext) -> dict[str, float | int | None]:
    out: dict[str, float | int | None] = {m: reach_count(ctx, m) for m in REACH_COUNTS}
    out.update({m: conversion(ctx, a, b) for m, (a, b) in CONVERSIONS.items()})
    return out
