"""The databases this computer opened lately (QSettings ``databases/recent``, newest first)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "databases/recent"
LAST = "databases/last"
KEEP = 8


def recent_databases(settings: QSettings) -> list[str]:
    """Recently opened locations that still exist (server URLs are always kept)."""
    value = settings.value(KEY) or []
    items = [value] if isinstance(value, str) else list(value)
    return [loc for loc in items if "://" in loc or Path(loc).exists()]


def remember_database(settings: QSettings, location: str) -> None:
    """Put ``location`` first in the recent list and open it at the next start."""
    items = [loc for loc in recent_databases(settings) if loc != location]
    settings.setValue(KEY, [location, *items][:KEEP])
    settings.setValue(LAST, location)


def last_database(settings: QSettings) -> str | None:
    """The database open when the app last ran, if it is still there."""
    location = settings.value(LAST)
    if not location:
        return None
    return location if "://" in location or Path(location).exists() else None
