"""Every funnel edit as one step on the undo stack, guarded against a second writer.

The first run carries what the editor showed (``seen``); each later step (undo, redo)
carries the state the previous step left, read in the same transaction, so an undo is
refused — naming who changed what — once someone else changed that stage, pipeline or
lost reason (``models/services/funnel_log.py``). Errors are shown to the user; nothing is
half-written.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from voronka.models import errors
from voronka.models.changes import Changes
from voronka.models.queries.funnel import FunnelPipelineRow, FunnelReasonRow, FunnelStageRow
from voronka.models.services.funnel_log import current_state
from voronka.models.services.funnel_merge import merge_stage, split_stage, unmerge_stage
from voronka.models.services.funnel_pipelines import (
    create_pipeline,
    remove_created_pipeline,
    set_pipeline_archived,
    update_pipeline,
)
from voronka.models.services.funnel_reasons import (
    add_lost_reason,
    remove_added_reason,
    reorder_lost_reasons,
    set_lost_reason_active,
    update_lost_reason,
)
from voronka.models.services.funnel_stages import (
    add_stage,
    remove_added_stage,
    reorder_stages,
    set_stage_archived,
    update_stage,
)

from ..app_context import AppContext
from ..errors import show_error

Act = Callable[[Any, dict[str, Any] | None], Changes]  # (session, seen) → Changes


class FunnelActions(QObject):
    """The funnel editor's edits; each returns the ``Changes`` or None when refused (shown)."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent

    # --- the shapes of a step ---------------------------------------------------------------
    def _guarded(self, text: str, what: str, record_id: int, seen: dict[str, Any] | None,
                 do: Act, undo: Act, keys: list[str] | None = None) -> Changes | None:
        """An edit of one record: every step after the first checks the state the one before
        left — of ``keys`` only when given (an edit of some fields does not conflict with a
        colleague's edit of others)."""
        def only(state: dict[str, Any] | None) -> dict[str, Any] | None:
            return None if state is None or keys is None else {k: state.get(k) for k in keys} or state

        left: dict[str, Any] = {"state": only(seen) if keys is not None else seen}

        def step(act: Act) -> Changes:
            def service(session: Any) -> Changes:
                changes = act(session, left["state"])
                state = current_state(session, what, record_id)
                state = only(state) if keys is not None else state
                self.ctx.on_commit(lambda: left.update(state=state))
                return changes
            return self.ctx.run(service)

        return self._push(text, lambda: step(do), lambda _done: step(undo))

    def _created(self, text: str, what: str, create: Callable[[Any], Changes],
                 remove: Callable[[Any, int, dict[str, Any] | None], Changes]) -> Changes | None:
        """An addition: undo removes exactly what it made (refused once it has history), redo makes it again."""
        made: dict[str, Any] = {}

        def first() -> Changes:
            def service(session: Any) -> Changes:
                changes = create(session)
                record_id = changes.created[0]
                state = current_state(session, what, record_id)
                self.ctx.on_commit(lambda: made.update(id=record_id, state=state))
                return changes
            return self.ctx.run(service)

        def undo(_done: Changes) -> Changes:
            return self.ctx.run(lambda session: remove(session, made["id"], made["state"]))

        return self._push(text, first, undo)

    def _push(self, text: str, do: Callable[[], Changes], undo: Callable[[Changes], Changes]) -> Changes | None:
        try:
            return self.ctx.push_undoable(text, do, undo)
        except errors.VoronkaError as exc:
            show_error(self.parent_widget, exc)
            if isinstance(exc, errors.FunnelChanged):
                self.ctx.changed.emit(Changes(funnel=True))  # show it as it is now
            return None

    # --- stages -----------------------------------------------------------------------------
    def edit_stage(self, row: FunnelStageRow, values: dict[str, Any]) -> Changes | None:
        before = {k: row.state().get(k) for k in values}
        text = self.tr("Change the stage «%1»").replace("%1", row.name(self.ctx.language))
        return self._guarded(text, "stage", row.id, row.state(),
                             lambda s, seen: update_stage(s, row.id, values, seen=seen),
                             lambda s, seen: update_stage(s, row.id, before, seen=seen), keys=list(values))

    def set_archived(self, row: FunnelStageRow, archived: bool) -> Changes | None:
        text = (self.tr("Archive the stage «%1»") if archived else self.tr("Bring back the stage «%1»")) \
            .replace("%1", row.name(self.ctx.language))
        return self._guarded(text, "stage", row.id, row.state(),
                             lambda s, seen: set_stage_archived(s, row.id, archived, seen=seen),
                             lambda s, seen: set_stage_archived(s, row.id, not archived, seen=seen),
                             keys=["archived", "merged_into_id"])

    def add_stage(self, pipeline_id: int, name_ru: str, name_en: str, after: FunnelStageRow | None) -> Changes | None:
        text = self.tr("Add the stage «%1»").replace("%1", name_ru if self.ctx.language == "ru" else name_en)
        after_id = after.id if after is not None else None
        return self._created(text, "stage",
                             lambda s: add_stage(s, pipeline_id, name_ru, name_en, after_id=after_id,
                                                 role=after.role if after is not None else None),
                             lambda s, stage_id, seen: remove_added_stage(s, stage_id, seen=seen))

    def split(self, row: FunnelStageRow, name_ru: str, name_en: str) -> Changes | None:
        text = self.tr("Split the stage «%1»").replace("%1", row.name(self.ctx.language))
        return self._created(text, "stage", lambda s: split_stage(s, row.id, name_ru, name_en, seen=row.state()),
                             lambda s, stage_id, seen: remove_added_stage(s, stage_id, seen=seen))

    def merge(self, row: FunnelStageRow, into: FunnelStageRow) -> Changes | None:
        text = self.tr("Merge «%1» into «%2»").replace("%1", row.name(self.ctx.language)) \
            .replace("%2", into.name(self.ctx.language))
        into_seen: dict[str, Any] = {"state": into.state()}

        def do(session: Any, seen: dict[str, Any] | None) -> Changes:
            checked_into, into_seen["state"] = into_seen["state"], None  # a redo checks the merged stage only
            return merge_stage(session, row.id, into.id, seen=seen, seen_into=checked_into)

        return self._guarded(text, "stage", row.id, row.state(), do,
                             lambda s, seen: unmerge_stage(s, row.id, seen=seen))

    def reorder(self, pipeline_id: int, seen_order: list[int], order: list[int]) -> Changes | None:
        text = self.tr("Change the order of the stages")
        return self._push(text, lambda: self.ctx.run(reorder_stages, pipeline_id, order, seen_order=seen_order),
                          lambda _done: self.ctx.run(reorder_stages, pipeline_id, seen_order, seen_order=order))

    # --- pipelines --------------------------------------------------------------------------
    def create_pipeline(self, kind: str, name_ru: str, name_en: str, billing_months: int | None) -> Changes | None:
        text = self.tr("Create the pipeline «%1»").replace("%1", name_ru if self.ctx.language == "ru" else name_en)
        return self._created(text, "pipeline", lambda s: create_pipeline(s, kind, name_ru, name_en, billing_months),
                             lambda s, pipeline_id, seen: remove_created_pipeline(s, pipeline_id, seen=seen))

    def edit_pipeline(self, row: FunnelPipelineRow, values: dict[str, Any]) -> Changes | None:
        before = {k: row.state().get(k) for k in values}
        text = self.tr("Change the pipeline «%1»").replace("%1", row.name(self.ctx.language))
        return self._guarded(text, "pipeline", row.id, row.state(),
                             lambda s, seen: update_pipeline(s, row.id, values, seen=seen),
                             lambda s, seen: update_pipeline(s, row.id, before, seen=seen), keys=list(values))

    def set_pipeline_archived(self, row: FunnelPipelineRow, archived: bool) -> Changes | None:
        text = (self.tr("Archive the pipeline «%1»") if archived else self.tr("Bring back the pipeline «%1»")) \
            .replace("%1", row.name(self.ctx.language))
        return self._guarded(text, "pipeline", row.id, row.state(),
                             lambda s, seen: set_pipeline_archived(s, row.id, archived, seen=seen),
                             lambda s, seen: set_pipeline_archived(s, row.id, not archived, seen=seen),
                             keys=["archived"])

    # --- lost reasons -----------------------------------------------------------------------
    def add_reason(self, text_ru: str, text_en: str | None, group: str | None) -> Changes | None:
        text = self.tr("Add the lost reason «%1»").replace("%1", text_ru)
        return self._created(text, "lost_reason", lambda s: add_lost_reason(s, text_ru, text_en, group),
                             lambda s, reason_id, seen: remove_added_reason(s, reason_id, seen=seen))

    def edit_reason(self, row: FunnelReasonRow, values: dict[str, Any]) -> Changes | None:
        before = {k: row.state().get(k) for k in values}
        text = self.tr("Change the lost reason «%1»").replace("%1", row.label(self.ctx.language))
        return self._guarded(text, "lost_reason", row.id, row.state(),
                             lambda s, seen: update_lost_reason(s, row.id, values, seen=seen),
                             lambda s, seen: update_lost_reason(s, row.id, before, seen=seen), keys=list(values))

    def set_reason_active(self, row: FunnelReasonRow, active: bool) -> Changes | None:
        text = (self.tr("Bring back the lost reason «%1»") if active else self.tr("Archive the lost reason «%1»")) \
            .replace("%1", row.label(self.ctx.language))
        return self._guarded(text, "lost_reason", row.id, row.state(),
                             lambda s, seen: set_lost_reason_active(s, row.id, active, seen=seen),
                             lambda s, seen: set_lost_reason_active(s, row.id, not active, seen=seen),
                             keys=["active"])

    def reorder_reasons(self, seen_order: list[int], order: list[int]) -> Changes | None:
        text = self.tr("Change the order of the lost reasons")
        return self._push(text, lambda: self.ctx.run(reorder_lost_reasons, order, seen_order=seen_order),
                          lambda _done: self.ctx.run(reorder_lost_reasons, seen_order, seen_order=order))
