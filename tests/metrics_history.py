"""A small DSL for hand-built sales histories: the metric tests build ``FunnelFrames``
directly, event by event, the way the deal services would write them.

    h = History()
    d = h.deal(1, at=t(9, 1), stage="work_started", amount=100_000)
    d.move("replied", t(9, 5)).win(t(10, 5))
    frames = h.frames()
"""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from voronka.models.frames import (
    ACTIVITY_COLUMNS, DEAL_COLUMNS, EVENT_COLUMNS, LOST_REASON_COLUMNS, PLAN_COLUMNS, STAGE_COLUMNS,
    SUCCESS_DEAL_COLUMNS, USER_COLUMNS, FunnelFrames, SuccessFrames,
)
from voronka.models.funnel_setup import load_template

SALES = load_template("sales.json")
KEYS = [s["key"] for s in SALES["stages"]]
STAGE_ID = {key: i for i, key in enumerate(KEYS, start=1)}
SASHA, ALEX, HELEN = 1, 2, 3  # the conftest users: sdr, ae, head of sales


def t(month: int, day: int, hour: int = 12, year: int = 2026, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute)


def stages_frame(overrides: dict[str, float] | None = None) -> pd.DataFrame:
    rows = []
    for i, s in enumerate(SALES["stages"], start=1):
        rows.append((i, s["key"], i, STAGE_ID[s["side_of"]] if s.get("side_of") else None, bool(s.get("won")),
                     s["name_ru"], s["name_en"], (overrides or {}).get(s["key"]), None))
    return pd.DataFrame(rows, columns=STAGE_COLUMNS)


class DealBuilder:
    def __init__(self, history: History, deal_id: int):
        self.h, self.id = history, deal_id

    def move(self, stage: str, at: datetime, user: int | None = None) -> DealBuilder:
        self.h.event(self.id, "stage", at, user, stage_id=STAGE_ID[stage])
        self.h.deal_row(self.id).update(stage_id=STAGE_ID[stage])
        return self

    def win(self, at: datetime, user: int | None = None, *, stage_row: bool = True) -> DealBuilder:
        """Win; ``stage_row=False`` writes only the won event (as an import may)."""
        if stage_row:
            self.move("signed", at, user)
        self.h.event(self.id, "won", at, user, stage_id=STAGE_ID["signed"])
        self.h.deal_row(self.id).update(status="won", closed_at=at)
        return self

    def lose(self, at: datetime, reason: int = 4, user: int | None = None) -> DealBuilder:
        row = self.h.deal_row(self.id)
        self.h.event(self.id, "lost", at, user, stage_id=row["stage_id"], lost_reason_id=reason)
        row.update(status="lost", closed_at=at, lost_reason_id=reason)
        return self

    def reopen(self, at: datetime, user: int | None = None) -> DealBuilder:
        self.h.event(self.id, "reopened", at, user)
        self.h.deal_row(self.id).update(status="open", closed_at=None, lost_reason_id=None)
        return self

    def hand_to(self, owner: int, at: datetime, user: int | None = None) -> DealBuilder:
        self.h.event(self.id, "owner", at, user, owner_id=owner)
        self.h.deal_row(self.id).update(owner_id=owner)
        return self


SUCCESS_STAGE = {f"month_{i}": 100 + i for i in range(1, 13)}
CSM = 9


class SuccessDealBuilder:
    """A Client Success deal: created in ``month_1``; ``renew`` goes back to it."""

    def __init__(self, history: History, deal_id: int):
        self.h, self.id = history, deal_id

    def move(self, stage: str, at: datetime) -> SuccessDealBuilder:
        self.h.event(self.id, "stage", at, CSM, stage_id=SUCCESS_STAGE[stage])
        return self

    def renew(self, at: datetime) -> SuccessDealBuilder:
        self.h.event(self.id, "renewal", at, CSM)
        return self.move("month_1", at)

    def lose(self, at: datetime, reason: int = 16) -> SuccessDealBuilder:
        self.h.event(self.id, "lost", at, CSM, lost_reason_id=reason)
        return self

    def reopen(self, at: datetime) -> SuccessDealBuilder:
        self.h.event(self.id, "reopened", at, CSM)
        return self


