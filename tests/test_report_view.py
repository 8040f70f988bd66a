"""The report view shows the engine's numbers for the period the user picks, lists the deals
behind a number, follows the owner filter and recomputes when the data changes."""
from __future__ import annotations

import pytest

from voronka.views.exports.sections import metric_lines
from voronka.views.exports.values import format_value
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models.loader import load_frames
from report_helpers import build_demo_db, make_ctx, user_with_role
from voronka.views.reports.background import running_tasks


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("report-view"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def frames(demo):
    return load_frames(demo, "sales")


@pytest.fixture
def page(demo, tmp_path, qtbot):
    from voronka.views.reports.page import ReportsPage

    ctx = make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales"))
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    qtbot.waitUntil(lambda: not widget.controller.is_busy(), timeout=20000)
    yield widget
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)  # no computation outlives its test


def show(page, qtbot, label: str, complete: bool = False, **kw) -> dict:
    """Switch to ``label`` and wait until the page shows it (with its context if asked)."""
    def shown() -> bool:
        bundle = page.current_tab().bundle
        return (bundle is not None and bundle["period"]["label"] == label
                and (not complete or "previous" in bundle) and not page.controller.is_busy())
    page.controller.set_period(parse_period(label))
    qtbot.waitUntil(shown, timeout=20000)
    return page.current_tab().bundle


def shown_texts(page) -> dict[str, str]:
    tab = page.current_tab()
    return {line.id: tab.shown_value(line.id) for line in tab.metrics.lines}


def engine_texts(report: dict, tab: str) -> dict[str, str]:
    return {line.id: format_value(line.value, line.kind, "en") for line in metric_lines(report, "en", tab)}


@pytest.mark.parametrize("label, tab", [("2026-05", "monthly"), ("2026-W19", "weekly"), ("2026-05-13", "daily")])
def test_switching_period_shows_the_engines_numbers(page, qtbot, frames, label, tab):
    show(page, qtbot, label)
    assert page.current_tab().tab == tab
    expected = engine_texts(compute_report(frames, parse_period(label)), tab)
    assert shown_texts(page) == expected
    assert any(text not in ("—", "0") for text in expected.values())  # a real history, not an empty report


def test_previous_and_next_step_through_periods_of_the_tab(page, qtbot, frames):
    show(page, qtbot, "2026-05")
    page.prev_button.click()
    qtbot.waitUntil(lambda: page.current_tab().bundle["period"]["label"] == "2026-04" and not page.controller.is_busy(),
                    timeout=20000)
    assert shown_texts(page) == engine_texts(compute_report(frames, parse_period("2026-04")), "monthly")
    page.tabs.setCurrentWidget(page.report_tabs["weekly"])
    assert page.controller.period.kind == "week" and page.controller.period.start.month == 4


def test_quarters_and_years_are_read_on_the_monthly_tab(page, qtbot, frames):
    show(page, qtbot, "2026-05")
    page.kind_box.setCurrentIndex(page.kind_box.findData("quarter"))
    qtbot.waitUntil(lambda: page.current_tab().bundle["period"]["label"] == "2026-Q2" and not page.controller.is_busy(),
                    timeout=20000)
    assert page.current_tab().tab == "monthly" and not page.kind_box.isHidden()
    assert shown_texts(page) == engine_texts(compute_report(frames, parse_period("2026-Q2")), "monthly")
    page.prev_button.click()
    qtbot.waitUntil(lambda: page.current_tab().bundle["period"]["label"] == "2026-Q1" and not page.controller.is_busy(),
                    timeout=20000)
    page.kind_box.setCurrentIndex(page.kind_box.findData("year"))
    qtbot.waitUntil(lambda: page.current_tab().bundle["period"]["label"] == "2026" and not page.controller.is_busy(),
                    timeout=20000)
    page.tabs.setCurrentWidget(page.report_tabs["weekly"])
    assert page.controller.period.kind == "week" and page.kind_box.isHidden()


def test_the_month_quarter_year_box_stands_beside_the_period(page, qtbot):
    """The box that picks a month, a quarter or a year is one of the period controls (right of
    ◀ period ▶), not a stray widget in the tabs' corner; the period box is narrower on the
    Monthly tab to make its room, and the longest name of each kind is read whole."""
    from PySide6.QtCore import Qt

    page.show()
    show(page, qtbot, "2026-09")
    assert page.tabs.cornerWidget(Qt.Corner.TopLeftCorner) is None
    assert page.toolbar.indexOf(page.kind_box) == page.toolbar.indexOf(page.next_button) + 1
    qtbot.waitUntil(lambda: page.kind_box.isVisible() and page.kind_box.x() > page.next_button.x())
    monthly = page.period_edit.width()
    fm = page.period_edit.fontMetrics()
    for label in ("2026-09", "2026-Q3"):
        show(page, qtbot, label)
        assert fm.horizontalAdvance(page.period_edit.text()) + 8 <= page.period_edit.width(), label
    page.tabs.setCurrentWidget(page.report_tabs["weekly"])
    qtbot.waitUntil(lambda: page.kind_box.isHidden() and page.period_edit.width() > monthly)
    assert page.period_edit.width() >= monthly + page.kind_box.sizeHint().width()  # the row keeps its width


