"""What the plan still asks per working day (``metrics.plan_today``), worked out by hand."""
from __future__ import annotations

from datetime import datetime

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.plan_today import plan_today, working_days_left

NOVEMBER = parse_period("2026-11")  # 1 November 2026 is a Sunday: 21 working days (2–6, 9–13, 16–20, 23–27, 30)


def test_working_days_left_count_today_and_stop_at_the_periods_end():
    assert working_days_left(NOVEMBER, datetime(2026, 10, 20)) == 21  # before the month: all of it
    assert working_days_left(NOVEMBER, datetime(2026, 11, 1, 9)) == 21
    assert working_days_left(NOVEMBER, datetime(2026, 11, 23, 9)) == 6  # 23–27 and 30, today included
    assert working_days_left(NOVEMBER, datetime(2026, 11, 28, 12)) == 1  # Saturday: Monday the 30th is left
    assert working_days_left(NOVEMBER, datetime(2026, 11, 30, 18)) == 1
    assert working_days_left(NOVEMBER, NOVEMBER.last_moment) == 0  # a finished month asks nothing more
    assert working_days_left(parse_period("2026-Q4"), datetime(2026, 12, 30, 10)) == 2  # 30 and 31 December


def test_still_needed_per_day_from_the_decomposition():
    rows = [{"stage": "work_started", "needed": 300, "actual": 180, "gap": -120},
            {"stage": "demo_run", "needed": 30, "actual": 31, "gap": 1},
            {"stage": "signed", "needed": None, "actual": 2, "gap": None}]
    today = plan_today(rows, NOVEMBER, datetime(2026, 11, 23, 9))  # 6 working days left
    assert [r["still_needed"] for r in today] == [120, 0, None]
    assert today[0]["per_day"] == pytest.approx(20.0)
    assert today[1]["per_day"] == 0 and today[2]["per_day"] is None
    assert today[0]["gap"] == -120 and rows[0].get("still_needed") is None  # the input is left as it was
    assert all(r["per_day"] is None for r in plan_today(rows, NOVEMBER, NOVEMBER.last_moment)[:2]) is True
