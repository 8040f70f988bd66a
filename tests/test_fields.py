"""Field validation and normalisation: every e-mail, phone, website, INN, amount and date has one format."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from voronka.models.fields import FieldInvalid, FieldSpec, from_text, normalise, to_text
from voronka.models.fields.catalog import builtin
from voronka.models.fields.inn import inn_checksum_ok, normalise_inn
from voronka.models.fields.layout import default_layout, layout_to_setting, lead_layout, resolve_layout
from voronka.models.fields.phone import display_phone, normalise_phone
from voronka.models.fields.web import normalise_domain, normalise_email, normalise_links, normalise_url


def refused(fn, *args) -> str:
    with pytest.raises(FieldInvalid) as info:
        fn(*args)
    return info.value.code


@pytest.mark.parametrize("inn", ["7707083893", "500100732259", "7830002293"])
def test_real_inns_pass_the_checksum(inn):
    assert inn_checksum_ok(inn)
    assert normalise_inn(inn) == inn


def test_inn_with_spaces_is_kept_as_digits():
    assert normalise_inn(" 7707 083-893 ") == "7707083893"


def test_inn_typo_is_refused_by_checksum():
    assert refused(normalise_inn, "7707083894") == "inn_checksum"
    assert refused(normalise_inn, "500100732258") == "inn_checksum"


def test_inn_of_wrong_length_or_with_letters_is_refused():
    assert refused(normalise_inn, "770708389") == "inn_length"
    assert refused(normalise_inn, "77070838AB") == "inn_digits"


@pytest.mark.parametrize("raw", ["8 (916) 123-45-67", "+7 916 123 45 67", "9161234567", "007 916 1234567"])
def test_russian_phones_become_e164(raw):
    assert normalise_phone(raw) == "+79161234567"


def test_foreign_phone_with_country_code_is_kept():
    assert normalise_phone("+44 20 7946 0958") == "+442079460958"


def test_impossible_phone_is_refused():
    assert refused(normalise_phone, "12345") in ("phone_invalid", "phone_format")
    assert refused(normalise_phone, "call me") == "phone_format"


def test_phone_is_shown_grouped():
    assert display_phone("+79161234567") == "+7 916 123-45-67"


@pytest.mark.parametrize("raw", ["acme.ru", "https://www.Acme.RU/about?x=1", "http://acme.ru:8080", "WWW.ACME.RU."])
def test_websites_become_a_bare_domain(raw):
    assert normalise_domain(raw) == "acme.ru"


def test_cyrillic_domains_stay_readable():
    assert normalise_domain("https://Пример.РФ/") == "пример.рф"
    assert normalise_domain("xn--e1afmkfd.xn--p1ai") == "пример.рф"


@pytest.mark.parametrize("raw", ["acme", "not a site", "acme.r", "-acme.ru", "http://"])
def test_non_domains_are_refused(raw):
    assert refused(normalise_domain, raw) == "domain_format"


def test_emails_are_lower_case_and_checked():
    assert normalise_email(" Ivan.Petrov@ACME.ru ") == "ivan.petrov@acme.ru"
    assert normalise_email("mailto:anna@пример.рф") == "anna@пример.рф"
    for bad in ("ivan", "ivan@", "@acme.ru", "ivan@acme", "iv an@acme.ru", "ivan..p@acme.ru"):
        assert refused(normalise_email, bad) == "email_format", bad


def test_links_get_a_scheme_and_lower_case_host():
    assert normalise_url("VK.com/Ivan") == "https://vk.com/Ivan"
    assert normalise_links("vk.com/ivan, t.me/ivan\nvk.com/ivan") == "https://vk.com/ivan\nhttps://t.me/ivan"
    assert refused(normalise_url, "ftp://acme.ru") == "url_format"


def test_money_accepts_spaces_and_comma_and_refuses_negative():
    spec = builtin("deal", "amount")
    assert normalise(spec, "1 250 000,5") == Decimal("1250000.50")
    assert refused(normalise, spec, "-5") == "negative"
    assert refused(normalise, spec, "a lot") == "not_an_amount"


def test_employees_must_be_whole():
    spec = builtin("company", "employees")
    assert normalise(spec, "1 200") == 1200
    assert refused(normalise, spec, "12.5") == "not_an_integer"


def test_dates_in_russian_and_iso_forms():
    spec = builtin("deal", "expected_close")
    assert normalise(spec, "31.12.2026") == date(2026, 12, 31)
    assert normalise(spec, "2026-12-31") == date(2026, 12, 31)
    assert refused(normalise, spec, "31.02.2026") == "not_a_date"


def test_required_name_cannot_be_empty_and_empty_optional_is_none():
    assert refused(normalise, builtin("company", "name"), "  ") == "empty"
    assert normalise(builtin("company", "inn"), "") is None


def test_select_matches_choices_ignoring_case():
    spec = FieldSpec("custom:tier", "select", "Tier", "Уровень", options=("Gold", "Silver"))
    assert normalise(spec, "gold") == "Gold"
    assert refused(normalise, spec, "Bronze") == "unknown_option"


def test_multiselect_keeps_choice_order_and_round_trips():
    spec = FieldSpec("custom:need", "multiselect", "Need", "Потребность", options=("CRM", "BI", "ERP"))
    value = normalise(spec, "erp; crm, CRM")
    assert value == ["CRM", "ERP"]
    assert from_text(spec, to_text(spec, value)) == ["CRM", "ERP"]


def test_stored_numbers_and_dates_round_trip():
    money = FieldSpec("custom:budget", "money", "Budget", "Бюджет")
    assert from_text(money, to_text(money, normalise(money, "1500"))) == Decimal("1500.00")
    day = FieldSpec("custom:demo", "date", "Demo", "Демо")
    assert to_text(day, normalise(day, "01.03.2026")) == "2026-03-01"


def test_layout_drops_unknown_fields_and_restores_missing_builtins():
    stored = layout_to_setting(default_layout("company"))
    stored["blocks"][0]["fields"] = ["inn", "ghost", "inn"]
    layout = resolve_layout("company", stored, [])
    assert layout.blocks[0].fields[0] == "inn"
    assert "ghost" not in layout.field_keys()
    assert sorted(layout.field_keys()) == sorted(set(layout.field_keys()))
    assert {"name", "website", "industry", "region"} <= set(layout.block("main").fields)


def test_new_custom_field_goes_to_its_block_and_retired_ones_disappear():
    live = FieldSpec("custom:tier", "text", "Tier", "Уровень", custom_id=1)
    gone = FieldSpec("custom:old", "text", "Old", "Старое", custom_id=2, retired=True)
    layout = resolve_layout("company", None, [live, gone], {"custom:tier": ("size", 3, True)})
    assert layout.block("size").fields[-1] == "custom:tier"
    assert layout.pinned == ["custom:tier"]
    assert "custom:old" not in layout.field_keys()


def test_lead_card_keeps_the_deal_cards_placement():
    deal = resolve_layout("deal", None, [])
    lead = lead_layout(deal, {"pinned": ["contacts"], "collapsed": ["source"]})
    assert [b.fields for b in lead.blocks] == [b.fields for b in deal.blocks]
    assert lead.pinned == ["contacts"] and lead.block("source").collapsed
