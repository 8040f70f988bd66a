"""Fair judgements: the team calendar, plans over working days, and a period in progress
judged by its pace instead of a red ✖."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from voronka.metrics.judgement import judge
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models.team_calendar import CalendarSetting, calendar_setting, set_team_calendar, work_calendar
from voronka.models.loader import load_frames
from voronka.views.exports.sections import metric_lines, status_text

from metrics_history import History, t


def test_the_russian_production_calendar_is_the_default():
    calendar = work_calendar(CalendarSetting())
    assert calendar.working_days(date(2026, 1, 1), date(2026, 12, 31)) == 247
    assert not calendar.is_working(date(2026, 1, 9))  # a New Year day off moved from a Saturday
    assert calendar.is_working(date(2025, 11, 1))  # a Saturday moved to work
    assert not calendar.is_working(date(2026, 11, 4))  # Unity Day
    assert calendar.previous_working_day(date(2026, 1, 12)) == date(2025, 12, 30)
    plain = work_calendar(CalendarSetting(holidays=""))
    assert plain.working_days(date(2026, 1, 1), date(2026, 12, 31)) == 261


def test_the_teams_own_days_override_the_country(db):
    setting = CalendarSetting("RU", days_off=(date(2026, 12, 30),), working_days=(date(2026, 11, 4),))
    db.run(set_team_calendar, setting)
    assert db.run(calendar_setting) == setting
    calendar = load_frames(db, "sales").calendar
    assert not calendar.is_working(date(2026, 12, 30)) and calendar.is_working(date(2026, 11, 4))


def _history() -> History:
    h = History().plan(2026, 2_470_000)
    h.deal(1, t(11, 1), "work_started", amount=8_400).win(t(11, 30, 10))  # Monday of week 49
    return h


def test_a_week_in_progress_shows_its_pace_not_a_red_mark():
    frames = replace(_history().frames(), calendar=work_calendar(CalendarSetting()))
    week = parse_period("2026-W49")  # 30 Nov – 6 Dec 2026: five working days
    report = compute_report(frames, week, as_of=datetime(2026, 11, 30, 12))
    assert (report["period"]["working_days"], report["period"]["working_days_total"]) == (1, 5)
    plan = report["metrics"]["plan_period"]
    assert plan == round(2_470_000 * 5 / 247, 2)  # the week's share of the year's working days
    line = next(line for line in metric_lines(report, "en", "weekly") if line.id == "plan_attainment_period")
    assert line.met is None and line.in_progress
    assert abs(line.pace - 8_400 / plan * 5) < 1e-9  # attainment ÷ the share of working days gone
    assert status_text(line, "en") == "in progress · pace 84%"
    finished = compute_report(frames, week, as_of=week.last_moment)  # the week is over: judged
    done = next(line for line in metric_lines(finished, "en", "weekly") if line.id == "plan_attainment_period")
    assert done.met is False and not done.in_progress and status_text(done, "en") == "✖ missed"


def test_monday_morning_actions_per_day_are_not_a_miss():
    period = {"kind": "week", "label": "2026-W49", "start": "2026-11-30T00:00:00", "end": "2026-12-07T00:00:00",
              "as_of": "2026-11-30T09:00:00", "working_days": 1, "working_days_total": 5}
    verdict = judge("actions_per_day_sdr", 0.0, 30.0, period)
    assert verdict.met is None and verdict.in_progress and verdict.pace == 0.0
    ended = dict(period, as_of="2026-12-06T23:59:59", working_days=5)
    assert judge("actions_per_day_sdr", 0.0, 30.0, ended).met is False
    # a state figure (a conversion) is judged at once
    assert judge("conv_reply", 0.1, 0.25, period).met is False


def test_daily_tab_shows_revenue():
    report = compute_report(_history().frames(), parse_period("2026-11-30"))
    assert "revenue" in [line.id for line in metric_lines(report, "en", "daily")]
