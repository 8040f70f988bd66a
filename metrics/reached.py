"""The one "reached" rule of spec/funnel.md, used by every metric.

``eff(s)`` is the position of stage s, or of ``side_of(s)`` for a side stage. A deal
reached main stage X at the earliest time it entered any stage s with
``eff(s) >= position(X)``; a won event counts as entering the won stage (so a won
deal reached it even without an entry row); a side stage is reached only by
entering it. Reaching is never undone by going back or by being lost.

``find_reaches`` finds, for every deal and stage it reached, the entry event that first
reached it (so a reach can be credited to whoever moved the card); ``reached_times``
is the same as a deal × stage table of times. Both are vectorised: walking a deal's
entries in time order, an entry newly reaches the main stages whose position lies
between the highest ``eff`` entered before it and its own ``eff``. Entries at the same
time are taken in ``event_id`` order (row order when there is no ``event_id``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

NAT = np.iinfo(np.int64).min  # NaT as int64 nanoseconds


def effective_positions(stages: pd.DataFrame) -> pd.Series:
    """``eff`` of every stage, indexed by stage_id."""
    pos = stages.set_index("stage_id")["position"].astype("int64")
    side = stages.set_index("stage_id")["side_of_id"]
    eff = pos.copy()
    has_side = side.notna()
    eff[has_side] = pos.reindex(side[has_side].astype("int64")).to_numpy()
    return eff


def as_ns(values: pd.Series | pd.Index | np.ndarray) -> np.ndarray:
    """Times as int64 nanoseconds (NaT → ``NAT``), whatever their datetime resolution."""
    arr = np.asarray(values)
    if arr.dtype.kind != "M":
        arr = pd.to_datetime(pd.Series(arr), format="mixed").to_numpy()
    return arr.astype("datetime64[ns]").view("int64")


@dataclass(frozen=True)
class StageLayout:
    """One pipeline's stages as arrays in position order (column ``i`` = ``keys[i]``)."""

    stage_ids: np.ndarray
    keys: tuple[str, ...]
    positions: np.ndarray
    eff: np.ndarray
    is_side: np.ndarray
    is_won: np.ndarray
    won_col: int | None  # column of the (first) won stage

    @classmethod
    def of(cls, stages: pd.DataFrame) -> StageLayout:
        ordered = stages.sort_values("position", kind="stable")
        eff = effective_positions(ordered).to_numpy(dtype="int64")
        is_won = ordered["won"].fillna(False).astype(bool).to_numpy()
        won = np.flatnonzero(is_won)
        return cls(
            stage_ids=ordered["stage_id"].to_numpy(dtype="int64"),
            keys=tuple(str(k) for k in ordered["key"]),
            positions=ordered["position"].to_numpy(dtype="int64"),
            eff=eff,
            is_side=ordered["side_of_id"].notna().to_numpy(),
            is_won=is_won,
            won_col=int(won[0]) if len(won) else None,
        )

    @property
    def main_cols(self) -> np.ndarray:
        return np.flatnonzero(~self.is_side)

    def col(self, key: str) -> int | None:
        """Column of stage ``key``; None if the pipeline has no such stage."""
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def pos(self, key: str) -> int | None:
        c = self.col(key)
        return None if c is None else int(self.positions[c])

    def cols_of(self, stage_ids: np.ndarray) -> np.ndarray:
        """Column of each stage id; -1 for an id that is not a stage of this pipeline."""
        ids = np.asarray(stage_ids, dtype="float64")
        order = np.argsort(self.stage_ids)
        sorted_ids = self.stage_ids[order]
        ok = ~np.isnan(ids)
        as_int = np.where(ok, ids, -1).astype("int64")
        i = np.clip(np.searchsorted(sorted_ids, as_int), 0, max(len(sorted_ids) - 1, 0))
        if not len(sorted_ids):
            return np.full(len(ids), -1, dtype="int64")
        hit = ok & (sorted_ids[i] == as_int)
        return np.where(hit, order[i], -1).astype("int64")


@dataclass(frozen=True)
class Reaches:
    """Every (deal, stage) reach: parallel arrays, one element per reach."""

    deal: np.ndarray  # int64: the deal id, or its row where the caller passed rows
    col: np.ndarray  # stage column in the layout
    at: np.ndarray  # int64 ns
    entry: np.ndarray  # row (positional) in the events frame of the entry that reached it


