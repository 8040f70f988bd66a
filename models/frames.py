"""The data frames a report is computed from, and their columns.

``models.loader.load_frames`` fills them from the database with a few queries; tests
build them by hand. Times are naive local datetimes (``datetime64[ns]``), amounts
are floats in the pipeline's currency units (missing amount: NaN, counted as 0 in sums).

stages      stage_id, key, position, side_of_id, won, name_ru, name_en,
            probability_override, rot_days, archived (optional)  (ordered by position;
            a merged stage is not among them: see ``metrics.funnel_edits``)
deals       deal_id, name, owner_id, company_id, company, amount, created_at,
            expected_close, source, segment, cohort, status, stage_id, closed_at,
            lost_reason_id                                       (current state; metrics
            use the event log for anything "as of")
events      event_id, deal_id, kind, at, user_id, stage_id, owner_id, lost_reason_id
activities  activity_id, type, at, user_id, deal_id
users       user_id, name, role, active
plans       year, month (NaN = annual), user_id (NaN = team), amount
lost_reasons lost_reason_id, text, text_en
success     the Client Success pipelines (``SuccessFrames``; None when the team has none)
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .workdays import WorkCalendar

STAGE_COLUMNS = ["stage_id", "key", "position", "side_of_id", "won", "name_ru", "name_en",
                 "probability_override", "rot_days"]
DEAL_COLUMNS = ["deal_id", "name", "owner_id", "company_id", "company", "amount", "created_at",
                "expected_close", "source", "segment", "cohort", "status", "stage_id", "closed_at",
                "lost_reason_id"]
EVENT_COLUMNS = ["event_id", "deal_id", "kind", "at", "user_id", "stage_id", "owner_id", "lost_reason_id"]
ACTIVITY_COLUMNS = ["activity_id", "type", "at", "user_id", "deal_id"]
USER_COLUMNS = ["user_id", "name", "role", "active"]
PLAN_COLUMNS = ["year", "month", "user_id", "amount"]
LOST_REASON_COLUMNS = ["lost_reason_id", "text", "text_en"]


def empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


SUCCESS_DEAL_COLUMNS = ["deal_id", "pipeline_id", "amount", "billing_months", "owner_id"]


@dataclass
class SuccessFrames:
    """The deals of every Client Success pipeline, for the recurring-revenue metrics.

    stages  the stages of those pipelines (``STAGE_COLUMNS``)
    deals   deal_id, pipeline_id, amount, billing_months (of the deal's pipeline), owner_id
    events  their event log (``EVENT_COLUMNS``)
    """

    stages: pd.DataFrame
    deals: pd.DataFrame
    events: pd.DataFrame
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def as_funnel(self) -> FunnelFrames:
        """The same deals as ``FunnelFrames`` (built once), so the event-log machinery applies."""
        frames = self.derived.get("funnel")
        if frames is None:
            frames = FunnelFrames("success", self.stages, self.deals, self.events)
            self.derived["funnel"] = frames
        return frames


@dataclass
class FunnelFrames:
    """Everything one pipeline's report needs, as plain frames."""

    pipeline_key: str
    stages: pd.DataFrame
    deals: pd.DataFrame
    events: pd.DataFrame
    activities: pd.DataFrame = field(default_factory=lambda: empty(ACTIVITY_COLUMNS))
    users: pd.DataFrame = field(default_factory=lambda: empty(USER_COLUMNS))
    plans: pd.DataFrame = field(default_factory=lambda: empty(PLAN_COLUMNS))
    lost_reasons: pd.DataFrame = field(default_factory=lambda: empty(LOST_REASON_COLUMNS))
    currency: str = "RUB"
    success: SuccessFrames | None = None
    calendar: WorkCalendar = field(default_factory=WorkCalendar)  # the team's working days
    # what the metrics derive from these frames and reuse (e.g. the sorted event log); the
    # frames are treated as read-only — replace a frame rather than change it in place
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)
