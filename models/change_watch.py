"""Reading the change feed: what other windows and laptops committed since we last looked.

``watch(db)`` gives a watcher on a connection of its own; ``poll()`` is cheap enough for the
UI thread every half second and returns the merged ``Changes`` of other origins (``None``
when there are none). Our own commits are skipped: the window that made a change has already
announced it (the initiator rule).

- SQLite: ``PRAGMA data_version`` (changes when another connection commits; microseconds).
  Only when it moved, one read transaction takes the ``change_feed`` rows after the last id
  seen together with the version they belong to. A version that moved with no new row (a
  write that bypassed the feed) or a gap in the ids (rows pruned while we slept) means
  "everything".
- PostgreSQL: ``LISTEN voronka_changes``; ``poll`` drains the notifications already on the
  socket without waiting. After a lost connection it reconnects and announces everything.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import TYPE_CHECKING, Protocol

from .change_feed import CHANNEL, decode, everything_changed
from .changes import Changes

if TYPE_CHECKING:
    from .db import Database

log = logging.getLogger(__name__)
NEWEST_ONLY = 2**62  # an id after every row: read only the newest id and the version


class ChangeWatcher(Protocol):
    closed: bool

    def poll(self) -> Changes | None: ...

    def close(self) -> None: ...


def watch(db: Database) -> ChangeWatcher | None:
    """A watcher for ``db``'s dialect, or None where no other writer can exist (in-memory SQLite)."""
    name = db.engine.dialect.name
    if name == "sqlite":
        path = db.engine.url.database
        return SqliteWatcher(db, path) if path and path != ":memory:" else None
    if name == "postgresql":
        return PostgresWatcher(db)
    return None


def _everything(db: Database) -> Changes:
    with db.session() as session:
        return everything_changed(session)


class SqliteWatcher:
    def __init__(self, db: Database, path: str):
        self.db = db
        # A short timeout: the UI thread asks, and a busy file is simply asked again next time.
        self.conn: sqlite3.Connection | None = sqlite3.connect(path, isolation_level=None, timeout=0.05)
        _none, self.last, self.version = self._read(NEWEST_ONLY)

    @property
    def closed(self) -> bool:
        return self.conn is None

    def _read(self, after: int) -> tuple[list[tuple], int, int]:
        """The feed rows after id ``after``, the newest id and the data version, of one snapshot."""
        assert self.conn is not None
        self.conn.execute("BEGIN")
        try:
            rows = self.conn.execute(
                "SELECT id, origin, payload FROM change_feed WHERE id > ? ORDER BY id", (after,)).fetchall()
            newest = self.conn.execute("SELECT coalesce(max(id), 0) FROM change_feed").fetchone()[0]
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        finally:
            self.conn.execute("COMMIT")
        return rows, newest, version

    def poll(self) -> Changes | None:
        if self.conn is None:
            return None
        try:
            if self.conn.execute("PRAGMA data_version").fetchone()[0] == self.version:
                return None
            rows, newest, version = self._read(self.last)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                log.debug("change feed busy; asking again next time")
                return None
            raise
        self.version = version
        gap = bool(rows) and rows[0][0] != self.last + 1
        seen, self.last = self.last, newest  # newest < seen: the file was replaced (a restored backup)
        if not rows or gap or newest < seen:
            # a commit that bypassed the feed, rows pruned while we slept, or another file's feed
            return _everything(self.db)
        merged = Changes()
        for _id, origin, payload in rows:
            if origin == self.db.origin:
                continue
            if payload is None:
                return _everything(self.db)
            merged.merge(decode(payload))
        return None if merged.empty else merged

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class PostgresWatcher:
    def __init__(self, db: Database):
        self.db = db
        self.closed = False
        self.conn = self._connect()

    def _connect(self):
        engine = self.db.engine
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        conn = engine.dialect.connect(*cargs, **cparams)
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def poll(self) -> Changes | None:
        if self.closed:
            return None
        if self.conn is None:
            self.conn = self._connect()  # raises while the server is away; the caller asks again later
            return _everything(self.db)  # whatever was committed while we were not listening
        try:
            notes = list(self.conn.notifies(timeout=0))
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        merged = Changes()
        for note in notes:
            body = json.loads(note.payload)
            if body.get("o") == self.db.origin:
                continue
            if body.get("all"):
                return _everything(self.db)
            merged.merge(decode(body.get("c", {})))
        return None if merged.empty else merged

    def close(self) -> None:
        self.closed = True
        if self.conn is not None:
            self.conn.close()
            self.conn = None
