"""A new team's first day: every page of an empty database says what it is for and offers the
next step; a filter that hides everything says so; the demo goes only into an empty database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from voronka.models.db import open_database
from voronka.models.orm import Company, Deal
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.first_day import demo
from voronka.views.first_day.empty_state import DATA, EMPTY, FILTERED
from voronka.views.main_window import MainWindow

PAGES = ("start", "board", "deals", "companies", "contacts", "tasks", "reports")


@pytest.fixture
def ctx(db, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(db, settings, language="en")
    context.user_id = 3  # Helen Head
    return context


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def count(db, what) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(what))


def empty_state_of(window, key):
    if key == "lost":
        return window.page("board").lost_view.empty_state
    return window.page(key).empty_state


def shows(state, face: str) -> bool:
    return state.state == face and state.isVisible()


def open_lost(window, qtbot):
    window.show_page("board")
    window.page("board").tabs.setCurrentIndex(1)


def test_every_page_of_an_empty_database_says_what_it_is_for_and_offers_the_first_steps(window, qtbot):
    for key in PAGES:
        window.show_page(key)
        state = empty_state_of(window, key)
        qtbot.waitUntil(lambda: shows(state, EMPTY) and state.demo_button.isVisible(), timeout=10000)
        assert state.text.text() and state.text.textFormat().name == "PlainText"
        assert state.import_button.isVisible() and state.add_button.isVisible()
        assert not state.reset_button.isVisible()
        # the panel lies inside the page's view area, whole
        assert state.host.rect().contains(state.geometry()) or state.geometry() == state.host.rect()
    open_lost(window, qtbot)
    state = empty_state_of(window, "lost")
    qtbot.waitUntil(lambda: shows(state, EMPTY), timeout=10000)


def test_adding_a_deal_from_the_empty_board_shows_it_and_the_empty_state_goes(window, ctx, qtbot, monkeypatch):
    from voronka.views.board import quick_create

    def fill_and_create(dialog):
        dialog.name.setText("Our first deal")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(quick_create.QuickCreateDialog, "exec", fill_and_create)
    window.show_page("board")
    board = window.page("board")
    qtbot.waitUntil(lambda: shows(board.empty_state, EMPTY), timeout=10000)
    board.empty_state.add_button.click()
    assert count(ctx.db, Deal) == 1
    qtbot.waitUntil(lambda: board.board.shown_count() == 1 and not board.empty_state.isVisible(), timeout=10000)
    window.show_page("deals")
    deals = window.page("deals")
    qtbot.waitUntil(lambda: deals.empty_state.state == DATA and deals.model.rowCount() == 1, timeout=10000)
    window.show_page("start")
    qtbot.waitUntil(lambda: not window.page("start").empty_state.isVisible(), timeout=10000)


def test_a_deal_from_a_second_writer_takes_the_empty_state_away(window, ctx, db, qtbot):
    window.show_page("deals")
    deals = window.page("deals")
    qtbot.waitUntil(lambda: shows(deals.empty_state, EMPTY), timeout=10000)
    other = open_database(db.location)
    try:
        other.run(create_deal, name="From the other laptop", user_id=2)
    finally:
        other.close()
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1 and not deals.empty_state.isVisible(), timeout=10000)


def test_a_filter_that_hides_every_record_says_so_and_resets(window, ctx, qtbot):
    ctx.run(create_deal, name="Alpha", user_id=3)
    window.show_page("deals")
    deals = window.page("deals")
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1 and deals.empty_state.state == DATA, timeout=10000)
    deals.search.setText("no such deal")
    qtbot.waitUntil(lambda: shows(deals.empty_state, FILTERED), timeout=10000)
    state = deals.empty_state
    assert state.title.text() == "Nothing found by the filter"
    assert state.reset_button.isVisible()
    assert not (state.add_button.isVisible() or state.import_button.isVisible() or state.demo_button.isVisible())
    state.reset_button.click()
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1 and not state.isVisible(), timeout=10000)
    assert deals.search.text() == ""

    window.show_page("board")
    board = window.page("board")
    qtbot.waitUntil(lambda: board.board.shown_count() == 1, timeout=10000)
    board.filter_bar.search.setText("no such deal")
    qtbot.waitUntil(lambda: shows(board.empty_state, FILTERED), timeout=10000)
    board.empty_state.reset_button.click()
    qtbot.waitUntil(lambda: board.board.shown_count() == 1 and not board.empty_state.isVisible(), timeout=10000)


def test_the_demo_loads_into_an_empty_database_after_asking(window, ctx, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(demo, "DEMO_DEALS", 40)
    monkeypatch.setattr(demo, "ask_demo", lambda parent: asked.append(parent) or True)
    progress = []
    original = ctx.executor.submit

    def submit(fn, **kwargs):
        seen = kwargs.get("on_progress")
        if seen is not None:  # the demo's: note what the dialog is told
            kwargs["on_progress"] = lambda done, total, text: (progress.append((done, total)), seen(done, total, text))
        return original(fn, **kwargs)

    monkeypatch.setattr(ctx.executor, "submit", submit)
    window.show_page("start")
    start = window.page("start")
    qtbot.waitUntil(lambda: start.empty_state.demo_button.isVisible(), timeout=10000)
    start.empty_state.demo_button.click()
    assert asked
    qtbot.waitUntil(lambda: count(ctx.db, Deal) >= 40 and not start.empty_state.isVisible(), timeout=60000)
    assert count(ctx.db, Company) > 0
    assert progress and progress[-1][1] == demo.STEPS and [d for d, _t in progress] == sorted(d for d, _t in progress)
    window.show_page("board")
    board = window.page("board")
    qtbot.waitUntil(lambda: not board.board.loading and board.board.shown_count() > 0, timeout=10000)
    assert not board.empty_state.isVisible()


def test_saying_no_to_the_demo_writes_nothing(window, ctx, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(demo, "ask_demo", lambda parent: asked.append(parent) or False)
    monkeypatch.setattr(demo, "build_demo", lambda *a, **k: pytest.fail("the demo was built without a yes"))
    window.show_page("deals")
    deals = window.page("deals")
    qtbot.waitUntil(lambda: deals.empty_state.demo_button.isVisible(), timeout=10000)
    deals.empty_state.demo_button.click()
    assert asked
    qtbot.waitUntil(ctx.executor.idle, timeout=10000)
    assert count(ctx.db, Deal) == 0 and count(ctx.db, Company) == 0
    assert deals.empty_state.isVisible() and deals.empty_state.demo_button.isVisible()


@pytest.mark.parametrize("first", ["deal", "company"])
def test_the_demo_is_not_offered_once_the_team_has_records(window, ctx, qtbot, first):
    if first == "deal":
        ctx.run(create_deal, name="Real deal", user_id=3)
    else:  # typed on another laptop
        other = open_database(ctx.db.location)
        try:
            with other.transaction() as s:
                s.add(Company(name="Real company"))
        finally:
            other.close()
    window.show_page("tasks")  # no task yet: the page is empty, but the database is not
    tasks = window.page("tasks")
    qtbot.waitUntil(lambda: shows(tasks.empty_state, EMPTY) and tasks.empty_state.team.records is not None
                    and not tasks.empty_state.team.records.none, timeout=10000)
    assert not tasks.empty_state.demo_button.isVisible()
    assert tasks.empty_state.import_button.isVisible() == (first == "company")  # the import stays on a deal-less day


def test_the_demo_service_refuses_a_database_with_deals_even_when_asked(db):
    from voronka.models.demo import DemoRefused, build_demo

    db.run(create_deal, name="Real deal", user_id=3)
    with pytest.raises(DemoRefused):
        build_demo(db, 20)
    assert count(db, Deal) == 1


def test_background_work_reports_its_progress_on_the_ui_thread(ctx, qtbot):
    import threading

    seen = []
    main = threading.get_ident()

    def work(job):
        for step in range(1, 4):
            job.progress(step, 3, f"step {step}")
        return "done"

    results = []
    ctx.executor.submit(work, on_done=results.append,
                        on_progress=lambda done, total, text: seen.append((done, total, text, threading.get_ident())))
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert [(d, t, x) for d, t, x, _ in seen] == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert {thread for *_, thread in seen} == {main}
