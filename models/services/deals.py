"""Deal services: create, move, win, lose, reopen, change owner, edit, undo.

Every function writes the deal's events and keeps its current-state columns in
step, in the caller's transaction, and returns ``Changes``. Nothing in the event
log is updated; ``undo_events`` deletes only the latest events of a deal made by
the same user, then rebuilds the deal's state from what remains.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..deal_names import suggest_deal_name  # noqa: F401 (services.deals.suggest_deal_name, as before)
from ..guards import acting, touch
from ..money import from_minor, to_minor
from ..orm import Company, Deal, DealEvent, DealStatus, EventKind, LostReason, Pipeline, Stage, User
from .deal_guard import LockedDeal, Seen, SeenDeal, event_time, expect, expect_closed, expect_owner, lock_deal
from .lookup import get_or_raise, pipeline_by_key, stage_ref
from .replay import replay_deal
from .requirements import missing_fields
from .undo_guard import require_latest_events

EDITABLE_FIELDS = {
    "name", "company_id", "amount", "currency", "source", "segment", "cohort",
    "expected_close", "notes", "name_is_manual",
}


def _event(session: Session, deal: Deal, kind: EventKind, at: datetime, user_id: int | None, **kw: Any) -> DealEvent:
    ev = DealEvent(deal_id=deal.id, kind=kind, at=at, user_id=user_id, **kw)
    session.add(ev)
    return ev


def _apply_fields(session: Session, deal: Deal, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key.startswith("custom:"):
            from .custom_values import set_custom_value

            set_custom_value(session, "deal", deal.id, key.removeprefix("custom:"), value)
            touch(deal)
            continue
        if key not in EDITABLE_FIELDS:
            raise errors.InvalidValue(key, "is not a deal field that can be edited")
        if key == "amount":
            try:
                minor = to_minor(value)
            except ValueError as exc:
                raise errors.InvalidValue("amount", str(exc)) from exc
            if minor is not None and minor < 0:
                raise errors.InvalidValue("amount", "cannot be negative")
            deal.amount_minor = minor
        elif key == "expected_close" and isinstance(value, str):
            try:
                deal.expected_close = date.fromisoformat(value) if value else None
            except ValueError as exc:
                raise errors.InvalidValue("expected_close", "is not a date (YYYY-MM-DD)") from exc
        elif key == "name":
            text = (value or "").strip()
            if not text:
                raise errors.InvalidValue("name", "cannot be empty")
            deal.name = text
        else:
            setattr(deal, key, value)
    if "company_id" in values and "name" not in values and not deal.name_is_manual:
        _sync_name(session, deal)


def deal_values(session: Session, deal_id: int, keys: Iterable[str]) -> dict[str, Any]:
    """The current values of ``keys`` (as ``update_deal`` takes them): what an undo of a
    form that filled them puts back."""
    deal = get_or_raise(session, Deal, deal_id, "deal")
    out: dict[str, Any] = {}
    for key in keys:
        if key.startswith("custom:"):
            from .custom_values import field_by_key
            from .record_fields import custom_texts

            field = field_by_key(session, "deal", key.removeprefix("custom:"))
            out[key] = custom_texts(session, "deal", deal_id).get(field.id)
        elif key == "amount":
            out[key] = None if deal.amount_minor is None else from_minor(deal.amount_minor)
        elif key in EDITABLE_FIELDS:
            out[key] = getattr(deal, key)
        else:
            raise errors.InvalidValue(key, "is not a deal field that can be edited")
    return out


def _sync_name(session: Session, deal: Deal) -> None:
    """Keep a convention-named deal's name in step with its (new) company."""
    suggested = suggest_deal_name(session.get(Company, deal.company_id) if deal.company_id else None)
    if suggested:
        deal.name = suggested


def first_open_stage(pipeline: Pipeline) -> Stage:
    """The first stage that takes new deals (archived ones do not)."""
    return next((s for s in pipeline.stages if not s.archived), pipeline.stages[0])


