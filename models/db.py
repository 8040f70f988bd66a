"""Open, create and migrate a Voronka database (SQLite file or SQLAlchemy URL).

``open_database`` is the only way in: it checks the file is a database, refuses a
schema newer than this app, copies an older SQLite file to a timestamped backup
before migrating it with Alembic, and turns on WAL and foreign keys for SQLite.
Every failure is a ``DatabaseOpenError`` with a sentence fit for a dialog, raised
before anything is written.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from . import errors

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def to_url(path_or_url: str | os.PathLike[str]) -> str:
    """A plain path becomes an SQLite URL; anything with ``://`` is taken as a URL."""
    text = str(path_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        return Path(url[len("sqlite:///"):])
    return None


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=2000")
    cur.close()
    # case-insensitive table search in any alphabet (models/queries/table_search.py)
    from .queries.table_search import fold

    dbapi_connection.create_function("vk_fold", 1, fold, deterministic=True)


class Database:
    """An open, migrated database: owns the engine and hands out transactions."""

    def __init__(self, engine: Engine, location: str, backup_path: Path | None = None):
        self.engine = engine
        self.location = location
        self.backup_path = backup_path  # set when opening migrated an older file
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        """A session for reads; prefer ``transaction`` for anything that writes."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        with self._sessions.begin() as session:
            yield session

    def run(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one domain service in one transaction and return what it returns."""
        with self.transaction() as session:
            return service(session, *args, **kwargs)

    def close(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path, location: str) -> bool:
    """Validate an SQLite location before connecting; return whether the file exists."""
    if path.exists():
        if path.is_dir():
            raise errors.NotADatabase(location)
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != SQLITE_MAGIC:
            raise errors.NotADatabase(location)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise errors.FolderNotWritable(location, str(path.parent))
        return bool(header)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        raise errors.FolderNotWritable(location, str(path.parent))
    return False


def _check_not_locked(engine: Engine, location: str) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
    except OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise errors.DatabaseLocked(location) from exc
        if "not a database" in str(exc).lower() or "encrypted" in str(exc).lower():
            raise errors.NotADatabase(location) from exc
        raise


def _inspect(engine: Engine, location: str, is_sqlite: bool) -> tuple[str | None, bool]:
    """The schema revision (None: not a Voronka database yet) and whether any table exists."""
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(inspect(conn).get_table_names())
        return current, has_tables
    except OperationalError as exc:
        message = str(exc).lower()
        if is_sqlite and ("locked" in message or "busy" in message):
            raise errors.DatabaseLocked(location) from exc
        if is_sqlite and ("not a database" in message or "encrypted" in message):
            raise errors.NotADatabase(location) from exc
        raise errors.DatabaseUnreachable(location, str(exc.orig)) from exc


def _backup(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
        n += 1
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)  # consistent copy even with a WAL file beside it
        dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 2})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(
    path_or_url: str | os.PathLike[str],
    *,
    create: bool = True,
    seed_defaults: bool = True,
    language: str = "ru",
) -> Database:
    """Open (creating or migrating as needed) the database at ``path_or_url``.

    A new database gets the default funnel (``models.funnel_setup``) unless
    ``seed_defaults`` is false. Raises ``DatabaseOpenError`` subclasses.
    """
    url = to_url(path_or_url)
    location = str(path_or_url)
    sqlite_path = _sqlite_path(url)
    existed = False
    if sqlite_path is not None:
        existed = _check_sqlite_file(sqlite_path, location)
        if not existed and not create:
            raise errors.NotFound("database", location)
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    # Inspect with a plain connection first: the WAL pragma would rewrite the file header,
    # and a file we refuse must stay byte-for-byte as it was.
    probe = create_engine(url, connect_args={"timeout": 2}) if sqlite_path is not None else make_engine(url)
    try:
        if sqlite_path is not None:
            _check_not_locked(probe, location)
        current, has_tables = _inspect(probe, location, sqlite_path is not None)
    finally:
        probe.dispose()
    engine = make_engine(url)
    try:
        head = head_revision()
        backup_path = None
        if current is None and has_tables:
            raise errors.NotADatabase(location)
        if current is not None and current not in known_revisions():
            raise errors.SchemaTooNew(location, current)
        if current != head:
            if current is not None and sqlite_path is not None:
                backup_path = _backup(sqlite_path)
            upgrade(engine)
        db = Database(engine, location, backup_path)
        if current is None and seed_defaults:
            from .funnel_setup import install_defaults

            db.run(install_defaults, language=language)
        return db
    except errors.DatabaseOpenError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise errors.DatabaseUnreachable(location, str(exc)) from exc
