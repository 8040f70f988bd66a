"""Each turn of the UI thread stays short at 100,000 deals (tests/benchmarks/tour.py): a card fills
its fields, then its side, on separate turns; where cards open is not read on every open; a table
re-read that moved nothing changes nothing on screen and brings its rows' numbers from the
worker; Settings opens on one read; a closed card's window shows the next card."""
from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.changes import Changes
from voronka.models.queries.table_search import TableFilter, TableSort, record_ids
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import create_deal
from voronka.models.services.settings import set_setting
from voronka.models.services.tasks import add_task
from voronka.views.cards.deal_card import DealCard
from voronka.views.cards.host import open_as
from voronka.views.tables.deals import DealsPage
from voronka.views.tables.lazy_model import LazyRecordModel, positions_of


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    context = app_context(db, tmp_path, 1)
    yield context
    context.executor.shutdown()


# --- the deal card ---------------------------------------------------------------------------
def test_a_deal_card_shows_its_fields_first_and_fills_its_side_on_the_next_turn(ctx, qtbot, monkeypatch):
    deal = ctx.db.run(create_deal, name="Pilot", user_id=1, source="inbound").created[0]
    ctx.db.run(add_task, title="Send the offer", assignee_id=1, deal_id=deal)
    seen: list[tuple[bool, bool, str]] = []
    real = DealCard.refresh_side

    def noting(card, data, side):
        seen.append((card.form is not None, card.loading, card.editor("source").line.text()))
        real(card, data, side)

    monkeypatch.setattr(DealCard, "refresh_side", noting)
    card = DealCard(ctx, deal)
    qtbot.addWidget(card)
    assert card._side_parts is None  # the side's lists are built with the first load, not with the frame
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        pass
    assert seen == [(True, True, "inbound")]  # the fields were there (and the card still loading) first
    assert not card.loading
    assert [t.title for t in card.tasks.model.rows] == ["Send the offer"]
    assert "stage" in [e.kind for e in card.timeline.timeline.entries]


def test_a_load_asked_between_the_two_turns_keeps_the_card_loading_and_shows_the_newest(ctx, qtbot, monkeypatch):
    deal = ctx.db.run(create_deal, name="First name", user_id=1).created[0]
    card = settled(qtbot, DealCard(ctx, deal))
    qtbot.addWidget(card)
    real = DealCard._fill
    asked = []

    def fill_then_ask_again(self, data, suggestions):
        real(self, data, suggestions)
        if not asked:  # between the fields' turn and the side's: a change arrives and asks again
            asked.append(1)
            ctx.db.run(save_deal_fields, deal, {"name": "Second name"})
            self.reload()

    monkeypatch.setattr(DealCard, "_fill", fill_then_ask_again)
    loading_when_loaded: list[tuple[bool, str]] = []
    card.loaded.connect(lambda: loading_when_loaded.append((card.loading, card.title.text())))
    card.reload()
    qtbot.waitUntil(lambda: len(loading_when_loaded) == 2, timeout=10_000)
    assert loading_when_loaded == [(True, "First name"), (False, "Second name")]
    assert card.editor("name").line.text() == "Second name"


def test_a_card_closed_between_its_two_turns_raises_nothing(ctx, qtbot, monkeypatch):
    deal = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    errors: list[object] = []
    ctx.error.connect(errors.append)
    real = DealCard._on_loaded
    cards: list[DealCard] = []

    def loaded_then_closed(self, result, asked=None):
        real(self, result, asked)
        self.deleteLater()  # gone before the side's turn

    monkeypatch.setattr(DealCard, "_on_loaded", loaded_then_closed)
    card = DealCard(ctx, deal)
    cards.append(card)
    destroyed: list[bool] = []
    card.destroyed.connect(lambda: destroyed.append(True))
    qtbot.waitUntil(lambda: bool(destroyed), timeout=10_000)
    qtbot.wait(20)  # the side's turn would have come by now
    assert errors == [] and not shiboken6.isValid(cards[0])


