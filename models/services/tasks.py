"""Tasks: the next step on a deal — add, complete, reopen."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..orm import Task
from .lookup import get_or_raise


def add_task(
    session: Session, *, title: str, assignee_id: int | None, deal_id: int | None = None,
    due_at: datetime | None = None,
) -> Changes:
    if not (title or "").strip():
        raise errors.InvalidValue("title", "cannot be empty")
    task = Task(title=title.strip(), assignee_id=assignee_id, deal_id=deal_id, due_at=due_at,
                created_at=local_now())
    session.add(task)
    session.flush()
    return Changes(tasks={task.id}, deals={deal_id} if deal_id else set(), created=[task.id])


def complete_task(session: Session, task_id: int, *, at: datetime | None = None) -> Changes:
    task = get_or_raise(session, Task, task_id, "task")
    if task.done_at is None:
        task.done_at = at or local_now()
    return Changes(tasks={task.id}, deals={task.deal_id} if task.deal_id else set())


def reopen_task(session: Session, task_id: int) -> Changes:
    task = get_or_raise(session, Task, task_id, "task")
    task.done_at = None
    return Changes(tasks={task.id}, deals={task.deal_id} if task.deal_id else set())


def delete_task(session: Session, task_id: int) -> Changes:
    task = get_or_raise(session, Task, task_id, "task")
    deal_id = task.deal_id
    session.delete(task)
    return Changes(tasks={task_id}, deals={deal_id} if deal_id else set())
