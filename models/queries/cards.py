"""What the cards show, read in a few queries and returned as plain data.

``deal_card``, ``company_card`` and ``contact_card`` give a card's field values keyed
like the layout (``amount``, ``custom:budget`` …), the fields that exist, the layout
to draw and the pickers' choices. ``deal_timeline`` merges the event log, activities
and tasks of a deal, newest first. ``field_usage`` says how often each field is filled.

A deal shows the lead card while it sits before the pipeline's ``qualified`` stage
(by effective position, so the "replied negative" branch is a lead too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..errors import NotFound
from ..fields import FieldSpec, from_text
from ..fields.catalog import BUILTIN, COLUMNS, CUSTOM_PREFIX, custom_spec, entity_of
from ..fields.layout import CardLayout, lead_layout, resolve_layout, setting_key
from ..money import from_minor
from ..orm import (
    Activity,
    Company,
    Contact,
    CustomField,
    CustomFieldValue,
    Deal,
    DealEvent,
    LostReason,
    Pipeline,
    Stage,
    Task,
    User,
    deal_contacts,
)
from .settings import get_setting
from .used_values import used_values

LEAD_UNTIL_STAGE = "qualified"


class Choice(NamedTuple):  # a tuple: thousands of companies load fast
    id: int
    text: str
    hint: str | None = None  # a website, a position…


@dataclass(frozen=True)
class StageChoice:
    id: int
    key: str
    name_ru: str
    name_en: str
    position: int  # effective position (a side stage counts at its main stage)
    won: bool
    side: bool

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en


@dataclass(frozen=True)
class DealLine:
    """A deal as listed on a company or contact card."""

    id: int
    name: str
    stage_ru: str
    stage_en: str
    status: str
    amount: Decimal | None
    currency: str = "RUB"


@dataclass(frozen=True)
class PersonLine:
    id: int
    full_name: str
    position: str | None
    contact_type: str | None
    email: str | None
    phone: str | None


@dataclass
class CardData:
    kind: str  # deal, lead, company, contact
    id: int | None
    values: dict[str, Any]
    fields: dict[str, FieldSpec]  # the fields on the card (retired ones left out)
    layout: CardLayout
    currency: str
    company_name: str | None = None  # the company picker lists the others only when opened
    version: int | None = None  # the record's version when loaded: a save on it may meet a conflict


@dataclass
class DealCardData(CardData):
    status: str = "open"
    pipeline_key: str = "sales"
    stages: list[StageChoice] = field(default_factory=list)
    users: list[Choice] = field(default_factory=list)
    people: list[Choice] = field(default_factory=list)  # contacts that can be put on the deal
    name_is_manual: bool = False
    suggested_name: str = ""
    required_from: dict[str, StageChoice] = field(default_factory=dict)
    lost_reason_ru: str | None = None
    lost_reason_en: str | None = None
    lost_comment: str | None = None
    closed_at: datetime | None = None
    open_tasks: int = 0

    def stage(self) -> StageChoice | None:
        return next((s for s in self.stages if s.id == self.values.get("stage")), None)


@dataclass
class CompanyCardData(CardData):
    people: list[PersonLine] = field(default_factory=list)
    deals: list[DealLine] = field(default_factory=list)


@dataclass
class ContactCardData(CardData):
    deals: list[DealLine] = field(default_factory=list)


# --- fields and layouts -------------------------------------------------------------------
def custom_fields(session: Session, entity: str, *, retired: bool = False) -> list[FieldSpec]:
    q = select(CustomField).where(CustomField.entity == entity).order_by(CustomField.position, CustomField.id)
    return [custom_spec(f) for f in session.scalars(q) if retired or not f.retired]


def custom_field_rows(session: Session, entity: str) -> list[CustomField]:
    """Every custom field of an entity (retired too), detached plain objects for the editor."""
    q = select(CustomField).where(CustomField.entity == entity).order_by(CustomField.position, CustomField.id)
    rows = list(session.scalars(q))
    return rows


def card_layout(session: Session, kind: str) -> CardLayout:
    entity = entity_of(kind)
    q = select(CustomField).where(CustomField.entity == entity)
    fields = list(session.scalars(q))
    place = {CUSTOM_PREFIX + f.key: (f.block, f.position, f.pinned) for f in fields}
    layout = resolve_layout(entity, get_setting(session, setting_key(entity)), [custom_spec(f) for f in fields], place)
    if kind == "lead":
        return lead_layout(layout, get_setting(session, setting_key("lead")))
    return layout


def _fields(session: Session, entity: str) -> dict[str, FieldSpec]:
    out = {spec.key: spec for spec in BUILTIN[entity]}
    out.update({spec.key: spec for spec in custom_fields(session, entity)})
    return out


def _custom_values(session: Session, entity: str, record_id: int, fields: dict[str, FieldSpec]) -> dict[str, Any]:
    by_id = {spec.custom_id: spec for spec in fields.values() if spec.custom_id is not None}
    q = select(CustomFieldValue.field_id, CustomFieldValue.value).where(
        CustomFieldValue.record_id == record_id, CustomFieldValue.field_id.in_(list(by_id)))
    return {by_id[fid].key: from_text(by_id[fid], text) for fid, text in session.execute(q)}


def _column_values(entity: str, record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, attr in COLUMNS[entity].items():
        if attr:
            value = getattr(record, attr)
            out[key] = from_minor(value) if attr.endswith("_minor") else value
    return out


def record_values(session: Session, entity: str, record_id: int, keys: list[str]) -> dict[str, Any]:
    """The current values of ``keys`` of one deal, company or contact, as its card shows them
    (what an undo compares with the values the edit left)."""
    model = {"deal": Deal, "company": Company, "contact": Contact}[entity]
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(entity, record_id)
    values = _column_values(entity, record)
    if "contacts" in keys and entity == "deal":
        values["contacts"] = sorted(session.scalars(
            select(deal_contacts.c.contact_id).where(deal_contacts.c.deal_id == record_id))) or None
    if any(k.startswith(CUSTOM_PREFIX) for k in keys):
        values.update(_custom_values(session, entity, record_id, _fields(session, entity)))
    return {key: values.get(key) for key in keys}


def team_currency(session: Session) -> str:
    return str(get_setting(session, "team.currency", "RUB"))


def company_choices(session: Session) -> list[Choice]:
    return [Choice._make(r) for r in session.execute(
        select(Company.id, Company.name, Company.website).order_by(Company.name))]


def user_choices(session: Session, include: int | None = None) -> list[Choice]:
    q = select(User.id, User.name, User.role).where(or_(User.active.is_(True), User.id == include)).order_by(User.name)
    return [Choice(i, n, r) for i, n, r in session.execute(q)]


def distinct_values(session: Session, entity: str, key: str) -> list[str]:
    """The values already used in a text column (for suggestions, so one spelling wins)."""
    model = {"deal": Deal, "company": Company, "contact": Contact}[entity]
    return used_values(session, getattr(model, COLUMNS[entity][key]))


# --- stages -------------------------------------------------------------------------------
def stage_choices(session: Session, pipeline_id: int) -> list[StageChoice]:
    stages = list(session.scalars(select(Stage).where(Stage.pipeline_id == pipeline_id).order_by(Stage.position)))
    pos = {s.id: s.position for s in stages}
    return [StageChoice(s.id, s.key, s.name_ru, s.name_en, pos[s.side_of_id] if s.side_of_id else s.position,
                        s.won, s.side_of_id is not None) for s in stages]


def required_from(session: Session, pipeline_id: int) -> dict[str, StageChoice]:
    """For each deal field a stage requires: the first stage (in order) that requires it."""
    choices = {c.id: c for c in stage_choices(session, pipeline_id)}
    out: dict[str, StageChoice] = {}
    for sid, fields in session.execute(
            select(Stage.id, Stage.required_fields).where(Stage.pipeline_id == pipeline_id).order_by(Stage.position)):
        for key in fields or []:
            if key not in out or choices[sid].position < out[key].position:
                out[key] = choices[sid]
    return out


def is_lead(stages: list[StageChoice], stage_id: int) -> bool:
    """Whether a deal at ``stage_id`` is still a lead (before ``qualified``)."""
    gate = next((s for s in stages if s.key == LEAD_UNTIL_STAGE), None)
    here = next((s for s in stages if s.id == stage_id), None)
    return gate is not None and here is not None and here.position < gate.position


# --- cards --------------------------------------------------------------------------------
def deal_card(session: Session, deal_id: int) -> DealCardData:
    deal = session.get(Deal, deal_id)
    if deal is None:
        raise NotFound("deal", deal_id)
    from ..deal_names import suggest_deal_name

    pipeline = session.get(Pipeline, deal.pipeline_id)
    stages = stage_choices(session, deal.pipeline_id)
    kind = "lead" if is_lead(stages, deal.stage_id) else "deal"
    fields = _fields(session, "deal")
    values = _column_values("deal", deal)
    linked = list(session.scalars(select(deal_contacts.c.contact_id).where(deal_contacts.c.deal_id == deal_id)))
    values["contacts"] = sorted(linked) or None
    values.update(_custom_values(session, "deal", deal_id, fields))
    company = session.get(Company, deal.company_id) if deal.company_id else None
    people_q = select(Contact.id, Contact.full_name, Contact.position).where(
        or_(Contact.company_id == deal.company_id, Contact.id.in_(linked)) if deal.company_id
        else Contact.id.in_(linked)).order_by(Contact.full_name)
    reason = session.get(LostReason, deal.lost_reason_id) if deal.lost_reason_id else None
    open_tasks = session.scalar(select(func.count()).select_from(Task).where(
        Task.deal_id == deal_id, Task.done_at.is_(None))) or 0
    return DealCardData(
        kind=kind, id=deal.id, values=values, fields=fields, layout=card_layout(session, kind), version=deal.version,
        currency=deal.currency or team_currency(session), company_name=company.name if company else None,
        status=deal.status, pipeline_key=pipeline.key if pipeline else "", stages=stages,
        users=user_choices(session, deal.owner_id),
        people=[Choice(i, n, p) for i, n, p in session.execute(people_q)],
        name_is_manual=deal.name_is_manual, suggested_name=suggest_deal_name(company),
        required_from=required_from(session, deal.pipeline_id),
        lost_reason_ru=reason.text if reason else None, lost_reason_en=reason.label("en") if reason else None,
        lost_comment=deal.lost_comment, closed_at=deal.closed_at, open_tasks=open_tasks,
    )


def _deal_lines(session: Session, condition: Any) -> list[DealLine]:
    q = (select(Deal.id, Deal.name, Stage.name_ru, Stage.name_en, Deal.status, Deal.amount_minor, Deal.currency)
         .join(Stage, Stage.id == Deal.stage_id).where(condition).order_by(Deal.created_at.desc(), Deal.id.desc()))
    return [DealLine(i, n, sr, se, st, from_minor(a), c or "RUB") for i, n, sr, se, st, a, c in session.execute(q)]


def company_card(session: Session, company_id: int | None) -> CompanyCardData:
    fields = _fields(session, "company")
    currency = team_currency(session)
    if company_id is None:
        return CompanyCardData("company", None, {}, fields, card_layout(session, "company"), currency)
    company = session.get(Company, company_id)
    if company is None:
        raise NotFound("company", company_id)
    values = _column_values("company", company)
    values.update(_custom_values(session, "company", company_id, fields))
    people = [PersonLine(*r) for r in session.execute(
        select(Contact.id, Contact.full_name, Contact.position, Contact.contact_type,
               func.coalesce(Contact.email_work, Contact.email_personal),
               func.coalesce(Contact.phone_work, Contact.phone_personal))
        .where(Contact.company_id == company_id).order_by(Contact.full_name))]
    return CompanyCardData("company", company_id, values, fields, card_layout(session, "company"), currency,
                           version=company.version, people=people, deals=_deal_lines(session, Deal.company_id == company_id))


def contact_card(session: Session, contact_id: int | None) -> ContactCardData:
    fields = _fields(session, "contact")
    currency = team_currency(session)
    if contact_id is None:
        return ContactCardData("contact", None, {}, fields, card_layout(session, "contact"), currency)
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    values = _column_values("contact", contact)
    values.update(_custom_values(session, "contact", contact_id, fields))
    linked = select(deal_contacts.c.deal_id).where(deal_contacts.c.contact_id == contact_id)
    company = session.get(Company, contact.company_id) if contact.company_id else None
    return ContactCardData("contact", contact_id, values, fields, card_layout(session, "contact"), currency,
                           company.name if company else None, version=contact.version, deals=_deal_lines(session, Deal.id.in_(linked)))


# --- the deal's timeline ------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # stage, won, lost, reopened, owner, renewal, call, email, message, meeting, note, task
    user: str | None
    text: str | None = None  # activity text, lost comment, task title
    outcome: str | None = None  # activity outcome
    stage_ru: str | None = None
    stage_en: str | None = None
    other_ru: str | None = None  # the new owner's name, the lost reason (ru)
    other_en: str | None = None
    done: bool = False  # a task that is done
    due_at: datetime | None = None
    record_id: int = 0


def deal_timeline(session: Session, deal_id: int) -> list[TimelineEntry]:
    """The deal's history: events, activities and tasks, newest first."""
    actor, owner = aliased(User), aliased(User)
    out: list[TimelineEntry] = []
    q = (select(DealEvent.id, DealEvent.at, DealEvent.kind, actor.name, Stage.name_ru, Stage.name_en, owner.name,
                LostReason.text, LostReason.text_en, DealEvent.comment)
         .outerjoin(actor, actor.id == DealEvent.user_id).outerjoin(owner, owner.id == DealEvent.owner_id)
         .outerjoin(Stage, Stage.id == DealEvent.stage_id).outerjoin(LostReason, LostReason.id == DealEvent.lost_reason_id)
         .where(DealEvent.deal_id == deal_id))
    for eid, at, kind, who, s_ru, s_en, new_owner, r_ru, r_en, comment in session.execute(q):
        other_ru = new_owner if kind == "owner" else r_ru
        other_en = new_owner if kind == "owner" else (r_en or r_ru)
        out.append(TimelineEntry(at, kind, who, comment, None, s_ru, s_en, other_ru, other_en, record_id=eid))
    q2 = (select(Activity.id, Activity.at, Activity.type, actor.name, Activity.text, Activity.outcome, Contact.full_name)
          .outerjoin(actor, actor.id == Activity.user_id).outerjoin(Contact, Contact.id == Activity.contact_id)
          .where(Activity.deal_id == deal_id))
    for aid, at, kind, who, text, outcome, person in session.execute(q2):
        out.append(TimelineEntry(at, kind, who, text, outcome, other_ru=person, other_en=person, record_id=aid))
    q3 = (select(Task.id, Task.created_at, Task.done_at, Task.due_at, Task.title, actor.name)
          .outerjoin(actor, actor.id == Task.assignee_id).where(Task.deal_id == deal_id))
    for tid, created, done, due, title, who in session.execute(q3):
        at = done or created or due or datetime.min
        out.append(TimelineEntry(at, "task", who, title, done=done is not None, due_at=due, record_id=tid))
    order = {"stage": 0, "owner": 1, "won": 2, "lost": 2, "reopened": 2, "renewal": 2}
    out.sort(key=lambda e: (e.at, order.get(e.kind, 3), e.record_id), reverse=True)
    return out


