"""Acting on the stage table's advice: merge a stage into its neighbour, or split one.

**Merge** (spec/funnel.md, second edition): stage B merged into the adjacent main stage A
means that every entry into B, past and future, counts as an entry into A; B is archived.
The log is not rewritten — B's row keeps ``merged_into_id = A`` and the merge is one
record of funnel edits (who, when); the loader reads B's entries as A's
(``models.stage_merges``). ``unmerge_stage`` (the undo) restores B, so the reports read
exactly what they read before.

**Split**: a new stage is inserted after A (``funnel_stages.add_stage``); past deals never
entered it, so they reach it only through the "reached" rule.

What the reports will read afterwards is previewed by ``metrics.funnel_edits`` (``merge_preview``,
``split_preview``, ``reorder_preview``) with the metric engine on the current frames.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import Stage
from .funnel_log import locked, names_of, record_change, require_seen
from .funnel_stages import active_main_stages, add_stage


def merge_problem(stage: Stage, into: Stage, active_main: list[int]) -> errors.FunnelEditRefused | None:
    """Why ``stage`` cannot be merged into ``into`` (None: it can)."""
    for s in (stage, into):
        if s.side_of_id is not None:
            return errors.FunnelEditRefused("side_stage", "Only main stages are merged.", names_of(s))
        if s.won:
            return errors.FunnelEditRefused("won_stage", "The won stage is not merged.", names_of(s))
        if s.archived or s.merged_into_id is not None:
            return errors.FunnelEditRefused("archived", "That stage is archived.", names_of(s))
    if stage.pipeline_id != into.pipeline_id:
        return errors.FunnelEditRefused("other_pipeline", "That stage is in another pipeline.", names_of(into))
    if stage.id == into.id or stage.id not in active_main or into.id not in active_main \
            or abs(active_main.index(stage.id) - active_main.index(into.id)) != 1:
        return errors.FunnelEditRefused("not_adjacent", "Only neighbouring stages are merged.", names_of(into))
    return None


def merge_stage(session: Session, stage_id: int, into_id: int, *, seen: Mapping[str, Any] | None = None,
                seen_into: Mapping[str, Any] | None = None) -> Changes:
    """Merge ``stage_id`` into its neighbour ``into_id`` (both as the screen showed them)."""
    stage = locked(session, Stage, stage_id, "stage")
    into = locked(session, Stage, into_id, "stage")
    require_seen(session, stage, seen)
    require_seen(session, into, seen_into)
    problem = merge_problem(stage, into, [s.id for s in active_main_stages(session, stage.pipeline_id)])
    if problem is not None:
        raise problem
    stage.merged_into_id, stage.archived = into.id, True
    session.flush()
    record_change(session, "merge", stage, {"key": stage.key, "into": into.key, "into_names": names_of(into)})
    return Changes(funnel=True)


def unmerge_stage(session: Session, stage_id: int, *, seen: Mapping[str, Any] | None = None) -> Changes:
    """The undo of a merge: the stage is its own again (refused once someone changed it)."""
    stage = locked(session, Stage, stage_id, "stage")
    require_seen(session, stage, seen)
    if stage.merged_into_id is None:
        return Changes()
    into_id = stage.merged_into_id
    stage.merged_into_id, stage.archived = None, False
    session.flush()
    record_change(session, "unmerge", stage, {"key": stage.key, "was_into": into_id})
    return Changes(funnel=True)


def split_stage(session: Session, stage_id: int, name_ru: str, name_en: str, *,
                seen: Mapping[str, Any] | None = None) -> Changes:
    """Insert a new stage after ``stage_id`` (the split advice); ``Changes.created`` holds it."""
    stage = locked(session, Stage, stage_id, "stage")
    require_seen(session, stage, seen)
    if stage.side_of_id is not None:
        raise errors.FunnelEditRefused("side_stage", "Only main stages are split.", names_of(stage))
    return add_stage(session, stage.pipeline_id, name_ru, name_en, after_id=stage.id, role=stage.role, kind="split")
