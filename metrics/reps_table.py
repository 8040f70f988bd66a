"""The reps table: the team side by side, as the head of sales compares reps (spec/metrics.md,
second edition), plus one row (``name`` None) with the team median of each column.

- **Who has a row**: every user who owned a deal that was open at some moment of Y, or
  was credited with a stage reach (main or side) or a win in Y; sales actions alone make
  no row. "Owned a deal open at some moment of Y" is checked where ownership or status
  can change: at Y's start, at each owner change, creation and reopening in Y.
- **Cohort**: the deals whose reach of ``work_started`` falls in Y and is credited to the
  user (the users table's rule: whoever moved the card, else the owner then); the
  conversions are the share of that cohort that reached the stage at or before T.
- **Wins**: deals won in Y (status as of T) credited to the owner at the won time;
  ``sales_cycle_days_ytd`` is their mean days from ``work_started`` to won.
- ``win_rate_ytd``: of the deals the user owned when they closed (won or lost in Y),
  the share won. ``plan_attainment_ytd``: ``revenue_ytd`` ÷ the user's plan for P's
  year (their yearly row, else the sum of their monthly rows). ``actions_per_day``:
  their sales actions in P ÷ working days of P.
- The median row takes, per column, the median over the rows that have a value
  (``numpy.median``: the mean of the two middle values for an even count).

``rep_cohorts`` and ``rep_wins`` give the deal masks behind a row (the report view's
drill-down to one rep's deals at one stage).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .activity import actions_in_period, working_days
from .context import ReportContext
from .conversions import stage_times
from .figures import ratio
from .reached import NAT
from .revenue import won_in
from .timeline import LOST, LOST_STATUS, NS_PER_DAY, OWNER, REOPENED, STAGE, WON, WON_STATUS, owners_at
from .users_table import credit_users

# column → stage key whose reach (at or before T) the cohort conversion counts
REP_CONVERSIONS = {
    "conv_reply": "replied",
    "conv_positive": "replied_positive",
    "conv_demo": "demo_run",
    "conv_client": "signed",
}
REP_COLUMNS = ("cohort", *REP_CONVERSIONS, "won_count_ytd", "revenue_ytd", "avg_check_ytd",
               "sales_cycle_days_ytd", "win_rate_ytd", "plan_attainment_ytd", "actions_per_day")


def rep_cohorts(ctx: ReportContext) -> pd.DataFrame:
    """The deals whose reach of work_started in Y is credited to each user: columns ``deal``
    (row in the log) and ``user_id``."""
    col = ctx.layout.col("work_started")
    r = ctx.reaches
    if col is None:
        return pd.DataFrame({"deal": np.array([], "int64"), "user_id": np.array([], "float64")})
    mask = (r.col == col) & ctx.Y.has(r.at)
    return pd.DataFrame({"deal": r.deal[mask], "user_id": credit_users(ctx, r.deal[mask], r.at[mask], r.entry[mask])})


def _closed_in_year(ctx: ReportContext) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Deals closed (won or lost, as of T) in Y: (deal rows, owner at the close, won?)."""
    st = ctx.states
    closed = np.flatnonzero(((st.status == WON_STATUS) | (st.status == LOST_STATUS)) & ctx.Y.has(st.closed_at))
    return closed, owners_at(ctx.log, ctx.deal_owner, closed, st.closed_at[closed]), st.status[closed] == WON_STATUS


def rep_wins(ctx: ReportContext) -> pd.DataFrame:
    """Deals won in Y: columns ``deal`` and ``user_id`` (owner at the won time)."""
    closed, owner, won = _closed_in_year(ctx)
    return pd.DataFrame({"deal": closed[won], "user_id": owner[won]})


def _last_row_where(log, mask: np.ndarray) -> np.ndarray:
    """Per log row: the latest row of the same deal at or before it (in log order) where
    ``mask`` holds, else -1. One pass, no sorting: the log is already in (deal, time) order."""
    n = len(log.deal)
    last = np.maximum.accumulate(np.where(mask, np.arange(n), -1)) if n else np.array([], "int64")
    first_of_deal = np.ones(n, dtype=bool)
    first_of_deal[1:] = log.deal[1:] != log.deal[:-1]
    deal_start = np.maximum.accumulate(np.where(first_of_deal, np.arange(n), 0)) if n else last
    return np.where(last >= deal_start, last, -1)