class History:
    """Deals, events, activities, users and plans of one sales pipeline."""

    def __init__(self, overrides: dict[str, float] | None = None):
        self.stages = stages_frame(overrides)
        self._deals: dict[int, dict] = {}
        self._events: list[tuple] = []
        self._activities: list[tuple] = []
        self.users = pd.DataFrame(
            [(SASHA, "Sasha SDR", "sdr", True), (ALEX, "Alex AE", "ae", True), (HELEN, "Helen Head", "head_of_sales", True)],
            columns=USER_COLUMNS)
        self._plans: list[tuple] = []
        self._success: dict[int, tuple] | None = None  # None: the team has no Client Success pipeline
        self.lost_reasons = pd.DataFrame(
            [(i, f"reason {i}", f"reason {i}") for i in range(1, 18)], columns=LOST_REASON_COLUMNS)

    def deal(self, deal_id: int, at: datetime, stage: str = "unsorted", *, owner: int = SASHA,
             user: int | None = None, amount: float | None = None, source: str | None = None,
             cohort: str | None = None, expected_close: date | None = None) -> DealBuilder:
        self._deals[deal_id] = dict(
            deal_id=deal_id, name=f"deal {deal_id}", owner_id=owner, company_id=None, company=None, amount=amount,
            created_at=at, expected_close=expected_close, source=source, segment=None, cohort=cohort,
            status="open", stage_id=STAGE_ID[stage], closed_at=None, lost_reason_id=None)
        self.event(deal_id, "stage", at, user if user is not None else owner, stage_id=STAGE_ID[stage])
        self.event(deal_id, "owner", at, user if user is not None else owner, owner_id=owner)
        return DealBuilder(self, deal_id)

    def success_pipeline(self) -> History:
        """Give the team a Client Success pipeline (even with no deals in it)."""
        if self._success is None:
            self._success = {}
        return self

    def success_deal(self, deal_id: int, at: datetime, amount: float | None, billing_months: int = 12,
                     pipeline_id: int = 2) -> SuccessDealBuilder:
        """A Client Success deal created at ``at`` (its events share the sales event log's ids)."""
        self.success_pipeline()
        self._success[deal_id] = (deal_id, pipeline_id, amount, billing_months, CSM)  # type: ignore[index]
        self.event(deal_id, "stage", at, CSM, stage_id=SUCCESS_STAGE["month_1"])
        return SuccessDealBuilder(self, deal_id)

    def deal_row(self, deal_id: int) -> dict:
        return self._deals[deal_id]

    def event(self, deal_id: int, kind: str, at: datetime, user: int | None, *, stage_id: int | None = None,
              owner_id: int | None = None, lost_reason_id: int | None = None) -> None:
        self._events.append((len(self._events) + 1, deal_id, kind, at, user, stage_id, owner_id, lost_reason_id))

    def activity(self, type_: str, at: datetime, user: int, deal_id: int | None = None, n: int = 1) -> History:
        for _ in range(n):
            self._activities.append((len(self._activities) + 1, type_, at, user, deal_id))
        return self

    def user(self, user_id: int, name: str, role: str, active: bool = True) -> History:
        self.users = pd.concat([self.users, pd.DataFrame([(user_id, name, role, active)], columns=USER_COLUMNS)],
                               ignore_index=True)
        return self

    def plan(self, year: int, amount: float, month: int | None = None, user_id: int | None = None) -> History:
        self._plans.append((year, month, user_id, amount))
        return self

    def frames(self) -> FunnelFrames:
        deals = pd.DataFrame(list(self._deals.values()), columns=DEAL_COLUMNS)
        for col in ("created_at", "expected_close", "closed_at"):
            deals[col] = pd.to_datetime(deals[col]).astype("datetime64[ns]")
        deals["amount"] = pd.to_numeric(deals["amount"]).astype("float64")
        events = pd.DataFrame(self._events, columns=EVENT_COLUMNS)
        events["at"] = pd.to_datetime(events["at"]).astype("datetime64[ns]")
        activities = pd.DataFrame(self._activities, columns=ACTIVITY_COLUMNS)
        activities["at"] = pd.to_datetime(activities["at"]).astype("datetime64[ns]")
        plans = pd.DataFrame(self._plans, columns=PLAN_COLUMNS)
        success = None
        if self._success is not None:
            cs_deals = pd.DataFrame(list(self._success.values()), columns=SUCCESS_DEAL_COLUMNS)
            cs_deals["amount"] = pd.to_numeric(cs_deals["amount"]).astype("float64")
            cs_stages = pd.DataFrame(
                [(sid, key, i, None, False, key, key, None, None) for i, (key, sid) in enumerate(SUCCESS_STAGE.items(), 1)],
                columns=STAGE_COLUMNS)
            success = SuccessFrames(cs_stages, cs_deals, events[events["deal_id"].isin(self._success)].reset_index(drop=True))
        sales_events = events[~events["deal_id"].isin(self._success or {})].reset_index(drop=True)
        return FunnelFrames("sales", self.stages.copy(), deals, sales_events, activities, self.users.copy(), plans,
                            self.lost_reasons.copy(), success=success)
