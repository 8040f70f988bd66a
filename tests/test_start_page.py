"""The start page: each user's own tiles (kept across restarts), role defaults, tile
numbers from the engine, and the launch page / sidebar customisation."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from voronka.metrics.formatting import day_name
from voronka.metrics.periods import day_period, period_of
from voronka.metrics.report import compute_report
from voronka.models.clock import local_now
from voronka.models.errors import InvalidValue
from voronka.models.loader import load_frames
from voronka.models.services.preferences import check_tiles
from voronka.models.services.tasks import add_task
from report_helpers import build_demo_db, make_ctx, user_with_role
from voronka.views.reports.background import running_tasks
from voronka.views.start.report_tiles import ReportTile


@pytest.fixture
def open_page(tmp_path, qtbot):
    pages = []

    def make(db, user_id):
        from voronka.views.start.page import StartPage

        page = StartPage(make_ctx(db, tmp_path, user_id))
        qtbot.addWidget(page)
        page.resize(1200, 900)
        pages.append(page)
        qtbot.waitUntil(page.ctx.executor.idle, timeout=20000)  # the tiles' reads answered
        return page
    yield make
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


def kinds(page) -> list[str]:
    return [t.spec["kind"] for t in page.grid.tiles]


def test_layout_survives_a_restart(db, open_page):
    page = open_page(db, 1)
    tile = page.add_tile("pipeline", scope="team")
    page.grid.move_tile(tile, 0)
    page.grid.resize_tile(tile, 4, 1)
    victim = next(t for t in page.grid.tiles if t.kind == "stuck")
    page.remove_tile(victim)
    saved = page.specs()
    again = open_page(db, 1)  # a new context and page on the same database: a restart
    assert again.specs() == saved
    assert again.grid.tiles[0].spec == {"kind": "pipeline", "w": 4, "h": 1, "options": {"scope": "team"}}
    assert "stuck" not in kinds(again)


def test_each_user_has_their_own_layout_and_role_defaults(db, open_page):
    rep = open_page(db, 1)  # Sasha, an SDR
    head = open_page(db, 3)  # Helen, head of sales
    assert kinds(rep)[:2] == ["yesterday", "my_tasks"] and "no_next_step" in kinds(rep)
    assert "pipeline" in kinds(head) and kinds(head).count("metric") >= 3
    rep.add_tile("metric", metric="conv_client")
    assert open_page(db, 3).specs() == head.specs()  # Helen's page did not change


def test_reset_goes_back_to_the_role_defaults(db, open_page):
    page = open_page(db, 2)
    defaults = page.specs()
    page.add_tile("pipeline")
    page.reset_tiles()
    assert page.specs() == defaults
    assert open_page(db, 2).specs() == defaults


def test_a_bad_tile_layout_is_refused():
    with pytest.raises(InvalidValue, match="tile 2"):
        check_tiles([{"kind": "stuck", "w": 1, "h": 1}, {"kind": "pipeline", "w": 9, "h": 1}])


def test_tasks_tile_shows_overdue_first_and_opens_the_deal(db, open_page, qtbot):
    from voronka.models.services.deals import create_deal

    deal = db.run(create_deal, name="Acme", user_id=1).created[0]
    now = local_now()
    db.run(add_task, title="Call back", assignee_id=1, deal_id=deal, due_at=now - timedelta(days=2))
    db.run(add_task, title="Send offer", assignee_id=1, due_at=now.replace(hour=23, minute=59))
    db.run(add_task, title="Next week", assignee_id=1, due_at=now + timedelta(days=7))
    page = open_page(db, 1)
    tile = next(t for t in page.grid.tiles if t.kind == "my_tasks")
    lines = [tile.list.item(i).text() for i in range(tile.list.count())]
    assert len(lines) == 2 and "overdue" in lines[0] and "Call back" in lines[0] and "Send offer" in lines[1]
    assert tile.list.item(0).foreground().color().name() != tile.list.item(1).foreground().color().name()
    opened = []
    page.ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    tile.list.itemDoubleClicked.emit(tile.list.item(0))
    assert opened == [("deal", deal)]


def test_a_new_task_appears_without_reopening(db, open_page, qtbot):
    page = open_page(db, 1)
    tile = next(t for t in page.grid.tiles if t.kind == "my_tasks")
    page.ctx.run(add_task, title="Fresh", assignee_id=1, due_at=local_now())
    qtbot.waitUntil(page.ctx.executor.idle)
    assert any("Fresh" in tile.list.item(i).text() for i in range(tile.list.count()))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("start"), deals=500)
    yield db
    db.close()


def test_report_tiles_show_the_engines_numbers(demo, open_page, qtbot):
    from voronka.views.start.report_tiles import previous_working_day

    page = open_page(demo, user_with_role(demo, "head_of_sales"))
    qtbot.waitUntil(lambda: not page.report_running() and all(
        t.status.isHidden() for t in page.grid.tiles if isinstance(t, ReportTile)), timeout=30000)
    frames = load_frames(demo, "sales")
    now = local_now()
    yesterday = compute_report(frames, day_period(previous_working_day(now.date())))
    month = compute_report(frames, period_of("month", now), as_of=now)
    plan = next(t for t in page.grid.tiles if t.kind == "plan_fact")
    from voronka.views.exports.values import format_value

    assert plan.fact.text() == format_value(month["metrics"]["revenue"], "money", "en")
    assert plan.bar.text() == format_value(month["metrics"]["plan_attainment_period"], "ratio", "en")
    day = next(t for t in page.grid.tiles if t.kind == "yesterday")
    assert day.day_label.text() == day_name(previous_working_day(now.date()), "en")
    shown = [day.grid.itemAt(i).widget().text() for i in range(day.grid.count())]
    assert format_value(yesterday["metrics"]["sales_actions"], "count", "en") in " ".join(shown)
    metric = next(t for t in page.grid.tiles if t.kind == "metric")
    assert len(metric.spark.points) == 8


def test_the_plan_tile_can_follow_this_quarters_or_this_years_plan(demo, open_page, qtbot):
    from voronka.views.exports.values import format_value

    page = open_page(demo, user_with_role(demo, "head_of_sales"))
    plan = next(t for t in page.grid.tiles if t.kind == "plan_fact")
    frames = load_frames(demo, "sales")
    for kind, title in (("quarter", "Plan vs fact this quarter"), ("year", "Plan vs fact this year")):
        plan.set_option("period", kind)
        now = local_now()
        expected = compute_report(frames, period_of(kind, now), as_of=now)["metrics"]
        qtbot.waitUntil(lambda: plan.title_label.text().startswith(title) and not page.report_running()
                        and plan.fact.text() == format_value(expected["revenue"], "money", "en"), timeout=30000)
        assert plan.bar.text() == format_value(expected["plan_attainment_period"], "ratio", "en")


def test_the_stuck_tile_uses_the_boards_rule_rot_days_else_the_stages_p90(demo, open_page, qtbot):
    from voronka.metrics.stuck import stuck_limits
    from voronka.models.queries.start import stuck_deals

    page = open_page(demo, user_with_role(demo, "head_of_sales"))
    tile = next(t for t in page.grid.tiles if t.kind == "stuck")
    qtbot.waitUntil(lambda: not page.report_running() and tile.summary.text() != "", timeout=30000)
    now = local_now()
    limits = stuck_limits(load_frames(demo, "sales"), now)
    assert any(days is not None for days in limits.values())
    with demo.session() as s:
        expected = stuck_deals(s, now, limits)
    assert expected.total > 0
    assert str(expected.total) in tile.summary.text()
    assert tile.list.item(0).data(Qt.ItemDataRole.UserRole + 1) == expected.deals[0].id


def test_stuck_deals_are_past_their_stages_limit_and_a_stage_without_one_has_none(db):
    from voronka.models.queries.start import stuck_deals
    from sqlalchemy import select

    from voronka.models.orm import Stage
    from voronka.models.services.deals import create_deal

    now = local_now()
    with db.session() as s:
        ids = dict(s.execute(select(Stage.key, Stage.id).where(Stage.pipeline_id == 1)).all())
    old = db.run(create_deal, name="Old", user_id=1, stage_key="outreach_started", at=now - timedelta(days=11)).created[0]
    db.run(create_deal, name="Fresh", user_id=1, stage_key="outreach_started", at=now - timedelta(days=9))
    db.run(create_deal, name="Ancient", user_id=1, stage_key="unsorted", at=now - timedelta(days=900))
    limits = {ids["outreach_started"]: 10.0, ids["unsorted"]: None}
    with db.session() as s:
        found = stuck_deals(s, now, limits)
    assert found.total == 1 and [d.id for d in found.deals] == [old]


def test_customise_sets_the_launch_page_and_the_sidebar(db, tmp_path, qtbot):
    from voronka.views.main_window import MainWindow
    from voronka.views.start.customise import CustomiseDialog

    ctx = make_ctx(db, tmp_path, 3)
    dialog = CustomiseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.start_page.setCurrentIndex(dialog.start_page.findData("reports:weekly"))
    row = next(i for i in range(dialog.pages.count()) if dialog.pages.item(i).data(Qt.ItemDataRole.UserRole + 1) == "companies")
    dialog.pages.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.pages.setCurrentRow(next(i for i in range(dialog.pages.count())
                                    if dialog.pages.item(i).data(Qt.ItemDataRole.UserRole + 1) == "reports"))
    for _ in range(6):
        dialog._move(-1)  # reports to the top
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    window = MainWindow(make_ctx(db, tmp_path, 3))
    qtbot.addWidget(window)
    sidebar = [window.sidebar.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(window.sidebar.count())]
    assert sidebar[0] == "reports" and "companies" not in sidebar
    assert window.current_page_key() == "reports"
    assert window.page("reports").current_tab().tab == "weekly"
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


def test_hiding_the_launch_page_is_refused(db, tmp_path, qtbot, monkeypatch):
    from voronka.views.start import customise

    shown = []
    monkeypatch.setattr(customise, "show_error", lambda parent, exc: shown.append(str(exc)))
    dialog = customise.CustomiseDialog(make_ctx(db, tmp_path, 3))
    qtbot.addWidget(dialog)
    dialog.start_page.setCurrentIndex(dialog.start_page.findData("board"))
    row = next(i for i in range(dialog.pages.count()) if dialog.pages.item(i).data(Qt.ItemDataRole.UserRole + 1) == "board")
    dialog.pages.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert shown and "hidden" in shown[0] and dialog.result() != dialog.DialogCode.Accepted
