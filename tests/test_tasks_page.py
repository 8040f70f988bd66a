"""The Tasks page: grouped, completed with Space, deal opened with Enter."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from card_helpers import app_context
from voronka.models.clock import local_now
from voronka.models.orm import Task
from voronka.models.services.deals import create_deal
from voronka.models.services.tasks import add_task
from voronka.views.tasks.model import TASK_ID_ROLE
from voronka.views.tasks.page import TasksPage


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


@pytest.fixture
def page(ctx, qtbot):
    now = local_now()
    deal_id = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    ctx.db.run(add_task, title="Late call", assignee_id=1, deal_id=deal_id, due_at=now - timedelta(days=2))
    ctx.db.run(add_task, title="Demo prep", assignee_id=1, due_at=now + timedelta(days=3))
    ctx.db.run(add_task, title="Alex's task", assignee_id=2, due_at=now)
    widget = TasksPage(ctx)
    qtbot.addWidget(widget)
    return shown(qtbot, widget)


def shown(qtbot, page):
    """The tasks are read on the executor: wait until the latest read is on screen."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    return page


def titles(page, group):
    index = page.model.group_index(group)
    if not index.isValid():
        return []
    return [page.model.index(r, 0, index).data() for r in range(page.model.rowCount(index))]


def test_my_tasks_are_grouped_and_the_team_sees_everyone(page, qtbot):
    assert titles(page, "overdue") == ["Late call"] and titles(page, "upcoming") == ["Demo prep"]
    assert titles(page, "today") == []
    page.scope.setCurrentIndex(page.scope.findData("team"))
    assert titles(shown(qtbot, page), "today") == ["Alex's task"]


def test_space_completes_the_selected_task_and_undo_reopens_it(ctx, page, qtbot):
    page.select_task(page.model.index(0, 0, page.model.group_index("overdue")).data(TASK_ID_ROLE))
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert titles(shown(qtbot, page), "done") == ["Late call"] and titles(page, "overdue") == []
    with ctx.db.session() as s:
        assert s.query(Task).filter(Task.title == "Late call").one().done_at is not None
    ctx.undo_stack.undo()
    assert titles(shown(qtbot, page), "overdue") == ["Late call"]


def test_enter_opens_the_deal_of_the_task(ctx, page, qtbot):
    opened = []
    ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.group_index("overdue")))
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened == [("deal", 1)]


def test_a_task_typed_on_top_is_added_to_my_list(page, qtbot):
    qtbot.keyClicks(page.new_title, "Send the contract")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert "Send the contract" in titles(shown(qtbot, page), "upcoming") and page.new_title.text() == ""


def test_f2_renames_a_task_and_undo_restores_the_title(ctx, page, qtbot):
    from PySide6.QtWidgets import QLineEdit

    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.group_index("overdue")))
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editors = page.tree.viewport().findChildren(QLineEdit)
    assert len(editors) == 1 and editors[0].text() == "Late call"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, "Call the CFO")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(page, "overdue") == ["Call the CFO"])
    with ctx.db.session() as s:
        assert s.query(Task).filter(Task.title == "Call the CFO").count() == 1
    ctx.undo_stack.undo()
    assert titles(shown(qtbot, page), "overdue") == ["Late call"]


def test_rescheduling_a_task_moves_it_between_groups_and_an_empty_title_is_refused(ctx, page, monkeypatch, qtbot):
    from PySide6.QtCore import QDateTime

    from voronka.views.cards import deal_tasks

    late = page.model.index(0, 4, page.model.group_index("overdue"))
    later = (local_now() + timedelta(days=5)).replace(hour=11, minute=0, second=0, microsecond=0)
    assert page.model.setData(late, QDateTime(later))
    assert titles(shown(qtbot, page), "overdue") == [] and "Late call" in titles(page, "upcoming")
    with ctx.db.session() as s:
        assert s.query(Task).filter(Task.title == "Late call").one().due_at == later
    ctx.undo_stack.undo()
    assert titles(shown(qtbot, page), "overdue") == ["Late call"]
    errors = []
    monkeypatch.setattr(deal_tasks, "show_error", lambda parent, exc: errors.append(exc))
    assert not page.model.setData(page.model.index(0, 0, page.model.group_index("overdue")), "   ")
    assert "title" in str(errors[0]) and titles(page, "overdue") == ["Late call"]


def test_the_tasks_export_is_what_the_tree_shows(ctx, page, qtbot, tmp_path):
    import openpyxl

    ctx.db.run(add_task, title="=cmd|' /C calc'!A0", assignee_id=1, due_at=local_now() + timedelta(days=5))
    page.reload()
    shown(qtbot, page)
    path = tmp_path / "tasks.xlsx"
    page.export_to(str(path))
    qtbot.waitUntil(lambda: path.exists() and ctx.executor.idle(), timeout=10000)
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = [list(r) for r in ws.iter_rows(values_only=True)]
    assert cells[0][:2] == ["Group", "Task"]
    assert [(r[0], r[1]) for r in cells[1:]] == [("Overdue", "Late call"), ("Upcoming", "Demo prep"),
                                                ("Upcoming", "=cmd|' /C calc'!A0")]  # the tree's order
    assert [[c or "" for c in r[1:]] for r in cells[1:]] == [row[1:] for row in page.shown_rows()[1]]
    assert ws.cell(4, 2).data_type == "s" and ws.cell(3, 2).data_type == "s"  # text, never a formula
