"""A report bundle: the JSON report of ``spec/exchange.md`` plus what the screen and the
exports need around it, so a snapshot reopens exactly as it was shown.

Keys added to the report object (all optional for readers):

``owner_id``, ``owner_name``  the owner filter (None: the whole team)
``stage_names``               stage key → ``{"ru": …, "en": …, "main": bool}``
``currency``                  the pipeline's currency (axis units)
``mrr_by_month``              the Client Success MRR of the 12 months ending with the as-of
                              moment's month (``metrics.recurring.mrr_by_month``; the team's,
                              whatever the owner filter; empty without Client Success)
``previous``                  ``{"period": {...}, "metrics": {...}}`` of the period just
                              before, as of its end (or of the as-of moment if earlier),
                              for the "change" column
``history``                   the trend the tab's charts draw: for a week the last
                              ``HISTORY_WEEKS`` weeks, for a day the last
                              ``HISTORY_DAYS`` working days, each ``{"label", "metrics", "users"}``
                              with a few metrics and each person's sales actions

The numbers are always the engine's (``metrics.report.compute_report``); nothing here
computes a metric.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from voronka.models.frames import FunnelFrames

HISTORY_WEEKS = 12
HISTORY_DAYS = 7
HISTORY_METRICS = ("conv_reply", "conv_positive", "conv_demo_appointed", "conv_demo", "conv_client",
                   "sales_actions", "actions_per_day_sdr", "actions_per_day_ae", "worked_count",
                   "revenue", "won_count")
Progress = Callable[[int, int, str], None]


def _as_of_for(period, as_of: datetime | None) -> datetime | None:
    """As of the period's last second, or of ``as_of`` if earlier (None: the engine's default)."""
    if as_of is None or as_of >= period.last_moment:
        return None
    return as_of


def stage_names(frames: FunnelFrames) -> dict[str, dict[str, Any]]:
    import pandas as pd

    return {str(r.key): {"ru": str(r.name_ru), "en": str(r.name_en), "main": bool(pd.isna(r.side_of_id))}
            for r in frames.stages.sort_values("position").itertuples()}


def owner_name(frames: FunnelFrames, owner_id: int | None) -> str | None:
    if owner_id is None:
        return None
    match = frames.users[frames.users["user_id"] == owner_id]
    return str(match["name"].iloc[0]) if len(match) else None


def main_report(frames: FunnelFrames, period, as_of: datetime | None = None,
                owner_id: int | None = None) -> dict[str, Any]:
    """The report itself plus owner and stage names: what the screen shows first."""
    from voronka.metrics.report import compute_report

    report = compute_report(frames, period, as_of=as_of, owner_id=owner_id)
    report["owner_id"] = owner_id
    report["owner_name"] = owner_name(frames, owner_id)
    report["stage_names"] = stage_names(frames)
    report["currency"] = frames.currency
    report["mrr_by_month"] = recurring_months(frames, period, as_of)
    return report


def recurring_months(frames: FunnelFrames, period, as_of: datetime | None = None) -> list[dict[str, Any]]:
    """MRR month by month for the MRR tab (the team's; empty without a Client Success pipeline)."""
    if frames.success is None:
        return []
    from voronka.metrics.recurring import mrr_by_month
    from voronka.metrics.report import clean, report_context

    return clean(mrr_by_month(report_context(frames, period, as_of)))


def history_periods(period) -> list:
    """The periods the tab's trend charts show, oldest first, ending with ``period``."""
    count = {"week": HISTORY_WEEKS, "day": HISTORY_DAYS}.get(period.kind, 0)
    periods = [period] if count else []
    before = period
    while len(periods) < count:
        before = before.previous()
        if before.kind == "day" and before.start.weekday() >= 5:
            continue  # the daily trend compares working days
        periods.insert(0, before)
    return periods


def add_context(report: dict[str, Any], frames: FunnelFrames, period, as_of: datetime | None = None,
                owner_id: int | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """Add the previous period and the trend history to ``report`` (in place; returns it)."""
    from voronka.metrics.report import compute_report

    prev = period.previous()
    periods = [p for p in history_periods(period) if p.label != period.label]
    total = 1 + len(periods)
    if progress:
        progress(0, total, "")
    previous = compute_report(frames, prev, as_of=_as_of_for(prev, as_of), owner_id=owner_id)
    report["previous"] = {"period": previous["period"], "metrics": previous["metrics"]}
    by_label = {prev.label: previous}
    history = []
    for i, p in enumerate(periods, 1):
        if progress:
            progress(i, total, "")
        rep = by_label.get(p.label) or compute_report(frames, p, as_of=_as_of_for(p, as_of), owner_id=owner_id)
        history.append(_history_point(rep))
    if period.kind in ("week", "day"):
        history.append(_history_point(report))
    report["history"] = history
    return report


def _history_point(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "label": report["period"]["label"],
        "metrics": {k: report["metrics"].get(k) for k in HISTORY_METRICS},
        "users": [{"name": u.get("name"), "role": u.get("role"), "sales_actions": u.get("sales_actions"),
                   "actions_per_day": u.get("actions_per_day")} for u in report.get("users", [])],
    }


def build_bundle(frames: FunnelFrames, period, as_of: datetime | None = None, owner_id: int | None = None,
                 progress: Progress | None = None) -> dict[str, Any]:
    """Everything at once (the command line's exports): report, previous period, history."""
    report = main_report(frames, period, as_of, owner_id)
    return add_context(report, frames, period, as_of, owner_id, progress)

