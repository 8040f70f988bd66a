"""The import writes without SQLite's per-row insert triggers and fills what they would have
written once for the batch (``models/bulk_triggers.py``): the search index, the folded search
twins, the companies' deal counts and the contacts' company names come out exactly as the
triggers write them row by row, the triggers are all back afterwards, and a failed write keeps
them."""
from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import text

from tests.import_helpers import sample_paths, sample_preset

DERIVED = {
    "search_deals": "SELECT rowid, terms FROM search_deals ORDER BY rowid",
    "search_companies": "SELECT rowid, terms FROM search_companies ORDER BY rowid",
    "search_contacts": "SELECT rowid, terms FROM search_contacts ORDER BY rowid",
    "deals": "SELECT id, name_folded FROM deals ORDER BY id",
    "companies": "SELECT id, name_folded, website_folded, inn_folded, deal_count, open_deal_count "
                 "FROM companies ORDER BY id",
    "contacts": "SELECT id, full_name_folded, email_work_folded, phone_work_folded, company_name "
                "FROM contacts ORDER BY id",
    "triggers": "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
}


def _derived(db) -> dict:
    with db.engine.connect() as c:
        return {key: c.exec_driver_sql(sql).all() for key, sql in DERIVED.items()}


def _import(db, key: str):
    from voronka.models.importing import import_files, open_files

    return db.run(import_files, open_files(sample_paths(key)), sample_preset(key))


def _fresh(tmp_path, name: str):
    from voronka.models.db import open_database

    return open_database(tmp_path / f"{name}.db", language="ru")


@pytest.mark.parametrize("key", ["amocrm_like/deals.xlsx", "bitrix24_like/deals.csv"])
def test_an_import_fills_what_the_insert_triggers_would_have_written(tmp_path, monkeypatch, key):
    batch_wise = _fresh(tmp_path, "batch")
    _import(batch_wise, key)
    row_by_row = _fresh(tmp_path, "rows")
    monkeypatch.setattr("voronka.models.importing.writer.insert_triggers_set_aside",
                        lambda conn: contextlib.nullcontext())
    _import(row_by_row, key)
    got, expected = _derived(batch_wise), _derived(row_by_row)
    assert expected["companies"] and expected["search_contacts"] and expected["deals"]
    assert any(name != folded for (_i, folded), (_j, name) in zip(
        expected["deals"], row_by_row.engine.connect().exec_driver_sql("SELECT id, name FROM deals ORDER BY id")))
    assert any(count for *_r, count, _open in expected["companies"])
    for part in DERIVED:
        assert got[part] == expected[part], part


def test_a_failed_bulk_write_keeps_every_trigger(tmp_path):
    from voronka.models.bulk_triggers import insert_triggers_set_aside

    db = _fresh(tmp_path, "failed")
    before = _derived(db)["triggers"]
    assert len(before) >= 20
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            with insert_triggers_set_aside(s.connection()):
                names = s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar()
                assert names < len(before)  # set aside inside the transaction
                raise RuntimeError("the write failed")
    assert _derived(db)["triggers"] == before


def test_after_an_import_another_connections_writes_fire_the_triggers_again(tmp_path):
    """The triggers are back for every writer: a deal and a company created on a second connection
    to the same file, after the import, are in the search index and carry their folded twins."""
    from voronka.models.db import open_database
    from voronka.models.services.companies import create_company
    from voronka.models.services.deals import create_deal

    db = _fresh(tmp_path, "shared")
    _import(db, "amocrm_like/deals.xlsx")
    other = open_database(tmp_path / "shared.db")
    try:
        company = other.run(create_company, {"name": "ООО Ёлка Плюс"}).created[0]
        deal = other.run(create_deal, name="Ёлка — Внедрение", user_id=None, company_id=company).created[0]
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT name_folded, deal_count FROM companies WHERE id = ?",
                                     (company,)).one() == ("ооо ёлка плюс", 1)
            assert c.exec_driver_sql("SELECT rowid FROM search_deals WHERE search_deals MATCH 'елка'").scalars().all() \
                == [deal]
    finally:
        other.close()
