"""Undo and redo with a second writer on the same SQLite file: an undo refuses rather than
erase a colleague's later work, says who did what and when, and the undo stack stays in
step with the database whatever goes wrong."""
from __future__ import annotations

import sqlite3

import pytest

from sqlalchemy import func, select

from board_support import ScriptedDialogs, deal_in, stage_id
from voronka.models.orm import Deal, DealEvent
from voronka.models.services.deals import move_deal, reopen_deal
from undo_support import B_NAME, event_ids, server, snapshot, two, two_on_sqlite  # noqa: F401 (fixtures)


def test_undoing_a_move_after_a_colleague_moved_the_deal_again_is_refused_and_names_them(two):
    deal = deal_in(two.a.db, "work_started", "Acme")
    two.actions(two.widget).move([deal], two.stage("contacts_found"))
    two.b.run(move_deal, deal, "replied", user_id=2)
    before = event_ids(two.a.db, deal)

    assert two.a.undo_stack.undo() is False
    assert two.a.undo_stack.index() == 1 and two.a.undo_stack.canUndo()  # the step stays, unchanged
    assert event_ids(two.a.db, deal) == before  # the colleague's move survives, and A's under it
    assert snapshot(two.a.db, Deal, deal)["stage_id"] == stage_id(two.a.db, "replied")
    said = two.said()
    assert B_NAME in said and "moved «Acme»" in said and "not undone" in said


def test_undoing_a_group_move_refuses_for_all_when_a_colleague_moved_one(two):
    deals = [deal_in(two.a.db, "work_started", f"Deal {n}") for n in range(3)]
    two.actions(two.widget).move(deals, two.stage("contacts_found"))
    two.b.run(move_deal, deals[1], "replied", user_id=2)

    assert two.a.undo_stack.undo() is False
    assert two.a.undo_stack.index() == 1
    stages = [snapshot(two.a.db, Deal, d)["stage_id"] for d in deals]
    assert stages == [stage_id(two.a.db, "contacts_found"), stage_id(two.a.db, "replied"),
                      stage_id(two.a.db, "contacts_found")]  # nothing undone, the colleague's move kept
    assert B_NAME in two.said() and "«Deal 1»" in two.said()


def test_undoing_a_win_after_a_colleague_reopened_the_deal_is_refused(two):
    deal = deal_in(two.a.db, "offer_sent", "Globex", amount="1000")
    actions = two.actions(two.widget)
    actions.dialogs = ScriptedDialogs(won=True)  # with a Client Success copy
    done = actions.win([deal])
    copy = done.created[0]
    two.b.run(reopen_deal, deal, user_id=2)

    assert two.a.undo_stack.undo() is False
    with two.a.db.session() as s:
        assert s.get(Deal, deal).status == "open"  # the colleague's reopen survives
        assert s.get(Deal, copy) is not None  # and the copy the win made is still there
    assert B_NAME in two.said() and "reopened «Globex»" in two.said()


