"""Stages of a pipeline, edited by the head of sales without losing a day of history.

- ``add_stage`` inserts a stage (after a given one, else before the won stage); a key is
  made from its English name and never changes.
- ``update_stage`` changes names (a rename changes names only), the role and the rules
  (exit criteria, required fields, rot days, description, probability override).
- ``set_stage_archived``: an archived stage takes no new entries; deals standing in it
  stay until moved; its history stays in the reports.
- ``reorder_stages``: the "reached" rule always reads the current order, so a reorder
  changes how past conversions are read — the editor says so before it applies one.
- ``remove_added_stage`` is only the undo of ``add_stage``: it refuses once the stage has
  history. Nothing here deletes an event.

Each call is one transaction's work, checks ``seen`` against the row as it is now
(``funnel_log``) and writes one record of the edit.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import Deal, DealEvent, Pipeline, Role, Stage
from .funnel_log import clean_name, locked, names_of, record_change, refusal, require_seen, state_of
from .funnel_rules import RULE_FIELDS, clean_rules

NAME_FIELDS = ("name_ru", "name_en")
STAGE_FIELDS = (*NAME_FIELDS, "role", *RULE_FIELDS)


def pipeline_stages(session: Session, pipeline_id: int) -> list[Stage]:
    """Every stage of the pipeline (archived and merged ones too), in order."""
    return list(session.scalars(select(Stage).where(Stage.pipeline_id == pipeline_id)
                                .order_by(Stage.position, Stage.id)))


def active_main_stages(session: Session, pipeline_id: int) -> list[Stage]:
    """The main stages that take new entries, in order (what "adjacent" means for a merge)."""
    return [s for s in pipeline_stages(session, pipeline_id)
            if s.side_of_id is None and not s.archived and s.merged_into_id is None]


def new_key(session: Session, pipeline_id: int, name: str) -> str:
    """A key made of the name (latin letters, digits, ``_``), unique in the pipeline."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:48] or "stage"
    taken = set(session.scalars(select(Stage.key).where(Stage.pipeline_id == pipeline_id)))
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def insert_position(session: Session, pipeline_id: int, after_id: int | None) -> int:
    """Where a new stage goes: after ``after_id`` and its side stages, else before the won stage."""
    stages = pipeline_stages(session, pipeline_id)
    if after_id is not None:
        block = [s.position for s in stages if after_id in (s.id, s.side_of_id)]
        if not block:
            raise errors.NotFound("stage", after_id)
        return max(block) + 1
    won = [s.position for s in stages if s.won and s.side_of_id is None]
    return min(won) if won else max((s.position for s in stages), default=0) + 1


def add_stage(session: Session, pipeline_id: int, name_ru: str, name_en: str, *, after_id: int | None = None,
              role: str | None = None, kind: str = "add_stage") -> Changes:
    """Insert a new (empty) stage; ``Changes.created`` holds its id."""
    pipeline = locked(session, Pipeline, pipeline_id, "pipeline")
    name_ru, name_en = clean_name(name_ru, "name_ru"), clean_name(name_en or name_ru, "name_en")
    if role is not None and role not in {r.value for r in Role}:
        raise errors.InvalidValue("role", f"unknown role {role!r}")
    if after_id is not None:
        after = locked(session, Stage, after_id, "stage")
        if after.pipeline_id != pipeline.id:
            raise errors.FunnelEditRefused("other_pipeline", "That stage is in another pipeline.", names_of(after))
        if after.won:
            raise errors.FunnelEditRefused("won_stage", "Nothing can follow the won stage.", names_of(after))
        if after.archived:
            raise errors.FunnelEditRefused("archived", "That stage is archived.", names_of(after))
    position = insert_position(session, pipeline.id, after_id)
    session.execute(update(Stage).where(Stage.pipeline_id == pipeline.id, Stage.position >= position)
                    .values(position=Stage.position + 1).execution_options(synchronize_session="fetch"))
    stage = Stage(pipeline_id=pipeline.id, key=new_key(session, pipeline.id, name_en), name_ru=name_ru,
                  name_en=name_en, position=position, role=role, won=False, required_fields=[],
                  archived=False)
    session.add(stage)
    session.flush()
    record_change(session, kind, stage, {"after": after_id, "key": stage.key})
    return Changes(funnel=True, created=[stage.id])


def has_history(session: Session, stage_id: int) -> bool:
    """Whether any event, deal or other stage refers to the stage."""
    return bool(session.scalar(select(
        exists().where(DealEvent.stage_id == stage_id) | exists().where(Deal.stage_id == stage_id)
        | exists().where(Stage.side_of_id == stage_id) | exists().where(Stage.merged_into_id == stage_id))))


