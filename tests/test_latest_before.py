"""``EventLog.latest_before`` (who owned a deal at a moment): the packed-millisecond search
gives exactly what a plain scan gives, for queries before, between, at and after the events."""
from __future__ import annotations

import numpy as np
import pandas as pd

from voronka.metrics.timeline import OWNER, EventLog
from metrics_history import History, t


def brute(log: EventLog, mask: np.ndarray, deal: np.ndarray, at: np.ndarray) -> np.ndarray:
    out = np.full(len(deal), -1)
    for q, (d, moment) in enumerate(zip(deal, at)):
        rows = np.flatnonzero(mask & (log.deal == d) & (log.at <= moment))
        out[q] = rows[-1] if len(rows) else -1
    return out


def test_latest_owner_event_before_each_moment_matches_a_plain_scan():
    rng = np.random.default_rng(5)
    h = History()
    for deal in range(1, 41):
        b = h.deal(deal, t(1, 2, hour=9), "work_started", owner=1)
        for k in range(int(rng.integers(0, 4))):
            b.hand_to(int(rng.integers(1, 4)), t(1 + k, 3 + int(rng.integers(0, 20)), hour=10, minute=k))
    log = EventLog.of(h.frames())
    mask = log.kind == OWNER
    deal = rng.integers(0, log.n_deals, 400)
    start = int(pd.Timestamp(t(1, 1)).value)
    at = start + rng.integers(0, 150 * 86_400, 400) * 1_000_000_000 + rng.integers(0, 1_000_000, 400)  # sub-ms too
    at[:40] = log.at[np.flatnonzero(mask)][:40]  # exactly at an event: it counts
    at[40:50] = start - 10**12  # before everything
    got = log.latest_before(mask, deal, at)
    assert (got == brute(log, mask, deal, at)).all()
    assert (got >= 0).sum() > 100  # the queries found owners, not just -1


def test_a_log_with_sub_millisecond_times_takes_the_exact_path():
    h = History()
    h.deal(1, t(1, 2), "work_started", owner=1).hand_to(2, t(1, 5))
    frames = h.frames()
    frames.events["at"] = frames.events["at"] + pd.Timedelta(microseconds=7)
    log = EventLog.of(frames)
    mask = log.kind == OWNER
    moments = np.array([log.at[np.flatnonzero(mask)][-1] - 1, log.at[np.flatnonzero(mask)][-1]])
    got = log.latest_before(mask, np.array([0, 0]), moments)
    assert (got == brute(log, mask, np.array([0, 0]), moments)).all()
