"""The report view's second-edition tabs (MRR, Reps, Plan) show the engine's figures for the
month, quarter or year picked on the Monthly tab, and keep their tab when the period changes."""
from __future__ import annotations

import pytest

from voronka.metrics.report_bundle import recurring_months
from voronka.views.exports.values import format_value
from voronka.metrics.catalogue import by_id
from voronka.metrics.periods import parse_period
from voronka.metrics.recurring import RECURRING_IDS
from voronka.metrics.report import compute_report
from voronka.models.loader import load_frames
from report_helpers import build_demo_db, make_ctx, user_with_role
from voronka.views.reports.background import running_tasks


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("report-tabs"))
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
    widget.resize(1366, 768)
    qtbot.waitUntil(lambda: not widget.controller.is_busy(), timeout=20000)
    yield widget
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


def open_tab(page, qtbot, tab: str, label: str, complete: bool = False):
    """Open ``tab`` on period ``label`` and wait until it shows that period."""
    page.show_tab(tab)
    page.controller.set_period(parse_period(label))
    widget = page.report_tabs[tab]

    def shown() -> bool:
        bundle = widget.bundle
        return (bundle is not None and bundle["period"]["label"] == label and not page.controller.is_busy()
                and (not complete or "previous" in bundle))
    qtbot.waitUntil(shown, timeout=20000)
    assert page.tabs.currentWidget() is widget
    return widget


# --- MRR -------------------------------------------------------------------------------------------
def test_mrr_tab_shows_the_engines_recurring_figures_and_months(page, qtbot, frames):
    tab = open_tab(page, qtbot, "mrr", "2026-05")
    report = compute_report(frames, parse_period("2026-05"))
    for metric_id in RECURRING_IDS:
        assert tab.shown_value(metric_id) == format_value(report["metrics"][metric_id], by_id(metric_id).kind, "en")
    assert report["metrics"]["clients_active"] > 0 and report["metrics"]["mrr"] > 0  # the demo has clients
    months = recurring_months(frames, parse_period("2026-05"))
    assert tab.months.rowCount() == 12
    assert tab.months.rows[0]["month"] == "2026-05" and tab.months.rows[0]["mrr"] == months[-1]["mrr"]
    assert [r["mrr_new"] for r in reversed(tab.months.rows)] == [m["mrr_new"] for m in months]
    assert not tab.empty.isVisible()
    from voronka.views.reports.charts import ChartWidget

    # the charts are drawn a slice at a time once the numbers are on screen
    qtbot.waitUntil(lambda: all(isinstance(chart, ChartWidget) for chart in tab.charts.values()), timeout=10000)


def test_the_mrr_tab_stays_open_across_periods_and_a_week_brings_back_a_month(page, qtbot, frames):
    tab = open_tab(page, qtbot, "mrr", "2026-04")
    page.prev_button.click()
    qtbot.waitUntil(lambda: tab.bundle["period"]["label"] == "2026-03" and not page.controller.is_busy(), timeout=20000)
    assert page.tabs.currentWidget() is tab
    page.kind_box.setCurrentIndex(page.kind_box.findData("quarter"))
    qtbot.waitUntil(lambda: tab.bundle["period"]["label"] == "2026-Q1" and not page.controller.is_busy(), timeout=20000)
    assert tab.shown_value("mrr_new") == format_value(
        compute_report(frames, parse_period("2026-Q1"))["metrics"]["mrr_new"], "money", "en")
    page.tabs.setCurrentWidget(page.report_tabs["weekly"])
    assert page.controller.period.kind == "week"
    page.show_tab("mrr")
    assert page.controller.period.kind == "month"
    qtbot.waitUntil(lambda: tab.bundle["period"]["kind"] == "month" and not page.controller.is_busy(), timeout=20000)
    page.show_tab("monthly")  # back on the Monthly tab, it shows the month the MRR tab read
    qtbot.waitUntil(lambda: page.current_tab().bundle is not None
                    and page.current_tab().bundle["period"]["label"] == tab.bundle["period"]["label"], timeout=20000)


