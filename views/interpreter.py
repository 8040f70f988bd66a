"""Two settings of the Python interpreter that keep the window answering while threads work.

**The lock's switch interval.** The database and report executors run Python on their own
threads, and only one thread runs Python at a time. A thread that wants the interpreter waits
until the running one is asked to give it up, by default after 5 ms. The UI thread asks again
after every call into Qt that let go of it, so a repaint calling back into Python (an item
model's ``data``) waited 5 ms over and over: a 21 ms table repaint took 70–240 ms while a
thread read 100,000 ids. At 0.5 ms the same repaint took 43 ms; with a thread running Python
all along, a table repaint of 22 ms alone took 81 ms at 0.5 ms and 48 ms at 0.1 ms (so 0.1 ms:
the tour's worst stalls at 300,000 deals were such waits). The threads' own work loses little:
the interval only matters while two threads want the interpreter.

**A frozen start-up heap.** CPython's full collection (generation 2) walks every container
object alive, holding the interpreter all along. At 100,000 deals the app holds about 200,000
of them, most made while it started (modules, classes, functions, the window's widgets), and a
full collection took 100–340 ms, on the UI thread or on an executor thread the UI thread then
waited for: the tour benchmark's longest stalls. ``settle_startup_heap`` moves what exists once
the window is built out of the collector's reach (``gc.freeze``), so a later full collection
walks only what was made since. The price, accepted: a reference cycle among the frozen objects
is never freed. They live as long as the app anyway, except the widgets of pages rebuilt by a
language switch (a few thousand small objects, once per switch).
"""
from __future__ import annotations

import gc
import logging
import sys

log = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.0001
_settled = False


def favour_ui_thread() -> None:
    """Let a thread waiting for the interpreter (the UI thread, mostly) have it within 0.1 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle_startup_heap() -> None:
    """Freeze the objects alive now, out of the collector's walks (once per process)."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.freeze()
    log.debug("froze %d objects made at start-up", gc.get_freeze_count())
