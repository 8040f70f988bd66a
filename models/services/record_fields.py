"""Check and write the field values of a card (company, contact or deal) in one go.

``check_values`` normalises every value with ``models.fields.normalise`` and raises one
``FieldsInvalid`` listing each refused field, so a save writes all fields or none.
``apply_values`` writes normalised values to the record's columns (money in minor
units) and its custom field values.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..fields import FieldInvalid, FieldsInvalid, FieldSpec, normalise, to_text
from ..fields.catalog import BUILTIN, COLUMNS, CUSTOM_PREFIX, custom_spec
from ..fields.errors import UNKNOWN_RECORD
from ..guards import touch
from ..money import to_minor
from ..orm import CustomField, CustomFieldValue

MONEY_COLUMNS = {"amount_minor", "revenue_minor"}


def field_specs(session: Session, entity: str, *, retired: bool = True) -> dict[str, FieldSpec]:
    """Every field of an entity by key (built-in and custom)."""
    specs = {spec.key: spec for spec in BUILTIN[entity]}
    q = select(CustomField).where(CustomField.entity == entity).order_by(CustomField.position, CustomField.id)
    for field in session.scalars(q):
        if retired or not field.retired:
            spec = custom_spec(field)
            specs[spec.key] = spec
    return specs


def check_values(session: Session, entity: str, values: Mapping[str, Any],
                 writable: set[str] | None = None) -> dict[str, Any]:
    """Normalise every value; raise ``FieldsInvalid`` naming each refused field."""
    specs = field_specs(session, entity)
    out: dict[str, Any] = {}
    problems: list[FieldInvalid] = []
    for key, raw in values.items():
        spec = specs.get(key)
        if spec is None or spec.read_only or (writable is not None and key not in writable
                                              and not key.startswith(CUSTOM_PREFIX)):
            problems.append(FieldInvalid(key, UNKNOWN_RECORD, "is not a field of this card"))
            continue
        try:
            out[key] = normalise(spec, raw)
        except FieldInvalid as exc:
            problems.append(exc.for_field(key))
    if problems:
        raise FieldsInvalid(problems)
    return out


def column_value(attr: str, value: Any) -> Any:
    if attr in MONEY_COLUMNS:
        return to_minor(value) if isinstance(value, Decimal) else value
    return value


def apply_values(session: Session, entity: str, record: Any, values: Mapping[str, Any]) -> None:
    """Write already-normalised values to ``record`` (its columns and custom values)."""
    columns = COLUMNS[entity]
    specs = None
    for key, value in values.items():
        if key.startswith(CUSTOM_PREFIX):
            specs = specs or field_specs(session, entity)
            write_custom(session, specs[key], record.id, value)
            touch(record)
        elif columns.get(key):
            setattr(record, columns[key], column_value(columns[key], value))


def write_custom(session: Session, spec: FieldSpec, record_id: int, value: Any) -> None:
    """Store one normalised custom value; empty removes it."""
    row = session.scalar(select(CustomFieldValue).where(
        CustomFieldValue.field_id == spec.custom_id, CustomFieldValue.record_id == record_id))
    text = to_text(spec, value)
    if text is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(CustomFieldValue(field_id=spec.custom_id, record_id=record_id, value=text))
    else:
        row.value = text


def custom_texts(session: Session, entity: str, record_id: int) -> dict[int, str]:
    """The stored custom values of one record: field id -> text."""
    q = (select(CustomFieldValue.field_id, CustomFieldValue.value)
         .join(CustomField, CustomField.id == CustomFieldValue.field_id)
         .where(CustomField.entity == entity, CustomFieldValue.record_id == record_id))
    return {fid: value for fid, value in session.execute(q)}


def row_dict(record: Any) -> dict[str, Any]:
    """Every column of an ORM record (for merge snapshots)."""
    return {c.key: getattr(record, c.key) for c in record.__mapper__.column_attrs}


def delete_custom_values(session: Session, entity: str, record_id: int) -> None:
    """Remove every custom value of one record (custom values have no foreign key)."""
    ids = select(CustomField.id).where(CustomField.entity == entity)
    session.execute(delete(CustomFieldValue).where(CustomFieldValue.record_id == record_id,
                                                   CustomFieldValue.field_id.in_(ids)))
