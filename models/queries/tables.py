"""Plain rows for the Deals, Companies and Contacts tables (one query each, no ORM objects)."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from ..money import from_minor
from ..orm import Company, Contact, Deal, LostReason, Pipeline, Stage, User


@dataclass(frozen=True, slots=True)
class DealRow:
    id: int
    name: str
    company: str | None
    pipeline: str
    stage_ru: str
    stage_en: str
    status: str
    amount: Decimal | None
    currency: str
    owner: str | None
    source: str | None
    segment: str | None
    cohort: str | None
    created_at: datetime
    expected_close: date | None
    closed_at: datetime | None
    lost_reason: str | None


@dataclass(frozen=True, slots=True)
class CompanyRow:
    id: int
    name: str
    website: str | None
    inn: str | None
    industry: str | None
    region: str | None
    segment: str | None
    source: str | None
    deals: int
    open_deals: int


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    full_name: str
    company: str | None
    position: str | None
    contact_type: str | None
    email: str | None
    phone: str | None


def deal_rows(session: Session, pipeline_key: str | None = None,
              ids: Collection[int] | None = None) -> list[DealRow]:
    """Deals as table rows (all, one pipeline's, or those with the given ``ids``)."""
    if ids is not None:
        return _in_chunks(ids, lambda chunk: _deal_rows(session, pipeline_key, chunk))
    return _deal_rows(session, pipeline_key, None)


def _deal_rows(session: Session, pipeline_key: str | None, ids: list[int] | None) -> list[DealRow]:
    q = (
        select(Deal.id, Deal.name, Company.name, Pipeline.key, Stage.name_ru, Stage.name_en, Deal.status,
               Deal.amount_minor, Deal.currency, User.name, Deal.source, Deal.segment, Deal.cohort,
               Deal.created_at, Deal.expected_close, Deal.closed_at, LostReason.text)
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.owner_id)
        .outerjoin(LostReason, LostReason.id == Deal.lost_reason_id)
        .order_by(Deal.id)
    )
    if pipeline_key:
        q = q.where(Pipeline.key == pipeline_key)
    if ids is not None:
        q = q.where(Deal.id.in_(ids))
    return [
        DealRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], from_minor(r[7]), *r[8:])
        for r in session.execute(q)
    ]


def _in_chunks(ids: Collection[int], read) -> list:
    wanted = sorted(set(ids))
    rows: list = []
    for start in range(0, len(wanted), 500):  # stay under the database's bound-parameter limit
        rows += read(wanted[start:start + 500])
    return rows


def company_rows(session: Session, ids: Collection[int] | None = None) -> list[CompanyRow]:
    """Companies as table rows with their deal counts (all, or those with the given ``ids``)."""
    if ids is not None:
        return _in_chunks(ids, lambda chunk: _company_rows(session, chunk))
    return _company_rows(session, None)


def _company_rows(session: Session, ids: list[int] | None) -> list[CompanyRow]:
    open_deals = func.sum(case((Deal.status == "open", 1), else_=0))
    q = (
        select(Company.id, Company.name, Company.website, Company.inn, Company.industry, Company.region,
               Company.segment, Company.source, func.count(Deal.id), func.coalesce(open_deals, 0))
        .outerjoin(Deal, Deal.company_id == Company.id)
        .group_by(Company.id)
        .order_by(Company.name)
    )
    if ids is not None:
        q = q.where(Company.id.in_(ids))
    return [CompanyRow(*r) for r in session.execute(q)]


def contact_rows(session: Session, ids: Collection[int] | None = None) -> list[ContactRow]:
    """Contacts as table rows (all, or those with the given ``ids``)."""
    if ids is not None:
        return _in_chunks(ids, lambda chunk: _contact_rows(session, chunk))
    return _contact_rows(session, None)


def _contact_rows(session: Session, ids: list[int] | None) -> list[ContactRow]:
    co = aliased(Company)
    q = (
        select(Contact.id, Contact.full_name, co.name, Contact.position, Contact.contact_type,
               func.coalesce(Contact.email_work, Contact.email_personal),
               func.coalesce(Contact.phone_work, Contact.phone_personal))
        .outerjoin(co, co.id == Contact.company_id)
        .order_by(Contact.full_name)
    )
    if ids is not None:
        q = q.where(Contact.id.in_(ids))
    return [ContactRow(*r) for r in session.execute(q)]
