"""What a user sees when a colleague got there first: the board refuses a move of a deal
someone else moved, says who, and refreshes; a card saved over someone else's edit opens
the conflict view instead of overwriting."""
from __future__ import annotations

from decimal import Decimal

import pytest

from board_support import (  # noqa: F401 (ctx is a fixture)
    ctx,
    deal_in,
    deal_row,
    drag_cards,
    events_of,
    open_board,
    stage_id,
)
from card_helpers import discard_unsaved_edits, settled
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import move_deal
from voronka.views.board import commands as board_commands
from voronka.views.cards import open_card
from voronka.views.conflicts.dialog import ConflictDialog

ALEX = 2


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


def test_a_drag_of_a_deal_someone_else_moved_is_refused_with_who_and_the_board_refreshes(ctx, qtbot, monkeypatch):
    deal = deal_in(ctx.db, "unsorted", "Acme")
    page = open_board(ctx, qtbot)
    ctx.db.run(move_deal, deal, "replied", user_id=ALEX)  # another laptop, meanwhile
    before = events_of(ctx.db, deal)
    shown = []
    monkeypatch.setattr(board_commands, "show_error", lambda _parent, exc: shown.append(exc))
    board = page.board
    drag_cards(qtbot, board.column("unsorted").view, board.column("work_started").view.viewport(), [deal])
    assert shown and str(shown[0]).startswith("Alex AE moved this deal to Replied at")
    from voronka.views.errors import describe

    assert describe(shown[0]).startswith("Alex AE moved this deal to «Replied» at")
    assert events_of(ctx.db, deal) == before and deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "replied")
    qtbot.waitUntil(lambda: board.column("replied").model.has(deal) and not board.column("unsorted").model.has(deal))


def type_into(qtbot, card, key, text):
    line = card.editor(key).line
    line.clear()
    qtbot.keyClicks(line, text)
    line.editingFinished.emit()


@pytest.mark.parametrize("keep_mine", [False, True])
def test_a_card_saved_over_someone_elses_edit_opens_the_conflict_view(ctx, qtbot, monkeypatch, keep_mine):
    deal = deal_in(ctx.db, "unsorted", "Acme")
    card = settled(qtbot, open_card(ctx, "deal", deal))
    qtbot.addWidget(card.window())
    ctx.db.acting_user_id = ALEX
    ctx.db.run(save_deal_fields, deal, {"amount": Decimal("111")})  # Alex saves first
    ctx.db.acting_user_id = 1
    seen = []

    def answer(dialog):
        seen.append([(dialog.cell(r, 0), dialog.cell(r, 1), dialog.cell(r, 2)) for r in range(dialog.table.rowCount())])
        seen.append(dialog.table.horizontalHeaderItem(1).text())
        if keep_mine:
            dialog.choices["amount"].setChecked(True)
        return 1 if keep_mine else 0
    monkeypatch.setattr(ConflictDialog, "exec", answer)
    type_into(qtbot, card, "amount", "222")
    card.save()
    assert seen and seen[0] == [("Amount", "111.00", "222.00")]
    assert seen[1].startswith("Theirs (Alex AE, ")
    expected = 22_200 if keep_mine else 11_100
    assert deal_row(ctx.db, deal).amount_minor == expected
    assert card.is_dirty() is (not keep_mine)
