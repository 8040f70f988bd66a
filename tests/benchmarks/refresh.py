"""Benchmark of live refresh: another connection moves a deal; how long until the open board shows it.

refresh_ms      the slowest of 5 moves committed by a second connection to the same SQLite file
                (another window or laptop), from the commit until the card is in its new column
                of an open, loaded board — the poll interval plus the board's own refresh
refresh_pg_ms   the same on a private PostgreSQL server (``pg_server``) holding the same number
                of demo deals; null when no server can be started on this machine
"""
from __future__ import annotations

import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks.board import _copy, _wait

MOVES = 5
PLAN = ["work_started", "contacts_found", "outreach_started", "replied", "replied_positive"]


def _refresh_ms(location: str, tmp: Path) -> float:
    """Open the board on ``location``, move deals from a second connection, time each until shown."""
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from voronka.models.db import open_database
    from voronka.models.services.deals import move_deal
    from voronka.views.app_context import AppContext
    from voronka.views.board.page import BoardPage

    app = QApplication.instance() or QApplication([])
    db = open_database(location)
    other = open_database(location)
    try:
        ctx = AppContext(db, QSettings(str(tmp / f"settings-{time.monotonic_ns()}.ini"), QSettings.Format.IniFormat),
                         language="ru")
        ctx.user_id = 1
        page = BoardPage(ctx)
        page.resize(1600, 900)
        page.show()
        board = page.board
        _wait(board.loaded, lambda: not board.loading)
        _wait(board.figures_loaded, lambda: board.figures_available is not None)
        source = board.column("unsorted")
        times = []
        for n in range(MOVES):
            deal = source.model.card(n).id
            target = board.column(PLAN[n])
            other.run(move_deal, deal, PLAN[n], user_id=1)
            start = time.perf_counter()
            while not target.model.has(deal):
                app.processEvents()
                if time.perf_counter() - start > 30:
                    raise TimeoutError("the board never showed another connection's move")
                time.sleep(0.001)
            times.append((time.perf_counter() - start) * 1000)
        page.close()
        QThreadPool.globalInstance().waitForDone()
        return max(times)
    finally:
        other.close()
        db.close()


def _advance_sequences(db) -> None:
    """The demo writes explicit ids; move the id sequences past them so the moves can insert."""
    from sqlalchemy import text

    with db.engine.begin() as conn:
        for table, column in conn.execute(text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND column_default LIKE 'nextval%'")).all():
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                              f"(SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)"))


def _postgres_ms(deals: int, tmp: Path) -> float | None:
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo

    try:
        from pg_server import PostgresServer

        server = PostgresServer().start()
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return None  # no PostgreSQL on this machine: reported as null
    try:
        url = server.new_database()
        db = open_database(url)
        build_demo(db, deals=deals, seed=1)
        _advance_sequences(db)
        db.close()
        return _refresh_ms(url, tmp)
    finally:
        server.stop()


def measure(db_path: Path, deals: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        copy = tmp / "refresh.db"
        _copy(db_path, copy)
        sqlite_ms = _refresh_ms(str(copy), tmp)
        pg_ms = _postgres_ms(deals, tmp)
    return {
        "refresh_ms": round(sqlite_ms, 1),
        "refresh_pg_ms": None if pg_ms is None else round(pg_ms, 1),
    }
