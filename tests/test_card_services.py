"""Card services: values are saved normalised or not at all, names follow the company, duplicates are found."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from voronka.models.fields import FieldsInvalid
from voronka.models.orm import Company, CustomFieldValue, Deal, Stage
from voronka.models.queries.cards import card_layout, company_card, contact_card, deal_card, deal_timeline, field_usage
from voronka.models.services.activities import log_activity
from voronka.models.services.companies import create_company, find_company_duplicates, update_company
from voronka.models.services.contacts import create_contact, find_contact_duplicates, update_contact
from voronka.models.services.custom_fields import (
    add_custom_field,
    rename_custom_field,
    restore_custom_field,
    retire_custom_field,
    set_required_from,
)
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import create_deal, move_deal
from voronka.models.services.tasks import add_task


def new_company(db, **values) -> int:
    values.setdefault("name", "Acme")
    return db.run(create_company, values).created[0]


def test_company_is_saved_normalised(db):
    cid = new_company(db, website="https://www.Acme.RU/", inn="7707 083 893", revenue="12 000 000",
                      employees="150")
    with db.session() as s:
        c = s.get(Company, cid)
        assert (c.website, c.inn, c.revenue_minor, c.employees) == ("acme.ru", "7707083893", 1_200_000_000, 150)


def test_invalid_company_values_are_all_named_and_nothing_is_saved(db):
    cid = new_company(db)
    with pytest.raises(FieldsInvalid) as info:
        db.run(update_company, cid, {"industry": "Retail", "inn": "7707083894", "website": "acme"})
    assert set(info.value.by_field()) == {"inn", "website"}
    with db.session() as s:
        assert s.get(Company, cid).industry is None


def test_renaming_a_company_renames_its_convention_named_deals_only(db):
    cid = new_company(db, website="acme.ru")
    auto = db.run(create_deal, user_id=1, company_id=cid).created[0]
    manual = db.run(create_deal, name="Big pilot", user_id=1, company_id=cid).created[0]
    changes = db.run(update_company, cid, {"name": "Acme Group"})
    assert changes.deals == {auto}
    with db.session() as s:
        assert s.get(Deal, auto).name == "acme.ru - Acme Group"
        assert s.get(Deal, manual).name == "Big pilot"


def test_deal_name_typed_by_hand_is_kept_and_emptied_name_returns_to_convention(db):
    cid = new_company(db, website="acme.ru")
    other = new_company(db, name="Globex", website="globex.com")
    deal_id = db.run(create_deal, user_id=1, company_id=cid).created[0]
    db.run(save_deal_fields, deal_id, {"company": other})
    assert deal_of(db, deal_id).name == "globex.com - Globex"
    db.run(save_deal_fields, deal_id, {"name": "Pilot for Globex"})
    db.run(save_deal_fields, deal_id, {"company": cid})
    assert deal_of(db, deal_id).name == "Pilot for Globex" and deal_of(db, deal_id).name_is_manual
    db.run(save_deal_fields, deal_id, {"name": ""})
    assert deal_of(db, deal_id).name == "acme.ru - Acme" and not deal_of(db, deal_id).name_is_manual


def deal_of(db, deal_id) -> Deal:
    with db.session() as s:
        return s.get(Deal, deal_id)


def test_deal_fields_and_custom_values_are_saved_together_or_not_at_all(db):
    db.run(add_custom_field, "deal", label_en="Budget", label_ru="Бюджет", type="money")
    deal_id = db.run(create_deal, name="D", user_id=1).created[0]
    with pytest.raises(FieldsInvalid):
        db.run(save_deal_fields, deal_id, {"amount": "500", "custom:budget": "lots"})
    assert deal_of(db, deal_id).amount_minor is None
    db.run(save_deal_fields, deal_id, {"amount": "500", "custom:budget": "1 000,5", "expected_close": "31.12.2026"})
    data = db.run(deal_card, deal_id)
    assert data.values["amount"] == Decimal("500.00")
    assert data.values["custom:budget"] == Decimal("1000.50")
    assert data.values["expected_close"].isoformat() == "2026-12-31"


def test_people_on_a_deal_are_set_from_the_card(db):
    cid = new_company(db)
    ivan = db.run(create_contact, {"full_name": "Ivan", "company": cid}).created[0]
    anna = db.run(create_contact, {"full_name": "Anna", "company": cid}).created[0]
    deal_id = db.run(create_deal, name="D", user_id=1, company_id=cid).created[0]
    db.run(save_deal_fields, deal_id, {"contacts": [ivan, anna]})
    assert db.run(deal_card, deal_id).values["contacts"] == sorted([ivan, anna])
    db.run(save_deal_fields, deal_id, {"contacts": [anna]})
    data = db.run(deal_card, deal_id)
    assert data.values["contacts"] == [anna] and {p.id for p in data.people} == {ivan, anna}


def test_company_duplicates_by_website_or_inn(db):
    a = new_company(db, website="acme.ru")
    b = new_company(db, name="Acme LLC", inn="7707083893")
    found = db.run(find_company_duplicates, website="acme.ru", inn="7707083893")
    assert {(d.id, d.matched_on) for d in found} == {(a, "website"), (b, "inn")}
    assert db.run(find_company_duplicates, website="acme.ru", exclude_id=a) == []


def test_contact_duplicates_by_any_email_or_phone(db):
    c = db.run(create_contact, {"full_name": "Ivan", "email_personal": "IVAN@mail.ru",
                                "phone_work": "8 916 123 45 67"}).created[0]
    by_mail = db.run(find_contact_duplicates, emails=["ivan@mail.ru"])
    by_phone = db.run(find_contact_duplicates, phones=["+79161234567"])
    assert [(d.id, d.matched_on) for d in by_mail] == [(c, "email")]
    assert [(d.id, d.matched_on) for d in by_phone] == [(c, "phone")]


def test_contact_with_bad_phone_and_email_is_refused(db):
    cid = db.run(create_contact, {"full_name": "Ivan"}).created[0]
    with pytest.raises(FieldsInvalid) as info:
        db.run(update_contact, cid, {"email_work": "ivan@", "phone_work": "123"})
    assert set(info.value.by_field()) == {"email_work", "phone_work"}


def test_custom_field_is_added_renamed_retired_with_data_kept(db):
    fid = db.run(add_custom_field, "company", label_ru="Тариф", label_en="Plan tier", type="select",
                 options=["Basic", "Pro"], block="size").created[0]
    cid = new_company(db, **{"custom:plan_tier": "pro"})
    assert db.run(company_card, cid).values["custom:plan_tier"] == "Pro"
    assert "custom:plan_tier" in db.run(card_layout, "company").block("size").fields
    db.run(rename_custom_field, fid, label_en="Tier", label_ru="Уровень")
    assert db.run(company_card, cid).fields["custom:plan_tier"].label("ru") == "Уровень"
    db.run(retire_custom_field, fid)
    assert "custom:plan_tier" not in db.run(company_card, cid).fields
    with db.session() as s:
        assert s.scalar(select(CustomFieldValue.value).where(CustomFieldValue.field_id == fid)) == "Pro"
    db.run(restore_custom_field, fid)
    assert db.run(company_card, cid).values["custom:plan_tier"] == "Pro"


def test_custom_field_keys_are_unique_and_latin(db):
    a = db.run(add_custom_field, "deal", label_ru="Бюджет", type="money").created[0]
    b = db.run(add_custom_field, "deal", label_ru="Бюджет", type="money").created[0]
    keys = set(db.run(deal_card, db.run(create_deal, name="D", user_id=1).created[0]).fields)
    assert {"custom:byudzhet", "custom:byudzhet_2"} <= keys and a != b


def test_required_from_a_stage_is_enforced_at_that_stage_and_later(db):
    db.run(add_custom_field, "deal", label_en="Decision maker", type="text")
    db.run(set_required_from, "sales", "custom:decision_maker", "demo_appointed")
    with db.session() as s:
        required = {st.key: st.required_fields for st in s.scalars(select(Stage).where(Stage.pipeline_id == 1))}
    assert "custom:decision_maker" in required["demo_appointed"] and "custom:decision_maker" in required["signed"]
    assert "custom:decision_maker" not in required["qualified"]
    deal_id = db.run(create_deal, name="D", user_id=1, stage_key="qualified", amount=100).created[0]
    from voronka.models.errors import StageRequirementsMissing

    with pytest.raises(StageRequirementsMissing):
        db.run(move_deal, deal_id, "demo_appointed", user_id=1)
    db.run(set_required_from, "sales", "custom:decision_maker", None)
    db.run(move_deal, deal_id, "demo_appointed", user_id=1)


def test_retired_required_field_stops_blocking_moves(db):
    fid = db.run(add_custom_field, "deal", label_en="Budget", type="money").created[0]
    db.run(set_required_from, "sales", "custom:budget", "work_started")
    db.run(retire_custom_field, fid)
    deal_id = db.run(create_deal, name="D", user_id=1).created[0]
    db.run(move_deal, deal_id, "work_started", user_id=1)


def test_deal_before_qualified_shows_the_lead_card(db):
    deal_id = db.run(create_deal, name="D", user_id=1, stage_key="replied_negative").created[0]
    assert db.run(deal_card, deal_id).kind == "lead"
    db.run(move_deal, deal_id, "qualified", user_id=1, values={"amount": 10})
    data = db.run(deal_card, deal_id)
    assert data.kind == "deal" and data.required_from["amount"].key == "qualified"


def test_timeline_merges_events_activities_and_tasks_newest_first(db):
    t = datetime(2026, 3, 1, 10)
    deal_id = db.run(create_deal, name="D", user_id=1, at=t).created[0]
    db.run(log_activity, type="call", user_id=1, deal_id=deal_id, outcome="reached", at=t.replace(hour=11))
    db.run(move_deal, deal_id, "work_started", user_id=2, at=t.replace(hour=12))
    db.run(add_task, title="Send offer", assignee_id=2, deal_id=deal_id)
    kinds = [e.kind for e in db.run(deal_timeline, deal_id)]
    assert kinds[0] == "task" and kinds[1:] == ["stage", "call", "owner", "stage"]


def test_field_usage_counts_filled_records(db):
    new_company(db, website="acme.ru")
    new_company(db, name="Globex")
    usage = {u.key: u for u in db.run(field_usage, "company")}
    assert (usage["name"].filled, usage["website"].filled, usage["inn"].filled) == (2, 1, 0)
    assert usage["website"].share == 0.5


def test_new_company_card_has_the_default_blocks(db):
    data = db.run(company_card, None)
    assert [b.key for b in data.layout.blocks][:3] == ["main", "size", "source"]
    assert db.run(contact_card, None).layout.blocks[0].fields[:3] == ["full_name", "position", "contact_type"]
