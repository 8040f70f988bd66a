"""A realistic, seeded demo history for a new database (``voronka demo``).

``build_demo(db, deals, seed, anchor)`` generates two years of a B2B sales team's work
ending at the start of the ``anchor`` day — the team (``team``), companies and
contacts (``companies``), deal paths through the sales funnel (``history``), their
event log (``events``), sales actions and tasks (``work``), plans (``plans``) and
Client Success copies (``success``) — with numpy, and writes it with Core bulk
inserts in one transaction (``writer``). The same seed, anchor and size give the same
database on any day.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import func, select

from .. import errors
from ..bulk import fast_bulk_load
from ..clock import local_now
from ..db import Database
from ..orm import Deal
from ..queries.settings import get_setting
from .calendar import Window
from .companies import make_companies, make_contacts
from .deal_names import demo_deal_names
from .events import deal_events
from .history import PATH, simulate
from .plans import team_plans
from .success import success_copies
from .work import daily_activities, deal_tasks
from .writer import DemoWriter

DEFAULT_DEALS = 2_000
COMPANIES_PER_DEAL = 0.9


@dataclass
class DemoSummary:
    deals: int
    success_deals: int
    companies: int
    contacts: int
    events: int
    activities: int
    tasks: int
    plans: int
    anchor: date


class DemoRefused(errors.VoronkaError):
    def __init__(self, location: str):
        super().__init__(f"{location} already holds deals; give a new file for the demo database.")
        self.location = location


def _quiet(_message: str) -> None:
    return None


def build_demo(
    db: Database,
    deals: int = DEFAULT_DEALS,
    seed: int = 1,
    anchor: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Fill ``db`` (which must hold no deals yet) with a demo of ``deals`` sales deals.

    Raises ``InvalidValue`` for a non-positive size and ``DemoRefused`` if the database
    already has deals.
    """
    if deals < 1:
        raise errors.InvalidValue("deals", "must be at least 1")
    report = progress or _quiet
    anchor = anchor or local_now().date()
    window = Window(anchor)
    rng = np.random.default_rng(seed)
    started = time.perf_counter()

    def step(message: str) -> None:
        report(f"{time.perf_counter() - started:6.1f}s  {message}")

    with db.session() as s:
        if s.scalar(select(func.count()).select_from(Deal)):
            raise DemoRefused(db.location)

    step(f"generating {deals:,} deals over {window.days} days to {anchor.isoformat()}")
    companies = make_companies(rng, max(1, int(deals * COMPANIES_PER_DEAL)))
    people = make_contacts(rng, companies)
    histories = simulate(rng, window, deals, companies.segment)
    events = deal_events(histories)
    activities = daily_activities(rng, window, histories)
    tasks = deal_tasks(rng, window, histories)
    plans = team_plans(window, histories)
    success = success_copies(rng, window, histories)

    with db.transaction() as session:
        # again inside the write transaction (it holds the write lock): a colleague may have added
        # a deal while the history was generated, and the demo never mixes with a team's deals
        if session.scalar(select(func.count()).select_from(Deal)):
            raise DemoRefused(db.location)
        conn = session.connection()
        fast_bulk_load(conn)
        language = str(get_setting(session, "team.language", "ru"))
        w = DemoWriter(conn, window, step, language)
        ids = {"user": w.users(), "reason": w.lost_reason_ids(),
               "sales_stage": w.stage_ids("sales", PATH),
               "success_stage": w.stage_ids("success", [f"month_{i}" for i in range(1, 13)])}
        ids["sales_pipeline"], ids["success_pipeline"] = w.pipeline_id("sales"), w.pipeline_id("success")
        step(f"writing {len(companies):,} companies and {len(people.company):,} contacts")
        ids["company"] = w.companies(companies, histories)
        contact_ids = w.contacts(people, ids["company"], histories)
        ids["deal_name"] = demo_deal_names(companies.brand_ru, companies.brand_en, histories.company, language)
        step(f"writing {deals:,} deals and {len(events):,} events")
        deal_ids = w.deals(histories, ids)
        w.deal_contacts(histories, people, deal_ids, contact_ids, rng)
        w.events(events, deal_ids, ids["sales_stage"], ids)
        step(f"writing {len(success):,} Client Success deals")
        success_ids = w.success_deals(success, histories, deal_ids, ids)
        w.events(success.events, success_ids, ids["success_stage"], ids)
        step(f"writing {len(activities.at):,} activities, {len(tasks.due):,} tasks, {len(plans)} plans")
        w.activities(activities, histories, people, deal_ids, contact_ids, ids, rng)
        w.tasks(tasks, deal_ids, ids)
        w.plans(plans, ids)
        step("committing")
    step("done")
    return DemoSummary(
        deals=deals, success_deals=len(success), companies=len(companies), contacts=len(people.company),
        events=len(events) + len(success.events), activities=len(activities.at), tasks=len(tasks.due),
        plans=len(plans), anchor=anchor,
    )
