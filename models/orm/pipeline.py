"""Pipelines and their ordered stages (see spec/funnel.md)."""
from __future__ import annotations

from enum import StrEnum

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class PipelineKind(StrEnum):
    SALES = "sales"
    SUCCESS = "success"


class Pipeline(Base):
    """A pipeline of stages. ``billing_months`` (Client Success only): the months one cycle
    of the contract covers — 12 for the ``month_1 … month_12`` template, 3 for quarters,
    1 for weeks — which turns a deal's amount into its monthly recurring amount."""

    __tablename__ = "pipelines"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default=PipelineKind.SALES)
    name_ru: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    billing_months: Mapped[int | None] = mapped_column(Integer)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    stages: Mapped[list["Stage"]] = relationship(
        back_populates="pipeline", order_by="Stage.position", cascade="all, delete-orphan"
    )

    def stage(self, key: str) -> "Stage":
        for s in self.stages:
            if s.key == key:
                return s
        raise KeyError(key)


class Stage(Base):
    """One step of a pipeline.

    ``position`` is the stage's order. ``side_of_id`` makes it a branch beside a main
    stage (it counts as that stage for "reached"). ``required_fields`` lists the deal
    field keys that must be filled to enter it (``amount``, ``expected_close``,
    ``company``, ``custom:<key>`` …). ``probability_override`` (0..1) replaces the
    win rate computed from history in the weighted pipeline.

    ``archived``: the stage takes no new entries; its history stays in the reports.
    ``merged_into_id``: the stage was merged into that (adjacent) stage — the reports read
    every entry into this one as an entry into that one; the event log is not rewritten.
    """

    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("pipeline_id", "key", name="uq_stages_pipeline_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name_ru: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(32))
    side_of_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"))
    won: Mapped[bool] = mapped_column(Boolean, default=False)
    rot_days: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    exit_criteria: Mapped[str | None] = mapped_column(Text)
    required_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    probability_override: Mapped[float | None] = mapped_column(Float)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # a plain integer: SQLite cannot add a foreign key to an existing table in place
    merged_into_id: Mapped[int | None] = mapped_column(Integer)

    pipeline: Mapped[Pipeline] = relationship(back_populates="stages")
    side_of: Mapped["Stage | None"] = relationship(remote_side="Stage.id")

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en
