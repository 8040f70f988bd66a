"""The suite's modal watchdog closes a box nobody answers and names it."""
from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox

from tests.modal_watchdog import ModalWatchdog


def test_an_unanswered_message_box_is_closed_and_named(qtbot):
    watchdog = ModalWatchdog(limit=0.3, interval_ms=50)
    watchdog.start()
    started = time.monotonic()
    answer = QMessageBox.warning(None, "Guard", "Nobody will press OK")
    watchdog.stop()
    assert time.monotonic() - started < 10
    assert answer != QMessageBox.StandardButton.Ok or watchdog.stuck
    assert len(watchdog.stuck) == 1 and "Nobody will press OK" in watchdog.stuck[0]


def test_an_answered_dialog_is_left_alone(qtbot):
    watchdog = ModalWatchdog(limit=5, interval_ms=50)
    watchdog.start()
    box = QMessageBox(QMessageBox.Icon.Information, "Guard", "Answered at once")
    qtbot.addWidget(box)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, box.accept)
    box.exec()
    watchdog.stop()
    assert watchdog.stuck == []