def create_deal(
    session: Session,
    *,
    name: str | None = None,
    user_id: int | None,
    owner_id: int | None = None,
    pipeline_key: str = "sales",
    stage_key: str | None = None,
    company_id: int | None = None,
    amount: Decimal | int | str | None = None,
    currency: str = "RUB",
    source: str | None = None,
    segment: str | None = None,
    cohort: str | None = None,
    expected_close: date | None = None,
    origin_deal_id: int | None = None,
    at: datetime | None = None,
) -> Changes:
    """Create an open deal and write its entry event (and initial owner event).

    The name defaults to the ``{website} - {company}`` convention.
    """
    at = at or local_now()
    pipeline = pipeline_by_key(session, pipeline_key)
    stage = stage_ref(session, pipeline.id, stage_key) if stage_key else first_open_stage(pipeline)
    if stage.archived:
        raise errors.StageArchived(stage.name_en, stage.name_ru)
    company = session.get(Company, company_id) if company_id else None
    if company_id and company is None:
        raise errors.NotFound("company", company_id)
    manual = bool(name and name.strip())
    deal_name = (name or "").strip() or suggest_deal_name(company)
    if not deal_name:
        raise errors.InvalidValue("name", "cannot be empty")
    owner = owner_id if owner_id is not None else user_id
    if owner is not None:
        get_or_raise(session, User, owner, "user")
    deal = Deal(
        pipeline_id=pipeline.id, stage_id=stage.id, name=deal_name, name_is_manual=manual,
        company_id=company_id, currency=currency, owner_id=owner, source=source, segment=segment,
        cohort=cohort, created_at=at, expected_close=expected_close, status=DealStatus.OPEN,
        stage_entered_at=at, origin_deal_id=origin_deal_id,
    )
    _apply_fields(session, deal, {"amount": amount} if amount is not None else {})
    session.add(deal)
    session.flush()
    missing = missing_fields(session, deal, stage)
    if missing:
        raise errors.StageRequirementsMissing(deal.id, stage.key, stage.name_en, missing, stage.name_ru)
    changes = Changes(deals={deal.id}, created=[deal.id])
    entry = _event(session, deal, EventKind.STAGE, at, user_id, stage_id=stage.id)
    owner_ev = _event(session, deal, EventKind.OWNER, at, user_id, owner_id=owner) if owner else None
    if stage.won:
        won = _event(session, deal, EventKind.WON, at, user_id, stage_id=stage.id)
        deal.status, deal.closed_at = DealStatus.WON, at
    session.flush()
    changes.event_ids += [e.id for e in (entry, owner_ev) if e is not None]
    if stage.won:
        changes.event_ids.append(won.id)
    return changes


def update_deal(session: Session, deal_id: int, values: Mapping[str, Any]) -> Changes:
    """Edit a deal's fields (not its stage, status or owner: those have their own services)."""
    deal = get_or_raise(session, Deal, deal_id, "deal")
    _apply_fields(session, deal, values)
    return Changes(deals={deal.id})


def move_deal(
    session: Session,
    deal_id: int,
    stage: str | int,
    *,
    user_id: int | None,
    values: Mapping[str, Any] | None = None,
    at: datetime | None = None,
    seen: SeenDeal | None = None,
) -> Changes:
    """Move an open deal into ``stage`` (key or id) of its pipeline, writing the entry event.

    ``values`` fills deal fields in the same transaction (the "required to enter"
    form). Entering a won stage wins the deal. Raises ``StageRequirementsMissing``
    listing the empty required fields; nothing is written then. ``DealChanged`` when the
    deal is closed, or no longer as ``seen`` (what the user's screen showed).
    """
    return _move(session, lock_deal(session, deal_id), stage, user_id=user_id, values=values, at=at, seen=seen)


