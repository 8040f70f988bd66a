"""The global search's domain query on SQLite and PostgreSQL: phones in any format, INN,
e-mail, website, Cyrillic name prefixes, and an index that follows every write."""
from __future__ import annotations

import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from pg_server import USER, PostgresServer
from voronka.models.db import alembic_config, open_database, upgrade
from voronka.models.orm import Contact, User
from voronka.models.queries.search import phone_digits, query_pieces, search_everything
from voronka.models.services.companies import (create_company, delete_company, run_merge_companies,
                                                undo_merge_companies, update_company)
from voronka.models.services.contacts import create_contact, delete_contact, update_contact
from voronka.models.services.deals import create_deal, update_deal
from voronka.models.services.tasks import add_task, update_task


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


def seeded(location: str):
    database = open_database(location, language="en")
    with database.transaction() as s:
        s.add(User(name="Sasha SDR", role="sdr"))
    return database


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "search.db")
    return request.getfixturevalue("server").new_database()


@pytest.fixture
def anydb(location):
    database = seeded(location)
    yield database
    database.close()


def found(db, typed: str, kind: str | None = None) -> set[str]:
    """Titles found for ``typed`` (of one kind, or of every kind)."""
    with db.session() as s:
        results = search_everything(s, typed, limit_per_kind=20)
    return {h.title for h in results.hits if kind is None or h.kind == kind}


def people(db):
    acme = db.run(create_company, {"name": "ООО «Ёлочка»", "inn": "7707083893",
                                   "website": "https://www.Yolochka.ru/about"}).created[0]
    db.run(create_contact, {"full_name": "Пётр Ёжиков", "email_work": "Petr.Ezhikov@Yolochka.ru",
                            "phone_work": "+7 916 123-45-67", "company": acme})
    db.run(create_contact, {"full_name": "Анна Смирнова", "phone_personal": "8 (495) 765-43-21"})
    deal = db.run(create_deal, name="Ёлочки к Новому году", user_id=1, company_id=acme).created[0]
    db.run(add_task, title="Позвонить Ёжикову", assignee_id=1, deal_id=deal)
    return acme, deal


@pytest.mark.parametrize("typed", ["9161234567", "8 916 123 45 67", "+7(916)1234567", "89161234567",
                                   "+79161234567", "+7 916 123-45-67", "8-916-123", "916 12"])
def test_a_phone_typed_in_any_format_finds_the_contact(anydb, typed):
    people(anydb)
    assert found(anydb, typed, "contact") == {"Пётр Ёжиков"}


def test_a_city_number_and_a_wrong_number(anydb):
    people(anydb)
    assert found(anydb, "495 765 43 21") == {"Анна Смирнова"}
    assert found(anydb, "+7 495 7654321") == {"Анна Смирнова"}
    assert found(anydb, "9161234568") == set()


def test_inn_email_website_and_cyrillic_name_prefixes(anydb):
    people(anydb)
    assert found(anydb, "7707083893") == {"ООО «Ёлочка»"}
    assert found(anydb, "770708") == {"ООО «Ёлочка»"}
    assert found(anydb, "petr.ezhikov@yolochka.ru") == {"Пётр Ёжиков"}
    assert found(anydb, "EZHIKOV") == {"Пётр Ёжиков"}
    assert found(anydb, "petr.ezhikov@yoloch") == {"Пётр Ёжиков"}
    assert found(anydb, "yolochka.ru", "company") == {"ООО «Ёлочка»"}
    assert found(anydb, "https://www.yolochka.ru/contacts", "company") == {"ООО «Ёлочка»"}
    assert found(anydb, "yolochka.ru", "contact") == {"Пётр Ёжиков"}  # the e-mail's domain
    assert found(anydb, "елоч") == {"ООО «Ёлочка»", "Ёлочки к Новому году"}
    assert found(anydb, "ЁЛОЧ", "company") == {"ООО «Ёлочка»"}
    assert found(anydb, "петр еж") == {"Пётр Ёжиков"}
    assert found(anydb, "ЕЖИКОВ ПЁТ") == {"Пётр Ёжиков"}
    assert found(anydb, "позвон", "task") == {"Позвонить Ёжикову"}
    assert found(anydb, "лочка") == set()  # words are found by their beginning
    assert found(anydb, "петр смирнова") == set()  # every piece must match the same record


def test_hits_carry_what_the_list_shows(anydb):
    acme, deal = people(anydb)
    anydb.run(update_deal, deal, {"amount": "150000"})
    with anydb.session() as s:
        results = search_everything(s, "ёлоч ежик позвон пётр 7707083893 ", limit_per_kind=5)
        assert not results.groups  # no record has all of that
        deal_hit = search_everything(s, "ёлочки").groups["deal"][0]
        contact_hit = search_everything(s, "9161234567").groups["contact"][0]
        task_hit = search_everything(s, "позвонить").groups["task"][0]
        company_hit = search_everything(s, "7707083893").groups["company"][0]
    assert (deal_hit.record_id, deal_hit.details[0], deal_hit.amount_minor, deal_hit.status) == \
        (deal, "ООО «Ёлочка»", 15_000_000, "open")
    assert contact_hit.details == ("ООО «Ёлочка»", "+7 916 123-45-67", "petr.ezhikov@yolochka.ru")
    assert (task_hit.deal_id, task_hit.details) == (deal, ("Ёлочки к Новому году",))
    assert company_hit.record_id == acme and company_hit.details == ("7707083893", "yolochka.ru")


