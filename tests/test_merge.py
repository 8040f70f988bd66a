"""Merging duplicates keeps every deal, contact, activity and event; undo splits them again."""
from __future__ import annotations

from sqlalchemy import func, select

from voronka.models.orm import Activity, Company, Contact, CustomFieldValue, Deal, DealEvent, deal_contacts
from voronka.models.services.activities import log_activity
from voronka.models.services.companies import create_company, run_merge_companies, undo_merge_companies
from voronka.models.services.contacts import create_contact, run_merge_contacts, set_deal_contacts, undo_merge_contacts
from voronka.models.services.custom_fields import add_custom_field
from voronka.models.services.deals import create_deal, move_deal


def count(db, model, *where):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def two_companies(db):
    db.run(add_custom_field, "company", label_en="Tier", type="text")
    keep = db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    drop = db.run(create_company, {"name": "ACME LLC", "website": "acme.ru", "inn": "7707083893",
                                   "industry": "Retail", "custom:tier": "Gold"}).created[0]
    ivan = db.run(create_contact, {"full_name": "Ivan", "company": drop}).created[0]
    d1 = db.run(create_deal, user_id=1, company_id=keep).created[0]
    d2 = db.run(create_deal, user_id=1, company_id=drop).created[0]
    db.run(move_deal, d2, "work_started", user_id=1)
    db.run(log_activity, type="call", user_id=1, deal_id=d2, contact_id=ivan)
    return keep, drop, ivan, (d1, d2)


def test_merging_companies_loses_no_deal_contact_or_event(db):
    keep, drop, ivan, deals = two_companies(db)
    before = (count(db, Deal), count(db, Contact), count(db, DealEvent), count(db, Activity))
    changes, _snap = db.run(run_merge_companies, keep, drop)
    assert (count(db, Deal), count(db, Contact), count(db, DealEvent), count(db, Activity)) == before
    assert count(db, Company) == 1
    assert count(db, Deal, Deal.company_id == keep) == 2
    assert count(db, Contact, Contact.company_id == keep) == 1
    with db.session() as s:
        kept = s.get(Company, keep)
        assert (kept.name, kept.inn, kept.industry) == ("Acme", "7707083893", "Retail")
        assert s.scalar(select(CustomFieldValue.value).where(CustomFieldValue.record_id == keep)) == "Gold"
        assert s.get(Deal, deals[1]).name == "acme.ru - Acme"
    assert set(deals) <= changes.deals


def test_undoing_a_company_merge_brings_the_other_company_back(db):
    keep, drop, ivan, deals = two_companies(db)
    _changes, snap = db.run(run_merge_companies, keep, drop)
    db.run(undo_merge_companies, snap)
    with db.session() as s:
        back = s.get(Company, drop)
        assert back is not None and back.inn == "7707083893"
        assert s.get(Company, keep).inn is None
        assert s.get(Deal, deals[1]).company_id == drop and s.get(Deal, deals[1]).name == "acme.ru - ACME LLC"
        assert s.get(Contact, ivan).company_id == drop
        assert s.scalar(select(CustomFieldValue.record_id).where(CustomFieldValue.value == "Gold")) == drop


def test_merging_contacts_moves_deal_links_and_activities(db):
    a = db.run(create_contact, {"full_name": "Ivan Petrov", "email_work": "ivan@acme.ru"}).created[0]
    b = db.run(create_contact, {"full_name": "I. Petrov", "phone_work": "+79161234567"}).created[0]
    d1 = db.run(create_deal, name="One", user_id=1).created[0]
    d2 = db.run(create_deal, name="Two", user_id=1).created[0]
    db.run(set_deal_contacts, d1, [a, b])
    db.run(set_deal_contacts, d2, [b])
    db.run(log_activity, type="call", user_id=1, deal_id=d2, contact_id=b)
    activities = count(db, Activity)
    _changes, snap = db.run(run_merge_contacts, a, b)
    assert count(db, Contact) == 1 and count(db, Activity) == activities
    assert count(db, Activity, Activity.contact_id == a) == 1
    with db.session() as s:
        links = set(s.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id)))
        assert links == {(d1, a), (d2, a)}
        assert s.get(Contact, a).phone_work == "+79161234567"
    db.run(undo_merge_contacts, snap)
    with db.session() as s:
        links = set(s.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id)))
        assert links == {(d1, a), (d1, b), (d2, b)}
        assert s.get(Contact, a).phone_work is None
    assert count(db, Activity, Activity.contact_id == b) == 1