def test_without_a_client_success_pipeline_the_mrr_tab_says_so(qtbot, tmp_path):
    from voronka.views.reports.tabs.mrr import MrrTab

    tab = MrrTab("en")
    qtbot.addWidget(tab)
    tab.show()
    report = {"period": {"kind": "month", "label": "2026-05"}, "metrics": dict.fromkeys(RECURRING_IDS),
              "targets": {}, "mrr_by_month": []}
    tab.show_bundle(report)
    assert tab.empty.isVisible() and "Client Success" in tab.empty.text()
    assert tab.shown_value("mrr") == "—"


# --- Reps ------------------------------------------------------------------------------------------
def test_reps_tab_shows_each_rep_and_the_team_median_as_the_engine_counts_them(page, qtbot, frames):
    tab = open_tab(page, qtbot, "reps", "2026-05")
    reps = compute_report(frames, parse_period("2026-05"))["reps"]
    people = [r for r in reps if r["name"] is not None]
    assert len(people) >= 3 and tab.model.rowCount() == len(people) + 1
    columns = [c.key for c in tab.model.columns]
    for i, rep in enumerate(people):
        for key in ("cohort", "conv_reply", "conv_demo", "conv_client", "win_rate_ytd", "revenue_ytd"):
            kind = tab.model.columns[columns.index(key)].kind
            assert tab.model.text(i, columns.index(key)) == format_value(rep[key], kind, "en"), (rep["name"], key)
    median = reps[-1]
    last = tab.model.rowCount() - 1
    assert tab.model.is_median(last) and tab.model.text(last, 0) == "Team median"
    assert tab.model.text(last, columns.index("conv_reply")) == format_value(median["conv_reply"], "ratio", "en")


def test_reps_cells_far_below_the_median_are_red_and_only_those(page, qtbot):
    from PySide6.QtCore import Qt

    from voronka.views.reports.tabs.base import needs_action
    from voronka.views.reports.tabs.reps import judge

    tab = open_tab(page, qtbot, "reps", "2026-05")
    model, red = tab.model, 0
    for row in range(model.rowCount() - 1):
        for col, column in enumerate(model.columns):
            brush = model.data(model.index(row, col), Qt.ItemDataRole.BackgroundRole)
            worse = judge(column.key, column.kind, model.rows[row], model.median).mark == "worse"
            assert (brush is not None and brush.color() == needs_action()) == worse
            red += worse
    assert red < model.rowCount() * len(model.columns) / 4  # sparingly


def test_the_reps_role_column_says_what_sdr_and_ae_mean(page, qtbot):
    from PySide6.QtCore import Qt

    from voronka.views.roles import role_meaning, role_name

    tab = open_tab(page, qtbot, "reps", "2026-05")
    model = tab.model
    role = [c.key for c in model.columns].index("role")
    seen = set()
    for row in range(model.rowCount() - 1):
        value = model.rows[row].get("role")
        index = model.index(row, role)
        assert index.data() == role_name(value)  # the word Settings → Team uses
        if value in ("sdr", "ae"):
            assert role_meaning(value) in index.data(Qt.ItemDataRole.ToolTipRole)
            seen.add(value)
    assert seen == {"sdr", "ae"}


def test_judging_a_rep_against_the_median():
    from voronka.views.reports.tabs.reps import judge

    median = {"conv_demo": 0.10, "sales_cycle_days_ytd": 40.0, "avg_check_ytd": 100_000.0, "cohort": 50}
    assert judge("conv_demo", "ratio", {"conv_demo": 0.05, "cohort": 60}, median).mark == "worse"
    assert judge("conv_demo", "ratio", {"conv_demo": 0.05, "cohort": 12}, median).reason == "few"  # too few deals
    assert judge("conv_demo", "ratio", {"conv_demo": 0.08, "cohort": 60}, median).mark is None  # 20 % off: not far
    assert judge("conv_demo", "ratio", {"conv_demo": 0.15, "cohort": 60}, median).mark == "better"
    assert judge("sales_cycle_days_ytd", "days", {"sales_cycle_days_ytd": 60.0, "won_count_ytd": 5},
                 median).mark == "worse"  # a longer cycle is worse
    assert judge("sales_cycle_days_ytd", "days", {"sales_cycle_days_ytd": 20.0, "won_count_ytd": 5},
                 median).mark == "better"
    assert judge("avg_check_ytd", "money", {"avg_check_ytd": 10.0, "won_count_ytd": 1}, median).mark is None
    assert judge("cohort", "count", {"cohort": 1}, median).mark is None  # volumes are never marked
    assert judge("conv_demo", "ratio", {"conv_demo": None, "cohort": 60}, median).mark is None