def test_undo_when_the_database_is_locked_leaves_the_stack_and_the_database_as_they_were(two_on_sqlite, tmp_path):
    two = two_on_sqlite
    deal = deal_in(two.a.db, "work_started", "Initech")
    two.actions(two.widget).move([deal], two.stage("contacts_found"))
    before = event_ids(two.a.db, deal)
    other = sqlite3.connect(tmp_path / "team.db", timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert two.a.undo_stack.undo() is False
    finally:
        other.rollback()
        other.close()
    assert two.a.undo_stack.index() == 1 and event_ids(two.a.db, deal) == before
    assert "busy" in two.said() and "Traceback" not in two.said()
    assert two.a.undo_stack.undo() is True  # once the lock is gone the same step undoes
    assert two.a.undo_stack.index() == 0
    assert snapshot(two.a.db, Deal, deal)["stage_id"] == stage_id(two.a.db, "work_started")


def test_a_failure_half_way_through_a_step_writes_nothing_and_the_stack_does_not_move(two, monkeypatch):
    deal = deal_in(two.a.db, "work_started", "Umbrella")
    ctx = two.a
    ctx.undo_stack.beginMacro("two moves")
    two.actions(two.widget).move([deal], two.stage("contacts_found"))
    two.actions(two.widget).move([deal], two.stage("replied"))
    ctx.undo_stack.endMacro()
    before = event_ids(ctx.db, deal)
    from voronka.models.services import batch

    calls = []
    real = batch.undo_events

    def fail_second(session, ids, **kw):  # the first compensation succeeds, the second blows up
        calls.append(ids)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(session, ids, **kw)

    monkeypatch.setattr(batch, "undo_events", fail_second)
    assert ctx.undo_stack.undo() is False
    assert len(calls) == 2 and ctx.undo_stack.index() == 1
    assert event_ids(ctx.db, deal) == before  # the first compensation was rolled back with it
    assert "unexpected error (RuntimeError)" in two.said()
    monkeypatch.setattr(batch, "undo_events", real)
    assert ctx.undo_stack.undo() is True and len(event_ids(ctx.db, deal)) == len(before) - 2


def test_a_failed_redo_leaves_the_step_to_redo(two):
    deal = deal_in(two.a.db, "work_started", "Hooli")
    two.actions(two.widget).move([deal], two.stage("contacts_found"))
    assert two.a.undo_stack.undo() is True
    two.b.run(move_deal, deal, "replied", user_id=2)
    from voronka.models.services.deals import lose_deal
    from voronka.models.orm import LostReason

    with two.a.db.session() as s:
        reason = s.scalar(select(LostReason.id))
    two.b.run(lose_deal, deal, reason_id=reason, user_id=2)  # closed: a move cannot be made again
    before = event_ids(two.a.db, deal)
    assert two.a.undo_stack.redo() is False
    assert two.a.undo_stack.index() == 0 and two.a.undo_stack.canRedo()
    assert event_ids(two.a.db, deal) == before
    assert "not redone" in two.said()
    with two.a.db.session() as s:
        assert s.scalar(select(DealEvent.kind).where(DealEvent.deal_id == deal).order_by(DealEvent.id.desc())) == "lost"


def test_undoing_a_win_after_a_colleague_edited_its_client_success_copy_keeps_the_copy(two):
    from voronka.models.services.deal_fields import save_deal_fields

    deal = deal_in(two.a.db, "offer_sent", "Wonka", amount="1000")
    actions = two.actions(two.widget)
    actions.dialogs = ScriptedDialogs(won=True)
    copy = actions.win([deal]).created[0]
    two.b.run(save_deal_fields, copy, {"amount": "2500"})

    assert two.a.undo_stack.undo() is False
    with two.a.db.session() as s:
        assert s.get(Deal, deal).status == "won" and s.get(Deal, copy).amount_minor == 250000
    assert "Amount" in two.said() and "«Wonka»" in two.said()


def test_redo_of_a_win_brings_back_the_same_client_success_copy(two):
    deal = deal_in(two.a.db, "offer_sent", "Cyberdyne", amount="1000")
    actions = two.actions(two.widget)
    actions.dialogs = ScriptedDialogs(won=True)
    copy = actions.win([deal]).created[0]
    assert two.a.undo_stack.undo() is True
    assert snapshot(two.a.db, Deal, copy) is None

    assert two.a.undo_stack.redo() is True
    with two.a.db.session() as s:
        assert s.get(Deal, deal).status == "won"
        assert s.get(Deal, copy).origin_deal_id == deal  # the same copy, not a new one
        assert s.scalar(select(func.count()).select_from(Deal).where(Deal.origin_deal_id == deal)) == 1
    assert two.a.undo_stack.undo() is True  # and it can be undone again
    assert snapshot(two.a.db, Deal, copy) is None and snapshot(two.a.db, Deal, deal)["status"] == "open"
