"""What a record table shows, as SQL: the ids of the deals, companies or contacts that pass a
filter, in the chosen order. The tables keep only these ids and fetch rows by page
(``models.queries.tables``), so sorting and filtering never go through Python objects.

Order: by the chosen column, empty values first when ascending (last when descending),
ties by id — the order a stable Python sort over rows read by id gives. Text search finds
the typed text anywhere in a searched column, case-insensitive in any alphabet. SQLite's
own ``lower``/``LIKE`` fold only ASCII, so SQLite searches the columns' folded twins
(migration 0011: ASCII and basic Cyrillic capitals lowered, kept by triggers) with one
``instr`` over a narrow index; text with capitals of other alphabets falls back to a GLOB
with a class per letter (``*[éÉ]*``). Both find the same rows. PostgreSQL (whose ``lower``
folds only ASCII on a server with the ``C`` locale) folds the same letters with
``translate``, or matches a regular expression with the same classes.

A page shows its first screenful before it has all ids (``first_record_ids``): the first
rows in the order are read on their own, then every id and the count.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from ..money import to_minor
from ..orm import Company, Contact, Deal, LostReason, Pipeline, Stage, User
from .used_values import used_values


@dataclass(frozen=True)
class TableFilter:
    """A table's filter; fields a table has no column for are ignored there."""

    search: str = ""
    status: str | None = None  # deals: open / won / lost
    owner_id: int | None = None
    stage_id: int | None = None
    source: str | None = None
    segment: str | None = None
    contact_type: str | None = None
    created_from: date | None = None
    created_to: date | None = None  # inclusive
    closed_from: date | None = None
    closed_to: date | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    pipeline_key: str | None = None  # the Lost view: one pipeline's lost deals
    lost_reason_id: int | None = None  # the Lost view: 0 = no reason given

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (saved views)."""
        out: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if value in (None, ""):
                continue
            out[key] = value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, Decimal) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TableFilter":
        kinds = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in (data or {}).items():
            if key not in kinds or value in (None, ""):
                continue
            kind = str(kinds[key])
            if "date" in kind:
                value = date.fromisoformat(value)
            elif "Decimal" in kind:
                value = Decimal(value)
            elif "int" in kind:
                value = int(value)
            values[key] = value
        return cls(**values)

    @property
    def active(self) -> bool:
        return self != TableFilter(search=self.search)


@dataclass(frozen=True)
class TableSort:
    column: str
    descending: bool = False


@dataclass
class TableQuery:
    """One table's SQL: the base select of ids and how each column sorts and searches."""

    base: Callable[[], Select]
    sort_keys: dict[str, Callable[[], Any]]
    searched: Callable[[], list[ColumnElement]]  # the record's own text columns
    filters: Callable[[Select, TableFilter], Select]
    extra_joins: dict[str, Callable[[Select], Select]] = field(default_factory=dict)
    company_key: Callable[[], Any] | None = None  # the record's company: its name is searched too
    indexed: frozenset[str] = frozenset()  # sort columns read down an index (None: by id)
    # SQLite: sort keys kept on the record by migration 0011's triggers (indexed, no join)
    sqlite_sort_keys: dict[str, Callable[[], Any]] = field(default_factory=dict)

    def sort_key(self, column: str, sqlite: bool) -> Any | None:
        if sqlite and column in self.sqlite_sort_keys:
            return self.sqlite_sort_keys[column]()
        return self.sort_keys[column]() if column in self.sort_keys else None

    def joins_for(self, column: str, sqlite: bool) -> Callable[[Select], Select] | None:
        if sqlite and column in self.sqlite_sort_keys:
            return None
        return self.extra_joins.get(column)

    def walks_index(self, column: str, sqlite: bool) -> bool:
        return column in self.indexed or (sqlite and column in self.sqlite_sort_keys)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _glob_pattern(needle: str) -> str:
    """A SQLite GLOB pattern finding ``needle`` anywhere, ignoring case in any alphabet:
    each letter becomes the class of its two cases (``ал`` → ``*[аА][лЛ]*``), so SQLite
    matches in C with no Python call per row; GLOB's own special characters are escaped."""
    parts = []
    for ch in needle:
        low, up = ch.lower(), ch.upper()
        if low != up and len(low) == 1 and len(up) == 1:
            parts.append(f"[{low}{up}]")
        elif ch in "*?[":
            parts.append(f"[{ch}]")
        else:
            parts.append(ch)
    return "*" + "".join(parts) + "*"


