"""A watchdog that closes a modal dialog nobody answers, so a test fails instead of hanging.

A test that opens an unexpected modal box (``QMessageBox.warning`` from a slot, a dialog's
``exec()``) would otherwise wait for a click forever, and the whole suite with it. The watchdog
looks at the application's active modal widget once a second; one that stays open longer than
``limit`` seconds is recorded and rejected, and the conftest fixture fails the test naming it.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog


class ModalWatchdog(QObject):
    """Rejects any modal widget left open longer than ``limit`` seconds; ``stuck`` names them."""

    def __init__(self, limit: float, interval_ms: int = 1000):
        super().__init__()
        self.limit = limit
        self.stuck: list[str] = []
        self._since: dict[int, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._look)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            self._since.clear()
            return
        opened = self._since.setdefault(id(widget), time.monotonic())
        if time.monotonic() - opened < self.limit:
            return
        text = widget.text() if hasattr(widget, "text") else ""
        self.stuck.append(f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}")
        del self._since[id(widget)]
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()
