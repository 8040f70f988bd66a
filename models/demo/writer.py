"""Write a generated demo into a database: SQLAlchemy Core bulk inserts in one transaction.

Ids are given explicitly (after the largest existing ones) so rows can reference each
other without reading anything back; SQLite is told not to wait for the disk while
loading (the load is one transaction: it is all there or not at all).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from sqlalchemy import Connection, select

from ..bulk import insert_all, next_id, records
from ..funnel_setup import load_template
from ..orm import Activity, Company, Contact, Deal, DealEvent, LostReason, Pipeline, Plan, Stage, Task, User
from ..orm import deal_contacts
from .calendar import Window
from .companies import SEGMENTS, Companies, Contacts
from .events import KINDS, Events
from .history import SOURCES, Histories
from .plans import PlanRow
from .success import SuccessDeals
from .team import TEAM, members_with_role
from .work import Activities, Tasks

STATUS = np.array(["open", "won", "lost"], dtype=object)
# the demo's sources and segments as a team of that language names them (same order as SOURCES / SEGMENTS)
SOURCE_NAMES = {"ru": ("Холодный поиск", "Входящая заявка", "Партнёр", "Мероприятие", "Рекомендация")}
SEGMENT_NAMES = {"ru": ("Малый бизнес", "Средний бизнес", "Крупный бизнес")}


def mapped(ids: np.ndarray, table: np.ndarray) -> list[int | None]:
    """``table[ids]`` as Python ints, None where ``ids`` is negative."""
    out = np.where(ids >= 0, table[np.clip(ids, 0, None)], -1)
    return [None if v < 0 else v for v in out.tolist()]


class DemoWriter:
    """Writes the parts of a demo in dependency order on one connection."""

    def __init__(self, conn: Connection, window: Window, progress: Callable[[str], None], language: str = "en"):
        self.conn = conn
        self.window = window
        self.progress = progress
        # a Russian team's demo speaks Russian in its data too: "Рекомендация", not "referral"
        self.sources = np.array(SOURCE_NAMES.get(language, SOURCES), dtype=object)
        self.segments = np.array(SEGMENT_NAMES.get(language, SEGMENTS), dtype=object)

    def pipeline_id(self, key: str) -> np.int64:
        return np.int64(self.conn.scalar(select(Pipeline.id).where(Pipeline.key == key)))

    def stage_ids(self, pipeline_key: str, keys: Iterable[str]) -> np.ndarray:
        rows = self.conn.execute(
            select(Stage.key, Stage.id).join(Pipeline, Pipeline.id == Stage.pipeline_id)
            .where(Pipeline.key == pipeline_key)).all()
        by_key = dict(rows)
        return np.array([by_key[k] for k in keys], dtype=np.int64)

    def lost_reason_ids(self) -> np.ndarray:
        """Index = 1-based position in the default list; 0 maps to -1 (no reason)."""
        by_text = dict(self.conn.execute(select(LostReason.text, LostReason.id)).all())
        texts = [r["text"] for r in load_template("lost_reasons.json")]
        return np.array([-1] + [by_text[t] for t in texts], dtype=np.int64)

    def users(self) -> np.ndarray:
        existing = dict(self.conn.execute(select(User.name, User.id)).all())
        new = [m for m in TEAM if m.name not in existing]
        start = self.window.start
        insert_all(self.conn, User, [{"name": m.name, "role": m.role, "email": m.email, "active": True,
                                      "created_at": start} for m in new])
        existing = dict(self.conn.execute(select(User.name, User.id)).all())
        return np.array([existing[m.name] for m in TEAM], dtype=np.int64)

    def companies(self, comp: Companies, h: Histories) -> np.ndarray:
        first_deal = np.full(len(comp), len(h), dtype=np.int64)
        np.minimum.at(first_deal, h.company, np.arange(len(h)))
        used = first_deal < len(h)
        created = np.where(used, h.created[np.minimum(first_deal, len(h) - 1)], 0)
        source = np.where(used, self.sources[h.source[np.minimum(first_deal, len(h) - 1)]],
                          None)
        ids = np.arange(len(comp), dtype=np.int64) + next_id(self.conn, Company.id)
        insert_all(self.conn, Company, records(
            id=ids.tolist(), name=comp.name.tolist(), website=comp.website.tolist(), inn=comp.inn.tolist(),
            industry=comp.industry.tolist(), region=comp.region.tolist(),
            revenue_minor=(comp.revenue_rub * 100).tolist(), employees=comp.employees.tolist(),
            segment=self.segments[comp.segment].tolist(), source=source.tolist(),
            created_at=self.window.to_datetimes(created),
        ))
        return ids

    def contacts(self, people: Contacts, company_ids: np.ndarray, h: Histories) -> np.ndarray:
        ids = np.arange(len(people.company), dtype=np.int64) + next_id(self.conn, Contact.id)
        first_deal_time = np.full(len(company_ids), self.window.cut, dtype=np.int64)
        np.minimum.at(first_deal_time, h.company, h.created)
        insert_all(self.conn, Contact, records(
            id=ids.tolist(), company_id=company_ids[people.company].tolist(), full_name=people.full_name.tolist(),
            position=people.position.tolist(), contact_type=people.contact_type.tolist(),
            email_work=people.email.tolist(), phone_work=people.phone.tolist(),
            created_at=self.window.to_datetimes(first_deal_time[people.company]),
        ))
        return ids

    def deals(self, h: Histories, ids: dict[str, np.ndarray]) -> np.ndarray:
        deal_ids = np.arange(len(h), dtype=np.int64) + next_id(self.conn, Deal.id)
        comp_ids = ids["company"][h.company]
        amount = np.where(np.isnan(h.amount_rub), -1, np.nan_to_num(h.amount_rub) * 100).astype(np.int64)
        stage_entered = h.times[np.arange(len(h)), h.stage]
        insert_all(self.conn, Deal, records(
            id=deal_ids.tolist(), pipeline_id=[int(ids["sales_pipeline"])] * len(h),
            stage_id=ids["sales_stage"][h.stage].tolist(), name=ids["deal_name"].tolist(),
            name_is_manual=[True] * len(h), company_id=comp_ids.tolist(),
            amount_minor=[None if a < 0 else a for a in amount.tolist()], currency=["RUB"] * len(h),
            owner_id=ids["user"][h.owner].tolist(), source=self.sources[h.source].tolist(),
            segment=self.segments[h.segment].tolist(), cohort=h.cohort.tolist(),
            created_at=self.window.to_datetimes(h.created), expected_close=self.window.to_dates(h.expected_close),
            status=STATUS[h.status].tolist(), stage_entered_at=self.window.to_datetimes(stage_entered),
            closed_at=self.window.to_datetimes(h.closed), lost_reason_id=mapped(h.reason, ids["reason"]),
        ))
        return deal_ids

    def deal_contacts(self, h: Histories, people: Contacts, deal_ids: np.ndarray, contact_ids: np.ndarray,
                      rng: np.random.Generator) -> None:
        first = people.first_of_company[h.company]
        second = (people.count_of_company[h.company] > 1) & (rng.random(len(h)) < 0.5)
        deal = np.concatenate([deal_ids, deal_ids[second]])
        contact = np.concatenate([contact_ids[first], contact_ids[first[second] + 1]])
        insert_all(self.conn, deal_contacts, records(deal_id=deal.tolist(), contact_id=contact.tolist()))

    def events(self, ev: Events, deal_ids: np.ndarray, stage_ids: np.ndarray, ids: dict[str, np.ndarray]) -> None:
        first = next_id(self.conn, DealEvent.id)
        insert_all(self.conn, DealEvent, records(
            id=(np.arange(len(ev)) + first).tolist(), deal_id=deal_ids[ev.deal].tolist(),
            kind=KINDS[ev.kind].tolist(), at=self.window.to_datetimes(ev.at),
            user_id=ids["user"][ev.user].tolist(), stage_id=mapped(ev.stage, stage_ids),
            owner_id=mapped(ev.owner, ids["user"]), lost_reason_id=mapped(ev.reason, ids["reason"]),
        ))

    def success_deals(self, cs: SuccessDeals, h: Histories, sales_deal_ids: np.ndarray,
                      ids: dict[str, np.ndarray]) -> np.ndarray:
        csm = ids["user"][members_with_role("csm")[0]]
        n = len(cs)
        deal_ids = np.arange(n, dtype=np.int64) + next_id(self.conn, Deal.id)
        o = cs.origin
        amount = (np.nan_to_num(h.amount_rub[o]) * 100).astype(np.int64)
        insert_all(self.conn, Deal, records(
            id=deal_ids.tolist(), pipeline_id=[int(ids["success_pipeline"])] * n,
            stage_id=ids["success_stage"][cs.stage].tolist(), name=ids["deal_name"][o].tolist(),
            name_is_manual=[True] * n, company_id=ids["company"][h.company[o]].tolist(),
            amount_minor=amount.tolist(), currency=["RUB"] * n, owner_id=[int(csm)] * n,
            source=self.sources[h.source[o]].tolist(),
            segment=self.segments[h.segment[o]].tolist(), cohort=[None] * n,
            created_at=self.window.to_datetimes(cs.created), expected_close=[None] * n,
            status=STATUS[cs.status].tolist(), stage_entered_at=self.window.to_datetimes(cs.stage_entered),
            closed_at=self.window.to_datetimes(cs.closed), lost_reason_id=mapped(cs.reason, ids["reason"]),
            origin_deal_id=sales_deal_ids[o].tolist(),
        ))
        return deal_ids

    def activities(self, act: Activities, h: Histories, people: Contacts, deal_ids: np.ndarray,
                   contact_ids: np.ndarray, ids: dict[str, np.ndarray], rng: np.random.Generator) -> None:
        has_deal = act.deal >= 0
        company = h.company[np.clip(act.deal, 0, None)]
        pick = people.first_of_company[company] + (rng.random(len(act.at)) * people.count_of_company[company]
                                                   ).astype(np.int64)
        insert_all(self.conn, Activity, records(
            type=act.type.tolist(), at=self.window.to_datetimes(act.at), user_id=ids["user"][act.user].tolist(),
            deal_id=mapped(act.deal, deal_ids), contact_id=mapped(np.where(has_deal, pick, -1), contact_ids),
            outcome=act.outcome.tolist(),
        ))

    def tasks(self, tasks: Tasks, deal_ids: np.ndarray, ids: dict[str, np.ndarray]) -> None:
        insert_all(self.conn, Task, records(
            title=tasks.title.tolist(), deal_id=deal_ids[tasks.deal].tolist(),
            assignee_id=ids["user"][tasks.assignee].tolist(), due_at=self.window.to_datetimes(tasks.due),
            done_at=self.window.to_datetimes(tasks.done), created_at=self.window.to_datetimes(tasks.created),
        ))

    def plans(self, rows: list[PlanRow], ids: dict[str, np.ndarray]) -> None:
        taken = set(self.conn.execute(select(Plan.year, Plan.month, Plan.user_id)).all())
        out = []
        for r in rows:
            user_id = None if r.user is None else int(ids["user"][r.user])
            if (r.year, r.month, user_id) not in taken:
                out.append({"year": r.year, "month": r.month, "user_id": user_id, "amount_minor": r.amount_rub * 100})
        insert_all(self.conn, Plan, out)
