"""Rebuild a deal's current-state columns from its event log (used after an undo)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..orm import Deal, DealEvent, DealStatus, EventKind


def replay_deal(session: Session, deal: Deal) -> None:
    """Set stage, status, closed/lost fields and owner from the remaining events."""
    events = session.scalars(
        select(DealEvent).where(DealEvent.deal_id == deal.id).order_by(DealEvent.at, DealEvent.id)
    ).all()
    status = DealStatus.OPEN
    closed_at = None
    lost_reason_id = None
    lost_comment = None
    for ev in events:
        if ev.kind == EventKind.STAGE:
            deal.stage_id = ev.stage_id  # type: ignore[assignment]
            deal.stage_entered_at = ev.at
        elif ev.kind == EventKind.WON:
            status, closed_at, lost_reason_id, lost_comment = DealStatus.WON, ev.at, None, None
        elif ev.kind == EventKind.LOST:
            status, closed_at = DealStatus.LOST, ev.at
            lost_reason_id, lost_comment = ev.lost_reason_id, ev.comment
        elif ev.kind == EventKind.REOPENED:
            status, closed_at, lost_reason_id, lost_comment = DealStatus.OPEN, None, None, None
        elif ev.kind == EventKind.OWNER and ev.owner_id is not None:
            deal.owner_id = ev.owner_id
    deal.status = status
    deal.closed_at = closed_at
    deal.lost_reason_id = lost_reason_id
    deal.lost_comment = lost_comment
