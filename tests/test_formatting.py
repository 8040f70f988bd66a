"""The one formatter: every number carries its unit, periods read as people say them."""
from __future__ import annotations

import math
from datetime import date, datetime

import pytest

from voronka.metrics import formatting as f

NB = "\u00a0"


def test_money_carries_the_team_currency_sign():
    assert f.money(1_250_000, "RUB", "ru") == f"1{NB}250{NB}000{NB}₽"
    assert f.money(1_250_000, "RUB", "en") == f"1,250,000{NB}₽"
    assert f.money(1200, "USD", "en") == "$1,200"
    assert f.money(1200, "EUR", "ru") == f"1{NB}200{NB}€"
    assert f.money(1200, "CHF", "ru") == f"1{NB}200{NB}CHF"
    assert f.money_minor(125_000_050, "RUB", "ru") == f"1{NB}250{NB}000{NB}₽"


def test_missing_values_read_as_a_dash_never_as_zero():
    for kind in ("money", "count", "days", "ratio", "points", "times", "number"):
        assert f.value_text(None, kind, "ru") == "—"
        assert f.value_text(math.nan, kind, "en") == "—"
    assert f.money_minor(None) == "—"


def test_days_percent_points_and_times_have_units():
    assert f.days(66.44, "ru") == f"66,4{NB}дн."
    assert f.days(66.44, "en") == f"66.4{NB}d"
    assert f.percent(0.3104, "ru") == f"31,0{NB}%"
    assert f.percent(0.3104, "en") == "31.0%"
    assert f.points(0.021, "ru") == f"+2,1{NB}п.п."
    assert f.points(-0.021, "en") == f"−2.1{NB}pp"
    assert f.times(1.0612, "ru") == "1,06×"
    assert f.value_text(1.0612, "times", "en") == "1.06×"


@pytest.mark.parametrize("value", [-0.0, -0.00001, -0.0004])
def test_a_value_that_rounds_to_zero_has_no_minus(value):
    texts = [f.percent(value, "ru"), f.points(value, "ru"), f.money(value, "RUB", "ru"), f.days(value / 1000, "ru"),
             f.change_text(value, "money", "ru"), f.change_text(value, "ratio", "en"), f.number(value, 1, "ru")]
    assert not any(t.startswith(("−", "-", "±")) for t in texts), texts
    assert f.points(value, "ru") == f"0,0{NB}п.п."
    assert f.percent(value, "ru") == f"0,0{NB}%"


def test_changes_read_in_points_for_shares_and_percent_otherwise():
    assert f.change_text(f.change_of(0.33, 0.31, "ratio"), "ratio", "ru") == f"+2,0{NB}п.п."
    assert f.change_text(f.change_of(112, 100, "money"), "money", "ru") == f"+12{NB}%"
    assert f.change_text(f.change_of(88, 100, "money"), "money", "en") == "−12%"
    assert f.change_of(5, 0, "money") is None
    assert f.change_text(None, "money") == ""


def test_periods_are_named_as_people_say_them():
    assert f.period_name("2026-10", "ru") == "октябрь 2026"
    assert f.period_name("2026-10", "en") == "October 2026"
    assert f.period_name("2026-W49", "ru") == "неделя 49 · 30 нояб. – 6 дек."
    assert f.period_name("2026-W49", "en") == "week 49 · 30 Nov – 6 Dec"
    assert f.period_name("2026-W01", "ru") == "неделя 1 · 29 дек. 2025 – 4 янв. 2026"
    assert f.period_name("2026-Q3", "ru") == "III квартал 2026"
    assert f.period_name("2026-Q3", "en") == "Q3 2026"
    assert f.period_name("2026", "ru") == "2026 год"
    assert f.period_name("2026-10-21", "ru") == "21 октября 2026"
    assert f.period_name({"label": "2026-10"}, "ru") == "октябрь 2026"
    assert f.period_name("not a period", "ru") == "not a period"
    assert f.short_period_name("2026-W49", "ru") == "нед. 49"
    assert f.month_short("2026-05", "ru") == "май"


def test_moments_and_days():
    assert f.moment_text(datetime(2026, 10, 31, 23, 59), "ru") == "31 окт. 2026, 23:59"
    assert f.day_name(date(2026, 10, 21), "en") == "21 October 2026"


def test_excel_formats_keep_numbers_and_show_units():
    assert f.excel_format("money", "ru", "RUB") == '#,##0 "₽"'
    assert f.excel_format("money", "en", "USD") == '"$"#,##0'
    assert "п.п." in f.excel_format("points", "ru") and "pp" in f.excel_format("points", "en")
    assert f.excel_format("days", "ru") == '0.0 "дн."'
