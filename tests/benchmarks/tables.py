"""Benchmark of the record tables (Deals, Companies, Contacts) on a copy of the demo database.

table_open_s / companies_table_open_s / contacts_table_open_s
    page construction until the first rows are on screen (every record, no filter)
table_sort_ms / companies_table_sort_ms / contacts_table_sort_ms
    a click on a column header (deals: amount; companies: open deals; contacts: company)
    until the first rows of the new order are on screen
table_filter_ms / companies_table_filter_ms / contacts_table_filter_ms
    the slower of: two letters typed into the search, and (deals) an owner chosen in the
    filter bar — each until the rows are on screen
…_sort_all_ms / …_filter_all_ms
    the same, until the page also has every id and the footer's count (read after the first
    screenful is shown; the user can read and scroll the first rows meanwhile)
move_table_visible_p95_ms
    board moves (the board benchmark's drop path) while the Deals page is shown beside the
    board, each until the event is committed and both columns have repainted
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

MOVES = 40


def _settle(app, page) -> None:
    """Until the page's ids are read and the first row is fetched, then paint."""
    deadline = time.perf_counter() + 120
    while (page.loading or not page.model.rowCount() or not page.model.cached(0)) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.0005)
    page.table.viewport().repaint()


def _timed(app, page, change, whole: list | None = None) -> float:
    """Milliseconds until the first rows are on screen; ``whole`` gets the time until the
    page also has every id and the count (read after the first rows are shown)."""
    start = time.perf_counter()
    change()
    _settle(app, page)
    first = (time.perf_counter() - start) * 1000
    if whole is not None:
        deadline = time.perf_counter() + 120
        while page.counting and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        whole.append((time.perf_counter() - start) * 1000)
    return first


def _measure_page(app, ctx, cls, prefix: str, sort_column: str, search: str, owner: bool) -> dict:
    from PySide6.QtCore import Qt

    start = time.perf_counter()
    page = cls(ctx)
    page.resize(1280, 720)
    page.show()
    _settle(app, page)
    open_s = time.perf_counter() - start
    keys = [c.key for c in page.model.columns]
    while not ctx.executor.idle():
        app.processEvents()
    sort_all: list = []
    sort_ms = _timed(app, page, lambda: page.table.sortByColumn(keys.index(sort_column), Qt.SortOrder.DescendingOrder),
                     sort_all)
    filters_all: list = []
    filters = [_timed(app, page, lambda: (page.search.setText(search[:1]), page.search.setText(search)), filters_all)]
    page.search.clear()
    _settle(app, page)
    if owner:
        page.filters_button.setChecked(True)
        while not ctx.executor.idle():
            app.processEvents()
        combo = page.filter_bar.combos["owner_id"]
        filters.append(_timed(app, page, lambda: combo.setCurrentIndex(1), filters_all))
        combo.setCurrentIndex(0)
        _settle(app, page)
    while not ctx.executor.idle() or page.counting:
        app.processEvents()
    shown = page.model.rowCount()
    return {"page": page, f"{prefix}_open_s": round(open_s, 3), f"{prefix}_sort_ms": round(sort_ms, 1),
            f"{prefix}_filter_ms": round(max(filters), 1), f"{prefix}_rows": shown,
            f"{prefix}_sort_all_ms": round(sort_all[0], 1), f"{prefix}_filter_all_ms": round(max(filters_all), 1)}


def _moves_with_table(app, ctx, deals_page) -> float:
    from benchmarks.board import PaintWatcher, _wait
    from voronka.views.board.page import BoardPage

    board_page = BoardPage(ctx)
    board_page.resize(1280, 720)
    board_page.show()
    board = board_page.board
    _wait(board.loaded, lambda: not board.loading)
    _wait(board.figures_loaded, lambda: board.figures_available is not None)
    deals_page.show()  # the table stays visible (its own window) while the board moves deals
    deals_page.raise_()
    painted: set = set()
    watcher = PaintWatcher(painted)
    for column in board.columns:
        column.view.viewport().installEventFilter(watcher)
    plan = [("unsorted", "work_started"), ("work_started", "contacts_found"), ("contacts_found", "outreach_started")]
    moves = []
    for n in range(MOVES):
        source, target = (board.column(k) for k in plan[n % len(plan)])
        deal = source.model.card(n // len(plan) % max(1, source.model.rowCount())).id
        t = time.perf_counter()
        painted.clear()
        board.drop([deal], target.stage.id)
        while not {source.view.viewport(), target.view.viewport()} <= painted:
            app.processEvents()
        moves.append((time.perf_counter() - t) * 1000)
        app.processEvents()  # let the table's stale rows and re-read run between moves, as a user would
    board_page.close()
    return round(float(np.percentile(moves, 95)), 1)


def measure(db_path: Path, deals: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.board import _copy
    from voronka.models.db import open_database
    from voronka.views.app_context import AppContext
    from voronka.views.tables.companies import CompaniesPage
    from voronka.views.tables.contacts import ContactsPage
    from voronka.views.tables.deals import DealsPage

    app = QApplication.instance() or QApplication([])
    result: dict = {}
    from benchmarks.warm import as_in_the_running_app

    as_in_the_running_app()  # the app's start-up loads are not the table's (benchmarks/warm.py)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tables.db"
        _copy(db_path, copy)
        db = open_database(copy)
        ctx = AppContext(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat), language="ru")
        ctx.user_id = 1
        pages = []
        for cls, prefix, sort_column, search, owner in (
            (DealsPage, "table", "amount", "ал", True),
            (CompaniesPage, "companies_table", "open_deals", "ал", False),
            (ContactsPage, "contacts_table", "company", "ал", False),
        ):
            figures = _measure_page(app, ctx, cls, prefix, sort_column, search, owner)
            pages.append(figures.pop("page"))
            result.update(figures)
        for page in pages[1:]:
            page.close()
        result["move_table_visible_p95_ms"] = _moves_with_table(app, ctx, pages[0])
        pages[0].close()
        ctx.executor.shutdown()
        db.close()
    return result
