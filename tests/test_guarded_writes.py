"""A second writer: services check what the user saw against the row as it is now, card
edits on a stale version never overwrite silently, and no text a column cannot hold
reaches the driver."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from voronka.models import errors
from voronka.models.clock import local_now
from voronka.models.fields import FieldsInvalid
from voronka.models.orm import Company, Contact, Deal, DealEvent, Stage, Task
from voronka.models.services.companies import create_company, update_company
from voronka.models.services.contacts import create_contact, update_contact
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deal_guard import SeenDeal
from voronka.models.services.deals import create_deal, lose_deal, move_deal, reopen_deal, win_deal
from voronka.models.services.batch import lose_deals, win_deals
from voronka.models.services.tasks import add_task, update_task

SASHA, ALEX = 1, 2


def stage_id(db, key):
    with db.session() as s:
        return s.scalar(select(Stage.id).where(Stage.key == key, Stage.pipeline_id == 1))


def row(db, cls, key):
    with db.session() as s:
        return s.get(cls, key)


def events(db, deal_id):
    with db.session() as s:
        return list(s.execute(select(DealEvent.kind, DealEvent.user_id).where(DealEvent.deal_id == deal_id)
                              .order_by(DealEvent.id)))


def a_reason(db):
    from voronka.models.orm import LostReason

    with db.session() as s:
        return s.scalar(select(LostReason.id).limit(1))


@pytest.fixture
def deal_id(db):
    return db.run(create_deal, name="acme.ru - Acme", user_id=SASHA, stage_key="work_started").created[0]


# --- versions -----------------------------------------------------------------------------
def test_every_update_of_a_record_raises_its_version_and_says_who(db, deal_id):
    v0 = row(db, Deal, deal_id).version
    db.run(move_deal, deal_id, "replied", user_id=ALEX)
    after_move = row(db, Deal, deal_id)
    assert after_move.version == v0 + 1 and after_move.updated_by_id == ALEX
    db.run(save_deal_fields, deal_id, {"amount": Decimal("5")})
    assert row(db, Deal, deal_id).version == v0 + 2
    company = db.run(create_company, {"name": "Acme"}).created[0]
    db.run(save_deal_fields, deal_id, {"company": company, "name": ""})  # convention name follows the company
    v = row(db, Deal, deal_id).version
    db.run(update_company, company, {"website": "acme.ru"})  # renames the deal by a bulk update
    assert row(db, Deal, deal_id).version == v + 1 and row(db, Deal, deal_id).name == "acme.ru - Acme"
    person = db.run(create_contact, {"full_name": "Ivan"}).created[0]
    v = row(db, Deal, deal_id).version
    db.run(save_deal_fields, deal_id, {"contacts": [person]})  # only the link table changes
    assert row(db, Deal, deal_id).version == v + 1


def test_saved_111_by_one_user_and_222_by_another_ends_in_a_conflict_not_a_silent_222(db, deal_id):
    seen = row(db, Deal, deal_id).version  # both cards opened now, amount empty
    db.acting_user_id = SASHA
    db.run(save_deal_fields, deal_id, {"amount": Decimal("111")}, seen_version=seen, original={"amount": None})
    db.acting_user_id = ALEX
    with pytest.raises(errors.EditConflict) as caught:
        db.run(save_deal_fields, deal_id, {"amount": Decimal("222")}, seen_version=seen, original={"amount": None})
    conflict = caught.value
    assert [(c.field, c.original, c.theirs, c.mine) for c in conflict.conflicts] == [
        ("amount", None, Decimal("111"), Decimal("222"))]
    assert conflict.user_name == "Sasha SDR" and conflict.at is not None
    assert conflict.version == row(db, Deal, deal_id).version
    assert row(db, Deal, deal_id).amount_minor == 11_100
    # choosing "mine" saves on the version the conflict reported
    db.run(save_deal_fields, deal_id, {"amount": Decimal("222")}, seen_version=conflict.version,
           original={"amount": Decimal("111")})
    assert row(db, Deal, deal_id).amount_minor == 22_200


def test_a_stale_save_of_other_fields_or_of_the_same_value_is_no_conflict(db, deal_id):
    seen = row(db, Deal, deal_id).version
    db.run(save_deal_fields, deal_id, {"amount": Decimal("111"), "source": "web"}, seen_version=seen,
           original={"amount": None, "source": None})
    db.run(save_deal_fields, deal_id, {"amount": Decimal("111"), "segment": "SMB"}, seen_version=seen,
           original={"amount": None, "segment": None})
    deal = row(db, Deal, deal_id)
    assert (deal.amount_minor, deal.source, deal.segment) == (11_100, "web", "SMB")


def test_a_move_by_someone_else_is_no_conflict_for_a_card_edit(db, deal_id):
    seen = row(db, Deal, deal_id).version
    db.run(move_deal, deal_id, "replied", user_id=ALEX)
    db.run(save_deal_fields, deal_id, {"notes": "call back"}, seen_version=seen, original={"notes": None})
    assert row(db, Deal, deal_id).notes == "call back"


def test_company_contact_and_task_edits_on_a_stale_version_are_refused(db):
    company = db.run(create_company, {"name": "Acme"}).created[0]
    seen = row(db, Company, company).version
    db.run(update_company, company, {"industry": "Retail"}, seen_version=seen, original={"industry": None})
    with pytest.raises(errors.EditConflict):
        db.run(update_company, company, {"industry": "Banks"}, seen_version=seen, original={"industry": None})
    assert row(db, Company, company).industry == "Retail"
    person = db.run(create_contact, {"full_name": "Ivan"}).created[0]
    seen = row(db, Contact, person).version
    db.run(update_contact, person, {"position": "CEO"}, seen_version=seen, original={"position": None})
    with pytest.raises(errors.EditConflict):
        db.run(update_contact, person, {"position": "CTO"}, seen_version=seen, original={"position": None})
    task = db.run(add_task, title="Call", assignee_id=SASHA).created[0]
    seen = row(db, Task, task).version
    db.run(update_task, task, {"title": "Call Ivan"}, seen_version=seen, original={"title": "Call"})
    with pytest.raises(errors.EditConflict):
        db.run(update_task, task, {"title": "Mail Ivan"}, seen_version=seen, original={"title": "Call"})
    assert row(db, Task, task).title == "Call Ivan"


# --- moves, wins, losses, reopens on a deal someone else changed ---------------------------------
def test_a_move_of_a_deal_someone_else_moved_is_refused_naming_who_and_where(db, deal_id):
    seen = SeenDeal(stage_id(db, "work_started"))
    db.run(move_deal, deal_id, "replied", user_id=ALEX)
    before = events(db, deal_id)
    with pytest.raises(errors.DealChanged) as caught:
        db.run(move_deal, deal_id, "qualified", user_id=SASHA, seen=seen)
    change = caught.value.change
    assert (change.kind, change.user_name, change.stage_en) == ("stage", "Alex AE", "Replied")
    assert str(caught.value).startswith("Alex AE moved this deal to Replied at ")
    assert events(db, deal_id) == before and row(db, Deal, deal_id).stage_id == stage_id(db, "replied")


def test_a_deal_is_never_won_twice_without_a_reopen(db, deal_id):
    seen = SeenDeal(stage_id(db, "work_started"))
    db.run(win_deal, deal_id, user_id=ALEX, seen=seen, values={"amount": "100"})
    with pytest.raises(errors.DealChanged, match="Alex AE marked this deal won"):
        db.run(win_deal, deal_id, user_id=SASHA, seen=seen)
    with pytest.raises(errors.InvalidTransition):  # without what the screen showed, too
        db.run(win_deals, [deal_id], user_id=SASHA)
    assert [k for k, _u in events(db, deal_id)].count("won") == 1


def test_a_loss_and_a_reopen_on_a_changed_deal_are_refused(db, deal_id):
    seen = SeenDeal(stage_id(db, "work_started"))
    db.run(lose_deal, deal_id, reason_id=a_reason(db), user_id=ALEX)
    with pytest.raises(errors.DealChanged, match="marked this deal lost"):
        db.run(lose_deals, [deal_id], reason_id=a_reason(db), user_id=SASHA, seen={deal_id: seen})
    lost = SeenDeal(stage_id(db, "work_started"), "lost")
    db.run(reopen_deal, deal_id, user_id=ALEX, seen=lost)
    with pytest.raises(errors.DealChanged, match="Alex AE reopened this deal"):
        db.run(reopen_deal, deal_id, user_id=SASHA, seen=lost)
    assert [k for k, _u in events(db, deal_id)].count("reopened") == 1


def test_event_times_never_go_back_even_when_this_clock_is_behind(db, deal_id):
    future = local_now() + timedelta(hours=1)  # the other laptop's clock
    db.run(move_deal, deal_id, "replied", user_id=ALEX, at=future)
    db.run(move_deal, deal_id, "qualified", user_id=SASHA, values={"amount": "100"})
    with db.session() as s:
        times = list(s.scalars(select(DealEvent.at).where(DealEvent.deal_id == deal_id).order_by(DealEvent.id)))
    assert times == sorted(times) and times[-1] == future


# --- field limits -------------------------------------------------------------------------
def test_text_a_column_cannot_hold_is_refused_naming_the_field(db, deal_id):
    with pytest.raises(FieldsInvalid) as caught:
        db.run(create_deal, name="x" * 301, user_id=SASHA)
    assert [(p.field, p.code) for p in caught.value.problems] == [("name", "too_long")]
    with pytest.raises(FieldsInvalid) as caught:
        db.run(save_deal_fields, deal_id, {"notes": "a\x00b"})
    assert [(p.field, p.code) for p in caught.value.problems] == [("notes", "nul_character")]
    with pytest.raises(FieldsInvalid) as caught:
        db.run(add_task, title="t" * 301, assignee_id=SASHA)
    assert caught.value.problems[0].field == "title"
    with pytest.raises(FieldsInvalid):
        db.run(create_company, {"name": "Acme", "segment": "s" * 101})
    assert row(db, Deal, deal_id).notes is None
