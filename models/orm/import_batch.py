"""Imports: each import of files is one batch that remembers what it created, so it can be reverted.

``ImportRecord`` rows name every record the batch created (``kind`` is the table:
``deal``, ``company``, ``contact``, ``user``, ``lost_reason``, ``custom_field``,
``custom_value``, ``deal_contact``), the file id it came from (``source_id``) and a
fingerprint of the values written, so a revert can tell whether someone has edited the
record since. Events of the batch's deals are the id range ``first_event_id``..``last_event_id``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    preset_name: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(64))
    pipeline_key: Mapped[str] = mapped_column(String(64))
    files: Mapped[list[str]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    first_event_id: Mapped[int | None] = mapped_column(Integer)
    last_event_id: Mapped[int | None] = mapped_column(Integer)
    settings_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # team settings it changed
    reverted_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportRecord(Base):
    __tablename__ = "import_records"
    __table_args__ = (Index("ix_import_records_kind_record", "kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int] = mapped_column(Integer)
    other_id: Mapped[int | None] = mapped_column(Integer)  # the contact of a deal_contact link
    source_id: Mapped[str | None] = mapped_column(String(200))
    fingerprint: Mapped[str | None] = mapped_column(String(40))
