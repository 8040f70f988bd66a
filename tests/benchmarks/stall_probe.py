"""Where the UI thread stalls: a watchdog thread samples the UI thread's Python stack while
the UI thread has not answered its timer for longer than ``threshold_ms``.

Used by the tour benchmark when ``VORONKA_STALL_PROBE=1`` is set (``python tests/bench.py
--only tour``): after the figures it prints to stderr, per tour step, the stacks seen most
often during stalls — the code to move off the UI thread. Not a benchmark module itself
(it has no ``measure``).
"""
from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from collections import Counter, defaultdict

from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])  # the app's own code (an editable install)
LIBS = ("pyqtgraph", "pandas", "sqlalchemy", "numpy")


def _where(filename: str) -> str:
    if filename.startswith(ROOT):
        return os.path.relpath(filename, ROOT)
    return filename.split("site-packages/")[-1]


def _stack(frame, depth: int = 7) -> str:
    """The innermost frame and the app's own frames around it, innermost first."""
    frames = traceback.extract_stack(frame)
    own = [f for f in frames if f.filename.startswith(ROOT)]
    shown = own[-depth:]
    if frames and (not shown or frames[-1] is not shown[-1]):
        shown.append(frames[-1])
    return " <- ".join(f"{_where(f.filename)}:{f.lineno} {f.name}" for f in reversed(shown))


def enabled() -> bool:
    return os.environ.get("VORONKA_STALL_PROBE") == "1"


class StallProbe(threading.Thread):
    """Call ``beat()`` from the UI thread on every timer tick; ``report()`` at the end. ``step``
    is a one-item list the tour keeps the current step's name in."""

    def __init__(self, step: list[str], threshold_ms: float = 50.0, interval_ms: float = 10.0):
        super().__init__(name="stall-probe", daemon=True)
        self.ui_thread = threading.get_ident()
        self.threshold = threshold_ms / 1000
        self.interval = interval_ms / 1000
        self.last = time.perf_counter()
        self._step = step
        self.samples: dict[str, Counter] = defaultdict(Counter)
        self.others: dict[str, Counter] = defaultdict(Counter)  # the other threads meanwhile
        self.native: list[str] = []  # with VORONKA_STALL_PYSPY=1: the UI thread's native stack
        self.stop = threading.Event()

    @property
    def step(self) -> str:
        return self._step[0]

    def beat(self) -> None:
        self.last = time.perf_counter()

    def run(self) -> None:
        dumped = 0.0
        while not self.stop.wait(self.interval):
            if time.perf_counter() - self.last < self.threshold:
                continue
            if os.environ.get("VORONKA_STALL_PYSPY") and time.perf_counter() - self.last > 0.15 and dumped != self.last:
                dumped = self.last  # one native dump per stall (py-spy must be installed)
                import subprocess

                dump = subprocess.run(["py-spy", "dump", "--native", "--pid", str(os.getpid())],
                                      capture_output=True, text=True).stdout
                main = next((t for t in dump.split("\nThread ") if "MainThread" in t), dump)
                self.native.append(f"-- {self.step}\n" + "\n".join(main.splitlines()[:40]))
            frames = sys._current_frames()
            frame = frames.get(self.ui_thread)
            if frame is None:
                continue
            self.samples[self.step]["UI " + _stack(frame)] += 1
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, other in frames.items():
                if ident not in (self.ui_thread, threading.get_ident()):
                    self.others[self.step][f"{names.get(ident, ident)} {_stack(other, 3)}"] += 1

    def report(self, top: int = 4) -> str:
        out = []
        for step, stacks in self.samples.items():
            total = sum(stacks.values())
            out.append(f"== {step}: {total} samples of {self.interval * 1000:.0f} ms while stalled")
            for stack, n in stacks.most_common(top):
                out.append(f"  {n:4d}  {stack}")
            for stack, n in self.others[step].most_common(top):
                out.append(f"  {n:4d}  (other) {stack}")
        return "\n".join(out + self.native)
