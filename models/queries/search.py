"""The global search (Ctrl+K): deals, companies, contacts and tasks found by what was typed.

It reads the search index of migration 0009 (kept in step with the records by triggers):
SQLite FTS5 tables, or on PostgreSQL folded text with a trigram index (a ``tsvector``
index where ``pg_trgm`` could not be created). What is typed is split at spaces; every
piece must begin a word of the record (names, e-mails and websites split at dots and
``@`` too, so ``petrov@acme`` and ``acme.ru`` find their record), in any case, ``ё`` = ``е``.
Text that looks like a phone number (digits, spaces, ``+-().``) is searched as its digits,
so ``8 (916) 123-45-67``, ``+7 916 1234567`` and ``9161234567`` all find ``+79161234567``
(the index holds a Russian number with 7, with 8 and without the country code); an INN
typed in groups too.

Each kind keeps at most ``CANDIDATES`` matches, the newest first, and shows the
``limit_per_kind`` whose title begins with what was typed, then the shortest titles.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, aliased

from ..fields.phone import display_phone
from ..orm import Company, Contact, Deal, Stage, Task
from .board import fold

KINDS = ("deal", "company", "contact", "task")
INDEX_TABLES = {"deal": "search_deals", "company": "search_companies", "contact": "search_contacts",
                "task": "search_tasks"}
CANDIDATES = 200
MIN_PHONE_DIGITS = 3

_PHONE_LIKE = re.compile(r"^[\d\s()+\-.]+$")
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|mailto:)", re.IGNORECASE)
_PG_WORD = re.compile(r"[0-9a-zа-я]+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One found record, as plain values for the result list."""

    kind: str  # "deal" | "company" | "contact" | "task"
    record_id: int
    title: str
    details: tuple[str, ...] = ()  # plain facts for the subtitle: company, stage, INN, phone, e-mail…
    status: str | None = None  # a deal's status; "done" for a done task
    amount_minor: int | None = None  # a deal's amount
    currency: str | None = None
    due_at: datetime | None = None  # a task's due time
    deal_id: int | None = None  # a task's deal (opening the task shows it)


@dataclass(frozen=True)
class SearchResults:
    """What one search found: hits grouped by kind, in ``KINDS`` order (empty kinds left out)."""

    text: str
    groups: dict[str, list[SearchHit]] = field(default_factory=dict)

    @property
    def hits(self) -> list[SearchHit]:
        return [hit for kind in self.groups for hit in self.groups[kind]]

    def __bool__(self) -> bool:
        return bool(self.groups)


def query_pieces(typed: str) -> list[str]:
    """The pieces of what was typed, each of which must begin a word of the record.

    A link loses its scheme, ``www.`` and path (a company's website is stored as a bare
    domain); pieces without a letter or digit are dropped."""
    pieces = []
    for piece in typed.replace("ё", "е").replace("Ё", "Е").split():
        piece = _SCHEME.sub("", piece)
        if piece.lower().startswith("www."):
            piece = piece[4:]
        host, slash, _path = piece.partition("/")
        if slash and "." in host:
            piece = host
        if any(ch.isalnum() for ch in piece):
            pieces.append(piece)
    return pieces


def phone_digits(typed: str) -> str | None:
    """The digits of a text that looks like (part of) a phone number, else None."""
    if not _PHONE_LIKE.match(typed.strip()):
        return None
    digits = re.sub(r"\D", "", typed)
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


