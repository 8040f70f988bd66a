"""Why a field was refused, in the UI language (one sentence per ``models.fields.errors`` code)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models.fields import FieldInvalid

REASONS = {
    "empty": QT_TRANSLATE_NOOP("FieldReasons", "Cannot be empty."),
    "not_a_number": QT_TRANSLATE_NOOP("FieldReasons", "Not a number."),
    "not_an_amount": QT_TRANSLATE_NOOP(
        "FieldReasons", "Not an amount: write it like 250 000, 250 000,50 ₽, 1.2m or 250k."),
    "ambiguous_amount": QT_TRANSLATE_NOOP("FieldReasons", "Thousands or a decimal point? Write 250 000 or 250,00."),
    "not_an_integer": QT_TRANSLATE_NOOP("FieldReasons", "A whole number is needed."),
    "negative": QT_TRANSLATE_NOOP("FieldReasons", "Cannot be negative."),
    "not_a_date": QT_TRANSLATE_NOOP("FieldReasons", "Not a date: type 31.12.2026 or 2026-12-31."),
    "email_format": QT_TRANSLATE_NOOP("FieldReasons", "Not an e-mail address (like name@acme.ru)."),
    "phone_format": QT_TRANSLATE_NOOP("FieldReasons", "Not a phone number."),
    "phone_invalid": QT_TRANSLATE_NOOP("FieldReasons", "No such number: check the digits (a Russian number has 10 digits after +7)."),
    "domain_format": QT_TRANSLATE_NOOP("FieldReasons", "Not a website address (like acme.ru)."),
    "url_format": QT_TRANSLATE_NOOP("FieldReasons", "Not a link (like https://vk.com/name)."),
    "inn_digits": QT_TRANSLATE_NOOP("FieldReasons", "An INN has digits only."),
    "inn_length": QT_TRANSLATE_NOOP("FieldReasons", "An INN has 10 digits (organisation) or 12 (person)."),
    "inn_checksum": QT_TRANSLATE_NOOP("FieldReasons", "The INN check digits do not match: look for a typo."),
    "unknown_option": QT_TRANSLATE_NOOP("FieldReasons", "Not one of the choices."),
    "too_long": QT_TRANSLATE_NOOP("FieldReasons", "Too long."),
    "nul_character": QT_TRANSLATE_NOOP("FieldReasons", "Contains a NUL character, which cannot be stored."),
    "unknown_record": QT_TRANSLATE_NOOP("FieldReasons", "Choose from the list."),
}


def reason_text(problem: FieldInvalid) -> str:
    source = REASONS.get(problem.code)
    return QCoreApplication.translate("FieldReasons", source) if source else problem.reason


def required_text(stage_name: str) -> str:
    return QCoreApplication.translate("FieldReasons", "Needed to enter «%1».").replace("%1", stage_name)
