"""Revenue plans: a year or a month, for the team (no user) or one user."""
from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("year", "month", "user_id", name="uq_plans_period_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)  # None: the annual plan
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the team
    amount_minor: Mapped[int] = mapped_column(BigInteger)
