"""A card saved on a stale version: merge what can be merged, refuse what cannot.

A card sends the fields the user changed (``mine``), the values it showed when it was
opened (``original``) and the record's version then (``seen_version``). When the
version is still the record's, the save goes through. Otherwise every saved field is
compared with what is stored now (``theirs``): a field nobody else changed, or that
someone changed to the same value, is no conflict; a field they changed differently is.
Any conflict refuses the whole save (``EditConflict``: per field original / theirs /
mine, who changed the record last and when); nothing is overwritten silently.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..fields import from_text
from ..fields.catalog import COLUMNS, CUSTOM_PREFIX
from ..money import from_minor
from ..orm import User, deal_contacts
from ..orm.base import Versioned
from .record_fields import custom_texts, field_specs


def current_values(session: Session, entity: str, record: Any, keys: list[str]) -> dict[str, Any]:
    """The stored values of ``keys`` in the card's form (money as Decimal, custom values
    typed, the people on a deal as a sorted id list or None)."""
    columns = COLUMNS.get(entity, {})
    out: dict[str, Any] = {}
    customs: dict[int, str] | None = None
    specs = None
    for key in keys:
        if key.startswith(CUSTOM_PREFIX):
            specs = specs or field_specs(session, entity)
            customs = customs if customs is not None else custom_texts(session, entity, record.id)
            spec = specs.get(key)
            text = customs.get(spec.custom_id) if spec is not None else None
            out[key] = from_text(spec, text) if spec is not None and text is not None else None
        elif entity == "deal" and key == "contacts":
            linked = sorted(session.scalars(select(deal_contacts.c.contact_id)
                                            .where(deal_contacts.c.deal_id == record.id)))
            out[key] = linked or None
        else:
            attr = columns.get(key) or key
            value = getattr(record, attr, None)
            out[key] = from_minor(value) if attr.endswith("_minor") and value is not None else value
    return out


def _same(a: Any, b: Any) -> bool:
    empty = (None, "", [])
    return (a in empty and b in empty) or a == b


def check_not_stale(session: Session, entity: str, record: Versioned, mine: Mapping[str, Any],
                    seen_version: int | None, original: Mapping[str, Any] | None) -> None:
    """Refuse (``EditConflict``) a save made on ``seen_version`` if someone else has
    changed any of the saved fields differently since."""
    if seen_version is None or record.version == seen_version:
        return
    keys = list(mine)
    theirs = current_values(session, entity, record, keys)
    before = original or {}
    conflicts = [errors.FieldConflict(key, before.get(key), theirs[key], mine[key]) for key in keys
                 if not (key in before and _same(theirs[key], before[key])) and not _same(theirs[key], mine[key])]
    if not conflicts:
        return
    name = session.scalar(select(User.name).where(User.id == record.updated_by_id)) if record.updated_by_id else None
    raise errors.EditConflict(entity, record.id, conflicts, record.version, theirs, name, record.updated_at)
