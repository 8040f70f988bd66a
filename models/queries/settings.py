"""Reading a setting (team-wide, or one person's); ``services.settings`` writes them."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..orm import Setting


def get_setting(session: Session, key: str, default: Any = None, user_id: int | None = None) -> Any:
    """The value of ``key`` (the team's, or ``user_id``'s own), else ``default``."""
    value = session.scalar(
        select(Setting.value).where(Setting.key == key, Setting.user_id.is_(None) if user_id is None
                                    else Setting.user_id == user_id)
    )
    return default if value is None else value


def team_settings(session: Session) -> dict[str, Any]:
    """Every team-wide setting that has a value, by key (one query)."""
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.user_id.is_(None)))
    return {key: value for key, value in rows if value is not None}