def _owners_of_open_deals(ctx: ReportContext) -> np.ndarray:
    """Users who owned a deal at a moment of Y when it was open (see the module docstring).

    The moments after Y's start are log rows (owner changes, creations, reopenings), so the
    owner and the status in effect there are read off the log in one pass each."""
    log = ctx.log
    lo = ctx.Y.lo
    if lo > ctx.T:
        return np.array([], "float64")
    at_start = ctx.states_at(lo)
    owners = [at_start.owner[at_start.open]]
    entry = (log.kind == STAGE) & (log.col >= 0)
    first_entry = np.zeros(len(log.at), dtype=bool)
    _, i = log.first_per_deal(entry)
    first_entry[i] = True
    moments = np.flatnonzero((log.at >= lo) & (log.at <= ctx.T)
                             & ((log.kind == OWNER) | (log.kind == REOPENED) | first_entry))
    if len(moments):
        status = _last_row_where(log, (log.kind == WON) | (log.kind == LOST) | (log.kind == REOPENED))[moments]
        is_open = (status < 0) | (log.kind[np.clip(status, 0, None)] == REOPENED)
        entered = _last_row_where(log, entry)[moments] >= 0
        is_owner = (log.kind == OWNER) & ~np.isnan(log.owner)
        owner_row = _last_row_where(log, is_owner)[moments]
        fallback = np.asarray(ctx.deal_owner, dtype="float64").copy()
        d, i = log.first_per_deal(is_owner)
        fallback[d] = log.owner[i]
        owner = np.where(owner_row >= 0, log.owner[np.clip(owner_row, 0, None)], fallback[log.deal[moments]])
        owners.append(owner[is_open & entered])
    return np.concatenate(owners)


def _credited_in_year(ctx: ReportContext) -> np.ndarray:
    r = ctx.reaches
    mask = ctx.Y.has(r.at)
    return credit_users(ctx, r.deal[mask], r.at[mask], r.entry[mask])


def _cycles(ctx: ReportContext, deals: np.ndarray) -> np.ndarray:
    """Days from reaching work_started to the won time per deal (NaN without a reach)."""
    start = ctx.reached_col("work_started")
    if start is None:
        return np.full(len(deals), np.nan)
    begun = start[deals]
    return np.where(begun != NAT, (ctx.states.closed_at[deals] - begun) / NS_PER_DAY, np.nan)


def _median(values: list[object]) -> float | None:
    known = [float(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    return float(np.median(known)) if known else None


def _per_user(ids: np.ndarray, users: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Count (or sum ``weights``) per user of ``ids`` (sorted); users not in ``ids`` are ignored."""
    if not len(ids):
        return np.zeros(0)
    i = np.clip(np.searchsorted(ids, users), 0, len(ids) - 1)
    ok = ids[i] == users
    return np.bincount(i[ok], weights=None if weights is None else weights[ok], minlength=len(ids))


def reps_table(ctx: ReportContext) -> list[dict[str, object]]:
    """One row per rep (in user id order), then the team median row (``name`` None)."""
    cohorts = rep_cohorts(ctx)
    closed, closer, won_mask = _closed_in_year(ctx)
    win_deals, win_users = closed[won_mask], closer[won_mask]
    who = np.concatenate([_owners_of_open_deals(ctx), _credited_in_year(ctx), win_users])
    ids = np.unique(who[~np.isnan(who)])

    cohort_deals, cohort_users = cohorts["deal"].to_numpy(), cohorts["user_id"].to_numpy()
    cohort_n = _per_user(ids, cohort_users)
    converted: dict[str, np.ndarray | None] = {}
    for c, key in REP_CONVERSIONS.items():
        times = stage_times(ctx, key)
        converted[c] = None if times is None else _per_user(ids, cohort_users[times[cohort_deals] != NAT])
    won_n = _per_user(ids, win_users)
    revenue = _per_user(ids, win_users, ctx.amount0[win_deals])
    cycles = _cycles(ctx, win_deals)
    has_cycle = ~np.isnan(cycles)
    cycle_sum = _per_user(ids, win_users[has_cycle], cycles[has_cycle])
    cycle_n = _per_user(ids, win_users[has_cycle])
    closed_n = _per_user(ids, closer)
    actions = _per_user(ids, actions_in_period(ctx)["user_id"].to_numpy())
    days = working_days(ctx)
    users = ctx.frames.users
    info = {int(u): (n, r) for u, n, r in zip(pd.to_numeric(users["user_id"], errors="coerce"), users["name"],
                                               users["role"]) if not pd.isna(u)}

    rows: list[dict[str, object]] = []
    for k, uid in enumerate(int(u) for u in ids):
        name, role = info.get(uid, (None, None))
        n, won, money = int(cohort_n[k]), int(won_n[k]), float(revenue[k])
        row: dict[str, object] = {"user_id": uid, "name": name if name is not None else f"#{uid}", "role": role,
                                  "cohort": n}
        for c in REP_CONVERSIONS:
            counts = converted[c]
            row[c] = None if counts is None else ratio(int(counts[k]), n)
        row.update({
            "won_count_ytd": won,
            "revenue_ytd": money,
            "avg_check_ytd": ratio(money, won),
            "sales_cycle_days_ytd": ratio(float(cycle_sum[k]), int(cycle_n[k])),
            "win_rate_ytd": ratio(won, int(closed_n[k])),
            "plan_attainment_ytd": ratio(money, ctx.plans.year(ctx.period.year, uid)),
            "actions_per_day": ratio(int(actions[k]), days),
        })
        rows.append(row)
    median: dict[str, object] = {"user_id": None, "name": None, "role": None}
    median.update({c: _median([r[c] for r in rows]) for c in REP_COLUMNS})
    return rows + [median]
