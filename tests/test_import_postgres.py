"""The file import on a shared PostgreSQL server: the Salesforce sample imports, repeats as nothing,
its ids leave the sequences usable for the next record, and the revert restores the database."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from import_helpers import DATA_TABLES, EXPECTED, sample_paths, sample_preset
from pg_server import PostgresServer


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


def _counts(db):
    from sqlalchemy import table

    with db.session() as s:
        return {t: s.scalar(select(func.count()).select_from(table(t))) for t in DATA_TABLES}


def test_import_repeat_and_revert_on_the_server(server):
    from voronka.models.db import open_database
    from voronka.models.importing import import_files, open_files, revert_import
    from voronka.models.orm import Company, Deal
    from voronka.models.services.deals import create_deal

    db = open_database(server.new_database(), language="en")
    try:
        key = "salesforce_like/Opportunity.csv"
        before = _counts(db)
        tables = open_files(sample_paths(key))
        result = db.run(import_files, tables, sample_preset(key))
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Deal)) == EXPECTED[key]["total"]
        assert db.run(import_files, tables, sample_preset(key)).batch_id == 0
        # the sequences moved past the imported ids: a deal made by hand gets a new id
        made = db.run(create_deal, name="By hand", user_id=None)
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Company)) == result.counts["companies"]
        from voronka.models.services.creation_undo import discard_created_deal

        db.run(discard_created_deal, next(iter(made.deals)), made.event_ids, user_id=None)
        db.run(revert_import, result.batch_id)
        assert _counts(db) == before
    finally:
        db.close()
