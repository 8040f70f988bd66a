"""The precondition of every move, win, loss and reopen: the deal as it is now, locked.

``lock_deal`` reads the deal and the time of its latest event in ONE query, locking the
row on PostgreSQL (``FOR UPDATE``; on SQLite the write transaction holds the lock since
``BEGIN IMMEDIATE``). ``expect`` refuses the action with ``DealChanged`` — naming who
changed what and when, from the event log — when the deal is no longer as the user saw
it (``SeenDeal``: the stage and status on the screen) or its status does not allow it.
``event_time`` keeps a deal's event times in the order of their ids, even when another
laptop's clock is behind.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from .. import errors
from ..clock import local_now
from ..orm import Deal, DealEvent, DealStatus, EventKind, Stage, User

STATUS_KINDS = (EventKind.STAGE, EventKind.WON, EventKind.LOST, EventKind.REOPENED)


@dataclass(frozen=True)
class SeenDeal:
    """What the user saw of a deal when they acted on it."""

    stage_id: int
    status: str = DealStatus.OPEN
    owner_id: int | None = None
    owner_seen: bool = False  # whether ``owner_id`` is the owner the screen showed (a reassignment checks it)


Seen = Mapping[int, SeenDeal]


@dataclass
class LockedDeal:
    deal: Deal
    last_event_at: datetime | None


def _lock_statement() -> Select:
    last = (select(func.max(DealEvent.at)).where(DealEvent.deal_id == Deal.id)
            .correlate(Deal).scalar_subquery())
    return (select(Deal, last).where(Deal.id == bindparam("deal_id")).with_for_update(of=Deal)
            .execution_options(populate_existing=True))


# built once: constructing the statement took three times longer than running it (every move)
_LOCK_DEAL = _lock_statement()


def lock_deal(session: Session, deal_id: int) -> LockedDeal:
    """The deal as it is now, locked until the transaction ends (``NotFound`` if gone)."""
    row = session.execute(_LOCK_DEAL, {"deal_id": deal_id}).first()
    if row is None:
        raise errors.NotFound("deal", deal_id)
    return LockedDeal(row[0], row[1])


def event_time(locked: LockedDeal, at: datetime | None) -> datetime:
    """``at`` if given, else now — never before the deal's latest event."""
    if at is not None:
        return at
    now = local_now()
    return max(now, locked.last_event_at) if locked.last_event_at else now


def last_change(session: Session, deal_id: int) -> errors.DealChange | None:
    """The deal's latest stage or status event: who, what, when (for a refusal)."""
    row = session.execute(
        select(DealEvent.kind, User.name, DealEvent.at, Stage.name_ru, Stage.name_en)
        .outerjoin(User, User.id == DealEvent.user_id).outerjoin(Stage, Stage.id == DealEvent.stage_id)
        .where(DealEvent.deal_id == deal_id, DealEvent.kind.in_([k.value for k in STATUS_KINDS]))
        .order_by(DealEvent.id.desc()).limit(1)).first()
    return errors.DealChange(*row) if row else None


def last_owner_change(session: Session, deal_id: int) -> errors.DealChange | None:
    """The deal's latest owner event: who gave it to whom, when (for a refusal)."""
    owner = aliased(User)
    row = session.execute(
        select(DealEvent.kind, User.name, DealEvent.at, owner.name)
        .outerjoin(User, User.id == DealEvent.user_id).outerjoin(owner, owner.id == DealEvent.owner_id)
        .where(DealEvent.deal_id == deal_id, DealEvent.kind == EventKind.OWNER.value)
        .order_by(DealEvent.id.desc()).limit(1)).first()
    return errors.DealChange(row[0], row[1], row[2], owner_name=row[3]) if row else None


def expect_owner(session: Session, deal: Deal, seen: SeenDeal | None) -> None:
    """For a reassignment: refuse when someone else gave the deal to another owner since the
    screen showed it (``seen.owner_seen``)."""
    if seen is not None and seen.owner_seen and deal.owner_id != seen.owner_id:
        raise errors.DealChanged(deal.id, last_owner_change(session, deal.id))


def refuse(session: Session, deal: Deal) -> errors.DealChanged:
    return errors.DealChanged(deal.id, last_change(session, deal.id))


def expect(session: Session, deal: Deal, seen: SeenDeal | None, *, status: str | None = DealStatus.OPEN) -> None:
    """Refuse unless the deal is as ``seen`` and (when given) has ``status``."""
    if seen is not None and (deal.stage_id != seen.stage_id or deal.status != seen.status):
        raise refuse(session, deal)
    if status is not None and deal.status != status:
        raise refuse(session, deal)


def expect_closed(session: Session, deal: Deal, seen: SeenDeal | None) -> None:
    """For a reopen: refuse unless the deal is won or lost (and as ``seen``)."""
    expect(session, deal, seen, status=None)
    if deal.status == DealStatus.OPEN:
        raise refuse(session, deal)