def _move(session: Session, locked: LockedDeal, stage: str | int, *, user_id: int | None,
          values: Mapping[str, Any] | None, at: datetime | None, seen: SeenDeal | None) -> Changes:
    deal = locked.deal
    expect(session, deal, seen)
    acting(session, user_id)
    target = stage_ref(session, deal.pipeline_id, stage)
    if values:
        _apply_fields(session, deal, values)
    if target.id == deal.stage_id:
        return Changes(deals={deal.id}) if values else Changes()
    if target.archived:
        raise errors.StageArchived(target.name_en, target.name_ru)
    missing = missing_fields(session, deal, target)
    if missing:
        raise errors.StageRequirementsMissing(deal.id, target.key, target.name_en, missing, target.name_ru)
    at = event_time(locked, at)
    changes = Changes(deals={deal.id})
    entry = _event(session, deal, EventKind.STAGE, at, user_id, stage_id=target.id)
    deal.stage_id, deal.stage_entered_at = target.id, at
    if not values and not target.won and deal.status == DealStatus.OPEN:
        changes.moved[deal.id] = (target.id, at)  # the board places the card without reading it again
    won = None
    if target.won:
        won = _event(session, deal, EventKind.WON, at, user_id, stage_id=target.id)
        deal.status, deal.closed_at = DealStatus.WON, at
    session.flush()
    changes.event_ids += [e.id for e in (entry, won) if e is not None]
    return changes


def move_deals(
    session: Session, deal_ids: Iterable[int], stage: str | int, *, user_id: int | None,
    values: Mapping[int, Mapping[str, Any]] | None = None, at: datetime | None = None,
    seen: Seen | None = None,
) -> Changes:
    """Move several deals in one transaction: if one is refused, none moves. ``values``
    fills each deal's fields (deal id → the "required to enter" form's values); ``seen``
    is what the screen showed of each (deal id → ``SeenDeal``)."""
    changes = Changes()
    for deal_id in deal_ids:
        locked = lock_deal(session, deal_id)
        target = stage if isinstance(stage, int) else stage_ref(session, locked.deal.pipeline_id, stage).id
        changes.merge(_move(session, locked, target, user_id=user_id, at=at,
                            values=(values or {}).get(deal_id), seen=(seen or {}).get(deal_id)))
    return changes


def won_stage(session: Session, pipeline_id: int) -> Stage | None:
    return session.scalar(select(Stage).where(Stage.pipeline_id == pipeline_id, Stage.won.is_(True)))


def win_deal(
    session: Session, deal_id: int, *, user_id: int | None, values: Mapping[str, Any] | None = None,
    at: datetime | None = None, seen: SeenDeal | None = None,
) -> Changes:
    """Win an open deal: it enters the pipeline's won stage (or, with none, only a won event).
    A deal is never won twice: a closed one is refused (``DealChanged``) until reopened."""
    locked = lock_deal(session, deal_id)
    deal = locked.deal
    expect(session, deal, seen)
    target = won_stage(session, deal.pipeline_id)
    if target is not None:
        return _move(session, locked, target.id, user_id=user_id, values=values, at=at, seen=None)
    acting(session, user_id)
    if values:
        _apply_fields(session, deal, values)
    at = event_time(locked, at)
    ev = _event(session, deal, EventKind.WON, at, user_id, stage_id=deal.stage_id)
    deal.status, deal.closed_at = DealStatus.WON, at
    session.flush()
    return Changes(deals={deal.id}, event_ids=[ev.id])


def lose_deal(
    session: Session, deal_id: int, *, reason_id: int | None, user_id: int | None,
    comment: str | None = None, at: datetime | None = None, seen: SeenDeal | None = None,
) -> Changes:
    """Lose an open deal at its current stage; a reason from the list is required."""
    if reason_id is None:
        raise errors.LostReasonRequired()
    get_or_raise(session, LostReason, reason_id, "lost reason")
    locked = lock_deal(session, deal_id)
    deal = locked.deal
    expect(session, deal, seen)
    acting(session, user_id)
    at = event_time(locked, at)
    ev = _event(
        session, deal, EventKind.LOST, at, user_id, stage_id=deal.stage_id,
        lost_reason_id=reason_id, comment=(comment or None),
    )
    deal.status, deal.closed_at = DealStatus.LOST, at
    deal.lost_reason_id, deal.lost_comment = reason_id, comment or None
    session.flush()
    return Changes(deals={deal.id}, event_ids=[ev.id])


