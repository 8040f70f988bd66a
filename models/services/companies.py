"""Company services: create, edit, delete an empty one, find duplicates, merge.

Values are keyed like the card's fields (``name``, ``website``, ``inn``, ``revenue``,
``custom:<key>`` …) and normalised by ``models.fields``; a save with any refused
field writes nothing (``FieldsInvalid`` names each one).

Deal names follow the convention ``{website} - {company}``: when a company's name or
website changes, its deals whose name was not typed by hand are renamed with it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..guards import bumped, locked
from ..orm import Company, Contact, Deal
from .deals import suggest_deal_name
from .edit_conflicts import check_not_stale
from .lookup import get_or_raise
from .merging import MergeSnapshot, fill_from, note_kept, require_unmerged_since, restore_records
from .undo_guard import record_refusal
from .record_fields import apply_values, check_values, delete_custom_values


@dataclass(frozen=True)
class Duplicate:
    """An existing record that looks like the one being saved."""

    id: int
    name: str
    matched_on: str  # the field key that matched ("website", "inn", "email", "phone")
    value: str


def sync_deal_names(session: Session, company: Company) -> set[int]:
    """Rename the company's deals that follow the naming convention; return their ids."""
    name = suggest_deal_name(company)
    if not name:
        return set()
    ids = set(session.scalars(select(Deal.id).where(
        Deal.company_id == company.id, Deal.name_is_manual.is_(False), Deal.name != name)))
    if ids:
        session.execute(update(Deal).where(Deal.id.in_(ids)).values(name=name, **bumped(session, Deal)))
    return ids


def create_company(session: Session, values: Mapping[str, Any]) -> Changes:
    """Create a company from card values (``name`` is required)."""
    clean = check_values(session, "company", {"name": values.get("name"), **values})
    company = Company(name=clean["name"], created_at=local_now())
    session.add(company)
    session.flush()
    apply_values(session, "company", company, clean)
    session.flush()
    return Changes(companies={company.id}, created=[company.id])


def update_company(session: Session, company_id: int, values: Mapping[str, Any], *,
                   seen_version: int | None = None, original: Mapping[str, Any] | None = None) -> Changes:
    """Edit a company's fields; its convention-named deals follow a new name or website.
    A save on a stale ``seen_version`` that clashes with another's edit is refused
    (``EditConflict``, see ``edit_conflicts``)."""
    company = locked(session, Company, company_id, "company")
    clean = check_values(session, "company", values)
    check_not_stale(session, "company", company, clean, seen_version, original)
    apply_values(session, "company", company, clean)
    session.flush()
    changes = Changes(companies={company.id})
    if "name" in clean or "website" in clean:
        changes.deals |= sync_deal_names(session, company)
    return changes


def delete_company(session: Session, company_id: int) -> Changes:
    """Delete a company that has no deals and no contacts (the undo of creating it)."""
    company = get_or_raise(session, Company, company_id, "company")
    used = session.scalar(select(func.count()).select_from(Deal).where(Deal.company_id == company_id))
    used = used or session.scalar(select(func.count()).select_from(Contact).where(Contact.company_id == company_id))
    if used:
        raise errors.InvalidTransition("The company has deals or contacts; merge it instead of deleting.")
    delete_custom_values(session, "company", company_id)
    session.delete(company)
    return Changes(companies={company_id})


def find_company_duplicates(session: Session, *, website: str | None = None, inn: str | None = None,
                            exclude_id: int | None = None) -> list[Duplicate]:
    """Companies with the same normalised website or INN (pass normalised values)."""
    conds = []
    if website:
        conds.append(Company.website == website)
    if inn:
        conds.append(Company.inn == inn)
    if not conds:
        return []
    q = select(Company).where(or_(*conds)).order_by(Company.id)
    if exclude_id is not None:
        q = q.where(Company.id != exclude_id)
    out = []
    for c in session.scalars(q):
        if inn and c.inn == inn:
            out.append(Duplicate(c.id, c.name, "inn", inn))
        else:
            out.append(Duplicate(c.id, c.name, "website", c.website or ""))
    return out


