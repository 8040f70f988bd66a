"""Tasks as plain rows: the Tasks page, a deal card's next steps, and deals with none.

Grouping (``task_group``): done; overdue (due before today); today (due today, at
any hour — a call planned for 10:00 is still today's work at 15:00); upcoming (due
later, or with no due time, which sorts after dated ones).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from ..orm import Company, Deal, DealStatus, Task, User

GROUPS = ("overdue", "today", "upcoming", "done")


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    title: str
    deal_id: int | None
    deal_name: str | None
    company: str | None
    assignee_id: int | None
    assignee: str | None
    due_at: datetime | None
    done_at: datetime | None
    created_at: datetime | None
    version: int = 0  # the task's version when read: an edit from this row is checked against it


def _rows(session: Session, *conditions) -> list[TaskRow]:
    q = (select(Task.id, Task.title, Task.deal_id, Deal.name, Company.name, Task.assignee_id, User.name,
                Task.due_at, Task.done_at, Task.created_at, Task.version)
         .outerjoin(Deal, Deal.id == Task.deal_id).outerjoin(Company, Company.id == Deal.company_id)
         .outerjoin(User, User.id == Task.assignee_id).where(*conditions)
         .order_by(Task.due_at.is_(None), Task.due_at, Task.id))
    return [TaskRow(*r) for r in session.execute(q)]


def task_rows(session: Session, *, assignee_id: int | None = None, done_since: datetime | None = None) -> list[TaskRow]:
    """Open tasks (of one assignee, or everyone's) and the ones done since ``done_since``."""
    cond = [or_(Task.done_at.is_(None), Task.done_at >= done_since) if done_since else Task.done_at.is_(None)]
    if assignee_id is not None:
        cond.append(Task.assignee_id == assignee_id)
    return _rows(session, *cond)


def deal_tasks(session: Session, deal_id: int) -> list[TaskRow]:
    """Every task of a deal, open first."""
    rows = _rows(session, Task.deal_id == deal_id)
    return sorted(rows, key=lambda r: r.done_at is not None)


def no_next_step():
    """The SQL condition "this deal has no open task": the one "no next step" rule (the
    deal card counts the same open tasks)."""
    return ~exists().where(Task.deal_id == Deal.id, Task.done_at.is_(None))


def deal_ids_without_next_step(session: Session, deal_ids: Iterable[int] | None = None) -> set[int]:
    """Open deals (of ``deal_ids``, if given) with no open task."""
    q = select(Deal.id).where(Deal.status == DealStatus.OPEN, no_next_step())
    if deal_ids is not None:
        q = q.where(Deal.id.in_(list(deal_ids)))
    return set(session.scalars(q))


def start_of_day(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def is_overdue(due_at: datetime, now: datetime) -> bool:
    """Due before today: the one "overdue" rule (a task due earlier today is today's)."""
    return due_at < start_of_day(now)


def task_group(row: TaskRow, now: datetime) -> str:
    if row.done_at is not None:
        return "done"
    if row.due_at is None:
        return "upcoming"
    if is_overdue(row.due_at, now):
        return "overdue"
    if row.due_at < start_of_day(now) + timedelta(days=1):
        return "today"
    return "upcoming"
