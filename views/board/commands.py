"""The board's actions: move, win, lose, reassign, reactivate, edit rules — each one
domain call in one transaction, put on the undo stack (Ctrl+Z / Ctrl+Shift+Z).

Undoing a move, win or loss removes its events (``undo_events``), so an accidental drag
leaves no trace in the metrics. A move into a stage whose required fields are empty
asks for exactly those fields (``BoardDialogs.required_fields``) and moves when they are
filled; the filled-in values stay on undo (they are facts about the deal, not the move).
Several deals move, win or lose together or not at all; when a group move is refused
for one deal's missing fields, nothing moves and the rep is told which deal it was.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from voronka.models import errors
from voronka.models.changes import Changes
from voronka.models.queries.board import BoardStage, lost_reasons
from voronka.models.queries.cards import record_values
from voronka.models.services.batch import lose_deals, reopen_deals, undo_with_copies, win_deals
from voronka.models.services.deal_guard import SeenDeal
from voronka.models.services.deals import change_owner, deal_values, move_deals
from voronka.models.services.recreate import CreatedRecords, capture_created, restore_created
from voronka.models.services.funnel_rules import stage_rules, update_stage_rules
from voronka.models.services.team import WON_COPY_SETTING

from ..app_context import AppContext
from ..errors import show_error
from ..undo import push_checked
from .dialogs import BoardDialogs



class BoardActions(QObject):
    """``seen(deal_id)``: the deal as the screen shows it (stage, status), which the services
    check against the deal as it is now — a deal someone else moved, closed or reopened
    meanwhile is refused with who did it, and the screens showing it refresh."""

    def __init__(self, ctx: AppContext, parent: QWidget, deal_name: Callable[[int], str],
                 seen: Callable[[int], SeenDeal | None] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.deal_name = deal_name
        self.seen = seen or (lambda _deal_id: None)
        self.dialogs = BoardDialogs(parent, ctx.language)

    # --- helpers ----------------------------------------------------------------------
    def _seen(self, deal_ids: Sequence[int]) -> dict[int, SeenDeal]:
        return {deal_id: seen for deal_id in deal_ids if (seen := self.seen(deal_id)) is not None}

    def _refused(self, exc: errors.VoronkaError) -> None:
        """Say why; a deal someone else changed is reloaded by every screen showing it."""
        show_error(self.parent_widget, exc)
        if isinstance(exc, errors.DealChanged):  # read at once: the user is looking at what was refused
            self.ctx.changed.emit(Changes(deals={exc.deal_id}, local=True))

    def _what(self, deal_ids: Sequence[int]) -> str:
        if len(deal_ids) == 1:
            return "«" + self.deal_name(deal_ids[0]) + "»"
        return self.tr("%1 deals").replace("%1", str(len(deal_ids)))

    def _undo(self, restore: dict[int, dict[str, Any]] | None = None,
              left: dict[str, Any] | None = None) -> Callable[[Changes], Changes]:
        """Undo of a board action: remove the events it wrote and the copies it made, and
        put back the fields its forms filled (``restore``: their values before), while
        they still hold what the action left (``left["values"]``)."""
        ctx, user = self.ctx, self.ctx.user_id
        return lambda done: ctx.run(undo_with_copies, done.event_ids, done.created, user_id=user, restore=restore,
                                    left=(left or {}).get("values"), copy_rows=(left or {}).get("copies"))

    def _noting_filled(self, act: Callable[..., Changes], values: dict[int, dict[str, Any]],
                       left: dict[str, Any], again: bool = False) -> Changes:
        """``act(values)``, noting in the same transaction what the filled fields hold after
        it and the Client Success copies it made (what its undo may delete or put back
        over). ``again`` (a redo): the copies come back as they were, under their ids."""
        ctx = self.ctx
        if again and left.get("copies") is not None:
            changes = act(values, copies=left["copies"])
        else:
            changes = act(values)
        if changes.created:
            rows = ctx.run(capture_created, deals=set(changes.created))
            ctx.on_commit(lambda: left.update(copies=rows))
        if values:
            now = {deal_id: ctx.run(lambda s, d=deal_id, k=list(asked): record_values(s, "deal", d, k))
                   for deal_id, asked in values.items()}
            ctx.on_commit(lambda: left.update(values=now))
        return changes

    def _undoable(self, text: str, do: Callable[[], Changes]) -> Changes | None:
        """Do now and push on the undo stack; a refusal is shown, nothing is pushed."""
        try:
            return self.ctx.push_undoable(text, do, self._undo())
        except errors.VoronkaError as exc:
            self._refused(exc)
            return None

    def _with_required_fields(self, stage_name: str, text: str,
                              act: Callable[[dict[int, dict[str, Any]]], Changes]) -> Changes | None:
        """Run ``act(values)``; each time the stage needs empty fields of a deal, ask for
        exactly those (naming the deal) and try again. Each try is one transaction, so
        cancelling any form leaves every deal as it was."""
        values: dict[int, dict[str, Any]] = {}
        before: dict[int, dict[str, Any]] = {}  # what undo puts back
        left: dict[str, Any] = {}  # what the action left in those fields
        while True:
            try:
                return self.ctx.push_undoable(text, lambda v=dict(values): self._noting_filled(act, v, left),
                                              self._undo(dict(before), left),
                                              redo=lambda v=dict(values): self._noting_filled(act, v, left, True))
            except errors.StageRequirementsMissing as exc:
                if exc.deal_id in values:  # answered, yet still missing: say which and stop
                    show_error(self.parent_widget, _named(exc, self.deal_name(exc.deal_id)))
                    return None
                asked = self.dialogs.required_fields(exc.fields, stage_name, self.deal_name(exc.deal_id))
                if asked is None:
                    return None
                values[exc.deal_id] = asked
                before[exc.deal_id] = self.ctx.query(deal_values, exc.deal_id, list(asked))
            except errors.VoronkaError as exc:
                self._refused(exc)
                return None

    # --- the actions ------------------------------------------------------------------
    def move(self, deal_ids: Sequence[int], stage: BoardStage) -> Changes | None:
        """Move deals into ``stage``; a won stage wins them."""
        if not deal_ids:
            return None
        if stage.won:
            return self.win(deal_ids)
        ids, user, seen = list(deal_ids), self.ctx.user_id, self._seen(deal_ids)
        name = stage.name(self.ctx.language)
        text = self.tr("Move %1 to «%2»").replace("%1", self._what(ids)).replace("%2", name)
        return self._with_required_fields(
            name, text, lambda values: self.ctx.run(move_deals, ids, stage.id, user_id=user, values=values,
                                                    seen=seen))

    def win(self, deal_ids: Sequence[int], offer_copy: bool = True) -> Changes | None:
        ids, user, seen = list(deal_ids), self.ctx.user_id, self._seen(deal_ids)
        mode = self.ctx.team_setting(WON_COPY_SETTING, "ask") if offer_copy else "never"
        if mode == "always":
            copy = True
        else:
            answer = self.dialogs.won(len(ids), offer_copy and mode == "ask")
            if answer is None:
                return None
            copy = answer
        text = self.tr("Win %1").replace("%1", self._what(ids))
        ctx = self.ctx

        def act(values: dict[int, dict[str, Any]], copies: CreatedRecords | None = None) -> Changes:
            """Win; on a redo the copies the first win made come back under their ids."""
            changes = ctx.run(win_deals, ids, user_id=user, copy_to_success=copy and copies is None,
                                  values=values, seen=seen)
            if copies is not None:
                changes.merge(ctx.run(restore_copies, copies))
            return changes

        return self._with_required_fields(self.tr("Won"), text, act)

    def lose(self, deal_ids: Sequence[int]) -> Changes | None:
        ids, user, seen = list(deal_ids), self.ctx.user_id, self._seen(deal_ids)
        answer = self.dialogs.lost(self.ctx.query(lost_reasons), len(ids))
        if answer is None:
            return None
        reason_id, comment = answer
        text = self.tr("Lose %1").replace("%1", self._what(ids))
        return self._undoable(text, lambda: self.ctx.run(lose_deals, ids, reason_id=reason_id, user_id=user,
                                                         comment=comment, seen=seen))

    def reassign(self, deal_ids: Sequence[int], owner_id: int, owner_name: str) -> Changes | None:
        ids, user, seen = list(deal_ids), self.ctx.user_id, self._seen(deal_ids)
        text = self.tr("Reassign %1 to %2").replace("%1", self._what(ids)).replace("%2", owner_name)
        return self._undoable(text, lambda: self.ctx.run(change_owner, ids, owner_id, user_id=user, seen=seen))

    def reopen(self, deal_ids: Sequence[int], *, stage: BoardStage | None = None,
               owner: tuple[int, str] | None = None) -> Changes | None:
        """Reactivate lost deals into ``stage``, or reopen them under another ``owner``."""
        ids, user, seen = list(deal_ids), self.ctx.user_id, self._seen(deal_ids)
        if owner is not None:
            text = self.tr("Reassign %1 to %2").replace("%1", self._what(ids)).replace("%2", owner[1])
        else:
            text = self.tr("Reactivate %1").replace("%1", self._what(ids))
        return self._undoable(text, lambda: self.ctx.run(
            reopen_deals, ids, user_id=user, stage=stage.id if stage else None,
            owner_id=owner[0] if owner else None, seen=seen))

    def edit_rules(self, stage: BoardStage, values: dict[str, Any]) -> Changes | None:
        user = self.ctx.user_id
        before = self.ctx.query(stage_rules, stage.id)
        old = {k: before[k] for k in values}
        text = self.tr("Change the rules of «%1»").replace("%1", stage.name(self.ctx.language))
        keys = list(values)
        try:  # refused when someone changed these rules since they were read (or since the step)
            return push_checked(
                self.ctx, text, stage.name(self.ctx.language),
                lambda s: {k: v for k, v in stage_rules(s, stage.id, lock=True).items() if k in keys},
                lambda s: update_stage_rules(s, stage.id, values, user_id=user),
                lambda s: update_stage_rules(s, stage.id, old, user_id=user), seen=old, found=Changes(funnel=True))
        except errors.VoronkaError as exc:
            show_error(self.parent_widget, exc)
            return None


def restore_copies(session: Any, copies: CreatedRecords) -> Changes:
    """The Client Success copies of a win, back under their ids (a redo of the win)."""
    return restore_created(session, copies)[0]


def _named(exc: errors.StageRequirementsMissing, deal_name: str) -> errors.StageRequirementsMissing:
    """The same refusal, with the deal's name in the stage slot so the rep knows which deal."""
    return errors.StageRequirementsMissing(exc.deal_id, exc.stage_key, f"{exc.stage_name} ({deal_name})", exc.fields,
                                           f"{exc.stage_name_ru} ({deal_name})")
