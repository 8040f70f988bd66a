"""The open pipeline as of T: open deals and amounts, the weighted pipeline, stuck deals,
funnel balance, zero-amount deals after qualification and deals in outreach.

Each figure with a deal list is built from a mask (``PIPELINE_MASKS``), so the report
view's drill-down shows exactly the deals counted. A deal is **stuck** when its latest
stage entry (as of T) is at or before T − 90 days.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .context import ReportContext
from .figures import share
from .timeline import NS_PER_DAY

STUCK_DAYS = 90


def open_deals(ctx: ReportContext) -> np.ndarray:
    return ctx.states.open


def stuck(ctx: ReportContext) -> np.ndarray:
    return ctx.states.entered_at <= ctx.T - STUCK_DAYS * NS_PER_DAY


def active_open(ctx: ReportContext) -> np.ndarray | None:
    """Open deals whose stage has ``eff`` in [order(work_started), order(signed))."""
    return ctx.open_with_eff("work_started", "signed", high_inclusive=False)


def stuck_active(ctx: ReportContext) -> np.ndarray | None:
    population = active_open(ctx)
    return None if population is None else population & stuck(ctx)


def stuck_all(ctx: ReportContext) -> np.ndarray:
    return open_deals(ctx) & stuck(ctx)


def before_demo(ctx: ReportContext) -> np.ndarray | None:
    return ctx.open_with_eff(None, "demo_run", high_inclusive=False)


def zero_amount_qualified(ctx: ReportContext) -> np.ndarray | None:
    qualified = ctx.open_with_eff("qualified", None, high_inclusive=True)
    if qualified is None:
        return None
    return qualified & (np.isnan(ctx.amount) | (ctx.amount == 0))


def in_outreach_sdr(ctx: ReportContext) -> np.ndarray | None:
    return ctx.open_with_eff("work_started", "demo_appointed", high_inclusive=True)


def in_outreach_ae(ctx: ReportContext) -> np.ndarray | None:
    return ctx.open_with_eff("demo_run", "offer_sent", high_inclusive=True)


# metric id → the deals it counts (a ratio's numerator); None when a stage is missing
PIPELINE_MASKS: dict[str, Callable[[ReportContext], np.ndarray | None]] = {
    "open_count": open_deals,
    "open_amount": open_deals,
    "weighted_pipeline": open_deals,
    "stuck_share_active": stuck_active,
    "stuck_share_all": stuck_all,
    "funnel_balance": before_demo,
    "zero_amount_qualified": zero_amount_qualified,
    "in_outreach_sdr": in_outreach_sdr,
    "in_outreach_ae": in_outreach_ae,
}


def _count(mask: np.ndarray | None) -> int | None:
    return None if mask is None else int(mask.sum())


def _share(mask: np.ndarray | None, population: np.ndarray | None) -> float | None:
    return None if mask is None or population is None else share(mask, population)


def pipeline_figures(ctx: ReportContext) -> dict[str, float | int | None]:
    is_open = open_deals(ctx)
    return {
        "open_count": int(is_open.sum()),
        "open_amount": float(ctx.amount0[is_open].sum()),
        "weighted_pipeline": float((ctx.amount0 * ctx.weight_of_open())[is_open].sum()),
        "stuck_share_active": _share(stuck_active(ctx), active_open(ctx)),
        "stuck_share_all": _share(stuck_all(ctx), is_open),
        "funnel_balance": _share(before_demo(ctx), is_open),
        "zero_amount_qualified": _count(zero_amount_qualified(ctx)),
        "in_outreach_sdr": _count(in_outreach_sdr(ctx)),
        "in_outreach_ae": _count(in_outreach_ae(ctx)),
    }
