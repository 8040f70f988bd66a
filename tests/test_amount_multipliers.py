"""The one amount parser reads the multipliers people type («1,2 млн ₽», «250 тыс. руб.», «1.5k»)
in the card, the forms and quick-create; in a file (the import) a multiplied value is unreadable
and reported by its cell, as the shared samples' hand-kept sheet says; a refusal says why."""
from __future__ import annotations

from decimal import Decimal

import pytest

from voronka.models.fields.errors import NOT_AN_AMOUNT
from voronka.models.fields.types import FieldInvalid, parse_money
from voronka.models.money import to_minor
from voronka.models.values.amounts import (
    AmountAmbiguous, AmountUnreadable, detect_amount_format, parse_amount, parse_amount_full, parse_typed_amount,
)

MULTIPLIED = [
    ("1,2 млн", "1200000", None), ("1,2 млн ₽", "1200000", "RUB"), ("1,2млн", "1200000", None),
    ("1,2 млн.", "1200000", None), ("1.2 mln", "1200000", None), ("250 тыс. руб.", "250000", "RUB"),
    ("250 тыс.", "250000", None), ("250 тыс", "250000", None), ("250тыс", "250000", None),
    ("250 т.р.", "250000", "RUB"), ("10 тыс.руб.", "10000", "RUB"), ("1.5k", "1500", None),
    ("1,5 K", "1500", None), ("2 m", "2000000", None), ("2M", "2000000", None), ("$1.5k", "1500", "USD"),
    ("€2.5M", "2500000", "EUR"), ("3 млн RUB", "3000000", "RUB"), ("1 200 тыс.", "1200000", None),
    ("-5 тыс.", "-5000", None), ("0,25 млн руб.", "250000", "RUB"),
]
PLAIN = [  # what the parser took before the multipliers: unchanged
    ("250 000 ₽", "250000"), ("250 000 руб.", "250000"), ("250\u00a0000,50", "250000.50"), ("$1,200", "1200"),
    ("1 200 000 RUB", "1200000"), ("1 200,50", "1200.50"), ("12,500.00", "12500.00"), ("-1 000", "-1000"),
    ("0", "0"), ("2 500 р.", "2500"),
]


@pytest.mark.parametrize("text,value,currency", MULTIPLIED)
def test_multipliers_are_read_where_a_person_types_and_refused_in_a_file(text, value, currency):
    assert parse_typed_amount(text) == Decimal(value)  # card, forms, quick-create
    assert parse_amount_full(text, multipliers=True).currency == currency
    assert to_minor(text) == int(Decimal(value) * 100)
    assert parse_money(text, "amount") == Decimal(value)
    with pytest.raises(AmountUnreadable) as caught:  # the import
        parse_amount(text)
    assert "multiplier" in caught.value.reason


@pytest.mark.parametrize("text,value", PLAIN)
def test_what_was_taken_before_still_is(text, value):
    assert parse_typed_amount(text) == Decimal(value)


def test_before_a_multiplier_a_lone_separator_is_the_decimal_point():
    # "1,250 млн" is not ambiguous as "1,250" alone is: nobody means 1 250 million
    assert parse_typed_amount("1,250 млн") == Decimal("1250000")
    with pytest.raises(AmountAmbiguous):
        parse_typed_amount("1,250")


def test_an_import_column_reads_its_figures_and_reports_a_multiplied_value():
    column = ["12,500.00", "1,000", "1,2 млн"]
    fmt = detect_amount_format(column)
    assert fmt.decimal == "." and fmt.thousands == ","
    assert [parse_amount(v, fmt) for v in column[:2]] == [Decimal("12500"), Decimal("1000")]
    with pytest.raises(AmountUnreadable, match="«млн» is a multiplier"):
        parse_amount(column[2], fmt)


@pytest.mark.parametrize("text,why", [
    ("1,2 милл", "other than a number, a multiplier"), ("около 5 тыс.", "other than a number"),
    ("5 тыс. тыс.", "other than a number"), ("100 т.р. $", "two currency marks"),
    ("1.2.3 млн", "not grouped by three"), ("млн", "other than a number"),
])
def test_a_refused_value_still_says_why(text, why):
    with pytest.raises(AmountUnreadable) as caught:
        parse_typed_amount(text)
    assert why in caught.value.reason
    with pytest.raises(FieldInvalid) as field_error:
        parse_money(text, "amount")
    assert field_error.value.code == NOT_AN_AMOUNT and why in str(field_error.value)
