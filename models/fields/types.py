"""Field types, the description of one card field, and turning typed input into one format.

``normalise(spec, raw)`` is the one place a value is checked: the cards, the import
and the board's "required to enter" form all call it, so the data has one format.
It returns the normalised Python value (``None`` for empty) or raises ``FieldInvalid``.

Decisions where the spec is silent:
- ``website`` keeps a bare domain (the company identity hint); ``url`` keeps a whole link.
- numbers and money accept spaces and a decimal comma (``1 250,50``); money is never negative.
- dates accept ``2026-03-31``, ``31.03.2026`` and ``31/03/2026``.
- select values match options ignoring case and are stored as the option's own spelling.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from . import errors as e
from .errors import FieldInvalid
from .inn import normalise_inn
from .phone import normalise_phone
from .web import normalise_domain, normalise_email, normalise_links, normalise_url


class FieldType(StrEnum):
    TEXT = "text"
    LONGTEXT = "longtext"  # several lines (notes)
    NUMBER = "number"
    MONEY = "money"  # team currency, in units (Decimal); stored in minor units by the columns
    DATE = "date"
    EMAIL = "email"
    PHONE = "phone"
    WEBSITE = "website"  # a bare domain
    URL = "url"  # a whole link
    LINKS = "links"  # one link per line
    INN = "inn"
    SELECT = "select"
    MULTISELECT = "multiselect"
    # references, only on built-in fields (the card shows a picker)
    USER = "user"
    STAGE = "stage"
    COMPANY = "company"
    CONTACTS = "contacts"
    DATETIME = "datetime"  # read-only times such as "created"


CUSTOM_TYPES = (
    FieldType.TEXT, FieldType.LONGTEXT, FieldType.NUMBER, FieldType.MONEY, FieldType.DATE,
    FieldType.EMAIL, FieldType.PHONE, FieldType.WEBSITE, FieldType.URL, FieldType.INN,
    FieldType.SELECT, FieldType.MULTISELECT,
)
MAX_TEXT = 300


@dataclass(frozen=True)
class FieldSpec:
    """One field of a card kind: built-in (a column) or custom (``custom:<key>``)."""

    key: str
    type: str
    label_en: str
    label_ru: str
    options: tuple[str, ...] = ()
    required: bool = False  # cannot be left empty (a name)
    integer: bool = False  # whole numbers only
    read_only: bool = False
    custom_id: int | None = None
    retired: bool = False

    @property
    def is_custom(self) -> bool:
        return self.key.startswith("custom:")

    def label(self, language: str) -> str:
        return self.label_ru if language == "ru" else self.label_en


def _is_empty(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, (list, tuple, set)):
        return not raw
    return False


def parse_number(raw: Any, field: str, *, integer: bool = False) -> Decimal | int:
    if isinstance(raw, bool):
        raise FieldInvalid(field, e.NOT_A_NUMBER, "not a number")
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(raw)).replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation as exc:
            raise FieldInvalid(field, e.NOT_A_NUMBER, "not a number") from exc
    if not value.is_finite():
        raise FieldInvalid(field, e.NOT_A_NUMBER, "not a number")
    if integer:
        if value != value.to_integral_value():
            raise FieldInvalid(field, e.NOT_AN_INTEGER, "a whole number is needed")
        return int(value)
    return value


def parse_money(raw: Any, field: str) -> Decimal:
    """An amount as people type it (``250 000 ₽``, ``1 200,50 руб.``) by the one amount parser;
    ``250.000`` (thousands or a decimal point?) is refused with ``AMBIGUOUS_AMOUNT``."""
    from ..values.amounts import AmountAmbiguous, AmountUnreadable, parse_typed_amount

    if isinstance(raw, bool):
        raise FieldInvalid(field, e.NOT_AN_AMOUNT, "not an amount")
    try:
        value = parse_typed_amount(raw)
    except AmountAmbiguous as exc:
        raise FieldInvalid(field, e.AMBIGUOUS_AMOUNT, exc.reason) from exc
    except AmountUnreadable as exc:
        raise FieldInvalid(field, e.NOT_AN_AMOUNT, f"not an amount: {exc.reason}") from exc
    if value is None:
        raise FieldInvalid(field, e.NOT_AN_AMOUNT, "not an amount")
    return value


def parse_date(raw: Any, field: str) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldInvalid(field, e.NOT_A_DATE, "not a date (like 31.12.2026 or 2026-12-31)")


def _option(raw: str, options: Iterable[str], field: str) -> str:
    wanted = raw.strip().casefold()
    for opt in options:
        if opt.casefold() == wanted:
            return opt
    raise FieldInvalid(field, e.UNKNOWN_OPTION, f"{raw.strip()!r} is not one of the choices")


def _split_multi(raw: Any) -> list[str]:
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                return [str(x) for x in json.loads(text)]
            except ValueError:
                pass
        return [p for p in re.split(r"[;,\n]", text) if p.strip()]
    return [str(x) for x in raw]


def normalise(spec: FieldSpec, raw: Any) -> Any:
    """The value of ``raw`` in the field's one format, or None when empty.

    Raises ``FieldInvalid`` naming ``spec.key`` with the reason.
    """
    key, kind = spec.key, spec.type
    if _is_empty(raw):
        if spec.required:
            raise FieldInvalid(key, e.EMPTY, "cannot be empty")
        return None
    if kind in (FieldType.TEXT, FieldType.LONGTEXT):
        text = str(raw).strip()
        if kind == FieldType.TEXT:
            text = re.sub(r"\s+", " ", text)
            if len(text) > MAX_TEXT:
                raise FieldInvalid(key, e.TOO_LONG, f"at most {MAX_TEXT} characters")
        return text
    if kind == FieldType.NUMBER:
        return parse_number(raw, key, integer=spec.integer)
    if kind == FieldType.MONEY:
        value = parse_money(raw, key)
        if value < 0:
            raise FieldInvalid(key, e.NEGATIVE, "cannot be negative")
        return Decimal(value).quantize(Decimal("0.01"))
    if kind == FieldType.DATE:
        return parse_date(raw, key)
    if kind == FieldType.EMAIL:
        return normalise_email(str(raw), key)
    if kind == FieldType.PHONE:
        return normalise_phone(str(raw), key)
    if kind == FieldType.WEBSITE:
        return normalise_domain(str(raw), key)
    if kind == FieldType.URL:
        return normalise_url(str(raw), key)
    if kind == FieldType.LINKS:
        return normalise_links(str(raw), key)
    if kind == FieldType.INN:
        return normalise_inn(str(raw), key)
    if kind == FieldType.SELECT:
        return _option(str(raw), spec.options, key)
    if kind == FieldType.MULTISELECT:
        chosen = {_option(p, spec.options, key) for p in _split_multi(raw)}
        return [opt for opt in spec.options if opt in chosen] or None
    if kind in (FieldType.USER, FieldType.STAGE, FieldType.COMPANY):
        try:
            return int(raw)
        except (TypeError, ValueError) as exc:
            raise FieldInvalid(key, e.UNKNOWN_RECORD, "choose from the list") from exc
    if kind == FieldType.CONTACTS:
        return sorted({int(x) for x in raw}) or None
    return raw


def to_text(spec: FieldSpec, value: Any) -> str | None:
    """How a normalised value is stored in ``custom_field_values.value``."""
    if value is None:
        return None
    if spec.type == FieldType.MULTISELECT:
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize() if spec.type == FieldType.NUMBER else value, "f")
    return str(value)


def from_text(spec: FieldSpec, text: str | None) -> Any:
    """The Python value of a stored custom value (what ``normalise`` returned)."""
    if text in (None, ""):
        return None
    try:
        if spec.type == FieldType.MULTISELECT:
            return [str(x) for x in json.loads(text)]
        if spec.type in (FieldType.NUMBER, FieldType.MONEY):
            return parse_number(text, spec.key, integer=spec.integer)
        if spec.type == FieldType.DATE:
            return date.fromisoformat(text)
    except (ValueError, FieldInvalid):
        return text  # a value stored before the type changed: show it as it is
    return text
