"""What every write goes through, whoever the writer is (another window, another laptop).

- ``locked`` reads a record for a service that is about to check and change it: on
  PostgreSQL with ``SELECT … FOR UPDATE`` (a second writer waits until this transaction
  ends); on SQLite the write transaction already holds the write lock (``BEGIN
  IMMEDIATE``, see ``models.db``), so it is a plain read of the row as it is now.
- A flush guard stamps who changed an editable record and when (``Versioned``), and
  refuses text a column cannot hold — too long for its ``String(n)`` or with a NUL
  character — with ``FieldsInvalid`` naming the field, the same on SQLite (which would
  store it) and PostgreSQL (which would fail with a driver error).
"""
from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from .clock import local_now
from .errors import NotFound
from .fields.errors import NUL_CHARACTER, TOO_LONG, FieldInvalid, FieldsInvalid
from .orm import CustomField, CustomFieldValue
from .orm.base import Versioned

T = TypeVar("T")


def locked(session: Session, cls: type[T], key: int, what: str) -> T:
    """The record as it is now, locked against other writers until the transaction ends;
    ``NotFound`` if it is gone."""
    obj = session.get(cls, key, with_for_update=True, populate_existing=True)
    if obj is None:
        raise NotFound(what, key)
    return obj


def acting(session: Session, user_id: int | None) -> None:
    """Name the user this transaction writes for (stamped as ``updated_by_id``)."""
    if user_id is not None:
        session.info["user_id"] = user_id


def touch(record: Versioned) -> None:
    """Count a change the record's own columns do not show (a custom field value, the
    people on a deal) as an update of the record: its version goes up."""
    flag_modified(record, "updated_at")


def bumped(session: Session, cls: Any) -> dict[str, Any]:
    """The values a bulk ``update(cls)`` of versioned rows sets besides its own: the
    version counter and the who/when stamp (the flush guard only sees ORM objects)."""
    return {"version": cls.version + 1, "updated_at": local_now(), "updated_by_id": session.info.get("user_id")}


def text_problems(record: Any) -> list[FieldInvalid]:
    """Every text value of ``record`` that no column can hold: too long, or a NUL."""
    problems: list[FieldInvalid] = []
    state = inspect(record)
    for attr in state.mapper.column_attrs:
        value = state.dict.get(attr.key)
        if not isinstance(value, str):
            continue
        column = attr.columns[0]
        if "\x00" in value:
            problems.append(FieldInvalid(attr.key, NUL_CHARACTER, "contains a NUL character"))
            continue
        limit = column.type.length if isinstance(column.type, String) else None
        if limit is not None and len(value) > limit:
            problems.append(FieldInvalid(attr.key, TOO_LONG, f"at most {limit} characters"))
    return problems


def _field_key(session: Session, record: Any, problem: FieldInvalid) -> FieldInvalid:
    """A custom value's problem names its field (``custom:<key>``), not the value column."""
    if isinstance(record, CustomFieldValue):
        field = session.get(CustomField, record.field_id)
        if field is not None:
            return problem.for_field(f"custom:{field.key}")
    return problem


@event.listens_for(Session, "before_flush")
def _guard_flush(session: Session, _context: Any, _instances: Any) -> None:
    problems: list[FieldInvalid] = []
    for record in list(session.new) + list(session.dirty):
        problems += [_field_key(session, record, p) for p in text_problems(record)]
    if problems:
        raise FieldsInvalid(problems)
    now, user_id = None, session.info.get("user_id")
    for record in session.dirty:
        if isinstance(record, Versioned) and session.is_modified(record, include_collections=False):
            now = now or local_now()
            record.updated_at, record.updated_by_id = now, user_id
    for record in session.new:
        if isinstance(record, Versioned):
            now = now or local_now()
            record.updated_at, record.updated_by_id = now, user_id
