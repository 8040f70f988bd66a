"""Undo commands that call domain services (orange-canvas shape: store ids, call the domain)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from models.changes import Changes
from models.errors import VoronkaError

if TYPE_CHECKING:
    from .app_context import AppContext


class ActionCommand(QUndoCommand):
    """An action already done once; redo repeats ``do``, undo calls ``undo(changes_of_do)``.

    A refusal during undo/redo (e.g. the deal changed since) makes the command obsolete
    and is shown through ``AppContext.error`` — never swallowed.
    """

    def __init__(self, ctx: "AppContext", text: str, do: Callable[[], Changes],
                 undo: Callable[[Changes], Changes], done: Changes):
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self._last = done
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(lambda: setattr(self, "_last", self._do()))

    def undo(self) -> None:
        self._guard(lambda: self._undo(self._last))

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except VoronkaError as exc:
            self.setObsolete(True)
            self._ctx.error.emit(exc)


def undo_creation(ctx: "AppContext", done: Changes, *, with_company: bool = False) -> Changes:
    """The undo of creating a deal (``done``: what the creating service returned); with
    ``with_company`` the company created in the same action goes too, if still unused."""
    from models.services.creation_undo import discard_created_deal

    company = next(iter(done.companies), None) if with_company else None
    return ctx.run(discard_created_deal, done.created[0], done.event_ids, user_id=ctx.user_id,
                   company_id=company)
