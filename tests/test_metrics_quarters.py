"""Quarters and years (spec/metrics.md, second edition): labels, previous periods, plans,
working days, and reports over a quarter's and a year's own window."""
from __future__ import annotations

from datetime import datetime

import pytest

from voronka.metrics.periods import BadPeriod, parse_period, period_of
from voronka.metrics.report import compute_report
from metrics_history import History, t


def test_quarter_and_year_labels():
    q3 = parse_period("2026-Q3")
    assert (q3.kind, q3.label, q3.start, q3.end, q3.year) == (
        "quarter", "2026-Q3", datetime(2026, 7, 1), datetime(2026, 10, 1), 2026)
    assert parse_period("2026-q4").end == datetime(2027, 1, 1)
    year = parse_period("2026")
    assert (year.kind, year.label, year.start, year.end, year.year) == (
        "year", "2026", datetime(2026, 1, 1), datetime(2027, 1, 1), 2026)
    assert year.last_moment == datetime(2026, 12, 31, 23, 59, 59)
    assert [m.label for m in q3.months()] == ["2026-07", "2026-08", "2026-09"]
    assert [q.label for q in year.quarters()] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


@pytest.mark.parametrize("label", ["2026-Q0", "2026-Q5", "2026-Q", "0000", "26", "2026-H1"])
def test_bad_quarter_or_year_is_refused(label):
    with pytest.raises(BadPeriod, match="quarter"):
        parse_period(label)


def test_previous_and_next_quarter_and_year_cross_the_year_boundary():
    assert parse_period("2026-Q1").previous().label == "2025-Q4"
    assert parse_period("2025-Q4").next().label == "2026-Q1"
    assert parse_period("2026").previous().label == "2025"
    assert parse_period("2026").next().label == "2027"
    assert period_of("quarter", datetime(2026, 9, 30, 23)).label == "2026-Q3"
    assert period_of("year", datetime(2026, 9, 30)).label == "2026"


def test_working_days_of_a_quarter_and_a_year():
    q4 = parse_period("2026-Q4")
    assert q4.working_days(datetime(2027, 1, 1)) == 22 + 21 + 23
    assert q4.working_days(datetime(2026, 10, 2, 9)) == 2
    assert parse_period("2026").working_days(datetime(2027, 1, 1)) == 261


def plan_history() -> History:
    h = History()
    h.plan(2026, 1_200_000)
    h.plan(2026, 90_000, month=7).plan(2026, 110_000, month=8).plan(2026, 130_000, month=9)
    h.plan(2026, 500_000, month=10)  # Q4 lacks November and December rows
    h.plan(2026, 40_000, month=1, user_id=1).plan(2026, 60_000, month=2, user_id=1)
    h.deal(1, t(6, 1), "work_started", amount=100_000).win(t(8, 10))
    return h


def test_plan_of_a_quarter_is_the_sum_of_its_months_only_when_all_three_exist():
    frames = plan_history().frames()
    q3 = compute_report(frames, parse_period("2026-Q3"), as_of=t(9, 30, 18))["metrics"]
    assert q3["plan_period"] == 330_000
    assert q3["plan_attainment_period"] == pytest.approx(100_000 / 330_000)
    q4 = compute_report(frames, parse_period("2026-Q4"), as_of=t(12, 31, 18))["metrics"]
    assert q4["plan_period"] == 300_000  # 1.2M / 4
    year = compute_report(frames, parse_period("2026"), as_of=t(12, 31, 18))
    assert year["metrics"]["plan_period"] == 1_200_000
    assert year["period"]["kind"] == "year"


def test_a_users_yearly_plan_is_the_sum_of_their_months_when_no_yearly_row():
    frames = plan_history().frames()
    users = compute_report(frames, parse_period("2026"), as_of=t(12, 31, 18))["users"]
    sasha = next(u for u in users if u["user_id"] == 1)
    assert sasha["plan_period"] == 100_000
    q1 = compute_report(frames, parse_period("2026-Q1"), as_of=t(3, 31, 18))["users"]
    assert next(u for u in q1 if u["user_id"] == 1)["plan_period"] == 25_000  # only two months: 100k / 4


def across_year_history() -> History:
    h = History()
    h.deal(1, t(10, 1, year=2025), "work_started", amount=100_000).win(t(11, 20, year=2025))
    h.deal(2, t(10, 1, year=2025), "work_started", amount=200_000).win(t(12, 31, 23, year=2025))
    h.deal(3, t(12, 1, year=2025), "work_started", amount=400_000).win(t(1, 2, 10))
    h.deal(4, t(12, 1, year=2025), "work_started", amount=800_000).win(t(3, 31, 23, minute=59))
    h.deal(5, t(12, 1, year=2025), "work_started", amount=1_600_000).win(t(4, 1, 0))
    h.deal(6, t(12, 15, year=2025), "work_started", amount=50_000).lose(t(2, 1))
    return h


def test_first_quarter_compares_with_the_last_quarter_of_the_year_before():
    report = compute_report(across_year_history().frames(), parse_period("2026-Q1"))
    assert report["period"] == {"kind": "quarter", "label": "2026-Q1", "start": "2026-01-01T00:00:00",
                                "end": "2026-04-01T00:00:00", "as_of": "2026-03-31T23:59:59",
                                "working_days": 64, "working_days_total": 64}  # Monday–Friday
    m = report["metrics"]
    assert m["revenue"] == 1_200_000  # deals 3 and 4
    assert m["revenue_prev"] == 300_000  # 2025-Q4: deals 1 and 2
    assert m["revenue_growth"] == pytest.approx(3.0)
    assert m["revenue_ytd"] == 1_200_000
    assert m["won_count"] == 2 and m["lost_count"] == 1
    assert report["targets"]["revenue_growth"] is None  # the growth target is monthly only
    assert report["targets"]["conv_reply"] == 0.25
    assert [r["count"] for r in report["lost_reasons"]] == [1]


def test_stage_table_of_a_quarter_counts_reaches_in_its_own_window():
    report = compute_report(across_year_history().frames(), parse_period("2025-Q4"), as_of=t(12, 31, 23, minute=59, year=2025))
    stages = {r["key"]: r for r in report["stages"]}
    assert stages["work_started"]["reached_count"] == 6
    assert stages["signed"]["reached_count"] == 2
    year = compute_report(across_year_history().frames(), parse_period("2026"))
    assert {r["key"]: r for r in year["stages"]}["signed"]["reached_count"] == 3
    assert year["metrics"]["revenue"] == 2_800_000
    assert year["metrics"]["revenue_prev"] == 300_000
