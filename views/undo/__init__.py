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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from voronka.models.changes import Changes

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
                 undo: Callable[[Changes], Changes], done: Changes, redo: Callable[[], Changes] | None = None):
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._redo = redo or do
        self._undo = undo
        self._last = done
        self._first = True

    def apply(self, undo: bool) -> None:
        """Run the compensation (``undo``) or the action again, in the caller's transaction."""
        if undo:
            self._undo(self._last)
            return
        again = self._redo()
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
            self._ctx.in_one_transaction(lambda: self.apply(undo))
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
        def apply_all() -> None:
            for action in _commands(command, reverse=undo):
                action.apply(undo)

        try:
            self._ctx.in_one_transaction(apply_all)  # a locked database: a few tries, then DatabaseBusy
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


def push_creation(ctx: "AppContext", text: str, create: Callable[[], Changes], kind: str = "deals") -> Changes:
    """Create records now and put it on the undo stack: undo deletes exactly what was
    created (refused once someone changed it or hung work on it), redo puts the same rows
    back under the same ids (refused if an id has been taken since). ``kind``: what
    ``Changes.created`` lists (``deals``, ``companies``, ``contacts``, ``tasks``,
    ``activities``); a company made with a deal (the board's quick-create) comes along."""
    from voronka.models.services.recreate import capture_created, discard_created, restore_created

    made: dict[str, Any] = {}

    def first() -> Changes:
        changes = create()
        extra = {"companies": set(changes.companies)} if kind == "deals" else {}
        rows = ctx.run(capture_created, **{**extra, kind: set(changes.created)})
        ctx.on_commit(lambda: made.update(rows=rows))
        return changes

    def undo(_done: Changes) -> Changes:
        return ctx.run(discard_created, made["rows"])

    def redo() -> Changes:
        held: dict[str, Any] = {}

        def service(session: Any) -> Changes:
            changes, held["rows"] = restore_created(session, made["rows"])
            return changes

        changes = ctx.run(service)
        ctx.on_commit(lambda: made.update(rows=held["rows"]))
        return changes

    return ctx.push_undoable(text, first, undo, redo=redo)


def push_guarded(ctx: "AppContext", text: str, entity: str, record_id: int, keys: list[str],
                 do: Callable[[Any], Changes], undo: Callable[[Any], Changes], *, name: str = "") -> Changes:
    """An action on one record's fields (``keys``) on the undo stack. ``do``/``undo`` are
    services (``session → Changes``); each step after the first runs only while those
    fields still hold what the previous step left, else it is refused naming who changed
    them and when."""
    from voronka.models.services.undo_guard import guarded_step

    left: dict[str, Any] = {}

    def step(act: Callable[[Any], Changes]) -> Changes:
        held: dict[str, Any] = {}

        def service(session: Any) -> Changes:
            changes, held["values"] = guarded_step(session, entity, record_id, keys, left.get("values"), act, name)
            return changes

        changes = ctx.run(service)
        ctx.on_commit(lambda: left.update(values=held["values"]))
        return changes

    return ctx.push_undoable(text, lambda: step(do), lambda _done: step(undo))


def push_checked(ctx: "AppContext", text: str, name: str, read: Callable[[Any], Any],
                 do: Callable[[Any], Changes], undo: Callable[[Any], Changes], *, seen: Any = None,
                 found: Changes | None = None) -> Changes:
    """An action on a record without a version (a team member, a plan, a team setting, a
    stage's rules) on the undo stack. ``read(session)`` is the record's state now (locked);
    every step runs only while it still equals what the step before left — the first only
    while it equals ``seen`` (what the screen showed), when given — else it is refused
    (``ChangedSince``: someone changed «name») and nothing is written. ``found``: what such a
    refusal proves someone else changed (``Changes(settings=True)`` for a team setting); the
    context announces it, so cached copies (``AppContext.team_setting``) and screens catch up."""
    from voronka.models.errors import ChangedSince

    left: dict[str, Any] = {} if seen is None else {"state": seen}

    def step(act: Callable[[Any], Changes]) -> Changes:
        held: dict[str, Any] = {}

        def service(session: Any) -> Changes:
            if "state" in left and read(session) != left["state"]:
                raise ChangedSince("edited", record=name, found=found)
            changes = act(session)
            session.flush()
            held["state"] = read(session)
            return changes

        changes = ctx.run(service)
        ctx.on_commit(lambda: left.update(state=held["state"]))
        return changes

    return ctx.push_undoable(text, lambda: step(do), lambda _done: step(undo))
