"""Open, create and migrate a Voronka database (SQLite file or SQLAlchemy URL).

``open_database`` is the only way in: it checks the file is a whole, writable SQLite
database, refuses a schema newer than this app, copies an older SQLite file to a
timestamped backup before migrating it with Alembic (one transaction: a failed
migration leaves the file as it was, and trying again reuses the same backup), and
turns on WAL and foreign keys for SQLite. A PostgreSQL database is dumped with
``pg_dump`` before a migration when the tool is installed, else the caller is told no
backup was made. Every failure is a ``DatabaseOpenError`` with a sentence fit for a
dialog, raised before anything is written; things worth saying that do not stop the
opening (a file on a network share, the PostgreSQL backup) go to ``notify``.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from . import errors, guards, notices, retry  # noqa: F401 (guards registers the flush guard)
from .change_feed import announce, note_transaction_start, say_what_changed
from .changes import Changes
from .sqlite_files import same_content, write_copy

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 64 << 20
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


def shown_location(location: str) -> str:
    """A database's location fit to show: a server URL without its password, a path as it is."""
    if "://" not in location:
        return location
    from sqlalchemy.engine import make_url

    try:
        return make_url(location).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is shown as typed
        return location


def _sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        return Path(url[len("sqlite:///"):])
    return None


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    # SQLAlchemy's documented pysqlite recipe: the driver issues no BEGIN of its own,
    # ``_on_sqlite_begin`` does (so a write transaction can take the write lock first).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={retry.SQLITE_BUSY_MS}")
    record.info[BUSY_KEY] = retry.SQLITE_BUSY_MS
    # 32 MB of page cache (SQLite's default is 2 MB): a table sorted or searched over 100k
    # deals reads their companies too, and re-reading evicted pages made that 10x slower
    cur.execute("PRAGMA cache_size=-32768")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


WRITE_OPTION = "voronka_write"
WAIT_OPTION = "voronka_wait_ms"  # how long this transaction waits for the write lock
BUSY_KEY = "voronka.busy_timeout"  # the connection's current busy_timeout (connection info)


def _on_sqlite_begin(conn: Any) -> None:
    """A write transaction starts with BEGIN IMMEDIATE: it takes the write lock (waiting
    for the busy timeout) before its first read, so what a service reads to check its
    preconditions cannot change under it. Reads begin deferred and never block a writer.
    A window's own writes wait less per try (``retry.INTERACTIVE``)."""
    options = conn.get_execution_options()
    wait = int(options.get(WAIT_OPTION, retry.SQLITE_BUSY_MS))
    info = conn.connection.info
    if info.get(BUSY_KEY) != wait:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={wait}")
        info[BUSY_KEY] = wait
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE_OPTION) else "BEGIN")


