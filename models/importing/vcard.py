"""Contacts in and out as vCard (vobject): import through the same duplicate check, export a contact
or a list.

Import: each card's name (FN, else N), organisation (first part of ORG; a department after
``;`` is dropped), title, phones and e-mails. A card is the same person as a contact in the
database when they share an e-mail (any letter case), or a phone and a similar name
(rapidfuzz token-set ratio ≥ 85, so "Козлов Леонид" is "Леонид Козлов"); a shared phone
with a different name (an office line) is listed and the card becomes a new contact.
What happens to the same person is ``found``: ``merge`` (keep the contact in the database
as it is, import nothing for it), ``keep_both`` or ``skip``. NOTE has no field on a contact
and is not imported. Every import is an import batch, revertible like a file import.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..fields.errors import FieldInvalid
from ..orm import Company, Contact, ImportBatch, ImportRecord
from . import problems as pk
from .problems import Problem
from .service import ImportResult

SAME_NAME_SCORE = 85


@dataclass
class VCardContact:
    index: int  # 1-based card number in the file
    name: str
    company: str | None = None
    position: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # E.164
    work_phone: str | None = None
    cell_phone: str | None = None


@dataclass
class ContactMatch:
    card: VCardContact
    existing_id: int | None = None
    existing_name: str | None = None
    by: str | None = None  # "email" or "phone"
    same_person: bool = False
    duplicate_of: int | None = None  # an earlier card of the same file (same e-mail)


@dataclass
class VCardPlan:
    """What a vCard import would do: ``counts`` has ``cards``, ``new``, ``same_person``,
    ``shared_phone`` (same phone, another person), ``in_file_duplicates``."""

    matches: list[ContactMatch]
    problems: list[Problem]
    counts: dict[str, int]


def _text(source: str | Path | bytes) -> tuple[str, str]:
    if isinstance(source, bytes):
        return source.decode("utf-8-sig"), "contacts.vcf"
    path = Path(source)
    if "\n" not in str(source) and path.is_file():
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig"), path.name
        except UnicodeDecodeError:
            return data.decode("cp1251"), path.name
    return str(source), "contacts.vcf"


def read_vcards(source: str | Path | bytes) -> tuple[list[VCardContact], list[Problem]]:
    """The cards of a vCard file (path, bytes or text) and the problems of the ones that cannot be read."""
    import vobject

    from .build import _email, _phone

    text, name = _text(source)
    cards: list[VCardContact] = []
    problems: list[Problem] = []
    try:
        components = list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as exc:  # vobject raises ParseError and friends
        return [], [Problem(pk.UNREADABLE_FILE, f"not a vCard file ({exc})", file=name)]
    for i, comp in enumerate(components, start=1):
        if comp.name != "VCARD":
            continue
        full = comp.fn.value.strip() if hasattr(comp, "fn") else ""
        if not full and hasattr(comp, "n"):
            n = comp.n.value
            full = " ".join(p for p in (n.given, n.additional, n.family) if isinstance(p, str) and p).strip()
        card = VCardContact(i, full)
        if hasattr(comp, "org"):
            org = comp.org.value
            card.company = (org[0] if isinstance(org, list) and org else str(org or "")).strip() or None
        if hasattr(comp, "title"):
            card.position = comp.title.value.strip() or None
        for line in comp.contents.get("email", []):
            try:
                e = _email(line.value)
            except FieldInvalid:
                problems.append(Problem(pk.BAD_EMAIL, "not an e-mail", file=name, row=i, column="EMAIL",
                                        value=line.value, severity=pk.WARNING, fix="left out"))
                continue
            if e not in card.emails:
                card.emails.append(e)
        for line in comp.contents.get("tel", []):
            try:
                p = _phone(line.value.lower().split("доб")[0].split("ext")[0].strip())
            except FieldInvalid:
                problems.append(Problem(pk.BAD_PHONE, "not a phone", file=name, row=i, column="TEL",
                                        value=line.value, severity=pk.WARNING, fix="left out"))
                continue
            kinds = {t.upper() for t in line.params.get("TYPE", [])}
            if "CELL" in kinds and card.cell_phone is None:
                card.cell_phone = p
            elif card.work_phone is None:
                card.work_phone = p
            if p not in card.phones:
                card.phones.append(p)
        if not card.name:
            card.name = card.emails[0] if card.emails else card.phones[0] if card.phones else ""
        if not card.name:
            problems.append(Problem(pk.OTHER, "a card without a name, e-mail or phone", file=name, row=i,
                                    severity=pk.WARNING, fix="left out"))
            continue
        cards.append(card)
    return cards, problems


def _same_name(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    norm = lambda s: s.lower().replace("ё", "е")  # noqa: E731
    return fuzz.token_set_ratio(norm(a), norm(b)) >= SAME_NAME_SCORE


def plan_vcards(session: Session, source: str | Path | bytes) -> VCardPlan:
    """Read the cards and find each one in the database and earlier in the file (nothing is written)."""
    cards, problems = read_vcards(source)
    by_email: dict[str, tuple[int, str]] = {}
    by_phone: dict[str, list[tuple[int, str]]] = {}
    for cid, name, e1, e2, p1, p2 in session.execute(select(
            Contact.id, Contact.full_name, Contact.email_work, Contact.email_personal, Contact.phone_work,
            Contact.phone_personal)):
        for e in (e1, e2):
            if e:
                by_email.setdefault(e.lower(), (cid, name))
        for p in (p1, p2):
            if p:
                by_phone.setdefault(p, []).append((cid, name))
    matches: list[ContactMatch] = []
    seen_email: dict[str, int] = {}
    counts = {"cards": len(cards), "new": 0, "same_person": 0, "shared_phone": 0, "in_file_duplicates": 0}
    for card in cards:
        m = ContactMatch(card)
        for e in card.emails:
            if e in by_email:
                m.existing_id, m.existing_name = by_email[e]
                m.by, m.same_person = "email", True
                break
        if m.existing_id is None:
            for p in card.phones:
                for cid, name in by_phone.get(p, []):
                    if _same_name(card.name, name):
                        m.existing_id, m.existing_name, m.by, m.same_person = cid, name, "phone", True
                        break
                    if m.existing_id is None:
                        m.existing_id, m.existing_name, m.by = cid, name, "phone"
                if m.same_person:
                    break
        earlier = next((seen_email[e] for e in card.emails if e in seen_email), None)
        if earlier is not None:
            m.duplicate_of = earlier
            counts["in_file_duplicates"] += 1
        for e in card.emails:
            seen_email.setdefault(e, card.index)
        if m.same_person:
            counts["same_person"] += 1
        elif m.existing_id is not None:
            counts["shared_phone"] += 1
            problems.append(Problem(pk.OTHER, f"shares a phone with {m.existing_name!r}, another person",
                                    row=card.index, value=card.name, severity=pk.WARNING,
                                    fix="imported as a new contact"))
            counts["new"] += 1
        elif m.duplicate_of is None:
            counts["new"] += 1
        matches.append(m)
    return VCardPlan(matches, problems, counts)


def import_vcards(session: Session, source: str | Path | bytes, *, found: str = "merge",
                  user_id: int | None = None) -> ImportResult:
    """Import the cards in the caller's transaction as one import batch (``batch_id`` 0 when nothing
    was new). ``found``: what to do with a card that is a contact already (see the module doc)."""
    from ..bulk import next_id
    from .build import _norm_company
    from .writer import COMPANY_FP, CONTACT_FP, fast_insert, fingerprint

    plan = plan_vcards(session, source)
    conn = session.connection()
    companies = {_norm_company(n): cid for cid, n in session.execute(select(Company.id, Company.name)) if n}
    first_company = next_id(conn, Company.id)
    first_contact = next_id(conn, Contact.id)
    company_rows: list[dict] = []
    contact_rows: list[dict] = []
    now = local_now()
    for m in plan.matches:
        card = m.card
        if m.duplicate_of is not None or (m.same_person and found != "keep_both"):
            continue
        company_id = None
        if card.company:
            key = _norm_company(card.company)
            company_id = companies.get(key)
            if company_id is None:
                company_id = first_company + len(company_rows)
                company_rows.append({"id": company_id, "name": card.company[:300], "inn": None, "website": None,
                                     "segment": None, "source": None, "created_at": now})
                companies[key] = company_id
        emails = card.emails + [None, None]
        phones = [card.work_phone or card.cell_phone, card.cell_phone if card.work_phone else None]
        contact_rows.append({"id": first_contact + len(contact_rows), "full_name": card.name[:300],
                             "company_id": company_id, "position": card.position and card.position[:200],
                             "email_work": emails[0], "email_personal": emails[1], "phone_work": phones[0],
                             "phone_personal": phones[1], "created_at": now})
    fast_insert(conn, Company, company_rows)
    fast_insert(conn, Contact, contact_rows)
    counts = {"contacts": len(contact_rows), "companies": len(company_rows),
              "contacts_found": plan.counts["same_person"]}
    result = ImportResult(counts=counts)
    if not contact_rows:
        return result
    _, file_name = _text(source)
    batch = ImportBatch(created_at=now, user_id=user_id, preset_name="vCard", source="vcard", pipeline_key="",
                        files=[file_name], counts=counts, settings_before={})
    session.add(batch)
    session.flush()
    records = [{"kind": "company", "record_id": r["id"], "other_id": None, "source_id": None,
                "fingerprint": fingerprint([r.get(c) for c in COMPANY_FP])} for r in company_rows]
    records += [{"kind": "contact", "record_id": r["id"], "other_id": None, "source_id": None,
                 "fingerprint": fingerprint([r.get(c) for c in CONTACT_FP])} for r in contact_rows]
    first = next_id(conn, ImportRecord.id)
    for i, r in enumerate(records):
        r["id"], r["batch_id"] = first + i, batch.id
    fast_insert(conn, ImportRecord, records)
    result.batch_id = batch.id
    result.contacts = {r["id"] for r in contact_rows}
    result.companies = {r["id"] for r in company_rows}
    result.created = [batch.id]
    return result


def all_contact_ids(session: Session) -> list[int]:
    """Every contact, by name: what File → Export contacts writes."""
    return list(session.scalars(select(Contact.id).order_by(Contact.full_name, Contact.id)))


def export_vcards(session: Session, contact_ids: list[int]) -> str:
    """vCard 3.0 text of the contacts (in the order given): name, organisation, title, phones,
    e-mails, birthday. Lines are folded and values escaped by vobject."""
    import vobject

    from ..fields.phone import display_phone

    rows = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(contact_ids)))}
    names = dict(session.execute(select(Company.id, Company.name).where(
        Company.id.in_({c.company_id for c in rows.values() if c.company_id}))).all())
    out: list[str] = []
    for cid in contact_ids:
        c = rows.get(cid)
        if c is None:
            continue
        card = vobject.vCard()
        card.add("fn").value = c.full_name
        parts = c.full_name.split()
        family, given = (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (c.full_name, "")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if c.company_id in names:
            card.add("org").value = [names[c.company_id]]
        if c.position:
            card.add("title").value = c.position
        for phone, kind in ((c.phone_work, "WORK"), (c.phone_personal, "CELL")):
            if phone:
                tel = card.add("tel")
                tel.value = display_phone(phone)
                tel.type_param = kind
        for email, kind in ((c.email_work, "WORK"), (c.email_personal, "HOME")):
            if email:
                line = card.add("email")
                line.value = email
                line.type_param = ["INTERNET", kind]
        if c.birthday:
            card.add("bday").value = c.birthday.isoformat()
        out.append(card.serialize())
    return "".join(out)