def _entries(events: pd.DataFrame, layout: StageLayout, as_of: pd.Timestamp | None) -> pd.DataFrame:
    is_stage = (events["kind"] == "stage").to_numpy(dtype=bool)
    is_won = (events["kind"] == "won").to_numpy(dtype=bool)
    cols = layout.cols_of(events["stage_id"].to_numpy(dtype="float64")) if len(events) else np.array([], "int64")
    if layout.won_col is not None:
        cols = np.where(is_won, layout.won_col, cols)
        keep = (is_stage | is_won) & (cols >= 0)
    else:
        keep = is_stage & (cols >= 0)
    at = as_ns(events["at"]) if len(events) else np.array([], "int64")
    keep &= at != NAT
    if as_of is not None:
        keep &= at <= pd.Timestamp(as_of).as_unit("ns").value
    rows = np.flatnonzero(keep)
    tie = events["event_id"].to_numpy(dtype="float64")[rows] if "event_id" in events else rows.astype("float64")
    deal = events["deal_id"].to_numpy(dtype="int64")[rows]
    order = np.lexsort((rows, tie, at[rows], deal))
    return pd.DataFrame({"deal": deal[order], "at": at[rows][order], "col": cols[rows][order],
                         "row": rows[order]})


def find_reaches(events: pd.DataFrame, layout: StageLayout, as_of: pd.Timestamp | None = None) -> Reaches:
    """All reaches of the event log at or before ``as_of`` (see the module docstring)."""
    ent = _entries(events, layout, as_of)
    deal, at, col, row = (ent[c].to_numpy() for c in ("deal", "at", "col", "row"))
    return reaches_of_sorted_entries(deal, at, col, row, layout)


def reaches_of_sorted_entries(deal: np.ndarray, at: np.ndarray, col: np.ndarray, row: np.ndarray,
                              layout: StageLayout) -> Reaches:
    """The reaches of stage entries already sorted by (deal, time, tie-break).

    ``col`` is the entered stage's column (a won event: the won stage's); ``row`` is
    carried through to ``Reaches.entry``.
    """
    n = len(deal)
    if n == 0:
        empty = np.array([], dtype="int64")
        return Reaches(empty, empty, empty, empty)
    eff = layout.eff[col]
    start = np.ones(n, dtype=bool)
    start[1:] = deal[1:] != deal[:-1]
    group = np.cumsum(start) - 1
    span = int(eff.max()) + 1
    running = np.maximum.accumulate(group * span + eff) - group * span
    before = np.empty(n, dtype="int64")
    before[0] = 0
    before[1:] = running[:-1]
    before[start] = 0
    main = layout.main_cols
    main_pos = layout.positions[main]
    lo = np.searchsorted(main_pos, before, side="right")
    hi = np.searchsorted(main_pos, eff, side="right")
    count = np.clip(hi - lo, 0, None)
    src = np.repeat(np.arange(n), count)
    step = np.arange(len(src)) - np.repeat(np.cumsum(count) - count, count)
    main_col = main[lo[src] + step]
    # side stages: only entering the stage itself, first time
    side = np.flatnonzero(layout.is_side[col])
    if len(side):
        key = group[side] * len(layout.keys) + col[side]
        _, first = np.unique(key, return_index=True)
        side = side[first]
    src = np.concatenate([src, side])
    cols = np.concatenate([main_col, col[side]])
    return Reaches(deal[src], cols.astype("int64"), at[src], row[src])


def reached_matrix(reaches: Reaches, layout: StageLayout, deal_ids: np.ndarray) -> np.ndarray:
    """deal × stage matrix of reach times (int64 ns, ``NAT`` = not reached); rows follow the
    sorted ``deal_ids``; reaches of deals not listed are ignored."""
    out = np.full((len(deal_ids), len(layout.keys)), NAT, dtype="int64")
    if len(deal_ids) and len(reaches.deal):
        i = np.searchsorted(deal_ids, reaches.deal)
        i_clip = np.clip(i, 0, len(deal_ids) - 1)
        ok = deal_ids[i_clip] == reaches.deal
        out[i_clip[ok], reaches.col[ok]] = reaches.at[ok]
    return out


def reached_times(events: pd.DataFrame, stages: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Time each deal reached each stage: rows deal_id, columns stage keys (NaT: not reached).

    ``events`` is the event log (``kind``, ``deal_id``, ``stage_id``, ``at``); only
    events at or before ``as_of`` count. Deals with no entry at all do not appear.
    """
    layout = StageLayout.of(stages)
    r = find_reaches(events, layout, as_of)
    deals = np.unique(r.deal)
    matrix = reached_matrix(r, layout, deals)
    out = pd.DataFrame(matrix.view("datetime64[ns]"), index=pd.Index(deals, name="deal_id"),
                       columns=list(layout.keys))
    return out
