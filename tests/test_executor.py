"""The application's database executor: answers on the UI thread, never to a deleted page,
never a stale one over a newer one; errors reach the one place that shows them."""
from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from voronka.models.changes import Changes
from voronka.models.orm import User
from voronka.views.app_context import AppContext
from voronka.views.executor import REPORTS


def make_ctx(db, tmp_path) -> AppContext:
    return AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")


def test_a_query_runs_on_the_worker_and_answers_on_the_ui_thread(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)
    threads, answers = [], []

    def count_users(session):
        threads.append(threading.get_ident())
        return session.scalar(select(func.count()).select_from(User))

    ctx.executor.query(count_users, on_done=lambda n: answers.append((n, threading.get_ident())))
    qtbot.waitUntil(ctx.executor.idle)
    assert answers == [(3, threading.get_ident())]
    assert threads and threads[0] != threading.get_ident()


def test_an_error_without_a_handler_goes_to_the_app_error_signal(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)

    def broken(_session):
        raise ValueError("no such thing")

    with qtbot.waitSignal(ctx.error, timeout=5000) as blocker:
        ctx.executor.query(broken)
    assert isinstance(blocker.args[0], ValueError)


def test_a_stale_result_never_overwrites_a_newer_one(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)
    release = threading.Event()
    answers: list[str] = []

    def slow(_session):
        release.wait(5)
        return "old"

    ctx.executor.query(slow, on_done=answers.append, key="deals:ids")
    ctx.executor.query(lambda _s: "queued, superseded", on_done=answers.append, key="deals:ids")
    ctx.executor.query(lambda _s: "new", on_done=answers.append, key="deals:ids")
    release.set()
    qtbot.waitUntil(ctx.executor.idle)
    assert answers == ["new"]


def test_a_page_deleted_while_its_query_runs_raises_nothing(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)
    page = QWidget()
    release = threading.Event()
    answers: list[object] = []

    def slow(_session):
        release.wait(5)
        return 1

    ctx.executor.query(slow, on_done=lambda n: answers.append((n, page.isVisible())), owner=page)
    ctx.executor.query(lambda _s: 1 / 0, owner=page)  # its error is logged, not shown on a dead page
    shiboken6.delete(page)
    release.set()
    qtbot.waitUntil(ctx.executor.idle)
    assert answers == []


def test_a_write_announces_what_changed(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)

    def rename(session, name):
        session.get(User, 1).name = name
        return Changes(users=True)

    with qtbot.waitSignal(ctx.changed, timeout=5000) as blocker:
        ctx.executor.write(rename, "Sasha")
    assert blocker.args[0].users
    with db.session() as s:
        assert s.get(User, 1).name == "Sasha"


def test_report_work_runs_beside_database_reads_and_can_be_cancelled(db, tmp_path, qtbot):
    ctx = make_ctx(db, tmp_path)
    release = threading.Event()
    answers: list[str] = []

    def long_report(job):
        while not release.wait(0.01):
            job.progress()
        return "report"

    report = ctx.executor.submit(long_report, on_done=answers.append, lane=REPORTS)
    ctx.executor.query(lambda _s: "table", on_done=answers.append)
    qtbot.waitUntil(lambda: answers == ["table"])  # the table did not wait for the report
    report.cancel()
    qtbot.waitUntil(ctx.executor.idle)
    release.set()
    assert answers == ["table"] and not report.running


def test_switching_language_while_the_board_loads_raises_nothing(db, tmp_path, qtbot):
    from voronka.views.i18n import install_language
    from voronka.models.services.deals import create_deal
    from voronka.views.main_window import MainWindow

    for n in range(30):
        db.run(create_deal, name=f"Deal {n}", user_id=1)
    ctx = make_ctx(db, tmp_path)
    ctx.user_id = 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("board")
    old_board = win.page("board")
    try:
        ctx.set_language("ru")  # deletes the board while its cards are read
        qtbot.waitUntil(ctx.executor.idle, timeout=10000)
        assert win.page("board") is not old_board
        qtbot.waitUntil(lambda: not win.page("board").board.loading, timeout=10000)  # the new board answered
    finally:
        install_language("en")
        ctx.executor.shutdown()


def test_after_shutdown_no_answer_is_delivered_and_no_job_runs(db, tmp_path, qtbot):
    """Closing a database (opening another file, restoring a backup) shuts its executor down:
    an answer already on its way must not reach a screen that would read the closed database
    again, and a screen's late request must not reopen it."""
    ctx = make_ctx(db, tmp_path)
    answers, ran = [], []
    finished = threading.Event()

    def read(session):
        answers.append("ran")
        finished.set()
        return 1

    ctx.executor.query(read, on_done=lambda n: answers.append("delivered"))
    assert finished.wait(5)  # done on the worker, its delivery still queued for the UI thread
    ctx.executor.shutdown()
    qtbot.wait(50)  # the queued delivery is processed (and dropped)
    assert answers == ["ran"]
    ctx.executor.query(lambda s: ran.append("late"), on_done=lambda _r: ran.append("delivered"))
    qtbot.wait(100)
    assert ran == [] and ctx.executor.idle()