def test_change_column_compares_with_the_previous_period(page, qtbot, frames):
    bundle = show(page, qtbot, "2026-05", complete=True)
    previous = compute_report(frames, parse_period("2026-04"))["metrics"]
    lines = {line.id: line for line in page.current_tab().metrics.lines}
    assert lines["revenue"].previous == previous["revenue"]
    assert bundle["previous"]["period"]["label"] == "2026-04"


def test_weekly_trend_has_twelve_weeks(page, qtbot):
    bundle = show(page, qtbot, "2026-W20", complete=True)
    labels = [point["label"] for point in bundle["history"]]
    assert len(labels) == 12 and labels[-1] == "2026-W20" and labels[0] == "2026-W09"
    qtbot.waitUntil(page.current_tab().charts_ready, timeout=10000)


@pytest.mark.parametrize("metric_id", ["won_count", "worked_count", "conv_reply"])
def test_drill_down_lists_as_many_deals_as_the_number(page, qtbot, frames, metric_id):
    from voronka.metrics.drilldown import deals_behind

    label = "2026-W19" if metric_id == "worked_count" else "2026-05"
    bundle = show(page, qtbot, label)
    page.drill(metric_id)
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=10000)
    dialog = page.last_dialog
    qtbot.addWidget(dialog)
    shown = dialog.model.rowCount()
    value = bundle["metrics"][metric_id]
    if metric_id == "conv_reply":
        cohort = deals_behind(frames, metric_id, parse_period(label), part="denominator")
        assert shown == round(value * len(cohort))
    else:
        assert shown == value
    assert shown > 0


def test_drill_down_opens_the_deal_card(page, qtbot):
    show(page, qtbot, "2026-05")
    page.drill("won_count")
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=10000)
    dialog = page.last_dialog
    qtbot.addWidget(dialog)
    opened = []
    page.ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    dialog._open(dialog.proxy.index(0, 0))
    assert opened == [("deal", dialog.model.rows[dialog.proxy.mapToSource(dialog.proxy.index(0, 0)).row()].id)]


def test_owner_filter_shows_that_owners_report(page, qtbot, frames, demo):
    owner = user_with_role(demo, "ae")
    page.set_owner(owner)
    bundle = show(page, qtbot, "2026-05")
    assert bundle["owner_id"] == owner
    expected = compute_report(frames, parse_period("2026-05"), owner_id=owner)
    assert shown_texts(page) == engine_texts(expected, "monthly")


def test_as_of_a_past_moment_shows_the_report_as_it_stood(page, qtbot, frames):
    from datetime import datetime

    show(page, qtbot, "2026-05")
    moment = datetime(2026, 5, 15, 12, 0)
    page.set_as_of(moment)
    qtbot.waitUntil(lambda: page.current_tab().bundle["period"]["as_of"].startswith("2026-05-15T12:00")
                    and not page.controller.is_busy(), timeout=20000)
    expected = compute_report(frames, parse_period("2026-05"), as_of=moment)
    assert shown_texts(page) == engine_texts(expected, "monthly")


def test_new_data_is_counted_without_reopening(tmp_path, qtbot):
    """A won deal appears in this month's numbers after the change signal."""
    from voronka.metrics.periods import period_of
    from voronka.models.clock import local_now
    from voronka.models.services.deals import create_deal, win_deal
    from voronka.views.reports.page import ReportsPage

    demo = build_demo_db(tmp_path, deals=150)
    ctx = make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales"))
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    label = period_of("month", local_now()).label
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None and not page.controller.is_busy(), timeout=20000)
    before = page.current_tab().bundle["metrics"]["won_count"] or 0
    deal_id = ctx.run(create_deal, name="Fresh win", user_id=ctx.user_id, amount=1000).created[0]
    ctx.run(win_deal, deal_id, user_id=ctx.user_id)
    page.show()
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None and not page.controller.is_busy()
                    and (page.current_tab().bundle["metrics"]["won_count"] or 0) == before + 1, timeout=20000)
    assert page.current_tab().bundle["period"]["label"] == label