def test_double_click_on_a_rep_stage_cell_lists_that_reps_deals_and_opens_a_card(page, qtbot, frames):
    from PySide6.QtCore import Qt

    from voronka.metrics.drilldown import rep_deals

    page.show()
    qtbot.waitExposed(page)
    tab = open_tab(page, qtbot, "reps", "2026-05")
    rep = max((r for r in tab.model.rows), key=lambda r: r.get("cohort") or 0)
    index = tab.cell(rep["user_id"], "conv_demo")
    assert index.isValid()
    view = tab.view
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click follows a press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=10000)
    dialog = page.last_dialog
    qtbot.addWidget(dialog)
    expected = rep_deals(frames, parse_period("2026-05"), rep["user_id"], stage="demo_run")
    assert sorted(dialog.deal_ids()) == expected
    assert len(expected) == round(rep["conv_demo"] * rep["cohort"]) > 0
    assert rep["name"] in dialog.windowTitle()
    opened = []
    page.ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    dialog._open(dialog.proxy.index(0, 0))
    assert opened and opened[0][0] == "deal" and opened[0][1] in expected


def test_double_click_on_a_reps_wins_lists_the_deals_won_this_year(page, qtbot, frames):
    from voronka.metrics.drilldown import rep_deals

    tab = open_tab(page, qtbot, "reps", "2026-05")
    rep = max((r for r in tab.model.rows), key=lambda r: r.get("won_count_ytd") or 0)
    tab._on_double_click(tab.cell(rep["user_id"], "won_count_ytd"))
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=10000)
    qtbot.addWidget(page.last_dialog)
    ids = page.last_dialog.deal_ids()
    assert sorted(ids) == rep_deals(frames, parse_period("2026-05"), rep["user_id"], wins=True)
    assert len(ids) == rep["won_count_ytd"] > 0


# --- Plan ------------------------------------------------------------------------------------------
def test_plan_tab_draws_the_engines_decomposition_beside_the_real_funnel(page, qtbot, frames):
    from datetime import datetime

    from voronka.metrics.plan_today import plan_today
    from voronka.views.reports.charts import ChartWidget

    tab = open_tab(page, qtbot, "plan", "2026-05")
    report = compute_report(frames, parse_period("2026-05"))
    rows = report["plan_decomposition"]
    assert rows and rows[0]["stage"] == "work_started" and rows[-1]["needed"] is not None
    assert [(r["needed"], r["actual"], r["gap"]) for r in tab.model.rows] == \
        [(r["needed"], r["actual"], r["gap"]) for r in rows]
    assert tab.model.rows[0]["stage"] == report_stage_name(frames, "work_started")
    as_of = datetime.fromisoformat(report["period"]["as_of"])
    assert [r["still_needed"] for r in tab.model.rows] == \
        [r["still_needed"] for r in plan_today(rows, parse_period("2026-05"), as_of)]
    assert all(r["per_day"] is None for r in tab.model.rows)  # a finished month asks nothing more per day
    qtbot.waitUntil(lambda: isinstance(tab.chart, ChartWidget), timeout=10000)  # drawn in its own slice
    assert format_value(rows[-1]["needed"], "count", "en") in tab.summary.text()
    assert "The period is over." in tab.summary.text()
    from PySide6.QtCore import Qt

    from voronka.views.reports.tabs.base import needs_action

    gap = [c.key for c in tab.model.columns].index("gap")
    for i, r in enumerate(rows):  # only a stage behind the plan is red
        brush = tab.model.data(tab.model.index(i, gap), Qt.ItemDataRole.BackgroundRole)
        assert (brush is not None and brush.color() == needs_action()) == (r["gap"] is not None and r["gap"] < 0)


