"""The record of funnel edits: who changed which pipeline, stage or lost reason, and how.

Written by every funnel service (``models/services/funnel_log.py``) in the same
transaction as the edit. A merge of stages *is* such a record beside the stage's
``merged_into_id``: the event log of deals is never rewritten. The target ids are plain
integers, not foreign keys: the undo of a stage that was just added deletes the stage,
and its record stays (with the names in ``detail``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class FunnelChange(Base):
    __tablename__ = "funnel_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))  # e.g. add_stage, rename, merge, unmerge, reorder
    pipeline_id: Mapped[int | None] = mapped_column(Integer, index=True)
    stage_id: Mapped[int | None] = mapped_column(Integer, index=True)
    lost_reason_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
