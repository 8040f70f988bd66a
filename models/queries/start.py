"""Plain rows for the start page tiles: my tasks, deals with no next step, stuck deals,
the pipeline by stage. One query each; ``owner_id`` None means the whole team.

Decisions (the spec is silent on the start page):
- *My tasks today*: open (not done) tasks assigned to me that are due before tomorrow,
  overdue first; a task with no due time is not "today". "Overdue" means due before
  today, as the Tasks page groups it (``models.queries.tasks.is_overdue``); a task due
  earlier today is today's, shown in red.
- *No next step*: an open deal of the pipeline with no open task at all.
- *Stuck*: an open deal whose time in its current stage exceeds the stage's limit —
  the board's rule (``metrics.stuck``: rot days, else the p90 of the stage's past stays),
  computed by the caller and passed in as ``limits``. Oldest first.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..money import from_minor
from ..orm import Deal, Pipeline, Stage, Task, User
from .tasks import is_overdue, no_next_step, start_of_day


@dataclass(frozen=True, slots=True)
class TodayTask:
    """A line of the start page's "my tasks today" tile."""

    id: int
    title: str
    deal_id: int | None
    deal_name: str | None
    due_at: datetime
    overdue: bool


@dataclass(frozen=True, slots=True)
class DealLine:
    """One deal in a tile list."""

    id: int
    name: str
    stage_ru: str
    stage_en: str
    owner: str | None
    amount: float | None
    days_in_stage: float


@dataclass(frozen=True, slots=True)
class DealList:
    total: int  # every matching deal; ``deals`` holds the first ``limit`` of them
    deals: list[DealLine]


@dataclass(frozen=True, slots=True)
class StageTotal:
    key: str
    name_ru: str
    name_en: str
    count: int
    amount: float


def has_deals(session: Session) -> bool:
    """Whether the database holds any deal (an empty one gets the import offer)."""
    return session.scalar(select(Deal.id).limit(1)) is not None


def my_tasks(session: Session, user_id: int | None, now: datetime) -> list[TodayTask]:
    """Open tasks of ``user_id`` due before tomorrow, overdue first (by due time)."""
    if user_id is None:
        return []
    tomorrow = start_of_day(now) + timedelta(days=1)
    q = (select(Task.id, Task.title, Task.deal_id, Deal.name, Task.due_at)
         .outerjoin(Deal, Deal.id == Task.deal_id)
         .where(Task.assignee_id == user_id, Task.done_at.is_(None), Task.due_at.is_not(None),
                Task.due_at < tomorrow)
         .order_by(Task.due_at, Task.id))
    return [TodayTask(tid, title, did, dname, due, is_overdue(due, now))
            for tid, title, did, dname, due in session.execute(q)]


def _open_deals(pipeline_key: str, owner_id: int | None):
    q = (select(Deal.id, Deal.name, Stage.name_ru, Stage.name_en, User.name, Deal.amount_minor,
                Deal.stage_entered_at)
         .join(Pipeline, Pipeline.id == Deal.pipeline_id)
         .join(Stage, Stage.id == Deal.stage_id)
         .outerjoin(User, User.id == Deal.owner_id)
         .where(Pipeline.key == pipeline_key, Deal.status == "open"))
    if owner_id is not None:
        q = q.where(Deal.owner_id == owner_id)
    return q


def _deal_list(session: Session, q, now: datetime, limit: int) -> DealList:
    total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
    lines = []
    for did, name, s_ru, s_en, owner, minor, entered in session.execute(q.limit(limit)):
        days = (now - entered).total_seconds() / 86400 if entered else 0.0
        amount = float(from_minor(minor)) if minor is not None else None
        lines.append(DealLine(did, name, s_ru, s_en, owner, amount, days))
    return DealList(total, lines)


def deals_without_next_step(session: Session, now: datetime, pipeline_key: str = "sales",
                            owner_id: int | None = None, limit: int = 30) -> DealList:
    """Open deals with no open task, longest in their stage first."""
    q = _open_deals(pipeline_key, owner_id).where(no_next_step()).order_by(Deal.stage_entered_at, Deal.id)
    return _deal_list(session, q, now, limit)


def stuck_deals(session: Session, now: datetime, limits: Mapping[int, float | None],
                pipeline_key: str = "sales", owner_id: int | None = None, limit: int = 30) -> DealList:
    """Open deals in their stage longer than ``limits[stage_id]`` days (None: never stuck)."""
    # one cut-off time per stage keeps the comparison portable (no date arithmetic in SQL)
    too_old = [and_(Deal.stage_id == sid, Deal.stage_entered_at < now - timedelta(days=days))
               for sid, days in limits.items() if days is not None]
    if not too_old:
        return DealList(0, [])
    q = _open_deals(pipeline_key, owner_id).where(or_(*too_old)).order_by(Deal.stage_entered_at, Deal.id)
    return _deal_list(session, q, now, limit)


def pipeline_by_stage(session: Session, pipeline_key: str = "sales",
                      owner_id: int | None = None) -> list[StageTotal]:
    """Open deals and their amount at each stage of the pipeline, in stage order (empty stages too)."""
    counts = (select(Deal.stage_id, func.count(Deal.id).label("n"),
                     func.coalesce(func.sum(Deal.amount_minor), 0).label("minor"))
              .where(Deal.status == "open").group_by(Deal.stage_id))
    if owner_id is not None:
        counts = counts.where(Deal.owner_id == owner_id)
    sub = counts.subquery()
    q = (select(Stage.key, Stage.name_ru, Stage.name_en, func.coalesce(sub.c.n, 0),
                func.coalesce(sub.c.minor, 0))
         .join(Pipeline, Pipeline.id == Stage.pipeline_id)
         .outerjoin(sub, sub.c.stage_id == Stage.id)
         .where(Pipeline.key == pipeline_key, Stage.won.is_(False))
         .order_by(Stage.position))
    return [StageTotal(key, ru, en, int(n), float(from_minor(int(minor)) or 0))
            for key, ru, en, n, minor in session.execute(q)]
