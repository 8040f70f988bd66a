"""Damaged, read-only, networked and older database files; backups that are complete or
absent; a restore that never replays an old write-ahead log; a write that meets a busy file."""
from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import create_engine, func, select

from voronka.models import db as dbmod
from voronka.models import errors, notices, sqlite_files
from voronka.models.db import open_database, upgrade
from voronka.models.orm import Deal
from voronka.models.services.deals import create_deal


def _database_with_deals(path, n=3):
    database = open_database(path, language="en")
    with database.transaction() as s:
        from voronka.models.orm import User

        s.add(User(name="Sasha SDR", role="sdr"))
    for i in range(n):
        database.run(create_deal, name=f"deal {i}", user_id=1)
    database.close()
    return path


def _deal_count(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM deals").fetchone()[0]
    finally:
        con.close()


# --- damaged and read-only files ---------------------------------------------------------------
def test_a_truncated_database_is_refused_as_damaged_and_left_untouched(tmp_path):
    path = _database_with_deals(tmp_path / "cut.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    with pytest.raises(errors.DatabaseCorrupt) as caught:
        open_database(path)
    assert "damaged" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.db"]


def test_a_database_with_garbage_in_its_pages_is_refused_untouched(tmp_path):
    path = _database_with_deals(tmp_path / "garbage.db", n=200)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data) - page, page):  # the header of every page after the second
        data[offset:offset + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    with pytest.raises(errors.DatabaseCorrupt):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_a_read_only_file_says_read_only(tmp_path):
    path = _database_with_deals(tmp_path / "ro.db")
    path.chmod(0o444)
    try:
        with pytest.raises(errors.DatabaseReadOnly) as caught:
            open_database(path)
    finally:
        path.chmod(0o644)
    assert "read-only" in str(caught.value) and "folder" not in str(caught.value)


def test_an_unknown_url_scheme_or_a_missing_driver_is_one_sentence(tmp_path):
    with pytest.raises(errors.UnknownDatabaseUrl) as caught:
        open_database("foo://bar")
    assert "'foo'" in str(caught.value)
    with pytest.raises(errors.UnknownDatabaseUrl):
        open_database("mysql+nosuchdriver://user@host/db")


def test_a_missing_file_is_refused_when_the_caller_must_not_create_it(tmp_path):
    with pytest.raises(errors.DatabaseMissing):
        open_database(tmp_path / "nothing.db", create=False)
    assert not list(tmp_path.iterdir())


def test_a_file_on_a_network_share_is_reported(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    share = tmp_path / "share with space"
    share.mkdir()
    escaped = str(share).replace(" ", "\\040")
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nfiler:/export {escaped} nfs4 rw,relatime 0 0\n")
    monkeypatch.setattr(notices, "MOUNTS", mounts)
    monkeypatch.setattr(notices.sys, "platform", "linux")
    heard = []
    open_database(share / "team.db", notify=heard.append).close()
    assert [type(n) for n in heard] == [notices.NetworkShare]
    assert "server mode" in heard[0].message and heard[0].kind == "nfs4"
    heard.clear()
    open_database(tmp_path / "local.db", notify=heard.append).close()
    assert heard == []


# --- backups before a migration -----------------------------------------------------------------
def _old_database(path):
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO users (name, role, active) VALUES ('Old timer', 'sdr', 1)")
    engine.dispose()
    return path


def test_a_failed_migration_says_where_and_keeps_one_backup_however_often_it_is_tried(tmp_path):
    path = _old_database(tmp_path / "old.db")
    con = sqlite3.connect(path)  # a table in the way of the second migration
    con.execute("CREATE TABLE report_snapshots (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    for _ in range(3):
        with pytest.raises(errors.MigrationFailed) as caught:
            open_database(path)
        assert caught.value.revision == "0002" and "report_snapshots" in caught.value.detail
    backups = list(tmp_path.glob("old.backup-*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_backup_that_cannot_be_written_stops_the_migration_and_leaves_no_file(tmp_path, monkeypatch):
    path = _old_database(tmp_path / "old.db")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sqlite_files.os, "fsync", no_space)
    with pytest.raises(errors.BackupFailed):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


def test_a_copy_that_fails_half_way_leaves_nothing_under_the_final_name(tmp_path, monkeypatch):
    source = _database_with_deals(tmp_path / "a.db")
    monkeypatch.setattr(sqlite_files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        sqlite_files.copy_database(source, tmp_path / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_a_copy_includes_what_is_still_in_the_write_ahead_log(tmp_path):
    source = _database_with_deals(tmp_path / "a.db", n=2)
    con = sqlite3.connect(source)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE deals SET name = 'renamed'")
    con.commit()
    assert (tmp_path / "a.db-wal").stat().st_size > 0
    sqlite_files.copy_database(source, tmp_path / "copy.db")
    con.close()
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert {r[0] for r in copy.execute("SELECT name FROM deals")} == {"renamed"}
    copy.close()


# --- restoring a backup --------------------------------------------------------------------------
def _leave_wal_behind(path, statement):
    """Commit ``statement`` and leave its -wal file beside ``path``, as a crash would."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute(statement)
    con.commit()
    wal = (path.with_name(path.name + "-wal")).read_bytes()
    con.close()  # the last connection checkpoints and deletes the -wal…
    path.with_name(path.name + "-wal").write_bytes(wal)  # …which a crash would have left


def test_restoring_a_backup_never_replays_the_old_write_ahead_log(tmp_path):
    live = _database_with_deals(tmp_path / "voronka.db", n=3)
    backup = sqlite_files.copy_database(live, tmp_path / "voronka.backup.db")
    _leave_wal_behind(live, "DELETE FROM deal_contacts")
    _leave_wal_behind(live, "UPDATE deals SET name = 'changed after the backup'")
    assert (tmp_path / "voronka.db-wal").exists()
    kept = sqlite_files.restore_database(backup, live)
    assert not (tmp_path / "voronka.db-wal").exists()
    database = open_database(live)
    with database.session() as s:
        assert set(s.scalars(select(Deal.name))) == {"deal 0", "deal 1", "deal 2"}
    database.close()
    assert kept is not None and kept.exists()  # the replaced database is set aside, not deleted
    con = sqlite3.connect(kept)
    assert {r[0] for r in con.execute("SELECT name FROM deals")} == {"changed after the backup"}
    con.close()


def test_a_restore_is_refused_while_another_program_has_the_database_open(tmp_path):
    live = _database_with_deals(tmp_path / "voronka.db", n=1)
    backup = sqlite_files.copy_database(live, tmp_path / "b.db")
    holder = sqlite3.connect(live)
    holder.execute("SELECT count(*) FROM deals").fetchone()
    try:
        with pytest.raises(errors.DatabaseLocked):
            sqlite_files.restore_database(backup, live)
    finally:
        holder.close()
    assert _deal_count(live) == 1
    assert not list(tmp_path.glob("*.replaced-*")) and not list(tmp_path.glob(".*.part"))


def test_a_damaged_backup_is_not_restored(tmp_path):
    live = _database_with_deals(tmp_path / "voronka.db", n=2)
    bad = tmp_path / "bad.db"
    data = (live.read_bytes())
    bad.write_bytes(data[: len(data) // 2])
    before = live.read_bytes()
    with pytest.raises(errors.DatabaseCorrupt):
        sqlite_files.restore_database(bad, live)
    assert live.read_bytes() == before


# --- a busy database --------------------------------------------------------------------------------
def test_a_write_that_meets_a_locked_file_is_retried_then_refused_in_one_sentence(tmp_path):
    path = _database_with_deals(tmp_path / "busy.db", n=1)
    database = open_database(path)
    database.busy_delays = (0.05,)
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(errors.DatabaseBusy) as caught:
            database.run(create_deal, name="blocked", user_id=1)
        assert "busy" in str(caught.value) and "nothing was changed" in str(caught.value)
    finally:
        holder.rollback()
        holder.close()
    database.run(create_deal, name="after", user_id=1)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Deal)) == 2
    database.close()


def test_a_write_is_retried_until_the_other_writer_lets_go(tmp_path):
    import threading

    path = _database_with_deals(tmp_path / "busy.db", n=1)
    database = open_database(path)
    database.busy_delays = (0.5, 0.5)
    holder = sqlite3.connect(path, timeout=0, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(2.3, holder.rollback)  # free again during the second wait
    release.start()
    try:
        database.run(create_deal, name="patient", user_id=1)
    finally:
        release.join()
        holder.close()
    with database.session() as s:
        assert "patient" in set(s.scalars(select(Deal.name)))
    database.close()


def test_a_backup_killed_half_way_leaves_no_file_under_the_backup_name(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    source = _database_with_deals(tmp_path / "live.db", n=5)
    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, sys.argv[1])\n"
        "from models import sqlite_files\n"
        "sqlite_files.os.fsync = lambda fd: time.sleep(60)  # a slow disk: the copy is written, not yet flushed\n"
        "sqlite_files.copy_database(sys.argv[2], sys.argv[3])\n"),
        str(root), str(source), str(tmp_path / "live.backup-1.db")])
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".live.db.*.part")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(tmp_path.glob(".live.db.*.part")), "the child never started the copy"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert not (tmp_path / "live.backup-1.db").exists()
    assert not [p for p in tmp_path.glob("*.backup-*") if not p.name.startswith(".")]


def test_a_temporary_copy_left_by_a_killed_copy_is_removed_by_the_next_one(tmp_path):
    import time

    source = _database_with_deals(tmp_path / "live.db", n=1)
    old = tmp_path / ".live.db.abc123.part"
    old.write_bytes(b"half a copy")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / ".live.db.def456.part"
    fresh.write_bytes(b"a copy being written right now")
    sqlite_files.copy_database(source, tmp_path / "copy.db")
    assert not old.exists() and fresh.exists()
