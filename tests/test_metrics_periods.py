"""Report periods: parsing, ISO weeks 1 and 53, year boundaries, working days, and reports
across a year boundary."""
from __future__ import annotations

from datetime import datetime

import pytest

from voronka.metrics.periods import BadPeriod, parse_period, period_of
from voronka.metrics.report import compute_report
from metrics_history import History, t


def test_month_week_and_day_labels():
    oct_ = parse_period("2026-10")
    assert (oct_.kind, oct_.start, oct_.end, oct_.year) == ("month", datetime(2026, 10, 1), datetime(2026, 11, 1), 2026)
    week = parse_period("2026-W43")
    assert (week.kind, week.start, week.end) == ("week", datetime(2026, 10, 19), datetime(2026, 10, 26))
    day = parse_period("2026-10-21")
    assert (day.kind, day.start, day.end) == ("day", datetime(2026, 10, 21), datetime(2026, 10, 22))
    assert parse_period("2026-w43").label == "2026-W43"


@pytest.mark.parametrize("label", ["2026-13", "2026-00", "2026-W54", "2025-W53", "2026-W00", "2026-02-30",
                                   "October", "", "2026/10", "26-10"])
def test_bad_period_is_refused_with_a_sentence(label):
    with pytest.raises(BadPeriod, match="Period"):
        parse_period(label)


def test_iso_week_one_starts_in_the_previous_december_and_belongs_to_the_new_year():
    w1 = parse_period("2026-W01")
    assert (w1.start, w1.end, w1.year) == (datetime(2025, 12, 29), datetime(2026, 1, 5), 2026)
    assert w1.previous().label == "2025-W52"


def test_week_53_exists_only_in_long_iso_years():
    w53 = parse_period("2026-W53")  # 2026 starts on a Thursday
    assert (w53.start, w53.end, w53.year) == (datetime(2026, 12, 28), datetime(2027, 1, 4), 2026)
    assert parse_period("2027-W01").previous().label == "2026-W53"
    assert w53.next().label == "2027-W01"
    assert parse_period("2026-W52").next().label == "2026-W53"


def test_previous_period_crosses_year_boundaries():
    assert parse_period("2026-01").previous().label == "2025-12"
    assert parse_period("2026-01-01").previous().label == "2025-12-31"
    assert parse_period("2024-03-01").previous().label == "2024-02-29"
    assert parse_period("2026-12").next().label == "2027-01"


def test_working_days_are_weekdays_up_to_the_as_of_date():
    oct_ = parse_period("2026-10")
    assert oct_.working_days(datetime(2026, 11, 1)) == 22
    assert oct_.working_days(datetime(2026, 10, 2, 9)) == 2  # Thu 1 and Fri 2
    assert oct_.working_days(datetime(2026, 9, 30)) == 0
    assert parse_period("2026-10-24").working_days(datetime(2026, 10, 25)) == 0  # a Saturday


def test_period_of_a_date():
    assert period_of("week", datetime(2027, 1, 2)).label == "2026-W53"
    assert period_of("month", datetime(2026, 10, 31, 23)).label == "2026-10"


def year_boundary_history() -> History:
    h = History()
    h.deal(1, t(12, 1, year=2025), "work_started", amount=100_000).win(t(12, 31, 23, year=2025))
    h.deal(2, t(12, 1, year=2025), "work_started", amount=200_000).win(t(1, 2, 10))
    h.deal(3, t(12, 1, year=2025), "work_started", amount=400_000).win(t(12, 23, year=2025))
    h.deal(4, t(12, 1, year=2025), "work_started", amount=800_000).win(t(12, 29, year=2026))
    h.deal(5, t(12, 1, year=2025), "work_started", amount=1_600_000).win(t(1, 2, 9, year=2027))
    h.plan(2026, 3_650_000)
    return h


def test_january_report_starts_the_year_to_date_afresh():
    m = compute_report(year_boundary_history().frames(), parse_period("2026-01"), as_of=t(1, 31, 18))["metrics"]
    assert m["revenue"] == 200_000  # deal 2
    assert m["revenue_prev"] == 500_000  # December 2025: deals 1 and 3
    assert m["revenue_growth"] == pytest.approx(-0.6)
    assert m["revenue_ytd"] == 200_000  # deal 1 was won an hour before the new year
    assert m["revenue_ytd_prev_year"] == 0


def test_iso_week_one_spans_new_year_but_its_year_to_date_is_the_new_year():
    week = parse_period("2026-W01")  # 29 Dec 2025 – 4 Jan 2026
    m = compute_report(year_boundary_history().frames(), week, as_of=t(1, 5, 0))["metrics"]
    assert m["revenue"] == 300_000  # deal 1 (31 Dec) + deal 2 (2 Jan)
    assert m["revenue_prev"] == 400_000  # 2025-W52 (22–28 Dec): deal 3
    assert m["revenue_ytd"] == 200_000  # from 1 Jan 2026: deal 2
    # the plan follows working days (metrics.plans): 5 of the 261 Monday–Friday dates of 2026
    assert m["plan_period"] == pytest.approx(round(3_650_000 * 5 / 261, 2))


def test_week_53_report():
    week = parse_period("2026-W53")  # 28 Dec 2026 – 3 Jan 2027
    m = compute_report(year_boundary_history().frames(), week, as_of=t(1, 4, 0, year=2027))["metrics"]
    assert m["revenue"] == 2_400_000  # deal 4 (29 Dec) + deal 5 (2 Jan 2027)
    assert m["plan_year"] == 3_650_000  # the week belongs to 2026
    assert m["plan_period"] == pytest.approx(round(3_650_000 * 5 / 261, 2))
    assert m["revenue_growth"] is None  # 2026-W52 had no revenue
