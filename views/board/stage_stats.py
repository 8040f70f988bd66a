"""Stage figures from the metrics engine, for the board: the stage's win rate (the weight
of the weighted pipeline) and the 90th percentile of past stays (how long is "stuck").

The engine owns the formulas (spec/metrics.md: ``win_rate``, ``p90_days_in_stage``);
this module only calls it and never computes a metric itself. The board asks for the
figures in a background thread after its first paint, so opening stays fast; until they
arrive (or when this build has no engine) the headers show no weighted sum and only
stages with the manager's rot days can mark a deal as stuck.

Decisions where the spec is silent:
- a manager's ``probability_override`` replaces the computed win rate, as the spec says;
- a deal is stuck when its days in the current stage exceed the stage's rot days, or,
  where the manager set none, the p90 of past stays; a stage without history has no
  threshold, so nothing there is marked stuck;
- "past stays" are those that ended in the last 365 days (not the report's year to date,
  which in January would know almost nothing).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.db import Database
from models.queries.board import BoardStage


STAY_WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class StageFigures:
    win_rate: float | None = None
    p90_days: float | None = None


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def load_stage_figures(db: Database, pipeline_key: str, as_of: datetime) -> dict[int, StageFigures] | None:
    """Win rate and p90 stay per stage id, from the metrics engine; None without an engine."""
    try:
        from metrics.stages_table import stage_win_rates, stay_stats
        from models.loader import load_frames
    except ImportError:
        return None
    frames = load_frames(db, pipeline_key)
    stays = stay_stats(frames, as_of, since=as_of - timedelta(days=STAY_WINDOW_DAYS))["p90_days"]
    rates = stage_win_rates(frames, as_of)
    return {int(stage_id): StageFigures(win_rate=_number(rates.get(stage_id)), p90_days=_number(stays.get(stage_id)))
            for stage_id in frames.stages["stage_id"]}


def probability(stage: BoardStage, figures: Mapping[int, StageFigures]) -> float | None:
    """The weight of the stage's deals: the manager's override, else the computed win rate."""
    if stage.probability_override is not None:
        return stage.probability_override
    known = figures.get(stage.id)
    return known.win_rate if known else None


def stuck_after_days(stage: BoardStage, figures: Mapping[int, StageFigures]) -> float | None:
    """Days in the stage after which a deal is stuck: rot days, else the p90 stay, else None."""
    if stage.rot_days:
        return float(stage.rot_days)
    known = figures.get(stage.id)
    return known.p90_days if known else None


def days_between(earlier: datetime, later: datetime) -> float:
    """Fractional days, as the metrics count them."""
    return (later - earlier).total_seconds() / 86400
