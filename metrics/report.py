"""``compute_report``: the JSON report of spec/exchange.md for one pipeline, period and T.

T defaults to ``min(P's last second, now)`` (spec/metrics.md's ``min(end, now)`` read
with its JSON example: October's default T is ``2026-10-31T23:59:59``, so an event at
1 November 00:00 belongs to November only; see ``Period.last_moment``). Only events at
or before T count. ``metrics`` has every catalogue id in catalogue
order; ``targets`` has every metric that has a target in the catalogue, with the value
this report applies (null where it does not apply: growth of a week or a day, an
in-outreach band with no active user of its role). Values that cannot be computed are
None — never NaN: the result passes ``json.dumps(allow_nan=False)``. Money is rounded
to kopecks (2 decimals); ratios are fractions; times are local ISO strings.
"""
from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from voronka.models.clock import local_now

from .activity import activity_figures, users_with_role
from .catalogue import CATALOGUE, target_for
from .context import ReportContext, scope_to_owner
from .conversions import conversion_figures
from voronka.models.frames import FunnelFrames
from .periods import Period
from .pipeline import pipeline_figures
from .plan_decomposition import needed_actions_per_day_sdr, plan_decomposition
from .recurring import recurring_figures
from .reps_table import reps_table
from .revenue import forecast_figures, revenue_by_month, revenue_figures
from .stages_table import stages_table
from .tables import cohorts_table, lost_reasons_table, sources_table
from .users_table import reps_at_plan_share, users_table

MONEY_FIELDS = frozenset({
    "open_amount", "weighted_amount", "revenue", "amount", "revenue_ytd", "revenue_prev_year", "plan",
    "plan_ytd", "plan_period", "avg_check_ytd", "mrr", "mrr_new", "mrr_churned", "net",
})


def resolve_as_of(period: Period, as_of: datetime | pd.Timestamp | None, now: datetime | None) -> pd.Timestamp:
    """T: the given moment, else ``min(P's last second, now)``."""
    if as_of is not None:
        return pd.Timestamp(as_of).as_unit("ns")
    return pd.Timestamp(min(period.last_moment, now or local_now())).as_unit("ns")


def report_context(frames: FunnelFrames, period: Period, as_of: datetime | pd.Timestamp | None = None,
                   owner_id: int | None = None, now: datetime | None = None) -> ReportContext:
    """The shared inputs of one report (used by ``compute_report`` and the drill-down)."""
    t = resolve_as_of(period, as_of, now)
    if owner_id is not None:
        frames = scope_to_owner(frames, owner_id, t)
    return ReportContext(frames, period, t)


def compute_report(frames: FunnelFrames, period: Period, as_of: datetime | pd.Timestamp | None = None,
                   owner_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The JSON report object (see the module docstring and spec/exchange.md)."""
    ctx = report_context(frames, period, as_of, owner_id, now)
    values = revenue_figures(ctx)
    values.update(forecast_figures(ctx, float(values["revenue_ytd"] or 0.0), values["plan_year"]))
    values.update(conversion_figures(ctx))
    values.update(pipeline_figures(ctx))
    values.update(activity_figures(ctx))
    values.update(recurring_figures(ctx))
    users = users_table(ctx)
    values["reps_at_plan_share"] = reps_at_plan_share(users)
    decomposition = plan_decomposition(ctx, values["plan_period"])
    values["needed_actions_per_day_sdr"] = needed_actions_per_day_sdr(ctx, decomposition)
    metrics = {m.id: _metric_value(values.get(m.id), m.kind) for m in CATALOGUE}
    targets = {}
    for m in CATALOGUE:
        if m.target is not None:
            people = len(users_with_role(ctx, m.per_role, active_only=True)) if m.per_role else None
            targets[m.id] = target_for(m.id, period.kind, people)
    return {
        "pipeline": ctx.frames.pipeline_key,
        "period": {
            "kind": period.kind, "label": period.label, "start": iso(period.start), "end": iso(period.end),
            "as_of": iso(ctx.as_of),
            # working days by the team's calendar (models.workdays): gone by T, and in all of P
            "working_days": period.working_days(ctx.as_of.to_pydatetime(), frames.calendar),
            "working_days_total": period.working_days(period.last_moment, frames.calendar),
        },
        "metrics": metrics,
        "targets": targets,
        "stages": clean(stages_table(ctx)),
        "users": clean(users),
        "lost_reasons": clean(lost_reasons_table(ctx)),
        "sources": clean(sources_table(ctx)),
        "cohorts": clean(cohorts_table(ctx)),
        "revenue_by_month": clean(revenue_by_month(ctx)),
        "reps": clean(reps_table(ctx)),
        "plan_decomposition": clean(decomposition),
    }


def iso(moment: datetime | pd.Timestamp) -> str:
    """Local ISO time without offset, to the second (microseconds only when present)."""
    ts = pd.Timestamp(moment)
    return ts.isoformat(timespec="microseconds" if ts.microsecond or ts.nanosecond else "seconds")


def _metric_value(value: object, kind: str) -> float | int | None:
    value = clean(value)
    if value is None:
        return None
    if kind == "count":
        return int(value)
    if kind == "money":
        return round(float(value), 2)
    return float(value)


def clean(value: Any, field: str | None = None) -> Any:
    """Plain JSON values: numpy scalars to Python, NaN/NaT to None, money to kopecks."""
    if isinstance(value, dict):
        return {k: clean(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return None
        return round(number, 2) if field in MONEY_FIELDS else number
    if isinstance(value, (datetime, pd.Timestamp)):
        return iso(value)
    return value
