"""Report computations on the application's executor (its ``REPORTS`` lane).

A report computation cannot be stopped mid-way (a cancelled one ends at its next
progress call), so it must not belong to the page that asked: the job belongs to the
``AppContext``'s executor and its answer is dropped if that page was deleted meanwhile.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from ..app_context import AppContext
from ..executor import REPORTS, Job

_alive: set[Job] = set()


def run_in_background(ctx: AppContext, fn: Callable[[Job], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None], owner: QObject | None = None) -> Job:
    """Run ``fn(progress)`` on the report lane; callbacks on the UI thread while ``owner`` lives."""
    job = ctx.executor.submit(fn, on_done=on_done, on_error=on_error, owner=owner, lane=REPORTS)
    _alive.add(job)
    job.finished.append(lambda: _alive.discard(job))
    return job


def running_tasks() -> int:
    return len(_alive)
