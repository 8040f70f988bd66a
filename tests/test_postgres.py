"""The same app on a shared PostgreSQL server: migrations, the domain services, the demo,
the loader and the report, the history import and the main window — on a private server
(``pg_server``), compared with the same work on SQLite."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from voronka.models import errors
from voronka.models.db import open_database
from voronka.models.orm import Deal, DealEvent, LostReason, Stage, User
from pg_server import PostgresServer
from report_helpers import DEMO_ANCHOR


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


@pytest.fixture
def pg_db(server):
    db = open_database(server.new_database(), language="en")
    yield db
    db.close()


def report_of(db, label: str) -> dict:
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report import compute_report
    from voronka.models.loader import load_frames

    with db.session() as s:
        frames = load_frames(s, "sales")
    return compute_report(frames, parse_period(label))


def test_a_new_server_database_gets_the_schema_and_the_default_funnel(pg_db):
    assert pg_db.location.startswith("postgresql")
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Stage)) > 10
        assert s.scalar(select(func.count()).select_from(LostReason)) > 3
    again = open_database(pg_db.location, language="en")  # opening again neither migrates nor seeds twice
    with again.session() as s:
        assert s.scalar(select(func.count()).select_from(LostReason)) == \
            pg_db.run(lambda s2: s2.scalar(select(func.count()).select_from(LostReason)))
    again.close()


def test_the_domain_services_and_their_refusals_work_on_the_server(pg_db):
    from voronka.models.services.deals import create_deal, lose_deal, move_deal, undo_events, win_deal

    with pg_db.transaction() as s:
        s.add(User(name="Sasha SDR", role="sdr"))
    deal_id = pg_db.run(create_deal, name="acme.ru - Acme", user_id=1).created[0]
    with pytest.raises(errors.StageRequirementsMissing):
        pg_db.run(move_deal, deal_id, "qualified", user_id=1)  # no amount
    moved = pg_db.run(move_deal, deal_id, "qualified", user_id=1, values={"amount": "150000"})
    pg_db.run(undo_events, moved.event_ids, user_id=1)
    with pg_db.session() as s:
        deal = s.get(Deal, deal_id)
        assert deal.stage_id == s.scalar(select(Stage.id).where(Stage.key == "unsorted", Stage.pipeline_id == 1))
    pg_db.run(win_deal, deal_id, user_id=1)
    other = pg_db.run(create_deal, name="Second", user_id=1).created[0]
    with pytest.raises(errors.VoronkaError):
        pg_db.run(lose_deal, other, reason_id=None, user_id=1)
    with pg_db.session() as s:
        assert s.get(Deal, deal_id).status == "won" and s.get(Deal, other).status == "open"
        assert s.scalar(select(func.count()).select_from(DealEvent).where(DealEvent.deal_id == deal_id)) == 4  # entry, owner, signed, won


@pytest.fixture(scope="module")
def demo_pair(server, tmp_path_factory):
    """The same demo (seed 11, 300 deals) on the server and in an SQLite file."""
    from voronka.models.demo import build_demo

    pg = open_database(server.new_database(), language="en")
    lite = open_database(tmp_path_factory.mktemp("pg") / "demo.db", language="en")
    for db in (pg, lite):
        build_demo(db, deals=300, seed=11, anchor=DEMO_ANCHOR)
    yield pg, lite
    pg.close()
    lite.close()


@pytest.mark.parametrize("label", ["2026-05", "2026-W19", "2026-05-13"])
def test_the_report_from_the_server_equals_the_report_from_sqlite(demo_pair, label):
    pg, lite = demo_pair
    from_pg, from_lite = report_of(pg, label), report_of(lite, label)
    assert from_pg["metrics"]["won_count"] or from_pg["metrics"]["sales_actions"]  # a real, non-empty period
    assert json.dumps(from_pg, sort_keys=True) == json.dumps(from_lite, sort_keys=True)


def test_a_history_exported_from_sqlite_imports_into_the_server(demo_pair, server, tmp_path):
    from voronka.models.history_import.export import export_history
    from voronka.models.history_import.writer import import_history

    _pg, lite = demo_pair
    export_history(lite, tmp_path / "history")
    target = open_database(server.new_database(), language="en")
    try:
        first = import_history(target, tmp_path / "history")
        second = import_history(target, tmp_path / "history")  # idempotent on the server too
        sales = select(func.count()).select_from(Deal).where(Deal.pipeline_id == 1)
        with target.session() as s, lite.session() as s2:
            assert s.scalar(sales) == s2.scalar(sales) == 300
        assert (first.deals_created, second.deals_created, second.deals_skipped) == (300, 0, 300)
        assert second.events == 0 and second.activities_added == 0
        assert report_of(target, "2026-05")["metrics"]["revenue"] == report_of(lite, "2026-05")["metrics"]["revenue"]
    finally:
        target.close()


def test_the_main_window_and_the_report_command_work_on_a_server_url(demo_pair, tmp_path, qtbot):
    from voronka.desktop.cli import main as cli
    from report_helpers import make_ctx
    from voronka.views.main_window import MainWindow

    pg, _lite = demo_pair
    ctx = make_ctx(pg, tmp_path, 1)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    with pg.session() as s:
        deals = s.scalar(select(func.count()).select_from(Deal))
    page = win.page("deals")
    qtbot.waitUntil(lambda: not page.loading and not page.counting, timeout=20000)  # every id, not the first page
    assert page.model.rowCount() == deals
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by amount, in PostgreSQL
    qtbot.waitUntil(lambda: not page.loading and page.model.cached(0), timeout=20000)
    with pg.session() as s:
        top = s.scalar(select(func.max(Deal.amount_minor)))
    assert page.model.record(0).amount * 100 == top
    out = tmp_path / "report.json"
    assert cli(["report", "--db", pg.location, "--period", "2026-05", "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["metrics"] == report_of(pg, "2026-05")["metrics"]
