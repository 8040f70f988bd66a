"""Back up a PostgreSQL database with ``pg_dump`` before its schema is migrated.

One dump per database and schema revision (``<database>-before-<revision>.dump``,
custom format, restore with ``pg_restore``), written under a temporary name and renamed
when pg_dump has finished, so repeated attempts replace it instead of piling up. Without
pg_dump, or when it fails, the caller is told that no backup was made and how to make
one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from . import notices

DUMP_TIMEOUT_S = 1800


def libpq_url(url: str, *, hide_password: bool = False) -> str:
    """The SQLAlchemy URL as a libpq connection URI (``postgresql://…``) for pg_dump."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=hide_password)


def default_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Voronka", appauthor=False) / "server-backups"


def back_up_server(url: str, location: str, revision: str, folder: Path | None,
                   say: Callable[[notices.Notice], None]) -> Path | None:
    """Dump the database at ``url`` before migrating it from ``revision``; the dump's path or None."""
    name = make_url(url).database or "voronka"
    folder = Path(folder) if folder is not None else default_folder()
    target = folder / f"{name}-before-{revision}.dump"
    suggestion = f"pg_dump --format=custom --file {target.name} '{libpq_url(url, hide_password=True)}'"
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        say(notices.ServerNotBackedUp(location, revision, suggestion))
        return None
    folder.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        done = subprocess.run([pg_dump, "--format=custom", "--file", str(tmp), "--dbname", libpq_url(url)],
                              capture_output=True, text=True, timeout=DUMP_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as exc:
        tmp.unlink(missing_ok=True)
        say(notices.ServerNotBackedUp(location, revision, suggestion, f"pg_dump failed: {exc}"))
        return None
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        first = (done.stderr or done.stdout or "").strip().splitlines()
        say(notices.ServerNotBackedUp(location, revision, suggestion,
                                      "pg_dump failed: " + (first[0] if first else f"exit {done.returncode}")))
        return None
    os.replace(tmp, target)
    say(notices.ServerBackedUp(location, str(target)))
    return target
