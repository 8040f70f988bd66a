"""Team mode from the first click: after writes with explicit ids (demo, history import,
merge undo) the PostgreSQL id sequences are ahead, so the next create or move works; a
database migrated on the server is dumped with pg_dump first, or the user is told how;
a row another client keeps locked ends in one sentence, not a hang."""
from __future__ import annotations

import threading

import psycopg
import pytest
from sqlalchemy import create_engine, select

from voronka.desktop.cli import main as cli
from voronka.models import errors, notices
from voronka.models import server_backup
from voronka.models.db import open_database, upgrade
from voronka.models.orm import Company, Deal, DealEvent, Stage
from pg_server import PostgresServer
from test_import import good_folder


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


def _psycopg(url: str) -> psycopg.Connection:
    from voronka.models.server_backup import libpq_url

    return psycopg.connect(libpq_url(url), autocommit=True)


def test_a_move_and_a_create_right_after_voronka_demo(server):
    from voronka.models.services.deals import create_deal, move_deal

    url = server.new_database()
    assert cli(["demo", "--db", url, "--deals", "40", "--seed", "3"]) == 0
    db = open_database(url)
    with db.session() as s:
        deal = s.scalars(select(Deal).where(Deal.status == "open").order_by(Deal.id)).first()
        stage_key = s.scalar(select(Stage.key).where(Stage.id == deal.stage_id))
        last_event = s.scalar(select(DealEvent.id).order_by(DealEvent.id.desc()).limit(1))
        last_deal = s.scalar(select(Deal.id).order_by(Deal.id.desc()).limit(1))
    target = "qualified" if stage_key != "qualified" else "work_started"
    moved = db.run(move_deal, deal.id, target, user_id=deal.owner_id, values={"amount": "100000"})
    assert min(moved.event_ids) > last_event
    created = db.run(create_deal, name="First new deal", user_id=deal.owner_id).created[0]
    assert created > last_deal
    db.close()


def test_a_create_right_after_voronka_import(server, tmp_path):
    from voronka.models.services.companies import create_company
    from voronka.models.services.deals import create_deal

    url = server.new_database()
    folder = good_folder(tmp_path)
    (folder / "users.csv").write_text("name,role\nIvan Closer,ae\nSasha SDR,sdr\nAlex AE,ae\n", encoding="utf-8")
    assert cli(["import", "--db", url, "--dir", str(folder)]) == 0
    db = open_database(url)
    with db.session() as s:
        last_deal = s.scalar(select(Deal.id).order_by(Deal.id.desc()).limit(1))
        last_company = s.scalar(select(Company.id).order_by(Company.id.desc()).limit(1))
    deal_id = db.run(create_deal, name="After the import", user_id=1).created[0]
    company_id = next(iter(db.run(create_company, {"name": "New client LLC"}).companies))
    assert deal_id > last_deal and company_id > last_company
    db.close()


def test_opening_a_database_whose_sequences_lag_behind_advances_them(server):
    from voronka.models.services.deals import create_deal

    url = server.new_database()
    open_database(url).close()
    with _psycopg(url) as conn:  # as an older Voronka's demo left it: explicit ids, sequence at 1
        conn.execute("INSERT INTO users (id, name, role, active) VALUES (50, 'Imported', 'sdr', true)")
        conn.execute("INSERT INTO deals (id, pipeline_id, stage_id, name, name_is_manual, currency, owner_id, "
                     "status, created_at, stage_entered_at) SELECT 700, p.id, s.id, 'old', false, 'RUB', 50, "
                     "'open', now(), now() FROM pipelines p JOIN stages s ON s.pipeline_id = p.id "
                     "WHERE p.key = 'sales' ORDER BY s.position LIMIT 1")
    db = open_database(url)
    assert db.run(create_deal, name="new", user_id=50).created[0] == 701
    db.close()


