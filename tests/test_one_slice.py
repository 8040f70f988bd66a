"""Slices of screen-building that fall due together run in separate turns of the event loop
(views/one_slice.py): the window paints and takes input between them."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from voronka.views.one_slice import GAP_MS, one_slice_per_turn, run_as_slice


def _busy(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_two_slices_due_together_run_apart_with_the_event_loop_between(qtbot):
    owner = QObject()
    times: dict[str, tuple[float, float]] = {}
    between: list[float] = []

    def piece(name: str) -> None:
        start = time.perf_counter()
        _busy(8)
        times[name] = (start, time.perf_counter())

    QTimer.singleShot(0, owner, lambda: run_as_slice(owner, lambda: piece("a")))
    QTimer.singleShot(0, owner, lambda: run_as_slice(owner, lambda: piece("b")))
    QTimer.singleShot(1, owner, lambda: between.append(time.perf_counter()))  # e.g. a key press
    qtbot.waitUntil(lambda: len(times) == 2, timeout=2000)
    first, second = sorted(times.values())
    assert second[0] - first[1] >= GAP_MS / 1000 * 0.9  # not back to back
    assert between and first[1] <= between[0] <= second[0]  # the loop's other work got in between


class _Tab(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self, singleShot=True, interval=30)
        self.timer.timeout.connect(self.fill)
        self.filled = 0

    @one_slice_per_turn(timer="timer")
    def fill(self) -> None:
        self.filled += 1


def test_a_slice_put_off_keeps_its_timer_running_and_gets_its_own_delay_back(qtbot):
    tab = _Tab()
    run_as_slice(tab, lambda: None)  # a slice that just ended
    tab.fill()
    assert tab.filled == 0 and tab.timer.isActive()  # put off: "still busy" for whoever asks
    qtbot.waitUntil(lambda: tab.filled == 1, timeout=2000)
    assert not tab.timer.isActive() and tab.timer.interval() == 30


def test_a_slice_of_a_deleted_owner_never_runs(qtbot):
    owner = QObject()
    ran: list[int] = []
    run_as_slice(owner, lambda: None)
    run_as_slice(owner, lambda: ran.append(1))  # put off
    owner.deleteLater()
    qtbot.wait(GAP_MS * 5)
    assert ran == []
