"""The database of a sub-command: opened, or — for a command that writes (demo, import) —
created with the default funnel when it does not exist and removed again if the command
that created it fails, so a failing command leaves nothing behind. A command that only
reads refuses a missing file (spec/exchange.md, second edition). What the user should
know while it opens (a file on a network share, a server migrated without a backup) is
one line on stderr."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from voronka.models.db import Database, open_database, to_url
from voronka.models.notices import Notice


def say_notice(notice: Notice) -> None:
    """Print a notice of ``open_database`` as one line on stderr."""
    print(f"voronka: {notice.message}", file=sys.stderr, flush=True)


def _new_sqlite_file(location: str) -> Path | None:
    """The file path if ``location`` is an SQLite file that does not exist yet."""
    url = to_url(location)
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return None if path.exists() else path


@contextmanager
def command_database(location: str, *, create: bool = True) -> Iterator[Database]:
    """Open ``location`` for one command; a file it created goes again if the command fails.

    With ``create`` false (commands that only read) a missing file is ``DatabaseMissing``.
    """
    created = _new_sqlite_file(location) if create else None
    db = open_database(location, create=create, notify=say_notice)
    ok = False
    try:
        yield db
        ok = True
    finally:
        db.close()
        if not ok and created is not None:
            for suffix in ("", "-wal", "-shm"):
                created.with_name(created.name + suffix).unlink(missing_ok=True)
