"""Pipelines: create one (sales, or Client Success with its ``billing_months``), rename it,
change its billing months, archive it or bring it back.

A new pipeline starts from the default template of its kind (``resources/funnels``), so it
can take deals at once; the head of sales then reshapes its stages. An archived pipeline
takes no new deals and keeps its history. ``remove_created_pipeline`` is only the undo of
``create_pipeline`` and refuses once the pipeline has a deal.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..funnel_setup import create_pipeline as build_pipeline
from ..funnel_setup import load_template
from ..orm import Deal, Pipeline, PipelineKind, Stage
from .funnel_log import clean_name, locked, names_of, record_change, require_seen, state_of
from .settings import get_setting

BILLING_MONTHS = range(1, 121)
PIPELINE_FIELDS = ("name_ru", "name_en", "billing_months")


def clean_billing_months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in BILLING_MONTHS:
        raise errors.FunnelEditRefused("billing_months", "Billing months must be a whole number from 1 to 120.")
    return value


def _key(session: Session, name: str, kind: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:48] or kind
    taken = set(session.scalars(select(Pipeline.key)))
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def create_pipeline(session: Session, kind: str, name_ru: str, name_en: str,
                    billing_months: int | None = None) -> Changes:
    """A new pipeline of ``kind`` (``sales`` or ``success``) with the default stages of that
    kind; ``Changes.created`` holds its id."""
    if kind not in {k.value for k in PipelineKind}:
        raise errors.InvalidValue("kind", f"unknown pipeline kind {kind!r}")
    name_ru, name_en = clean_name(name_ru, "name_ru"), clean_name(name_en or name_ru, "name_en")
    template = dict(load_template("success.json" if kind == PipelineKind.SUCCESS else "sales.json"))
    months = clean_billing_months(billing_months if billing_months is not None
                                  else template.get("billing_months", 12)) if kind == PipelineKind.SUCCESS else None
    template.update(key=_key(session, name_en, kind), name_ru=name_ru, name_en=name_en, billing_months=months)
    position = int(session.scalar(select(func.max(Pipeline.position))) or 0) + 1
    pipeline = build_pipeline(session, template, str(get_setting(session, "team.language", "ru")), position)
    session.flush()
    record_change(session, "create_pipeline", pipeline, {"kind": kind, "key": pipeline.key})
    return Changes(funnel=True, created=[pipeline.id])


def remove_created_pipeline(session: Session, pipeline_id: int, *, seen: Mapping[str, Any] | None) -> Changes:
    """The undo of ``create_pipeline``: refused once a deal is in it or it was changed."""
    pipeline = locked(session, Pipeline, pipeline_id, "pipeline")
    require_seen(session, pipeline, {k: v for k, v in (seen or {}).items() if k != "position"})
    if session.scalar(select(exists().where(Deal.pipeline_id == pipeline.id))):
        raise errors.FunnelEditRefused("has_history", "The pipeline has deals now; archive it instead.",
                                       names_of(pipeline))
    record_change(session, "remove_pipeline", pipeline, {"key": pipeline.key})
    for stage in session.scalars(select(Stage).where(Stage.pipeline_id == pipeline.id, Stage.side_of_id.is_not(None))):
        session.delete(stage)  # side stages first: they point at their main stage
    session.flush()
    session.delete(pipeline)
    session.flush()
    return Changes(funnel=True)


def update_pipeline(session: Session, pipeline_id: int, values: Mapping[str, Any], *,
                    seen: Mapping[str, Any] | None = None) -> Changes:
    """Rename a pipeline or change its billing months (Client Success only)."""
    pipeline = locked(session, Pipeline, pipeline_id, "pipeline")
    require_seen(session, pipeline, seen)
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("name_ru", "name_en"):
            clean[key] = clean_name(value, key)
        elif key == "billing_months" and pipeline.kind == PipelineKind.SUCCESS:
            clean[key] = clean_billing_months(value)
        else:
            raise errors.InvalidValue(key, "is not a pipeline field that can be edited")
    before = state_of(pipeline)
    changed = {k: v for k, v in clean.items() if before[k] != v}
    if not changed:
        return Changes()
    for key, value in changed.items():
        setattr(pipeline, key, value)
    session.flush()
    record_change(session, "edit_pipeline", pipeline, {"before": {k: before[k] for k in changed}, "after": changed})
    return Changes(funnel=True)


def set_pipeline_archived(session: Session, pipeline_id: int, archived: bool, *,
                          seen: Mapping[str, Any] | None = None) -> Changes:
    """Archive a pipeline (no new deals; its history stays) or bring it back. The last
    sales pipeline that takes deals stays."""
    pipeline = locked(session, Pipeline, pipeline_id, "pipeline")
    require_seen(session, pipeline, seen)
    if pipeline.archived == archived:
        return Changes()
    if archived and pipeline.kind == PipelineKind.SALES:
        others = session.scalar(select(func.count()).select_from(Pipeline).where(
            Pipeline.kind == PipelineKind.SALES.value, Pipeline.archived.is_(False), Pipeline.id != pipeline.id))
        if not others:
            raise errors.FunnelEditRefused("last_pipeline", "The team needs one sales pipeline that takes deals.",
                                           names_of(pipeline))
    pipeline.archived = archived
    session.flush()
    record_change(session, "archive_pipeline" if archived else "restore_pipeline", pipeline)
    return Changes(funnel=True)
