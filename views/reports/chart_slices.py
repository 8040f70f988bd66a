"""Charts drawn a slice at a time, for a report tab that shows a few charts of its own (MRR, Plan).

Each chart widget is made once, in an event-loop turn of its own, and every later drawing
refills it (``charts.chart_for``); each drawing takes its own turn too, so input and paint
events get in between. A chart whose inputs did not change is not drawn again, and nothing is
drawn while the tab, once shown, is hidden again (the rest when it is shown).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..one_slice import one_slice_per_turn
from .charts import ChartWidget

log = logging.getLogger(__name__)
GAP_MS = 16


@dataclass
class _Wanted:
    key: str
    build: Callable[..., ChartWidget]  # (bundle, language, chart)
    bundle: dict[str, Any]
    inputs: Any
    horizontal: bool


class SlicedCharts(QObject):
    """The charts of ``tab``; ``place(key, chart)`` puts a chart on screen the first time it is drawn."""

    drawn = Signal()  # nothing left to draw

    def __init__(self, tab: QWidget, language: str, place: Callable[[str, ChartWidget], None]):
        super().__init__(tab)
        self.tab = tab
        self.language = language
        self.place = place
        self.charts: dict[str, ChartWidget] = {}  # made (on screen once drawn)
        self._placed: set[str] = set()
        self._drawn: dict[str, Any] = {}  # key -> the inputs its picture shows
        self._queue: list[_Wanted] = []
        self._timer = QTimer(self, singleShot=True, interval=GAP_MS)
        self._timer.timeout.connect(self._step)
        self._was_shown = self._paused = False
        tab.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            self._was_shown, self._paused = True, False
            self.resume()
        elif event.type() == QEvent.Type.Hide:
            self._paused = self._was_shown  # shown once, now another tab or page is: charts wait
        return False

    def draw(self, key: str, build: Callable[..., ChartWidget], bundle: dict[str, Any], inputs: Any,
             horizontal: bool = False) -> None:
        """Draw chart ``key`` from ``bundle`` soon (not at all if it shows ``inputs`` already)."""
        self._queue = [w for w in self._queue if w.key != key]
        if key in self._placed and self._drawn.get(key) == inputs:
            return
        self._queue.append(_Wanted(key, build, bundle, inputs, horizontal))
        self.resume()

    def resume(self) -> None:
        if self._queue and not self._timer.isActive():
            self._timer.start()

    def busy(self) -> bool:
        return bool(self._queue) or self._timer.isActive()

    @one_slice_per_turn(timer="_timer")
    def _step(self) -> None:
        if not self._queue:
            self.drawn.emit()
            return
        if self._paused:
            return  # drawn when the tab is shown again
        wanted = self._queue[0]
        chart = self.charts.get(wanted.key)
        if chart is None:  # making the widget is a slice of its own
            chart = self.charts[wanted.key] = ChartWidget("", "count", self.language, self.tab,
                                                          horizontal=wanted.horizontal)
            chart.hide()
            self._timer.start()
            return
        self._queue.pop(0)
        try:
            made = wanted.build(wanted.bundle, self.language, chart)
            if made is not chart:  # the builder needed a chart of another shape
                self.charts[wanted.key] = made
                self._placed.discard(wanted.key)
                chart.deleteLater()
                chart = made
            chart.finish()
        except Exception:  # the chart keeps its last picture; the log keeps why
            log.exception("Chart %s failed", wanted.key)
            self._drawn.pop(wanted.key, None)
        else:
            self._drawn[wanted.key] = wanted.inputs
            if wanted.key not in self._placed:
                self._placed.add(wanted.key)
                self.place(wanted.key, chart)
                chart.show()
        self._timer.start()
