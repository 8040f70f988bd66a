"""While a write of this window waits for another writer's lock, the window keeps painting.

``AppContext`` hands ``keep_painting`` to ``Database.set_interactive``: between two tries of
a busy write (``models.retry.INTERACTIVE``) it runs a short nested event loop that leaves
user input queued — no second click starts another action half-way through this one — and
shows the wait cursor; repaints, timers and background answers go on.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer
from PySide6.QtGui import QGuiApplication


def keep_painting(seconds: float) -> None:
    """Wait ``seconds``; on the application's thread the window keeps painting meanwhile."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        time.sleep(seconds)
        return
    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    cursor = isinstance(app, QGuiApplication)
    if cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        if cursor:
            QGuiApplication.restoreOverrideCursor()
