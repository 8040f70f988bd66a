"""Sales actions and actions per working day by role (spec/metrics.md)."""
from __future__ import annotations

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import ALEX, HELEN, SASHA, History, t

WEEK = parse_period("2026-W43")  # Monday 19 – Sunday 25 October 2026
OLD_SDR, BOB = 4, 5


def activity_history() -> History:
    h = History().user(OLD_SDR, "Old SDR", "sdr", active=False).user(BOB, "Bob SDR", "sdr")
    h.deal(1, t(10, 1), "work_started")
    h.activity("call", t(10, 19, 10), SASHA, deal_id=1, n=10)
    h.activity("email", t(10, 20, 11), SASHA, n=5)
    h.activity("note", t(10, 20, 12), SASHA)  # not a sales action
    h.activity("call", t(10, 18, 10), SASHA, n=3)  # Sunday of the week before
    h.activity("message", t(10, 21, 10), BOB, n=4)
    h.activity("meeting", t(10, 22), OLD_SDR, n=6)  # inactive now, but an SDR's actions
    h.activity("meeting", t(10, 22), ALEX, n=3)
    h.activity("call", t(10, 23), ALEX, n=2)
    h.activity("call", t(10, 23), HELEN, n=7)
    return h


def test_sales_actions_count_calls_emails_messages_and_meetings_not_notes():
    m = compute_report(activity_history().frames(), WEEK, as_of=t(10, 26, 0))["metrics"]
    assert m["sales_actions"] == 37  # 10 + 5 + 4 + 6 + 3 + 2 + 7


def test_actions_per_day_divide_by_working_days_and_active_users_of_the_role():
    m = compute_report(activity_history().frames(), WEEK, as_of=t(10, 26, 0))["metrics"]
    assert m["actions_per_day_sdr"] == pytest.approx(2.5)  # (15 + 4 + 6) / (5 days × 2 active SDRs)
    assert m["actions_per_day_ae"] == pytest.approx(1.0)  # 5 / (5 days × 1 AE)


def test_working_days_stop_at_the_as_of_date():
    m = compute_report(activity_history().frames(), WEEK, as_of=t(10, 21, 12))["metrics"]
    assert m["sales_actions"] == 19  # Sasha 15 + Bob 4 by Wednesday noon
    assert m["actions_per_day_sdr"] == pytest.approx(19 / 6)  # 3 working days × 2 SDRs
    assert m["actions_per_day_ae"] == 0.0


def test_a_weekend_day_has_no_per_day_rate():
    m = compute_report(activity_history().frames(), parse_period("2026-10-24"), as_of=t(10, 25, 0))["metrics"]
    assert m["sales_actions"] == 0
    assert m["actions_per_day_sdr"] is None and m["actions_per_day_ae"] is None


def test_users_table_breaks_actions_down_by_type():
    users = {u["name"]: u for u in compute_report(activity_history().frames(), WEEK, as_of=t(10, 26, 0))["users"]}
    assert users["Sasha SDR"]["sales_actions"] == 15
    assert users["Sasha SDR"]["actions_by_type"] == {"call": 10, "email": 5, "message": 0, "meeting": 0}
    assert users["Sasha SDR"]["actions_per_day"] == pytest.approx(3.0)  # 15 / 5
    assert users["Old SDR"]["sales_actions"] == 6
    assert [u["name"] for u in compute_report(activity_history().frames(), WEEK)["users"]] == [
        "Sasha SDR", "Alex AE", "Helen Head", "Old SDR", "Bob SDR"]


def test_owner_filter_keeps_that_users_actions_and_deals():
    report = compute_report(activity_history().frames(), WEEK, as_of=t(10, 26, 0), owner_id=ALEX)
    m = report["metrics"]
    assert m["sales_actions"] == 5
    assert m["actions_per_day_ae"] == pytest.approx(1.0)
    assert m["actions_per_day_sdr"] is None  # no SDR in Alex's report
    assert m["open_count"] == 0  # deal 1 is Sasha's
    assert [u["name"] for u in report["users"]] == ["Alex AE"]
    sasha = compute_report(activity_history().frames(), WEEK, as_of=t(10, 26, 0), owner_id=SASHA)["metrics"]
    assert sasha["open_count"] == 1 and sasha["sales_actions"] == 15
