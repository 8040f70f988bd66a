"""The application's database executor: work that can take longer than a frame runs here.

Shaped like Anki's ``QueryOp`` / ``CollectionOp``: a function runs on a worker thread and
its result (or error) is delivered on the UI thread to the screen that asked. The executor
belongs to the ``AppContext``, never to a page, so a page deleted while its query runs
only loses the answer (nothing is delivered to it, nothing raises).

Two serial lanes, each one worker thread with its own database session per job (SQLite
connections are per thread; a session never crosses threads):

* ``DB`` — reads and writes of the database: table pages, card data, start page tiles,
  the board's cards, exports. Short jobs, answered in the order asked.
* ``REPORTS`` — report computations on the cached frames (seconds at 100k deals); kept
  apart so a report started by the start page never delays a table's first rows.

A requester passes a ``key`` (e.g. ``"deals-table:ids"``): a newer job with the same key
supersedes the older one — a queued one never runs, a running one's result is dropped —
so a stale answer never overwrites a newer one. Errors go to ``on_error`` when given,
else to ``AppContext.error`` (the main window shows them): one place for the user to see.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from voronka.models.changes import Changes
from voronka.models.queries.abandon import Abandoned
from voronka.models.db import Database

log = logging.getLogger(__name__)

DB = "db"
REPORTS = "reports"
IDLE_EXIT_S = 2.0  # an idle lane's thread ends (and restarts on the next job): no leaked threads


class Cancelled(Exception):
    """The job was cancelled or superseded before it finished."""


@dataclass(eq=False)
class Job:
    """One piece of background work; ``cancel()`` drops it (and its answer)."""

    fn: Callable[..., Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    key: str | None
    generation: int
    lane: str
    with_session: bool
    write: bool = False
    on_progress: Callable[[int, int, str], None] | None = None  # on the UI thread (``submit``)
    _report: Callable[["Job", int, int, str], None] | None = field(default=None, repr=False)
    finished: list[Callable[[], None]] = field(default_factory=list)
    _cancel: threading.Event = field(default_factory=threading.Event)
    _done: bool = False
    result: Any = None
    error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        """True until the answer was delivered (or dropped) on the UI thread."""
        return not self._done

    def progress(self, done: int = 0, total: int = 0, text: str = "") -> None:
        """Called by long work between steps: raises ``Cancelled`` once the job is dropped."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(self, done, total, text)

    __call__ = progress  # long work written for ``views.worker.Progress`` takes a job as well


class _Lane:
    """One serial worker thread and its queue."""

    def __init__(self, name: str, executor: "DbExecutor"):
        self.name = name
        self.executor = executor
        self.queue: list[Job] = []
        self.current: Job | None = None
        self.cond = threading.Condition()
        self.thread: threading.Thread | None = None
        self.stopped = False

    def put(self, job: Job) -> None:
        with self.cond:
            self.queue.append(job)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._loop, name=f"voronka-{self.name}", daemon=True)
                self.thread.start()
            self.cond.notify()

    def drop_queued(self, key: str) -> list[Job]:
        with self.cond:
            dropped = [j for j in self.queue if j.key == key]
            self.queue = [j for j in self.queue if j.key != key]
            return dropped

    def _loop(self) -> None:
        while True:
            with self.cond:
                if not self.queue and not self.stopped:
                    self.cond.wait(IDLE_EXIT_S)
                if not self.queue:
                    self.thread = None
                    return
                job = self.queue.pop(0)
                self.current = job
            try:
                self.executor._execute(job)
            finally:
                with self.cond:
                    self.current = None
                self.executor._post(job)


class _Bridge(QObject):
    """Lives on the UI thread: a signal emitted by a worker arrives there (queued)."""

    finished = Signal(object)
    progressed = Signal(object, int, int, str)  # job, done, total, text


