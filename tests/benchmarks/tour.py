"""Benchmark: the longest UI-thread stall while a user tours the whole app and a colleague
works on the same database.

tour_max_stall_ms   the longest gap between ticks of a 10 ms timer (less the 10 ms) while a
                    script, in the main window at 1366×768, visits every page, opens a deal
                    card, sorts and filters (two letters of search) the Deals, Companies and
                    Contacts tables and runs a global search (Ctrl+K box) — while another
                    connection to the same file moves a deal every 100 ms
tour_stall_step     the step during which that longest stall happened
tour_step_stalls    every step's longest stall (ms), in the tour's order: where to look next
tour_moves          how many moves the other connection (a separate process, as another
                    laptop's app would be) committed meanwhile
tour_s              how long the tour took

With VORONKA_STALL_PROBE=1 the UI thread's stacks seen during stalls are printed to stderr per
step (``stall_probe.py``; with VORONKA_STALL_PYSPY=1 too, py-spy's native stack of each stall).
With VORONKA_STALL_PROFILE=1 (and the probe), every gap whose own CPU passed 30 ms is profiled
(cProfile between two ticks) and the functions that took most of the three longest are printed.
VORONKA_TOUR_PAGES=reports,settings visits only those pages (a developer's short tour);
VORONKA_TOUR_THEN=card,companies,search then runs only those of the later steps (the deal card,
the named tables' sort and search, the global search). VORONKA_TOUR_PAGES="" with it: no pages.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

STAGES = ["work_started", "contacts_found", "outreach_started"]


def _runqueue_ms() -> float:
    """How long this thread has waited for a core, all told (Linux schedstat; 0 elsewhere)."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as f:
            return int(f.read().split()[1]) / 1e6
    except OSError:
        return 0.0


class _ShortTour(Exception):
    """VORONKA_TOUR_PAGES named the pages to visit: the tour ends after them."""


