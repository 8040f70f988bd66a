"""The event log as sorted arrays, and every deal's state as of a moment T.

``EventLog`` sorts the events once by (deal, time, event id) — the order the
services replay them in — so "the latest event of a kind at or before T" is the last
such row of each deal. ``deal_states`` answers, per deal, as of T:

- **exists**: it has a stage entry at or before T (creating a deal writes one), so
  deals created after T do not exist;
- **status**: won if its latest won/lost/reopened event at or before T is a won
  event, lost if a lost event, else open (a reopening counts back to open from its
  time). ``closed_at`` is that won/lost event's time, so a deal won, reopened and won
  again counts as won at its last win; one won in P and reopened after P (but before
  T) no longer counts as won in P;
- **current stage**: the stage of its latest stage entry at or before T, and when it
  entered it (a lost deal keeps the stage it was lost at);
- **owner**: the owner of its latest owner event at or before T (before its first
  owner event: that event's owner; a deal with no owner events: its owner column).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from voronka.models.frames import FunnelFrames
from .reached import NAT, Reaches, StageLayout, as_ns, reaches_of_sorted_entries

STAGE, WON, LOST, REOPENED, OWNER, OTHER = range(6)
KIND_CODES = {"stage": STAGE, "won": WON, "lost": LOST, "reopened": REOPENED, "owner": OWNER}
OPEN_STATUS, WON_STATUS, LOST_STATUS = 0, 1, 2
NS_PER_DAY = 86_400 * 10**9


def ts_ns(moment: pd.Timestamp | object) -> int:
    return int(pd.Timestamp(moment).as_unit("ns").value)


def _float_col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _kind_codes(kind: pd.Series) -> np.ndarray:
    if isinstance(kind.dtype, pd.CategoricalDtype):
        per_category = np.array([KIND_CODES.get(str(c), OTHER) for c in kind.cat.categories] + [OTHER], "int8")
        return per_category[kind.cat.codes.to_numpy()]  # code -1 (missing) picks OTHER
    return kind.astype(str).map(KIND_CODES).fillna(OTHER).to_numpy(dtype="int8")


def _log_order(deal: np.ndarray, at: np.ndarray, event_id: np.ndarray) -> np.ndarray:
    """The permutation sorting events by (deal, at, event_id).

    When the events come in id order with whole-millisecond times (as loaded from the
    database), one stable sort on a packed (deal, millisecond) key does it in half the
    time of the general three-key sort.
    """
    n = len(deal)
    if n > 1 and (np.diff(event_id) > 0).all() and (at % 1_000_000 == 0).all():
        ms = (at - at.min()) // 1_000_000
        if int(ms.max()) < 2**42 and int(deal.max()) < 2**20:
            return np.argsort((deal.astype(np.int64) << 42) | ms, kind="stable")
    return np.lexsort((event_id, at, deal))


@dataclass(frozen=True)
class EventLog:
    """The events of the frames' deals, sorted by (deal, at, event_id), as arrays.

    ``deal`` is the row of the deal in ``deal_ids`` (the sorted ids of ``frames.deals``);
    events of deals not in ``frames.deals`` are left out.
    """

    layout: StageLayout
    deal_ids: np.ndarray
    deal: np.ndarray
    at: np.ndarray
    kind: np.ndarray
    col: np.ndarray
    user: np.ndarray
    owner: np.ndarray
    reason: np.ndarray
    event_id: np.ndarray

    @classmethod
    def of(cls, frames: FunnelFrames) -> EventLog:
        """The frames' event log, built once per set of frames (kept in ``frames.derived``)."""
        sources = (frames.stages, frames.deals, frames.events)
        cached = frames.derived.get("event_log")
        if cached is not None and all(a is b for a, b in zip(cached[0], sources)):
            return cached[1]
        log = cls._build(frames)
        for array in vars(log).values():
            if isinstance(array, np.ndarray):
                array.flags.writeable = False  # shared by every report on these frames
        frames.derived["event_log"] = (sources, log)
        return log

    @classmethod
    def _build(cls, frames: FunnelFrames) -> EventLog:
        layout = StageLayout.of(frames.stages)
        deal_ids = frames.deals["deal_id"].to_numpy(dtype="int64")
        if len(deal_ids) > 1 and not (np.diff(deal_ids) > 0).all():  # the loader gives them sorted and unique
            deal_ids = np.unique(deal_ids)
        ev = frames.events
        n = len(ev)
        ids = ev["deal_id"].to_numpy(dtype="int64") if n else np.array([], "int64")
        pos = np.clip(np.searchsorted(deal_ids, ids), 0, max(len(deal_ids) - 1, 0))
        known = (deal_ids[pos] == ids) if len(deal_ids) else np.zeros(n, dtype=bool)
        at = as_ns(ev["at"]) if n else np.array([], "int64")
        known &= at != NAT
        kinds = _kind_codes(ev["kind"]) if n else np.array([], "int8")
        event_id = ev["event_id"].to_numpy(dtype="int64") if "event_id" in ev else np.arange(n, dtype="int64")
        rows = np.flatnonzero(known)
        order = rows[_log_order(pos[rows], at[rows], event_id[rows])]
        sorted_col = layout.cols_of(_float_col(ev, "stage_id")[order])
        return cls(
            layout=layout, deal_ids=deal_ids, deal=pos[order], at=at[order], kind=kinds[order],
            col=sorted_col, user=_float_col(ev, "user_id")[order], owner=_float_col(ev, "owner_id")[order],
            reason=_float_col(ev, "lost_reason_id")[order], event_id=event_id[order],
        )

    @property
    def n_deals(self) -> int:
        return len(self.deal_ids)

    def last_per_deal(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(deal rows, event rows) of each deal's last event among ``mask``."""
        return self._per_deal(mask, last=True)

    def first_per_deal(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(deal rows, event rows) of each deal's first event among ``mask``."""
        return self._per_deal(mask, last=False)

    def _per_deal(self, mask: np.ndarray, *, last: bool) -> tuple[np.ndarray, np.ndarray]:
        idx = np.flatnonzero(mask)
        if not len(idx):
            return idx, idx
        d = self.deal[idx]
        edge = np.ones(len(idx), dtype=bool)
        if last:
            edge[:-1] = d[1:] != d[:-1]
        else:
            edge[1:] = d[1:] != d[:-1]
        return d[edge], idx[edge]

    def reaches(self, as_of_ns: int) -> Reaches:
        """Reaches at or before T (``Reaches.entry`` is the row in this log)."""
        won_col = self.layout.won_col
        entry = (self.at <= as_of_ns) & (((self.kind == STAGE) & (self.col >= 0))
                                          | ((self.kind == WON) & (won_col is not None)))
        idx = np.flatnonzero(entry)
        col = self.col[idx]
        if won_col is not None:
            col = np.where(self.kind[idx] == WON, won_col, col)
        return reaches_of_sorted_entries(self.deal[idx], self.at[idx], col, idx, self.layout)

    def latest_before(self, mask: np.ndarray, deal: np.ndarray, at: np.ndarray) -> np.ndarray:
        """For each query (deal row, time): the log row of that deal's latest ``mask`` event at
        or before the time, or -1."""
        idx = np.flatnonzero(mask)
        out = np.full(len(deal), -1, dtype="int64")
        if not len(idx) or not len(deal):
            return out
        log_at = self.at[idx]
        keys = self._millisecond_keys(self.deal[idx], log_at, deal, np.asarray(at, dtype="int64"))
        if keys is None:  # times finer than a millisecond: rank them all (exact, slower)
            times = np.unique(np.concatenate([log_at, at]))
            span = len(times) + 1
            keys = (self.deal[idx].astype("int64") * span + np.searchsorted(times, log_at),
                    deal.astype("int64") * span + np.searchsorted(times, at))
        key_log, key_q = keys
        j = np.searchsorted(key_log, key_q, side="right") - 1
        ok = (j >= 0) & (self.deal[idx][np.clip(j, 0, None)] == deal)
        out[ok] = idx[j[ok]]
        return out

    @staticmethod
    def _millisecond_keys(log_deal: np.ndarray, log_at: np.ndarray, deal: np.ndarray,
                          at: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """(deal, time) packed into one sortable integer, when every log time is a whole
        millisecond (as loaded from the database): ``log ≤ query`` is then exactly
        ``log ms ≤ floor(query ms)``, so no ranking of all the times is needed."""
        if (log_at % 1_000_000).any():
            return None
        log_ms = log_at // 1_000_000
        low, high = int(log_ms.min()), int(log_ms.max())
        span = high - low + 2
        if span >= 2**42 or int(max(log_deal.max(), deal.max())) >= 2**20:
            return None
        q_ms = np.clip(np.floor_divide(at, 1_000_000), low - 1, high) - low  # -1: before every log time
        return log_deal.astype("int64") * span + (log_ms - low), deal.astype("int64") * span + q_ms


@dataclass(frozen=True)
class DealStates:
    """Every deal's state as of ``as_of`` (arrays aligned with ``EventLog.deal_ids``)."""

    as_of: int
    exists: np.ndarray
    status: np.ndarray
    closed_at: np.ndarray
    closing_event: np.ndarray  # log row of the won/lost event, -1 if open
    col: np.ndarray  # current stage column, -1 if none
    entered_at: np.ndarray
    owner: np.ndarray  # float, NaN if unknown

    @property
    def open(self) -> np.ndarray:
        return self.exists & (self.status == OPEN_STATUS)

    def won_in(self, lo: int, hi: int) -> np.ndarray:
        return (self.status == WON_STATUS) & (self.closed_at >= lo) & (self.closed_at < hi)

    def lost_in(self, lo: int, hi: int) -> np.ndarray:
        return (self.status == LOST_STATUS) & (self.closed_at >= lo) & (self.closed_at < hi)


def deal_states(log: EventLog, deal_owner: np.ndarray, as_of_ns: int) -> DealStates:
    """The state of every deal as of T; ``deal_owner`` is the owner column (fallback)."""
    n = log.n_deals
    upto = log.at <= as_of_ns
    status = np.zeros(n, dtype="int8")
    closed_at = np.full(n, NAT, dtype="int64")
    closing = np.full(n, -1, dtype="int64")
    d, i = log.last_per_deal(upto & ((log.kind == WON) | (log.kind == LOST) | (log.kind == REOPENED)))
    kind = log.kind[i]
    closed = kind != REOPENED
    status[d] = np.where(kind == WON, WON_STATUS, np.where(kind == LOST, LOST_STATUS, OPEN_STATUS))
    closed_at[d[closed]] = log.at[i[closed]]
    closing[d[closed]] = i[closed]

    col = np.full(n, -1, dtype="int64")
    entered = np.full(n, NAT, dtype="int64")
    d, i = log.last_per_deal(upto & (log.kind == STAGE) & (log.col >= 0))
    col[d], entered[d] = log.col[i], log.at[i]
    exists = col >= 0

    owner = np.asarray(deal_owner, dtype="float64").copy()
    is_owner = (log.kind == OWNER) & ~np.isnan(log.owner)
    d, i = log.first_per_deal(is_owner)
    owner[d] = log.owner[i]
    d, i = log.last_per_deal(is_owner & upto)
    owner[d] = log.owner[i]
    return DealStates(as_of_ns, exists, status, closed_at, closing, col, entered, owner)


def owners_at(log: EventLog, deal_owner: np.ndarray, deal: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The owner of each (deal row, time): its latest owner event at or before the time,
    else its first owner event, else its owner column."""
    is_owner = (log.kind == OWNER) & ~np.isnan(log.owner)
    fallback = np.asarray(deal_owner, dtype="float64").copy()
    d, i = log.first_per_deal(is_owner)
    fallback[d] = log.owner[i]
    out = fallback[deal] if len(deal) else np.array([], dtype="float64")
    j = log.latest_before(is_owner, deal, at)
    hit = j >= 0
    out[hit] = log.owner[j[hit]]
    return out
