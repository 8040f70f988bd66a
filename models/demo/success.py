"""Client Success copies of won demo deals (spec/funnel.md, "Default Client Success pipeline").

About 40 % of won deals are copied into the success pipeline a few days after the
signature; the copy links to the original (``origin_deal_id``) and moves one period
stage a month (``month_1`` … ``month_12``). After the last period it renews: a renewal
event, then back to ``month_1``. Churn makes MRR, churn and CLV meaningful: about one
client in 25 leaves in its first month (onboarding failed), the rest with a monthly
hazard of ``MONTHLY_CHURN`` (a client lifetime of about 45 months, as in the
sales-machine interview); a churned client is lost with a "stopped using the product"
reason. The churn draws come from a generator seeded by one draw of the demo's, so the
rest of the demo's random stream does not depend on how many clients churn. The CSM
owns and moves them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .calendar import DAY, Window, working_time
from .events import KIND_LOST, KIND_OWNER, KIND_RENEWAL, KIND_STAGE, Events
from .history import LOST, OPEN, WON, Histories
from .team import members_with_role

PERIODS = 12
PERIOD_DAYS = 30
CHURN_REASONS = (15, 16, 17)
FIRST_MONTH_CHURN = 0.04
MONTHLY_CHURN = 0.022


@dataclass
class SuccessDeals:
    origin: np.ndarray  # sales deal number
    created: np.ndarray
    stage: np.ndarray  # period index 0..11
    stage_entered: np.ndarray
    status: np.ndarray
    closed: np.ndarray
    reason: np.ndarray
    events: Events  # ``deal`` indexes these copies, ``stage`` the period

    def __len__(self) -> int:
        return len(self.origin)


def success_copies(rng: np.random.Generator, window: Window, h: Histories) -> SuccessDeals:
    csm = members_with_role("csm")[0]
    won = np.flatnonzero((h.status == WON) & (rng.random(len(h)) < 0.4))
    created = working_time(window, h.closed[won] / DAY + rng.uniform(1, 4, len(won)))
    keep = created < window.cut
    won, created = won[keep], created[keep]
    n = len(won)
    churn_rng = np.random.default_rng(int(rng.integers(2**62)))
    churn_period = np.where(churn_rng.random(n) < FIRST_MONTH_CHURN, 0, churn_rng.geometric(MONTHLY_CHURN, n))
    churn_at = created + churn_period * PERIOD_DAYS * DAY + (churn_rng.uniform(1, 10, n) * DAY).astype(np.int64)
    last_period = np.maximum(churn_period, 1)  # a client lost in its first month still entered month_1

    deal_parts, kind_parts, at_parts, stage_parts, reason_parts = [], [], [], [], []

    def add(deal: np.ndarray, kind: int, at: np.ndarray, stage: np.ndarray, reason: int | np.ndarray = 0) -> None:
        deal_parts.append(deal)
        kind_parts.append(np.full(len(deal), kind))
        at_parts.append(at)
        stage_parts.append(stage)
        reason_parts.append(np.broadcast_to(reason, len(deal)).astype(np.int64))

    stage = np.zeros(n, dtype=np.int64)
    entered = created.copy()
    span = int((window.cut - created.min()) // (PERIOD_DAYS * DAY)) + 1 if n else 0
    for k in range(span):
        at = created + k * PERIOD_DAYS * DAY
        here = np.flatnonzero((at < window.cut) & (k < last_period))
        if k and k % PERIODS == 0:
            add(here, KIND_RENEWAL, at[here], np.full(len(here), -1))
        add(here, KIND_STAGE, at[here], np.full(len(here), k % PERIODS))
        if k == 0:
            add(here, KIND_OWNER, at[here], np.full(len(here), -1))
        stage[here], entered[here] = k % PERIODS, at[here]
    churned = np.flatnonzero(churn_at < window.cut)
    reasons = churn_rng.choice(CHURN_REASONS, len(churned))
    add(churned, KIND_LOST, churn_at[churned], stage[churned], reasons)

    deal, kind, at, ev_stage, reason = (np.concatenate(p) if p else np.empty(0, np.int64)
                                        for p in (deal_parts, kind_parts, at_parts, stage_parts, reason_parts))
    seq = np.select([kind == KIND_RENEWAL, kind == KIND_STAGE, kind == KIND_OWNER], [0, 1, 2], 3)
    order = np.lexsort((seq, deal, at))
    deal, kind, at, ev_stage, reason = deal[order], kind[order], at[order], ev_stage[order], reason[order]
    events = Events(deal=deal, kind=kind, at=at, user=np.full(len(deal), csm), stage=ev_stage,
                    owner=np.where(kind == KIND_OWNER, csm, -1), reason=reason)
    status = np.full(n, OPEN)
    status[churned] = LOST
    closed = np.full(n, -1, dtype=np.int64)
    closed[churned] = churn_at[churned]
    full_reason = np.zeros(n, dtype=np.int64)
    full_reason[churned] = reasons
    return SuccessDeals(origin=won, created=created, stage=stage, stage_entered=entered, status=status,
                        closed=closed, reason=full_reason, events=events)
