"""Opening databases: new, older (migrated after a backup), and every kind that cannot be opened."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, func, select, text

from models import db as dbmod
from models import errors
from models.db import open_database, upgrade
from models.orm import DealEvent, Deal
from models.services.deals import create_deal, move_deal


def test_new_database_runs_in_wal_mode_with_foreign_keys(tmp_path):
    database = open_database(tmp_path / "new.db")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.close()


def _old_database(path):
    """A database at the first schema revision with real rows in it."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()
    # at 0001 the app's services still work on the tables that existed then
    from models.db import Database, make_engine
    from models.funnel_setup import install_defaults
    from models.orm import User

    database = Database(make_engine(f"sqlite:///{path}"), str(path))
    database.run(install_defaults, language="en")
    with database.transaction() as s:
        s.add(User(name="Old timer", role="sdr"))
    d = database.run(create_deal, name="old deal", user_id=1).created[0]
    database.run(move_deal, d, "work_started", user_id=1)
    database.close()


def test_an_older_database_is_backed_up_then_migrated_keeping_all_rows(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)
    database = open_database(path)
    assert database.backup_path is not None and database.backup_path.exists()
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Deal)) == 1
        assert s.scalar(select(func.count()).select_from(DealEvent)) == 3
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == dbmod.head_revision()
        s.execute(text("SELECT count(*) FROM report_snapshots")).scalar()  # the new table exists
    database.close()
    backup = sqlite3.connect(database.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert backup.execute("SELECT count(*) FROM deals").fetchone()[0] == 1
    backup.close()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, bread\n")
    with pytest.raises(errors.NotADatabase):
        open_database(path)
    assert path.read_text() == "shopping list: milk, bread\n"


def test_an_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(errors.NotADatabase):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_voronka_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(errors.SchemaTooNew):
        open_database(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.backup-*"))


def test_a_locked_database_says_so(tmp_path):
    path = tmp_path / "busy.db"
    open_database(path).close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(errors.DatabaseLocked):
            open_database(path)
    finally:
        holder.rollback()
        holder.close()


def test_an_unwritable_folder_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(dbmod.os, "access", lambda path, mode: False)
    with pytest.raises(errors.FolderNotWritable):
        open_database(tmp_path / "sub" / "x.db")
    assert not (tmp_path / "sub").exists()
