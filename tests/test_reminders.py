"""Reminders: my due and overdue tasks show as a count on the Tasks entry and a bell, snooze
hides them per user until the chosen moment, and the check runs on the executor."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from voronka.models.clock import local_now
from voronka.models.services.reminders import (
    SNOOZE_SETTING,
    due_tasks,
    snooze,
    snooze_until,
)
from voronka.models.services.settings import get_setting
from voronka.models.services.tasks import add_task, update_task
from voronka.views.app_context import AppContext
from voronka.views.main_window import MainWindow

NOW = datetime(2026, 11, 30, 11, 0)


def test_due_tasks_are_mine_open_and_past_their_time(db):
    yesterday, later = NOW - timedelta(days=1), NOW + timedelta(hours=2)
    overdue = db.run(add_task, title="Call Acme", assignee_id=1, due_at=yesterday).created[0]
    db.run(add_task, title="Not yet", assignee_id=1, due_at=later)
    db.run(add_task, title="Someone else's", assignee_id=2, due_at=yesterday)
    db.run(add_task, title="No due time", assignee_id=1)
    this_morning = db.run(add_task, title="Earlier today", assignee_id=1, due_at=NOW - timedelta(hours=2)).created[0]
    with db.session() as s:
        due = due_tasks(s, 1, NOW)
        assert due_tasks(s, None, NOW).count == 0
    assert due.count == 2
    assert [(r.task_id, r.overdue) for r in due.reminders] == [(overdue, True), (this_morning, False)]


def test_snooze_hides_until_its_moment_and_is_kept_per_user(db):
    task = db.run(add_task, title="Call Acme", assignee_id=1, due_at=NOW - timedelta(days=1)).created[0]
    db.run(snooze, 1, [task], "10min", NOW)
    with db.session() as s:
        assert due_tasks(s, 1, NOW + timedelta(minutes=9)).count == 0
        assert due_tasks(s, 1, NOW + timedelta(minutes=9)).snoozed == 1
        assert due_tasks(s, 1, NOW + timedelta(minutes=10, seconds=1)).count == 1
        assert get_setting(s, SNOOZE_SETTING, user_id=1) == {str(task): "2026-11-30T11:10:00"}
        assert get_setting(s, SNOOZE_SETTING, user_id=2) is None
    assert snooze_until("1h", NOW) == NOW + timedelta(hours=1)
    assert snooze_until("tomorrow", NOW) == datetime(2026, 12, 1, 9, 0)
    with pytest.raises(ValueError):
        snooze_until("forever", NOW)


def test_a_new_snooze_drops_expired_ones_and_done_tasks(db):
    first = db.run(add_task, title="One", assignee_id=1, due_at=NOW - timedelta(days=1)).created[0]
    second = db.run(add_task, title="Two", assignee_id=1, due_at=NOW - timedelta(days=1)).created[0]
    db.run(snooze, 1, [first], "10min", NOW)
    db.run(snooze, 1, [second], "1h", NOW + timedelta(minutes=20))
    with db.session() as s:
        assert set(get_setting(s, SNOOZE_SETTING, user_id=1)) == {str(second)}


@pytest.fixture
def window(db, tmp_path, qtbot):
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: ctx.executor.idle())
    return win


def test_an_overdue_task_puts_a_count_on_tasks_and_snooze_takes_it_off(window, qtbot):
    ctx = window.ctx
    assert window.badge_count("tasks") == 0 and window.bell.text() == ""
    ctx.run(add_task, title="Call Acme", assignee_id=1, due_at=local_now() - timedelta(days=1))
    qtbot.waitUntil(lambda: window.badge_count("tasks") == 1)
    assert window.bell.text() == "1 due"
    assert window.bell.property("due") == "true"
    window.bell.menu().aboutToShow.emit()
    snooze_action = next(a for a in window.bell.menu().actions() if a.objectName() == "snooze:1h")
    snooze_action.trigger()
    qtbot.waitUntil(lambda: window.badge_count("tasks") == 0)
    assert window.bell.text() == "" and "1 snoozed" in window.bell.toolTip()
    with ctx.db.session() as s:
        assert len(get_setting(s, SNOOZE_SETTING, user_id=1)) == 1


def test_finishing_the_task_takes_the_count_off_and_new_due_tasks_are_announced(window, qtbot):
    ctx = window.ctx
    announced = []
    window.reminders.newly_due.connect(announced.append)
    task = ctx.run(add_task, title="Send the offer", assignee_id=1, due_at=local_now() - timedelta(minutes=5)).created[0]
    qtbot.waitUntil(lambda: window.badge_count("tasks") == 1)
    assert [r.title for r in announced[-1]] == ["Send the offer"]
    ctx.run(update_task, task, {"due_at": local_now() + timedelta(days=2)})
    qtbot.waitUntil(lambda: window.badge_count("tasks") == 0)


def test_the_check_runs_on_the_executor_not_the_ui_thread(window, qtbot, monkeypatch):
    import threading

    from voronka.views.reminders import watcher as module

    threads = []
    real = module.due_tasks

    def spy(session, user_id, now):
        threads.append(threading.current_thread())
        return real(session, user_id, now)

    monkeypatch.setattr(module, "due_tasks", spy)
    window.reminders.check()
    qtbot.waitUntil(lambda: bool(threads) and window.ctx.executor.idle())
    assert threads[0] is not threading.main_thread()