# the columns with a folded twin ``<column>_folded`` in SQLite (migration 0011)
FOLDED_COLUMNS = {("deals", "name"), ("companies", "name"), ("companies", "website"), ("companies", "inn"),
                  ("contacts", "full_name"), ("contacts", "email_work"), ("contacts", "phone_work")}


def _folds(ch: str) -> bool:
    """The twins fold this character's case: ASCII letters and basic Cyrillic (А–я, Ѐ–џ)."""
    return "A" <= ch <= "Z" or "a" <= ch <= "z" or "\u0400" <= ch <= "\u045f"


def fold(text: str) -> str:
    """What migration 0011 writes in a folded twin: ASCII and basic Cyrillic capitals lowered."""
    return "".join(ch.lower() if _folds(ch) else ch for ch in text)


def _foldable(needle: str) -> bool:
    """The folded twins find ``needle`` exactly as the GLOB classes would: every letter with
    two cases is one the twins fold (others, like ``é``, go the GLOB way)."""
    for ch in needle:
        low, up = ch.lower(), ch.upper()
        if low != up and len(low) == 1 and len(up) == 1 and not _folds(ch):
            return False
    return True


def _folded_twin(column: Any) -> Any | None:
    expr = getattr(column, "expression", column)
    table, name = getattr(getattr(expr, "table", None), "name", None), getattr(expr, "name", None)
    return literal_column(f"{table}.{name}_folded") if (table, name) in FOLDED_COLUMNS else None


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(chr(c) for c in range(0x400, 0x430))
_LOWERED = _CAPITALS.lower()


def _regex_pattern(needle: str) -> str:
    """A PostgreSQL regular expression finding ``needle`` anywhere, each letter in either of its
    two cases (``é`` → ``[éÉ]``), every other character taken literally."""
    parts = []
    for ch in needle:
        low, up = ch.lower(), ch.upper()
        if low != up and len(low) == 1 and len(up) == 1:
            parts.append(f"[{low}{up}]")
        elif ch.isalnum():
            parts.append(ch)
        else:
            parts.append("\\" + ch)
    return "".join(parts)


def _matches(session: Session, table: "TableQuery", search: str, per_row: bool = False) -> ColumnElement:
    """``search`` occurs in one of the table's searched columns or in its company's name,
    ignoring case. The company is looked up once (``company_id IN (…)``), never joined row
    by row — unless ``per_row``: for a few rows, looking up each row's company is cheaper
    than finding every company that matches."""
    if _is_sqlite(session):
        pattern = _glob_pattern(search)
        folded = fold(search) if _foldable(search) else None

        def test(column: Any) -> ColumnElement:
            twin = _folded_twin(column) if folded is not None else None
            if twin is not None:
                return func.instr(twin, folded) > 0
            return column.op("GLOB")(pattern)
    elif _foldable(search):
        # PostgreSQL's ``lower`` follows the server's locale (``C`` folds only ASCII): fold as the
        # SQLite twins are folded, with ``translate``, and look for the folded text
        folded = fold(search)

        def test(column: Any) -> ColumnElement:
            return func.strpos(func.translate(column, _CAPITALS, _LOWERED), folded) > 0
    else:
        regex = _regex_pattern(search)

        def test(column: Any) -> ColumnElement:
            return column.op("~")(regex)
    conditions = [test(c) for c in table.searched()]
    if table.company_key is not None:
        key = table.company_key()
        if per_row:
            conditions.append(select(Company.id).where(Company.id == key, test(Company.name)).exists())
        else:
            conditions.append(key.in_(select(Company.id).where(test(Company.name))))
    return or_(*conditions)


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time.min)


def _date_range(q: Select, column: Any, start: date | None, end: date | None) -> Select:
    if start is not None:
        q = q.where(column >= _day_start(start))
    if end is not None:
        q = q.where(column < _day_start(end + timedelta(days=1)))
    return q


# --- deals --------------------------------------------------------------------------------
_deal_company = aliased(Company, name="deal_company")
_deal_owner = aliased(User, name="deal_owner")
_deal_stage = aliased(Stage, name="deal_stage")
_deal_reason = aliased(LostReason, name="deal_reason")


