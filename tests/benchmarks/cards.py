"""Benchmark of opening cards on a copy of the demo database.

card_open_ms          a deal card: from the open until its fields are on screen (the
                      background read arrived and the form painted); the median of 7 deals
                      after one first open (which also loads the suggestion lists)
card_open_max_ms      the slowest of those 7
company_card_open_ms / contact_card_open_ms   the same for companies and people (median of 5)
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path


def _open_ms(app, ctx, kind: str, record_id: int) -> float:
    from voronka.views.cards import open_card

    start = time.perf_counter()
    card = open_card(ctx, kind, record_id)
    deadline = start + 60
    while (card.loading or card.form is None) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.0005)
    card.window().repaint()
    elapsed = (time.perf_counter() - start) * 1000
    card.window().close()
    app.processEvents()
    return elapsed


def measure(db_path: Path, deals: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from benchmarks.board import _copy
    from voronka.models.db import open_database
    from voronka.models.orm import Company, Contact, Deal
    from voronka.views.app_context import AppContext

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "cards.db"
        _copy(db_path, copy)
        db = open_database(copy)
        ctx = AppContext(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat), language="ru")
        ctx.user_id = 1
        with db.session() as s:
            last = {m.__name__: s.scalar(select(func.max(m.id))) for m in (Deal, Company, Contact)}
        result: dict = {}
        for kind, model, count, prefix in (("deal", "Deal", 7, "card"), ("company", "Company", 5, "company_card"),
                                           ("contact", "Contact", 5, "contact_card")):
            top = last[model]
            _open_ms(app, ctx, kind, top)  # the first card of a kind also reads the suggestion lists
            times = [_open_ms(app, ctx, kind, top - 97 * (n + 1)) for n in range(count)]
            result[f"{prefix}_open_ms"] = round(statistics.median(times), 1)
            if kind == "deal":
                result["card_open_max_ms"] = round(max(times), 1)
        ctx.executor.shutdown()
        db.close()
    return result
