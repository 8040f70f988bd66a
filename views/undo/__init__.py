"""Undo that stays in step with the database (orange-canvas shape: store ids, call the domain).

``QUndoCommand.undo()`` cannot fail, so the stack does the work first: ``GuardedUndoStack``
runs the compensation of the step about to be undone (or redone) — every command of a
macro — in ONE transaction, and only when that commits lets ``QUndoStack`` move its
index (the commands' own ``undo()``/``redo()`` are then no-ops). A refusal (someone
changed the records since), a locked database or any other error rolls the transaction
back, leaves the index where it was, and is reported through ``AppContext.error`` as a
``StepNotApplied``: the stack and the database never disagree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from models.changes import Changes

if TYPE_CHECKING:
    from ..app_context import AppContext


class StepNotApplied(Exception):
    """An undo or redo that was not applied: nothing was written, the stack did not move."""

    def __init__(self, undo: bool, text: str, cause: BaseException):
        super().__init__(f"{'Undo' if undo else 'Redo'} of {text!r} not applied: {cause}")
        self.undo = undo
        self.text = text
        self.cause = cause


class ActionCommand(QUndoCommand):
    """An action already done once; redo repeats ``do``, undo calls ``undo(changes_of_do)``.

    ``apply`` is what ``GuardedUndoStack`` calls inside its transaction; ``undo()`` and
    ``redo()`` only act when Qt calls them some other way (``setIndex``).
    """

    def __init__(self, ctx: "AppContext", text: str, do: Callable[[], Changes],
                 undo: Callable[[Changes], Changes], done: Changes):
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self._last = done
        self._first = True

    def apply(self, undo: bool) -> None:
        """Run the compensation (``undo``) or the action again, in the caller's transaction."""
        if undo:
            self._undo(self._last)
            return
        again = self._do()
        self._ctx.on_commit(lambda: setattr(self, "_last", again))  # only what was written counts

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._outside_the_stack(undo=False)

    def undo(self) -> None:
        self._outside_the_stack(undo=True)

    def _outside_the_stack(self, undo: bool) -> None:
        stack = self._ctx.undo_stack
        if isinstance(stack, GuardedUndoStack) and stack.applying:
            return  # already applied by the stack, in its transaction
        try:
            with self._ctx.one_transaction():
                self.apply(undo)
        except Exception as exc:  # noqa: BLE001 — reported, never swallowed
            self._ctx.error.emit(StepNotApplied(undo, self.text(), exc))


def _commands(command: QUndoCommand, reverse: bool) -> Iterator[ActionCommand]:
    """The ``ActionCommand``s of one stack step (a macro's children, in the order to apply)."""
    if isinstance(command, ActionCommand):
        yield command
        return
    children = [command.child(i) for i in range(command.childCount())]
    for child in reversed(children) if reverse else children:
        yield from _commands(child, reverse)


class GuardedUndoStack(QUndoStack):
    """A ``QUndoStack`` whose index moves only after the database step has committed."""

    def __init__(self, ctx: "AppContext"):
        super().__init__(ctx)
        self._ctx = ctx
        self.applying = False

    def undo(self) -> bool:  # type: ignore[override]
        """Undo the latest step; False (and a reported error) when it was not applied."""
        return self.canUndo() and self._step(self.command(self.index() - 1), undo=True)

    def redo(self) -> bool:  # type: ignore[override]
        return self.canRedo() and self._step(self.command(self.index()), undo=False)

    def _step(self, command: QUndoCommand, undo: bool) -> bool:
        try:
            with self._ctx.one_transaction():
                for action in _commands(command, reverse=undo):
                    action.apply(undo)
        except Exception as exc:  # noqa: BLE001 — reported, never swallowed
            self._ctx.error.emit(StepNotApplied(undo, command.text(), exc))
            return False
        self.applying = True
        try:
            super().undo() if undo else super().redo()
        finally:
            self.applying = False
        return True


def undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Undo and Redo menu actions that go through the guarded stack (Qt's own
    ``createUndoAction`` would call ``QUndoStack.undo`` past it)."""
    undo, redo = QAction(parent), QAction(parent)
    undo.triggered.connect(lambda: stack.undo())
    redo.triggered.connect(lambda: stack.redo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.setToolTip)
    stack.redoTextChanged.connect(redo.setToolTip)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo


def undo_creation(ctx: "AppContext", done: Changes, *, with_company: bool = False) -> Changes:
    """The undo of creating a deal (``done``: what the creating service returned); with
    ``with_company`` the company created in the same action goes too, if still unused."""
    from models.services.creation_undo import discard_created_deal

    company = next(iter(done.companies), None) if with_company else None
    return ctx.run(discard_created_deal, done.created[0], done.event_ids, user_id=ctx.user_id,
                   company_id=company)
