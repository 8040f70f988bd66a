"""Stage figures from the metrics engine, for the board: the stage's win rate (the weight
of the weighted pipeline) and the 90th percentile of past stays (how long is "stuck").

The engine owns the formulas (spec/metrics.md: ``win_rate``, ``p90_days_in_stage``);
this module only calls it and never computes a metric itself. The board asks for the
figures in a background thread after its first paint, so opening stays fast; until they
arrive (or when this build has no engine) the headers show no weighted sum and only
stages with the manager's rot days can mark a deal as stuck.

A manager's ``probability_override`` replaces the computed win rate, as the spec says.
When a deal is stuck is ``metrics.stuck`` (rot days, else the p90 of the last year's
stays), shared with the start page; the board applies the stage's rot days live, so an
edit in the funnel rules re-marks the cards without recomputing the figures.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from voronka.models.queries.board import BoardStage


@dataclass(frozen=True, slots=True)
class StageFigures:
    win_rate: float | None = None
    p90_days: float | None = None


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def load_stage_figures(frames_of: Callable[[str], Any], pipeline_key: str,
                       as_of: datetime) -> dict[int, StageFigures] | None:
    """Win rate and p90 stay per stage id, from the metrics engine; None without an engine.
    ``frames_of(pipeline_key)`` gives the pipeline's frames: the application's shared cache
    (``views.reports.frames_cache``), so the board, the report and the start page load them once."""
    try:
        from voronka.metrics.stages_table import stage_win_rates
        from voronka.metrics.stuck import p90_stay_days
    except ImportError:
        return None
    frames = frames_of(pipeline_key)
    stays = p90_stay_days(frames, as_of)
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
    """Days in the stage after which a deal is stuck (``metrics.stuck.stuck_after_days``)."""
    from voronka.metrics.stuck import stuck_after_days as rule

    known = figures.get(stage.id)
    return rule(stage.rot_days, known.p90_days if known else None)


def days_between(earlier: datetime, later: datetime) -> float:
    """Fractional days, as the metrics count them."""
    return (later - earlier).total_seconds() / 86400
