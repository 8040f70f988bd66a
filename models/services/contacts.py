"""Contact services: create, edit, delete an unused one, find duplicates, merge, and the
people on a deal.

Values are keyed like the card's fields (``full_name``, ``email_work``, ``phone_work`` …,
``custom:<key>``) and normalised by ``models.fields`` (e-mail lower case, phones E.164);
a save with any refused field writes nothing.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from .. import errors
from ..errors import ChangedSince
from ..changes import Changes
from ..clock import local_now
from ..orm import Activity, Contact, Deal, deal_contacts
from .companies import Duplicate
from ..guards import locked, touch
from .edit_conflicts import check_not_stale
from .lookup import get_or_raise
from .merging import MergeSnapshot, fill_from, note_kept, require_unmerged_since, restore_records
from .undo_guard import user_name
from .record_fields import apply_values, check_values, delete_custom_values

EMAILS = ("email_work", "email_personal")
PHONES = ("phone_work", "phone_personal")


def create_contact(session: Session, values: Mapping[str, Any]) -> Changes:
    """Create a contact from card values (``full_name`` is required)."""
    clean = check_values(session, "contact", {"full_name": values.get("full_name"), **values})
    if clean.get("company"):
        from ..orm import Company

        get_or_raise(session, Company, clean["company"], "company")
    contact = Contact(full_name=clean["full_name"], created_at=local_now())
    session.add(contact)
    session.flush()
    apply_values(session, "contact", contact, clean)
    session.flush()
    return Changes(contacts={contact.id}, companies={contact.company_id} if contact.company_id else set(),
                   created=[contact.id])


def update_contact(session: Session, contact_id: int, values: Mapping[str, Any], *,
                   seen_version: int | None = None, original: Mapping[str, Any] | None = None) -> Changes:
    """Edit a contact's fields; a save on a stale ``seen_version`` that clashes with
    another's edit is refused (``EditConflict``)."""
    contact = locked(session, Contact, contact_id, "contact")
    before = contact.company_id
    clean = check_values(session, "contact", values)
    check_not_stale(session, "contact", contact, clean, seen_version, original)
    apply_values(session, "contact", contact, clean)
    session.flush()
    return Changes(contacts={contact.id}, companies={c for c in (before, contact.company_id) if c})


def delete_contact(session: Session, contact_id: int) -> Changes:
    """Delete a contact with no activities (the undo of creating it); deal links go with it."""
    contact = get_or_raise(session, Contact, contact_id, "contact")
    if session.scalar(select(func.count()).select_from(Activity).where(Activity.contact_id == contact_id)):
        raise errors.InvalidTransition("The contact has activities; merge it instead of deleting.")
    session.execute(delete(deal_contacts).where(deal_contacts.c.contact_id == contact_id))
    delete_custom_values(session, "contact", contact_id)
    session.delete(contact)
    return Changes(contacts={contact_id})


def find_contact_duplicates(session: Session, *, emails: Iterable[str] = (), phones: Iterable[str] = (),
                            exclude_id: int | None = None) -> list[Duplicate]:
    """Contacts sharing any of the (normalised) e-mails or phones, work or personal."""
    emails, phones = [e for e in emails if e], [p for p in phones if p]
    conds = [getattr(Contact, c).in_(emails) for c in EMAILS if emails]
    conds += [getattr(Contact, c).in_(phones) for c in PHONES if phones]
    if not conds:
        return []
    q = select(Contact).where(or_(*conds)).order_by(Contact.id)
    if exclude_id is not None:
        q = q.where(Contact.id != exclude_id)
    out = []
    for c in session.scalars(q):
        email = next((getattr(c, a) for a in EMAILS if getattr(c, a) in emails), None)
        phone = next((getattr(c, a) for a in PHONES if getattr(c, a) in phones), None)
        out.append(Duplicate(c.id, c.full_name, "email" if email else "phone", email or phone or ""))
    return out


