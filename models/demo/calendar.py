"""Time for the demo: a two-year window ending at the anchor day, working hours, sprints.

Times are int64 seconds since ``Window.start`` (midnight, team-local). The history
ends at the start of the anchor day (``Window.cut``), so a demo built on any day with
the same seed and anchor is identical; tasks may be due on and after that day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

DAY = 86_400
WORK_START_H = 9
WORK_HOURS = 10  # 9:00–19:00


@dataclass(frozen=True)
class Window:
    anchor: date
    days: int = 730

    @property
    def start(self) -> datetime:
        return datetime.combine(self.anchor - timedelta(days=self.days), datetime.min.time())

    @property
    def cut(self) -> int:
        """The end of the history in seconds since ``start``."""
        return self.days * DAY

    def weekday_of_day(self, day: np.ndarray) -> np.ndarray:
        return (self.start.weekday() + day) % 7

    def working_days(self) -> np.ndarray:
        """Day numbers (since start) of the Monday–Friday days in the window."""
        days = np.arange(self.days)
        return days[self.weekday_of_day(days) < 5]

    def to_datetimes(self, seconds: np.ndarray) -> list[datetime | None]:
        """Python datetimes (None where ``seconds`` is negative: no time)."""
        stamps = np.datetime64(self.start, "s") + seconds.astype("timedelta64[s]")
        stamps = np.where(seconds < 0, np.datetime64("NaT"), stamps)
        return stamps.astype("datetime64[us]").tolist()

    def to_dates(self, seconds: np.ndarray) -> list[date | None]:
        stamps = np.datetime64(self.start, "s") + seconds.astype("timedelta64[s]")
        stamps = np.where(seconds < 0, np.datetime64("NaT"), stamps)
        return stamps.astype("datetime64[D]").tolist()


def working_time(window: Window, days: np.ndarray) -> np.ndarray:
    """Fractional days → seconds in working hours: a weekend moves to Monday, the day's
    fraction maps onto 9:00–19:00, rounded to the minute. Order is kept within a day."""
    day = np.floor(days).astype(np.int64)
    frac = days - day
    wd = window.weekday_of_day(day)
    day = day + np.where(wd == 5, 2, np.where(wd == 6, 1, 0))
    secs = day * DAY + WORK_START_H * 3600 + np.round(frac * WORK_HOURS * 60).astype(np.int64) * 60
    return secs


@dataclass(frozen=True)
class Sprints:
    """Two-week sprints starting on the Mondays of odd ISO weeks; labels like ``2026-S21``."""

    starts: np.ndarray  # day numbers since window start
    labels: np.ndarray  # label of the sprint starting there

    @classmethod
    def of(cls, window: Window) -> "Sprints":
        starts, labels = [], []
        for offset in range(-14, window.days + 60):
            day = window.start.date() + timedelta(days=offset)
            iso = day.isocalendar()
            if iso.weekday == 1 and iso.week % 2 == 1:
                starts.append(offset)
                labels.append(f"{iso.year}-S{(iso.week + 1) // 2:02d}")
        return cls(np.array(starts, dtype=np.int64), np.array(labels, dtype=object))

    def label_at(self, seconds: np.ndarray) -> np.ndarray:
        """The label of the sprint each time falls in."""
        i = np.searchsorted(self.starts * DAY, seconds, side="right") - 1
        return self.labels[np.clip(i, 0, len(self.labels) - 1)]

    def next_start(self, seconds: np.ndarray, extra: np.ndarray) -> np.ndarray:
        """Day number of the first sprint start after each time, ``extra`` sprints later."""
        i = np.searchsorted(self.starts * DAY, seconds, side="right") + extra
        return self.starts[np.clip(i, 0, len(self.starts) - 1)]
