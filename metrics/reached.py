"""The one "reached" rule of spec/funnel.md, used by every metric.

``eff(s)`` is the position of stage s, or of ``side_of(s)`` for a side stage. A deal
reached main stage X at the earliest time it entered any stage s with
``eff(s) >= position(X)``; a won event counts as entering the won stage (so a won
deal reached it even without an entry row); a side stage is reached only by
entering it. Reaching is never undone by going back or by being lost.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def effective_positions(stages: pd.DataFrame) -> pd.Series:
    """``eff`` of every stage, indexed by stage_id."""
    pos = stages.set_index("stage_id")["position"].astype("int64")
    side = stages.set_index("stage_id")["side_of_id"]
    eff = pos.copy()
    has_side = side.notna()
    eff[has_side] = pos.reindex(side[has_side].astype("int64")).to_numpy()
    return eff


def main_stages(stages: pd.DataFrame) -> pd.DataFrame:
    return stages[stages["side_of_id"].isna()].sort_values("position")


def reached_times(events: pd.DataFrame, stages: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Time each deal reached each stage: rows deal_id, columns stage keys (NaT: not reached).

    ``events`` is the event log (``kind``, ``deal_id``, ``stage_id``, ``at``); only
    events at or before ``as_of`` count. Deals with no entry at all do not appear.
    """
    ev = events
    if as_of is not None:
        ev = ev[ev["at"] <= as_of]
    keys_main = main_stages(stages)
    won_ids = stages.loc[stages["won"].astype(bool), "stage_id"]
    entries = ev[ev["kind"] == "stage"][["deal_id", "stage_id", "at"]]
    if len(won_ids):
        wins = ev[ev["kind"] == "won"][["deal_id", "at"]].assign(stage_id=int(won_ids.iloc[0]))
        entries = pd.concat([entries, wins[["deal_id", "stage_id", "at"]]], ignore_index=True)
    columns = list(stages.sort_values("position")["key"])
    if entries.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="deal_id"), dtype="datetime64[ns]")
    eff = effective_positions(stages)
    entries = entries.assign(eff=eff.reindex(entries["stage_id"].astype("int64")).to_numpy())
    # earliest entry per (deal, eff level); then "reached X" = min over levels >= pos(X)
    by_level = entries.groupby(["deal_id", "eff"])["at"].min().unstack("eff")
    levels = sorted(by_level.columns)
    by_level = by_level[levels]
    suffix_min = by_level.iloc[:, ::-1].cummin(axis=1).iloc[:, ::-1]
    # cummin leaves NaT where the level itself is NaT; fill from the next level up
    suffix_min = suffix_min.bfill(axis=1)
    level_arr = np.asarray(levels)
    out = pd.DataFrame(index=by_level.index)
    for _, st in keys_main.iterrows():
        i = int(np.searchsorted(level_arr, st["position"], side="left"))
        out[st["key"]] = suffix_min.iloc[:, i] if i < len(levels) else pd.NaT
    side = stages[stages["side_of_id"].notna()]
    if len(side):
        side_first = (entries[entries["stage_id"].isin(side["stage_id"])]
                      .groupby(["deal_id", "stage_id"])["at"].min().unstack("stage_id"))
        for _, st in side.iterrows():
            col = side_first.get(st["stage_id"])
            out[st["key"]] = col.reindex(out.index) if col is not None else pd.NaT
    out = out[columns].astype("datetime64[ns]")
    out.index.name = "deal_id"
    return out
