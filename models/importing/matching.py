"""Companies and contacts of an import found again: in the database (by INN, website domain, e-mail,
phone, then exact name) and within the files (rows naming one company are one company).

What happens to one found in the database is the preset's choice (``companies``/``contacts``):
``merge`` links the deals to the record found (which is left unchanged), ``keep_both`` creates a
new one anyway, ``skip`` leaves those deals without it. Names that are merely similar
(rapidfuzz ≥ 90, e.g. «Альтаир Комплект» and «Альтаир-Комплект») are listed, never merged.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from ..orm import Company, Contact

if TYPE_CHECKING:
    from .build import Plan

SIMILAR_SCORE = 90
SIMILAR_BLOCK_MAX = 400  # names compared per block (same first three letters)


def _norm(name: str) -> str:
    from .build import _norm_company

    return _norm_company(name)


def match_existing(conn: Connection, plan: "Plan") -> None:
    """Set ``existing_id`` on the plan's companies/contacts found in the database and count
    ``new``/``found``/``same_in_file`` per kind into ``plan.duplicates``; list similar names."""
    by_inn: dict[str, int] = {}
    by_site: dict[str, int] = {}
    by_name: dict[str, int] = {}
    names: dict[int, str] = {}
    for cid, name, inn, site in conn.execute(select(Company.id, Company.name, Company.inn, Company.website)):
        if inn:
            by_inn.setdefault(inn, cid)
        if site:
            by_site.setdefault(site.lower(), cid)
        if name:
            by_name.setdefault(_norm(name), cid)
            names[cid] = name
    counts: Counter[str] = Counter()
    for ref in plan.companies.values():
        found = (by_inn.get(ref.inn) if ref.inn else None) or (by_site.get(ref.website) if ref.website else None) \
            or by_name.get(_norm(ref.name))
        ref.existing_id = found
        counts["found" if found else "new"] += 1
        if ref.rows > 1:
            counts["same_in_file"] += ref.rows - 1
    plan.duplicates["companies"] = counts
    plan.similar_companies = similar_names([r.name for r in plan.companies.values() if r.existing_id is None],
                                           list(names.values()))
    by_email: dict[str, int] = {}
    by_phone: dict[str, int] = {}
    for cid, e1, e2, p1, p2 in conn.execute(select(Contact.id, Contact.email_work, Contact.email_personal,
                                                   Contact.phone_work, Contact.phone_personal)):
        for e in (e1, e2):
            if e:
                by_email.setdefault(e.lower(), cid)
        for p in (p1, p2):
            if p:
                by_phone.setdefault(p, cid)
    counts = Counter()
    for ref in plan.contacts.values():
        found = None
        for e in (ref.email, ref.email2):
            found = found or (by_email.get(e) if e else None)
        for p in (ref.phone, ref.phone2):
            found = found or (by_phone.get(p) if p else None)
        ref.existing_id = found
        counts["found" if found else "new"] += 1
        if ref.rows > 1:
            counts["same_in_file"] += ref.rows - 1
    plan.duplicates["contacts"] = counts


def similar_names(new: list[str], existing: list[str]) -> list[tuple[str, str, int]]:
    """Pairs (name, similar name, score) among the new names and against the existing ones."""
    from rapidfuzz import fuzz

    blocks: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for name, is_new in [(n, True) for n in new] + [(n, False) for n in existing]:
        key = _norm(name)
        if len(key) >= 3:
            blocks[key[:3]].append((key, name, is_new))
    out: list[tuple[str, str, int]] = []
    for items in blocks.values():
        items = items[:SIMILAR_BLOCK_MAX]
        for i, (ka, a, a_new) in enumerate(items):
            if not a_new:
                continue
            for kb, b, _b_new in items[i + 1:]:
                if ka == kb:
                    continue
                score = fuzz.ratio(ka, kb)
                if score >= SIMILAR_SCORE:
                    out.append((a, b, int(score)))
    return out
