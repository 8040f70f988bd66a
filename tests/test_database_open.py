"""Opening databases: new, older (migrated after a backup), and every kind that cannot be opened."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, func, select, text

from voronka.models import db as dbmod
from voronka.models import errors
from voronka.models.db import open_database, upgrade
from voronka.models.orm import DealEvent, Deal


def test_new_database_runs_in_wal_mode_with_foreign_keys(tmp_path):
    database = open_database(tmp_path / "new.db")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.close()


def _old_database(path):
    """A database at the first schema revision with real rows in it, written in that revision's
    own columns (the app's ORM follows the newest schema, which later revisions extend)."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO pipelines (id, key, kind, name_ru, name_en, position) "
                "VALUES (1, 'sales', 'sales', 'Продажи', 'Sales', 0), (2, 'success', 'success', 'КУ', 'CS', 1)")
    con.executemany("INSERT INTO stages (id, pipeline_id, key, name_ru, name_en, position, won, required_fields) "
                    "VALUES (?, 1, ?, ?, ?, ?, 0, '[]')",
                    [(1, "unsorted", "Неразобранное", "Unsorted", 1), (2, "work_started", "Взяты в работу",
                                                                         "Work started", 2)])
    con.execute("INSERT INTO users (id, name, role, active) VALUES (1, 'Old timer', 'sdr', 1)")
    con.execute("INSERT INTO deals (id, pipeline_id, stage_id, name, name_is_manual, currency, created_at, status, "
                "owner_id) VALUES (1, 1, 2, 'old deal', 1, 'RUB', '2026-01-05 10:00:00.000000', 'open', 1)")
    con.executemany("INSERT INTO deal_events (id, deal_id, kind, at, user_id, stage_id, owner_id) "
                    "VALUES (?, 1, ?, ?, 1, ?, ?)",
                    [(1, "stage", "2026-01-05 10:00:00.000000", 1, None),
                     (2, "owner", "2026-01-05 10:00:00.000000", None, 1),
                     (3, "stage", "2026-01-06 10:00:00.000000", 2, None)])
    con.commit()
    con.close()


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
        billing = dict(s.execute(text("SELECT key, billing_months FROM pipelines")).all())
        assert billing == {"sales": None, "success": 12}  # 0004: Client Success cycles are 12 months
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
