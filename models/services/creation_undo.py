"""Undo of "create a deal": the deal a user just made disappears without a trace.

A deal's creation writes its entry (and owner) events, so undoing it is the undo of those
events plus the deal row — the same rule as undoing a move (``undo_events``): only the
user who made it, and only while nothing else has happened to the deal. Decisions:

- Refused (``NothingToUndo``) once the deal has other events, activities or tasks: those
  are someone's work, and undo never deletes work silently.
- A company created together with the deal (the board's quick-create) goes with it, but
  only while it has no other deal and no contact.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import Activity, Company, Contact, Deal, DealEvent, Task
from .deals import undo_events
from .lookup import get_or_raise
from .record_fields import delete_custom_values


def _count(session: Session, model, *where) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def discard_created_deal(session: Session, deal_id: int, event_ids: Iterable[int], *, user_id: int | None,
                         company_id: int | None = None) -> Changes:
    """Delete the deal ``user_id`` just created (its creation events are ``event_ids``)
    and, if given, the company created with it."""
    deal = get_or_raise(session, Deal, deal_id, "deal")
    mine = set(event_ids)
    others = _count(session, DealEvent, DealEvent.deal_id == deal_id, DealEvent.id.not_in(mine))
    work = _count(session, Activity, Activity.deal_id == deal_id) + _count(session, Task, Task.deal_id == deal_id)
    if others or work:
        raise errors.NothingToUndo("The deal has been worked on since it was created; it is kept.")
    changes = undo_events(session, mine, user_id=user_id)
    delete_custom_values(session, "deal", deal_id)  # never left for a reused id
    session.delete(deal)
    session.flush()
    changes.deals.add(deal_id)
    if company_id is not None:
        company = get_or_raise(session, Company, company_id, "company")
        if not _count(session, Deal, Deal.company_id == company_id) and \
                not _count(session, Contact, Contact.company_id == company_id):
            delete_custom_values(session, "company", company_id)
            session.delete(company)
            session.flush()
            changes.companies.add(company_id)
    return changes