class DbExecutor(QObject):
    """Serial background lanes for database work; results delivered on the UI thread."""

    def __init__(self, db: Database, parent: QObject | None = None,
                 report_error: Callable[[BaseException], None] | None = None,
                 announce: Callable[[Changes], None] | None = None):
        super().__init__(parent)
        self.db = db
        self._report_error = report_error
        self._announce = announce
        self._lanes = {DB: _Lane(DB, self), REPORTS: _Lane(REPORTS, self)}
        self._latest: dict[str, int] = {}
        self._counter = itertools.count(1)
        self._outstanding: set[Job] = set()
        self._shut_down = False
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    # --- asking for work ------------------------------------------------------------------
    def query(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None,
              key: str | None = None, lane: str = DB, **kwargs: Any) -> Job:
        """Run the read ``fn(session, *args, **kwargs)`` on a worker with a session of its own."""
        return self._submit(lambda session: fn(session, *args, **kwargs), on_done, on_error, owner, key,
                            lane, with_session=True)

    def write(self, service: Callable[..., Changes], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None,
              key: str | None = None, **kwargs: Any) -> Job:
        """Run one domain service in one transaction on the worker; its ``Changes`` are
        announced on the UI thread (``AppContext.changed``) before ``on_done`` runs."""
        job = self._make(lambda session: service(session, *args, **kwargs), on_done, on_error, owner, key, DB,
                         with_session=True)
        job.write = True
        return self._enqueue(job)

    def submit(self, fn: Callable[[Job], Any], *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None,
               key: str | None = None, lane: str = DB,
               on_progress: Callable[[int, int, str], None] | None = None) -> Job:
        """Run ``fn(job)``: long work that opens what it needs and calls ``job.progress()``;
        ``on_progress(done, total, text)`` hears of each step on the UI thread."""
        job = self._make(fn, on_done, on_error, owner, key, lane, with_session=False)
        if on_progress is not None:
            job.on_progress = on_progress
            job._report = self._post_progress
        return self._enqueue(job)

    def supersede(self, key: str) -> None:
        """Drop every job asked for with ``key`` (queued or running): its answer is no longer wanted."""
        self._latest[key] = next(self._counter)
        for lane in self._lanes.values():
            for job in lane.drop_queued(key):
                job.cancel()
                self._post(job)
            with lane.cond:
                if lane.current is not None and lane.current.key == key:
                    lane.current.cancel()

    # --- state ----------------------------------------------------------------------------
    def idle(self) -> bool:
        """True when no job is queued, running or waiting to be delivered."""
        return not self._outstanding

    def pending(self, lane: str | None = None) -> int:
        return sum(1 for j in self._outstanding if lane is None or j.lane == lane)

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Cancel everything and wait for the running jobs to end (application exit)."""
        self._shut_down = True  # answers already on their way are dropped (see _deliver)
        for lane in self._lanes.values():
            with lane.cond:
                for job in lane.queue:
                    job.cancel()
                if lane.current is not None:
                    lane.current.cancel()
                lane.stopped = True
                lane.cond.notify_all()
                thread = lane.thread
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout_s)

    # --- inside ---------------------------------------------------------------------------
    def _make(self, fn, on_done, on_error, owner, key, lane, with_session) -> Job:
        if lane not in self._lanes:
            raise ValueError(f"unknown lane {lane!r}")
        generation = next(self._counter)
        return Job(fn, on_done, on_error, owner, key, generation, lane, with_session)

    def _submit(self, fn, on_done, on_error, owner, key, lane, with_session) -> Job:
        return self._enqueue(self._make(fn, on_done, on_error, owner, key, lane, with_session))

    def _enqueue(self, job: Job) -> Job:
        if self._shut_down:  # the database is closed: nothing may open it again
            job.cancel()
            return job
        if job.key is not None:
            self.supersede(job.key)
            self._latest[job.key] = job.generation
        self._outstanding.add(job)
        lane = self._lanes[job.lane]
        lane.stopped = False
        lane.put(job)
        return job

    def _execute(self, job: Job) -> None:
        """On the worker thread: run the job, keep its result or error."""
        if job.cancelled:
            return
        try:
            if job.with_session:
                if job.write:
                    with self.db.transaction() as session:
                        job.result = job.fn(session)
                else:
                    with self.db.session() as session:
                        job.result = job.fn(session)
            else:
                job.result = job.fn(job)
        except BaseException as exc:  # delivered to the UI thread, shown or logged there
            job.error = exc

    def _post(self, job: Job) -> None:
        """From a worker: queue the delivery on the UI thread (unless the app is gone)."""
        try:
            self._bridge.finished.emit(job)
        except RuntimeError:  # the AppContext was deleted first (application exit): no one to tell
            log.debug("Job finished after its executor was deleted")

    def _post_progress(self, job: Job, done: int, total: int, text: str) -> None:
        try:
            self._bridge.progressed.emit(job, done, total, text)
        except RuntimeError:  # the AppContext is gone (application exit)
            log.debug("Progress after the executor was deleted")

    def _deliver_progress(self, job: Job, done: int, total: int, text: str) -> None:
        if not job._done and not self._shut_down and self._wanted(job) and job.on_progress is not None:
            job.on_progress(done, total, text)

    def _wanted(self, job: Job) -> bool:
        if job.cancelled:
            return False
        if job.key is not None and self._latest.get(job.key) != job.generation:
            return False
        return job.owner is None or shiboken6.isValid(job.owner)

    def _deliver(self, job: Job) -> None:
        """On the UI thread: hand the answer to whoever asked, if they still want it."""
        if job._done:
            return
        job._done = True
        self._outstanding.discard(job)
        if self._shut_down:
            # The database is closed (another file opened, a backup restored): a callback run
            # now would reconnect to it and hold the file open. Nobody waits for the answer.
            if job.error is not None and not isinstance(job.error, Cancelled):
                log.warning("A background job failed while its database closed", exc_info=job.error)
            for callback in job.finished:
                callback()
            return
        try:
            if job.write and job.error is None and isinstance(job.result, Changes) and not job.result.empty:
                # a write happened even if nobody waits for its answer: every screen must hear of it
                if self._announce is not None:
                    self._announce(job.result)
            if not self._wanted(job):
                if job.error is not None and not isinstance(job.error, (Cancelled, Abandoned)):
                    log.warning("A dropped background job had failed", exc_info=job.error)
                return
            if job.error is not None:
                if isinstance(job.error, Cancelled):
                    return
                if job.on_error is not None:
                    job.on_error(job.error)
                elif self._report_error is not None:
                    self._report_error(job.error)
                else:
                    log.error("Background job failed", exc_info=job.error)
                return
            if job.on_done is not None:
                job.on_done(job.result)
        finally:
            for callback in job.finished:
                callback()
