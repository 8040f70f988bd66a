"""Copy an SQLite database file safely, and put a copy back in place of a database.

Shared by the pre-migration backup (``models.db``) and the user's backups (File → Back up
now / Restore):

- ``copy_database(source, target)`` makes a consistent copy with SQLite's online backup
  (it sees what is still in the ``-wal`` file), writes it under a temporary name beside
  ``target``, flushes it to disk and only then renames it to ``target``: a copy killed
  half-way never leaves a short or empty file under the final name.
- ``restore_database(backup, target)`` replaces ``target`` with a checked copy of
  ``backup``. The database being replaced is set aside together with its ``-wal``/``-shm``
  files (never deleted), so its old write-ahead log can never be replayed onto the
  restored file. The caller closes its own connections first; another program that still
  has the database open makes the restore refuse (``DatabaseLocked``).
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from . import errors

SIDE_FILES = ("-wal", "-shm", "-journal")
PARTIAL_SUFFIX = ".part"
STALE_PART_S = 3600.0


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_parts(source: Path, folder: Path, older_than_s: float = STALE_PART_S) -> None:
    """Delete temporary copies of ``source`` left in ``folder`` by a copy that was killed."""
    now = time.time()
    for part in folder.glob(f".{source.name}.*{PARTIAL_SUFFIX}"):
        try:
            if now - part.stat().st_mtime > older_than_s:
                part.unlink()
        except OSError:
            pass


def write_copy(source: str | os.PathLike[str], folder: str | os.PathLike[str]) -> Path:
    """Copy the database ``source`` to a new hidden temporary file in ``folder``, on disk.

    The caller renames it into place (``os.replace``) or deletes it. Temporary copies a
    killed copy left behind more than an hour ago are removed first.
    """
    source, folder = Path(source), Path(folder)
    remove_stale_parts(source, folder)
    fd, name = tempfile.mkstemp(prefix=f".{source.name}.", suffix=PARTIAL_SUFFIX, dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        src = sqlite3.connect(source, timeout=5)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)  # consistent even with a WAL file beside the source
            finally:
                dst.close()
        finally:
            src.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def copy_database(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy the database ``source`` to ``target`` (replacing it) so ``target`` is complete or absent."""
    target = Path(target)
    tmp = write_copy(source, target.parent)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)
    return target


# header bytes that change without the data changing: the journal mode (18-19), the change
# counter (24-27) and the SQLite version that last wrote the file (92-99)
_VOLATILE_HEADER = ((18, 20), (24, 28), (92, 100))


def same_content(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two database files (closed, without WAL) hold the same pages, header counters aside."""
    with open(a, "rb") as fa, open(b, "rb") as fb:
        head_a, head_b = bytearray(fa.read(100)), bytearray(fb.read(100))
        for start, end in _VOLATILE_HEADER:
            head_a[start:end] = head_b[start:end] = bytes(end - start)
        if head_a != head_b:
            return False
        while True:
            chunk_a, chunk_b = fa.read(1 << 20), fb.read(1 << 20)
            if chunk_a != chunk_b:
                return False
            if not chunk_a:
                return True


def check_copy(path: str | os.PathLike[str], location: str | None = None) -> None:
    """Raise ``NotADatabase`` or ``DatabaseCorrupt`` unless ``path`` is a sound SQLite file."""
    path = Path(path)
    location = location or str(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise errors.DatabaseUnreachable(location, exc.strerror or str(exc)) from exc
    if header != b"SQLite format 3\x00":
        raise errors.NotADatabase(location)
    try:
        con = sqlite3.connect(path)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise errors.DatabaseCorrupt(location) from exc
    if not result or result[0] != "ok":
        raise errors.DatabaseCorrupt(location)


def _set_aside(target: Path) -> Path | None:
    """Move ``target`` and its side files to ``<stem>.replaced-<time><suffix>``; None if absent.

    A healthy database is first checkpointed into its main file and taken out of WAL mode,
    which SQLite allows only when no other connection has it open.
    """
    if not target.exists():
        return None
    try:
        con = sqlite3.connect(target, timeout=1)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise errors.DatabaseLocked(str(target)) from exc
        mode = "damaged"
    except sqlite3.DatabaseError:
        mode = "damaged"  # a damaged file is set aside as it is, with its side files
    if mode == "wal":
        raise errors.DatabaseLocked(str(target))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.stem}.replaced-{stamp}{target.suffix}")
    n = 1
    while aside.exists():
        aside = target.with_name(f"{target.stem}.replaced-{stamp}-{n}{target.suffix}")
        n += 1
    os.replace(target, aside)
    for side in SIDE_FILES:
        extra = target.with_name(target.name + side)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + side))
    return aside


def restore_database(backup: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path | None:
    """Put a copy of ``backup`` in place of the (closed) database ``target``.

    Returns where the replaced database was kept, or None when there was none. Refuses
    with ``NotADatabase``/``DatabaseCorrupt`` for a bad backup and ``DatabaseLocked`` when
    another program has ``target`` open; in each case nothing is changed.
    """
    backup, target = Path(backup), Path(target)
    check_copy(backup)
    tmp = write_copy(backup, target.parent)
    try:
        check_copy(tmp, str(backup))
        aside = _set_aside(target)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)
    return aside
