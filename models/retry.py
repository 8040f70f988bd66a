"""Retry a write that met a busy database (another writer holds the lock), a bounded number of times.

SQLite waits ``busy_timeout`` for a lock and then fails with "database is locked";
PostgreSQL connections run with ``lock_timeout`` and fail with lock_not_available (or a
serialization failure / deadlock). Each is retried after a short pause, the failed
transaction having been rolled back; when the last try fails too the user gets
``DatabaseBusy`` — one sentence, nothing saved.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from . import errors

T = TypeVar("T")
BUSY_DELAYS: tuple[float, ...] = (0.2, 0.5)  # pauses before the 2nd and 3rd try
LOCK_TIMEOUT_MS = 2000  # PostgreSQL: how long one statement waits for a row lock
PG_BUSY_STATES = frozenset({"55P03", "40001", "40P01"})  # lock not available, serialization, deadlock


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another writer kept the database or a row locked."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in PG_BUSY_STATES:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database table is locked" in message or "busy" in message


def when_busy(action: Callable[[], T], delays: Sequence[float] = BUSY_DELAYS) -> T:
    """``action()``, tried again after each pause in ``delays`` while the database is busy."""
    for pause in (*delays, None):
        try:
            return action()
        except DBAPIError as exc:
            if not is_busy(exc):
                raise
            if pause is None:
                raise errors.DatabaseBusy() from exc
            time.sleep(pause)
    raise AssertionError("unreachable")
