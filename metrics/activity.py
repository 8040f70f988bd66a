"""Sales actions: calls, e-mails, messages and meetings (notes are not sales actions).

``actions_per_day_<role>`` = sales actions in P by users whose role is ``<role>`` ÷
(working days of P × *active* users of that role), as spec/metrics.md words it.
Roles and the active flag are the users' current ones. In an owner-filtered report
only that user counts. A period with no working day so far (a weekend day) or a role
with no active user gives None.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from voronka.models.kinds import SALES_ACTION_TYPES

from .context import ReportContext, Window
from .figures import ratio
from .reached import as_ns

ACTION_TYPES = tuple(t for t in ("call", "email", "message", "meeting") if t in SALES_ACTION_TYPES)


def _type_names(types: pd.Series) -> np.ndarray:
    if isinstance(types.dtype, pd.CategoricalDtype):
        names = np.append(types.cat.categories.astype(str).to_numpy(dtype=object), "")
        return names[types.cat.codes.to_numpy()]  # code -1 (missing) picks ""
    return types.astype(str).to_numpy(dtype=object)


def actions_in_period(ctx: ReportContext) -> pd.DataFrame:
    """The sales actions in P (at or before T): columns ``type`` and ``user_id``."""
    return actions_in(ctx, ctx.P)


def actions_in(ctx: ReportContext, window: Window) -> pd.DataFrame:
    """The sales actions in ``window``: columns ``type`` and ``user_id``."""
    kind, at, users = _sales_actions(ctx)
    mask = window.has(at)
    return pd.DataFrame({"type": kind[mask], "user_id": users[mask]})


def _sales_actions(ctx: ReportContext) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(type, time ns, user id) of every sales action, decoded once per set of frames."""
    acts = ctx.frames.activities
    cached = ctx.frames.derived.get("sales_actions")
    if cached is not None and cached[0] is acts:
        return cached[1]
    if not len(acts):
        arrays = (np.array([], dtype=object), np.array([], dtype="int64"), np.array([], dtype="float64"))
    else:
        kind = _type_names(acts["type"])
        sales = np.isin(kind, ACTION_TYPES)
        users = pd.to_numeric(acts["user_id"], errors="coerce").to_numpy("float64")
        arrays = (kind[sales], as_ns(acts["at"])[sales], users[sales])
    ctx.frames.derived["sales_actions"] = (acts, arrays)
    return arrays


def users_with_role(ctx: ReportContext, role: str, *, active_only: bool) -> np.ndarray:
    users = ctx.frames.users
    mask = (users["role"] == role).to_numpy(dtype=bool)
    if active_only and "active" in users:
        mask = mask & users["active"].fillna(False).astype(bool).to_numpy()
    return pd.to_numeric(users["user_id"], errors="coerce").to_numpy("float64")[mask]


def working_days(ctx: ReportContext) -> int:
    return ctx.period.working_days(ctx.as_of.to_pydatetime(), ctx.frames.calendar)


def activity_figures(ctx: ReportContext) -> dict[str, float | int | None]:
    actions = actions_in_period(ctx)
    days = working_days(ctx)
    out: dict[str, float | int | None] = {"sales_actions": len(actions)}
    for role in ("sdr", "ae"):
        done = int(np.isin(actions["user_id"].to_numpy(), users_with_role(ctx, role, active_only=False)).sum())
        active = len(users_with_role(ctx, role, active_only=True))
        out[f"actions_per_day_{role}"] = ratio(done, days * active)
    return out