def test_titles_beginning_with_the_text_come_first_and_each_kind_is_limited(anydb):
    for name in ("Альфа Плюс Групп", "Бета Альфа", "Альфа"):
        anydb.run(create_company, {"name": name})
    for n in range(8):
        anydb.run(create_company, {"name": f"Альфаметалл {n}"})
    with anydb.session() as s:
        hits = search_everything(s, "альфа", limit_per_kind=5).groups["company"]
    assert len(hits) == 5
    assert hits[0].title == "Альфа"
    assert "Бета Альфа" not in [h.title for h in hits]


def test_edits_merges_undos_and_deletes_keep_the_index_right(anydb):
    acme, deal = people(anydb)
    anydb.run(update_company, acme, {"name": "ООО «Сосенка»"})
    assert found(anydb, "сосенка", "company") == {"ООО «Сосенка»"}
    assert found(anydb, "елочка", "company") == set()
    anydb.run(update_deal, deal, {"name": "Сосны к Новому году"})
    assert found(anydb, "сосны") == {"Сосны к Новому году"}
    assert found(anydb, "ёлочки") == set()
    with anydb.session() as s:
        contact = s.query(Contact).filter_by(full_name="Пётр Ёжиков").one()
        task = search_everything(s, "позвонить").groups["task"][0]
    anydb.run(update_contact, contact.id, {"phone_work": "+7 903 000-11-22", "email_work": "p@sosenka.ru"})
    assert found(anydb, "9161234567") == set()
    assert found(anydb, "8 903 000 11 22") == {"Пётр Ёжиков"}
    assert found(anydb, "p@sosenka.ru") == {"Пётр Ёжиков"}
    anydb.run(update_task, task.record_id, {"title": "Написать Петру"})
    assert found(anydb, "написать", "task") == {"Написать Петру"}
    assert found(anydb, "позвонить") == set()

    other = anydb.run(create_company, {"name": "ООО «Берёзка»", "inn": "500100732259"}).created[0]
    _changes, snap = anydb.run(run_merge_companies, acme, other)
    assert found(anydb, "березка") == set()
    assert found(anydb, "500100732259") == set()  # the kept company keeps its own INN
    anydb.run(undo_merge_companies, snap)
    assert found(anydb, "березка") == {"ООО «Берёзка»"}
    assert found(anydb, "500100732259") == {"ООО «Берёзка»"}

    anydb.run(delete_contact, contact.id)
    assert found(anydb, "ежиков") == set()
    anydb.run(delete_company, other)
    assert found(anydb, "березка") == set()


def test_a_write_through_a_second_connection_is_found(location):
    first, second = seeded(location), open_database(location, language="en")
    try:
        with first.session() as s:  # the first has searched before (a warm connection)
            assert not search_everything(s, "Гамма")
        second.run(create_company, {"name": "Гамма Трейд", "inn": "7707083893"})
        assert found(first, "гамма тр") == {"Гамма Трейд"}
        assert found(first, "7707083893") == {"Гамма Трейд"}
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("typed", ['"', '*', 'a"b', "OR", "NOT ivan", "NEAR(a b)", "name:x", "-x", "(", "'; drop",
                                   "^a", "a AND", "%", "_", "\\", "—", "   ", ""])
def test_text_that_means_something_to_the_index_is_only_text(anydb, typed):
    people(anydb)
    with anydb.session() as s:
        search_everything(s, typed)  # raises nothing
    assert found(anydb, "a\"b") == set()


def test_the_typed_text_is_split_into_pieces_and_phone_digits():
    assert query_pieces("  Ёлка  https://www.acme.ru/x  mailto:i@acme.ru — ") == ["Елка", "acme.ru", "i@acme.ru"]
    assert phone_digits("+7 (916) 123-45-67") == "79161234567"
    assert phone_digits("12") is None and phone_digits("ivan 916") is None


def test_the_migration_fills_the_index_of_an_existing_database(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    before_search = ScriptDirectory.from_config(alembic_config()).get_revision("0009_search_index").down_revision
    upgrade(engine, before_search)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO companies (id, name, inn, website, version) "
                             "VALUES (1, 'Старая Фирма', '7707083893', 'old.ru', 1)")
        conn.exec_driver_sql("INSERT INTO contacts (id, full_name, phone_work, version) "
                             "VALUES (1, 'Olga', '+79161234567', 1)")
    engine.dispose()
    database = open_database(path, language="en")
    try:
        assert found(database, "старая") == {"Старая Фирма"}
        assert found(database, "old.ru") == {"Старая Фирма"}
        assert found(database, "8 916 123 45 67") == {"Olga"}
    finally:
        database.close()


def test_postgres_without_pg_trgm_searches_words(server):
    """A user who may not create extensions gets the full-text index instead of trigrams."""
    url = server.new_database()
    name = make_url(url).database
    with psycopg.connect(host=str(server.base), user=USER, dbname=name, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN CREATE ROLE plain LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.execute("GRANT ALL ON SCHEMA public TO plain")
    database = seeded(url.replace(f"{USER}@", "plain@"))
    try:
        with database.session() as s:
            has_trigram = s.connection().exec_driver_sql(
                "SELECT to_regclass('ix_search_deals_trigram') IS NOT NULL").scalar()
        assert not has_trigram
        people(database)
        assert found(database, "8 916 123 45 67") == {"Пётр Ёжиков"}
        assert found(database, "петр еж") == {"Пётр Ёжиков"}
        assert found(database, "petr.ezhikov@yoloch") == {"Пётр Ёжиков"}
        assert found(database, "7707083893") == {"ООО «Ёлочка»"}
        assert found(database, "лочка") == set()
    finally:
        database.close()