# --- field usage --------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldUsage:
    key: str
    label_en: str
    label_ru: str
    filled: int
    total: int
    retired: bool = False

    @property
    def share(self) -> float:
        return self.filled / self.total if self.total else 0.0

    def label(self, language: str) -> str:
        return self.label_ru if language == "ru" else self.label_en


def _filled(col: Any, type_: str) -> Any:
    if type_ == "money":
        return and_(col.is_not(None), col != 0)
    if type_ in ("text", "longtext", "email", "phone", "website", "url", "links", "inn", "select"):
        return and_(col.is_not(None), col != "")
    return col.is_not(None)


def field_usage(session: Session, entity: str) -> list[FieldUsage]:
    """For each field of an entity, in how many records it is filled (retired fields too)."""
    model = {"deal": Deal, "company": Company, "contact": Contact}[entity]
    total = session.scalar(select(func.count()).select_from(model)) or 0
    specs = [s for s in BUILTIN[entity] if not s.read_only]
    sums = {
        spec.key: func.coalesce(func.sum(case((_filled(getattr(model, COLUMNS[entity][spec.key]), spec.type), 1),
                                              else_=0)), 0)
        for spec in specs if COLUMNS[entity].get(spec.key)
    }
    counts = dict(zip(sums, session.execute(select(*sums.values()).select_from(model)).one()))
    out = []
    for spec in specs:
        if spec.key == "contacts":
            filled = session.scalar(select(func.count(func.distinct(deal_contacts.c.deal_id)))) or 0
        else:
            filled = int(counts[spec.key])
        out.append(FieldUsage(spec.key, spec.label_en, spec.label_ru, filled, total))
    q = (select(CustomField.key, CustomField.label_en, CustomField.label_ru, CustomField.retired,
                func.count(CustomFieldValue.id))
         .outerjoin(CustomFieldValue, and_(CustomFieldValue.field_id == CustomField.id,
                                           CustomFieldValue.value.is_not(None), CustomFieldValue.value != ""))
         .where(CustomField.entity == entity).group_by(CustomField.id).order_by(CustomField.position, CustomField.id))
    for key, en, ru, retired, filled in session.execute(q):
        out.append(FieldUsage(CUSTOM_PREFIX + key, en, ru, filled, total, bool(retired)))
    return out


@dataclass(frozen=True)
class ActivityLine:
    """A sales action or note with one person, as listed on their card."""

    id: int
    at: datetime
    type: str
    outcome: str | None
    text: str | None
    deal_id: int | None
    deal: str | None
    user: str | None


def contact_activities(session: Session, contact_id: int | None, limit: int = 500) -> list[ActivityLine]:
    """The latest activities with a person, newest first."""
    if contact_id is None:
        return []
    q = (select(Activity.id, Activity.at, Activity.type, Activity.outcome, Activity.text, Activity.deal_id,
                Deal.name, User.name)
         .outerjoin(Deal, Deal.id == Activity.deal_id).outerjoin(User, User.id == Activity.user_id)
         .where(Activity.contact_id == contact_id).order_by(Activity.at.desc(), Activity.id.desc()).limit(limit))
    return [ActivityLine(*r) for r in session.execute(q)]
