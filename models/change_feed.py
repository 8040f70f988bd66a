"""The change feed: every committed transaction tells the other windows what it changed.

A window learns of its own changes from the services it runs (``Changes``); another window
or laptop on the same database learns of them from this feed, read by
``models.change_watch``:

- SQLite: one row in ``change_feed`` per transaction that wrote anything, in the same
  transaction (so it commits or rolls back with the work). ``origin`` names the writing
  ``Database`` (the initiator rule: a window skips its own rows); ``payload`` is the JSON of
  the service's ``Changes``, or NULL when the writer did not say (a bulk import, the demo),
  which readers take as "everything". Old rows are pruned as new ones come.
- PostgreSQL: ``NOTIFY voronka_changes`` with the origin and the same JSON, delivered by the
  server at commit; a payload over PostgreSQL's 8000-byte limit says "everything" instead.

The payload carries the record ids and flags of ``Changes`` (not ``event_ids``/``created``/
``moved``, which only matter to the window that made them: for undo, and to place a moved card).
"""
from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, delete, insert, select, text
from sqlalchemy.orm import Session

from .changes import Changes

CHANNEL = "voronka_changes"
KEEP_ROWS = 2000  # a reader further behind than this takes the gap as "everything"
PRUNE_EVERY = 200
NOTIFY_LIMIT = 7900  # bytes; PostgreSQL refuses a NOTIFY payload of 8000 or more
CHANGES_KEY = "voronka.changes"  # session.info: what the service said it changed
START_KEY = "voronka.total_changes"  # session.info: SQLite's write counter when the transaction began
_LOCAL_ONLY = {"event_ids", "created", "moved"}

change_feed = Table(
    "change_feed", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("origin", String(32), nullable=False),
    Column("payload", Text, nullable=True),
)

_FEED_INSERT = insert(change_feed)  # built once: every write transaction runs it


# --- payload ----------------------------------------------------------------------------------
def encode(changes: Changes) -> str:
    """The JSON of ``changes``: non-empty id sets as sorted lists, true flags."""
    out: dict[str, Any] = {}
    for f in fields(Changes):
        value = getattr(changes, f.name)
        if f.name in _LOCAL_ONLY or not value:
            continue
        if isinstance(value, (set, frozenset)):
            out[f.name] = sorted(value)
        elif isinstance(value, bool):
            out[f.name] = True
    return json.dumps(out, separators=(",", ":"))


def decode(payload: str | dict[str, Any]) -> Changes:
    """``Changes`` from ``encode``'s JSON (text or parsed); names this version does not know are ignored."""
    data = json.loads(payload) if isinstance(payload, str) else payload
    changes = Changes()
    known = {f.name for f in fields(Changes)} - _LOCAL_ONLY
    for name, value in data.items():
        if name not in known:
            continue
        current = getattr(changes, name)
        if isinstance(current, set):
            setattr(changes, name, {int(v) for v in value})
        elif isinstance(current, bool):
            setattr(changes, name, bool(value))
    return changes


def everything_changed(session: Session) -> Changes:
    """What to announce when the feed cannot say what changed: every record and every flag."""
    from .orm import Company, Contact, Deal, Task

    return Changes(
        deals=set(session.scalars(select(Deal.id))),
        companies=set(session.scalars(select(Company.id))),
        contacts=set(session.scalars(select(Contact.id))),
        tasks=set(session.scalars(select(Task.id))),
        users=True, funnel=True, settings=True, plans=True, fields=True, snapshots=True,
    )


# --- writing ----------------------------------------------------------------------------------
def say_what_changed(session: Session, changes: Changes) -> None:
    """What this transaction changed, for the feed; a ``Changes`` still being merged into may
    be given (it is read as the transaction commits)."""
    session.info[CHANGES_KEY] = changes


def note_transaction_start(session: Session, _transaction: Any, connection: Any) -> None:
    """Session ``after_begin`` hook: remember SQLite's write counter, to tell later if we wrote."""
    if connection.dialect.name == "sqlite":
        session.info[START_KEY] = connection.connection.dbapi_connection.total_changes
    else:
        session.info[START_KEY] = None


def announce(session: Session, origin: str, sqlite_table: bool = True) -> None:
    """Called as a transaction is about to commit: tell other windows what it changed.

    ``sqlite_table`` is false for an SQLite file not yet migrated to have the feed."""
    session.flush()  # the ORM writes pending changes at commit; count them now
    if START_KEY not in session.info:
        return  # the transaction never touched the database
    changes = session.info.get(CHANGES_KEY)
    known = isinstance(changes, Changes)
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        if not sqlite_table:
            return
        if connection.connection.dbapi_connection.total_changes == session.info[START_KEY]:
            return  # nothing written: readers see no new data version either
        payload = encode(changes) if known else None
        new_id = connection.execute(_FEED_INSERT, {"origin": origin, "payload": payload}).inserted_primary_key[0]
        if new_id % PRUNE_EVERY == 0:
            connection.execute(delete(change_feed).where(change_feed.c.id <= new_id - KEEP_ROWS))
    elif dialect == "postgresql":
        if known and changes.empty:
            return
        if not known and connection.exec_driver_sql("SELECT txid_current_if_assigned()").scalar() is None:
            return  # a transaction that only read
        payload = f'{{"o":"{origin}","c":{encode(changes)}}}' if known else ""
        if not known or len(payload.encode()) > NOTIFY_LIMIT:
            payload = f'{{"o":"{origin}","all":true}}'
        connection.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})
