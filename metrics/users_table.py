"""The users table: each team member's sales actions, stage reaches, wins and load.

Crediting rule (spec/metrics.md): a stage reach is credited to the user recorded on
the event that first reached the stage (whoever moved the card), else to the deal's
owner at that time; a win is credited to the owner at the won time; ``open_count``
counts the open deals each user owns as of T. Personal ``plan_period`` follows the
team rules (``plans``) over that user's plan rows; ``plan_attainment_period`` is the
user's credited revenue ÷ it. Every user is listed, active or not, in id order.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .activity import ACTION_TYPES, actions_in_period, working_days
from .context import ReportContext
from .figures import ratio
from .revenue import won_in
from .timeline import owners_at

# users table column → stage key whose reaches in P it counts
REACH_COLUMNS = {
    "worked_count": "work_started",
    "replied_count": "replied",
    "positive_count": "replied_positive",
    "demos_appointed_count": "demo_appointed",
    "demos_run_count": "demo_run",
}


def credit_users(ctx: ReportContext, deal: np.ndarray, at: np.ndarray, entry: np.ndarray) -> np.ndarray:
    """The user credited with each reach: the user on the reaching entry event, else the
    deal's owner at that time (float user ids, NaN when neither is known)."""
    user = ctx.log.user[entry].copy()
    unknown = np.isnan(user)
    if unknown.any():
        user[unknown] = owners_at(ctx.log, ctx.deal_owner, deal[unknown], at[unknown])
    return user


def credited_reaches(ctx: ReportContext) -> pd.DataFrame:
    """Reaches in P of the stages above: columns ``key`` and ``user_id`` (credited user)."""
    r = ctx.reaches
    cols = {ctx.layout.col(key): key for key in REACH_COLUMNS.values() if ctx.layout.col(key) is not None}
    mask = np.isin(r.col, list(cols)) & ctx.P.has(r.at)
    user = credit_users(ctx, r.deal[mask], r.at[mask], r.entry[mask])
    return pd.DataFrame({"key": [cols[c] for c in r.col[mask]], "user_id": user})


def credited_wins(ctx: ReportContext) -> pd.DataFrame:
    """Deals won in P: columns ``user_id`` (owner at the won time) and ``amount``."""
    won = np.flatnonzero(won_in(ctx, ctx.P))
    owner = owners_at(ctx.log, ctx.deal_owner, won, ctx.states.closed_at[won])
    return pd.DataFrame({"user_id": owner, "amount": ctx.amount0[won]})


def users_table(ctx: ReportContext) -> list[dict[str, object]]:
    users = ctx.frames.users
    actions = actions_in_period(ctx)
    by_type = actions.groupby(["user_id", "type"]).size().to_dict()
    reaches = credited_reaches(ctx).groupby(["user_id", "key"]).size().to_dict()
    wins = credited_wins(ctx).groupby("user_id")["amount"].agg(["size", "sum"])
    won_count, won_amount = wins["size"].to_dict(), wins["sum"].to_dict()
    st = ctx.states
    open_by_owner = pd.Series(st.owner[st.open]).value_counts().to_dict()
    days = working_days(ctx)
    rows = []
    for user in users.sort_values("user_id", kind="stable").itertuples(index=False):
        uid = int(user.user_id)
        key = float(uid)
        types = {t: int(by_type.get((key, t), 0)) for t in ACTION_TYPES}
        total = sum(types.values())
        revenue = float(won_amount.get(key, 0.0))
        plan = ctx.plans.period(ctx.period, uid)
        row: dict[str, object] = {
            "user_id": uid,
            "name": user.name,
            "role": user.role,
            "sales_actions": total,
            "actions_by_type": types,
            "actions_per_day": ratio(total, days),
        }
        row.update({column: int(reaches.get((key, stage), 0)) for column, stage in REACH_COLUMNS.items()})
        row.update({
            "won_count": int(won_count.get(key, 0)),
            "revenue": revenue,
            "open_count": int(open_by_owner.get(key, 0)),
            "plan_period": plan,
            "plan_attainment_period": ratio(revenue, plan),
        })
        rows.append(row)
    return rows


def reps_at_plan_share(rows: list[dict[str, object]]) -> float | None:
    """Among the users-table rows with a personal ``plan_period``, the share that made it
    (revenue ≥ plan: attainment ≥ 1, a zero plan counting as made); None if no row has one."""
    planned = [r for r in rows if r.get("plan_period") is not None]
    if not planned:
        return None
    made = sum(1 for r in planned if float(r["revenue"]) >= float(r["plan_period"]))  # type: ignore[arg-type]
    return made / len(planned)
