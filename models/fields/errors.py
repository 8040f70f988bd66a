"""Why a field value was refused: a reason code the views translate, plus an English message."""
from __future__ import annotations

from ..errors import InvalidValue

# Reason codes (the views keep one translated sentence per code).
EMPTY = "empty"
NOT_A_NUMBER = "not_a_number"
NOT_AN_AMOUNT = "not_an_amount"  # money: the message shows how amounts are written
AMBIGUOUS_AMOUNT = "ambiguous_amount"  # "250.000": thousands or a decimal point?
NOT_AN_INTEGER = "not_an_integer"
NEGATIVE = "negative"
NOT_A_DATE = "not_a_date"
EMAIL_FORMAT = "email_format"
PHONE_FORMAT = "phone_format"
PHONE_INVALID = "phone_invalid"
DOMAIN_FORMAT = "domain_format"
URL_FORMAT = "url_format"
INN_DIGITS = "inn_digits"
INN_LENGTH = "inn_length"
INN_CHECKSUM = "inn_checksum"
UNKNOWN_OPTION = "unknown_option"
TOO_LONG = "too_long"
NUL_CHARACTER = "nul_character"
UNKNOWN_RECORD = "unknown_record"


class FieldInvalid(InvalidValue):
    """One field's value is refused; ``code`` says why (see the constants above)."""

    def __init__(self, field: str, code: str, message: str):
        super().__init__(field, message)
        self.code = code

    def for_field(self, field: str) -> "FieldInvalid":
        """The same refusal, naming ``field``."""
        return FieldInvalid(field, self.code, self.reason)


class FieldsInvalid(InvalidValue):
    """Several fields of one save were refused; nothing was written."""

    def __init__(self, problems: list[FieldInvalid]):
        super().__init__(problems[0].field, "; ".join(f"{p.field}: {p.reason}" for p in problems))
        self.problems = problems

    def by_field(self) -> dict[str, FieldInvalid]:
        return {p.field: p for p in self.problems}
