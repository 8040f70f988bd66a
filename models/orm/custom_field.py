"""Custom field definitions and values for deal, company and contact cards."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CustomField(Base):
    """A field the head of sales added to a card kind (``entity``: deal/company/contact).

    ``type``: text, number, money, date, email, phone, url, inn, select, multiselect.
    Retired fields keep their values but are no longer shown for editing.
    """

    __tablename__ = "custom_fields"
    __table_args__ = (UniqueConstraint("entity", "key", name="uq_custom_fields_entity_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    label_ru: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(16), default="text")
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    block: Mapped[str] = mapped_column(String(64), default="custom")
    position: Mapped[int] = mapped_column(Integer, default=0)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class CustomFieldValue(Base):
    __tablename__ = "custom_field_values"
    __table_args__ = (UniqueConstraint("field_id", "record_id", name="uq_custom_field_values_field_record"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("custom_fields.id"), index=True)
    record_id: Mapped[int] = mapped_column(Integer, index=True)
    value: Mapped[str | None] = mapped_column(Text)  # normalised text; JSON list for multiselect
