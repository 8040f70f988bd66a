"""Revenue, plans, deals won/lost and the sales cycle on a hand-built history (spec/metrics.md)."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import ALEX, HELEN, SASHA, History, t

T = t(10, 31, 18)  # as of 31 October 2026 18:00
OCT = parse_period("2026-10")


def revenue_history() -> History:
    h = History()
    h.deal(1, t(9, 1), "work_started", amount=100_000).win(t(10, 5))
    h.deal(2, t(8, 1), "work_started", amount=300_000).win(t(10, 20), stage_row=False)  # no won-stage row
    h.deal(3, t(7, 1), "work_started", amount=200_000).win(t(9, 15))
    h.deal(4, t(9, 10), "work_started", amount=500_000).win(t(10, 10)).reopen(t(10, 25))
    h.deal(5, t(9, 1, year=2025), "work_started", amount=50_000).win(t(10, 10, year=2025))
    h.deal(6, t(9, 1, year=2025), "work_started", amount=70_000).win(t(12, 1, year=2025))
    h.deal(7, t(10, 1), "work_started", amount=900_000).win(t(11, 2))  # after T
    h.deal(8, t(2, 1), "work_started", amount=150_000).win(t(3, 1))
    h.deal(9, t(9, 1), "outreach_started", amount=80_000).lose(t(10, 12))
    h.deal(10, t(9, 1), amount=10_000).lose(t(9, 30))
    h.deal(11, t(8, 15), "work_started", amount=50_000).win(t(9, 20)).reopen(t(10, 3))
    h.deal(12, t(9, 1), amount=60_000).lose(t(10, 2)).reopen(t(10, 4))
    h.plan(2026, 12_000_000).plan(2026, 500_000, month=10).plan(2026, 1_200_000, user_id=SASHA)
    return h


@pytest.fixture(scope="module")
def report():
    return compute_report(revenue_history().frames(), OCT, as_of=T)


def test_revenue_counts_deals_won_in_the_period_including_a_win_without_a_stage_row(report):
    # deal 1 (100k, won 5 Oct) + deal 2 (300k, won event only) = 400k; deal 4 was reopened,
    # deal 7 is won after T
    assert report["metrics"]["revenue"] == 400_000
    assert report["metrics"]["won_count"] == 2
    assert report["metrics"]["avg_check"] == 200_000  # 400k / 2


def test_previous_revenue_is_the_previous_month_as_of_its_end(report):
    # September as of 1 Oct 00:00: deal 3 (200k) + deal 11 (50k, reopened only on 3 Oct) = 250k
    assert report["metrics"]["revenue_prev"] == 250_000
    assert report["metrics"]["revenue_growth"] == pytest.approx(0.6)  # 400k / 250k − 1


def test_year_to_date_revenue_leaves_out_reopened_wins(report):
    m = report["metrics"]
    # won in [1 Jan 2026, T] and still won at T: deals 1, 2, 3, 8 = 100k + 300k + 200k + 150k
    assert m["revenue_ytd"] == 750_000
    assert m["won_count_ytd"] == 4
    assert m["avg_check_ytd"] == 187_500  # 750k / 4
    # [1 Jan 2025, 31 Oct 2025 18:00]: deal 5 (50k); deal 6 was won in December
    assert m["revenue_ytd_prev_year"] == 50_000


def test_plans_and_attainment(report):
    m = report["metrics"]
    assert m["plan_year"] == 12_000_000
    assert m["plan_period"] == 500_000  # the October row beats 12M / 12
    assert m["plan_attainment_period"] == pytest.approx(0.8)  # 400k / 500k
    assert m["plan_attainment_ytd"] == pytest.approx(0.0625)  # 750k / 12M


def test_sales_cycle_runs_from_work_started_to_won(report):
    m = report["metrics"]
    # deal 1: 1 Sep 12:00 → 5 Oct 12:00 = 34 days; deal 2: 1 Aug 12:00 → 20 Oct 12:00 = 80 days
    assert m["sales_cycle_days"] == pytest.approx(57.0)
    assert m["cost_of_cycle_day"] == pytest.approx(3508.77)  # 200,000 / 57, to kopecks


def test_lost_in_period_leaves_out_reopened_losses(report):
    # deal 9 lost 12 Oct (80k); deal 10 was lost in September; deal 12 reopened after its loss
    assert report["metrics"]["lost_count"] == 1
    assert report["metrics"]["lost_amount"] == 80_000


def test_won_then_reopened_deal_counts_as_won_only_until_it_is_reopened():
    frames = revenue_history().frames()
    before = compute_report(frames, OCT, as_of=t(10, 22))
    # deals 1, 2 and 4 (500k, reopened only on 25 Oct)
    assert before["metrics"]["revenue"] == 900_000
    after = compute_report(frames, OCT, as_of=T)
    assert after["metrics"]["revenue"] == 400_000


def test_revenue_by_month_runs_cumulatively_and_stops_at_as_of(report):
    rows = {r["month"]: r for r in report["revenue_by_month"]}
    assert list(rows) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert rows["2026-03"]["revenue"] == 150_000  # deal 8
    assert rows["2026-09"]["revenue"] == 200_000  # deal 3 (deal 11 reopened since)
    assert rows["2026-10"]["revenue"] == 400_000
    assert rows["2026-10"]["revenue_ytd"] == 750_000
    assert rows["2026-10"]["revenue_prev_year"] == 50_000  # deal 5
    assert rows["2026-12"]["revenue_prev_year"] == 70_000  # deal 6
    assert rows["2026-11"]["revenue"] is None and rows["2026-11"]["revenue_ytd"] is None
    assert rows["2026-01"]["plan"] == 1_000_000  # 12M / 12
    assert rows["2026-10"]["plan"] == 500_000
    assert rows["2026-10"]["plan_ytd"] == 9_500_000  # 9 × 1M + 500k


def test_annual_plan_falls_back_to_the_sum_of_monthly_plans():
    h = History().plan(2026, 300_000, month=1).plan(2026, 700_000, month=10)
    m = compute_report(h.frames(), OCT, as_of=T)["metrics"]
    assert m["plan_year"] == 1_000_000  # 300k + 700k
    assert m["plan_period"] == 700_000
    week = compute_report(h.frames(), parse_period("2026-W43"), as_of=T)["metrics"]
    # a week's and a day's plan follow working days (metrics.plans): 2026 has 261 of them
    assert week["plan_period"] == round(1_000_000 * 5 / 261, 2)  # money is kept to kopecks
    day = compute_report(h.frames(), parse_period("2026-10-21"), as_of=T)["metrics"]
    assert day["plan_period"] == round(1_000_000 / 261, 2)


def test_a_sunday_and_a_holiday_have_no_plan_to_miss():
    from dataclasses import replace
    from datetime import date

    from voronka.models.workdays import WorkCalendar

    h = History().plan(2026, 2_610_000)
    h.deal(1, t(10, 1), "work_started", amount=100_000).win(t(10, 25, 12))  # a Sunday
    frames = h.frames()
    sunday = compute_report(frames, parse_period("2026-10-25"), as_of=t(10, 25, 23))["metrics"]
    assert sunday["plan_period"] == 0 and sunday["plan_attainment_period"] is None
    assert sunday["revenue"] == 100_000
    holidays = replace(frames, calendar=WorkCalendar(days_off=frozenset({date(2026, 11, 4)})))
    unity_day = compute_report(holidays, parse_period("2026-11-04"), as_of=t(11, 4, 23))["metrics"]
    assert unity_day["plan_period"] == 0 and unity_day["plan_attainment_period"] is None
    week = compute_report(holidays, parse_period("2026-W45"), as_of=t(11, 8, 23))["metrics"]
    assert week["plan_period"] == round(2_610_000 * 4 / 260, 2)  # 4 working days of 260


def test_no_plan_and_no_wins_give_null_ratios_not_zero():
    h = History()
    h.deal(1, t(10, 1), "work_started", amount=100_000)
    m = compute_report(h.frames(), OCT, as_of=T)["metrics"]
    assert m["revenue"] == 0 and m["won_count"] == 0
    for metric in ("revenue_growth", "plan_year", "plan_period", "plan_attainment_ytd", "plan_attainment_period",
                   "avg_check", "avg_check_ytd", "sales_cycle_days", "cost_of_cycle_day", "pipeline_sufficiency",
                   "forecast_run_rate"):
        assert m[metric] is None, metric


def test_empty_period_gives_null_not_zero_and_valid_json():
    report = compute_report(History().frames(), OCT, as_of=T)
    json.dumps(report, allow_nan=False)
    m = report["metrics"]
    assert m["revenue"] == 0 and m["open_count"] == 0
    assert m["conv_reply"] is None and m["stuck_share_all"] is None and m["funnel_balance"] is None
    assert m["actions_per_day_sdr"] == 0.0  # 0 actions / (22 working days × 1 SDR): a real zero
    assert report["lost_reasons"] == [] and report["sources"] == [] and report["cohorts"] == []


def test_default_as_of_is_the_last_second_of_a_past_period_or_now():
    frames = revenue_history().frames()
    past = compute_report(frames, OCT, now=datetime(2026, 12, 1, 9))
    assert past["period"]["as_of"] == "2026-10-31T23:59:59"  # as in spec/exchange.md's example
    assert past["metrics"]["revenue"] == 400_000
    current = compute_report(frames, OCT, now=datetime(2026, 10, 15, 9, 30))
    assert current["period"]["as_of"] == "2026-10-15T09:30:00"
    assert current["metrics"]["revenue"] == 600_000  # deals 1 and 4 (10 Oct, not yet reopened)


def test_an_event_at_the_next_periods_midnight_belongs_to_the_next_period_only():
    h = History()
    h.deal(1, t(9, 1), "work_started", amount=100_000).win(datetime(2026, 11, 1, 0, 0))
    h.deal(2, t(9, 1), "work_started", amount=30_000)
    frames = h.frames()
    october = compute_report(frames, OCT, now=datetime(2026, 12, 1, 9))
    # as of 31 Oct 23:59:59 deal 1 is still open: 2 open deals, 130k, no revenue
    assert october["metrics"]["open_count"] == 2 and october["metrics"]["open_amount"] == 130_000
    assert october["metrics"]["revenue"] == 0
    november = compute_report(frames, parse_period("2026-11"), now=datetime(2026, 12, 1, 9))
    assert november["metrics"]["revenue"] == 100_000  # ... and it is November's win
    assert november["metrics"]["revenue_prev"] == 0


def test_personal_plan_and_wins_are_credited_to_the_owner_at_the_won_time():
    h = revenue_history()
    # deal 13: Sasha's, handed to Alex before the win, then to Helen after it
    h.deal(13, t(9, 1), "work_started", amount=40_000).hand_to(ALEX, t(9, 15)).win(t(10, 18)).hand_to(HELEN, t(10, 25))
    report = compute_report(h.frames(), OCT, as_of=T)
    users = {u["name"]: u for u in report["users"]}
    assert users["Alex AE"]["won_count"] == 1 and users["Alex AE"]["revenue"] == 40_000
    assert users["Helen Head"]["won_count"] == 0
    # Sasha: deals 1 and 2 (400k) against 1.2M / 12 = 100k
    assert users["Sasha SDR"]["won_count"] == 2
    assert users["Sasha SDR"]["plan_period"] == 100_000
    assert users["Sasha SDR"]["plan_attainment_period"] == pytest.approx(4.0)
    assert users["Alex AE"]["plan_period"] is None and users["Alex AE"]["plan_attainment_period"] is None
