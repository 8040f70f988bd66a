"""Local time of the team: every stored time is naive, in the team's time zone."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_team_zone: ZoneInfo | None = None
_fixed_now: datetime | None = None


def set_team_time_zone(name: str | None) -> None:
    """Set the team time zone (IANA name); None means the computer's own."""
    global _team_zone
    try:
        _team_zone = ZoneInfo(name) if name else None
    except ZoneInfoNotFoundError:
        _team_zone = None


def fix_clock(moment: datetime | None) -> None:
    """Stop ``local_now`` at ``moment`` (naive, team time), so a rendering made twice is the
    same picture (``packaging/screenshots.py``); None lets the clock run again."""
    global _fixed_now
    _fixed_now = moment.replace(tzinfo=None, microsecond=0) if moment is not None else None


def local_now() -> datetime:
    """Now, as a naive datetime in the team's time zone, to the second."""
    if _fixed_now is not None:
        return _fixed_now
    now = datetime.now(_team_zone) if _team_zone else datetime.now()
    return now.replace(tzinfo=None, microsecond=0)
