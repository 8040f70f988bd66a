"""Copies of an SQLite database: backups, restores and the rotating daily set.

Copies and restores go through the shared ``models.sqlite_files`` (SQLite's online backup
under a temporary name, renamed when complete; a restore sets the replaced database aside
with its ``-wal``/``-shm`` so an old WAL is never replayed). This module names the backups,
checks that a file is a Voronka backup, and keeps the rotating daily set. No Qt here.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import errors

Progress = Callable[[int, int], None]  # (pages done, pages total); may raise to cancel
AUTO_KEEP = 7
AUTO_EVERY = timedelta(days=1)


class BackupError(errors.VoronkaError):
    """A backup or restore cannot be made; nothing was changed."""


class NotSqliteDatabase(BackupError):
    def __init__(self, location: str):
        super().__init__(f"{location} is a server database; back it up on the server (pg_dump).")
        self.location = location


class NotABackup(BackupError):
    def __init__(self, path: str):
        super().__init__(f"{path} is not a Voronka database backup.")
        self.path = path


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    automatic: bool


def sqlite_path(location: str) -> Path:
    """The file behind a database location; ``NotSqliteDatabase`` for a server URL."""
    from .db import to_url

    url = to_url(location)
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        raise NotSqliteDatabase(location)
    return Path(url.removeprefix("sqlite:///"))


def write_backup(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy the database ``source`` to ``target`` through the shared safe copy
    (``models.sqlite_files.copy_database``: temporary name, fsync, rename when whole)."""
    from .sqlite_files import copy_database

    target.parent.mkdir(parents=True, exist_ok=True)
    if progress is not None:
        progress(0, 1)
    copy_database(source, target)
    if progress is not None:
        progress(1, 1)
    return target


def schema_revision(path: Path) -> str | None:
    """The Voronka schema revision of a database file, or None if it is not one."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None
    return row[0] if row else None


def check_backup(path: Path) -> str:
    """The backup's schema revision; ``NotABackup`` if it is not a Voronka database."""
    revision = schema_revision(path)
    if revision is None:
        raise NotABackup(str(path))
    from .db import known_revisions

    if revision not in known_revisions():
        raise errors.SchemaTooNew(str(path), revision)
    return revision


def restore_backup(backup: Path, target: Path, progress: Progress | None = None) -> Path | None:
    """Put the content of ``backup`` in place of the (closed) database ``target``; returns where
    the replaced database was set aside (None if there was none).

    The shared ``models.sqlite_files.restore_database`` sets the old file aside together with
    its ``-wal``/``-shm`` (so an old WAL is never replayed onto the restored file) and refuses
    while another program has ``target`` open.
    """
    from .sqlite_files import restore_database

    check_backup(backup)
    if progress is not None:
        progress(0, 1)
    aside = restore_database(backup, target)
    if progress is not None:
        progress(1, 1)
    return aside


# --- names and the rotating daily set -----------------------------------------------------
def _tag(database: Path) -> str:
    """A short stable tag of the database's full path: two ``voronka.db`` in two folders
    keep separate backup sets."""
    return hashlib.sha1(str(database.resolve()).encode("utf-8")).hexdigest()[:6]


def backup_name(database: Path, kind: str = "manual", when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{database.stem}-{_tag(database)}-{kind}-{stamp}.db"


def backups_of(database: Path, folder: Path) -> list[BackupFile]:
    """This database's backups in ``folder``, newest first."""
    prefix = f"{database.stem}-{_tag(database)}-"
    found = []
    for path in folder.glob(f"{prefix}*.db") if folder.is_dir() else ():
        kind, _, stamp = path.stem.removeprefix(prefix).rpartition("-")
        kind, _, day = kind.rpartition("-")
        try:
            made = datetime.strptime(f"{day}-{stamp}", "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, made, kind == "auto"))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def auto_backup_due(database: Path, folder: Path, now: datetime | None = None) -> bool:
    """True when this database has no automatic backup from the last day."""
    latest = next((b for b in backups_of(database, folder) if b.automatic), None)
    return latest is None or (now or datetime.now()) - latest.made_at >= AUTO_EVERY


def rotate(database: Path, folder: Path, keep: int = AUTO_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; manual ones stay. Returns the deleted."""
    old = [b.path for b in backups_of(database, folder) if b.automatic][keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def auto_backup(database: Path, folder: Path, now: datetime | None = None,
                progress: Progress | None = None) -> Path | None:
    """Make the daily backup if one is due, then keep the last ``AUTO_KEEP``."""
    if not database.exists() or not auto_backup_due(database, folder, now):
        return None
    made = write_backup(database, folder / backup_name(database, "auto", now), progress)
    rotate(database, folder)
    return made
