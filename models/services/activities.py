"""Log sales actions (call, email, message, meeting) and notes."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..orm import Activity, ActivityType


def log_activity(
    session: Session, *, type: str, user_id: int | None, deal_id: int | None = None,
    contact_id: int | None = None, outcome: str | None = None, text: str | None = None,
    at: datetime | None = None,
) -> Changes:
    """Record one activity; ``note`` is kept but is not a sales action."""
    try:
        kind = ActivityType(type)
    except ValueError as exc:
        raise errors.InvalidValue("type", f"{type!r} is not call, email, message, meeting or note") from exc
    act = Activity(type=kind, user_id=user_id, deal_id=deal_id, contact_id=contact_id,
                   outcome=outcome or None, text=text or None, at=at or local_now())
    session.add(act)
    session.flush()
    return Changes(activities={act.id}, deals={deal_id} if deal_id else set(), created=[act.id])


def delete_activity(session: Session, activity_id: int) -> Changes:
    """Remove an activity (the undo of logging it)."""
    act = session.get(Activity, activity_id)
    if act is None:
        raise errors.NotFound("activity", activity_id)
    deal_id = act.deal_id
    session.delete(act)
    return Changes(activities={activity_id}, deals={deal_id} if deal_id else set())
