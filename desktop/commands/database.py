"""The database of a sub-command: opened, or created with the default funnel when it does
not exist (spec/exchange.md), and removed again if the command that created it fails,
so a failing command leaves nothing behind."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.db import Database, open_database, to_url


def _new_sqlite_file(location: str) -> Path | None:
    """The file path if ``location`` is an SQLite file that does not exist yet."""
    url = to_url(location)
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return None if path.exists() else path


@contextmanager
def command_database(location: str) -> Iterator[Database]:
    """Open ``location`` for one command; a file it created goes again if the command fails."""
    created = _new_sqlite_file(location)
    db = open_database(location)
    ok = False
    try:
        yield db
        ok = True
    finally:
        db.close()
        if not ok and created is not None:
            for suffix in ("", "-wal", "-shm"):
                created.with_name(created.name + suffix).unlink(missing_ok=True)
