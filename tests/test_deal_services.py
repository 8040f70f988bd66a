"""Domain services on deals: every one writes the event log and refuses what the funnel forbids."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from voronka.models import errors
from voronka.models.orm import Activity, Company, Deal, DealEvent, LostReason, Stage, Task
from voronka.models.services.activities import log_activity
from voronka.models.services.deals import (
    change_owner,
    create_deal,
    lose_deal,
    move_deal,
    move_deals,
    reopen_deal,
    undo_events,
    update_deal,
    win_deal,
)
from voronka.models.services.tasks import add_task, complete_task

T0 = datetime(2026, 10, 1, 10, 0)


def events_of(db, deal_id):
    with db.session() as s:
        return [(e.kind, e.stage_id, e.user_id) for e in
                s.scalars(select(DealEvent).where(DealEvent.deal_id == deal_id).order_by(DealEvent.id))]


def stage_id(db, key, pipeline_id=1):
    with db.session() as s:
        return s.scalar(select(Stage.id).where(Stage.key == key, Stage.pipeline_id == pipeline_id))


def deal(db, deal_id) -> Deal:
    with db.session() as s:
        return s.get(Deal, deal_id)


def new_deal(db, **kw) -> int:
    kw.setdefault("name", "acme.ru - Acme")
    kw.setdefault("user_id", 1)
    kw.setdefault("at", T0)
    return db.run(create_deal, **kw).created[0]


def a_reason(db) -> int:
    with db.session() as s:
        return s.scalar(select(LostReason.id).where(LostReason.text == "Нет ответа"))


def test_new_database_has_the_default_funnel(db):
    with db.session() as s:
        keys = s.scalars(select(Stage.key).where(Stage.pipeline_id == 1).order_by(Stage.position)).all()
        side = s.scalar(select(Stage).where(Stage.key == "replied_negative"))
        assert keys[0] == "unsorted" and keys[-1] == "signed" and len(keys) == 14
        assert side.side_of_id == stage_id(db, "replied")
        assert s.scalar(select(func.count()).select_from(LostReason)) == 17
        assert s.scalar(select(Stage.won).where(Stage.key == "signed"))
        assert s.scalar(select(func.count()).select_from(Stage).where(Stage.pipeline_id == 2)) == 12


def test_creating_a_deal_writes_its_entry_event(db):
    d = new_deal(db)
    assert events_of(db, d) == [("stage", stage_id(db, "unsorted"), 1), ("owner", None, 1)]
    assert deal(db, d).owner_id == 1


def test_deal_name_follows_website_and_company_convention(db):
    with db.transaction() as s:
        s.add(Company(name="Acme", website="acme.ru"))
    d = db.run(create_deal, user_id=1, company_id=1).created[0]
    assert deal(db, d).name == "acme.ru - Acme"


def test_moving_writes_an_entry_event_and_sets_the_stage(db):
    d = new_deal(db)
    db.run(move_deal, d, "outreach_started", user_id=2, at=T0 + timedelta(days=1))
    assert deal(db, d).stage_id == stage_id(db, "outreach_started")
    assert events_of(db, d)[-1] == ("stage", stage_id(db, "outreach_started"), 2)


def test_moving_into_qualified_without_amount_is_refused_and_writes_nothing(db):
    d = new_deal(db)
    with pytest.raises(errors.StageRequirementsMissing) as info:
        db.run(move_deal, d, "qualified", user_id=1)
    assert info.value.fields == ["amount"]
    assert deal(db, d).stage_id == stage_id(db, "unsorted")
    assert len(events_of(db, d)) == 2


def test_required_fields_given_with_the_move_let_it_through(db):
    d = new_deal(db)
    db.run(move_deal, d, "qualified", user_id=1, values={"amount": "250000"})
    assert deal(db, d).amount_minor == 25_000_000
    assert deal(db, d).stage_id == stage_id(db, "qualified")


def test_entering_the_won_stage_wins_the_deal(db):
    d = new_deal(db, amount=1000)
    db.run(move_deal, d, "signed", user_id=2)
    got = deal(db, d)
    assert got.status == "won" and got.closed_at is not None
    assert [k for k, *_ in events_of(db, d)][-2:] == ["stage", "won"]


def test_win_moves_into_the_won_stage(db):
    d = new_deal(db, amount=1000)
    db.run(win_deal, d, user_id=2)
    assert deal(db, d).stage_id == stage_id(db, "signed")


def test_lost_without_reason_is_refused(db):
    d = new_deal(db)
    with pytest.raises(errors.LostReasonRequired):
        db.run(lose_deal, d, reason_id=None, user_id=1)
    assert deal(db, d).status == "open"


def test_lost_deal_keeps_the_stage_it_was_lost_at(db):
    d = new_deal(db)
    db.run(move_deal, d, "outreach_started", user_id=1)
    db.run(lose_deal, d, reason_id=a_reason(db), comment="silent", user_id=1)
    got = deal(db, d)
    assert got.status == "lost" and got.stage_id == stage_id(db, "outreach_started")
    assert got.lost_comment == "silent"
    assert events_of(db, d)[-1] == ("lost", stage_id(db, "outreach_started"), 1)


def test_a_closed_deal_cannot_be_moved_until_reopened(db):
    d = new_deal(db)
    db.run(lose_deal, d, reason_id=a_reason(db), user_id=1)
    with pytest.raises(errors.InvalidTransition):
        db.run(move_deal, d, "work_started", user_id=1)
    db.run(reopen_deal, d, user_id=1, stage="work_started")
    got = deal(db, d)
    assert got.status == "open" and got.stage_id == stage_id(db, "work_started")
    assert [k for k, *_ in events_of(db, d)][-2:] == ["reopened", "stage"]


def test_reopening_an_open_deal_is_refused(db):
    with pytest.raises(errors.InvalidTransition):
        db.run(reopen_deal, new_deal(db), user_id=1)


def test_change_owner_writes_an_owner_event(db):
    d = new_deal(db)
    db.run(change_owner, [d], 2, user_id=3)
    assert deal(db, d).owner_id == 2
    assert events_of(db, d)[-1] == ("owner", None, 3)


def test_undo_removes_the_move_from_history_and_restores_the_stage(db):
    d = new_deal(db)
    changes = db.run(move_deal, d, "contacts_found", user_id=1)
    db.run(undo_events, changes.event_ids, user_id=1)
    assert deal(db, d).stage_id == stage_id(db, "unsorted")
    assert len(events_of(db, d)) == 2


def test_undo_of_a_win_reopens_the_deal(db):
    d = new_deal(db, amount=10)
    changes = db.run(win_deal, d, user_id=1)
    db.run(undo_events, changes.event_ids, user_id=1)
    got = deal(db, d)
    assert got.status == "open" and got.closed_at is None and got.stage_id == stage_id(db, "unsorted")


def test_undo_by_another_user_is_refused(db):
    d = new_deal(db)
    changes = db.run(move_deal, d, "contacts_found", user_id=1)
    with pytest.raises(errors.NothingToUndo):
        db.run(undo_events, changes.event_ids, user_id=2)
    assert deal(db, d).stage_id == stage_id(db, "contacts_found")


def test_undo_after_a_later_move_is_refused(db):
    d = new_deal(db)
    first = db.run(move_deal, d, "contacts_found", user_id=1)
    db.run(move_deal, d, "outreach_started", user_id=1)
    with pytest.raises(errors.NothingToUndo):
        db.run(undo_events, first.event_ids, user_id=1)


def test_moving_several_deals_is_one_transaction(db):
    ok = new_deal(db, amount=5)
    empty = new_deal(db, name="no amount")
    with pytest.raises(errors.StageRequirementsMissing):
        db.run(move_deals, [ok, empty], "qualified", user_id=1)
    assert deal(db, ok).stage_id == stage_id(db, "unsorted")
    assert len(events_of(db, ok)) == 2


def test_update_deal_refuses_a_negative_amount(db):
    d = new_deal(db)
    with pytest.raises(errors.InvalidValue):
        db.run(update_deal, d, {"amount": "-5"})
    assert deal(db, d).amount_minor is None


def test_activities_and_tasks(db):
    d = new_deal(db)
    db.run(log_activity, type="call", user_id=1, deal_id=d, outcome="reached")
    with pytest.raises(errors.InvalidValue):
        db.run(log_activity, type="telepathy", user_id=1, deal_id=d)
    task_id = db.run(add_task, title="Send the offer", assignee_id=1, deal_id=d,
                     due_at=T0 + timedelta(days=2)).created[0]
    db.run(complete_task, task_id)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 1
        assert s.get(Task, task_id).done_at is not None
    with pytest.raises(errors.InvalidValue):
        db.run(add_task, title="  ", assignee_id=1)


def test_undo_of_a_board_action_puts_back_the_fields_its_form_filled(db):
    from voronka.models.services.batch import undo_with_copies
    from voronka.models.services.custom_fields import add_custom_field
    from voronka.models.services.deals import deal_values

    db.run(add_custom_field, "deal", label_en="Budget owner", label_ru="Владелец бюджета")
    deal_id = new_deal(db, amount="500")
    keys = ["amount", "custom:budget_owner", "expected_close"]
    before = db.run(deal_values, deal_id, keys)
    assert before == {"amount": Decimal("500.00"), "custom:budget_owner": None, "expected_close": None}
    moved = db.run(move_deal, deal_id, "qualified", user_id=1,
                   values={"amount": "900", "custom:budget_owner": "CFO", "expected_close": "2026-12-01"})
    db.run(undo_with_copies, moved.event_ids, [], user_id=1, restore={deal_id: before})
    assert db.run(deal_values, deal_id, keys) == before
    assert deal(db, deal_id).stage_id == stage_id(db, "unsorted")
