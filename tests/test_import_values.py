"""The one amount parser and the date formats: every shape parsed right or reported, never guessed."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from voronka.models.values.amounts import AmountUnreadable, detect_amount_format, parse_amount, parse_amount_full
from voronka.models.values.dates import DateFormat, DateUnreadable, detect_date_format, parse_date


@pytest.mark.parametrize("text, value", [
    ("1,000", "1000"), ("1 000", "1000"), ("150 000,00", "150000.00"), ("150\u00a0000,00", "150000.00"),
    ("1 200 000 ₽", "1200000"), ("12,500.00", "12500.00"), ("1.234.567", "1234567"), ("1,5", "1.5"),
    ("$1,200.50", "1200.50"), ("€ 12,50", "12.50"), ("1250000.0", "1250000.0"), ("0", "0"), ("-1 000", "-1000"),
    ("2 500 руб.", "2500"), ("1\u202f200", "1200"),
])
def test_single_amounts_read_by_their_own_shape(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1,2 милл", "около 5000", "12.500,0.1", "1,00,000", "abc", "5 000 $ €", "1 20"])
def test_unreadable_amounts_are_reported_not_guessed(text):
    with pytest.raises(AmountUnreadable):
        parse_amount(text)


def test_the_column_decides_the_separators():
    fmt = detect_amount_format(["12,500.00", "1,000", "300.5"])
    assert (fmt.decimal, fmt.thousands) == (".", ",")
    assert parse_amount("1,000", fmt) == Decimal("1000")
    with pytest.raises(AmountUnreadable):
        parse_amount("1,5", fmt)  # a comma that is not a thousands group, in a column where , groups
    fmt = detect_amount_format(["150 000,00", "2 000,50", "1,5"])
    assert (fmt.decimal, fmt.thousands) == (",", " ")
    assert parse_amount("1,5", fmt) == Decimal("1.5")
    fmt = detect_amount_format(["1.000", "2.500,50"])
    assert parse_amount("1.000", fmt) == Decimal("1000")
    assert detect_amount_format(["1 200 000 ₽", "5 000 ₽", "700"]).currency == "RUB"
    assert parse_amount_full("2 700 USD").currency == "USD"


def test_numbers_from_spreadsheet_cells_need_no_format():
    assert parse_amount(96000.0) == Decimal("96000.0")
    assert parse_amount(3100.99) == Decimal("3100.99")
    assert parse_amount(None) is None and parse_amount("  ") is None


def test_date_columns():
    d = detect_date_format(["21/02/2026", "19/02/2026"])
    assert d.format == DateFormat.DMY_SLASH and not d.ambiguous
    d = detect_date_format(["02/13/2026", "01/01/2026"])
    assert d.format == DateFormat.MDY
    d = detect_date_format(["01/02/2026", "03/04/2026"])
    assert d.ambiguous and set(d.candidates) == {DateFormat.DMY_SLASH, DateFormat.MDY}
    assert parse_date("01/02/2026", DateFormat.MDY) == datetime(2026, 1, 2)
    assert parse_date("01/02/2026", DateFormat.DMY_SLASH) == datetime(2026, 2, 1)
    d = detect_date_format(["09.01.2025 09:37:44", ""])
    assert d.format == DateFormat.DMY and d.has_time
    assert parse_date("09.01.2025 09:37:44", d.format) == datetime(2025, 1, 9, 9, 37, 44)
    assert detect_date_format(["2024-09-03 10:32:15"]).format == DateFormat.ISO
    assert parse_date("2024-09-03T10:32:15") == datetime(2024, 9, 3, 10, 32, 15)
    assert detect_date_format([45678, 45679.5]).format == DateFormat.EXCEL
    assert parse_date(45678, DateFormat.EXCEL) == datetime(2025, 1, 21)
    assert parse_date(45679.5, DateFormat.EXCEL) == datetime(2025, 1, 22, 12)
    assert parse_date(date(2025, 12, 1)) == datetime(2025, 12, 1)
    assert detect_date_format([date(2025, 12, 1), "05.03.2026"]).format == DateFormat.DMY


def test_offsets_are_converted_to_the_team_zone():
    from zoneinfo import ZoneInfo

    assert parse_date("2026-10-21T11:05:00Z", None, ZoneInfo("Europe/Moscow")) == datetime(2026, 10, 21, 14, 5)


@pytest.mark.parametrize("text", ["31/02/2026", "yesterday", "2026-13-01", "12"])
def test_bad_dates_are_reported(text):
    with pytest.raises(DateUnreadable):
        parse_date(text, DateFormat.DMY_SLASH)


def test_an_ambiguous_date_without_a_format_is_refused():
    with pytest.raises(DateUnreadable):
        parse_date("01/02/2026")


@pytest.mark.parametrize("text, minor", [("250 000 ₽", 250000_00), ("250 000 руб.", 250000_00), ("1 200,50", 1200_50),
                                         ("12.5", 12_50), ("250 000", 250000_00), ("1.250.000", 1250000_00)])
def test_typed_amounts_read_as_russians_type_them(text, minor):
    from voronka.models.money import to_minor

    assert to_minor(text) == minor


def test_a_typed_amount_that_reads_two_ways_asks():
    from voronka.models.fields import FieldInvalid
    from voronka.models.fields.types import parse_money
    from voronka.models.money import to_minor
    from voronka.models.values.amounts import AmountAmbiguous, parse_typed_amount

    with pytest.raises(AmountAmbiguous) as exc:
        parse_typed_amount("250.000")
    assert exc.value.readings == (Decimal("250000"), Decimal("250.000"))
    with pytest.raises(ValueError):
        to_minor("1,000")
    with pytest.raises(FieldInvalid) as refused:
        parse_money("250.000", "amount")
    assert refused.value.code == "ambiguous_amount"
    with pytest.raises(FieldInvalid) as refused:
        parse_money("около 1,2 млн", "amount")
    assert refused.value.code == "not_an_amount" and "words" in refused.value.reason


def test_the_card_service_takes_an_amount_with_a_currency_mark(db):
    from voronka.models.orm import Deal
    from voronka.models.services.deals import create_deal, update_deal

    changes = db.run(create_deal, name="Typed", user_id=None, amount="1 200,50 ₽")
    deal_id = next(iter(changes.deals))
    with db.session() as s:
        assert s.get(Deal, deal_id).amount_minor == 1200_50
    db.run(update_deal, deal_id, {"amount": "250 000 руб."})
    with db.session() as s:
        assert s.get(Deal, deal_id).amount_minor == 250000_00