class Database:
    """An open, migrated database: owns the engine and hands out transactions."""

    def __init__(self, engine: Engine, location: str, backup_path: Path | None = None):
        self.engine = engine
        self.location = location
        self.backup_path = backup_path  # set when opening migrated an older file
        self.busy_delays: tuple[float, ...] = retry.BUSY_DELAYS  # pauses between tries of a busy write
        self.interactive_delays: tuple[float, ...] = retry.INTERACTIVE.delays  # the same, on the window's thread
        self._interactive_thread: int | None = None
        self._interactive_pause: Callable[[float], None] = time.sleep
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Names this Database's commits in the change feed, so its own windows skip them.
        self.origin = uuid.uuid4().hex
        event.listen(self._sessions, "after_begin", note_transaction_start)
        self._watchers: list[Any] = []
        # False on a file still at an older schema (only tests write to one without migrating).
        self._feed_table = self.is_sqlite and inspect(engine).has_table("change_feed")
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}),
                                            expire_on_commit=False)
        self.acting_user_id: int | None = None  # who this window's user is (stamps updated_by)
        event.listen(self._write_sessions, "after_begin", note_transaction_start)
        self._interactive_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True, WAIT_OPTION: retry.INTERACTIVE.wait_ms}),
            expire_on_commit=False)
        event.listen(self._interactive_sessions, "after_begin", note_transaction_start)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def set_interactive(self, pause: Callable[[float], None]) -> None:
        """Writes from the calling thread (a window's) wait for another writer's lock only
        briefly per try (``retry.INTERACTIVE``) and call ``pause(seconds)`` between tries,
        which keeps the window painting; other threads stay patient."""
        self._interactive_thread = threading.get_ident()
        self._interactive_pause = pause

    @property
    def interactive(self) -> bool:
        """Whether the calling thread is the window's (its writes must not freeze it)."""
        return self._interactive_thread == threading.get_ident()

    def when_busy(self, action: Callable[[], T]) -> T:
        """``action()`` (one write transaction), tried again while another writer holds the
        database, then ``DatabaseBusy`` — within the patience of the calling thread."""
        if self.interactive:
            return retry.when_busy(action, self.interactive_delays, self._interactive_pause)
        return retry.when_busy(action, self.busy_delays)

    def session(self) -> Session:
        """A session for reads; prefer ``transaction`` for anything that writes."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception.

        On SQLite it begins with BEGIN IMMEDIATE (the write lock first); on PostgreSQL the
        services lock the rows they check (``models.guards.locked``). Before committing, it
        tells other windows what changed (``models.change_feed``).
        """
        interactive = self.interactive
        with (self._interactive_sessions if interactive else self._write_sessions).begin() as session:
            session.info["user_id"] = self.acting_user_id
            if interactive and not self.is_sqlite:
                session.execute(text(f"SET LOCAL lock_timeout = {retry.INTERACTIVE.wait_ms}"))
            yield session
            announce(session, self.origin, sqlite_table=self._feed_table)

    def run(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one domain service in one transaction and return what it returns.

        A database kept busy by another writer is retried a few times (the transaction
        rolled back each time), then refused with ``DatabaseBusy``.
        """
        def once() -> T:
            with self.transaction() as session:
                result = service(session, *args, **kwargs)
                if isinstance(result, Changes):
                    say_what_changed(session, result)
                return result

        return self.when_busy(once)

    def watch(self) -> Any:
        """A ``models.change_watch`` watcher of other windows' commits (None if none can exist);
        closed with the database."""
        from .change_watch import watch

        watcher = watch(self)
        if watcher is not None:
            self._watchers.append(watcher)
        return watcher

    def close(self) -> None:
        for watcher in self._watchers:
            watcher.close()
        self._watchers.clear()
        self.engine.dispose()


def _check_header(path: Path, location: str) -> bool:
    """Whether the file holds a database; refuse another kind of file or a truncated one."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError as exc:
        raise errors.DatabaseReadOnly(location) from exc
    except OSError as exc:
        raise errors.DatabaseUnreachable(location, exc.strerror or str(exc)) from exc
    if not header:
        return False  # an empty file: SQLite makes it a new database
    if not header.startswith(SQLITE_MAGIC[:len(header)]):
        raise errors.NotADatabase(location)
    if len(header) < 100:
        raise errors.DatabaseCorrupt(location)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = header[92:96] == header[24:28]  # the header's page count is current
    if size_is_valid and path.stat().st_size < page_size * pages:
        raise errors.DatabaseCorrupt(location)
    return True


def _check_sqlite_file(path: Path, location: str) -> bool:
    """Validate an SQLite location before connecting; return whether the file exists."""
    if path.exists():
        if path.is_dir():
            raise errors.NotADatabase(location)
        has_database = _check_header(path, location)
        if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
            raise errors.DatabaseReadOnly(location)  # the mode bits too: root may write anything
        if not os.access(path.parent, os.W_OK):
            raise errors.FolderNotWritable(location, str(path.parent))
        return has_database
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        raise errors.FolderNotWritable(location, str(path.parent))
    return False


def _sqlite_refusal(exc: DatabaseError, location: str) -> errors.DatabaseOpenError | None:
    """The refusal an SQLite error means, if it is one of the known ones."""
    message = str(exc.orig if exc.orig is not None else exc).lower()
    if "locked" in message or "busy" in message:
        return errors.DatabaseLocked(location)
    if "malformed" in message or "corrupt" in message or "disk i/o error" in message:
        return errors.DatabaseCorrupt(location)
    if "not a database" in message or "encrypted" in message:
        return errors.NotADatabase(location)
    if "readonly" in message or "read-only" in message:
        return errors.DatabaseReadOnly(location)
    return None


def _check_sqlite_content(engine: Engine, location: str, size: int) -> None:
    """Refuse a locked file, or one whose pages SQLite finds damaged.

    The page check (``quick_check``) reads the whole file, about 1 s per 100 MB, so it
    runs on files up to ``QUICK_CHECK_MAX_BYTES``; damage in a bigger file is found when
    it is read (the app and the command line turn SQLite's "malformed" into the same
    sentence).
    """
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
            result = conn.exec_driver_sql("PRAGMA quick_check(1)").scalar() if size <= QUICK_CHECK_MAX_BYTES else "ok"
    except DatabaseError as exc:
        refusal = _sqlite_refusal(exc, location)
        if refusal is not None:
            raise refusal from exc
        raise
    if result != "ok":
        raise errors.DatabaseCorrupt(location)


def _inspect(engine: Engine, location: str, is_sqlite: bool) -> tuple[str | None, bool]:
    """The schema revision (None: not a Voronka database yet) and whether any table exists."""
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(inspect(conn).get_table_names())
        return current, has_tables
    except DatabaseError as exc:
        refusal = _sqlite_refusal(exc, location) if is_sqlite else None
        if refusal is not None:
            raise refusal from exc
        raise errors.DatabaseUnreachable(location, str(exc.orig)) from exc


def _backup(path: Path) -> Path:
    """Copy ``path`` to ``<stem>.backup-<time><suffix>`` beside it, or reuse an identical backup.

    The copy is complete before it gets its name (``models.sqlite_files``); when a
    backup with the same content already exists (an earlier attempt to migrate the same
    file failed) the new copy is dropped and the old one returned.
    """
    tmp = write_copy(path, path.parent)
    try:
        size = tmp.stat().st_size
        for earlier in sorted(path.parent.glob(f"{path.stem}.backup-*{path.suffix}")):
            if earlier.stat().st_size == size and same_content(earlier, tmp):
                tmp.unlink()
                return earlier
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
        n = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
            n += 1
        os.replace(tmp, target)
        return target
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _pending_revisions(current: str | None) -> list[str]:
    """The revisions after ``current`` up to head, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    steps = list(script.iterate_revisions("head", current or "base"))
    return [step.revision for step in reversed(steps)]


def _migration_engine(url: str) -> Engine:
    """An engine whose transactions cover DDL too, so a failed migration rolls back whole.

    pysqlite does not BEGIN before DDL by itself (SQLAlchemy's documented recipe); foreign
    keys stay off while batch migrations copy tables.
    """
    if not url.startswith("sqlite"):
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": 2})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA busy_timeout=2000")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(url: str, location: str, current: str | None) -> None:
    """Bring the database to head in one transaction; a failure is ``MigrationFailed``."""
    engine = _migration_engine(url)
    cfg = alembic_config()
    step = "?"
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            for step in _pending_revisions(current):
                command.upgrade(cfg, step)
    except errors.DatabaseOpenError:
        raise
    except Exception as exc:
        if retry.is_busy(exc):
            raise errors.DatabaseLocked(location) from exc
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        raise errors.MigrationFailed(location, step, detail) from exc
    finally:
        engine.dispose()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 2})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.startswith(("postgresql://", "postgresql+psycopg")):
        # a row another client keeps locked fails after a while instead of hanging the UI;
        # Database.run retries it, then says the database is busy
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"options": f"-c lock_timeout={retry.LOCK_TIMEOUT_MS}"})
    return create_engine(url, pool_pre_ping=True)


def _engine_or_refusal(url: str, location: str, factory: Callable[[str], Engine]) -> Engine:
    """``factory(url)``; an unknown URL scheme or a missing driver is ``UnknownDatabaseUrl``."""
    try:
        return factory(url)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise errors.UnknownDatabaseUrl(location, url.split("://", 1)[0]) from exc


def open_database(
    path_or_url: str | os.PathLike[str],
    *,
    create: bool = True,
    seed_defaults: bool = True,
    language: str = "ru",
    notify: Callable[[notices.Notice], None] | None = None,
    server_backup_dir: Path | None = None,
) -> Database:
    """Open (creating or migrating as needed) the database at ``path_or_url``.

    A new database gets the default funnel (``models.funnel_setup``) unless
    ``seed_defaults`` is false; with ``create`` false a missing SQLite file is refused
    (``DatabaseMissing``). ``notify`` hears what the user should know but that does not
    stop the opening (``models.notices``); a PostgreSQL dump made before a migration goes
    to ``server_backup_dir`` (default: the user data folder). Raises ``DatabaseOpenError``
    subclasses.
    """
    url = to_url(path_or_url)
    location = str(path_or_url)
    sqlite_path = _sqlite_path(url)
    say = notify or (lambda notice: None)
    if sqlite_path is not None:
        existed = _check_sqlite_file(sqlite_path, location)
        if not existed and not create:
            raise errors.DatabaseMissing(location) if not sqlite_path.exists() else errors.NotADatabase(location)
        share = notices.network_share(sqlite_path)
        if share is not None:
            say(notices.NetworkShare(location, share))
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    # Inspect with a plain connection first: the WAL pragma would rewrite the file header,
    # and a file we refuse must stay byte-for-byte as it was.
    probe = _engine_or_refusal(url, location, lambda u: create_engine(u, connect_args={"timeout": 2})
                               if sqlite_path is not None else make_engine(u))
    try:
        if sqlite_path is not None:
            _check_sqlite_content(probe, location, sqlite_path.stat().st_size if sqlite_path.exists() else 0)
        current, has_tables = _inspect(probe, location, sqlite_path is not None)
    finally:
        probe.dispose()
    engine = _engine_or_refusal(url, location, make_engine)
    try:
        head = head_revision()
        backup_path = None
        if current is None and has_tables:
            raise errors.NotADatabase(location)
        if current is not None and current not in known_revisions():
            raise errors.SchemaTooNew(location, current)
        if current != head:
            if current is not None and sqlite_path is not None:
                try:
                    backup_path = _backup(sqlite_path)
                except (OSError, sqlite3.Error) as exc:
                    raise errors.BackupFailed(location, str(exc)) from exc
            elif current is not None:
                from .server_backup import back_up_server

                backup_path = back_up_server(url, location, current, server_backup_dir, say)
            engine.dispose()
            migrate(url, location, current)
        if sqlite_path is None:
            from .sequences import advance_sequences

            with engine.begin() as conn:
                advance_sequences(conn)  # heal a database written with explicit ids by an older Voronka
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
