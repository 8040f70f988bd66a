"""Run long work (import, report, export) off the UI thread with progress and cancel.

``start_task(parent, fn, on_done=..., on_error=...)`` runs ``fn(progress)`` in a
QThreadPool thread. ``progress(done, total, text)`` reports progress and raises
``Cancelled`` once the user pressed Cancel. With ``show_dialog`` a QProgressDialog
appears if the work takes longer than ``delay_ms``.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user cancelled the work."""


class Progress:
    """Handed to the work function: report progress, learn about cancellation."""

    def __init__(self, signals: "_Signals"):
        self._signals = signals
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress_handle = progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress_handle)
        except BaseException as exc:  # reported to the UI thread, which shows or logs it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """A running background task; keep a reference while it runs."""

    finished = Signal()

    def __init__(self, parent: QObject | None):
        super().__init__(parent)
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self.dialog: QProgressDialog | None = None
        self.running = True

    def cancel(self) -> None:
        self.progress.cancel()


def start_task(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    title: str = "",
    show_dialog: bool = True,
    delay_ms: int = 400,
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``fn`` in the background; callbacks run on the UI thread."""
    task = Task(parent)
    if show_dialog:
        dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(delay_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        task.dialog = dialog

        def on_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        task.signals.progress.connect(on_progress)

    def finish() -> None:
        task.running = False
        if task.dialog is not None:
            task.dialog.close()
            task.dialog.deleteLater()
            task.dialog = None
        task.finished.emit()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled):
            return
        if on_error is not None:
            on_error(exc)
        else:
            from .failures.handler import report_unexpected

            if not report_unexpected(exc):  # no application-wide reporter (tests): fail loudly
                log.error("Background task failed", exc_info=exc)
                raise exc

    task.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, task.signals, task.progress))
    return task
