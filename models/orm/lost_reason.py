"""Why deals are lost: the manager's editable list."""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class LostReason(Base):
    __tablename__ = "lost_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300), unique=True)  # canonical (Russian) text
    text_en: Mapped[str | None] = mapped_column(String(300))
    group: Mapped[str | None] = mapped_column(String(200))
    # "reassign" (hand to another rep) or "reactivate" (revisit later), from the funnel article
    follow_up: Mapped[str | None] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def label(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text