def remove_added_stage(session: Session, stage_id: int, *, seen: Mapping[str, Any] | None) -> Changes:
    """The undo of ``add_stage``: the stage goes again, while nothing refers to it and it is
    as the addition left it; otherwise refused (archive it instead)."""
    stage = locked(session, Stage, stage_id, "stage")
    require_seen(session, stage, {k: v for k, v in (seen or {}).items() if k != "position"})
    if has_history(session, stage.id):
        raise errors.FunnelEditRefused("has_history", "The stage has deals in its history now; archive it instead.",
                                       names_of(stage))
    record_change(session, "remove_stage", stage, {"key": stage.key})
    pipeline_id, position = stage.pipeline_id, stage.position
    session.delete(stage)
    session.flush()
    session.execute(update(Stage).where(Stage.pipeline_id == pipeline_id, Stage.position > position)
                    .values(position=Stage.position - 1).execution_options(synchronize_session="fetch"))
    return Changes(funnel=True)


def update_stage(session: Session, stage_id: int, values: Mapping[str, Any], *,
                 seen: Mapping[str, Any] | None = None) -> Changes:
    """Change a stage's names, role or rules (keys of ``STAGE_FIELDS``); a rename changes
    names only — the key, the deals and the log stay as they are."""
    stage = locked(session, Stage, stage_id, "stage")
    require_seen(session, stage, seen)
    unknown = [k for k in values if k not in STAGE_FIELDS]
    if unknown:
        raise errors.InvalidValue(unknown[0], "is not a stage field")
    clean: dict[str, Any] = {k: clean_name(v, k) for k, v in values.items() if k in NAME_FIELDS}
    if "role" in values:
        role = values["role"] or None
        if role is not None and role not in {r.value for r in Role}:
            raise errors.InvalidValue("role", f"unknown role {role!r}")
        clean["role"] = role
    clean.update(clean_rules(session, {k: v for k, v in values.items() if k in RULE_FIELDS}))
    before = state_of(stage)
    changed = {k: v for k, v in clean.items() if before.get(k) != v}
    if not changed:
        return Changes()
    for key, value in changed.items():
        setattr(stage, key, value)
    session.flush()
    kind = "rename" if set(changed) <= set(NAME_FIELDS) else "edit_stage"
    record_change(session, kind, stage, {"before": {k: before[k] for k in changed}, "after": changed})
    return Changes(funnel=True)


def set_stage_archived(session: Session, stage_id: int, archived: bool, *,
                       seen: Mapping[str, Any] | None = None) -> Changes:
    """Archive a stage (it takes no new entries; its history stays) or bring it back."""
    stage = locked(session, Stage, stage_id, "stage")
    require_seen(session, stage, seen)
    if stage.archived == archived:
        return Changes()
    if stage.merged_into_id is not None:
        raise errors.FunnelEditRefused("merged", "The stage was merged into another; undo the merge to bring it back.",
                                       names_of(stage))
    if archived:
        if stage.won:
            raise errors.FunnelEditRefused("won_stage", "The won stage cannot be archived.", names_of(stage))
        if stage.side_of_id is None and [s.id for s in active_main_stages(session, stage.pipeline_id)
                                         if not s.won] == [stage.id]:
            raise errors.FunnelEditRefused("last_stage", "A pipeline needs one stage that takes new deals.",
                                           names_of(stage))
    stage.archived = archived
    session.flush()
    record_change(session, "archive_stage" if archived else "restore_stage", stage)
    return Changes(funnel=True)


def stage_order(session: Session, pipeline_id: int) -> list[int]:
    return [s.id for s in pipeline_stages(session, pipeline_id)]


def reorder_stages(session: Session, pipeline_id: int, order: Sequence[int], *,
                   seen_order: Sequence[int] | None = None) -> Changes:
    """Put the pipeline's stages in ``order`` (every stage id once). Past conversions are
    read in the new order from now on; refused when the order is no longer ``seen_order``
    or the won stage would not be the last main stage."""
    pipeline = locked(session, Pipeline, pipeline_id, "pipeline")
    stages = {s.id: s for s in pipeline_stages(session, pipeline.id)}
    current = list(stages)
    if seen_order is not None and list(seen_order) != current:
        raise refusal(session, pipeline, "order")
    order = [int(i) for i in order]
    if sorted(order) != sorted(current):
        raise errors.FunnelEditRefused("not_the_stages", "The new order must list every stage of the pipeline once.",
                                       names_of(pipeline))
    main = [stages[i] for i in order if stages[i].side_of_id is None and stages[i].merged_into_id is None]
    if any(s.won for s in main) and not main[-1].won:
        raise errors.FunnelEditRefused("won_not_last", "The won stage must stay the last one.", names_of(main[-1]))
    if order == current:
        return Changes()
    for position, stage_id in enumerate(order, start=1):
        stages[stage_id].position = position
    session.flush()
    record_change(session, "reorder", None, {"before": [stages[i].key for i in current],
                                             "after": [stages[i].key for i in order]}, pipeline_id=pipeline.id)
    return Changes(funnel=True)


def stage_count(session: Session, pipeline_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(Stage).where(Stage.pipeline_id == pipeline_id)) or 0)
