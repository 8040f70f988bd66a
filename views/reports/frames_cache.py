"""The report frames of each pipeline, loaded once and kept until the data changes.

Switching the period only recomputes the report from the cached frames; a ``Changes``
that touches deals, activities, plans, users or the funnel drops the cache. One cache
per ``AppContext`` (``FramesCache.of(ctx)``), shared by the report view and the start
page. ``frames`` is called from worker threads: a lock makes concurrent callers wait
for one load instead of loading twice. Dropped frames are freed a second later on the reports lane,
not on the UI thread as the change arrives (a move must not wait for tens of megabytes).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from voronka.models.frames import FunnelFrames
from voronka.models.changes import Changes

from ..app_context import AppContext

RELEASE_DELAY_MS = 1000


def touches_report(changes: Changes) -> bool:
    """Whether a change can alter any report number."""
    return bool(changes.deals or changes.activities or changes.plans or changes.users or changes.funnel)


class FramesCache(QObject):
    invalidated = Signal()  # the data changed: reports shown are out of date

    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self.setObjectName("FramesCache")
        self._ctx = ctx
        self._lock = threading.Lock()
        self._frames: dict[str, FunnelFrames] = {}
        self._version = 0
        ctx.changed.connect(self._on_changed)

    @classmethod
    def of(cls, ctx: AppContext) -> "FramesCache":
        cache = ctx.findChild(cls, "FramesCache")
        return cache if cache is not None else cls(ctx)

    @property
    def version(self) -> int:
        """Bumped on every invalidation; results computed on an older version are stale."""
        return self._version

    def frames(self, pipeline_key: str = "sales") -> FunnelFrames:
        """The pipeline's frames (thread-safe; loads them if not cached)."""
        from voronka.models.loader import load_frames

        with self._lock:
            cached = self._frames.get(pipeline_key)
            if cached is not None:
                return cached
            version = self._version
            frames = load_frames(self._ctx.db, pipeline_key)
            if version == self._version:
                self._frames[pipeline_key] = frames
            return frames

    def cached(self, pipeline_key: str = "sales") -> bool:
        return pipeline_key in self._frames

    def invalidate(self) -> None:
        self._version += 1
        dropped, self._frames = self._frames, {}
        if dropped:
            # freeing a pipeline's frames takes ~50 ms at 100k deals, holding the interpreter lock: the
            # reports lane does it a moment later, so the move (or edit) that invalidated them paints first
            QTimer.singleShot(RELEASE_DELAY_MS, self, lambda: self._release(dropped))
        self.invalidated.emit()

    def _release(self, dropped: dict[str, FunnelFrames]) -> None:
        from ..executor import REPORTS

        self._ctx.executor.submit(lambda _job: dropped.clear(), lane=REPORTS)

    def _on_changed(self, changes: Changes) -> None:
        if touches_report(changes):
            self.invalidate()


class ReportMemo:
    """``compute_report`` on one set of frames, remembering each (period, as-of, owner) result.

    Used inside one background run, so tiles asking for the same period share the work.
    """

    def __init__(self, frames: FunnelFrames):
        self.frames = frames
        self._done: dict[tuple, dict] = {}

    def report(self, period, as_of=None, owner_id: int | None = None) -> dict:
        from voronka.metrics.report import compute_report

        key = (period.label, as_of, owner_id)
        if key not in self._done:
            self._done[key] = compute_report(self.frames, period, as_of=as_of, owner_id=owner_id)
        return self._done[key]