def merge_companies(session: Session, keep_id: int, drop_id: int) -> Changes:
    """Merge ``drop_id`` into ``keep_id``: every deal and contact moves over, nothing is lost."""
    return run_merge_companies(session, keep_id, drop_id)[0]


def merge_companies_snapshot(session: Session, keep_id: int, drop_id: int) -> MergeSnapshot:
    """``merge_companies``, returning what is needed to undo it."""
    if keep_id == drop_id:
        raise errors.InvalidTransition("A company cannot be merged with itself.")
    keep = get_or_raise(session, Company, keep_id, "company")
    drop = get_or_raise(session, Company, drop_id, "company")
    snap = fill_from(session, "company", keep, drop)
    snap.moved["deals"] = list(session.scalars(select(Deal.id).where(Deal.company_id == drop_id)))
    snap.moved["contacts"] = list(session.scalars(select(Contact.id).where(Contact.company_id == drop_id)))
    snap.moved["deal_names"] = [list(r) for r in session.execute(
        select(Deal.id, Deal.name).where(Deal.company_id.in_([keep_id, drop_id])))]
    session.execute(update(Deal).where(Deal.company_id == drop_id).values(
        company_id=keep_id, **bumped(session, Deal)))
    session.execute(update(Contact).where(Contact.company_id == drop_id).values(
        company_id=keep_id, **bumped(session, Contact)))
    session.delete(drop)
    session.flush()
    sync_deal_names(session, keep)
    session.flush()
    note_kept(session, snap, keep)
    snap.after["deals"] = {i: [c, n] for i, c, n in session.execute(
        select(Deal.id, Deal.company_id, Deal.name).where(Deal.id.in_([d for d, _n in snap.moved["deal_names"]])))}
    snap.after["contacts"] = {i: c for i, c in session.execute(
        select(Contact.id, Contact.company_id).where(Contact.id.in_(snap.moved["contacts"])))}
    return snap


def run_merge_companies(session: Session, keep_id: int, drop_id: int) -> tuple[Changes, MergeSnapshot]:
    """Merge and return both what changed and the undo snapshot (one transaction)."""
    snap = merge_companies_snapshot(session, keep_id, drop_id)
    deals = {d for d, _n in snap.moved["deal_names"]}
    return Changes(companies={keep_id, drop_id}, deals=deals, contacts=set(snap.moved["contacts"])), snap


def undo_merge_companies(session: Session, snap: MergeSnapshot) -> Changes:
    """Split a merge again: the dropped company comes back with its deals, contacts and values.
    Refused when any of it has been changed since the merge."""
    require_unmerged_since(session, snap, Company)
    for deal_id, (company_id, name) in snap.after.get("deals", {}).items():
        deal = session.get(Deal, deal_id)
        if deal is not None and (deal.company_id, deal.name) != (company_id, name):
            raise record_refusal(session, deal, "company" if deal.company_id != company_id else "name")
    for contact_id, company_id in snap.after.get("contacts", {}).items():
        contact = session.get(Contact, contact_id)
        if contact is not None and contact.company_id != company_id:
            raise record_refusal(session, contact, "company")
    restore_records(session, snap, Company)
    drop_id = snap.drop_row["id"]
    if snap.moved["deals"]:
        session.execute(update(Deal).where(Deal.id.in_(snap.moved["deals"])).values(
            company_id=drop_id, **bumped(session, Deal)))
    if snap.moved["contacts"]:
        session.execute(update(Contact).where(Contact.id.in_(snap.moved["contacts"])).values(
            company_id=drop_id, **bumped(session, Contact)))
    for deal_id, name in snap.moved["deal_names"]:
        session.execute(update(Deal).where(Deal.id == deal_id).values(name=name, **bumped(session, Deal)))
    session.flush()
    return Changes(companies={snap.keep_id, drop_id}, deals={d for d, _n in snap.moved["deal_names"]},
                   contacts=set(snap.moved["contacts"]))
