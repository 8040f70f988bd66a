"""Other people's changes appear without a restart: a second connection to the same SQLite
file (another window or laptop) or to the same PostgreSQL server commits, and the open board,
card, table and start page show it within two seconds; this window's own changes refresh
its screens once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from board_support import ctx, deal_in, open_board  # noqa: F401  (ctx is a fixture)
from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.db import open_database
from voronka.models.orm import User
from voronka.models.services.deals import create_deal, move_deal, update_deal
from voronka.models.services.tasks import add_task
from pg_server import PostgresServer
from voronka.views.app_context import AppContext

SHOWN_WITHIN_MS = 2000


@pytest.fixture
def other(db):
    """A second connection to the same file, as another window or laptop has."""
    second = open_database(db.location, language="en")
    yield second
    second.close()


def test_another_connections_move_shows_on_the_open_board(ctx, db, other, qtbot):
    deal = deal_in(db, "unsorted", "Acme")
    page = open_board(ctx, qtbot)  # kept: the board lives as long as its page
    board = page.board
    other.run(move_deal, deal, "work_started", user_id=2)
    qtbot.waitUntil(lambda: board.column("work_started").model.has(deal), timeout=SHOWN_WITHIN_MS)
    assert not board.column("unsorted").model.has(deal)
    assert board.column("work_started").model.card_of(deal).name == "Acme"


def test_another_connections_new_deal_and_rename_show_on_the_board(ctx, db, other, qtbot):
    page = open_board(ctx, qtbot)  # kept: the board lives as long as its page
    board = page.board
    fresh = other.run(create_deal, name="From the other laptop", user_id=2).created[0]
    qtbot.waitUntil(lambda: board.column("unsorted").model.has(fresh), timeout=SHOWN_WITHIN_MS)
    other.run(update_deal, fresh, {"name": "Renamed there"})
    qtbot.waitUntil(lambda: board.column("unsorted").model.card_of(fresh).name == "Renamed there",
                    timeout=SHOWN_WITHIN_MS)


def test_this_windows_own_move_refreshes_its_screens_once(ctx, db, qtbot):
    deal = deal_in(db, "unsorted", "Acme")
    open_board(ctx, qtbot)
    announced = []
    ctx.changed.connect(announced.append)
    ctx.run(move_deal, deal, "work_started", user_id=1)
    assert [c.deals for c in announced] == [{deal}]
    ctx.live.poll()  # the feed holds the move, but it is this window's own
    assert len(announced) == 1


def test_an_undoable_move_and_its_undo_reach_the_other_window_as_that_deal(ctx, db, other, tmp_path, qtbot):
    from voronka.models.services.deals import undo_events

    deal = deal_in(db, "unsorted", "Acme")
    theirs = AppContext(other, QSettings(str(tmp_path / "theirs.ini"), QSettings.Format.IniFormat), language="en")
    theirs.user_id = 2
    seen = []
    ctx.changed.connect(seen.append)
    theirs.push_undoable("Move", lambda: theirs.run(move_deal, deal, "work_started", user_id=2),
                         lambda done: theirs.run(undo_events, done.event_ids, user_id=2))
    qtbot.waitUntil(lambda: bool(seen), timeout=SHOWN_WITHIN_MS)
    assert seen[-1].deals == {deal} and not seen[-1].users  # precise, not "everything"
    seen.clear()
    assert theirs.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(seen), timeout=SHOWN_WITHIN_MS)
    assert deal in seen[-1].deals and not seen[-1].users


def test_an_open_deal_card_shows_another_connections_edit(db, other, tmp_path, qtbot):
    from card_helpers import app_context
    from voronka.views.cards import open_card

    deal = db.run(create_deal, name="Acme", user_id=1).created[0]
    ctx = app_context(db, tmp_path, 1)
    card = open_card(ctx, "deal", deal)
    qtbot.addWidget(card.window())
    other.run(update_deal, deal, {"name": "Acme renamed"})
    qtbot.waitUntil(lambda: "Acme renamed" in card.title.text(), timeout=SHOWN_WITHIN_MS)


def test_the_deals_table_and_the_start_page_show_another_connections_work(db, other, tmp_path, qtbot):
    from voronka.views.main_window import MainWindow

    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("start")
    tasks_tile = next(t for t in win.page("start").grid.tiles if t.kind == "my_tasks")
    other.run(add_task, title="Call them back", assignee_id=1, due_at=local_now())
    qtbot.waitUntil(lambda: any("Call them back" in tasks_tile.list.item(i).text()
                                for i in range(tasks_tile.list.count())), timeout=SHOWN_WITHIN_MS)
    win.show_page("deals")
    deals = win.page("deals")
    other.run(create_deal, name="Made over there", user_id=2)
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)


# --- PostgreSQL --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


@pytest.fixture
def pg_pair(server):
    """Two connections to one server database, as two laptops have."""
    mine = open_database(server.new_database(), language="en")
    with mine.transaction() as s:
        s.add_all([User(name="Sasha SDR", role="sdr"), User(name="Alex AE", role="ae")])
    theirs = open_database(mine.location, language="en")
    yield mine, theirs
    theirs.close()
    mine.close()


def test_another_laptops_move_on_the_server_shows_on_the_open_board(pg_pair, tmp_path, qtbot):
    mine, theirs = pg_pair
    deal = deal_in(mine, "unsorted", "Acme")
    ctx = AppContext(mine, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    page = open_board(ctx, qtbot)  # kept: the board lives as long as its page
    board = page.board
    theirs.run(move_deal, deal, "work_started", user_id=2)
    qtbot.waitUntil(lambda: board.column("work_started").model.has(deal), timeout=SHOWN_WITHIN_MS)
    assert not board.column("unsorted").model.has(deal)
    announced = []
    ctx.changed.connect(announced.append)
    ctx.run(move_deal, deal, "contacts_found", user_id=1)
    ctx.live.poll()
    assert [c.deals for c in announced] == [{deal}]  # our own NOTIFY is not announced again


def next_changes(watcher, qtbot) -> Changes:
    """What the watcher reports next (a NOTIFY reaches the socket shortly after the commit)."""
    seen: list[Changes] = []
    qtbot.waitUntil(lambda: bool(seen.append(watcher.poll()) or seen[-1]), timeout=SHOWN_WITHIN_MS)
    return seen[-1]


def test_the_server_feed_is_precise_and_says_everything_when_it_cannot_be(pg_pair, qtbot):
    mine, theirs = pg_pair
    watcher = mine.watch()
    deal = theirs.run(create_deal, name="Acme", user_id=1).created[0]
    seen = next_changes(watcher, qtbot)
    assert seen.deals == {deal} and not seen.users
    with theirs.transaction() as s:  # a bulk write that did not say what it changed
        s.add(User(name="Imported", role="sdr"))
    seen = next_changes(watcher, qtbot)
    assert seen.users and deal in seen.deals
    mine.run(move_deal, deal, "work_started", user_id=1)  # our own: not announced
    with theirs.transaction() as s:  # a transaction that only read: says nothing
        s.get(User, 1)
    theirs.run(update_deal, deal, {"name": "Renamed"})
    seen = next_changes(watcher, qtbot)
    assert seen.deals == {deal} and not seen.users  # only the rename arrived
    theirs.run(lambda s: (update_deal(s, deal, {"name": "Bulk"}), Changes(deals=set(range(1, 5000))))[1])
    assert next_changes(watcher, qtbot).users  # too long for one NOTIFY: everything


def test_a_watcher_that_lost_the_server_reconnects_and_refreshes_everything(pg_pair, qtbot):
    mine, theirs = pg_pair
    watcher = mine.watch()
    watcher.conn.close()
    with pytest.raises(Exception):
        watcher.poll()
    deal = theirs.run(create_deal, name="While away", user_id=1).created[0]
    seen = watcher.poll()
    assert deal in seen.deals and seen.users
    theirs.run(update_deal, deal, {"name": "Back"})
    assert next_changes(watcher, qtbot).deals == {deal}  # listening again
