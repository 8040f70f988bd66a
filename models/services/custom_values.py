"""Read and write custom field values (stored as normalised text)."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..orm import CustomField, CustomFieldValue


def field_by_key(session: Session, entity: str, key: str) -> CustomField:
    field = session.scalar(select(CustomField).where(CustomField.entity == entity, CustomField.key == key))
    if field is None:
        raise NotFound("custom field", f"{entity}.{key}")
    return field


def set_custom_value(session: Session, entity: str, record_id: int, key: str, value: Any) -> None:
    """Store ``value`` (already validated and normalised) for one record; empty removes it."""
    field = field_by_key(session, entity, key)
    row = session.scalar(
        select(CustomFieldValue).where(CustomFieldValue.field_id == field.id, CustomFieldValue.record_id == record_id)
    )
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple)) else value
    if text in (None, "", "[]"):
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(CustomFieldValue(field_id=field.id, record_id=record_id, value=str(text)))
    else:
        row.value = str(text)
