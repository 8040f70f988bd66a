"""Recurring revenue from the Client Success pipelines (spec/metrics.md, second edition).

A Client Success deal's **monthly amount** is ``amount / billing_months`` of its
pipeline (missing amount: 0). It is **active** at a moment if it exists then (its
first stage entry is at or before it) and is open then (not won or lost; a reopening
makes it active again); a renewal keeps it active. It **churns** when it is lost.
Every figure is None when the team has no Client Success pipeline.

Readings decided here:

- *Created in P* (``mrr_new``) is the deal's first stage entry (the creation event),
  in P and at or before T — the same "exists" rule as the sales metrics.
- *Lost in P* (``mrr_churned``, ``client_churn_rate``) follows the sales rule: status
  as of T is lost and the lost time is in P (a deal lost and reopened by T is not).
- *Active at P's start* (``client_churn_rate``'s denominator) is the state just before
  P begins (its start − 1 ns, or T if earlier): a deal created at P's first instant is
  new in P, not active at its start, and one lost at that instant churned in P.
- The *12 month starts* of ``lifetime_months`` are the first instants of the 12
  calendar months ending with T's month (for T = 31 Oct 2026: 1 Nov 2025 … 1 Oct
  2026); *lost in those 365 days* is lost in (T − 365 days, T].
- The recurring figures are the team's: an owner-filtered report shows them unfiltered
  (like the team plans).
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from .context import ReportContext
from .figures import ratio
from voronka.models.frames import SuccessFrames
from .timeline import NS_PER_DAY, STAGE, DealStates, EventLog, deal_states, ts_ns

RECURRING_IDS = ("mrr", "mrr_new", "mrr_churned", "clients_active", "client_churn_rate", "arpa",
                 "lifetime_months", "clv")


class Recurring:
    """The Client Success deals as arrays aligned with their event log's ``deal_ids``."""

    def __init__(self, success: SuccessFrames):
        frames = success.as_funnel()
        self.log = EventLog.of(frames)
        deals = success.deals.drop_duplicates("deal_id").set_index("deal_id").reindex(self.log.deal_ids)
        amount = pd.to_numeric(deals["amount"], errors="coerce").to_numpy("float64", na_value=np.nan)
        months = pd.to_numeric(deals["billing_months"], errors="coerce").to_numpy("float64", na_value=np.nan)
        months = np.where(np.isnan(months) | (months <= 0), 12.0, months)
        self.monthly = np.nan_to_num(amount, nan=0.0) / months
        self.owner = pd.to_numeric(deals["owner_id"], errors="coerce").to_numpy("float64", na_value=np.nan)
        created = np.full(self.log.n_deals, np.iinfo(np.int64).max, dtype="int64")
        d, i = self.log.first_per_deal((self.log.kind == STAGE) & (self.log.col >= 0))
        created[d] = self.log.at[i]
        self.created = created  # never-created deals sort after every moment
        self._states: dict[int, DealStates] = {}

    @classmethod
    def of(cls, success: SuccessFrames) -> Recurring:
        cached = success.derived.get("recurring")
        if cached is None:
            cached = success.derived["recurring"] = cls(success)
        return cached

    def states(self, as_of_ns: int) -> DealStates:
        if as_of_ns not in self._states:
            if len(self._states) > 32:
                self._states.clear()
            self._states[as_of_ns] = deal_states(self.log, self.owner, as_of_ns)
        return self._states[as_of_ns]

    def active_at(self, as_of_ns: int) -> np.ndarray:
        """Deals active at a moment (exists and open then)."""
        return self.states(as_of_ns).open


def recurring_of(ctx: ReportContext) -> Recurring | None:
    success = ctx.frames.success
    return None if success is None else Recurring.of(success)


def month_starts(as_of: pd.Timestamp, count: int = 12) -> list[int]:
    """The first instants (ns) of the ``count`` calendar months ending with ``as_of``'s month."""
    out = []
    year, month = as_of.year, as_of.month
    for _ in range(count):
        out.append(ts_ns(datetime(year, month, 1)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def recurring_figures(ctx: ReportContext) -> dict[str, float | int | None]:
    """mrr … clv (None for all when the team has no Client Success pipeline)."""
    rec = recurring_of(ctx)
    if rec is None:
        return dict.fromkeys(RECURRING_IDS)
    now = rec.states(ctx.T)
    active = now.open
    mrr = float(rec.monthly[active].sum())
    clients = int(active.sum())
    new = ctx.P.has(rec.created)
    lost_p = now.lost_in(ctx.P.lo, ctx.P.hi)
    before_start = min(ctx.P.lo - 1, ctx.T)
    at_start = int(rec.active_at(before_start).sum()) if ctx.P.lo <= ctx.T else 0
    arpa = ratio(mrr, clients)
    lost_year = int(now.lost_in(ctx.T - 365 * NS_PER_DAY + 1, ctx.T + 1).sum())
    average_active = float(np.mean([rec.active_at(moment).sum() for moment in month_starts(ctx.as_of)]))
    lifetime = ratio(12 * average_active, lost_year)
    return {
        "mrr": mrr,
        "mrr_new": float(rec.monthly[new].sum()),
        "mrr_churned": float(rec.monthly[lost_p].sum()),
        "clients_active": clients,
        "client_churn_rate": ratio(int(lost_p.sum()), at_start) if at_start else None,
        "arpa": arpa,
        "lifetime_months": lifetime,
        "clv": None if arpa is None or lifetime is None else arpa * lifetime,
    }


def mrr_by_month(ctx: ReportContext, months: int = 12) -> list[dict[str, object]]:
    """MRR month by month for the report view's chart: the ``months`` calendar months ending
    with T's month, each ``month`` (label), ``mrr`` (at the month's end, or T), ``mrr_new``,
    ``mrr_churned`` and ``net`` (new − churned), all as of T. Empty without Client Success."""
    rec = recurring_of(ctx)
    if rec is None:
        return []
    now = rec.states(ctx.T)
    rows = []
    for start in month_starts(ctx.as_of, months):
        first = pd.Timestamp(start)
        end = ts_ns(datetime(first.year + (first.month == 12), first.month % 12 + 1, 1))
        hi = min(end, ctx.T + 1)
        new = float(rec.monthly[(rec.created >= start) & (rec.created < hi)].sum())
        churned = float(rec.monthly[now.lost_in(start, hi)].sum())
        rows.append({
            "month": f"{first.year:04d}-{first.month:02d}",
            "mrr": float(rec.monthly[rec.active_at(hi - 1)].sum()),
            "mrr_new": new, "mrr_churned": churned, "net": new - churned,
        })
    return rows
