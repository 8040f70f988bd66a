"""Declarative base, naming convention and the column types every table shares.

Times are stored as naive datetimes in the team's time zone (see ``models.clock``):
the spec's reports and exchange formats are all local time without offset.
Money is stored in integer minor units (kopecks/cents) — never floats.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every mapped table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """An editable record: ``version`` goes up with every UPDATE (SQLAlchemy's version
    counter, so a flush of a stale copy fails instead of overwriting), and
    ``updated_at``/``updated_by_id`` say who changed it last (stamped at flush by
    ``models.guards``). A card edit carries the version it was loaded at."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_by_id: Mapped[int | None] = mapped_column(Integer)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}