def test_the_sequence_never_moves_back_below_ids_handed_out(server):
    from voronka.models.sequences import advance_sequences

    url = server.new_database()
    db = open_database(url)
    with _psycopg(url) as conn:
        conn.execute("SELECT setval(pg_get_serial_sequence('companies', 'id'), 500)")
    with db.transaction() as s:
        assert advance_sequences(s, [Company]) == []
    with _psycopg(url) as conn:
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('companies', 'id'))").fetchone()[0] == 501
    db.close()


def _old_server_database(server) -> str:
    url = server.new_database()
    engine = create_engine(url)
    upgrade(engine, "0001")
    engine.dispose()
    return url


def test_a_server_database_is_dumped_with_pg_dump_before_its_migration(server, tmp_path):
    url = _old_server_database(server)
    heard = []
    db = open_database(url, notify=heard.append, server_backup_dir=tmp_path)
    db.close()
    dumps = list(tmp_path.glob("*.dump"))
    assert len(dumps) == 1 and dumps[0].name.endswith("-before-0001.dump") and dumps[0].stat().st_size > 1000
    assert dumps[0].read_bytes()[:5] == b"PGDMP"
    assert db.backup_path == dumps[0]
    assert [type(n) for n in heard] == [notices.ServerBackedUp]
    assert not list(tmp_path.glob(".*.part"))


def test_without_pg_dump_the_user_is_told_no_backup_is_made_and_how_to_make_one(server, tmp_path, monkeypatch):
    url = _old_server_database(server)
    monkeypatch.setattr(server_backup.shutil, "which", lambda name: None)
    heard = []
    open_database(url, notify=heard.append, server_backup_dir=tmp_path).close()
    assert [type(n) for n in heard] == [notices.ServerNotBackedUp]
    assert "No automatic backup" in heard[0].message and "pg_dump --format=custom" in heard[0].message
    assert not list(tmp_path.iterdir())


def test_a_row_kept_locked_by_another_client_ends_in_one_sentence(server):
    from voronka.models.services.deals import create_deal
    from voronka.models.services.deal_fields import save_deal_fields

    url = server.new_database()
    db = open_database(url)
    with db.transaction() as s:
        from voronka.models.orm import User

        s.add(User(name="Sasha", role="sdr"))
    deal_id = db.run(create_deal, name="contested", user_id=1).created[0]
    db.busy_delays = (0.05,)
    other = psycopg.connect(server_backup.libpq_url(url))
    other.execute("SELECT id FROM deals WHERE id = %s FOR UPDATE", (deal_id,))
    try:
        with pytest.raises(errors.DatabaseBusy):
            db.run(save_deal_fields, deal_id, {"name": "mine"})
    finally:
        other.rollback()
        other.close()
    db.run(save_deal_fields, deal_id, {"name": "mine"})
    with db.session() as s:
        assert s.get(Deal, deal_id).name == "mine"
    db.close()


def test_the_command_line_says_before_a_server_migration_how_the_database_was_backed_up(server, capsys,
                                                                                         monkeypatch):
    from sqlalchemy import text

    url = _old_server_database(server)
    old = create_engine(url)
    with old.begin() as conn:  # the funnel as the older version left it, in that revision's own columns
        conn.execute(text("INSERT INTO pipelines (id, key, kind, name_ru, name_en, position) "
                          "VALUES (1, 'sales', 'sales', 'Продажи', 'Sales', 0)"))
        conn.execute(text("INSERT INTO stages (id, pipeline_id, key, name_ru, name_en, position, won, "
                          "required_fields) VALUES (1, 1, 'unsorted', 'Неразобранное', 'Unsorted', 1, false, '[]'), "
                          "(2, 1, 'signed', 'Договор подписан', 'Signed', 2, true, '[]')"))
    old.dispose()
    monkeypatch.setattr(server_backup.shutil, "which", lambda name: None)
    code = cli(["report", "--db", url, "--period", "2026-10", "--format", "json", "--out", "-"])
    out, err = capsys.readouterr()
    assert code == 0 and '"metrics"' in out
    assert err.count("\n") == 1 and "No automatic backup" in err and "pg_dump --format=custom" in err