def reopen_deal(
    session: Session, deal_id: int, *, user_id: int | None, stage: str | int | None = None,
    at: datetime | None = None, seen: SeenDeal | None = None,
) -> Changes:
    """Reopen a won or lost deal (a ``reopened`` event), optionally into another stage.
    An open deal is refused (``DealChanged``: someone reopened it already)."""
    locked = lock_deal(session, deal_id)
    deal = locked.deal
    expect_closed(session, deal, seen)
    acting(session, user_id)
    at = event_time(locked, at)
    ev = _event(session, deal, EventKind.REOPENED, at, user_id)
    deal.status, deal.closed_at, deal.lost_reason_id, deal.lost_comment = DealStatus.OPEN, None, None, None
    session.flush()
    changes = Changes(deals={deal.id}, event_ids=[ev.id])
    current = session.get(Stage, deal.stage_id)
    target = stage_ref(session, deal.pipeline_id, stage) if stage is not None else None
    if target is None and current is not None and current.won:
        # a reopened won deal cannot stay in the won stage: back to the stage before it
        target = session.scalar(
            select(Stage).where(Stage.pipeline_id == deal.pipeline_id, Stage.position < current.position,
                                Stage.side_of_id.is_(None)).order_by(Stage.position.desc())
        )
    if target is not None and target.id != deal.stage_id:
        changes.merge(_move(session, LockedDeal(deal, at), target.id, user_id=user_id, values=None, at=at,
                            seen=None))
    return changes


def change_owner(
    session: Session, deal_ids: Iterable[int], owner_id: int, *, user_id: int | None,
    at: datetime | None = None, seen: Seen | None = None,
) -> Changes:
    """Reassign deals to ``owner_id`` (an owner event each), in one transaction. ``seen``:
    what the screen showed of each deal — one someone else gave to another owner since is
    refused (``DealChanged``, naming who and to whom), and then none is reassigned."""
    get_or_raise(session, User, owner_id, "user")
    acting(session, user_id)
    changes = Changes()
    for deal_id in deal_ids:
        locked = lock_deal(session, deal_id)
        deal = locked.deal
        expect_owner(session, deal, (seen or {}).get(deal_id))
        if deal.owner_id == owner_id:
            continue
        ev = _event(session, deal, EventKind.OWNER, event_time(locked, at), user_id, owner_id=owner_id)
        deal.owner_id = owner_id
        session.flush()
        changes.deals.add(deal.id)
        changes.event_ids.append(ev.id)
    return changes


def undo_events(session: Session, event_ids: Iterable[int], *, user_id: int | None) -> Changes:
    """Remove events the same user just wrote (a move, win, loss or reopen) and restore the deal.

    Refused (``NothingToUndo``) when an event is missing or was made by another user;
    refused (``ChangedSince``, naming who and when) when a later event of the deal would
    be left behind.
    """
    ids = set(event_ids)
    if not ids:
        return Changes()
    events = session.scalars(select(DealEvent).where(DealEvent.id.in_(ids))).all()
    if len(events) != len(ids):
        raise errors.NothingToUndo("That change is no longer in the history.")
    changes = Changes()
    for deal_id in {e.deal_id for e in events}:
        mine = {e.id for e in events if e.deal_id == deal_id}
        require_latest_events(session, deal_id, mine)  # a colleague's later move is never erased
        if any(e.user_id != user_id for e in events if e.deal_id == deal_id):
            raise errors.NothingToUndo("Only the user who made a change can undo it.")
        for ev in events:
            if ev.deal_id == deal_id:
                session.delete(ev)
        session.flush()
        deal = get_or_raise(session, Deal, deal_id, "deal")
        replay_deal(session, deal)
        changes.deals.add(deal_id)
    session.flush()
    return changes

