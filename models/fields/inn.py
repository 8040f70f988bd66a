"""INN, the Russian taxpayer number: 10 digits for an organisation, 12 for a person,
with check digits (weights from the Federal Tax Service)."""
from __future__ import annotations

import re

from . import errors as e
from .errors import FieldInvalid

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10


def inn_checksum_ok(inn: str) -> bool:
    """Whether a 10- or 12-digit string has correct INN check digits."""
    if len(inn) == 10:
        return _check_digit(inn, _W10) == int(inn[9])
    if len(inn) == 12:
        return _check_digit(inn, _W11) == int(inn[10]) and _check_digit(inn, _W12) == int(inn[11])
    return False


def normalise_inn(text: str, field: str = "inn") -> str:
    """Digits only (spaces and dashes dropped); refuses wrong length or check digits."""
    inn = re.sub(r"[\s\-]", "", text)
    if not inn.isdigit():
        raise FieldInvalid(field, e.INN_DIGITS, "an INN has digits only")
    if len(inn) not in (10, 12):
        raise FieldInvalid(field, e.INN_LENGTH, "an INN has 10 digits (organisation) or 12 (person)")
    if not inn_checksum_ok(inn):
        raise FieldInvalid(field, e.INN_CHECKSUM, "the INN check digits do not match; check for a typo")
    return inn
