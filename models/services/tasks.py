"""Tasks: the next step on a deal — add, edit (title, due time, assignee), complete,
reopen, delete."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..orm import Task, User
from ..guards import locked
from .edit_conflicts import check_not_stale
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


TASK_FIELDS = ("title", "due_at", "assignee_id")


def update_task(session: Session, task_id: int, values: dict[str, Any], *,
                seen_version: int | None = None, original: dict[str, Any] | None = None) -> Changes:
    """Edit a task's ``title`` (not empty), ``due_at`` (None: no due time) or ``assignee_id``;
    a save on a stale ``seen_version`` that clashes with another's edit is refused."""
    task = locked(session, Task, task_id, "task")
    check_not_stale(session, "task", task, values, seen_version, original)
    for key, value in values.items():
        if key not in TASK_FIELDS:
            raise errors.InvalidValue(key, "is not a task field that can be edited")
        if key == "title":
            value = (value or "").strip()
            if not value:
                raise errors.InvalidValue("title", "cannot be empty")
        elif key == "assignee_id" and value is not None:
            get_or_raise(session, User, value, "user")
        elif key == "due_at" and value is not None:
            value = value.replace(microsecond=0)
        setattr(task, key, value)
    return Changes(tasks={task.id}, deals={task.deal_id} if task.deal_id else set())


def task_values(session: Session, task_id: int, keys: list[str]) -> dict[str, Any]:
    """The current values of ``keys`` (what an undo of ``update_task`` puts back)."""
    task = get_or_raise(session, Task, task_id, "task")
    return {key: getattr(task, key) for key in keys if key in TASK_FIELDS}


def expect_done_state(session: Session, task: Task, seen_done: bool | None) -> None:
    """Refuse (``ChangedSince``: who completed or reopened it, when) when the task is no
    longer done or open as the screen showed it (``seen_done``; None: no check)."""
    if seen_done is None or (task.done_at is not None) == seen_done:
        return
    who = session.scalar(select(User.name).where(User.id == task.updated_by_id)) if task.updated_by_id else None
    raise errors.ChangedSince("completed" if task.done_at is not None else "reopened_task", record=task.title,
                              who=who, at=task.updated_at)


def complete_task(session: Session, task_id: int, *, at: datetime | None = None,
                  seen_done: bool | None = None) -> Changes:
    """Mark a task done; ``seen_done=False`` (the screen showed it open) refuses a task
    someone else has completed since."""
    task = locked(session, Task, task_id, "task")
    expect_done_state(session, task, seen_done)
    if task.done_at is None:
        task.done_at = at or local_now()
    return Changes(tasks={task.id}, deals={task.deal_id} if task.deal_id else set())


def reopen_task(session: Session, task_id: int, *, seen_done: bool | None = None) -> Changes:
    """Mark a task open again; ``seen_done=True`` refuses a task someone else has reopened since."""
    task = locked(session, Task, task_id, "task")
    expect_done_state(session, task, seen_done)
    task.done_at = None
    return Changes(tasks={task.id}, deals={task.deal_id} if task.deal_id else set())


def delete_task(session: Session, task_id: int) -> Changes:
    task = get_or_raise(session, Task, task_id, "task")
    deal_id = task.deal_id
    session.delete(task)
    return Changes(tasks={task_id}, deals={deal_id} if deal_id else set())