def set_deal_contacts(session: Session, deal_id: int, contact_ids: Iterable[int]) -> Changes:
    """Make ``contact_ids`` exactly the people on a deal (a change bumps the deal's version)."""
    deal = get_or_raise(session, Deal, deal_id, "deal")
    wanted = set(contact_ids)
    for cid in wanted:
        get_or_raise(session, Contact, cid, "contact")
    current = set(session.scalars(select(deal_contacts.c.contact_id).where(deal_contacts.c.deal_id == deal_id)))
    if current - wanted:
        session.execute(delete(deal_contacts).where(deal_contacts.c.deal_id == deal_id,
                                                    deal_contacts.c.contact_id.in_(current - wanted)))
    for cid in sorted(wanted - current):
        session.execute(insert(deal_contacts).values(deal_id=deal_id, contact_id=cid))
    if current != wanted:
        touch(deal)
    return Changes(deals={deal_id}, contacts=current ^ wanted)


def run_merge_contacts(session: Session, keep_id: int, drop_id: int) -> tuple[Changes, MergeSnapshot]:
    """Merge ``drop_id`` into ``keep_id``; every deal link and activity moves over."""
    if keep_id == drop_id:
        raise errors.InvalidTransition("A contact cannot be merged with itself.")
    keep = get_or_raise(session, Contact, keep_id, "contact")
    drop = get_or_raise(session, Contact, drop_id, "contact")
    snap = fill_from(session, "contact", keep, drop)
    kept_deals = set(session.scalars(select(deal_contacts.c.deal_id).where(deal_contacts.c.contact_id == keep_id)))
    drop_deals = list(session.scalars(select(deal_contacts.c.deal_id).where(deal_contacts.c.contact_id == drop_id)))
    snap.moved["drop_deals"] = drop_deals
    snap.moved["added_links"] = [d for d in drop_deals if d not in kept_deals]
    snap.moved["activities"] = list(session.scalars(select(Activity.id).where(Activity.contact_id == drop_id)))
    session.execute(delete(deal_contacts).where(deal_contacts.c.contact_id == drop_id))
    for deal_id in snap.moved["added_links"]:
        session.execute(insert(deal_contacts).values(deal_id=deal_id, contact_id=keep_id))
    session.execute(update(Activity).where(Activity.contact_id == drop_id).values(contact_id=keep_id))
    session.delete(drop)
    session.flush()
    note_kept(session, snap, keep)
    snap.after["links"] = sorted(session.scalars(select(deal_contacts.c.deal_id).where(
        deal_contacts.c.contact_id == keep_id)))
    changes = Changes(contacts={keep_id, drop_id}, deals=set(drop_deals),
                      activities=set(snap.moved["activities"]),
                      companies={c for c in (keep.company_id, snap.drop_row["company_id"]) if c})
    return changes, snap


def merge_contacts(session: Session, keep_id: int, drop_id: int) -> Changes:
    return run_merge_contacts(session, keep_id, drop_id)[0]


def undo_merge_contacts(session: Session, snap: MergeSnapshot) -> Changes:
    """Split a contact merge again: links and activities go back to the recreated contact.
    Refused when any of it has been changed since the merge."""
    keep = require_unmerged_since(session, snap, Contact)
    if "links" in snap.after and sorted(session.scalars(select(deal_contacts.c.deal_id).where(
            deal_contacts.c.contact_id == snap.keep_id))) != snap.after["links"]:
        raise ChangedSince("linked", record=keep.full_name)
    moved = session.execute(select(Activity.user_id, Activity.at).where(
        Activity.id.in_(snap.moved["activities"]), Activity.contact_id != snap.keep_id)).first()
    if moved is not None:
        raise ChangedSince("activity", record=keep.full_name, who=user_name(session, moved.user_id), at=moved.at)
    restore_records(session, snap, Contact)
    drop_id = snap.drop_row["id"]
    if snap.moved["added_links"]:
        session.execute(delete(deal_contacts).where(deal_contacts.c.contact_id == snap.keep_id,
                                                    deal_contacts.c.deal_id.in_(snap.moved["added_links"])))
    for deal_id in snap.moved["drop_deals"]:
        session.execute(insert(deal_contacts).values(deal_id=deal_id, contact_id=drop_id))
    if snap.moved["activities"]:
        session.execute(update(Activity).where(Activity.id.in_(snap.moved["activities"])).values(contact_id=drop_id))
    session.flush()
    return Changes(contacts={snap.keep_id, drop_id}, deals=set(snap.moved["drop_deals"]),
                   activities=set(snap.moved["activities"]))
