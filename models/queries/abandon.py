"""Stop a long read whose answer is no longer wanted (the user typed another letter).

The database executor runs one job at a time; a superseded job's answer is dropped, but
its statement would still run to the end and hold up the newer one. Inside
``abandoned_when(session, stop)`` SQLite checks ``stop()`` every few thousand steps of a
statement and ends it with ``Abandoned`` once it is true. On PostgreSQL nothing is
checked: the statement runs to the end and its answer is dropped as before.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

STEPS = 20_000  # virtual machine steps between checks (well under a millisecond)


class Abandoned(Exception):
    """The read was stopped because its answer is no longer wanted."""


@contextmanager
def abandoned_when(session: Session, stop: Callable[[], bool]) -> Iterator[None]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    raw.set_progress_handler(lambda: 1 if stop() else 0, STEPS)
    try:
        yield
    except (OperationalError, sqlite3.OperationalError) as exc:  # a raw cursor's error is not wrapped
        if stop() and "interrupt" in str(exc).lower():
            raise Abandoned() from exc
        raise
    finally:
        raw.set_progress_handler(None, STEPS)
