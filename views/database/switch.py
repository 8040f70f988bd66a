"""Switch the application to another database: a new context and a new main window.

Nothing of the old database survives the switch: its undo stack, caches and pages go
with its window, and its engine is closed. If the new database cannot be opened, the
user is told why and the old window stays as it was.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from voronka.models.db import Database, open_database
from voronka.models.errors import DatabaseOpenError
from voronka.models.queries.team import head_of_sales as _head_of_sales

from ..app_context import AppContext
from ..errors import show_error
from .recent import remember_database

log = logging.getLogger(__name__)


def head_of_sales(db: Database) -> int | None:
    """The active head of sales, who "I" am on a database this computer has not seen."""
    with db.session() as s:
        return _head_of_sales(s)


def new_context(db: Database, old: AppContext) -> AppContext:
    """A context for ``db`` with this computer's settings and language."""
    ctx = AppContext(db, old.settings, old.language)
    if ctx.user_id is None:
        ctx.user_id = head_of_sales(db)
    return ctx


def close_context(ctx: AppContext) -> None:
    """Stop the context's background database work, then close its database."""
    executor = getattr(ctx, "executor", None)
    if executor is not None:
        executor.shutdown()
    ctx.db.close()


def open_in_window(window, db: Database, after: Callable[[object], None] | None = None):  # noqa: ANN001
    """Show ``db`` in a new main window in place of ``window``; close the old one and its database."""
    from voronka.models.clock import set_team_time_zone

    from ..main_window import MainWindow

    old_ctx = window.ctx
    ctx = new_context(db, old_ctx)
    set_team_time_zone(ctx.team_setting("team.time_zone"))
    remember_database(ctx.settings, old_ctx.db.location)  # so it is one click away in the recent list
    remember_database(ctx.settings, db.location)
    new = MainWindow(ctx)
    new.setGeometry(window.geometry())
    if getattr(window, "auto_backup", None) is not None:
        new.enable_auto_backup()
    new.show()
    window.replaced = True
    window.close()
    window.deleteLater()
    close_context(old_ctx)
    if after is not None:
        after(new)
    return new


def switch_database(window, location: str, *, create: bool = False):  # noqa: ANN001
    """Open ``location`` (a new file when ``create``) in place of ``window``'s database.

    Returns the new main window, or None if the database could not be opened (the user
    was told why) or is the one already open.
    """
    if location == window.ctx.db.location:
        return None
    try:
        from voronka.views.opening_dialogs import show_notice

        db = open_database(location, create=create, language=window.ctx.language,
                           notify=lambda notice: show_notice(notice, window))  # e.g. a file on a network share
    except DatabaseOpenError as exc:
        log.warning("Cannot open %s: %s", location, exc)
        show_error(window, exc)
        return None
    return open_in_window(window, db)
