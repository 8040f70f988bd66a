"""Deals: what moves through a pipeline.

``stage_id``, ``status``, ``owner_id``, ``closed_at``, ``lost_reason_id`` and
``stage_entered_at`` are the deal's *current* state. The event log is the truth;
these columns are a cache kept in step with it by the domain services in the
same transaction (and rebuilt from the log by ``models.services.replay`` on undo),
so the board can show thousands of deals without replaying history.
"""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned


class DealStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


deal_contacts = Table(
    "deal_contacts",
    Base.metadata,
    Column("deal_id", ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_deal_contacts_contact_id", "contact_id", "deal_id"),  # a person's deals (their card)
)


class Deal(Versioned, Base):
    __tablename__ = "deals"
    __table_args__ = (Index("ix_deals_pipeline_status_stage", "pipeline_id", "status", "stage_id"),
                      Index("ix_deals_company_status", "company_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_is_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    amount_minor: Mapped[int | None] = mapped_column(BigInteger, index=True)
    currency: Mapped[str] = mapped_column(String(3), default="RUB")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    source: Mapped[str | None] = mapped_column(String(100), index=True)
    segment: Mapped[str | None] = mapped_column(String(100), index=True)
    cohort: Mapped[str | None] = mapped_column(String(100), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    expected_close: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(8), default=DealStatus.OPEN, index=True)
    stage_entered_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    lost_reason_id: Mapped[int | None] = mapped_column(ForeignKey("lost_reasons.id"))
    lost_comment: Mapped[str | None] = mapped_column(Text)
    origin_deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id"))
    # Identity of a deal brought in by the history import (file id), for idempotent re-import.
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    notes: Mapped[str | None] = mapped_column(Text)

    company = relationship("Company", lazy="raise_on_sql")
    owner = relationship("User", lazy="raise_on_sql")
    stage = relationship("Stage", lazy="raise_on_sql")
    contacts = relationship("Contact", secondary=deal_contacts, lazy="raise_on_sql")
