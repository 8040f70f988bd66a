"""Reminders: which of a person's open tasks are due now, and snoozing them (no Qt).

A task is *due* once its due time has passed (``due_at <= now``) and it is not done; it is
*overdue* when it was due before today (``models.queries.tasks.is_overdue``, the one rule).
Snoozing hides chosen tasks from the reminders until a moment — 10 minutes, an hour, or
tomorrow morning — and is kept per user (database setting ``reminders.snoozed``:
``{task id: "YYYY-MM-DDTHH:MM:SS"}``), so another laptop of the same person agrees. Expired
snoozes and done tasks are dropped from the setting whenever it is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..orm import Company, Deal, Task
from ..queries.tasks import is_overdue
from .settings import get_setting, set_setting

SNOOZE_SETTING = "reminders.snoozed"
SNOOZE_CHOICES = ("10min", "1h", "tomorrow")
MORNING = time(9, 0)  # "tomorrow" means tomorrow at nine
MAX_SHOWN = 200  # a reminder list longer than this says "and N more"; the count stays exact


@dataclass(frozen=True, slots=True)
class Reminder:
    task_id: int
    title: str
    due_at: datetime
    deal_id: int | None
    deal_name: str | None
    company: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class DueTasks:
    """What the reminders show: the count of due tasks and the first of them, oldest first."""

    count: int
    reminders: tuple[Reminder, ...]
    snoozed: int  # due tasks hidden by a snooze

    @property
    def task_ids(self) -> set[int]:
        return {r.task_id for r in self.reminders}


def snooze_until(choice: str, now: datetime) -> datetime:
    """The end of a snooze chosen as "10min", "1h" or "tomorrow" (9:00 the next day)."""
    if choice == "10min":
        return now + timedelta(minutes=10)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        return datetime.combine(now.date() + timedelta(days=1), MORNING)
    raise ValueError(f"unknown snooze {choice!r} (one of {', '.join(SNOOZE_CHOICES)})")


def snoozed_tasks(session: Session, user_id: int, now: datetime) -> dict[int, datetime]:
    """The user's tasks snoozed past ``now``: task id → until when."""
    stored = get_setting(session, SNOOZE_SETTING, {}, user_id=user_id) or {}
    out: dict[int, datetime] = {}
    for key, until in stored.items():
        try:
            moment = datetime.fromisoformat(until)
        except (TypeError, ValueError):
            continue  # a value another version wrote: ignored, dropped at the next write
        if moment > now:
            out[int(key)] = moment
    return out


def due_tasks(session: Session, user_id: int | None, now: datetime) -> DueTasks:
    """The user's open tasks due by ``now``, without the snoozed ones (none without a user)."""
    if user_id is None:
        return DueTasks(0, (), 0)
    q = (select(Task.id, Task.title, Task.due_at, Task.deal_id, Deal.name, Company.name)
         .outerjoin(Deal, Deal.id == Task.deal_id).outerjoin(Company, Company.id == Deal.company_id)
         .where(Task.assignee_id == user_id, Task.done_at.is_(None), Task.due_at.is_not(None), Task.due_at <= now)
         .order_by(Task.due_at, Task.id))
    rows = session.execute(q).all()
    snoozed = snoozed_tasks(session, user_id, now)
    shown = [r for r in rows if r[0] not in snoozed]
    reminders = tuple(Reminder(tid, title, due, deal_id, deal_name, company, is_overdue(due, now))
                      for tid, title, due, deal_id, deal_name, company in shown[:MAX_SHOWN])
    return DueTasks(len(shown), reminders, len(rows) - len(shown))


def snooze(session: Session, user_id: int, task_ids: list[int], choice: str, now: datetime) -> Changes:
    """Snooze ``task_ids`` for the user (``choice``: see ``snooze_until``); expired snoozes and
    tasks done or gone meanwhile are dropped from the setting."""
    until = snooze_until(choice, now)
    kept = snoozed_tasks(session, user_id, now)
    kept.update({int(t): until for t in task_ids})
    still_open = set(session.scalars(select(Task.id).where(Task.id.in_(list(kept)), Task.done_at.is_(None))))
    value = {str(t): moment.isoformat(timespec="seconds") for t, moment in sorted(kept.items()) if t in still_open}
    return set_setting(session, SNOOZE_SETTING, value, user_id=user_id)


def unsnooze(session: Session, user_id: int) -> Changes:
    """Show every snoozed task again."""
    return set_setting(session, SNOOZE_SETTING, {}, user_id=user_id)
