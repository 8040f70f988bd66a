"""Benchmark of the monthly report: load the frames and compute the report (``report_month_s``),
against merely reading the same tables into pandas (``raw_read_s``), and the peak memory of
a process that does it (``report_peak_rss_mb``). Budgets on 100,000 deals: ≤ 2 s, ≤ 3× the
raw read, ≤ 1 GB. The same for a quarter (``report_quarter_s`` ≤ 2.5 s) and a year
(``report_year_s`` ≤ 4 s).

The month is the last complete month with events (the demo history ends around today), the
quarter the last complete quarter, the year the one of the latest event (as of now).
"""
from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW_TABLES = ("stages", "deals", "deal_events", "activities", "users", "plans", "lost_reasons")

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models.db import open_database
from voronka.models.loader import load_frames
db = open_database({db!r}, create=False)
start = time.perf_counter()
frames = load_frames(db)
loaded = time.perf_counter()
report = compute_report(frames, parse_period({period!r}))
done = time.perf_counter()
json.dumps(report, allow_nan=False)
# VmHWM is this process's own peak: ru_maxrss survives execve and would report the parent's
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")]
peak_kb = hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"load_s": loaded - start, "compute_s": done - loaded, "peak_kb": peak_kb}}))
"""


def last_full_month(db_path: Path) -> str:
    with sqlite3.connect(db_path) as con:
        (latest,) = con.execute("SELECT max(at) FROM deal_events").fetchone()
    moment = datetime.fromisoformat(latest) if latest else datetime.now()
    year, month = (moment.year, moment.month - 1) if moment.month > 1 else (moment.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def last_full_quarter(db_path: Path) -> str:
    year, month = (int(x) for x in last_full_month(db_path).split("-"))
    quarter = (month - 1) // 3 + 1
    if month % 3:  # the month's quarter is not over yet: the one before
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return f"{year:04d}-Q{quarter}"


def latest_year(db_path: Path) -> str:
    with sqlite3.connect(db_path) as con:
        (latest,) = con.execute("SELECT max(at) FROM deal_events").fetchone()
    return str((datetime.fromisoformat(latest) if latest else datetime.now()).year)


def raw_read(db_path: Path) -> float:
    import pandas as pd

    start = time.perf_counter()
    with sqlite3.connect(db_path) as con:
        for table in RAW_TABLES:
            pd.read_sql(f"SELECT * FROM {table}", con)
    return time.perf_counter() - start


def report_once(db_path: Path, period: str) -> tuple[float, float, float]:
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report import compute_report
    from voronka.models.db import open_database
    from voronka.models.loader import load_frames

    db = open_database(db_path, create=False)
    try:
        start = time.perf_counter()
        frames = load_frames(db)
        loaded = time.perf_counter()
        compute_report(frames, parse_period(period))
        done = time.perf_counter()
    finally:
        db.close()
    return done - start, loaded - start, done - loaded


def measure(db_path: Path, deals: int) -> dict:
    period = last_full_month(db_path)
    report_once(db_path, period)  # warm the page cache and the imports
    runs = [report_once(db_path, period) for _ in range(3)]
    raw = statistics.median(raw_read(db_path) for _ in range(3))
    total = statistics.median(r[0] for r in runs)
    child = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(db_path), period=period)],
        capture_output=True, text=True, check=True,
    )
    peak = json.loads(child.stdout.strip().splitlines()[-1])
    quarter, year = last_full_quarter(db_path), latest_year(db_path)
    quarter_s = statistics.median(report_once(db_path, quarter)[0] for _ in range(3))
    year_s = statistics.median(report_once(db_path, year)[0] for _ in range(3))
    return {
        "report_quarter": quarter,
        "report_quarter_s": round(quarter_s, 3),
        "report_year": year,
        "report_year_s": round(year_s, 3),
        "report_period": period,
        "report_month_s": round(total, 3),
        "report_load_s": round(statistics.median(r[1] for r in runs), 3),
        "report_compute_s": round(statistics.median(r[2] for r in runs), 3),
        "raw_read_s": round(raw, 3),
        "report_ratio": round(total / raw, 2),
        "report_peak_rss_mb": round(peak["peak_kb"] / 1024, 1),
    }
