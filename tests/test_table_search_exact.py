"""The record tables' fast SQL (folded twins, kept sort keys, the first page read on its own)
finds and orders exactly what a straightforward reference does, on SQLite and PostgreSQL,
and stays right when a second connection renames or moves records."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from pg_server import PostgresServer
from voronka.models.db import open_database
from voronka.models.orm import Contact, Deal, LostReason, User
from voronka.models.queries import table_search
from voronka.models.queries.table_search import TableFilter, TableSort, first_record_ids, fold, record_ids
from voronka.models.queries.tables import company_rows, contact_rows, deal_rows
from voronka.models.services.companies import create_company, update_company
from voronka.models.services.contacts import create_contact, update_contact
from voronka.models.services.deals import create_deal, lose_deal, update_deal

COMPANIES = [("ООО «Алмаз»", "almaz.ru", "7707083893"), ("АЛЬФА-Групп", "ALFA.com", None), ("Ёлка", None, None),
             ("ёжик и Ко", "ezhik.RU", "500100732259"), ("Café Élan", "élan.fr", None), ("[x]*?%_", None, None)]
DEALS = ["Поставка алмазов", "ПОСТАВКА", "Ёмкость", "елка", "Alpha deal", "ALPHA DEAL 2", "café crème",
         "CAFÉ NOIR", "50% скидка", "under_score", "[скобки]", "звёзды*", "Сделка", None]
PEOPLE = [("Алла Пугачёва", "alla@almaz.ru", "+7 916 123-45-67"), ("АЛЕКСЕЙ", None, "8 (495) 765-43-21"),
          ("ёжиков Пётр", "Petr@Ezhik.ru", None), ("Élodie", "elodie@elan.fr", None), ("Борис", None, None)]
SEARCHES = ["ал", "АЛ", "Ал", "а", "ё", "Ё", "е", "alpha", "ALP", "é", "É", "caf", "%", "_", "[", "*", "?", "7",
            "916", "@", "ru", "ромашка", "ёж", "ЁЖИК", " ка", "almaz.ru", "ка д"]


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "tables.db")
    return request.getfixturevalue("server").new_database()


@pytest.fixture
def filled(location):
    """Companies, deals (open, won, lost; some without a company or an amount) and people."""
    db = open_database(location, language="en")
    with db.transaction() as s:
        s.add_all([User(name="Sasha SDR", role="sdr"), User(name="Alex AE", role="ae")])
        s.add(LostReason(text="Причина для теста", position=99))
    companies = [db.run(create_company, {"name": n, "website": w, "inn": i}).created[0] for n, w, i in COMPANIES]
    for n, name in enumerate(DEALS):
        company = companies[n % len(companies)] if n % 4 != 3 else None
        amount = None if n % 5 == 0 else str(1000 * (n % 3 + 1))
        deal = db.run(create_deal, name=name, user_id=1 + n % 2, company_id=company, amount=amount).created[0]
        if n % 3 == 1:
            with db.transaction() as s:
                s.execute(update(Deal).where(Deal.id == deal).values(status="won"))
        elif n % 7 == 2:
            with db.session() as s:
                reason = s.scalar(select(LostReason.id).where(LostReason.text == "Причина для теста"))
            db.run(lose_deal, deal, reason_id=reason, user_id=1)
    for n, (name, email, phone) in enumerate(PEOPLE * 2):
        values = {"full_name": name if n < len(PEOPLE) else name.upper(), "email_work": email, "phone_work": phone}
        if n % 3:
            values["company"] = companies[n % len(companies)]
        db.run(create_contact, values)
    yield location, db, location.startswith("postgres")
    db.close()


def glob_contains(text: str | None, needle: str) -> bool:
    """The reference: ``needle`` anywhere in ``text``, each letter in either of its two cases."""
    if text is None:
        return False

    def same(c: str, n: str) -> bool:
        low, up = n.lower(), n.upper()
        return c in (low, up) if low != up and len(low) == 1 and len(up) == 1 else c == n
    return any(all(same(text[i + j], n) for j, n in enumerate(needle)) for i in range(len(text) - len(needle) + 1))


def python_order(rows, key, descending=False):
    """A stable Python sort: empty values smallest, ties by id."""
    present = sorted((r for r in rows if key(r) is not None), key=lambda r: (key(r), r.id))
    empty = sorted((r for r in rows if key(r) is None), key=lambda r: r.id)
    if descending:
        present = sorted(sorted(present, key=lambda r: r.id), key=key, reverse=True)
        return [r.id for r in present + empty]
    return [r.id for r in empty + present]


def reference(s, kind: str, needle: str, sort: TableSort, owner_id: int | None = None) -> list[int]:
    """The ids a table should show, found and ordered in Python from plain rows."""
    needle = needle.strip()  # as the table takes it
    companies = {r.id: r for r in company_rows(s)}
    matching_companies = {i for i, r in companies.items() if glob_contains(r.name, needle)}
    if kind == "deal":
        rows = deal_rows(s)
        raw = dict(s.execute(select(Deal.id, Deal.company_id)).all())
        owners = dict(s.execute(select(Deal.id, Deal.owner_id)).all())
        kept = [r for r in rows if (glob_contains(r.name, needle) or raw[r.id] in matching_companies)
                and (owner_id is None or owners[r.id] == owner_id)]
    elif kind == "company":
        rows = list(companies.values())
        kept = [r for r in rows if any(glob_contains(v, needle) for v in (r.name, r.website, r.inn))]
    else:
        rows = contact_rows(s)
        raw = {i: (e, p, c) for i, e, p, c in s.execute(
            select(Contact.id, Contact.email_work, Contact.phone_work, Contact.company_id))}
        kept = [r for r in rows if glob_contains(r.full_name, needle) or glob_contains(raw[r.id][0], needle)
                or glob_contains(raw[r.id][1], needle) or raw[r.id][2] in matching_companies]
    if not needle:
        kept = rows if owner_id is None else kept
    keys = {"deals": "deals", "open_deals": "open_deals"}
    return python_order(kept, lambda r: getattr(r, keys.get(sort.column, sort.column)), sort.descending)


SORTS = {"deal": [TableSort("amount", True), TableSort("name"), TableSort("company", True), TableSort("status")],
         "company": [TableSort("open_deals", True), TableSort("deals"), TableSort("name", True), TableSort("inn")],
         "contact": [TableSort("company", True), TableSort("company"), TableSort("full_name", True)]}


@pytest.mark.parametrize("kind", ["deal", "company", "contact"])
def test_search_and_sort_find_exactly_what_the_reference_finds(filled, kind, monkeypatch):
    _location, db, _pg = filled
    monkeypatch.setattr(table_search, "PROBE_ROWS", 6)
    monkeypatch.setattr(table_search, "PROBE_FIRST", 2)  # probes that succeed and probes that fall back
    with db.session() as s:
        for sort in SORTS[kind]:
            for needle in SEARCHES + [""]:
                expected = reference(s, kind, needle, sort)
                got = record_ids(s, kind, TableFilter(search=needle), sort)
                assert got == expected, (kind, needle, sort)
                for limit in (1, 3, 5):
                    assert first_record_ids(s, kind, TableFilter(search=needle), sort, limit) == expected[:limit], \
                        (kind, needle, sort, limit)
        assert any(reference(s, kind, n, SORTS[kind][0]) for n in SEARCHES)  # the data does match something


def test_an_owner_with_a_search_keeps_what_the_reference_keeps(filled, monkeypatch):
    _location, db, _pg = filled
    monkeypatch.setattr(table_search, "PROBE_ROWS", 6)
    monkeypatch.setattr(table_search, "PROBE_FIRST", 2)
    with db.session() as s:
        for needle in ("а", "ALP", ""):
            for sort in SORTS["deal"]:
                expected = reference(s, "deal", needle, sort, owner_id=2)
                assert record_ids(s, "deal", TableFilter(search=needle, owner_id=2), sort) == expected
                for limit in (1, 2, 4):
                    assert first_record_ids(s, "deal", TableFilter(search=needle, owner_id=2), sort, limit) == \
                        expected[:limit]


def test_the_fold_lowers_only_ascii_and_basic_cyrillic():
    assert fold("ПЁТР Ivanov ÉLAN ß İ") == "пётр ivanov Élan ß İ"


def test_a_second_connection_renames_and_moves_and_the_tables_follow(filled):
    location, db, _pg = filled
    other = open_database(location, language="en")
    try:
        with other.session() as s:
            company = s.scalar(select(table_search.Company.id).where(table_search.Company.name == "Ёлка"))
            person = s.scalar(select(Contact.id).where(Contact.full_name == "Борис"))
            deal = s.scalar(select(Deal.id).where(Deal.name == "Сделка"))
        other.run(update_company, company, {"name": "ЗЕЛЁНАЯ Роща"})
        other.run(update_contact, person, {"full_name": "Борис ЗЕЛЁНЫЙ", "company": company})
        other.run(update_deal, deal, {"name": "Сделка ЗЕЛЁНАЯ", "company_id": None})
        with db.session() as s:
            for kind in ("deal", "company", "contact"):
                for sort in SORTS[kind]:
                    assert record_ids(s, kind, TableFilter(search="зелён"), sort) == \
                        reference(s, kind, "зелён", sort)
                    assert record_ids(s, kind, TableFilter(search="ёлка"), sort) == reference(s, kind, "ёлка", sort)
            assert record_ids(s, "company", TableFilter(search="зелён"), None) == [company]
            assert person in record_ids(s, "contact", TableFilter(search="роща"), None)
            assert deal in record_ids(s, "deal", TableFilter(search="ЗЕЛЁНАЯ"), None)
        # counts and company names kept on the records follow closes, moves and deletions
        with other.session() as s:
            open_deal = s.scalar(select(Deal.id).where(Deal.status == "open", Deal.company_id.is_not(None)))
        with other.transaction() as s:
            s.execute(update(Deal).where(Deal.id == open_deal).values(status="won"))
        other.run(update_deal, deal, {"company_id": company})
        with db.session() as s:
            for kind in ("company", "contact"):
                for sort in SORTS[kind]:
                    assert record_ids(s, kind, TableFilter(), sort) == reference(s, kind, "", sort)
    finally:
        other.close()


def test_a_read_no_longer_wanted_stops_inside_sqlite(tmp_path):
    import threading
    import time

    from sqlalchemy import text

    from voronka.models.queries.abandon import Abandoned, abandoned_when

    db = open_database(tmp_path / "stop.db", language="en")
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    try:
        with db.session() as s, pytest.raises(Abandoned):
            with abandoned_when(s, stop.is_set):  # minutes of counting, unless stopped
                s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
                               "SELECT count(*) FROM n")).scalar()
        assert time.monotonic() - started < 5
        with db.session() as s:  # the connection goes on answering, with no handler left behind
            assert s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                                  "SELECT count(*) FROM n")).scalar() == 100000
    finally:
        db.close()


def test_a_read_stopped_while_its_rows_are_fetched_raw_is_abandoned_too(tmp_path):
    """The table's id lists are fetched from the driver's cursor (``_first_column``), whose
    interruption is the driver's own error, not SQLAlchemy's: it is still an ``Abandoned``
    read, which the executor drops without logging a failure."""
    import threading

    from sqlalchemy import select as sql_select
    from sqlalchemy import literal_column, text

    from voronka.models.db import open_database
    from voronka.models.queries.abandon import Abandoned, abandoned_when
    from voronka.models.queries.table_search import _first_column

    db = open_database(tmp_path / "stop-raw.db", language="en")
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    rows = sql_select(literal_column("i")).select_from(
        text("(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
             "SELECT i FROM n WHERE i = 1 OR i % 1000000000 = 0)"))  # a first row at once
    try:
        with db.session() as s, pytest.raises(Abandoned):
            with abandoned_when(s, stop.is_set):
                _first_column(s, rows)
    finally:
        db.close()
