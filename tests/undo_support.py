"""Two writers on one database for the undo tests: user A works in an app context (with
its undo stack), colleague B in a second context on a second ``Database`` object opened
on the same SQLite file (or the same PostgreSQL database)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from voronka.models.db import Database, open_database
from voronka.models.orm import DealEvent, User
from voronka.models.queries.board import BoardStage, board_stages
from voronka.views.app_context import AppContext
from voronka.views.board.commands import BoardActions
from voronka.views.errors import describe

def last_editor_named() -> str:
    """Who a refusal names for a field edit: the colleague, once records carry their last
    editor (``updated_by_id``); "Someone" until then."""
    from voronka.models.orm import Deal

    return B_NAME if hasattr(Deal, "updated_by_id") else "Someone"


A_NAME, B_NAME = "Sasha SDR", "Иван Петров"


@dataclass
class Pair:
    a: AppContext
    b: AppContext
    errors: list[BaseException] = field(default_factory=list)

    def said(self) -> str:
        """The last sentence A was shown."""
        assert self.errors, "nothing was reported"
        return describe(self.errors[-1])

    def stage(self, key: str, pipeline: str = "sales") -> BoardStage:
        return next(s for s in self.a.query(board_stages, pipeline) if s.key == key)

    def actions(self, widget: QWidget) -> BoardActions:
        return BoardActions(self.a, widget, lambda deal_id: f"deal {deal_id}")


def seed_users(db: Database) -> None:
    with db.transaction() as s:
        if not s.scalar(select(func.count()).select_from(User)):
            s.add_all([User(name=A_NAME, role="sdr"), User(name=B_NAME, role="ae"),
                       User(name="Helen Head", role="head_of_sales")])


def make_pair(db_a: Database, location: str, tmp_path) -> tuple[Pair, Database]:
    """A on ``db_a`` (user 1), B on a second ``Database`` opened on ``location`` (user 2)."""
    db_b = open_database(location, language="en")
    a = AppContext(db_a, QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat), language="en")
    b = AppContext(db_b, QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat), language="en")
    a.user_id, b.user_id = 1, 2
    pair = Pair(a, b)
    a.error.connect(pair.errors.append)
    return pair, db_b


def event_ids(db: Database, deal_id: int) -> list[int]:
    with db.session() as s:
        return list(s.scalars(select(DealEvent.id).where(DealEvent.deal_id == deal_id).order_by(DealEvent.id)))


def snapshot(db: Database, model: type, record_id: int) -> dict[str, Any] | None:
    from voronka.models.services.record_fields import row_dict

    with db.session() as s:
        record = s.get(model, record_id)
        return None if record is None else row_dict(record)


@pytest.fixture(scope="module")
def server():
    from pg_server import PostgresServer

    pg = PostgresServer().start()
    yield pg
    pg.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def two(request, tmp_path, qtbot):
    """A on one ``Database``, B on a second one, on one SQLite file or one PostgreSQL database."""
    from voronka.models.db import open_database

    location = str(tmp_path / "team.db") if request.param == "sqlite" else \
        request.getfixturevalue("server").new_database()
    db_a = open_database(location, language="en")
    seed_users(db_a)
    pair, db_b = make_pair(db_a, location, tmp_path)
    widget = QWidget()
    qtbot.addWidget(widget)
    pair.widget = widget
    yield pair
    db_b.close()
    db_a.close()


@pytest.fixture
def two_on_sqlite(tmp_path, qtbot):
    from voronka.models.db import open_database

    location = str(tmp_path / "team.db")
    db_a = open_database(location, language="en")
    seed_users(db_a)
    pair, db_b = make_pair(db_a, location, tmp_path)
    widget = QWidget()
    qtbot.addWidget(widget)
    pair.widget = widget
    yield pair
    db_b.close()
    db_a.close()
