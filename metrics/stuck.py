"""When an open deal counts as stuck in its stage: the one rule the board's marker and the
start page's "Stuck deals" tile share (the report's ``stuck_share_*`` metrics keep the
catalogue's fixed 90 days).

Decisions where the spec is silent:
- a deal is stuck when its days in the current stage exceed the stage's rot days, or,
  where the manager set none, the 90th percentile of past stays in that stage (so
  "stuck" is measured against the stage's own history);
- past stays are those that ended in the last ``STAY_WINDOW_DAYS`` (365) days before
  the moment asked about, not the report's year to date, which in January knows little;
- a stage with neither rot days nor any ended stay has no limit: nothing there is stuck.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rule itself needs no pandas: the board imports it on its first paint
    import pandas as pd

    from voronka.models.frames import FunnelFrames

STAY_WINDOW_DAYS = 365


def p90_stay_days(frames: FunnelFrames, as_of: datetime) -> pd.Series:
    """The p90 of stays that ended in the year before ``as_of``, per stage id (NaN: none)."""
    from .stages_table import stay_stats

    return stay_stats(frames, as_of, since=as_of - timedelta(days=STAY_WINDOW_DAYS))["p90_days"]


def _known(value: float | None) -> bool:
    return value is not None and not math.isnan(float(value))


def stuck_after_days(rot_days: float | None, p90_days: float | None) -> float | None:
    """Days in a stage after which a deal is stuck: rot days, else the p90 stay, else None."""
    if _known(rot_days) and float(rot_days) > 0:  # type: ignore[arg-type]
        return float(rot_days)  # type: ignore[arg-type]
    return float(p90_days) if _known(p90_days) else None  # type: ignore[arg-type]


def stuck_limits(frames: FunnelFrames, as_of: datetime) -> dict[int, float | None]:
    """``stuck_after_days`` of every stage of the frames' pipeline, by stage id."""
    p90 = p90_stay_days(frames, as_of)
    return {int(row.stage_id): stuck_after_days(row.rot_days, p90.get(row.stage_id))
            for row in frames.stages.itertuples()}
