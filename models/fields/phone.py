"""Phone numbers in E.164 (``+79161234567``); numbers without a country code are Russian."""
from __future__ import annotations

import phonenumbers

from . import errors as e
from .errors import FieldInvalid

DEFAULT_REGION = "RU"


def normalise_phone(text: str, field: str = "phone", region: str = DEFAULT_REGION) -> str:
    """``8 (916) 123-45-67`` -> ``+79161234567``; refuses what is not a real number."""
    raw = text.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise FieldInvalid(field, e.PHONE_FORMAT, "not a phone number") from exc
    if not phonenumbers.is_valid_number(number):
        raise FieldInvalid(field, e.PHONE_INVALID,
                           "no such number: check the digits (Russian numbers have 10 after +7)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """``+79161234567`` -> ``+7 916 123-45-67`` for showing; unparsable text is returned as is."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