def test_where_cards_open_is_read_once_and_follows_the_setting(ctx, ui_statements):
    assert open_as(ctx) == "window"
    ui_statements.clear()
    assert open_as(ctx) == "window" and ui_statements == []  # kept: no query on the next open
    ctx.set_user_setting("cards.open_as", "panel")
    assert open_as(ctx) == "panel"
    ctx.db.run(set_setting, "cards.open_as", "window", user_id=1)  # e.g. this person on another laptop
    ctx.changed.emit(Changes(settings=True))  # …announced by the live refresh
    assert open_as(ctx) == "window"


# --- the tables ------------------------------------------------------------------------------
@pytest.fixture
def many(db):
    ids = [db.run(create_deal, name=f"Deal {n:02d}", user_id=1, amount=str((n * 37) % 11 * 1000)).created[0]
           for n in range(24)]
    return ids


def test_a_re_read_that_moved_nothing_changes_nothing_on_screen(ctx, qtbot):
    model = LazyRecordModel(ctx.executor, [], lambda session, ids: [])
    ids = list(range(1, 301))
    model.set_ids(ids, positions=positions_of(ids))
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.layoutChanged.connect(lambda: signals.append("layout"))
    model.reorder(list(ids), positions=positions_of(ids))
    assert signals == []
    moved = ids[1:] + ids[:1]
    model.reorder(moved, positions=positions_of(moved))
    assert signals == ["layout"] and model.row_of(1) == 299 and model.row_of(2) == 0
    fewer = moved[:-5]
    model.reorder(fewer)
    assert signals == ["layout", "reset"] and model.rowCount() == 295 and model.row_of(fewer[-1]) == 294


def test_a_sorted_and_searched_table_holds_exactly_the_databases_rows_in_order(ctx, db, many, qtbot):
    page = DealsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and not page.counting and ctx.executor.idle(), timeout=10_000)
    keys = [c.key for c in page.model.columns]
    page.table.sortByColumn(keys.index("amount"), Qt.SortOrder.DescendingOrder)
    page.search.setText("Deal 1")
    qtbot.waitUntil(lambda: not page.loading and not page.counting and ctx.executor.idle(), timeout=10_000)
    with db.session() as s:
        expected = record_ids(s, "deal", TableFilter(search="Deal 1"), TableSort("amount", descending=True))
    assert len(expected) == 10 and page.model.ids == expected
    assert [page.model.row_of(i) for i in expected] == list(range(len(expected)))
    ctx.run(save_deal_fields, expected[-1], {"amount": "999000"})  # now the largest: first after the re-read
    qtbot.waitUntil(lambda: page.model.ids[:1] == [expected[-1]], timeout=10_000)
    with db.session() as s:
        assert page.model.ids == record_ids(s, "deal", TableFilter(search="Deal 1"), TableSort("amount", True))


# --- Settings --------------------------------------------------------------------------------
def test_settings_opens_on_one_read_and_lists_every_time_zone_once_the_field_is_used(db, tmp_path, qtbot, ui_statements):
    from voronka.views.settings.page import SettingsPage
    from voronka.views.settings.team_box import COMMON_ZONES

    ctx = app_context(db, tmp_path, 3)
    ctx.team_setting("team.currency")
    ui_statements.clear()
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert sum(s.lstrip().upper().startswith("BEGIN") for s in ui_statements) == 1  # one read, not one per box
    box = page.team_box
    assert box.zone_names.stringList() == list(COMMON_ZONES)
    QApplication.sendEvent(box.time_zone.lineEdit(), QFocusEvent(QEvent.Type.FocusIn))
    assert "America/New_York" in box.zone_names.stringList() and len(box.zone_names.stringList()) > 300
    members = page.members
    name_width = members.table.columnWidth(0)
    longest = max(members.model.index(r, 0).data() for r in range(members.model.rowCount()))
    assert name_width >= members.table.fontMetrics().horizontalAdvance(longest)
    ctx.executor.shutdown()