def _deal_filters(q: Select, f: TableFilter) -> Select:
    if f.status:
        q = q.where(Deal.status == f.status)
    if f.owner_id is not None:
        q = q.where(Deal.owner_id == f.owner_id)
    if f.stage_id is not None:
        q = q.where(Deal.stage_id == f.stage_id)
    if f.source:
        q = q.where(Deal.source == f.source)
    if f.segment:
        q = q.where(Deal.segment == f.segment)
    if f.amount_min is not None:
        q = q.where(Deal.amount_minor >= to_minor(f.amount_min))
    if f.amount_max is not None:
        q = q.where(Deal.amount_minor <= to_minor(f.amount_max))
    q = _date_range(q, Deal.created_at, f.created_from, f.created_to)
    return _date_range(q, Deal.closed_at, f.closed_from, f.closed_to)


DEALS = TableQuery(
    base=lambda: select(Deal.id).select_from(Deal),
    sort_keys={
        "name": lambda: Deal.name,
        "company": lambda: _deal_company.name,
        "stage": lambda: _deal_stage.position,
        "status": lambda: Deal.status,
        "amount": lambda: Deal.amount_minor,
        "owner": lambda: _deal_owner.name,
        "source": lambda: Deal.source,
        "segment": lambda: Deal.segment,
        "cohort": lambda: Deal.cohort,
        "created_at": lambda: Deal.created_at,
        "expected_close": lambda: Deal.expected_close,
        "closed_at": lambda: Deal.closed_at,
        "lost_reason": lambda: _deal_reason.text,
    },
    searched=lambda: [Deal.name],
    company_key=lambda: Deal.company_id,
    filters=_deal_filters,
    indexed=frozenset({"name", "status", "amount", "source", "segment", "cohort", "created_at", "expected_close",
                       "closed_at"}),
    extra_joins={
        "company": lambda q: q.outerjoin(_deal_company, _deal_company.id == Deal.company_id),
        "owner": lambda q: q.outerjoin(_deal_owner, _deal_owner.id == Deal.owner_id),
        "stage": lambda q: q.join(_deal_stage, _deal_stage.id == Deal.stage_id),
        "lost_reason": lambda q: q.outerjoin(_deal_reason, _deal_reason.id == Deal.lost_reason_id),
    },
)


# --- companies ----------------------------------------------------------------------------
def _company_deal_count(open_only: bool = False) -> Any:
    """A company's deals (or open deals): a count per company through ix_deals_company_id
    (measured faster in SQLite than joining one aggregate over all deals)."""
    q = select(func.count(Deal.id)).where(Deal.company_id == Company.id)
    if open_only:
        q = q.where(Deal.status == "open")
    return q.scalar_subquery()


def _company_filters(q: Select, f: TableFilter) -> Select:
    if f.source:
        q = q.where(Company.source == f.source)
    if f.segment:
        q = q.where(Company.segment == f.segment)
    return _date_range(q, Company.created_at, f.created_from, f.created_to)


COMPANIES = TableQuery(
    base=lambda: select(Company.id).select_from(Company),
    sort_keys={
        "name": lambda: Company.name, "website": lambda: Company.website, "inn": lambda: Company.inn,
        "industry": lambda: Company.industry, "region": lambda: Company.region,
        "segment": lambda: Company.segment, "source": lambda: Company.source,
        "deals": lambda: _company_deal_count(), "open_deals": lambda: _company_deal_count(True),
    },
    searched=lambda: [Company.name, Company.website, Company.inn],
    filters=_company_filters,
    indexed=frozenset({"name", "website", "inn", "industry", "region", "segment", "source"}),
    sqlite_sort_keys={"deals": lambda: literal_column("companies.deal_count"),
                      "open_deals": lambda: literal_column("companies.open_deal_count")},
)


# --- contacts -----------------------------------------------------------------------------
_contact_company = aliased(Company, name="contact_company")


def _contact_filters(q: Select, f: TableFilter) -> Select:
    if f.contact_type:
        q = q.where(Contact.contact_type == f.contact_type)
    return _date_range(q, Contact.created_at, f.created_from, f.created_to)


CONTACTS = TableQuery(
    base=lambda: select(Contact.id).select_from(Contact),
    sort_keys={
        "full_name": lambda: Contact.full_name,
        "company": lambda: _contact_company.name,
        "position": lambda: Contact.position,
        "contact_type": lambda: Contact.contact_type,
        "email": lambda: func.coalesce(Contact.email_work, Contact.email_personal),
        "phone": lambda: func.coalesce(Contact.phone_work, Contact.phone_personal),
    },
    searched=lambda: [Contact.full_name, Contact.email_work, Contact.phone_work],
    company_key=lambda: Contact.company_id,
    filters=_contact_filters,
    indexed=frozenset({"full_name", "position", "contact_type"}),
    sqlite_sort_keys={"company": lambda: literal_column("contacts.company_name")},
    extra_joins={"company": lambda q: q.outerjoin(_contact_company, _contact_company.id == Contact.company_id)},
)