def colleague_moves(location: str, stop_file: str) -> None:
    """The colleague's process: moves one of the first open deals every 100 ms on its own connection
    until ``stop_file`` exists, then prints ``{"moves": n, "errors": [...]}`` on stdout."""
    from sqlalchemy import select

    from voronka.models.db import open_database
    from voronka.models.orm import Deal, Pipeline
    from voronka.models.services.deals import move_deal

    db = open_database(location)
    moves, errors = 0, []
    try:
        with db.session() as s:
            sales = s.scalar(select(Pipeline.id).where(Pipeline.key == "sales"))
            deals = list(s.scalars(select(Deal.id).where(Deal.pipeline_id == sales, Deal.status == "open")
                                   .order_by(Deal.id).limit(30)))
        n = 0
        print("ready", flush=True)  # the tour starts once the colleague is at work
        while not os.path.exists(stop_file):
            time.sleep(0.1)
            try:
                db.run(move_deal, deals[n % len(deals)], STAGES[(n // len(deals)) % len(STAGES)], user_id=2)
                moves += 1
            except Exception as exc:  # a refused move (e.g. required fields) is part of the noise, not a stall
                errors.append(type(exc).__name__)
            n += 1
    finally:
        db.close()
        print(json.dumps({"moves": moves, "errors": errors}), flush=True)


class _Colleague:
    """Another laptop: a separate process (its own interpreter, as a colleague's app would be, so its
    work never holds this process's GIL) moving one of the first open deals every 100 ms on its own
    connection to the same file."""

    def __init__(self, location: Path):
        self.location = location
        self.stop_file = location.with_name("colleague.stop")
        self.moves = 0
        self.errors: list[str] = []
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        tests = str(Path(__file__).resolve().parents[1])
        code = (f"import sys; sys.path.insert(0, {tests!r}); from benchmarks.tour import colleague_moves; "
                f"colleague_moves({str(self.location)!r}, {str(self.stop_file)!r})")
        self.process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":  # it opened the file and found its deals
            raise RuntimeError(f"the colleague's process did not start ({self.process.wait()})")

    def finish(self, timeout: float = 30) -> None:
        """Ask the process to stop and read what it did."""
        self.stop_file.touch()
        assert self.process is not None
        out, _ = self.process.communicate(timeout=timeout)
        if self.process.returncode:
            raise RuntimeError(f"the colleague's process failed with {self.process.returncode}")
        done = json.loads(out.strip().splitlines()[-1])
        self.moves, self.errors = done["moves"], done["errors"]


def _print_profiles(profiles: list, top: int = 3, lines: int = 30) -> None:
    """The functions behind the longest profiled gaps (VORONKA_STALL_PROFILE=1), to stderr."""
    import io
    import pstats

    for busy, step, profile in sorted(profiles, key=lambda p: -p[0])[:top]:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(lines)
        print(f"--- {step}: {busy:.0f} ms of the UI thread's CPU (profiled, so slower than real)", file=sys.stderr)
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()), file=sys.stderr)


def measure(db_path: Path, deals: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.board import _copy
    from voronka.models.db import open_database
    from voronka.views.app_context import AppContext
    from voronka.views.main_window import MainWindow
    from voronka.views.pages import PAGE_KEYS

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tour.db"
        _copy(db_path, copy)
        db = open_database(copy)  # migrated here, before the colleague opens it
        ctx = AppContext(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat), language="ru")
        ctx.user_id = 1
        win = MainWindow(ctx)
        win.resize(1366, 768)
        win.show()

        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]
        worst = [0.0, ""]
        step = [""]
        per_step: dict[str, float] = {}
        cpu_per_step: dict[str, float] = {}
        worst_split: dict = {}
        last_rq = [0.0]
        last_cpu = [time.thread_time()]

        from benchmarks.stall_probe import StallProbe, enabled

        probe = StallProbe(step) if enabled() else None
        profiling = probe is not None and os.environ.get("VORONKA_STALL_PROFILE") == "1"
        profiles: list[tuple[float, str, object]] = []  # (own CPU ms, step, cProfile.Profile)
        current_profile: list = [None]

        def tick() -> None:
            if probe is not None:
                probe.beat()
            now = clock.elapsed()
            gap = now - last[0] - 10
            if gap > worst[0]:
                worst[0], worst[1] = gap, step[0]
            if gap > per_step.get(step[0], -1.0):
                per_step[step[0]] = gap
            last[0] = now
            if probe is not None:  # the UI thread's own CPU time in that gap: its work, not its waiting
                cpu = time.thread_time()
                busy = (cpu - last_cpu[0]) * 1000
                if busy > cpu_per_step.get(step[0], -1.0):
                    cpu_per_step[step[0]] = busy
                last_cpu[0] = cpu
                rq = _runqueue_ms()  # how long the UI thread waited for a core meanwhile
                if gap > worst_split.get(step[0], (-1,))[0]:
                    worst_split[step[0]] = (gap, busy, rq - last_rq[0])
                last_rq[0] = rq
                if profiling:
                    import cProfile

                    if current_profile[0] is not None:
                        current_profile[0].disable()
                        if busy > 30:
                            profiles.append((busy, step[0], current_profile[0]))
                    current_profile[0] = cProfile.Profile()
                    current_profile[0].enable()
                    last_cpu[0] = time.thread_time()  # the profiler's own bookkeeping is not the app's

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)

        def settle(done=None, limit: float = 20.0) -> None:
            # the colleague's moves keep the pages re-reading: wait for the step's own answer, not for
            # an idle executor (with no condition: a quiet moment of the executor, or the limit)
            start = time.perf_counter()
            while time.perf_counter() - start < limit:
                app.processEvents()
                if done() if done is not None else ctx.executor.idle():
                    break
                time.sleep(0.002)
            for _ in range(5):  # what the answers started (paints, follow-up reads)
                app.processEvents()
                time.sleep(0.002)

        settle(limit=120)  # the first page's own loading is the app's start, not the tour
        colleague = _Colleague(copy)
        colleague.start()
        started = time.perf_counter()
        last[0] = clock.elapsed()
        last_cpu[0] = time.thread_time()
        last_rq[0] = _runqueue_ms()
        timer.start()
        if probe is not None:
            probe.start()
        try:
            only = [k for k in os.environ.get("VORONKA_TOUR_PAGES", "").split(",") if k]
            then = os.environ.get("VORONKA_TOUR_THEN")
            later = [k for k in then.split(",") if k] if then is not None else None
            pages = only or ([] if later is not None and "VORONKA_TOUR_PAGES" in os.environ else PAGE_KEYS)
            for key in pages:
                step[0] = f"page {key}"
                win.show_page(key)
                settle()
            if only and later is None:  # a developer's short tour: just those pages
                raise _ShortTour()
            if later is None:
                later = ["card", "deals", "companies", "contacts", "search"]
            step[0] = "deal card"
            from sqlalchemy import func, select

            from voronka.models.orm import Deal
            from voronka.views.cards.host import existing_window

            with db.session() as s:
                deal = s.scalar(select(func.max(Deal.id)))
            if "card" in later:
                ctx.open_record.emit("deal", deal)
                card_window = existing_window("deal", deal)
                settle(lambda: card_window is None or (not card_window.card.loading and card_window.card.form is not None))
                if card_window is not None:
                    card_window.close()
            for key, column in (("deals", "amount"), ("companies", "open_deals"), ("contacts", "company")):
                if key not in later:
                    continue
                step[0] = f"{key} again"
                page = win.page(key)
                win.show_page(key)
                settle(lambda: not page.loading)
                step[0] = f"{key} sort"
                keys = [c.key for c in page.model.columns]
                page.table.sortByColumn(keys.index(column), Qt.SortOrder.DescendingOrder)
                settle(lambda: not page.loading)
                step[0] = f"{key} search"
                page.search.setText("а")
                page.search.setText("ал")
                settle(lambda: not page.loading)
                page.search.clear()
                settle(lambda: not page.loading)
            step[0] = "global search"
            box = getattr(win, "search_box", None)
            if box is not None and "search" in later:
                box.setFocus()
                box.setText("ал")
                box.textEdited.emit("ал")
                settle(lambda: box.model.text == "ал" if hasattr(box.model, "text") else True)
                box.clear()
                box.textEdited.emit("")
                settle()
        except _ShortTour:
            pass
        finally:
            timer.stop()
            if probe is not None:
                probe.stop.set()
                print(probe.report(), file=sys.stderr)
                print("Each step's longest gap: ms in all / the UI thread's own CPU / waiting for a core: " + ", ".join(
                    f"{k} {g:.0f}/{c:.0f}/{r:.0f}" for k, (g, c, r) in worst_split.items()), file=sys.stderr)
                print("UI thread's longest own CPU slice per step (ms): "
                      + ", ".join(f"{k} {v:.0f}" for k, v in cpu_per_step.items()), file=sys.stderr)
                if current_profile[0] is not None:
                    current_profile[0].disable()
                _print_profiles(profiles)
            colleague.finish()
        tour_s = time.perf_counter() - started
        win.close()
        app.processEvents()
        ctx.executor.shutdown()
        db.close()
    return {"tour_max_stall_ms": round(worst[0], 1), "tour_stall_step": worst[1], "tour_moves": colleague.moves,
            **({"tour_colleague_refusals": dict(Counter(colleague.errors))} if colleague.errors else {}),
            "tour_s": round(tour_s, 1), "tour_step_stalls": {k: round(max(v, 0.0), 1) for k, v in per_step.items()}}
