"""Shared by the report view, export, snapshot and start page tests: a small demo history."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

DEMO_ANCHOR = date(2026, 6, 15)  # the demo's "today": every period below is in its past


def build_demo_db(folder: Path, deals: int = 600):
    """A demo database of ``deals`` deals ending on ``DEMO_ANCHOR`` (about a second)."""
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo

    db = open_database(folder / "demo.db", language="en")
    build_demo(db, deals=deals, seed=11, anchor=DEMO_ANCHOR)
    return db


def make_ctx(db, folder: Path, user_id: int | None, language: str = "en"):
    from voronka.views.app_context import AppContext

    ctx = AppContext(db, QSettings(str(folder / f"settings-{time.monotonic_ns()}.ini"), QSettings.Format.IniFormat),
                     language=language)
    ctx.user_id = user_id
    return ctx


def user_with_role(db, role: str) -> int:
    from sqlalchemy import select

    from voronka.models.orm import User

    with db.session() as s:
        return s.scalar(select(User.id).where(User.role == role, User.active.is_(True)).order_by(User.id))