# --- the Lost view: one pipeline's lost deals ------------------------------------------------
_lost_company = aliased(Company, name="lost_company")
_lost_owner = aliased(User, name="lost_owner")
_lost_stage = aliased(Stage, name="lost_stage")
_lost_reason = aliased(LostReason, name="lost_reason")


def _lost_filters(q: Select, f: TableFilter) -> Select:
    q = q.where(Deal.status == "lost")
    if f.pipeline_key:
        q = q.where(Deal.pipeline_id == select(Pipeline.id).where(Pipeline.key == f.pipeline_key).scalar_subquery())
    if f.lost_reason_id is not None:
        q = q.where(Deal.lost_reason_id.is_(None) if f.lost_reason_id == 0 else Deal.lost_reason_id == f.lost_reason_id)
    return q


LOST = TableQuery(
    base=lambda: select(Deal.id).select_from(Deal),
    sort_keys={
        "name": lambda: Deal.name, "company": lambda: _lost_company.name, "amount": lambda: Deal.amount_minor,
        "stage": lambda: _lost_stage.position, "reason": lambda: _lost_reason.text,
        "closed_at": lambda: Deal.closed_at, "owner": lambda: _lost_owner.name, "comment": lambda: Deal.lost_comment,
    },
    searched=lambda: [Deal.name, Deal.lost_comment],
    company_key=lambda: Deal.company_id,
    filters=_lost_filters,
    extra_joins={
        "company": lambda q: q.outerjoin(_lost_company, _lost_company.id == Deal.company_id),
        "owner": lambda q: q.outerjoin(_lost_owner, _lost_owner.id == Deal.owner_id),
        "stage": lambda q: q.join(_lost_stage, _lost_stage.id == Deal.stage_id),
        "reason": lambda q: q.outerjoin(_lost_reason, _lost_reason.id == Deal.lost_reason_id),
    },
)

TABLES = {"deal": DEALS, "company": COMPANIES, "contact": CONTACTS, "lost": LOST}


def _filtered(session: Session, kind: str, flt: TableFilter, sort: TableSort | None) -> tuple[Select, list]:
    """The select of ``kind``'s ids passing ``flt`` (unordered) and the ORDER BY of ``sort``."""
    table = TABLES[kind]
    sqlite = _is_sqlite(session)
    q = table.base()
    search = flt.search.strip()
    join = table.joins_for(sort.column, sqlite) if sort is not None else None
    if join is not None:
        q = join(q)
    q = table.filters(q, flt)
    if search:
        q = q.where(_matches(session, table, search))
    id_column = table.base().selected_columns[0]
    order: list = []
    key = table.sort_key(sort.column, sqlite) if sort is not None else None
    if key is not None:
        # empty values sort as the smallest: first going up, last going down (as in Python);
        # SQLite does so by itself (and then uses an index on the column), PostgreSQL is told
        if sqlite:
            if search:
                # a search keeps a part of the records: sorting that part is cheaper than walking
                # the column's index and reading every record it names (``+`` keeps SQLite off it)
                key = UnaryExpression(key, operator=operators.custom_op("+"))
            order.append(key.desc() if sort.descending else key)
        else:
            order.append(key.desc().nulls_last() if sort.descending else key.asc().nulls_first())
    order.append(id_column)
    return q, order


def record_ids(session: Session, kind: str, flt: TableFilter, sort: TableSort | None) -> list[int]:
    """The ids of ``kind`` ("deal", "company", "contact") passing ``flt``, in ``sort`` order."""
    q, order = _filtered(session, kind, flt, sort)
    return _first_column(session, q.order_by(*order))


PROBE_FIRST = 8  # a filtered first page is looked for among the first 8 × limit rows of the order…
PROBE_ROWS = 2000  # …at most (most searches and filters keep many records; a rare one runs whole)


