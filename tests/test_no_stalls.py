"""What keeps the window answering while the user tours the app (tests/benchmarks/tour.py): a page
the user left holds the changes it hears until shown again, Settings builds a tab when it is
opened, the card layout's "Filled in" counts arrive from the executor, and a report tab the user
left stops drawing charts until it is back on screen."""
from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from board_support import deal_in
from card_helpers import app_context
from voronka.models.changes import Changes
from voronka.views.held_changes import HeldChanges


def test_held_changes_wait_only_after_the_page_was_shown_and_hidden():
    held = HeldChanges()
    assert not held.hold(Changes(deals={1}))  # never shown (a page in a test, built in the background)
    assert held.shown() is None
    held.hidden()
    assert held.hold(Changes(deals={1})) and held.hold(Changes(deals={2}, settings=True))
    missed = held.shown()
    assert missed is not None and missed.deals == {1, 2} and missed.settings
    assert held.shown() is None  # handed back once
    assert not held.hold(Changes(deals={3}))  # on screen: acted on at once


def _start_page_in_stack(db, tmp_path, qtbot):
    from voronka.views.start.page import StartPage

    ctx = app_context(db, tmp_path, 3)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page, other = StartPage(ctx), QWidget()
    stack.addWidget(page)
    stack.addWidget(other)
    stack.show()
    qtbot.waitUntil(lambda: not page.report_running(), timeout=20000)
    return ctx, stack, page, other


def test_a_start_page_the_user_left_recomputes_only_when_shown_again(db, tmp_path, qtbot):
    ctx, stack, page, other = _start_page_in_stack(db, tmp_path, qtbot)
    runs: list[int] = []
    page.refresh_reports = lambda: runs.append(1)  # what a change would start
    stack.setCurrentWidget(other)
    deal = deal_in(db, "work_started", "Acme")
    ctx.changed.emit(Changes(deals={deal}))
    qtbot.wait(400)  # longer than the page's 300 ms recompute delay
    assert runs == []
    stack.setCurrentWidget(page)
    qtbot.waitUntil(lambda: runs == [1], timeout=3000)


def test_settings_builds_a_tab_when_it_is_opened_with_the_rights_of_the_user(db, tmp_path, qtbot):
    from voronka.views.settings.page import SettingsPage

    page = SettingsPage(app_context(db, tmp_path, 1))  # an SDR: looks, does not edit
    qtbot.addWidget(page)
    assert page._built == {}
    index = next(i for i in range(page.tabs.count()) if page.tabs.widget(i).property("lazy_tab") == "plans")
    page.tabs.setCurrentIndex(index)
    assert page.tabs.currentWidget() is page._built["plans"] is page.plans
    assert page.tabs.tabText(index) == "Plans"
    assert not page.plans.model.editable


def test_card_fields_filled_in_counts_arrive_from_the_executor(db, tmp_path, qtbot):
    from voronka.views.cards.layout_editor import KEY_ROLE, CardLayoutEditor

    for n in range(3):
        deal_in(db, "work_started", f"Deal {n}", amount="1000" if n else None)
    editor = CardLayoutEditor(app_context(db, tmp_path, 3))
    qtbot.addWidget(editor)

    def filled(key: str) -> str:
        model = editor.model
        for row in range(model.rowCount()):
            block = model.item(row, 0)
            for child in range(block.rowCount()):
                if block.child(child, 0).data(KEY_ROLE) == key:
                    return block.child(child, 4).text()
        raise KeyError(key)

    qtbot.waitUntil(lambda: filled("amount") != "", timeout=5000)
    assert filled("amount") == "67% (2 / 3)"


def test_a_start_page_recount_due_after_the_user_left_waits_until_it_is_shown(db, tmp_path, qtbot):
    ctx, stack, page, other = _start_page_in_stack(db, tmp_path, qtbot)
    runs: list[int] = []
    page.refresh_reports = lambda: runs.append(1)
    ctx.changed.emit(Changes(deals={deal_in(db, "work_started", "Acme")}))  # seen on screen
    assert page._recompute.isActive()
    stack.setCurrentWidget(other)  # left before the 300 ms recount delay ended
    qtbot.wait(450)
    assert runs == []
    stack.setCurrentWidget(page)
    qtbot.waitUntil(lambda: runs == [1], timeout=3000)


def test_a_colleagues_steady_moves_do_not_postpone_the_start_pages_recount_for_ever(db, tmp_path, qtbot):
    ctx, stack, page, other = _start_page_in_stack(db, tmp_path, qtbot)
    runs: list[int] = []
    page.refresh_reports = lambda: runs.append(1)
    deal = deal_in(db, "work_started", "Acme")
    for _ in range(8):  # a move every 100 ms for 0.8 s: a restarted 300 ms delay would never end
        ctx.changed.emit(Changes(deals={deal}))
        qtbot.wait(100)
    assert runs  # recounted meanwhile, not only after the colleague stops
