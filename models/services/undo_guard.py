"""The precondition of every undo and redo: the records it would write back are still as
the action left them; otherwise it is refused, naming who changed what and when.

An undo is a compensation, not a time machine: it writes back only what its action
wrote, and only while nobody has changed that since. A colleague's later move shows in
the deal's event log (``event_refusal``); a later edit of a field shows as a value that
differs from the one the action left, and the record's last editor (``updated_by_id``,
``updated_at``, stamped at every flush) names the person (``require_values``, ``require_row``).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import ChangedSince
from ..fields.catalog import COLUMNS
from ..orm import Company, Contact, Deal, DealEvent, EventKind, Task, User
from .record_fields import row_dict

EVENT_WORDS = {
    EventKind.STAGE: "moved", EventKind.WON: "won", EventKind.LOST: "lost",
    EventKind.REOPENED: "reopened", EventKind.OWNER: "owner", EventKind.RENEWAL: "renewal",
}
ENTITY_OF = {Deal: "deal", Company: "company", Contact: "contact", Task: "task"}
MODELS = {entity: model for model, entity in ENTITY_OF.items()}
CHANGES_OF = {"deal": "deals", "company": "companies", "contact": "contacts", "task": "tasks"}  # Changes' set
# columns that change with every edit and say nothing of their own
BOOKKEEPING = {"updated_by_id", "updated_at", "version"}


def user_name(session: Session, user_id: int | None) -> str | None:
    return session.scalar(select(User.name).where(User.id == user_id)) if user_id is not None else None


def record_name(record: Any) -> str:
    for attr in ("name", "full_name", "title"):
        if hasattr(record, attr):
            return str(getattr(record, attr) or "")
    return ""


def event_refusal(session: Session, deal: Deal, event: DealEvent) -> ChangedSince:
    """The refusal for an undo that a later event of the deal blocks."""
    return ChangedSince(EVENT_WORDS.get(EventKind(event.kind), "moved"), record=deal.name,
                        who=user_name(session, event.user_id), at=event.at)


def field_labels(session: Session, record: Any, key: str | None) -> dict[str, str]:
    """The field's label in English and Russian, as the card shows it (empty: not a card field)."""
    entity = ENTITY_OF.get(type(record))
    if key is None or entity not in ("deal", "company", "contact"):
        return {}
    from .record_fields import field_specs

    spec = field_specs(session, entity).get(key)
    return {"en": spec.label_en, "ru": spec.label_ru} if spec is not None else {}


def record_refusal(session: Session, record: Any, field: str | None = None) -> ChangedSince:
    """The refusal for an undo blocked by a later edit of ``record`` (of ``field``, if known)."""
    return ChangedSince("field" if field else "edited", record=record_name(record), field=field,
                        field_labels=field_labels(session, record, field),
                        who=user_name(session, getattr(record, "updated_by_id", None)),
                        at=getattr(record, "updated_at", None))


def require_latest_events(session: Session, deal_id: int, mine: set[int]) -> None:
    """Refuse when the deal has an event after the earliest of ``mine`` that is not one of them."""
    later = session.scalar(
        select(DealEvent).where(DealEvent.deal_id == deal_id, DealEvent.id.not_in(mine),
                                DealEvent.id > min(mine)).order_by(DealEvent.id))
    if later is not None:
        raise event_refusal(session, session.get(Deal, deal_id), later)


def read_values(session: Session, entity: str, record_id: int, keys: list[str]) -> dict[str, Any]:
    """The current values of ``keys`` of a deal, company or contact (as its card shows them)
    or a task (its columns)."""
    if entity == "task":
        task = session.get(Task, record_id)
        return {key: getattr(task, key, None) for key in keys}
    from ..queries.cards import record_values

    return record_values(session, entity, record_id, keys)


def require_values(session: Session, entity: str, record: Any, expected: Mapping[str, Any]) -> None:
    """Refuse when a field of ``record`` no longer holds the value in ``expected``."""
    now = read_values(session, entity, record.id, list(expected))
    for key, value in expected.items():
        if now.get(key) != value:
            raise record_refusal(session, record, key)


def guarded_step(session: Session, entity: str, record_id: int, keys: list[str],
                 expected: Mapping[str, Any] | None, act: Callable[[Session], Changes],
                 name: str = "") -> tuple[Changes, dict[str, Any]]:
    """Run ``act`` on one record only while its ``keys`` hold ``expected`` (None: no
    check, the action's first run); return what changed and the values it left. A refusal
    carries the record as ``found``: someone else changed it, the screens showing it read it again."""
    found = Changes(**{CHANGES_OF[entity]: {record_id}})
    record = session.get(MODELS[entity], record_id)
    if record is None:
        raise ChangedSince("deleted", record=name, found=found)
    if expected is not None:
        try:
            require_values(session, entity, record, expected)
        except ChangedSince as exc:
            exc.found = found
            raise
    changes = act(session)
    session.flush()
    return changes, read_values(session, entity, record_id, keys)


def require_row(session: Session, record: Any, expected: Mapping[str, Any], *, bookkeeping: bool = True) -> None:
    """Refuse when any column of ``record`` differs from ``expected`` (its row as the action left it).
    ``bookkeeping=False``: the caller compares custom values itself, so a version moved
    only by edits that were undone again is no refusal."""
    now = row_dict(record)
    attrs = {attr: key for key, attr in COLUMNS.get(ENTITY_OF.get(type(record), ""), {}).items() if attr}
    for column, value in expected.items():
        if column not in BOOKKEEPING and column in now and now[column] != value:
            raise record_refusal(session, record, attrs.get(column, column))
    if bookkeeping and any(now.get(c) != expected.get(c) for c in BOOKKEEPING if c in expected):
        raise record_refusal(session, record)  # e.g. a custom value changed: the columns are as they were


def snapshot_row(record: Any) -> dict[str, Any]:
    """Every column of ``record`` now: what ``require_row`` compares with later."""
    return row_dict(record)
