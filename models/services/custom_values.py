"""Read and write custom field values (stored as normalised text, see ``models.fields``)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..fields import normalise
from ..fields.catalog import custom_spec
from ..orm import CustomField
from .record_fields import write_custom


def field_by_key(session: Session, entity: str, key: str) -> CustomField:
    field = session.scalar(select(CustomField).where(CustomField.entity == entity, CustomField.key == key))
    if field is None:
        raise NotFound("custom field", f"{entity}.{key}")
    return field


def set_custom_value(session: Session, entity: str, record_id: int, key: str, value: Any) -> None:
    """Store ``value`` for one record, normalised by the field's type; empty removes it.

    Raises ``FieldInvalid`` (naming ``custom:<key>``) when the value does not fit the type.
    """
    spec = custom_spec(field_by_key(session, entity, key))
    write_custom(session, spec, record_id, normalise(spec, value))
