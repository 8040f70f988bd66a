"""Merge two records of one kind (companies or contacts) and undo the merge.

The kept record keeps its own values; each of its empty fields takes the other's value
(notes are joined, the earlier creation time wins). Everything that pointed at the
dropped record is moved to the kept one by the caller, which lists what it moved in
the snapshot so ``restore_merge`` can put it back. Custom values have no foreign key,
so the dropped record's values are deleted explicitly (never left to a reused id).

The undo is refused (``ChangedSince``, naming who and when) once anything it would put
back has been changed since: the kept record, a moved deal's company or name, a moved
person's company or links, a moved activity — a colleague's later edit is never reverted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ..fields.catalog import COLUMNS
from ..orm import CustomFieldValue
from ..errors import ChangedSince
from .record_fields import custom_texts, delete_custom_values, row_dict
from .undo_guard import record_refusal, require_row, user_name


VERSION_COLUMNS = ("version", "updated_at", "updated_by_id")


@dataclass
class MergeSnapshot:
    """What a merge changed, enough to undo it."""

    entity: str
    keep_id: int
    drop_row: dict[str, Any]
    keep_before: dict[str, Any]
    custom_keep_before: dict[int, str]
    custom_drop: dict[int, str]
    moved: dict[str, list[Any]] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)  # what the merge left: the undo's precondition


def _empty(value: Any) -> bool:
    return value is None or value == ""


def fill_from(session: Session, entity: str, keep: Any, drop: Any) -> MergeSnapshot:
    """Fill ``keep``'s empty fields from ``drop`` and move ``drop``'s custom values; snapshot first."""
    snap = MergeSnapshot(entity, keep.id, row_dict(drop), row_dict(keep),
                         custom_texts(session, entity, keep.id), custom_texts(session, entity, drop.id))
    for attr in {a for a in COLUMNS[entity].values() if a} | {"notes", "created_at"}:
        if not hasattr(keep, attr):
            continue
        mine, theirs = getattr(keep, attr), getattr(drop, attr)
        if attr == "notes" and not _empty(mine) and not _empty(theirs) and mine != theirs:
            setattr(keep, attr, f"{mine}\n\n{theirs}")
        elif attr == "created_at" and mine and theirs:
            setattr(keep, attr, min(mine, theirs))
        elif _empty(mine) and not _empty(theirs):
            setattr(keep, attr, theirs)
    for field_id, text in snap.custom_drop.items():
        if field_id not in snap.custom_keep_before:
            session.add(CustomFieldValue(field_id=field_id, record_id=keep.id, value=text))
    delete_custom_values(session, entity, drop.id)
    return snap


def note_kept(session: Session, snap: MergeSnapshot, keep: Any) -> None:
    """Remember the kept record as the merge left it (its row and custom values)."""
    session.flush()
    snap.after["keep"] = row_dict(keep)
    snap.after["keep_custom"] = custom_texts(session, snap.entity, keep.id)


def require_unmerged_since(session: Session, snap: MergeSnapshot, model: type) -> Any:
    """The undo's precondition on the two records: the kept one is as the merge left it
    and the dropped one's id is still free; returns the kept record."""
    keep = session.get(model, snap.keep_id)
    name = snap.keep_before.get("name") or snap.keep_before.get("full_name") or ""
    if keep is None:
        raise ChangedSince("deleted", record=str(name))
    if "keep" in snap.after:
        require_row(session, keep, snap.after["keep"], bookkeeping=False)  # custom values compared below
        if custom_texts(session, snap.entity, keep.id) != snap.after["keep_custom"]:
            raise record_refusal(session, keep)
    other = session.get(model, snap.drop_row["id"])
    if other is not None:
        raise ChangedSince("taken", record=str(snap.drop_row.get("name") or snap.drop_row.get("full_name") or ""),
                           who=user_name(session, getattr(other, "updated_by_id", None)),
                           at=getattr(other, "updated_at", None) or getattr(other, "created_at", None))
    return keep


def restore_records(session: Session, snap: MergeSnapshot, model: type) -> tuple[Any, Any]:
    """Recreate the dropped record with its id and put back both records' fields and custom values."""
    drop = model(**snap.drop_row)
    session.add(drop)
    session.flush()
    from ..sequences import advance_sequences

    advance_sequences(session, [model])  # the id is written explicitly
    keep = session.get(model, snap.keep_id)
    for attr, value in snap.keep_before.items():
        if attr not in VERSION_COLUMNS:  # the version only goes up (the flush guard stamps the rest)
            setattr(keep, attr, value)
    session.flush()
    delete_custom_values(session, snap.entity, snap.keep_id)
    for field_id, text in snap.custom_keep_before.items():
        session.add(CustomFieldValue(field_id=field_id, record_id=snap.keep_id, value=text))
    for field_id, text in snap.custom_drop.items():
        session.add(CustomFieldValue(field_id=field_id, record_id=drop.id, value=text))
    return keep, drop
