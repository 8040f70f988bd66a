"""The Reports page never makes the window wait: it appears at once with a busy state, its
figures arrive later from the executor, and a page left or deleted while its report is being
computed — or a period the user already moved on from — never shows anything out of date
and raises nothing."""
from __future__ import annotations

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models.loader import load_frames
from voronka.views.exports.sections import metric_lines
from voronka.views.exports.values import format_value
from voronka.views.reports.background import running_tasks
from report_helpers import build_demo_db, make_ctx, user_with_role


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("report-busy"))
    yield db
    db.close()


@pytest.fixture
def ctx(demo, tmp_path):
    context = make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales"))
    errors: list[BaseException] = []
    context.error.connect(errors.append)
    context.errors_seen = errors
    return context


def _new_page(ctx, qtbot, keep: bool = True):
    from voronka.views.reports.page import ReportsPage

    page = ReportsPage(ctx)
    if keep:  # closed by qtbot at the end (a page the test deletes itself is not)
        qtbot.addWidget(page)
    page.resize(1366, 768)
    return page


def test_the_page_is_busy_first_and_shows_the_engines_figures_after(ctx, demo, qtbot):
    page = _new_page(ctx, qtbot)
    page.show()
    # built without waiting for the report: nothing counted yet, the busy bar says so
    assert page.current_tab().bundle is None
    assert page.controller.is_busy()
    assert not page.busy.isHidden()
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None and not page.controller.is_busy(), timeout=20000)
    assert page.busy.isHidden()
    bundle = page.current_tab().bundle
    report = compute_report(load_frames(demo, "sales"), parse_period(bundle["period"]["label"]))
    tab = page.current_tab()
    expected = {line.id: format_value(line.value, line.kind, "en") for line in metric_lines(report, "en", tab.tab)}
    assert expected and {i: tab.shown_value(i) for i in expected} == expected
    assert ctx.errors_seen == []


def test_a_page_deleted_while_its_report_is_computed_raises_nothing(ctx, qtbot):
    page = _new_page(ctx, qtbot, keep=False)
    page.show()
    assert page.controller.is_busy()
    page.deleteLater()
    qtbot.waitUntil(lambda: running_tasks() == 0 and ctx.executor.idle(), timeout=20000)
    assert ctx.errors_seen == []


def test_a_page_left_while_its_report_is_computed_shows_it_when_back(ctx, qtbot):
    page = _new_page(ctx, qtbot)
    page.show()
    page.hide()  # the user went to another page at once
    qtbot.waitUntil(lambda: running_tasks() == 0 and ctx.executor.idle(), timeout=20000)
    page.show()
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None, timeout=20000)
    assert ctx.errors_seen == []


def test_a_stale_period_never_overwrites_the_newer_one(ctx, qtbot):
    page = _new_page(ctx, qtbot)
    page.show()
    qtbot.waitUntil(lambda: not page.controller.is_busy(), timeout=20000)
    shown: list[str] = []
    page.shown.connect(lambda bundle: shown.append(bundle["period"]["label"]))
    for label in ("2026-03", "2026-04", "2026-05"):  # three clicks before the first answer
        page.controller.set_period(parse_period(label))
    qtbot.waitUntil(lambda: not page.controller.is_busy() and running_tasks() == 0
                    and "previous" in (page.current_tab().bundle or {}), timeout=20000)
    assert page.current_tab().bundle["period"]["label"] == "2026-05"
    assert shown and shown[-1] == "2026-05"
    assert "2026-03" not in shown[shown.index("2026-05"):]  # nothing older after the newest
    assert "2026-04" not in shown[shown.index("2026-05"):]
    assert page.period_edit.text() == "May 2026"  # the period as people say it, not its code
    assert ctx.errors_seen == []


def test_a_report_tab_the_user_left_draws_its_charts_only_when_shown_again(ctx, qtbot):
    page = _new_page(ctx, qtbot)
    page.show()
    tab = page.current_tab()
    qtbot.waitUntil(lambda: not page.controller.is_busy() and tab.charts_ready(), timeout=20000)
    page.hide()  # the user went to another page
    page.controller.set_period(parse_period("2026-04"))
    qtbot.waitUntil(lambda: (tab.bundle or {}).get("period", {}).get("label") == "2026-04", timeout=20000)
    qtbot.wait(1000)  # many chart slices' time
    assert tab.drawing() and not tab.charts_ready()  # the numbers are there, the charts wait
    stages = tab.table_models["stages"]
    may_rows = list(stages.rows)  # and so do the tables: May's rows until the tab is on screen
    page.show()
    qtbot.waitUntil(lambda: tab.charts_ready() and not tab.drawing(), timeout=20000)
    assert stages.rows != may_rows
    assert ctx.errors_seen == []


def test_a_recount_due_after_the_user_left_waits_until_the_page_is_shown_again(ctx, qtbot):
    from voronka.models.changes import Changes
    from voronka.views.reports import page as page_module

    page = _new_page(ctx, qtbot)
    page.show()
    qtbot.waitUntil(lambda: not page.controller.is_busy() and running_tasks() == 0, timeout=20000)
    refreshes: list[int] = []
    page.controller.refresh = lambda: refreshes.append(1)
    ctx.changed.emit(Changes(deals={1}))  # a colleague's move, seen while the report is on screen
    assert page._stale_timer.isActive()
    page.hide()  # the user left before the recount fell due
    # (the delay is twice the last count's time, at least STALE_DELAY_MS)
    qtbot.waitUntil(lambda: not page._stale_timer.isActive(), timeout=20000)
    qtbot.wait(page_module.STALE_DELAY_MS // 4)
    assert refreshes == []  # fell due while hidden: nobody would see it
    page.show()
    qtbot.waitUntil(lambda: refreshes == [1], timeout=3000)
