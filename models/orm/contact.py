"""Contacts: people at a company (ЛПР, ЛВР, champions)."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Versioned


class ContactType(StrEnum):
    DECISION_MAKER = "decision_maker"  # ЛПР
    INFLUENCER = "influencer"  # ЛВР
    CHAMPION = "champion"
    OTHER = "other"


class Contact(Versioned, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(300), index=True)
    position: Mapped[str | None] = mapped_column(String(200), index=True)
    contact_type: Mapped[str | None] = mapped_column(String(32), index=True)
    email_work: Mapped[str | None] = mapped_column(String(300), index=True)
    email_personal: Mapped[str | None] = mapped_column(String(300))
    phone_work: Mapped[str | None] = mapped_column(String(32), index=True)
    phone_personal: Mapped[str | None] = mapped_column(String(32))
    social_links: Mapped[str | None] = mapped_column(Text)  # one URL per line
    birthday: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
