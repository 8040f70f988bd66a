"""The board never holds the window for long: its columns are made and filled over several turns
of the event loop (the columns on screen first), a newer fill or a deleted page stops an older
one harmlessly, and a colleague's change is read on the database executor, never on the UI
thread, without ever overwriting something newer this window placed meanwhile."""
from __future__ import annotations

import threading

import pytest

from board_support import ctx, deal_in, drag_cards, open_board, stage_id  # noqa: F401  (ctx is a fixture)
from voronka.models.changes import Changes
from voronka.models.db import open_database
from voronka.models.queries.board import board_cards
from voronka.models.services.deals import move_deal
from voronka.views.board import board_view
from voronka.views.board.board_view import group_by_stage


@pytest.fixture
def one_column_a_turn(monkeypatch):
    """Every turn of a fill hands cards to one column only (the slowest machine there is)."""
    monkeypatch.setattr(board_view, "FILL_TURN_S", -1.0)


@pytest.fixture
def reads(monkeypatch):
    """Each targeted read of cards (``board_cards`` with ids): the ids and the thread it ran on."""
    seen: list[tuple[set[int], int]] = []

    def spy(session, pipeline_key, deal_ids=None):
        if deal_ids is not None:
            seen.append((set(deal_ids), threading.get_ident()))
        return board_cards(session, pipeline_key, deal_ids)

    monkeypatch.setattr("voronka.views.board.board_view.board_cards", spy)
    return seen


def cards_by_column(board) -> dict[str, set[int]]:
    return {c.stage.key: {card.id for card in c.model.all_cards} for c in board.columns}


def cards_in_database(ctx, pipeline_key: str = "sales") -> dict[str, set[int]]:
    cards = ctx.query(board_cards, pipeline_key)
    keys = {s.id: s.key for s in ctx.query(board_view.board_stages, pipeline_key)}
    out: dict[str, set[int]] = {}
    for card in cards:
        out.setdefault(keys[card.stage_id], set()).add(card.id)
    return out


def some_deals(ctx) -> list[int]:
    return [deal_in(ctx.db, key, f"{key} {n}", amount=1000 * (n + 1)) for n, key in enumerate(
        ["unsorted", "unsorted", "work_started", "contacts_found", "replied", "qualified", "offer_sent"])]


def test_the_board_fills_a_column_a_turn_and_ends_with_exactly_the_databases_cards(ctx, qtbot, one_column_a_turn):
    some_deals(ctx)
    page = open_board(ctx, qtbot)
    board = page.board
    expected = cards_in_database(ctx)
    assert {k: v for k, v in cards_by_column(board).items() if v} == expected
    # a new fill hands its cards to one column now and to the others on later turns
    by_stage = group_by_stage(ctx.query(board_cards, "sales"))
    for column in board.columns:
        column.model.set_cards([])
    done: list[bool] = []
    board._fill(by_stage, then=lambda: done.append(True))
    assert sum(1 for ids in cards_by_column(board).values() if ids) == 1 and not done
    qtbot.waitUntil(lambda: done == [True])
    assert {k: v for k, v in cards_by_column(board).items() if v} == expected
    assert all(c.model.rowCount() == len(expected.get(c.stage.key, ())) for c in board.columns)


def test_the_columns_on_screen_fill_first(ctx, qtbot, one_column_a_turn, monkeypatch):
    some_deals(ctx)
    page = open_board(ctx, qtbot)
    board = page.board
    page.resize(900, 700)
    bar = board.scroll.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: board.scroll.viewport().width() < 900)
    left, right = bar.value(), bar.value() + board.scroll.viewport().width()
    on_screen = [c.stage.key for c in board.columns if c.x() < right and c.x() + c.width() > left]
    assert 0 < len(on_screen) < len(board.columns)
    order: list[str] = []
    fill_column = board._fill_column
    monkeypatch.setattr(board, "_fill_column", lambda column, *a: (order.append(column.stage.key),
                                                                   fill_column(column, *a)))
    board.reload()
    qtbot.waitUntil(lambda: not board.loading, timeout=10_000)
    assert order[:len(on_screen)] == on_screen
    assert sorted(order) == sorted(c.stage.key for c in board.columns)
    assert {k: v for k, v in cards_by_column(board).items() if v} == cards_in_database(ctx)


def test_a_stale_fill_never_overwrites_a_newer_one(ctx, qtbot, one_column_a_turn, monkeypatch):
    old, new = deal_in(ctx.db, "replied", "Old"), deal_in(ctx.db, "work_started", "New")
    page = open_board(ctx, qtbot)
    board = page.board
    page.hide()  # no column on screen: a fill goes left to right
    cards = {c.id: c for c in ctx.query(board_cards, "sales")}
    stale, newer = group_by_stage([cards[old]]), group_by_stage([cards[new]])
    board._fill(stale)  # the first column now, the others (Old's among them) on later turns ...
    monkeypatch.setattr(board_view, "FILL_TURN_S", 10.0)
    board._fill(newer)  # ... but a newer fill hands every column its cards at once
    assert {k: v for k, v in cards_by_column(board).items() if v} == {"work_started": {new}}
    qtbot.wait(100)  # the stale fill's turns would come now
    assert {k: v for k, v in cards_by_column(board).items() if v} == {"work_started": {new}}
    assert board.card(old) is None and board.card(new).name == "New"


