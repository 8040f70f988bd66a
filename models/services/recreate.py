"""Undo and redo of creating records: the undo deletes exactly what was created, the redo
puts back the very same rows — the same ids — so later undo steps that hold those ids
keep working, and nothing ever lands on a record someone else made.

``capture_created`` takes the rows of what an action created (deals with their events,
companies, contacts, tasks, activities; custom values; the people on a deal) in the
action's own transaction. ``discard_created`` deletes them only while they are still
as captured and nobody has hung work on them (another event, a task, an activity, a
deal or a person linked); otherwise it refuses with ``ChangedSince`` naming who and
when. ``restore_created`` re-inserts the captured rows with their ids; an id someone
else's record has taken since refuses the redo (``taken``) instead of renaming theirs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import ChangedSince
from ..orm import Activity, Company, Contact, CustomField, CustomFieldValue, Deal, DealEvent, Task, deal_contacts
from .record_fields import custom_texts, delete_custom_values, row_dict
from .undo_guard import event_refusal, record_name, record_refusal, require_row, user_name

MODELS: dict[str, type] = {"company": Company, "contact": Contact, "deal": Deal, "event": DealEvent,
                           "task": Task, "activity": Activity}
ORDER = ("company", "contact", "deal", "event", "task", "activity")  # parents first
WITH_CUSTOM = ("company", "contact", "deal")


@dataclass
class CreatedRecords:
    """The rows an action created, as it left them: kind → id → column values."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    custom: dict[str, dict[int, dict[int, str]]] = field(default_factory=dict)
    links: set[tuple[int, int]] = field(default_factory=set)  # (deal id, contact id)

    def ids(self, kind: str) -> set[int]:
        return set(self.rows.get(kind, {}))

    def name(self, kind: str, record_id: int) -> str:
        row = self.rows[kind][record_id]
        if kind == "event":
            return self.name("deal", row["deal_id"]) if row["deal_id"] in self.ids("deal") else ""
        return str(row.get("name") or row.get("full_name") or row.get("title") or row.get("text") or "")

    def changes(self) -> Changes:
        main = next((k for k in ("deal", "company", "contact", "task", "activity") if self.rows.get(k)), None)
        return Changes(deals=self.ids("deal"), companies=self.ids("company"), contacts=self.ids("contact"),
                       tasks=self.ids("task"), activities=self.ids("activity"),
                       created=sorted(self.ids(main)) if main else [], event_ids=sorted(self.ids("event")))


def capture_created(session: Session, *, companies: Iterable[int] = (), contacts: Iterable[int] = (),
                    deals: Iterable[int] = (), tasks: Iterable[int] = (),
                    activities: Iterable[int] = ()) -> CreatedRecords:
    """The rows of records just created (a deal's events come with it)."""
    session.flush()
    ids = {"company": set(companies), "contact": set(contacts), "deal": set(deals), "task": set(tasks),
           "activity": set(activities)}
    ids["event"] = set(session.scalars(select(DealEvent.id).where(DealEvent.deal_id.in_(ids["deal"])))) \
        if ids["deal"] else set()
    made = CreatedRecords()
    for kind in ORDER:
        rows = {}
        for record_id in ids[kind]:
            record = session.get(MODELS[kind], record_id)
            if record is not None:
                rows[record_id] = row_dict(record)
        made.rows[kind] = rows
        if kind in WITH_CUSTOM:
            made.custom[kind] = {i: custom_texts(session, kind, i) for i in rows}
    if ids["deal"] or ids["contact"]:
        made.links = {(d, c) for d, c in session.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id)
                                                         .where(or_(deal_contacts.c.deal_id.in_(ids["deal"]),
                                                                    deal_contacts.c.contact_id.in_(ids["contact"]))))}
    return made


def _require_as_created(session: Session, made: CreatedRecords) -> dict[str, dict[int, Any]]:
    """Every created record still there and as created; returns them loaded."""
    loaded: dict[str, dict[int, Any]] = {}
    for kind in ORDER:
        loaded[kind] = {}
        for record_id, row in made.rows.get(kind, {}).items():
            record = session.get(MODELS[kind], record_id)
            if record is None:
                raise ChangedSince("deleted", record=made.name(kind, record_id))
            if kind != "event":
                require_row(session, record, row, bookkeeping=False)  # custom values compared below
            if kind in WITH_CUSTOM and custom_texts(session, kind, record_id) != made.custom[kind][record_id]:
                raise record_refusal(session, record)
            loaded[kind][record_id] = record
    return loaded


