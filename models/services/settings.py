"""Settings kept in the database: team-wide (``user_id`` None) or one user's (JSON values)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..orm import Setting
from ..queries.settings import get_setting  # noqa: F401 (read and written side by side)


def set_setting(session: Session, key: str, value: Any, user_id: int | None = None) -> Changes:
    row = session.scalar(
        select(Setting).where(Setting.key == key, Setting.user_id.is_(None) if user_id is None
                              else Setting.user_id == user_id)
    )
    if row is None:
        session.add(Setting(key=key, value=value, user_id=user_id))
    else:
        row.value = value
    return Changes(settings=True)
