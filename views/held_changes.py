"""Changes a page hears while it is hidden wait until it is shown again.

A page the user left (another page in the main window's stack) has nothing to show: re-reading
the database or recomputing figures for it on every colleague's move only takes the window's
time (and the interpreter lock) from the page on screen. The page asks ``hold(changes)`` first
in its ``changed`` handler; while it is hidden the changes are merged and kept, and
``release()`` in its ``showEvent`` hands them back as one ``Changes`` to act on.

Only a page that was shown and then hidden holds: a page built but never shown (a test, or a
page made in the background) acts on every change as it comes, as before.
"""
from __future__ import annotations

from voronka.models.changes import Changes


class HeldChanges:
    """Keeps the changes heard while hidden. Call ``shown()``/``hidden()`` from the page's
    show and hide events, ``hold`` from its ``changed`` handler."""

    def __init__(self) -> None:
        self._was_shown = False
        self._hidden = False
        self._missed: Changes | None = None

    def shown(self) -> Changes | None:
        """The page is on screen: what it missed meanwhile (None: nothing)."""
        self._was_shown, self._hidden = True, False
        missed, self._missed = self._missed, None
        return missed

    def hidden(self) -> None:
        if self._was_shown:
            self._hidden = True

    @property
    def holding(self) -> bool:
        """The page was shown and is hidden now: work for the screen can wait until ``shown()``."""
        return self._hidden

    def hold(self, changes: Changes) -> bool:
        """True if the page is hidden and ``changes`` were kept for later (the caller returns)."""
        if not self._hidden:
            return False
        if self._missed is None:
            self._missed = Changes()
        self._missed.merge(changes)
        return True
