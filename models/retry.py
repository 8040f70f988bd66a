"""Retry a write that met a busy database (another writer holds the lock), within a bound.

SQLite waits ``busy_timeout`` for a lock and then fails with "database is locked";
PostgreSQL fails with lock_not_available once ``lock_timeout`` has passed (or with a
serialization failure / deadlock). Each is retried after a short pause, the failed
transaction having been rolled back; when the last try fails too the user gets
``DatabaseBusy`` — one sentence, nothing saved.

Two patiences (``BusyPolicy``): work off the window's thread (the executor, the command
line) waits two seconds a try, three tries; a window's own thread (``INTERACTIVE``) waits
only a fifth of a second a try and, between tries, lets the window paint (the pause the
view layer gives ``Database.set_interactive``), so a colleague's long write never freezes
the window for more than a moment, and after about three seconds the user is told.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from . import errors

T = TypeVar("T")
BUSY_DELAYS: tuple[float, ...] = (0.2, 0.5)  # pauses before the 2nd and 3rd try
LOCK_TIMEOUT_MS = 2000  # PostgreSQL: how long one statement waits for a row lock
SQLITE_BUSY_MS = 2000  # SQLite: how long one statement waits for the write lock
PG_BUSY_STATES = frozenset({"55P03", "40001", "40P01"})  # lock not available, serialization, deadlock


@dataclass(frozen=True)
class BusyPolicy:
    """How a write waits for a database another writer holds: ``wait_ms`` per try (SQLite
    ``busy_timeout``, PostgreSQL ``lock_timeout``), then a pause of each of ``delays``
    before the next try."""

    wait_ms: int
    delays: tuple[float, ...]

    @property
    def longest_s(self) -> float:
        """The longest a write can take before ``DatabaseBusy`` (waiting and pausing)."""
        return (len(self.delays) + 1) * self.wait_ms / 1000 + sum(self.delays)


PATIENT = BusyPolicy(SQLITE_BUSY_MS, BUSY_DELAYS)  # off the window's thread: ~7 s at most
INTERACTIVE = BusyPolicy(200, (0.1,) * 9)  # a window's thread: frozen 0.2 s at a time at most, ~3 s in all


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another writer kept the database or a row locked."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in PG_BUSY_STATES:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database table is locked" in message or "busy" in message


def speaks_of_lock(exc: BaseException) -> bool:
    """A database error whose text speaks of a lock or a busy database (SQLite lock, PostgreSQL
    lock or serialisation), whatever its code: how an undo step that failed is explained."""
    text = str(exc).lower()
    return isinstance(exc, DBAPIError) and any(
        word in text for word in ("locked", "busy", "could not serialize", "deadlock", "lock timeout"))


def damage_or_read_only(exc: BaseException) -> str | None:
    """``"damaged"`` or ``"read-only"`` when the driver says so of the database file, else None."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig).lower()
    if "malformed" in text or "not a database" in text:
        return "damaged"
    if "readonly" in text or "read-only" in text:
        return "read-only"
    return None


def when_busy(action: Callable[[], T], delays: Sequence[float] = BUSY_DELAYS,
              pause: Callable[[float], None] = time.sleep) -> T:
    """``action()``, tried again after each pause in ``delays`` while the database is busy;
    ``pause(seconds)`` waits (a window's thread keeps painting meanwhile)."""
    for delay in (*delays, None):
        try:
            return action()
        except DBAPIError as exc:
            if not is_busy(exc):
                raise
            if delay is None:
                raise errors.DatabaseBusy() from exc
            pause(delay)
    raise AssertionError("unreachable")