# --- the index, per database --------------------------------------------------------------------
def _fts_phrase(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"*'


def _sqlite_match(pieces: list[str], digits: str | None) -> str:
    if digits is not None:
        return _fts_phrase(digits)
    return " AND ".join(_fts_phrase(p) for p in pieces)


def _pg_words(piece: str) -> str:
    return " ".join(_PG_WORD.findall(piece.lower().replace("ё", "е")))


_pg_modes: "weakref.WeakKeyDictionary[Engine, str]" = weakref.WeakKeyDictionary()


def _pg_mode(session: Session) -> str:
    """``"trigram"`` or ``"words"``: which index migration 0009 could build on this server."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    mode = _pg_modes.get(engine)
    if mode is None:
        found = session.execute(text("SELECT to_regclass('ix_search_deals_trigram') IS NOT NULL")).scalar()
        mode = _pg_modes[engine] = "trigram" if found else "words"
    return mode


def _pg_condition(session: Session, pieces: list[str], digits: str | None) -> tuple[str, dict[str, str]]:
    words = [digits] if digits is not None else [w for w in (_pg_words(p) for p in pieces) if w]
    if not words:
        return "FALSE", {}
    if _pg_mode(session) == "words":
        query = " & ".join(" <-> ".join(w.split()) + ":*" for w in words)
        return "to_tsvector('simple', terms) @@ to_tsquery('simple', :q)", {"q": query}
    params = {f"w{i}": f"% {w}%" for i, w in enumerate(words)}
    return " AND ".join(f"terms LIKE :w{i}" for i in range(len(words))), params


_TITLES = {"deal": ("deals", "name"), "company": ("companies", "name"), "contact": ("contacts", "full_name"),
           "task": ("tasks", "title")}


def _candidates(session: Session, pieces: list[str], digits: str | None,
                limit: int = CANDIDATES) -> dict[str, list[tuple[int, str]]]:
    """Per kind, (id, title) of the newest ``limit`` records whose index matches: one
    statement for the four kinds (one round trip; each kind's LIMIT inside its own branch)."""
    if session.get_bind().dialect.name == "sqlite":
        params: dict[str, object] = {"q": _sqlite_match(pieces, digits)}
        inner = "SELECT rowid FROM {index} WHERE {index} MATCH :q ORDER BY rowid DESC LIMIT :limit"
    else:
        condition, params = _pg_condition(session, pieces, digits)
        inner = "SELECT record_id FROM {index} WHERE " + condition + " ORDER BY record_id DESC LIMIT :limit"
    branches = [f"SELECT '{kind}', id, {title} FROM {table} WHERE id IN ({inner.format(index=INDEX_TABLES[kind])})"
                for kind, (table, title) in _TITLES.items()]
    found: dict[str, list[tuple[int, str]]] = {}
    for kind, record_id, title in session.execute(text(" UNION ALL ".join(branches)), {**params, "limit": limit}):
        found.setdefault(kind, []).append((record_id, title))
    return found


# --- the rows shown --------------------------------------------------------------------------------
def _deals(session: Session, ids: list[int], language: str) -> list[SearchHit]:
    stage_name = Stage.name_ru if language == "ru" else Stage.name_en
    q = (select(Deal.id, Deal.name, Company.name, stage_name, Deal.status, Deal.amount_minor, Deal.currency)
         .outerjoin(Company, Company.id == Deal.company_id).outerjoin(Stage, Stage.id == Deal.stage_id)
         .where(Deal.id.in_(ids)))
    return [SearchHit("deal", id_, name, tuple(x for x in (company, stage) if x), status=status,
                      amount_minor=amount, currency=currency)
            for id_, name, company, stage, status, amount, currency in session.execute(q)]


def _companies(session: Session, ids: list[int], _language: str) -> list[SearchHit]:
    q = select(Company.id, Company.name, Company.inn, Company.website).where(Company.id.in_(ids))
    return [SearchHit("company", id_, name, tuple(x for x in (inn, website) if x))
            for id_, name, inn, website in session.execute(q)]


def _contacts(session: Session, ids: list[int], _language: str) -> list[SearchHit]:
    q = (select(Contact.id, Contact.full_name, Company.name, Contact.phone_work, Contact.phone_personal,
                Contact.email_work, Contact.email_personal)
         .outerjoin(Company, Company.id == Contact.company_id).where(Contact.id.in_(ids)))
    hits = []
    for id_, name, company, phone_work, phone_personal, email_work, email_personal in session.execute(q):
        phone = phone_work or phone_personal
        details = (company, display_phone(phone) if phone else None, email_work or email_personal)
        hits.append(SearchHit("contact", id_, name, tuple(x for x in details if x)))
    return hits


def _tasks(session: Session, ids: list[int], _language: str) -> list[SearchHit]:
    deal = aliased(Deal)
    q = (select(Task.id, Task.title, Task.deal_id, deal.name, Task.due_at, Task.done_at)
         .outerjoin(deal, deal.id == Task.deal_id).where(Task.id.in_(ids)))
    return [SearchHit("task", id_, title, (deal_name,) if deal_name else (), status="done" if done_at else None,
                      due_at=due_at, deal_id=deal_id)
            for id_, title, deal_id, deal_name, due_at, done_at in session.execute(q)]


_ROWS = {"deal": _deals, "company": _companies, "contact": _contacts, "task": _tasks}


def _best(rows: list[tuple[int, str]], first: str, limit: int) -> list[int]:
    """The ``limit`` ids to show: titles beginning with ``first``, then shorter, then newer."""
    rows.sort(key=lambda r: (not fold(r[1]).startswith(first), len(r[1]), -r[0]))
    return [r[0] for r in rows[:limit]]


def search_everything(session: Session, typed: str, limit_per_kind: int = 5, *,
                      language: str = "ru") -> SearchResults:
    """Deals, companies, contacts and tasks matching ``typed``, at most ``limit_per_kind``
    of each: titles that begin with the first piece typed first, then shorter titles,
    then newer records."""
    pieces = query_pieces(typed)
    groups: dict[str, list[SearchHit]] = {}
    if not pieces:
        return SearchResults(typed, groups)
    first, digits = fold(pieces[0]), phone_digits(typed)
    found = _candidates(session, pieces, digits)
    for kind in KINDS:
        rows = found.get(kind)
        if not rows:
            continue
        best = _best(rows, first, limit_per_kind)
        order = {record_id: n for n, record_id in enumerate(best)}
        groups[kind] = sorted(_ROWS[kind](session, best, language), key=lambda h: order[h.record_id])
    return SearchResults(typed, groups)
