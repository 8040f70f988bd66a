"""One slice of screen-building per turn of the event loop.

Pages build themselves in slices so the window keeps answering: the board makes its columns a
few at a time, a report tab makes a chart, draws it, puts it on screen and fills its tables in
turns of their own, Settings makes its team boxes after the first paint. Each slice is scheduled
by its own timer, and slices whose timers fall due together (a report tab's tables and its next
chart, the board's last column and the Reports page's first tab) used to run back to back in
one turn of the event loop: two 25 ms slices made a 50 ms stall, with no paint or key press in
between.

``@one_slice_per_turn`` on a slice's entry point keeps them apart: a slice called less than
``BACK_TO_BACK_MS`` after another slice ended is put off by ``GAP_MS`` (its own timer restarted
when it has one, so "still drawing" stays true meanwhile), and the event loop paints and takes
input in between. Slices called directly (code that needs the widget now) are not put off.
"""
from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

BACK_TO_BACK_MS = 1.5  # another slice ended this recently: nothing else ran in between
GAP_MS = 4  # how long a slice that came back to back is put off

_last_end = 0.0
_KEPT = "one_slice_interval"  # a put-off timer's own interval, kept on it meanwhile

Method = TypeVar("Method", bound=Callable[..., Any])


def _came_back_to_back() -> bool:
    return (time.perf_counter() - _last_end) * 1000 < BACK_TO_BACK_MS


def run_as_slice(owner: QObject, slice_: Callable[[], Any]) -> None:
    """Run ``slice_`` now, or ``GAP_MS`` later (while ``owner`` lives) if another slice just ended:
    for slices started by ``QTimer.singleShot`` or a closure rather than a method."""
    global _last_end
    if _came_back_to_back():
        QTimer.singleShot(GAP_MS, owner, lambda: run_as_slice(owner, slice_))
        return
    try:
        slice_()
    finally:
        _last_end = time.perf_counter()


def one_slice_per_turn(timer: str | None = None) -> Callable[[Method], Method]:
    """Decorate a QObject method that is a timer-started slice of screen-building. ``timer``:
    the name of the object's single-shot QTimer that starts it (restarted to put the slice off);
    without it the slice is put off by a single-shot call of its own with the same arguments."""
    def wrap(method: Method) -> Method:
        @functools.wraps(method)
        def run(self: QObject, *args: Any) -> Any:
            global _last_end
            own = getattr(self, timer) if timer is not None else None
            if _came_back_to_back():
                if own is not None:
                    if own.property(_KEPT) is None:  # its own delay, back once the slice ran
                        own.setProperty(_KEPT, own.interval())
                    own.start(GAP_MS)
                else:
                    QTimer.singleShot(GAP_MS, self, lambda: run(self, *args))
                return None
            if own is not None and own.property(_KEPT) is not None and not own.isActive():
                own.setInterval(own.property(_KEPT))
                own.setProperty(_KEPT, None)
            try:
                return method(self, *args)
            finally:
                _last_end = time.perf_counter()
        return run  # type: ignore[return-value]
    return wrap