def first_record_ids(session: Session, kind: str, flt: TableFilter, sort: TableSort | None,
                     limit: int) -> list[int]:
    """The first ``limit`` ids ``record_ids`` gives, without reading the others.

    With a search or a filter and a sort on an indexed column (``TableQuery.indexed``), it
    first looks among the first ``PROBE_FIRST`` × ``limit`` records of the order (at most
    ``PROBE_ROWS``), read down the column's index: when ``limit`` of them pass, they are
    the first ``limit`` of the whole answer.
    Otherwise (a rare text or value) the whole query runs with a LIMIT, which SQLite
    answers keeping only the best ``limit`` rows.
    """
    table = TABLES[kind]
    walkable = sort is None or table.walks_index(sort.column, _is_sqlite(session))
    if walkable and (flt.search.strip() or flt != TableFilter()):
        found = _probe(session, kind, flt, sort, limit, min(PROBE_FIRST * limit, PROBE_ROWS))
        if found is not None:
            return found
    q, order = _filtered(session, kind, flt, sort)
    return _first_column(session, q.order_by(*order).limit(limit))


def _probe(session: Session, kind: str, flt: TableFilter, sort: TableSort | None, limit: int,
           rows: int) -> list[int] | None:
    """The first ``limit`` ids passing ``flt`` among the first ``rows`` of the order, or None
    when fewer pass there."""
    table = TABLES[kind]
    sqlite = _is_sqlite(session)
    search = flt.search.strip()
    everything, order = _filtered(session, kind, TableFilter(), sort)
    id_column = table.base().selected_columns[0]
    passes = [c for c in (table.filters(table.base(), flt).whereclause,) if c is not None]
    if search:
        passes.append(_matches(session, table, search, per_row=True))
    sort_key = table.sort_key(sort.column, sqlite) if sort is not None else None
    columns = [id_column.label("id"), and_(*passes).label("hit")]
    if sort_key is not None:
        columns.append(sort_key.label("k"))
    # the first records of the order (no filter: straight down the index), each with its key
    # and whether it passes; then those that pass, in the same order
    head = everything.with_only_columns(*columns).order_by(*order).limit(rows).subquery()
    q = select(head.c.id).where(head.c.hit)
    if sort_key is not None:
        k = head.c.k
        if sqlite:
            q = q.order_by(k.desc() if sort.descending else k)
        else:
            q = q.order_by(k.desc().nulls_last() if sort.descending else k.asc().nulls_first())
    ids = _first_column(session, q.order_by(head.c.id).limit(limit))
    return ids if len(ids) == limit else None


def _first_column(session: Session, q: Select) -> list[int]:
    """The query's ids straight from the database driver's rows: for 100,000 ids the result
    objects' processing per row cost as much as the query (plain integers need none). Row by
    row, not ``fetchall``: 300,000 row tuples alive at once set off the garbage collector's full
    collections (100-250 ms holding the interpreter lock, which the window then waited for);
    each tuple freed as soon as its id is taken sets off none."""
    result = session.connection().execute(q)
    try:
        return [row[0] for row in result.cursor]
    finally:
        result.close()


def record_count(session: Session, kind: str) -> int:
    """How many records of ``kind`` there are (the footer's "of N")."""
    table = TABLES[kind]
    return session.scalar(select(func.count()).select_from(table.base().subquery())) or 0


@dataclass(frozen=True)
class FilterChoices:
    """The values a table's filter offers (owners, stages, the sources and segments in use)."""

    owners: list[tuple[int, str]] = field(default_factory=list)
    stages: list[tuple[int, str, str]] = field(default_factory=list)  # id, "pipeline · stage" in ru, in en
    sources: list[str] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)


def filter_choices(session: Session, kind: str) -> FilterChoices:
    def distinct(column: Any) -> list[str]:
        return used_values(session, column)

    if kind == "deal":
        owners = [(i, n) for i, n in session.execute(select(User.id, User.name).order_by(User.name))]
        stages = [(i, f"{pru} · {sru}", f"{pen} · {sen}") for i, pru, pen, sru, sen in session.execute(
            select(Stage.id, Pipeline.name_ru, Pipeline.name_en, Stage.name_ru, Stage.name_en)
            .join(Pipeline, Pipeline.id == Stage.pipeline_id)
            .order_by(Pipeline.position, Pipeline.id, Stage.position))]
        return FilterChoices(owners, stages, distinct(Deal.source), distinct(Deal.segment))
    if kind == "company":
        return FilterChoices(sources=distinct(Company.source), segments=distinct(Company.segment))
    return FilterChoices()
