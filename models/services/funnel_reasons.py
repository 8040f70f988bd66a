"""The lost-reason list the head of sales keeps: add, rename (both languages), group,
order, archive. An archived reason is no longer offered; deals lost for it keep it, and
the reports still count them. ``remove_added_reason`` is only the undo of an addition and
refuses once a deal was lost for it.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import Deal, DealEvent, LostReason
from .funnel_log import clean_name, locked, names_of, record_change, require_seen, state_of

REASON_FIELDS = ("text", "text_en", "group", "follow_up")
FOLLOW_UPS = (None, "reassign", "reactivate")


def _clean(session: Session, values: Mapping[str, Any], reason_id: int | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key == "text":
            text = clean_name(value, "text")
            taken = session.scalar(select(LostReason.id).where(LostReason.text == text))
            if taken is not None and taken != reason_id:
                raise errors.FunnelEditRefused("name_taken", "There is already a lost reason with that text.",
                                               {"ru": text, "en": text})
            clean[key] = text
        elif key in ("text_en", "group"):
            clean[key] = " ".join(str(value or "").split()) or None
        elif key == "follow_up":
            if value not in FOLLOW_UPS:
                raise errors.InvalidValue("follow_up", f"unknown follow-up {value!r}")
            clean[key] = value
        else:
            raise errors.InvalidValue(key, "is not a lost reason field")
    return clean


def reason_order(session: Session) -> list[int]:
    return list(session.scalars(select(LostReason.id).order_by(LostReason.position, LostReason.id)))


def add_lost_reason(session: Session, text: str, text_en: str | None = None, group: str | None = None,
                    follow_up: str | None = None) -> Changes:
    """A new reason at the end of the list; ``Changes.created`` holds its id."""
    clean = _clean(session, {"text": text, "text_en": text_en, "group": group, "follow_up": follow_up}, None)
    position = int(session.scalar(select(func.max(LostReason.position))) or 0) + 1
    reason = LostReason(position=position, active=True, **clean)
    session.add(reason)
    session.flush()
    record_change(session, "add_reason", reason)
    return Changes(funnel=True, created=[reason.id])


def remove_added_reason(session: Session, reason_id: int, *, seen: Mapping[str, Any] | None) -> Changes:
    """The undo of ``add_lost_reason`` (refused once a deal was lost for it or it changed)."""
    reason = locked(session, LostReason, reason_id, "lost reason")
    require_seen(session, reason, {k: v for k, v in (seen or {}).items() if k != "position"})
    used = session.scalar(select(exists().where(DealEvent.lost_reason_id == reason.id)
                                 | exists().where(Deal.lost_reason_id == reason.id)))
    if used:
        raise errors.FunnelEditRefused("has_history", "Deals were lost for this reason; archive it instead.",
                                       names_of(reason))
    record_change(session, "remove_reason", reason)
    session.delete(reason)
    session.flush()
    return Changes(funnel=True)


def update_lost_reason(session: Session, reason_id: int, values: Mapping[str, Any], *,
                       seen: Mapping[str, Any] | None = None) -> Changes:
    """Rename a reason (either language), change its group or follow-up."""
    reason = locked(session, LostReason, reason_id, "lost reason")
    require_seen(session, reason, seen)
    before = state_of(reason)
    changed = {k: v for k, v in _clean(session, values, reason.id).items() if before[k] != v}
    if not changed:
        return Changes()
    for key, value in changed.items():
        setattr(reason, key, value)
    session.flush()
    record_change(session, "edit_reason", reason, {"before": {k: before[k] for k in changed}, "after": changed})
    return Changes(funnel=True)


def set_lost_reason_active(session: Session, reason_id: int, active: bool, *,
                           seen: Mapping[str, Any] | None = None) -> Changes:
    """Archive a reason (no longer offered; deals lost for it keep it) or bring it back."""
    reason = locked(session, LostReason, reason_id, "lost reason")
    require_seen(session, reason, seen)
    if reason.active == active:
        return Changes()
    reason.active = active
    session.flush()
    record_change(session, "restore_reason" if active else "archive_reason", reason)
    return Changes(funnel=True)


def reorder_lost_reasons(session: Session, order: Sequence[int], *, seen_order: Sequence[int] | None = None) -> Changes:
    """Put the reasons in ``order`` (every reason once); refused when the list is no longer
    in ``seen_order``."""
    reasons = {r.id: r for r in session.scalars(select(LostReason).order_by(LostReason.position, LostReason.id)
                                                .with_for_update())}
    current = list(reasons)
    if seen_order is not None and list(seen_order) != current:
        moved = next((reasons[i] for i, j in zip(current, seen_order) if i != j), None)
        raise errors.FunnelChanged("order", names_of(moved) if moved else {}, None, None)
    order = [int(i) for i in order]
    if sorted(order) != sorted(current):
        raise errors.FunnelEditRefused("not_the_stages", "The new order must list every lost reason once.")
    if order == current:
        return Changes()
    for position, reason_id in enumerate(order):
        reasons[reason_id].position = position
    session.flush()
    record_change(session, "reorder_reasons", None, {"before": current, "after": order})
    return Changes(funnel=True)
