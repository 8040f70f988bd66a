"""The team as plain rows: members and the revenue plans of a year."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..kinds import Role
from ..orm import Plan, User


@dataclass(frozen=True, slots=True)
class Member:
    id: int
    name: str
    role: str
    active: bool
    email: str | None


def team_members(session: Session) -> list[Member]:
    """Everyone, active first, by name."""
    q = select(User.id, User.name, User.role, User.active, User.email).order_by(User.active.desc(), User.name)
    return [Member(*r) for r in session.execute(q)]


def member(session: Session, user_id: int | None) -> Member | None:
    """One person (the one "I" am, a report's owner…), or None if there is no such person."""
    if user_id is None:
        return None
    row = session.execute(select(User.id, User.name, User.role, User.active, User.email)
                          .where(User.id == user_id)).first()
    return Member(*row) if row else None


def member_name(session: Session, user_id: int | None) -> str | None:
    """The name of a person, or None (nobody chosen, or the person is gone)."""
    found = member(session, user_id)
    return found.name if found else None


def head_of_sales(session: Session) -> int | None:
    """The active head of sales (who "I" am on a database this computer has not seen, and on a demo)."""
    return session.scalar(select(User.id).where(User.role == "head_of_sales", User.active.is_(True))
                          .order_by(User.id).limit(1))


def active_users(session: Session) -> list[tuple[int, str, str]]:
    """``(id, name, role)`` of every active member, by name."""
    return [tuple(r) for r in session.execute(
        select(User.id, User.name, User.role).where(User.active.is_(True)).order_by(User.name))]


def may_edit_team(session: Session, user_id: int | None) -> bool:
    """The head of sales owns team settings; with no active head, anyone may set the team up."""
    heads = set(session.scalars(select(User.id).where(User.role == Role.HEAD_OF_SALES, User.active.is_(True))))
    return not heads or user_id in heads


def plans_of_year(session: Session, year: int) -> dict[tuple[int | None, int | None], int]:
    """Plans of ``year`` in minor units keyed ``(user_id or None, month or None)``."""
    q = select(Plan.user_id, Plan.month, Plan.amount_minor).where(Plan.year == year)
    return {(u, m): a for u, m, a in session.execute(q)}
