"""The append-only event log: stage entries, won/lost/reopened, owner changes.

Nothing here is updated in place. The only deletion is the undo of a move, win or
loss that the same user has just made (``models.services.deals.undo_event``).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class EventKind(StrEnum):
    STAGE = "stage"  # entered ``stage_id``
    WON = "won"
    LOST = "lost"  # ``stage_id`` is the stage it was lost at, ``lost_reason_id`` why
    REOPENED = "reopened"
    OWNER = "owner"  # ``owner_id`` is the new owner
    RENEWAL = "renewal"  # Client Success: renewed at the last period, back to the first


class DealEvent(Base):
    __tablename__ = "deal_events"
    __table_args__ = (Index("ix_deal_events_deal_at", "deal_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lost_reason_id: Mapped[int | None] = mapped_column(ForeignKey("lost_reasons.id"))
    comment: Mapped[str | None] = mapped_column(Text)
