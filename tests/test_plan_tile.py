"""The start page's "What the plan asks today" tile: the engine's plan decomposition for this
month (or quarter, or year) as of now, what is still needed per working day left."""
from __future__ import annotations

import pytest

from voronka.views.exports.values import format_value
from voronka.metrics.periods import period_of
from voronka.metrics.plan_today import plan_today, working_days_left
from voronka.metrics.report import compute_report
from voronka.models.clock import local_now
from voronka.models.loader import load_frames
from report_helpers import build_demo_db, make_ctx, user_with_role
from voronka.views.reports.background import running_tasks


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("plan-tile"), deals=500)
    yield db
    db.close()


@pytest.fixture
def head_page(demo, tmp_path, qtbot):
    from voronka.views.start.page import StartPage

    page = StartPage(make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales")))
    qtbot.addWidget(page)
    page.resize(1300, 900)
    qtbot.waitUntil(page.ctx.executor.idle, timeout=20000)
    yield page
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


def test_the_head_of_sales_sees_what_this_months_plan_asks_today(demo, head_page, qtbot):
    tile = next(t for t in head_page.grid.tiles if t.kind == "plan_today")  # among the role's defaults
    qtbot.waitUntil(lambda: tile.result is not None and not head_page.report_running(), timeout=30000)
    now = local_now()
    period = period_of("month", now)
    report = compute_report(load_frames(demo, "sales"), period, as_of=now)
    expected = {r["stage"]: r for r in plan_today(report["plan_decomposition"], period, now)}
    assert report["metrics"]["plan_period"]  # the demo has a plan for this month
    assert tile.result["label"] == period.label and tile.result["days"] == working_days_left(period, now)
    assert [r["stage"] for r in tile.result["rows"]] == \
        [s for s in ("work_started", "replied", "demo_run", "offer_sent", "signed") if s in expected]
    for row in tile.result["rows"]:
        assert (row["still_needed"], row["per_day"]) == (expected[row["stage"]]["still_needed"],
                                                        expected[row["stage"]]["per_day"])
    shown = [tile.grid.itemAt(i).widget().text() for i in range(tile.grid.count())]
    first = tile.result["rows"][0]
    assert format_value(first["still_needed"], "count", "en") in shown
    asked = report["metrics"]["needed_actions_per_day_sdr"]
    if asked is not None:
        assert format_value(asked, "number", "en") in tile.sdr.text()


def test_the_plan_tile_can_follow_the_quarter_or_the_year(demo, head_page, qtbot):
    tile = next(t for t in head_page.grid.tiles if t.kind == "plan_today")
    for kind, title in (("quarter", "What this quarter's plan asks today"), ("year", "What this year's plan asks today")):
        tile.set_option("period", kind)
        label = period_of(kind, local_now()).label
        qtbot.waitUntil(lambda: tile.title_label.text().startswith(title) and not head_page.report_running()
                        and tile.result is not None and tile.result["label"] == label, timeout=30000)
    assert head_page.specs()[[t.kind for t in head_page.grid.tiles].index("plan_today")]["options"] == \
        {"period": "year"}
