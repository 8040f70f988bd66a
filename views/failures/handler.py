"""The one place where an error nobody caught ends: a readable dialog and the log file.

``ErrorReporter.install()`` takes over ``sys.excepthook`` (which PySide6 calls for an
exception escaping a slot or a virtual method) and ``threading.excepthook``; background
tasks (``views.worker``) without an error callback hand their exception to
``report_unexpected``. Each error is logged — with its traceback unless it is a domain
error with a message — and shown as one sentence (``views.errors.describe``); an
unexpected one adds where the details are. Errors from other threads are shown on the
UI thread; errors arriving while a dialog is open are logged and counted, not stacked.
"""
from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from voronka.models.errors import VoronkaError

log = logging.getLogger("voronka.errors")
_current: "ErrorReporter | None" = None


def is_expected(exc: BaseException) -> bool:
    """Domain errors and database trouble carry a sentence of their own: no traceback needed."""
    from .messages import describe_database_error

    return isinstance(exc, VoronkaError) or describe_database_error(exc) is not None


def message_for(exc: BaseException, log_path: Path | None) -> str:
    """The dialog's sentence: the error's own for expected ones, else what happened and where the details are."""
    from ..errors import describe

    if is_expected(exc):
        return describe(exc)
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    text = QCoreApplication.translate("Failures", "Something went wrong: %1 (%2).") \
        .replace("%1", first).replace("%2", type(exc).__name__)
    if log_path is not None:
        text += " " + QCoreApplication.translate("Failures", "The details are in the log file %1.") \
            .replace("%1", str(log_path))
    return text


class ErrorReporter(QObject):
    """Shows and logs every error that reaches it; create it on the UI thread."""

    _arrived = Signal(object)  # the exception, carried to the UI thread

    def __init__(self, log_path: Path | None = None, parent_widget: Callable[[], QWidget | None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.parent_widget = parent_widget or QApplication.activeWindow
        self.shown: list[str] = []  # every sentence shown, newest last (tests and the log read it)
        self.suppressed = 0  # errors that came while a dialog was open
        self._open = False
        self._saved: tuple | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # --- installing ----------------------------------------------------------------------
    def install(self) -> "ErrorReporter":
        global _current
        self._saved = (sys.excepthook, threading.excepthook, _current)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        _current = self
        return self

    def uninstall(self) -> None:
        global _current
        if self._saved is not None:
            sys.excepthook, threading.excepthook, _current = self._saved
            self._saved = None

    def _excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(exc.with_traceback(tb) if tb is not None and exc.__traceback__ is None else exc)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value)

    # --- reporting -----------------------------------------------------------------------
    def report(self, exc: BaseException, *, now: bool = False) -> None:
        """Log ``exc`` and show it on the UI thread (from any thread); ``now``: show it at
        once (on the UI thread, outside the event loop)."""
        if is_expected(exc):
            log.warning("%s: %s", type(exc).__name__, exc)
        else:
            log.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        if now:
            self._show(exc)
        else:
            self._arrived.emit(exc)

    def _show(self, exc: BaseException) -> None:
        text = message_for(exc, self.log_path)
        self.shown.append(text)
        if self._open:
            self.suppressed += 1
            return
        self._open = True
        try:
            box = QMessageBox(self.parent_widget())
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("Failures", "Voronka"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(text)
            box.exec()
        finally:
            self._open = False


def report_unexpected(exc: BaseException) -> bool:
    """Hand ``exc`` to the installed reporter; False when none is installed (the caller raises)."""
    if _current is None:
        return False
    _current.report(exc)
    return True
