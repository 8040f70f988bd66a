"""Undo of creating a deal: the deal (and a company made with it) goes without a trace,
but never once someone has worked on the deal."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from voronka.models import errors
from voronka.models.orm import Company, CustomFieldValue, Deal, DealEvent
from voronka.models.services.activities import log_activity
from voronka.models.services.batch import quick_create_deal
from voronka.models.services.creation_undo import discard_created_deal
from voronka.models.services.custom_fields import add_custom_field
from voronka.models.services.deals import create_deal, move_deal, update_deal

T0 = datetime(2026, 10, 1, 10, 0)


def count(db, model, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_undoing_a_quick_create_removes_the_deal_its_events_and_its_new_company(db):
    done = db.run(quick_create_deal, pipeline_key="sales", stage_key="work_started", user_id=1,
                  new_company={"name": "Initech", "website": "initech.com"})
    deal_id, company_id = done.created[0], next(iter(done.companies))
    undone = db.run(discard_created_deal, deal_id, done.event_ids, user_id=1, company_id=company_id)
    assert deal_id in undone.deals and company_id in undone.companies
    assert count(db, Deal, Deal.id == deal_id) == 0
    assert count(db, DealEvent, DealEvent.deal_id == deal_id) == 0
    assert count(db, Company, Company.id == company_id) == 0


def test_a_company_that_already_had_deals_stays(db):
    first = db.run(quick_create_deal, pipeline_key="sales", stage_key="work_started", user_id=1,
                   new_company={"name": "Initech"})
    company_id = next(iter(first.companies))
    second = db.run(create_deal, user_id=1, company_id=company_id, at=T0)
    db.run(discard_created_deal, second.created[0], second.event_ids, user_id=1, company_id=company_id)
    assert count(db, Company, Company.id == company_id) == 1
    assert count(db, Deal, Deal.company_id == company_id) == 1


@pytest.mark.parametrize("work", ["move", "activity"])
def test_a_deal_worked_on_since_is_kept(db, work):
    done = db.run(create_deal, name="acme.ru - Acme", user_id=1, at=T0)
    deal_id = done.created[0]
    if work == "move":
        db.run(move_deal, deal_id, "outreach_started", user_id=1)
    else:
        db.run(log_activity, user_id=1, type="call", deal_id=deal_id)
    with pytest.raises(errors.NothingToUndo, match="worked on"):
        db.run(discard_created_deal, deal_id, done.event_ids, user_id=1)
    assert count(db, Deal, Deal.id == deal_id) == 1


def test_only_the_creator_can_undo_the_creation(db):
    done = db.run(create_deal, name="acme.ru - Acme", user_id=1, at=T0)
    with pytest.raises(errors.NothingToUndo):
        db.run(discard_created_deal, done.created[0], done.event_ids, user_id=2)
    assert count(db, Deal, Deal.id == done.created[0]) == 1


def test_custom_values_go_with_the_deal_and_never_reach_a_reused_id(db):
    db.run(add_custom_field, "deal", label_en="Budget owner", label_ru="Владелец бюджета")
    done = db.run(create_deal, name="acme.ru - Acme", user_id=1, at=T0)
    deal_id = done.created[0]
    db.run(update_deal, deal_id, {"custom:budget_owner": "CFO"})
    assert count(db, CustomFieldValue, CustomFieldValue.record_id == deal_id) == 1
    db.run(discard_created_deal, deal_id, done.event_ids, user_id=1)
    assert count(db, CustomFieldValue, CustomFieldValue.record_id == deal_id) == 0


def test_undoing_a_win_keeps_a_client_success_copy_someone_has_given_a_task(db):
    from voronka.models.services.batch import undo_with_copies, win_deals
    from voronka.models.services.tasks import add_task

    deal_id = db.run(create_deal, name="acme.ru - Acme", user_id=1, stage_key="committed", amount="900",
                     at=T0).created[0]
    won = db.run(win_deals, [deal_id], user_id=1, copy_to_success=True)
    copy = won.created[0]
    db.run(add_task, title="Kick-off call", assignee_id=1, deal_id=copy)
    with pytest.raises(errors.NothingToUndo):
        db.run(undo_with_copies, won.event_ids, won.created, user_id=1)
    assert count(db, Deal, Deal.id == copy) == 1  # the task was not deleted with it
    with db.session() as s:
        assert s.get(Deal, deal_id).status == "won"