def test_a_long_stage_name_on_the_plan_tab_wraps_in_its_row_instead_of_being_cut(page, qtbot):
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QHeaderView, QStyle

    page.show()
    tab = open_tab(page, qtbot, "plan", "2026-05")
    view, model = tab.view, tab.model
    assert view.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch  # the rest is the name's
    tab.split.setSizes([500, 900])  # a narrow table (as narrow as it goes)
    qtbot.waitUntil(lambda: view.columnWidth(0) < 200, timeout=5000)
    long_name = "Целевой контакт ответил положительно и готов к встрече"  # longer than the column
    from voronka.views.reports.tabs.plan import PLAN_COLUMNS

    rows = [dict(r) for r in model.rows]
    rows[4]["stage"] = long_name
    model.set_table(PLAN_COLUMNS, rows)
    fm = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)

    def wrapped_height(row: int) -> int:
        text = str(model.index(row, 0).data())
        return fm.boundingRect(QRect(0, 0, view.columnWidth(0) - margin, 100000), int(Qt.TextFlag.TextWordWrap),
                               text).height()

    qtbot.waitUntil(lambda: all(view.rowHeight(r) >= wrapped_height(r) for r in range(model.rowCount())),
                    timeout=5000)
    assert fm.horizontalAdvance(long_name) > view.columnWidth(0) and wrapped_height(4) > fm.height()  # it wraps
    for row in range(model.rowCount()):  # and no word is wider than the column
        longest = max(fm.horizontalAdvance(w) for w in str(model.index(row, 0).data()).split())
        assert longest <= view.columnWidth(0) - margin


def test_the_plan_tab_reads_a_quarter_and_a_week_brings_back_a_month(page, qtbot, frames):
    tab = open_tab(page, qtbot, "plan", "2026-Q2")
    rows = compute_report(frames, parse_period("2026-Q2"))["plan_decomposition"]
    assert [r["needed"] for r in tab.model.rows] == [r["needed"] for r in rows]
    page.tabs.setCurrentWidget(page.report_tabs["weekly"])
    page.show_tab("plan")
    qtbot.waitUntil(lambda: tab.bundle["period"]["kind"] == "month" and not page.controller.is_busy(),
                    timeout=20000)


def report_stage_name(frames, key: str) -> str:
    stages = frames.stages.set_index("key")
    return str(stages.loc[key, "name_en"])


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_reps_table_fits_a_1280_px_window_without_scrolling_sideways(tmp_path, qtbot, language):
    """Fourteen columns in the page's room at 1,280 × 720 (1,090 px beside the sidebar), with a
    rep whose name is long: short titles (the full one in the header's tooltip), the names
    wrapping onto two lines when the figures need the room; no figure or word is cut. At
    1,366 px the names are one line again."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from fit_check import clipped
    from voronka.models.orm import User
    from voronka.views.i18n import install_language
    from voronka.views.reports.page import ReportsPage
    from voronka.views.reports.tabs.reps import ROW_HEIGHT

    db = build_demo_db(tmp_path, deals=300)
    with db.transaction() as s:
        s.scalars(select(User).where(User.role == "ae").order_by(User.id)).first().name = "Екатерина Константинопольская"
    install_language(language)
    try:
        page = ReportsPage(make_ctx(db, tmp_path, user_with_role(db, "head_of_sales"), language))
        qtbot.addWidget(page)
        page.resize(1090, 640)
        page.show()
        tab = open_tab(page, qtbot, "reps", "2026-05")
        view, header = tab.view, tab.view.horizontalHeader()
        qtbot.waitUntil(lambda: 0 < header.length() <= view.viewport().width(), timeout=5000)
        qtbot.wait(20)
        assert not view.horizontalScrollBar().isVisible()
        assert clipped(tab) == []
        columns = [c.key for c in tab.model.columns]
        revenue = columns.index("revenue_ytd")
        full = tab.model.columns[revenue].title_text()
        assert tab.proxy.headerData(revenue, Qt.Orientation.Horizontal) != full  # "Доход", not "Доход за год"
        assert full in tab.proxy.headerData(revenue, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if language == "ru":  # the long name takes two lines, not the figures' room
            assert view.wordWrap() and max(view.rowHeight(r) for r in range(tab.proxy.rowCount())) > ROW_HEIGHT
        page.resize(1400, 700)  # a wider window: the names are one line again
        qtbot.waitUntil(lambda: not view.wordWrap(), timeout=5000)
        assert all(view.rowHeight(r) == ROW_HEIGHT for r in range(tab.proxy.rowCount()))
        assert clipped(tab) == []
    finally:
        install_language("en")
        db.close()
