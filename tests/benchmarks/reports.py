"""Report view: how long after a period switch the new numbers show, and how long the window
stalls meanwhile.

``period_switch_s``   click "previous" → the new period's numbers on screen (frames cached;
                      the median of three switches to periods not computed before)
``max_stall_ms``      the longest gap between ticks of a 10 ms timer during those switches,
                      less the 10 ms (the event loop's worst stall)
``report_complete_s`` the same click → the change column and trend charts filled in too
``report_first_open_s`` opening the page: loading the history and the first report
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path


def measure(db_path: Path, deals: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from voronka.models.db import open_database
    from voronka.views.app_context import AppContext
    from voronka.views.reports.background import running_tasks
    from voronka.views.reports.page import ReportsPage

    app = QApplication.instance() or QApplication([])
    db = open_database(db_path)
    settings_file = db_path.with_suffix(".bench.ini")
    ctx = AppContext(db, QSettings(str(settings_file), QSettings.Format.IniFormat), language="ru")

    def wait(condition, limit: float = 600.0) -> float:
        start = time.perf_counter()
        while not condition():
            if time.perf_counter() - start > limit:
                raise TimeoutError("the report did not show in time")
            app.processEvents()
            time.sleep(0.002)
        return time.perf_counter() - start

    start = time.perf_counter()
    page = ReportsPage(ctx)
    page.resize(1400, 900)
    page.show()
    wait(lambda: page.current_tab().bundle is not None)
    first_open = time.perf_counter() - start
    wait(lambda: not page.controller.is_busy())
    wait(lambda: page.current_tab().charts_ready(), 30)  # first-time chart set-up is not a switch

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    switches, completes = [], []
    for _ in range(3):
        target = page.controller.period.previous()
        wait(lambda: not page.controller.is_busy())
        last[0] = clock.elapsed()
        timer.start()
        page.prev_button.click()
        switches.append(wait(lambda: (b := page.current_tab().bundle) is not None
                             and b["period"]["label"] == target.label))
        completes.append(wait(lambda: "previous" in page.current_tab().bundle and not page.controller.is_busy()) +
                         switches[-1])
        wait(lambda: page.current_tab().charts_ready(), 30)
        timer.stop()
    wait(lambda: running_tasks() == 0)
    page.close()
    page.deleteLater()
    app.processEvents()
    db.close()
    settings_file.unlink(missing_ok=True)
    return {
        "period_switch_s": round(statistics.median(switches), 3),
        "period_switch_max_s": round(max(switches), 3),
        "max_stall_ms": round(max(0.0, max(gaps, default=10) - 10), 1),
        "report_complete_s": round(statistics.median(completes), 3),
        "report_first_open_s": round(first_open, 3),
    }
