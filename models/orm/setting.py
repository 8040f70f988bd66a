"""Application settings stored in the database: team-wide (``user_id`` None) or per user.

Values are JSON: team currency and time zone, who is on this laptop is *not* here
(that is per machine, in QSettings), card layouts, start page tiles, board filters.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Setting(Base):
    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("key", "user_id", name="uq_settings_key_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    value: Mapped[Any] = mapped_column(JSON)
