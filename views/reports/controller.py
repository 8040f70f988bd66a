"""What the report view computes and how: the period, the as-of moment, the pipeline and the
owner; the reports computed on the executor and kept in memory; a reopened snapshot; the
drill-down and the exports. The page (``page.ReportsPage``) only draws what this says.

Every number comes from the metrics engine, off the UI thread:

1. the frames are loaded once and cached (``FramesCache``; dropped when a ``Changes``
   touches deals, activities, plans, users or the funnel);
2. the period's report is computed and shown (the numbers, tables and its charts);
3. then, once the page has drawn it, the previous period and the trend (last 12 weeks /
   7 days) are computed and the change column and trend charts fill in. Switching again
   cancels step 3.

Only the latest request is computed: clicking "next" five times computes the last one.
Exports (XLSX, PDF, CSV, JSON, PNG of a chart) write the report shown through the same
writers as ``voronka report`` (``files.report_bytes``) and keep it as a snapshot; a
reopened snapshot is exported again without making another snapshot.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from voronka.metrics.formatting import period_name
from voronka.metrics.periods import Period, parse_period, period_of
from voronka.metrics.report_bundle import add_context, main_report
from voronka.models.clock import local_now
from voronka.models.errors import VoronkaError
from voronka.models.queries.team import member_name
from voronka.models.services.snapshots import save_snapshot, snapshot_report

from ..app_context import AppContext
from ..errors import describe, show_error
from ..exports.sections import as_of_text
from ..executor import Job
from ..worker import Task, start_task
from .background import run_in_background
from .frames_cache import FramesCache

log = logging.getLogger(__name__)
KEEP_RESULTS = 24  # reports kept in memory, so going back and forth is instant
Key = tuple[int, str, str, datetime | None, int | None]


def _running(task: Task | Job | None) -> bool:
    return task is not None and task.running


def same_request(a: Key, b: Key) -> bool:
    """The same report asked for (pipeline, period, as-of, owner), counted on any version of the data."""
    return a[1:] == b[1:]


class ReportController(QObject):
    """The report view's state and work. ``view`` is the page: dialogs (progress, errors) open on it."""

    shown = Signal(object)  # a bundle to put on screen (first the report, then with its context)
    said = Signal(str, bool)  # a status line: text, whether it is an error
    busy_changed = Signal(bool)
    changed = Signal()  # what is asked for changed (period, as-of, pipeline, owner, snapshot): controls follow
    stale = Signal()  # the data changed: the reports in memory were dropped
    drilled = Signal(str, object)  # a drill-down's title and the deal ids behind the number
    exported = Signal(str, str)  # format, path

    def __init__(self, ctx: AppContext, view: QWidget):
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.cache = FramesCache.of(ctx)
        self.period: Period = period_of("month", local_now())
        self.as_of: datetime | None = None
        self.owner_id: int | None = None
        self.pipeline_key = "sales"
        self.snapshot: dict[str, Any] | None = None
        self.results: OrderedDict[Key, dict[str, Any]] = OrderedDict()
        self._main_task: Job | None = None
        self._context_task: Job | None = None
        self._export_task: Task | None = None
        self._wanted = False
        self._shown_key: Key | None = None  # the live report on screen
        self.last_compute_s = 0.0  # how long the latest report took (loading the frames included)
        # Calls its argument once the shown report is drawn (the page waits for its charts):
        # computing while the UI thread draws would make both wait for each other (one
        # interpreter lock).
        self.when_drawn: Callable[[Callable[[], None]], None] = lambda then: then()
        self.cache.invalidated.connect(self._on_invalidated)

    # --- what is asked for ---------------------------------------------------------------
    def key(self) -> Key:
        return (self.cache.version, self.pipeline_key, self.period.label, self.as_of, self.owner_id)

    def set_period(self, period: Period) -> None:
        self.period = period
        self.refresh()

    def set_kind(self, kind: str) -> None:
        """The period of ``kind`` (month, week, day, quarter, year) around the one shown."""
        if kind != self.period.kind:
            anchor = min(self.period.end - timedelta(seconds=1), local_now())
            self.set_period(period_of(kind, anchor))

    def this_period(self) -> None:
        self.set_period(period_of(self.period.kind, local_now()))

    def set_as_of(self, moment: datetime | None) -> None:
        self.as_of = moment
        self.refresh()

    def set_pipeline(self, key: str) -> None:
        self.pipeline_key = key
        self.refresh()

    def set_owner(self, owner_id: int | None) -> None:
        self.owner_id = owner_id
        self.refresh()

    # --- computing -----------------------------------------------------------------------
    def is_busy(self) -> bool:
        return _running(self._main_task) or _running(self._context_task)

    def _say(self, text: str, error: bool = False) -> None:
        self.said.emit(text, error)

    def _set_busy(self) -> None:
        self.busy_changed.emit(self.is_busy() or _running(self._export_task))

    def refresh(self) -> None:
        """Show the report asked for: from memory, or computed in the background."""
        self.changed.emit()
        if self.snapshot is not None:
            return
        key = self.key()
        bundle = self.results.get(key)
        if bundle is not None:
            self.results.move_to_end(key)
            self._show(bundle, key)
            if "previous" not in bundle:
                self._context_after_drawing(key, bundle)
            return
        self._cancel_context()
        if _running(self._main_task):
            self._wanted = True  # computed when the running one is done
            return
        self._start_main(key)

    def _start_main(self, key: Key) -> None:
        _version, pipeline, label, as_of, owner = key
        period, cache = parse_period(label), self.cache
        self._wanted = False
        self._say(self.tr("Counting…") if cache.cached(pipeline) else self.tr("Loading the history…"))

        started = time.perf_counter()

        def work(_progress) -> dict[str, Any]:
            return main_report(cache.frames(pipeline), period, as_of, owner)

        def done(report: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self.last_compute_s = time.perf_counter() - started
            self._remember(key, report)
            self._set_busy()
            if key == self.key() or self._may_show(key):
                # (a colleague's change while it was counted: it is shown all the same, seconds old,
                # and recounted — at once if the page asked meanwhile, else when its stale timer
                # fires; waiting for a count no change overtakes would show nothing while a colleague works)
                self._show(report, key)
                if self._wanted:  # once drawn: counting while the UI thread draws slows both
                    self.when_drawn(self._recount)
                else:
                    self._context_after_drawing(key, report)
            elif self._wanted:
                self.refresh()
            else:
                self._say(self.tr("Counting…"))

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("Report failed", exc_info=exc)
            self._say(self.tr("The report could not be computed: %1").replace("%1", describe(exc)), error=True)
            self._set_busy()
            if self._wanted:
                self.refresh()

        self._main_task = run_in_background(self.ctx, work, done, failed, owner=self)
        self._set_busy()

    def _recount(self) -> None:
        if self._wanted and not _running(self._main_task):
            self.refresh()

    def _context_after_drawing(self, key: Key, report: dict[str, Any]) -> None:
        """Start the previous period and trend once this period's report is drawn."""
        waiting = [True]

        def go() -> None:
            waiting[0] = False
            if ((key == self.key() and self.snapshot is None) or self._may_show(key)) \
                    and key not in self._complete_keys():
                self._start_context(key, report)

        self.when_drawn(go)
        if waiting[0]:
            self._say(self.tr("As of %1 · counting the change and trend…").replace("%1", as_of_text(report["period"], self.ctx.language)))

    def _complete_keys(self) -> set[Key]:
        return {k for k, b in self.results.items() if "previous" in b}

    def _start_context(self, key: Key, report: dict[str, Any]) -> None:
        _version, pipeline, label, as_of, owner = key
        period, cache = parse_period(label), self.cache
        self._cancel_context()
        self._say(self.tr("Counting the previous period and the trend…"))

        def work(progress) -> dict[str, Any]:
            return add_context(dict(report), cache.frames(pipeline), period, as_of, owner, progress)

        def done(bundle: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self._remember(key, bundle)
            self._set_busy()
            if (key == self.key() and self.snapshot is None) or self._may_show(key):
                self._show(bundle, key)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("Report context failed", exc_info=exc)
            self._say(self.tr("The previous period could not be computed: %1").replace("%1", describe(exc)), error=True)
            self._set_busy()

        self._context_task = run_in_background(self.ctx, work, done, failed, owner=self)
        self._set_busy()

    def _cancel_context(self) -> None:
        if _running(self._context_task):
            self._context_task.cancel()
            self._context_task = None
        self._set_busy()

    def _remember(self, key: Key, bundle: dict[str, Any]) -> None:
        self.results[key] = bundle
        self.results.move_to_end(key)
        while len(self.results) > KEEP_RESULTS:
            self.results.popitem(last=False)

    def _may_show(self, key: Key) -> bool:
        """Whether a report counted for ``key`` on older data may still be shown: the live
        report of the same request, and nothing counted on newer data is on screen."""
        shown = self._shown_key
        return (self.snapshot is None and same_request(key, self.key())
                and (shown is None or not same_request(shown, key) or shown[0] <= key[0]))

    def _show(self, bundle: dict[str, Any], key: Key | None = None) -> None:
        self._shown_key = key
        self.shown.emit(bundle)
        if self.snapshot is None:
            self._say(self.tr("As of %1").replace("%1", as_of_text(bundle["period"], self.ctx.language)) if "previous" in bundle
                      else self.tr("As of %1 · counting the change and trend…").replace("%1", as_of_text(bundle["period"], self.ctx.language)))

    def current_bundle(self) -> dict[str, Any] | None:
        if self.snapshot is not None:
            return self.snapshot
        return self.results.get(self.key())

    def _on_invalidated(self) -> None:
        self.results.clear()
        self.stale.emit()

    # --- drill-down ----------------------------------------------------------------------
    def drill(self, metric_id: str) -> None:
        """Find the deals behind a number (in the background); ``drilled`` says which."""
        from voronka.metrics.catalogue import by_id
        from voronka.metrics.drilldown import deals_behind

        source = self.current_bundle()
        if source is None:
            return
        period = parse_period(source["period"]["label"])
        as_of = datetime.fromisoformat(source["period"]["as_of"])
        owner, pipeline, cache = source.get("owner_id"), source.get("pipeline", self.pipeline_key), self.cache
        title = f"{by_id(metric_id).name(self.ctx.language)} · {period_name(period, self.ctx.language)}"

        def work(_progress) -> list[int]:
            return deals_behind(cache.frames(pipeline), metric_id, period, as_of, owner)

        def done(ids: list[int]) -> None:
            if shiboken6.isValid(self):
                self.drilled.emit(title, ids)

        start_task(self.view, work, on_done=done, on_error=lambda exc: show_error(self.view, exc),
                   title=self.tr("Finding the deals…"))

    def drill_rep(self, user_id: int, column: str, stage: str | None, wins: bool) -> None:
        """Find one rep's deals behind a cell of the Reps tab (in the background): their
        year-to-date cohort, the part of it that reached ``stage``, or their wins this year."""
        from voronka.metrics.drilldown import rep_deals

        from ..exports.sections import TABLE_COLUMNS

        source = self.current_bundle()
        if source is None:
            return
        period = parse_period(source["period"]["label"])
        as_of = datetime.fromisoformat(source["period"]["as_of"])
        pipeline, cache = source.get("pipeline", self.pipeline_key), self.cache
        name = next((str(r.get("name")) for r in source.get("reps") or [] if r.get("user_id") == user_id), "")
        what = next((c.title_text() for c in TABLE_COLUMNS["reps"] if c.key == column), column)
        title = f"{name} · {what} · {period.label}"

        def work(_progress) -> list[int]:
            return rep_deals(cache.frames(pipeline), period, user_id, stage=stage, wins=wins, as_of=as_of)

        def done(ids: list[int]) -> None:
            if shiboken6.isValid(self):
                self.drilled.emit(title, ids)

        start_task(self.view, work, on_done=done, on_error=lambda exc: show_error(self.view, exc),
                   title=self.tr("Finding the deals…"))

    # --- snapshots -----------------------------------------------------------------------
    def open_snapshot(self, snapshot_id: int) -> bool:
        """Show a kept snapshot instead of the live report (False, with the error shown, if it cannot)."""
        try:
            bundle = self.ctx.query(snapshot_report, snapshot_id)
        except VoronkaError as exc:
            show_error(self.view, exc)
            return False
        self._cancel_context()
        self.snapshot = bundle
        self.changed.emit()
        self._say("")
        self._show(bundle)
        return True

    def close_snapshot(self) -> None:
        self.snapshot = None
        self.refresh()

    # --- exports -------------------------------------------------------------------------
    def exported_by(self) -> str | None:
        return self.ctx.query(member_name, self.ctx.user_id)

    def export(self, fmt: str, path: str | Path, chart_id: str | None = None) -> Task | None:
        """Write the report shown to ``path`` (completing it first if needed) and keep a snapshot."""
        from .files import DRAWN, report_bytes

        bundle = self.current_bundle()
        if bundle is None:
            return None
        path = Path(path)
        language, who = self.ctx.language, self.exported_by()
        box = getattr(self.view, "pipeline_box", None)
        pipeline_name = box.currentText() if box is not None and box.currentIndex() >= 0 else None
        is_snapshot = self.snapshot is not None
        key, cache = self.key(), self.cache
        period, as_of, owner, pipeline = self.period, self.as_of, self.owner_id, self.pipeline_key

        def work(progress) -> dict[str, Any]:
            full = bundle
            if "previous" not in full and not is_snapshot:
                full = add_context(dict(bundle), cache.frames(pipeline), period, as_of, owner, progress)
            if pipeline_name and not is_snapshot:
                full = {**full, "pipeline_name": pipeline_name}  # the PDF names the pipeline, not its key
            if fmt not in DRAWN:  # Qt draws PDF pages and charts on the UI thread only
                path.write_bytes(report_bytes(fmt, full, language, exported_by=who))
            return full

        def done(full: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy()
            try:
                if fmt in DRAWN:
                    path.write_bytes(report_bytes(fmt, full, language, exported_by=who, chart_id=chart_id))
                if not is_snapshot:
                    self._remember(key, full)
                    self.ctx.run(save_snapshot, report=full, format=fmt, user_id=self.ctx.user_id)
            except Exception as exc:
                show_error(self.view, exc)
                return
            self._say(self.tr("Exported to %1").replace("%1", str(path)))
            self.exported.emit(fmt, str(path))

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy()
                show_error(self.view, exc)

        self._export_task = start_task(self.view, work, on_done=done, on_error=failed, title=self.tr("Exporting…"))
        self._set_busy()
        return self._export_task