def _require_no_work_since(session: Session, made: CreatedRecords, loaded: dict[str, dict[int, Any]]) -> None:
    """Nobody has hung work on the created records: no other event, task, activity, link,
    deal or person."""
    deals, contacts, companies = made.ids("deal"), made.ids("contact"), made.ids("company")
    if deals:
        later = session.scalar(select(DealEvent).where(DealEvent.deal_id.in_(deals),
                                                       DealEvent.id.not_in(made.ids("event"))).order_by(DealEvent.id))
        if later is not None:
            raise event_refusal(session, loaded["deal"][later.deal_id], later)
        task = session.scalar(select(Task).where(Task.deal_id.in_(deals), Task.id.not_in(made.ids("task"))))
        if task is not None:
            raise ChangedSince("task", record=record_name(loaded["deal"][task.deal_id]),
                               who=user_name(session, getattr(task, "updated_by_id", None)), at=task.created_at)
    act = session.scalar(select(Activity).where(or_(Activity.deal_id.in_(deals), Activity.contact_id.in_(contacts)),
                                                Activity.id.not_in(made.ids("activity")))) if deals or contacts else None
    if act is not None:
        owner = loaded["deal"].get(act.deal_id) or loaded["contact"].get(act.contact_id)
        raise ChangedSince("activity", record=record_name(owner), who=user_name(session, act.user_id), at=act.at)
    links = {(d, c) for d, c in session.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id).where(
        or_(deal_contacts.c.deal_id.in_(deals), deal_contacts.c.contact_id.in_(contacts))))} if deals or contacts \
        else set()
    if links - made.links:
        deal_id, contact_id = sorted(links - made.links)[0]
        owner = loaded["deal"].get(deal_id) or loaded["contact"].get(contact_id)
        raise ChangedSince("linked", record=record_name(owner))
    for model, column, skip in ((Deal, Deal.company_id, deals), (Contact, Contact.company_id, contacts)):
        other = session.scalar(select(model).where(column.in_(companies), model.id.not_in(skip))) \
            if companies else None
        if other is not None:
            raise ChangedSince("linked", record=record_name(loaded["company"][other.company_id]),
                               who=user_name(session, getattr(other, "updated_by_id", None)),
                               at=getattr(other, "updated_at", None) or other.created_at)


def discard_created(session: Session, made: CreatedRecords) -> Changes:
    """The undo of a creation: delete what ``made`` lists, only while it is as it was created."""
    loaded = _require_as_created(session, made)
    _require_no_work_since(session, made, loaded)
    if made.links:
        for deal_id, contact_id in made.links:
            session.execute(delete(deal_contacts).where(deal_contacts.c.deal_id == deal_id,
                                                        deal_contacts.c.contact_id == contact_id))
    for kind in reversed(ORDER):
        for record_id, record in loaded[kind].items():
            if kind in WITH_CUSTOM:
                delete_custom_values(session, kind, record_id)
            session.delete(record)
        session.flush()
    return made.changes()


def _taken(session: Session, made: CreatedRecords, kind: str, record_id: int, other: Any) -> ChangedSince:
    who = getattr(other, "updated_by_id", None) or getattr(other, "user_id", None)
    at = getattr(other, "updated_at", None) or getattr(other, "created_at", None) or getattr(other, "at", None)
    return ChangedSince("taken", record=made.name(kind, record_id), who=user_name(session, who), at=at)


def restore_created(session: Session, made: CreatedRecords) -> tuple[Changes, CreatedRecords]:
    """The redo of a creation: the same rows under the same ids. Refused when an id has been
    taken by another record since. Returns what changed and the rows as restored."""
    for kind in ORDER:
        for record_id in made.rows.get(kind, {}):
            other = session.get(MODELS[kind], record_id)
            if other is not None:
                raise _taken(session, made, kind, record_id, other)
    for kind in ORDER:
        for row in made.rows.get(kind, {}).values():
            session.add(MODELS[kind](**row))
        session.flush()
    from ..sequences import advance_sequences

    advance_sequences(session, [MODELS[kind] for kind in ORDER if made.rows.get(kind)])  # explicit ids (PostgreSQL)
    fields = set(session.scalars(select(CustomField.id)))
    for kind in WITH_CUSTOM:
        for record_id, texts in made.custom.get(kind, {}).items():
            for field_id, text in texts.items():
                if field_id in fields:  # a custom field removed meanwhile has no place for its value
                    session.add(CustomFieldValue(field_id=field_id, record_id=record_id, value=text))
    contacts = set(session.scalars(select(Contact.id).where(Contact.id.in_({c for _d, c in made.links}))))
    deals = set(session.scalars(select(Deal.id).where(Deal.id.in_({d for d, _c in made.links}))))
    for deal_id, contact_id in sorted(made.links):
        if deal_id in deals and contact_id in contacts:
            session.execute(insert(deal_contacts).values(deal_id=deal_id, contact_id=contact_id))
    again = capture_created(session, **{plural: made.ids(kind) for kind, plural in (
        ("company", "companies"), ("contact", "contacts"), ("deal", "deals"), ("task", "tasks"),
        ("activity", "activities"))})
    return made.changes(), again
