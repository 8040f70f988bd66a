"""Board actions on several deals at once, each in ONE transaction (one refused deal
means none changes): lose, win (optionally copying into Client Success), reopen and
reassign, quick-create, and the undo that also removes the copies a win made.

Decisions where the spec is silent:
- The Client Success copy starts in the first stage of the first ``success`` pipeline,
  with the original's name, company, amount, owner, source, segment and cohort; its
  history starts there (the sales history stays with the original).
- Undoing a win also deletes the copies it created, by the rule of undoing any deal's
  creation (``creation_undo``): only while nobody has worked on them (no other event,
  activity or task).
- "Reassign" of a lost deal reopens it at the stage it was lost at under the new owner:
  the point of handing it over is that someone works it again.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import Deal, DealEvent, Pipeline, PipelineKind
from .deals import change_owner, create_deal, lose_deal, reopen_deal, undo_events, update_deal, win_deal
from .creation_undo import discard_created_deal
from .deal_guard import Seen
from .lookup import get_or_raise
from .recreate import CreatedRecords, discard_created
from .undo_guard import require_values


def lose_deals(
    session: Session, deal_ids: Iterable[int], *, reason_id: int | None, user_id: int | None,
    comment: str | None = None, at: datetime | None = None, seen: Seen | None = None,
) -> Changes:
    """Lose every deal with the same reason and comment (``seen``: deal id → what the
    screen showed; a deal changed since refuses them all)."""
    changes = Changes()
    for deal_id in deal_ids:
        changes.merge(lose_deal(session, deal_id, reason_id=reason_id, user_id=user_id, comment=comment, at=at,
                                seen=(seen or {}).get(deal_id)))
    return changes


def client_success_key(session: Session) -> str | None:
    return session.scalar(select(Pipeline.key).where(Pipeline.kind == PipelineKind.SUCCESS)
                          .order_by(Pipeline.position, Pipeline.id))


def copy_to_client_success(session: Session, deal_id: int, *, user_id: int | None,
                           at: datetime | None = None) -> Changes:
    """Copy a deal into the Client Success pipeline, linked by ``origin_deal_id``."""
    deal = get_or_raise(session, Deal, deal_id, "deal")
    key = client_success_key(session)
    if key is None:
        raise errors.NotFound("pipeline", "Client Success")
    return create_deal(
        session, name=deal.name, user_id=user_id, owner_id=deal.owner_id, pipeline_key=key,
        company_id=deal.company_id, amount=None if deal.amount_minor is None else Decimal(deal.amount_minor) / 100,
        currency=deal.currency, source=deal.source, segment=deal.segment, cohort=deal.cohort,
        origin_deal_id=deal.id, at=at,
    )


def win_deals(
    session: Session, deal_ids: Iterable[int], *, user_id: int | None, copy_to_success: bool = False,
    values: Mapping[int, Mapping[str, Any]] | None = None, at: datetime | None = None,
    seen: Seen | None = None,
) -> Changes:
    """Win every deal (``values``: deal id → the won stage's required fields); copy each
    into Client Success when asked. ``Changes.created`` lists the copies."""
    changes = Changes()
    for deal_id in deal_ids:
        changes.merge(win_deal(session, deal_id, user_id=user_id, values=(values or {}).get(deal_id), at=at,
                               seen=(seen or {}).get(deal_id)))
        if copy_to_success:
            won_at = get_or_raise(session, Deal, deal_id, "deal").closed_at
            changes.merge(copy_to_client_success(session, deal_id, user_id=user_id, at=at or won_at))
    return changes


def undo_with_copies(session: Session, event_ids: Iterable[int], created_deal_ids: Iterable[int], *,
                     user_id: int | None, restore: Mapping[int, Mapping[str, Any]] | None = None,
                     left: Mapping[int, Mapping[str, Any]] | None = None,
                     copy_rows: CreatedRecords | None = None) -> Changes:
    """Undo a board action: remove its events (``undo_events``) and the deals it created,
    and put back the fields its "required to enter" forms filled (``restore``: deal id →
    the values before, as ``deal_values`` read them) — only while they still hold what
    the action left (``left``: deal id → those values as the card shows them). ``copy_rows``:
    the Client Success copies as the win left them — each goes only while still so."""
    for deal_id, values in (left or {}).items():
        require_values(session, "deal", get_or_raise(session, Deal, deal_id, "deal"), values)
    ids, copies = set(event_ids), list(created_deal_ids)
    by_copy: dict[int, set[int]] = {deal_id: set() for deal_id in copies}
    if copies:
        for eid, deal_id in session.execute(select(DealEvent.id, DealEvent.deal_id).where(
                DealEvent.id.in_(ids), DealEvent.deal_id.in_(copies))):
            by_copy[deal_id].add(eid)
    changes = undo_events(session, ids - set().union(*by_copy.values()), user_id=user_id)
    for deal_id, before in (restore or {}).items():
        changes.merge(update_deal(session, deal_id, before))
    if copy_rows is not None:  # the same rule as undoing any creation, rows and all
        changes.merge(discard_created(session, copy_rows))
        by_copy = {}
    for deal_id, creation in by_copy.items():
        changes.merge(discard_created_deal(session, deal_id, creation, user_id=user_id))
    session.flush()
    return changes


def reopen_deals(
    session: Session, deal_ids: Iterable[int], *, user_id: int | None, stage: str | int | None = None,
    owner_id: int | None = None, at: datetime | None = None, seen: Seen | None = None,
) -> Changes:
    """Reopen lost (or won) deals — into ``stage`` if given — and hand them to ``owner_id`` if given."""
    ids = list(deal_ids)
    changes = Changes()
    for deal_id in ids:
        changes.merge(reopen_deal(session, deal_id, user_id=user_id, stage=stage, at=at,
                                  seen=(seen or {}).get(deal_id)))
    if owner_id is not None:
        changes.merge(change_owner(session, ids, owner_id, user_id=user_id, at=at))
    return changes


def quick_create_deal(
    session: Session, *, pipeline_key: str, stage_key: str, user_id: int | None, name: str | None = None,
    company_id: int | None = None, new_company: Mapping[str, Any] | None = None,
    amount: Decimal | str | None = None,
) -> Changes:
    """Create a deal at the top of a board column; ``new_company`` (card values, ``name``
    required) creates its company in the same transaction."""
    changes = Changes()
    if new_company is not None:
        from .companies import create_company

        made = create_company(session, new_company)
        company_id = made.created[0]
        changes.merge(made)
    deal = create_deal(session, name=name, user_id=user_id, pipeline_key=pipeline_key, stage_key=stage_key,
                       company_id=company_id, amount=amount or None)
    changes.created.clear()
    return changes.merge(deal)
