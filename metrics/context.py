"""What one report is computed from: the frames, the period P, the moment T, and the
per-deal arrays every metric shares (states as of T, reach times, stage weights).

Windows are half-open nanosecond intervals. "In P" means in [start, end) and at or
before T; the year-to-date window Y is [1 January of P's year, T]; both contain
nothing when T is before their start.

**Owner filter** (``scope_to_owner``): the report view can show one user's report.
It keeps the deals whose owner *as of T* is that user (with all their history, also
from before the user owned them), the activities that user made, and that user's
row of the users table and personal plans; team plans stay (so plan figures are the
team's). A reach or a win of a deal that was later handed to someone else therefore
shows in the new owner's filtered report, while the users table credits the user who
made it (see ``users_table``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from voronka.models.frames import FunnelFrames
from .periods import Period, period_of
from .plans import PlanBook
from .reached import NAT, Reaches, StageLayout, as_ns
from .timeline import LOST_STATUS, NS_PER_DAY, WON_STATUS, DealStates, EventLog, deal_states, ts_ns


@dataclass(frozen=True)
class Window:
    """[lo, hi) in int64 nanoseconds."""

    lo: int
    hi: int

    def has(self, times: np.ndarray) -> np.ndarray:
        return (times >= self.lo) & (times < self.hi)


def shift_year_back(moment: pd.Timestamp) -> pd.Timestamp:
    """The same month, day and time a year earlier; 29 February maps to 28 February."""
    day = 28 if (moment.month, moment.day) == (2, 29) else moment.day
    return moment.replace(year=moment.year - 1, day=day)


class ReportContext:
    """Shared, lazily computed inputs of one report (period P, as of T)."""

    def __init__(self, frames: FunnelFrames, period: Period, as_of: pd.Timestamp):
        self.frames = frames
        self.period = period
        self.as_of = pd.Timestamp(as_of).as_unit("ns")
        self.T = ts_ns(self.as_of)
        self.log = EventLog.of(frames)
        self.layout: StageLayout = self.log.layout
        deals = frames.deals.drop_duplicates("deal_id").set_index("deal_id").reindex(self.log.deal_ids)
        self.deals = deals
        self.amount = pd.to_numeric(deals["amount"], errors="coerce").to_numpy("float64", na_value=np.nan)
        self.amount0 = np.nan_to_num(self.amount, nan=0.0)
        self.deal_owner = pd.to_numeric(deals["owner_id"], errors="coerce").to_numpy("float64", na_value=np.nan)
        self.P = self.window(period.start, period.end)
        self.Y = Window(ts_ns(period.year_start), self.T + 1)

    def deal_times(self, column: str) -> np.ndarray:
        """A time column of the deals as int64 ns aligned with the deal rows (``NAT`` if empty)."""
        if column not in self.deals:
            return np.full(self.log.n_deals, NAT, dtype="int64")
        return as_ns(pd.to_datetime(self.deals[column], errors="coerce"))

    def window(self, start: object, end: object) -> Window:
        """[start, end) cut at T."""
        return Window(ts_ns(start), min(ts_ns(end), self.T + 1))

    @cached_property
    def plans(self) -> PlanBook:
        return PlanBook(self.frames.plans, self.frames.calendar)

    # --- per-deal state ----------------------------------------------------------------
    @cached_property
    def states(self) -> DealStates:
        return deal_states(self.log, self.deal_owner, self.T)

    def states_at(self, as_of_ns: int) -> DealStates:
        return self.states if as_of_ns == self.T else deal_states(self.log, self.deal_owner, as_of_ns)

    @cached_property
    def reaches(self) -> Reaches:
        return self.log.reaches(self.T)

    @cached_property
    def reached(self) -> np.ndarray:
        """deal row × stage column: reach time (int64 ns) at or before T, ``NAT`` if not reached."""
        out = np.full((self.log.n_deals, len(self.layout.keys)), NAT, dtype="int64")
        r = self.reaches
        out[r.deal, r.col] = r.at
        return out

    def reached_col(self, key: str) -> np.ndarray | None:
        c = self.layout.col(key)
        return None if c is None else self.reached[:, c]

    @cached_property
    def current_eff(self) -> np.ndarray:
        """``eff`` of each deal's current stage as of T (-1 for deals that do not exist)."""
        col = self.states.col
        return np.where(col >= 0, self.layout.eff[np.clip(col, 0, None)], -1)

    def open_with_eff(self, low_key: str | None, high_key: str | None, *, high_inclusive: bool) -> np.ndarray | None:
        """Open deals whose current stage has ``eff`` from ``order(low)`` up to ``order(high)``."""
        lo = self.layout.pos(low_key) if low_key else 0
        hi = self.layout.pos(high_key) if high_key else np.iinfo(np.int64).max
        if lo is None or hi is None:
            return None
        eff = self.current_eff
        upper = eff <= hi if high_inclusive else eff < hi
        return self.states.open & (eff >= lo) & upper

    # --- stage probabilities -----------------------------------------------------------
    @cached_property
    def win_rate(self) -> np.ndarray:
        """Computed win rate per stage column: of the deals that reached the stage and were
        closed as of T, the share won (NaN when none closed)."""
        st = self.states
        reached = self.reached != NAT
        closed = (st.status == WON_STATUS) | (st.status == LOST_STATUS)
        won = st.status == WON_STATUS
        n_closed = (reached & closed[:, None]).sum(axis=0)
        n_won = (reached & won[:, None]).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(n_closed > 0, n_won / np.maximum(n_closed, 1), np.nan)

    @cached_property
    def probability(self) -> np.ndarray:
        """The weight of each stage: the manager's override where set, else the computed
        win rate (NaN when neither exists)."""
        override = self.frames.stages.set_index("stage_id")["probability_override"] \
            if "probability_override" in self.frames.stages else pd.Series(dtype="float64")
        over = pd.to_numeric(override.reindex(self.layout.stage_ids), errors="coerce").to_numpy("float64")
        return np.where(np.isnan(over), self.win_rate, over)

    @cached_property
    def weight(self) -> np.ndarray:
        """``probability`` with a null weight counting as 0."""
        return np.nan_to_num(self.probability, nan=0.0)

    def weight_of_open(self) -> np.ndarray:
        """Each deal's current-stage weight (0 for deals with no stage)."""
        col = self.states.col
        return np.where(col >= 0, self.weight[np.clip(col, 0, None)], 0.0)

    # --- durations --------------------------------------------------------------------
    @staticmethod
    def days(later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
        return (later - earlier) / NS_PER_DAY


def scope_to_owner(frames: FunnelFrames, owner_id: int, as_of: pd.Timestamp) -> FunnelFrames:
    """The frames of one owner's report (see the module docstring)."""
    ctx = ReportContext(frames, period_of("day", pd.Timestamp(as_of).to_pydatetime()), as_of)
    keep_ids = ctx.log.deal_ids[ctx.states.owner == owner_id]
    acts, plans, users = frames.activities, frames.plans, frames.users
    user_of_plan = pd.to_numeric(plans["user_id"], errors="coerce")
    return replace(
        frames,
        deals=frames.deals[frames.deals["deal_id"].isin(keep_ids)].reset_index(drop=True),
        events=frames.events[frames.events["deal_id"].isin(keep_ids)].reset_index(drop=True),
        activities=acts[pd.to_numeric(acts["user_id"], errors="coerce") == owner_id].reset_index(drop=True),
        users=users[pd.to_numeric(users["user_id"], errors="coerce") == owner_id].reset_index(drop=True),
        plans=plans[user_of_plan.isna() | (user_of_plan == owner_id)].reset_index(drop=True),
    )
