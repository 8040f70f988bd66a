"""The Tasks page with a colleague on the same database (one SQLite file or one PostgreSQL
database): an inline edit or a tick carries the task as the page showed it, so a task
someone else changed since is never overwritten — the edit is refused in one sentence
naming who changed what, the page shows the task as it is now, and nothing goes on the
undo stack. A change to another field of the task merges."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLineEdit

from undo_support import B_NAME, server, snapshot, two  # noqa: F401 (fixtures)
from voronka.models.clock import local_now
from voronka.models.orm import Task
from voronka.models.services.tasks import add_task, complete_task, reopen_task, update_task
from voronka.views.cards import deal_tasks
from voronka.views.errors import describe
from voronka.views.tasks.model import TASK_ID_ROLE
from voronka.views.tasks.page import TasksPage


@pytest.fixture
def shown(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(deal_tasks, "show_error", lambda parent, exc: said.append(describe(exc)))
    return said


def page_with_task(two, qtbot, **values):
    due = (local_now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    task = two.a.db.run(add_task, **{"title": "Call", "assignee_id": 1, "due_at": due, **values}).created[0]
    page = TasksPage(two.a)
    qtbot.addWidget(page)
    page.show_done.setChecked(True)
    select(page, qtbot, task)
    return page, task


def select(page, qtbot, task: int) -> None:
    """Select the task once the page has read it (the page reads on the executor)."""
    def selected() -> bool:
        page.select_task(task)
        return page.tree.currentIndex().data(TASK_ID_ROLE) == task
    qtbot.waitUntil(selected)


def rename_in_place(page, qtbot, text: str) -> None:
    """F2 on the selected task, type, Enter: what a user does."""
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    [editor] = page.tree.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_renaming_a_task_a_colleague_renamed_since_it_was_shown_is_refused(two, qtbot, shown):
    page, task = page_with_task(two, qtbot)
    two.b.run(update_task, task, {"title": "Call the CFO"})  # B, on the other database connection
    rename_in_place(page, qtbot, "Call the CEO")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert snapshot(two.a.db, Task, task)["title"] == "Call the CFO"  # theirs survives
    assert shown[0].startswith(f"{B_NAME} changed Title at ") and "nothing was saved" in shown[0]
    assert two.a.undo_stack.count() == 0
    qtbot.waitUntil(lambda: page.tree.currentIndex().data() == "Call the CFO")  # the page shows it as it is now


def test_renaming_a_task_whose_due_time_a_colleague_moved_keeps_both_changes(two, qtbot, shown):
    page, task = page_with_task(two, qtbot)
    theirs = (local_now() + timedelta(days=9)).replace(hour=15, minute=0, second=0, microsecond=0)
    two.b.run(update_task, task, {"due_at": theirs})
    rename_in_place(page, qtbot, "Call the CEO")
    qtbot.waitUntil(lambda: two.a.undo_stack.count() == 1)
    row = snapshot(two.a.db, Task, task)
    assert (row["title"], row["due_at"]) == ("Call the CEO", theirs) and shown == []


def test_rescheduling_a_task_a_colleague_rescheduled_since_is_refused(two, qtbot, shown):
    page, task = page_with_task(two, qtbot)
    theirs = (local_now() + timedelta(days=9)).replace(hour=15, minute=0, second=0, microsecond=0)
    two.b.run(update_task, task, {"due_at": theirs})
    due = page.tree.currentIndex().siblingAtColumn(4)
    assert not page.model.setData(due, QDateTime(theirs + timedelta(days=1)))
    assert snapshot(two.a.db, Task, task)["due_at"] == theirs
    assert shown[0].startswith(f"{B_NAME} changed Due time at ") and two.a.undo_stack.count() == 0


def test_ticking_off_a_task_a_colleague_completed_since_is_refused(two, qtbot, shown):
    page, task = page_with_task(two, qtbot)
    two.b.run(complete_task, task)
    done_at = snapshot(two.a.db, Task, task)["done_at"]
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)  # the page still shows it open
    assert shown == [f"{B_NAME} marked the task «Call» done" + shown[0].split("done", 1)[1]]
    assert " at " in shown[0]
    assert snapshot(two.a.db, Task, task)["done_at"] == done_at and two.a.undo_stack.count() == 0
    # and a task the page shows done that B reopened meanwhile is not reopened again over B
    two.a.db.run(complete_task, task)
    page.reload()
    qtbot.waitUntil(lambda: page.model.task_count("done") == 1)
    select(page, qtbot, task)
    two.b.run(reopen_task, task)
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert shown[-1].startswith(f"{B_NAME} reopened the task «Call»")
    assert snapshot(two.a.db, Task, task)["done_at"] is None and two.a.undo_stack.count() == 0


def test_ticking_off_a_task_nobody_touched_still_works_and_undoes(two, qtbot, shown):
    page, task = page_with_task(two, qtbot)
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert snapshot(two.a.db, Task, task)["done_at"] is not None and shown == []
    assert two.a.undo_stack.undo() is True
    assert snapshot(two.a.db, Task, task)["done_at"] is None
