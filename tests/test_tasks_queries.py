"""Task grouping and the "no next step" flag."""
from __future__ import annotations

from datetime import datetime, timedelta

from voronka.models.queries.tasks import deal_ids_without_next_step, task_group, task_rows
from voronka.models.services.deals import create_deal, win_deal
from voronka.models.services.tasks import add_task, complete_task

NOW = datetime(2026, 3, 10, 15, 0)


def test_tasks_fall_into_overdue_today_upcoming_and_done(db):
    ids = {}
    for title, due in [("late", NOW - timedelta(days=1)), ("morning", NOW.replace(hour=9)),
                       ("later", NOW + timedelta(days=2)), ("someday", None)]:
        ids[title] = db.run(add_task, title=title, assignee_id=1, due_at=due).created[0]
    db.run(complete_task, ids["later"], at=NOW)
    rows = db.run(task_rows, assignee_id=1, done_since=NOW - timedelta(days=7))
    groups = {r.title: task_group(r, NOW) for r in rows}
    assert groups == {"late": "overdue", "morning": "today", "later": "done", "someday": "upcoming"}


def test_team_tasks_include_everyone_and_mine_only_mine(db):
    db.run(add_task, title="mine", assignee_id=1)
    db.run(add_task, title="theirs", assignee_id=2)
    assert {r.title for r in db.run(task_rows)} == {"mine", "theirs"}
    assert {r.title for r in db.run(task_rows, assignee_id=1)} == {"mine"}


def test_open_deal_without_open_task_has_no_next_step(db):
    a = db.run(create_deal, name="A", user_id=1).created[0]
    b = db.run(create_deal, name="B", user_id=1).created[0]
    won = db.run(create_deal, name="C", user_id=1, stage_key="qualified", amount=5).created[0]
    db.run(win_deal, won, user_id=1)
    task = db.run(add_task, title="call", assignee_id=1, deal_id=b).created[0]
    assert db.run(deal_ids_without_next_step) == {a}
    db.run(complete_task, task)
    assert db.run(deal_ids_without_next_step, [a, b]) == {a, b}


def test_the_start_tiles_overdue_is_the_tasks_pages_overdue_group(db):
    from voronka.models.queries.start import my_tasks

    for title, due in [("late", NOW - timedelta(days=1)), ("morning", NOW.replace(hour=9)),
                       ("evening", NOW.replace(hour=19))]:
        db.run(add_task, title=title, assignee_id=1, due_at=due)
    tile = {r.title: r.overdue for r in db.run(my_tasks, 1, NOW)}
    page = {r.title: task_group(r, NOW) == "overdue" for r in db.run(task_rows, assignee_id=1)}
    assert tile == page == {"late": True, "morning": False, "evening": False}
