"""PostgreSQL id sequences kept ahead of ids written explicitly (demo, history import, merge undo).

A row inserted with its own id does not advance the table's serial sequence, so the
next ordinary insert would get an id that is taken. ``advance_sequences`` moves each
lagging sequence up to the table's largest id, never down (another client may hold
a later value), with the table locked against inserts for that moment. SQLite needs
nothing: its ids follow the largest one.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Integer, Table, text
from sqlalchemy.orm import Session


def _table(item: Any) -> Table:
    return getattr(item, "__table__", item)


def _serial_tables() -> list[Table]:
    from .orm import Base

    return [t for t in Base.metadata.sorted_tables
            if len(t.primary_key.columns) == 1 and isinstance(next(iter(t.primary_key.columns)).type, Integer)]


def advance_sequences(conn: Connection | Session, tables: Iterable[Any] | None = None) -> list[str]:
    """Advance the sequences of ``tables`` (default: every table with an integer id) on
    PostgreSQL; return the names of the tables whose sequence was behind."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name != "postgresql":
        return []
    quote = bind.dialect.identifier_preparer.quote
    fixed = []
    for table in (_table(t) for t in (_serial_tables() if tables is None else tables)):
        column = next(iter(table.primary_key.columns)).name
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column})
        if seq is None:
            continue
        largest = f"(SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table.name)})"
        behind = conn.scalar(text(f"SELECT {largest} > CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                                  f"FROM {seq}"))
        if not behind:
            continue
        conn.execute(text(f"LOCK TABLE {quote(table.name)} IN SHARE ROW EXCLUSIVE MODE"))
        conn.execute(text(f"SELECT setval(:seq, GREATEST({largest}, (SELECT last_value FROM {seq})))"),
                     {"seq": seq})
        fixed.append(table.name)
    return fixed
