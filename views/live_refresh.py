"""Other people's changes appear without a restart.

Every ``POLL_MS`` one application-wide timer asks each open context's change watcher
(``models.change_watch``) whether another window or laptop committed something, and
announces it through that context's one ``changed`` signal, so every screen refreshes the
way it does after its own actions. A poll is one tiny query on the UI thread; the refresh
work is each screen's own.

The timer belongs to the application, not to a context: a context that is being collected
must never be deleted while its own timer slot runs. Contexts are held weakly.
"""
from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer

from voronka.models.changes import Changes

if TYPE_CHECKING:
    from .app_context import AppContext

log = logging.getLogger(__name__)
POLL_MS = 500

_watched: weakref.WeakSet[LiveRefresh] = weakref.WeakSet()
_timer: QTimer | None = None


class LiveRefresh:
    """The live refresh of one context (``ctx.live``)."""

    def __init__(self, ctx: AppContext):
        self._ctx = weakref.ref(ctx)
        self.watcher = ctx.db.watch()
        self._failing = False
        if self.watcher is not None:
            _watched.add(self)
            _start_timer()

    def poll(self) -> Changes | None:
        """Announce what others committed since the last poll; returns it (None if nothing)."""
        ctx = self._ctx()
        if ctx is None or self.watcher is None or self.watcher.closed:
            self.stop()  # the window or its database is gone
            return None
        try:
            changes = self.watcher.poll()
        except Exception:
            # The server went away or the file is busy: say so once in the log and keep asking;
            # the user's own actions report their errors themselves.
            if not self._failing:
                log.warning("Cannot read other people's changes; trying again", exc_info=True)
            self._failing = True
            return None
        if self._failing:
            log.info("Reading other people's changes again")
            self._failing = False
        if changes is None or changes.empty:
            return None
        ctx.changed.emit(changes)
        return changes

    def stop(self) -> None:
        _watched.discard(self)


def poll_all() -> None:
    """One round: every open context asks once; the timer rests while none is open."""
    for live in list(_watched):
        live.poll()
    if not _watched and _timer is not None:
        _timer.stop()


def _start_timer() -> None:
    global _timer
    if _timer is None or not shiboken6.isValid(_timer):
        _timer = QTimer(QCoreApplication.instance())
        _timer.setInterval(POLL_MS)
        _timer.timeout.connect(poll_all)
    if not _timer.isActive():
        _timer.start()
