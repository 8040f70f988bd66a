"""Background computations that outlive the screen that asked for them.

A report computation cannot be stopped mid-way (a cancelled one ends at its next
progress call), so its task must not belong to the page: if the page is closed first,
the task would report to a deleted object. These tasks have no parent and are kept
alive here until they finish; their callbacks check that the page still exists.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..worker import Progress, Task, start_task

_alive: set[Task] = set()


def run_in_background(fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> Task:
    """``start_task`` without a progress dialog and without a parent (see the module docstring)."""
    task = start_task(None, fn, on_done=on_done, on_error=on_error, show_dialog=False)
    _alive.add(task)
    task.finished.connect(lambda: _alive.discard(task))
    return task


def running_tasks() -> int:
    return len(_alive)
