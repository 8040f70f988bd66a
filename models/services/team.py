"""The team: members and roles, revenue plans, team currency and time zone.

Decisions where the spec is silent:
- A member is never deleted (events and plans keep pointing at them): they are made
  inactive, which hides them from pickers but keeps them in history and reports.
- A plan of 0 or empty removes that plan; the annual plan and monthly plans are
  independent rows (the metrics read whichever they need).
- The currency is a 3-letter ISO code; the time zone an IANA name (``Europe/Moscow``).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..money import to_minor
from ..orm import Plan, Role, User
from .lookup import get_or_raise
from .settings import set_setting

CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UZS", "AMD", "GEL", "KGS", "CNY", "AED", "TRY", "GBP")


def _clean_name(session: Session, name: str, user_id: int | None = None) -> str:
    text = re.sub(r"\s+", " ", name or "").strip()
    if not text:
        raise errors.InvalidValue("name", "cannot be empty")
    clash = session.scalar(select(User.id).where(User.name == text))
    if clash is not None and clash != user_id:
        raise errors.InvalidValue("name", f"{text!r} is already in the team")
    return text


def _clean_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError as exc:
        raise errors.InvalidValue("role", f"{role!r} is not a role") from exc


def add_user(session: Session, *, name: str, role: str = Role.SDR, email: str | None = None) -> Changes:
    """Add a team member (active)."""
    user = User(name=_clean_name(session, name), role=_clean_role(role), active=True,
                email=(email or "").strip() or None, created_at=local_now())
    session.add(user)
    session.flush()
    return Changes(users=True, created=[user.id])


def update_user(session: Session, user_id: int, *, name: str | None = None, role: str | None = None,
                active: bool | None = None) -> Changes:
    """Rename a member, change their role, or make them (in)active."""
    user = get_or_raise(session, User, user_id, "user")
    if name is not None:
        user.name = _clean_name(session, name, user_id)
    if role is not None:
        user.role = _clean_role(role)
    if active is not None:
        user.active = bool(active)
    return Changes(users=True)


def set_plan(session: Session, *, year: int, month: int | None, user_id: int | None,
             amount: Decimal | int | str | None) -> Changes:
    """Set the revenue plan of a year (``month`` None) or month, for the team (``user_id`` None) or one member."""
    if not 2000 <= int(year) <= 2100:
        raise errors.InvalidValue("year", "is not a year")
    if month is not None and not 1 <= month <= 12:
        raise errors.InvalidValue("month", "is not a month (1-12)")
    if user_id is not None:
        get_or_raise(session, User, user_id, "user")
    try:
        minor = to_minor(amount)
    except ValueError as exc:
        raise errors.InvalidValue("plan", "is not an amount") from exc
    if minor is not None and minor < 0:
        raise errors.InvalidValue("plan", "cannot be negative")
    row = session.scalar(select(Plan).where(
        Plan.year == year, Plan.month.is_(None) if month is None else Plan.month == month,
        Plan.user_id.is_(None) if user_id is None else Plan.user_id == user_id))
    if not minor:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Plan(year=year, month=month, user_id=user_id, amount_minor=minor))
    else:
        row.amount_minor = minor
    return Changes(plans=True)


def set_team_currency(session: Session, code: str) -> Changes:
    text = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise errors.InvalidValue("currency", "is a 3-letter code such as RUB")
    return set_setting(session, "team.currency", text)


def set_team_time_zone(session: Session, name: str) -> Changes:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise errors.InvalidValue("time_zone", f"{name!r} is not a time zone") from exc
    return set_setting(session, "team.time_zone", name)


WON_COPY_SETTING = "board.won_copy_to_success"
WON_COPY_MODES = ("ask", "always", "never")  # ask (the default) when a deal is won on the board


def set_won_copy_mode(session: Session, mode: str) -> Changes:
    """Whether a deal won on the board is copied into Client Success: ask, always or never."""
    if mode not in WON_COPY_MODES:
        raise errors.InvalidValue("won_copy", f"is one of {', '.join(WON_COPY_MODES)}")
    return set_setting(session, WON_COPY_SETTING, mode)


def remove_new_user(session: Session, user_id: int) -> Changes:
    """Delete a member nothing refers to yet (the undo of adding them); others are made inactive."""
    from sqlalchemy import func, or_

    from ..orm import Activity, Deal, DealEvent, Setting, Task

    user = get_or_raise(session, User, user_id, "user")
    checks = [
        select(func.count()).select_from(Deal).where(Deal.owner_id == user_id),
        select(func.count()).select_from(DealEvent).where(or_(DealEvent.user_id == user_id,
                                                              DealEvent.owner_id == user_id)),
        select(func.count()).select_from(Activity).where(Activity.user_id == user_id),
        select(func.count()).select_from(Task).where(Task.assignee_id == user_id),
        select(func.count()).select_from(Plan).where(Plan.user_id == user_id),
    ]
    if any(session.scalar(q) for q in checks):
        raise errors.InvalidTransition("This member already has deals, tasks or history; make them inactive instead.")
    session.execute(Setting.__table__.delete().where(Setting.user_id == user_id))
    session.delete(user)
    return Changes(users=True)


# --- what an undo of a team setting checks (the row as the action left it) -------------------------
def member_state(session: Session, user_id: int) -> dict[str, Any] | None:
    """A member's name, role and active flag now, locked against other writers (None: gone)."""
    user = session.get(User, user_id, with_for_update=True, populate_existing=True)
    return None if user is None else {"name": user.name, "role": user.role, "active": bool(user.active)}


def plan_state(session: Session, *, year: int, month: int | None, user_id: int | None) -> int | None:
    """The plan's amount in minor units now (None: no plan), locked against other writers."""
    return session.scalar(select(Plan.amount_minor).where(
        Plan.year == year, Plan.month.is_(None) if month is None else Plan.month == month,
        Plan.user_id.is_(None) if user_id is None else Plan.user_id == user_id).with_for_update())


def team_setting_state(session: Session, key: str) -> Any:
    """A team setting's value now (None: not set), locked against other writers."""
    from ..orm import Setting

    return session.scalar(select(Setting.value).where(Setting.key == key, Setting.user_id.is_(None))
                          .with_for_update())
