"""The import as one step on the undo stack: undo reverts the import batch (refused, with the
engine's reason, once someone has worked on what it created); redo imports the same files
through the same mapping again."""
from __future__ import annotations

from collections.abc import Sequence

from voronka.models.changes import Changes
from voronka.models.importing import ImportResult, Preset, Table, import_files, revert_import

from ..app_context import AppContext
from ..undo import ActionCommand


def push_import(ctx: AppContext, tables: Sequence[Table], preset: Preset, result: ImportResult, text: str) -> None:
    """Announce an import done in the background and put it on the undo stack."""
    def do() -> Changes:
        return ctx.run(import_files, list(tables), preset, user_id=ctx.user_id)

    def undo(done: Changes) -> Changes:
        assert isinstance(done, ImportResult)
        return ctx.run(revert_import, done.batch_id, user_id=ctx.user_id)

    if not result.empty:
        ctx.changed.emit(result)
    ctx.undo_stack.push(ActionCommand(ctx, text, do, undo, result))
