"""Plain rows for the funnel editor: pipelines, their stages with how much history each
has, and the lost reasons. ``state()`` is what the editor's edits carry as ``seen``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..orm import Deal, DealEvent, DealStatus, EventKind, LostReason, Pipeline, Stage

# the fields of a record that an edit checks against what the editor saw (``seen``)
STAGE_STATE = ("key", "name_ru", "name_en", "position", "side_of_id", "won", "archived", "merged_into_id",
               "role", "rot_days", "description", "exit_criteria", "required_fields", "probability_override")
PIPELINE_STATE = ("key", "kind", "name_ru", "name_en", "position", "billing_months", "archived")
REASON_STATE = ("text", "text_en", "group", "follow_up", "position", "active")


@dataclass(frozen=True, slots=True)
class FunnelPipelineRow:
    id: int
    key: str
    kind: str
    name_ru: str
    name_en: str
    position: int
    billing_months: int | None
    archived: bool

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def state(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in PIPELINE_STATE}


@dataclass(frozen=True, slots=True)
class FunnelStageRow:
    id: int
    key: str
    name_ru: str
    name_en: str
    position: int
    side_of_id: int | None
    won: bool
    archived: bool
    merged_into_id: int | None
    role: str | None
    rot_days: int | None
    description: str | None
    exit_criteria: str | None
    required_fields: tuple[str, ...]
    probability_override: float | None
    open_deals: int  # standing in it now
    entries: int  # entry events into it, ever

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def state(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in STAGE_STATE}
        out["required_fields"] = list(self.required_fields)
        return out

    @property
    def is_main(self) -> bool:
        return self.side_of_id is None

    @property
    def takes_entries(self) -> bool:
        return not self.archived and self.merged_into_id is None


@dataclass(frozen=True, slots=True)
class FunnelReasonRow:
    id: int
    text: str
    text_en: str | None
    group: str | None
    follow_up: str | None
    position: int
    active: bool
    lost_deals: int

    def label(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text

    def state(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in REASON_STATE}


def funnel_pipelines(session: Session) -> list[FunnelPipelineRow]:
    """Every pipeline (archived ones too), in order."""
    q = select(Pipeline.id, Pipeline.key, Pipeline.kind, Pipeline.name_ru, Pipeline.name_en, Pipeline.position,
               Pipeline.billing_months, Pipeline.archived).order_by(Pipeline.position, Pipeline.id)
    return [FunnelPipelineRow(*r[:7], bool(r[7])) for r in session.execute(q)]


def funnel_stages(session: Session, pipeline_id: int) -> list[FunnelStageRow]:
    """Every stage of the pipeline (archived and merged ones too) in order, with its open
    deals and entries (three queries, whatever the number of deals)."""
    open_deals = dict(session.execute(
        select(Deal.stage_id, func.count()).where(Deal.pipeline_id == pipeline_id, Deal.status == DealStatus.OPEN)
        .group_by(Deal.stage_id)).all())
    stage_ids = select(Stage.id).where(Stage.pipeline_id == pipeline_id)
    entries = dict(session.execute(
        select(DealEvent.stage_id, func.count()).where(DealEvent.kind == EventKind.STAGE.value,
                                                        DealEvent.stage_id.in_(stage_ids))
        .group_by(DealEvent.stage_id)).all())
    q = select(Stage).where(Stage.pipeline_id == pipeline_id).order_by(Stage.position, Stage.id)
    return [FunnelStageRow(
        s.id, s.key, s.name_ru, s.name_en, s.position, s.side_of_id, bool(s.won), bool(s.archived), s.merged_into_id,
        s.role, s.rot_days, s.description, s.exit_criteria, tuple(s.required_fields or ()), s.probability_override,
        int(open_deals.get(s.id, 0)), int(entries.get(s.id, 0))) for s in session.scalars(q)]


def funnel_reasons(session: Session) -> list[FunnelReasonRow]:
    """Every lost reason (archived ones too) in order, with how many deals were lost for it."""
    used = dict(session.execute(select(Deal.lost_reason_id, func.count()).where(Deal.lost_reason_id.is_not(None))
                                .group_by(Deal.lost_reason_id)).all())
    q = select(LostReason).order_by(LostReason.position, LostReason.id)
    return [FunnelReasonRow(r.id, r.text, r.text_en, r.group, r.follow_up, r.position, bool(r.active),
                            int(used.get(r.id, 0))) for r in session.scalars(q)]


