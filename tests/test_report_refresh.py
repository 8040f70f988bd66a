"""The Reports page keeps the window answering while it draws and redraws: each chart widget is
made once and refilled with new figures, a refresh draws the database's new numbers even while
colleagues keep changing the data, and a drawing left half done — by a newer report, another
page or another language — never shows older figures over newer ones and raises nothing."""
from __future__ import annotations

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.report_bundle import build_bundle
from voronka.models.loader import load_frames
from voronka.views.reports.background import running_tasks
from report_helpers import build_demo_db, make_ctx, user_with_role


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("report-refresh"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def bundles(demo):
    frames = load_frames(demo, "sales")
    return {label: build_bundle(frames, parse_period(label)) for label in ("2026-04", "2026-05")}


@pytest.fixture
def ctx(demo, tmp_path):
    context = make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales"))
    errors: list[BaseException] = []
    context.error.connect(errors.append)
    context.errors_seen = errors
    return context


def _page(ctx, qtbot):
    from voronka.views.reports.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _drawn(page, qtbot, complete: bool = True):
    tab = page.current_tab()
    qtbot.waitUntil(lambda: tab.bundle is not None and not page.controller.is_busy() and tab.charts_ready()
                    and not tab.drawing() and (not complete or "previous" in tab.bundle), timeout=30000)
    return tab


# --- the charts -------------------------------------------------------------------------------------
def test_a_chart_drawn_again_is_the_same_widget_with_the_new_figures_only(bundles, qtbot):
    from voronka.views.reports.charts import CHARTS

    april, may = bundles["2026-04"], bundles["2026-05"]
    for spec in CHARTS:
        chart = spec.build(april, "en")
        qtbot.addWidget(chart)
        again = spec.build(may, "en", chart)
        fresh = spec.build(may, "en")
        qtbot.addWidget(fresh)
        again.finish()
        assert again is chart, spec.id  # refilled, not made again
        # nothing of April's drawing is left: the same items, legend and hover texts as a new chart's
        assert len(again.getPlotItem().items) == len(fresh.getPlotItem().items), spec.id
        legend, fresh_legend = again.getPlotItem().legend, fresh.getPlotItem().legend
        assert [label.text for _s, label in (legend.items if legend else [])] == \
            [label.text for _s, label in (fresh_legend.items if fresh_legend else [])], spec.id
        assert again._bars == fresh._bars and again._points == fresh._points, spec.id


def test_a_refresh_refills_the_charts_on_screen_and_skips_those_that_did_not_change(ctx, qtbot, monkeypatch):
    from voronka.views.reports.charts import ChartWidget

    page = _page(ctx, qtbot)
    page.controller.set_period(parse_period("2026-05"))  # a month of the demo's history
    tab = _drawn(page, qtbot)
    assert tab.bundle["period"]["label"] == "2026-05" and tab.bundle["lost_reasons"]
    before = dict(tab.charts)
    assert all(isinstance(chart, ChartWidget) for chart in before.values())
    refilled: list[ChartWidget] = []
    reset = ChartWidget.reset
    monkeypatch.setattr(ChartWidget, "reset", lambda chart, *a: (refilled.append(chart), reset(chart, *a))[1])
    refreshed = dict(tab.bundle)
    refreshed["lost_reasons"] = []  # a colleague's change touched only the lost reasons
    tab.show_bundle(refreshed)
    qtbot.waitUntil(lambda: not tab.drawing(), timeout=10000)
    assert refilled == [before["lost_reasons"]]  # the one chart whose figures changed is drawn again
    assert tab.charts == before  # the very same widgets, still on screen
    assert tab.charts["lost_reasons"]._bars == []  # with the new figures
    assert ctx.errors_seen == []


def test_a_newer_report_overtakes_the_charts_an_older_one_left_to_draw(qtbot, bundles):
    from voronka.views.reports.tab import ReportTab

    tab = ReportTab("monthly", "en")
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.show_bundle(bundles["2026-04"])
    tab.show_bundle(bundles["2026-05"])  # before April's charts were drawn
    qtbot.waitUntil(lambda: tab.charts_ready() and not tab.drawing(), timeout=10000)
    for spec in tab.chart_specs:
        assert tab._drawn[spec.id] == spec.inputs(bundles["2026-05"]), spec.id


# --- the controller -----------------------------------------------------------------------------------
def test_the_report_appears_while_colleagues_change_the_data_during_every_count(ctx, qtbot):
    from PySide6.QtCore import QTimer

    page = _page(ctx, qtbot)
    control = page.controller
    assert control.is_busy()
    colleague = QTimer(page, interval=30)  # a colleague's move lands during every count
    colleague.timeout.connect(control.cache.invalidate)
    colleague.start()
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None, timeout=30000)
    colleague.stop()
    control.cache.invalidate()  # and once more while the change and trend are counted
    qtbot.waitUntil(lambda: "previous" in (page.current_tab().bundle or {}), timeout=30000)
    assert ctx.errors_seen == []
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)


def test_a_report_counted_on_older_data_never_replaces_a_newer_one(ctx, qtbot):
    page = _page(ctx, qtbot)
    _drawn(page, qtbot, complete=False)
    control = page.controller
    now = control.key()
    control._shown_key = now
    older = (now[0] - 1, *now[1:])
    assert not control._may_show(older)  # a slower count of older data arrives late: dropped
    newer = (now[0] + 1, *now[1:])
    assert control._may_show(newer)
    other_month = (now[0], now[1], "2020-01", *now[3:])
    assert not control._may_show(other_month)  # another period than the one asked for
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)


# --- leaving while drawing ----------------------------------------------------------------------------
def test_switching_page_or_language_while_charts_are_pending_raises_nothing(ctx, qtbot):
    from voronka.views.i18n import install_language
    from voronka.views.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_page("reports")
    page = win.page("reports")
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None, timeout=30000)
    win.show_page("deals")  # charts left to draw while another page is on screen
    win.show_page("reports")
    page.show_tab("weekly")  # a tab made now, its report counted
    try:
        ctx.set_language("ru")  # every page made again: the old one's pending slices must not run
        qtbot.waitUntil(lambda: running_tasks() == 0 and ctx.executor.idle(), timeout=30000)
        fresh = win.page("reports")
        assert fresh is not page
        qtbot.waitUntil(lambda: fresh.current_tab().bundle is not None, timeout=30000)
        qtbot.wait(200)  # the old page's timers' time
    finally:
        install_language("en")
    assert ctx.errors_seen == []


# --- slices ------------------------------------------------------------------------------------------
def test_the_tables_fill_a_slice_after_the_metrics_and_drawn_waits_for_them(ctx, bundles, qtbot):
    """A new report puts its metrics on screen first; the stage, people and other tables follow
    in a later turn of the event loop (the metrics' paint goes between), and "drawn" (which the
    PNG export waits for) comes only once they hold the report's rows too."""
    from voronka.views.exports.sections import table

    page = _page(ctx, qtbot)
    page.controller.set_period(parse_period("2026-05"))
    tab = _drawn(page, qtbot)
    april = bundles["2026-04"]
    stages = tab.table_models["stages"]
    april_rows = table(april, "stages", tab.language)[1]
    assert stages.rows != april_rows  # May's, for now
    tab.show_bundle(april)
    assert tab.metrics.lines and tab.bundle is april  # the metrics: at once
    assert stages.rows != april_rows and tab.drawing()  # the tables: still to come
    drawn = []
    tab.drawn.connect(lambda: drawn.append(list(stages.rows)))
    qtbot.waitUntil(lambda: bool(drawn), timeout=10000)
    assert drawn[0] == april_rows and not tab.drawing()
