"""How field values look on a card (Russian dates as 31.12.2026, money grouped by thousands)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from voronka.models.fields import FieldSpec, FieldType
from voronka.models.fields.catalog import CONTACT_TYPE_LABELS
from voronka.models.fields.phone import display_phone

from ..dates import format_date, format_datetime  # noqa: F401 (re-exported for the cards)


def format_money(value: Decimal | int | None, language: str = "en") -> str:
    """Money as an editor shows it: thousands grouped by spaces, kopecks only when there are
    any, and a decimal comma in Russian («98 765 432 100,50»); the amount parser reads both back."""
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
    text = text.replace(",", " ")
    return text.replace(".", ",") if language == "ru" else text


def format_number(value: Any, language: str = "en") -> str:
    """A number as an editor shows it; a fraction has a decimal comma in Russian. Whole numbers
    stay ungrouped (a count, a year, a code: «6911» is how Russian typography writes four digits)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize()
        text = format(value, "f")
        return text.replace(".", ",") if language == "ru" else text
    if isinstance(value, float) and language == "ru":
        return str(value).replace(".", ",")
    return str(value)


def contact_type_label(value: str | None, language: str) -> str:
    if not value:
        return ""
    en, ru = CONTACT_TYPE_LABELS.get(value, (value, value))
    return ru if language == "ru" else en


def edit_text(spec: FieldSpec, value: Any, language: str) -> str:
    """The text an editor shows for a stored value (and reads back through ``normalise``)."""
    if value is None:
        return ""
    if spec.type == FieldType.DATE:
        return format_date(value, language) if isinstance(value, date) else str(value)
    if spec.type == FieldType.DATETIME:
        return format_datetime(value, language)
    if spec.type == FieldType.MONEY:
        return format_money(value, language) if isinstance(value, (Decimal, int)) else str(value)
    if spec.type == FieldType.NUMBER:
        return format_number(value, language)
    if spec.type == FieldType.PHONE:
        return display_phone(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
