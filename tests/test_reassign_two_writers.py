"""Reassigning a deal carries the owner the screen showed: a deal a colleague gave to
someone else meanwhile is refused with one sentence naming who gave it to whom, nothing is
written, and the screens reload it. On one SQLite file and one PostgreSQL database."""
from __future__ import annotations

import pytest

from board_support import open_board
from undo_support import B_NAME, event_ids, server, snapshot, two  # noqa: F401 (fixtures)
from voronka.models import errors
from voronka.models.orm import Deal
from voronka.models.services.deal_guard import SeenDeal
from voronka.models.services.deals import change_owner, create_deal
from voronka.views.board import commands
from voronka.views.errors import describe

ALEX, HELEN = 2, 3


def test_the_service_refuses_a_reassignment_over_a_colleagues(two):
    deal = two.a.db.run(create_deal, name="Acme", user_id=1, owner_id=1).created[0]
    seen = {deal: SeenDeal(snapshot(two.a.db, Deal, deal)["stage_id"], owner_id=1, owner_seen=True)}
    two.b.run(change_owner, [deal], ALEX, user_id=2)
    before = event_ids(two.a.db, deal)
    with pytest.raises(errors.DealChanged) as caught:
        two.a.db.run(change_owner, [deal], HELEN, user_id=1, seen=seen)
    assert snapshot(two.a.db, Deal, deal)["owner_id"] == ALEX and event_ids(two.a.db, deal) == before
    assert describe(caught.value).startswith(f"{B_NAME} gave this deal to {B_NAME} at ")
    # the owner it shows now is fine
    seen = {deal: SeenDeal(seen[deal].stage_id, owner_id=ALEX, owner_seen=True)}
    two.a.db.run(change_owner, [deal], HELEN, user_id=1, seen=seen)
    assert snapshot(two.a.db, Deal, deal)["owner_id"] == HELEN


def test_reassigning_from_the_board_a_deal_a_colleague_reassigned_is_refused(two, qtbot, monkeypatch):
    deal = two.a.db.run(create_deal, name="Acme", user_id=1, owner_id=1, stage_key="work_started").created[0]
    page = open_board(two.a, qtbot)
    shown: list[str] = []
    monkeypatch.setattr(commands, "show_error", lambda parent, exc: shown.append(describe(exc)))
    two.b.run(change_owner, [deal], ALEX, user_id=2)  # the board still shows Sasha as the owner
    assert page.board.actions.reassign([deal], HELEN, "Helen Head") is None
    assert snapshot(two.a.db, Deal, deal)["owner_id"] == ALEX and two.a.undo_stack.count() == 0
    assert shown == [shown[0]] and shown[0].startswith(f"{B_NAME} gave this deal to {B_NAME} at ")
    assert page.board.card(deal).owner_id == ALEX  # the board reloaded the deal
    assert page.board.actions.reassign([deal], HELEN, "Helen Head") is not None  # now it shows the truth
    assert snapshot(two.a.db, Deal, deal)["owner_id"] == HELEN
