"""vCard contacts: read, matched against the database (the amoCRM sample's contacts), imported as a
revertible batch, exported again."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.import_helpers import EXPECTED, SAMPLES, row_counts, sample_paths, sample_preset

VCF = SAMPLES / "contacts" / "contacts.vcf"


def test_cards_are_read():
    from voronka.models.importing.vcard import read_vcards

    cards, problems = read_vcards(VCF)
    e = EXPECTED["contacts/contacts.vcf"]
    assert len(cards) == e["contacts"]
    assert sum(1 for c in cards if c.emails) == e["with_email"]
    assert sum(1 for c in cards if c.phones) == e["with_phone"]
    assert not problems
    folded = next(c for c in cards if c.name == "Глеб Виноградов")
    assert folded.company == "ООО «Атлант Проект»" and folded.cell_phone == "+79032316468"


@pytest.fixture
def amo_db(db):
    from voronka.models.importing import import_files, open_files

    db.run(import_files, open_files(sample_paths("amocrm_like/deals.xlsx")), sample_preset("amocrm_like/deals.xlsx"))
    return db


def test_cards_found_in_the_amocrm_contacts(amo_db):
    from voronka.models.importing.vcard import plan_vcards

    with amo_db.session() as s:
        plan = plan_vcards(s, VCF)
    shared = {m.card.name: m for m in plan.matches if m.existing_id}
    expected = EXPECTED["contacts/contacts.vcf"]["shared_with_amocrm"]
    assert len(shared) == EXPECTED["contacts/contacts.vcf"]["sharing_email_or_phone_with_amocrm"]
    from rapidfuzz import fuzz

    for e in expected:
        m = next(m for name, m in shared.items() if fuzz.token_set_ratio(name, e["vcard_name"]) >= 85)
        assert m.by == e["by"], e["vcard_name"]
        assert m.same_person == e["same_person"], e["vcard_name"]
    assert plan.counts["same_person"] == 5 and plan.counts["shared_phone"] == 1


def test_import_merges_the_same_people_and_reverts(amo_db):
    from voronka.models.importing import revert_import
    from voronka.models.importing.vcard import import_vcards
    from voronka.models.orm import Contact

    before = row_counts(amo_db)
    result = amo_db.run(import_vcards, VCF)
    assert result.counts["contacts"] == 60 - 5  # the five same people stay as they are
    with amo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == before["contacts"] + 55
    again = amo_db.run(import_vcards, VCF)
    assert again.counts["contacts"] == 0 and again.batch_id == 0  # every card is found now
    amo_db.run(revert_import, result.batch_id)
    assert row_counts(amo_db) == before


def test_export_round_trips(amo_db):
    from voronka.models.importing.vcard import export_vcards, read_vcards
    from voronka.models.orm import Contact

    with amo_db.session() as s:
        ids = list(s.scalars(select(Contact.id).order_by(Contact.id).limit(20)))
        text = export_vcards(s, ids)
        originals = {c.id: c for c in s.scalars(select(Contact).where(Contact.id.in_(ids)))}
    cards, problems = read_vcards(text)
    assert not problems and len(cards) == 20
    for cid, card in zip(ids, cards):
        o = originals[cid]
        assert card.name == o.full_name
        assert (o.email_work is None) or o.email_work in card.emails
        assert (o.phone_work is None) or o.phone_work in card.phones


def test_export_escapes_user_text(db):
    from voronka.models.importing.vcard import export_vcards, read_vcards
    from voronka.models.orm import Contact

    with db.transaction() as s:
        c = Contact(full_name="Иван; Петров, =cmd", position="Директор\nпо продажам")
        s.add(c)
        s.flush()
        cid = c.id
    with db.session() as s:
        text = export_vcards(s, [cid])
    cards, _ = read_vcards(text)
    assert cards[0].name == "Иван; Петров, =cmd" and cards[0].position == "Директор\nпо продажам"
