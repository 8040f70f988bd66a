"""Settings → Imports: the list of imports, and the revert that removes exactly what one created.

A revert refuses (``RevertRefused``, nothing changed) when someone has worked on what the
import created: events on its deals after the import (moves, wins, owner changes), edits of
its deals, companies, contacts, members or custom values (the fingerprint differs), tasks or
activities on them, deals or contacts made since at its companies, its members used
elsewhere, its lost reasons used by other deals. The check runs inside the revert's own
transaction, against the rows as they are now, so a second writer cannot slip in between.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..orm import (
    Activity,
    Company,
    Contact,
    CustomField,
    CustomFieldValue,
    Deal,
    DealEvent,
    ImportBatch,
    ImportRecord,
    LostReason,
    Plan,
    Setting,
    Task,
    User,
    deal_contacts,
)
from .problems import RevertRefused
from .service import ImportBatchRow
from .writer import FINGERPRINTED, fingerprint

CHUNK = 10_000


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def list_batches(session: Session) -> list[ImportBatchRow]:
    names = dict(session.execute(select(User.id, User.name)).all())
    rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
    return [ImportBatchRow(b.id, b.created_at, names.get(b.user_id), b.preset_name, list(b.files or []),
                           dict(b.counts or {}), b.reverted_at) for b in rows]


def _count(session: Session, model: Any, column: Any, ids: Sequence[int], *where: Any) -> int:
    total = 0
    for chunk in _chunks(ids):
        total += int(session.scalar(select(func.count()).select_from(model).where(column.in_(chunk), *where)) or 0)
    return total


def _edited(session: Session, kind: str, records: dict[int, str]) -> int:
    model, columns = FINGERPRINTED[kind]
    changed = 0
    found = 0
    for chunk in _chunks(sorted(records)):
        for row in session.execute(select(model.id, *[getattr(model, c) for c in columns]).where(model.id.in_(chunk))):
            found += 1
            if fingerprint(list(row[1:])) != records[row[0]]:
                changed += 1
    return changed + (len(records) - found)  # a record deleted since counts as worked on


def _refusals(session: Session, batch: ImportBatch, by_kind: dict[str, dict[int, str]],
              links: set[tuple[int, int]]) -> list[str]:
    reasons: list[str] = []
    deals = sorted(by_kind.get("deal", {}))
    companies = sorted(by_kind.get("company", {}))
    contacts = sorted(by_kind.get("contact", {}))
    users = sorted(by_kind.get("user", {}))
    lost = sorted(by_kind.get("lost_reason", {}))
    fields = sorted(by_kind.get("custom_field", {}))

    def add(n: int, text: str) -> None:
        if n:
            reasons.append(f"{n} {text}")

    first, last = batch.first_event_id or 0, batch.last_event_id or -1
    add(_count(session, DealEvent, DealEvent.deal_id, deals, or_(DealEvent.id < first, DealEvent.id > last)),
        "events on its deals since the import (moves, wins, losses, owner changes)")
    for kind, label in (("deal", "of its deals"), ("company", "of its companies"), ("contact", "of its contacts"),
                        ("user", "of its new members"), ("custom_value", "of its custom field values"),
                        ("lost_reason", "of its lost reasons"), ("custom_field", "of its custom fields")):
        if by_kind.get(kind):
            add(_edited(session, kind, by_kind[kind]), f"{label} edited since")
    add(_count(session, Task, Task.deal_id, deals), "tasks on its deals")
    add(_count(session, Activity, Activity.deal_id, deals), "activities on its deals")
    add(_count(session, Activity, Activity.contact_id, contacts), "activities with its contacts")
    add(_count(session, Deal, Deal.origin_deal_id, deals), "deals copied from its deals (Client Success)")
    mine = set(deals)
    add(_foreign_deals(session, Deal.company_id, companies, mine), "other deals at its companies")
    add(_foreign_contacts(session, companies, set(contacts)), "other contacts at its companies")
    other_links = 0
    for chunk in _chunks(deals):
        for d, c in session.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id)
                                    .where(deal_contacts.c.deal_id.in_(chunk))):
            if (d, c) not in links:
                other_links += 1
    for chunk in _chunks(contacts):
        for d, c in session.execute(select(deal_contacts.c.deal_id, deal_contacts.c.contact_id)
                                    .where(deal_contacts.c.contact_id.in_(chunk))):
            if (d, c) not in links and d not in mine:
                other_links += 1
    add(other_links, "contact links made since")
    if users:
        add(_foreign_deals(session, Deal.owner_id, users, mine), "other deals owned by its new members")
        add(_count(session, DealEvent, DealEvent.user_id, users, or_(DealEvent.id < first, DealEvent.id > last)),
            "events made by its new members since")
        add(_count(session, Task, Task.assignee_id, users), "tasks of its new members")
        add(_count(session, Activity, Activity.user_id, users), "activities of its new members")
        add(_count(session, Plan, Plan.user_id, users), "plans of its new members")
        add(_count(session, Setting, Setting.user_id, users), "settings of its new members")
    if lost:
        add(_foreign_deals(session, Deal.lost_reason_id, lost, mine), "other deals lost for its new lost reasons")
    if fields:
        values = set(by_kind.get("custom_value", {}))
        add(sum(1 for (vid,) in session.execute(select(CustomFieldValue.id).where(CustomFieldValue.field_id.in_(fields)))
                if vid not in values), "other values in its new custom fields")
    return reasons


def _foreign_deals(session: Session, column: Any, ids: Sequence[int], mine: set[int]) -> int:
    n = 0
    for chunk in _chunks(ids):
        n += sum(1 for (did,) in session.execute(select(Deal.id).where(column.in_(chunk))) if did not in mine)
    return n


def _foreign_contacts(session: Session, companies: Sequence[int], mine: set[int]) -> int:
    n = 0
    for chunk in _chunks(companies):
        n += sum(1 for (cid,) in session.execute(select(Contact.id).where(Contact.company_id.in_(chunk)))
                 if cid not in mine)
    return n


def revert_batch(session: Session, batch_id: int, *, user_id: int | None = None) -> Changes:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise errors.NotFound("import", batch_id)
    if batch.reverted_at is not None:
        raise errors.InvalidTransition(f"Import {batch_id} was reverted already.")
    by_kind: dict[str, dict[int, str]] = defaultdict(dict)
    links: set[tuple[int, int]] = set()
    for kind, record_id, other_id, fp in session.execute(
            select(ImportRecord.kind, ImportRecord.record_id, ImportRecord.other_id, ImportRecord.fingerprint)
            .where(ImportRecord.batch_id == batch_id)):
        if kind == "deal_contact":
            links.add((record_id, other_id))
        else:
            by_kind[kind][record_id] = fp
    reasons = _refusals(session, batch, by_kind, links)
    setting_changes = dict(batch.settings_before or {})
    for key, change in setting_changes.items():
        row = session.scalar(select(Setting).where(Setting.key == key, Setting.user_id.is_(None)))
        if row is None or row.value != change["after"]:
            reasons.append(f"the setting {key} was changed since")
    if reasons:
        raise RevertRefused(batch_id, reasons)
    deals = sorted(by_kind.get("deal", {}))
    for chunk in _chunks(deals):
        session.execute(delete(deal_contacts).where(deal_contacts.c.deal_id.in_(chunk)))
        session.execute(delete(DealEvent).where(DealEvent.deal_id.in_(chunk)))
    for chunk in _chunks(sorted(by_kind.get("custom_value", {}))):
        session.execute(delete(CustomFieldValue).where(CustomFieldValue.id.in_(chunk)))
    for kind, model in (("deal", Deal), ("contact", Contact), ("company", Company), ("custom_field", CustomField),
                        ("lost_reason", LostReason), ("user", User)):
        for chunk in _chunks(sorted(by_kind.get(kind, {}))):
            session.execute(delete(model).where(model.id.in_(chunk)), execution_options={"synchronize_session": False})
    for key, change in setting_changes.items():
        row = session.scalar(select(Setting).where(Setting.key == key, Setting.user_id.is_(None)))
        if change["before"] is None:
            session.delete(row)
        else:
            row.value = change["before"]
    session.execute(delete(ImportRecord).where(ImportRecord.batch_id == batch_id))
    batch.reverted_at = local_now()
    session.flush()
    return Changes(deals=set(deals), companies=set(by_kind.get("company", {})),
                   contacts=set(by_kind.get("contact", {})), users=bool(by_kind.get("user")),
                   funnel=bool(by_kind.get("lost_reason")), fields=bool(by_kind.get("custom_field")),
                   settings=bool(setting_changes))

