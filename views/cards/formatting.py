"""How field values look on a card (Russian dates as 31.12.2026, money grouped by thousands)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from voronka.models.fields import FieldSpec, FieldType
from voronka.models.fields.catalog import CONTACT_TYPE_LABELS
from voronka.models.fields.phone import display_phone

from ..dates import format_date, format_datetime  # noqa: F401 (re-exported for the cards)


def format_money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value:,.2f}" if value != value.to_integral_value() else f"{value:,.0f}"
    return text.replace(",", " ")


def format_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize()
        return format(value, "f")
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
        return format_money(value) if isinstance(value, (Decimal, int)) else str(value)
    if spec.type == FieldType.NUMBER:
        return format_number(value)
    if spec.type == FieldType.PHONE:
        return display_phone(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