@pytest.mark.parametrize("when", ["before its stages came", "while its columns are made"])
def test_switching_pipeline_while_the_board_opens_shows_only_the_new_pipeline(ctx, qtbot, when):
    some_deals(ctx)
    copy = deal_in(ctx.db, "month_1", "Customer", pipeline_key="success")
    from voronka.views.board.page import BoardPage

    page = BoardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    switched: list[int] = []

    def switch() -> None:
        if not switched:
            switched.append(len(page.board._unbuilt))
            page.pipeline_box.setCurrentIndex(page.pipeline_box.findData("success"))

    if when == "before its stages came":
        assert page.board.columns == [] and page.board.stages == []  # nothing read on the UI thread
        switch()
    else:
        page.board.opened.connect(switch)
    qtbot.waitUntil(lambda: bool(switched) and not page.board.loading and page.board.figures_available is not None,
                    timeout=10_000)
    qtbot.wait(50)
    stages = [s.key for s in board_view.board_order(ctx.query(board_view.board_stages, "success"))]
    assert [c.stage.key for c in page.board.columns] == stages
    assert {k: v for k, v in cards_by_column(page.board).items() if v} == {"month_1": {copy}}
    if when == "while its columns are made":
        assert switched[0] > 0  # the sales columns were still to be made


def test_a_board_deleted_while_it_fills_and_reads_raises_nothing(ctx, qtbot, one_column_a_turn, reads):
    deal = deal_in(ctx.db, "unsorted", "Acme")
    some_deals(ctx)
    from voronka.views.board.page import BoardPage

    page = BoardPage(ctx)  # not given to qtbot: it is deleted here
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    errors: list[BaseException] = []
    ctx.error.connect(errors.append)
    page.board._fill(group_by_stage(ctx.query(board_cards, "sales")))  # turns still to come
    ctx.changed.emit(Changes(deals={deal}))  # a colleague's change: read in the background
    page.board.reload()  # and the whole board being read again
    page.close()
    page.deleteLater()
    qtbot.waitUntil(lambda: ctx.executor.idle(), timeout=10_000)
    qtbot.wait(100)  # the answers and the pending turns come to a deleted board: nothing happens
    assert errors == []
    assert [ids for ids, _thread in reads] == [{deal}]


def test_a_colleagues_move_is_read_off_the_ui_thread(ctx, db, qtbot, reads):
    deal = deal_in(db, "unsorted", "Acme")
    page = open_board(ctx, qtbot)
    board = page.board
    other = open_database(db.location, language="en")
    try:
        other.run(move_deal, deal, "work_started", user_id=2)
    finally:
        other.close()
    qtbot.waitUntil(lambda: board.column("work_started").model.has(deal), timeout=3000)
    assert not board.column("unsorted").model.has(deal)
    assert reads and all(deal in ids and thread != threading.get_ident() for ids, thread in reads)


def test_this_windows_own_move_needing_a_read_lands_at_once(ctx, qtbot, reads):
    from board_support import ScriptedDialogs

    deal = deal_in(ctx.db, "replied_positive", "Will qualify")
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = ScriptedDialogs(required={"amount": "150000"})
    page.board.drop([deal], stage_id(ctx.db, "qualified"))  # the form changed more than the stage: read again
    assert page.board.column("qualified").model.card_of(deal).amount_minor == 15_000_000  # no waiting
    assert page.board.column("qualified").view.selected_here() == [deal]
    assert [thread for _ids, thread in reads] == [threading.get_ident()]


def test_a_stale_read_never_overwrites_what_this_window_placed_meanwhile(ctx, qtbot, monkeypatch):
    deal = deal_in(ctx.db, "unsorted", "Acme")
    page = open_board(ctx, qtbot)
    board = page.board
    read_done = threading.Event()

    def reading(session, pipeline_key, deal_ids=None):
        cards = board_cards(session, pipeline_key, deal_ids)
        if deal_ids is not None:
            read_done.set()
        return cards

    monkeypatch.setattr("voronka.views.board.board_view.board_cards", reading)
    ctx.changed.emit(Changes(deals={deal}))  # heard from the change feed: read in the background ...
    assert read_done.wait(5)  # ... and read (the deal still in "unsorted"), the answer not yet handed over
    target = board.column("work_started")
    drag_cards(qtbot, board.column("unsorted").view, target.view.viewport(), [deal])  # placed at once
    assert target.model.has(deal)
    qtbot.waitUntil(lambda: ctx.executor.idle(), timeout=5000)
    qtbot.wait(50)  # the stale answer has come and gone
    assert target.model.has(deal) and not board.column("unsorted").model.has(deal)
    assert board.card(deal).stage_id == stage_id(ctx.db, "work_started")