def test_settings_makes_the_team_boxes_a_turn_after_opening_from_what_it_read_then(db, tmp_path, qtbot, ui_statements):
    """The opening slice holds the page's frame and "This computer"; the team settings, backups and
    members come a turn later (after the first paint), filled from the opening's one read."""
    from voronka.views.settings.page import SettingsPage

    ctx = app_context(db, tmp_path, 3)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page._team_part is None
    ui_statements.clear()
    qtbot.waitUntil(lambda: page._team_part is not None, timeout=5000)
    assert sum(s.lstrip().upper().startswith("BEGIN") for s in ui_statements) == 0  # no second read
    qtbot.waitUntil(page.members.isVisible, timeout=5000)  # a layout shows a new child a turn later
    assert page.members.model.rowCount() == 3
    assert page.team_box.isVisible() and page.backups.isVisible()
    ctx.executor.shutdown()


# --- a closed card's window is reused --------------------------------------------------------
def test_a_closed_deal_cards_window_shows_the_next_deal_and_nothing_of_the_last(ctx, qtbot):
    from voronka.views.cards import open_card
    from voronka.views.cards.host import existing_window

    first = ctx.db.run(create_deal, name="Old deal", user_id=1, source="inbound").created[0]
    ctx.db.run(add_task, title="Old task", assignee_id=1, deal_id=first)
    second = ctx.db.run(create_deal, name="New deal", user_id=1).created[0]
    card = settled(qtbot, open_card(ctx, "deal", first))
    window = card.window()
    card.activity.text.setText("typed for the old deal")
    card.tasks.title.setText("old next step")
    window.close()
    assert shiboken6.isValid(window) and not window.isVisible()  # kept, not deleted
    assert existing_window("deal", first) is None
    ctx.changed.emit(Changes(deals={first}))  # a parked card reads nothing
    assert ctx.executor.idle() and not card.loading
    again = open_card(ctx, "deal", second)
    assert again is card and again.window() is window and existing_window("deal", second) is window
    # until the new deal's read arrives, nothing of the old one shows
    assert card.form is None and card.title.text() == "" and not card.splitter.widget(1).isVisible()
    assert card.loading
    settled(qtbot, card)
    qtbot.waitUntil(lambda: not card.loading, timeout=10_000)
    assert card.record_id == second and card.title.text() == "New deal" and window.windowTitle() == "New deal"
    assert card.editor("name").line.text() == "New deal" and card.editor("source").line.text() == ""
    assert card.tasks.model.rows == [] and card.tasks.deal_id == second and card.activity.deal_id == second
    assert card.activity.text.text() == "" and card.tasks.title.text() == ""
    entries = card.timeline.timeline.entries
    assert entries and all(e.text != "Old task" for e in entries)
    assert card.splitter.widget(1).isVisibleTo(window)
    window.close()


def test_a_kept_window_serves_only_its_own_application_and_one_is_kept_per_kind(ctx, db, tmp_path, qtbot):
    from voronka.views.cards import open_card
    from voronka.views.cards.host import take_spare

    one, two, three = (ctx.db.run(create_deal, name=f"Deal {n}", user_id=1).created[0] for n in range(3))
    a = settled(qtbot, open_card(ctx, "deal", one))
    b = settled(qtbot, open_card(ctx, "deal", two))
    a_window, b_window = a.window(), b.window()
    destroyed: list[bool] = []
    b_window.destroyed.connect(lambda: destroyed.append(True))
    a_window.close()
    b_window.close()  # a second closed window of the same kind is not kept
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5_000)
    other = app_context(db, tmp_path / "other", 1) if (tmp_path / "other").mkdir() is None else None
    try:
        assert take_spare(other, "deal", None) is None  # another application's window is never handed out
        c = open_card(ctx, "deal", three)
        assert c is a
        settled(qtbot, c)
        qtbot.waitUntil(lambda: not c.loading, timeout=10_000)
        assert c.title.text() == "Deal 2"
        c.window().close()
    finally:
        other.executor.shutdown()
