"""What a record table shows, as SQL: the ids of the deals, companies or contacts that pass a
filter, in the chosen order. The tables keep only these ids and fetch rows by page
(``models.queries.tables``), so sorting and filtering never go through Python objects.

Order: by the chosen column, empty values first when ascending (last when descending),
ties by id — the order a stable Python sort over rows read by id gives. Text search is
case-insensitive in any alphabet (SQLite's own ``lower``/``LIKE`` fold only ASCII, so in
SQLite each letter becomes a GLOB class of its two cases; PostgreSQL uses ``lower``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
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


def _matches(session: Session, table: "TableQuery", search: str) -> ColumnElement:
    """``search`` occurs in one of the table's searched columns or in its company's name,
    ignoring case. The company is looked up once (``company_id IN (…)``), never joined row
    by row."""
    if _is_sqlite(session):
        pattern = _glob_pattern(search)

        def test(column: Any) -> ColumnElement:
            return column.op("GLOB")(pattern)
    else:
        like = "%" + search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

        def test(column: Any) -> ColumnElement:
            return func.lower(column).like(like, escape="\\")
    conditions = [test(c) for c in table.searched()]
    if table.company_key is not None:
        key = table.company_key()
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


def record_ids(session: Session, kind: str, flt: TableFilter, sort: TableSort | None) -> list[int]:
    """The ids of ``kind`` ("deal", "company", "contact") passing ``flt``, in ``sort`` order."""
    table = TABLES[kind]
    q = table.base()
    joins = set()
    search = flt.search.strip()
    if sort is not None and sort.column in table.extra_joins:
        joins.add(sort.column)
    for name in sorted(joins):
        q = table.extra_joins[name](q)
    q = table.filters(q, flt)
    if search:
        q = q.where(_matches(session, table, search))
    id_column = table.base().selected_columns[0]
    if sort is not None and sort.column in table.sort_keys:
        key = table.sort_keys[sort.column]()
        # empty values sort as the smallest: first going up, last going down (as in Python);
        # SQLite does so by itself (and then uses an index on the column), PostgreSQL is told
        if _is_sqlite(session):
            if search:
                # a search keeps a part of the records: sorting that part is cheaper than walking
                # the column's index and reading every record it names (``+`` keeps SQLite off it)
                key = UnaryExpression(key, operator=operators.custom_op("+"))
            q = q.order_by(key.desc() if sort.descending else key)
        else:
            q = q.order_by(key.desc().nulls_last() if sort.descending else key.asc().nulls_first())
    q = q.order_by(id_column)
    return _first_column(session, q)


def _first_column(session: Session, q: Select) -> list[int]:
    """The query's ids straight from the database driver's rows: for 100,000 ids the result
    objects' processing per row cost as much as the query (plain integers need none)."""
    result = session.connection().execute(q)
    try:
        return [row[0] for row in result.cursor.fetchall()]
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
