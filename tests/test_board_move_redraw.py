"""What a move redraws: only its two columns change (no reset, no reload of the others), this
window's own plain move is placed from the service's answer without reading the deal again,
and moves made elsewhere (a second connection) still reach the board through the refresh path."""
from __future__ import annotations

import gc
import weakref
from datetime import datetime

import pytest
from PySide6.QtCore import QAbstractItemModel

from board_support import ScriptedDialogs, ctx, deal_in, drag_cards, open_board, stage_id  # noqa: F401
from voronka.models.changes import Changes
from voronka.models.db import open_database
from voronka.models.queries.board import board_cards
from voronka.models.services.deals import move_deal, win_deal

SHOWN_WITHIN_MS = 2000
SIGNALS = ("modelReset", "layoutChanged", "dataChanged", "rowsInserted", "rowsRemoved", "rowsMoved")


class ModelSignals:
    """Every structural signal each column model sends, by stage key."""

    def __init__(self, board):
        self.seen: dict[str, list[str]] = {c.stage.key: [] for c in board.columns}
        for column in board.columns:
            model: QAbstractItemModel = column.model
            for name in SIGNALS:
                getattr(model, name).connect(lambda *_a, k=column.stage.key, n=name: self.seen[k].append(n))

    def of(self, key: str) -> list[str]:
        return self.seen[key]

    def untouched(self, *moved: str) -> dict[str, list[str]]:
        return {k: v for k, v in self.seen.items() if k not in moved and v}


@pytest.fixture
def cards_read(monkeypatch):
    """The deal ids the board reads again (``board_cards`` with ids), one list per read."""
    reads: list[set[int]] = []

    def spy(session, pipeline_key, deal_ids=None):
        if deal_ids is not None:
            reads.append(set(deal_ids))
        return board_cards(session, pipeline_key, deal_ids)

    monkeypatch.setattr("voronka.views.board.board_view.board_cards", spy)
    return reads


def card_fields(card) -> tuple:
    return (card.id, card.name, card.company, card.amount_minor, card.currency, card.owner_id, card.owner,
            card.stage_id, card.stage_entered_at, card.source, card.segment, card.cohort, card.contacts,
            card.task_title, card.task_due, card.search_text)


def test_a_drop_changes_only_its_two_columns_and_reads_nothing_again(ctx, qtbot, cards_read):
    others = [deal_in(ctx.db, key, f"Other {key}", amount=500)
              for key in ("unsorted", "work_started", "contacts_found", "outreach_started")]
    deal = deal_in(ctx.db, "unsorted", "Acme", amount=1000)  # the newest id: on top even within the same second
    page = open_board(ctx, qtbot)
    board = page.board
    source, target = board.column("unsorted"), board.column("work_started")
    signals = ModelSignals(board)
    headers = {c.stage.key: c.figures.text() for c in board.columns}
    drag_cards(qtbot, source.view, target.view.viewport(), [deal])

    assert not source.model.has(deal) and target.model.row_of(deal) == 0
    assert signals.of("unsorted") == ["rowsRemoved"] and signals.of("work_started") == ["rowsInserted"]
    assert signals.untouched("unsorted", "work_started") == {}  # no reset, no reload of any other column
    assert cards_read == []  # placed from the service's answer, not read again
    changed = {k for k, text in headers.items() if board.column(k).figures.text() != text}
    assert changed == {"unsorted", "work_started"}  # only their header totals
    # the card placed without reading is exactly the card a read gives
    [fresh] = ctx.query(board_cards, "sales", {deal})
    assert card_fields(target.model.card_of(deal)) == card_fields(fresh)
    assert all(board.card(o) is not None for o in others)


def test_a_move_whose_form_filled_fields_reads_the_deal_again(ctx, qtbot, cards_read):
    deal = deal_in(ctx.db, "replied_positive", "Acme")  # "qualified" asks for the amount
    page = open_board(ctx, qtbot)
    board = page.board
    board.actions.dialogs = ScriptedDialogs(required={"amount": "2500"})
    board.drop([deal], stage_id(ctx.db, "qualified"))
    assert cards_read == [{deal}]  # the move changed more than the stage: the card is read again
    assert board.column("qualified").model.card_of(deal).amount_minor == 250000


def test_another_connections_move_reaches_the_board_through_the_refresh_path(ctx, db, qtbot, cards_read):
    deal = deal_in(db, "unsorted", "Acme")
    deal_in(db, "contacts_found", "Untouched")
    page = open_board(ctx, qtbot)
    board = page.board
    signals = ModelSignals(board)
    other = open_database(db.location, language="en")
    try:
        other.run(move_deal, deal, "work_started", user_id=2)
        qtbot.waitUntil(lambda: board.column("work_started").model.has(deal), timeout=SHOWN_WITHIN_MS)
    finally:
        other.close()
    assert not board.column("unsorted").model.has(deal)
    assert cards_read == [{deal}]  # someone else's move says nothing of where: read it
    assert signals.untouched("unsorted", "work_started") == {}


def test_a_deal_counts_as_only_moved_while_every_part_of_the_transaction_only_moved_it():
    at = datetime(2026, 11, 30, 12)
    moved = Changes(deals={1, 2}, moved={1: (5, at), 2: (5, at)})
    moved.merge(Changes(deals={1}))  # deal 1 was also edited
    assert moved.moved == {2: (5, at)}
    edited_first = Changes(deals={3}).merge(Changes(deals={3}, moved={3: (6, at)}))
    assert edited_first.moved == {}
    twice = Changes(deals={4}, moved={4: (5, at)}).merge(Changes(deals={4}, moved={4: (6, at)}))
    assert twice.moved == {4: (6, at)}  # moved twice: where it went last


def test_a_won_or_filled_move_is_not_a_plain_move(db):
    deal = deal_in(db, "unsorted", "Acme")
    assert db.run(move_deal, deal, "work_started", user_id=1).moved.keys() == {deal}
    with_values = db.run(move_deal, deal, "contacts_found", user_id=1, values={"amount": "10"})
    assert with_values.moved == {}
    assert db.run(win_deal, deal, user_id=1).moved == {}  # a win closes the deal: more than a move


def test_dropped_report_frames_are_freed_off_the_moment_of_the_change(ctx, qtbot):
    from voronka.views.reports.frames_cache import FramesCache

    deal_in(ctx.db, "unsorted", "Acme")
    cache = FramesCache.of(ctx)
    frames = weakref.ref(cache.frames("sales"))
    ctx.run(move_deal, ctx.query(lambda s: board_cards(s, "sales"))[0].id, "work_started", user_id=1)
    assert not cache.cached("sales")  # invalid at once: nobody is handed the old frames
    gc.collect()
    assert frames() is not None  # still held: freed a moment later, on the reports lane
    qtbot.waitUntil(lambda: (gc.collect(), frames() is None)[1], timeout=5000)
