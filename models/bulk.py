"""Bulk writing with SQLAlchemy Core: rows as dicts, big executemany batches, explicit ids.

Used by the demo generator and the history import, which write hundreds of thousands
of rows in one transaction: ORM objects would be an order of magnitude slower.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select

BATCH = 50_000


def records(**columns: Sequence[Any]) -> list[dict[str, Any]]:
    """Column lists → row dicts: ``records(id=[1, 2], name=["a", "b"])``."""
    keys = list(columns)
    return [dict(zip(keys, row)) for row in zip(*columns.values())]


def insert_all(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in executemany batches.

    Rows with explicit ids advance the table's id sequence on PostgreSQL afterwards, so
    the next ordinary insert does not collide with them.
    """
    for i in range(0, len(rows), BATCH):
        conn.execute(insert(table), rows[i:i + BATCH])
    if rows and "id" in rows[0]:
        from .sequences import advance_sequences

        advance_sequences(conn, [table])


def next_id(conn: Connection, column: Any) -> int:
    """The first free id after the largest in ``column`` (call inside the writing transaction)."""
    return int(conn.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def fast_bulk_load(conn: Connection) -> None:
    """SQLite: a big page cache for this (single, all-or-nothing) load transaction.
    (``synchronous`` and ``temp_store`` cannot change inside a transaction, and a write
    transaction begins before its first statement: ``models.db`` keeps temp tables in
    memory for every connection, and in WAL mode NORMAL does not wait for the disk at commit.)"""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-131072")
