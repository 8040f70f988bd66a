"""Report snapshots: kept with the JSON that was exported, reopened as they were, compared."""
from __future__ import annotations

import pytest

from voronka.models.errors import InvalidValue, NotFound
from voronka.models.services.snapshots import delete_snapshot, save_snapshot, snapshot_report, snapshot_rows
from voronka.views.reports.background import running_tasks


def report(label: str, revenue: float, kind: str = "month", owner_id=None) -> dict:
    return {"pipeline": "sales",
            "period": {"kind": kind, "label": label, "start": "2026-05-01T00:00:00", "end": "2026-06-01T00:00:00",
                       "as_of": "2026-06-01T00:00:00"},
            "metrics": {"revenue": revenue, "won_count": 3, "conv_reply": 0.3}, "targets": {"conv_reply": 0.25},
            "stages": [], "users": [], "lost_reasons": [], "sources": [], "cohorts": [], "revenue_by_month": [],
            "owner_id": owner_id}


def test_snapshot_keeps_the_report_and_its_period(db):
    changes = db.run(save_snapshot, report=report("2026-05", 100.0), format="xlsx", user_id=3)
    assert changes.snapshots
    with db.session() as s:
        rows = snapshot_rows(s)
        assert [(r.period_label, r.period_kind, r.format, r.user_name) for r in rows] == \
            [("2026-05", "month", "xlsx", "Helen Head")]
        assert snapshot_report(s, rows[0].id)["metrics"]["revenue"] == 100.0


def test_snapshot_of_something_that_is_not_a_report_is_refused(db):
    with pytest.raises(InvalidValue, match="period"):
        db.run(save_snapshot, report={"metrics": {}}, format="pdf", user_id=None)
    with pytest.raises(InvalidValue, match="format"):
        db.run(save_snapshot, report=report("2026-05", 1.0), format="docx", user_id=None)
    with db.session() as s:
        assert snapshot_rows(s) == []


def test_deleting_a_snapshot(db):
    sid = db.run(save_snapshot, report=report("2026-05", 1.0), format="pdf", user_id=None).created[0]
    db.run(delete_snapshot, sid)
    with db.session() as s:
        assert snapshot_rows(s) == []
    with pytest.raises(NotFound):
        db.run(delete_snapshot, sid)


@pytest.fixture
def page(db, tmp_path, qtbot):
    from report_helpers import make_ctx
    from voronka.views.reports.page import ReportsPage

    widget = ReportsPage(make_ctx(db, tmp_path, 3))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.controller.is_busy(), timeout=20000)
    yield widget
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


def test_reopened_snapshot_shows_its_own_numbers(page, qtbot, db):
    sid = page.ctx.run(save_snapshot, report=report("2026-05", 1234567.0), format="xlsx", user_id=3).created[0]
    assert page.snapshots.model.rowCount() == 1  # the panel follows the change signal
    page.open_snapshot(sid)
    tab = page.current_tab()
    assert tab.tab == "monthly"
    assert tab.shown_value("revenue") == "1,234,567\u00a0₽"
    assert not page.prev_button.isEnabled() and not page.banner.isHidden()
    page.close_snapshot()
    assert page.prev_button.isEnabled() and page.banner.isHidden()


def test_two_snapshots_side_by_side(page, qtbot):
    page.ctx.run(save_snapshot, report=report("2026-05", 100.0), format="pdf", user_id=3)
    page.ctx.run(save_snapshot, report=report("2026-05", 150.0), format="pdf", user_id=3)
    page.snapshots.table.selectAll()
    dialog = page.snapshots.compare_selected()
    qtbot.addWidget(dialog)
    revenue = next(r for r in dialog.rows if r.id == "revenue")
    assert (revenue.a, revenue.b, revenue.change) == ("100\u00a0₽", "150\u00a0₽", "+50%")
