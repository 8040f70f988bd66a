"""Plain rows for the funnel board: stages, open deal cards, lost deals, pickers.

``board_cards`` loads every open deal of a pipeline in ONE query (deal, company,
owner, contact names, the next open task) so the board never queries per card.
With ``deal_ids`` it reloads just those deals (after a move), and leaves out the
ones that are no longer open on the board.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime

from sqlalchemy import Select, and_, bindparam, func, select
from sqlalchemy.orm import Session

from ..orm import Company, Contact, Deal, DealStatus, LostReason, Pipeline, Stage, Task, User, deal_contacts

# Above this many deals a targeted reload costs more than it saves: reload the board.
TARGETED_RELOAD_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PipelineRow:
    id: int
    key: str
    kind: str
    name_ru: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en


@dataclass(frozen=True, slots=True)
class BoardStage:
    id: int
    key: str
    name_ru: str
    name_en: str
    position: int
    side_of_id: int | None
    won: bool
    rot_days: int | None
    description: str | None
    exit_criteria: str | None
    required_fields: tuple[str, ...]
    probability_override: float | None
    archived: bool = False  # shown only while open deals stand in it; takes no new ones

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def description_in(self, language: str) -> str | None:
        """The description in ``language`` while it is still the default funnel's."""
        from ..funnel_texts import stage_text

        return stage_text(self.key, "description", self.description, language)

    def exit_criteria_in(self, language: str) -> str | None:
        from ..funnel_texts import stage_text

        return stage_text(self.key, "exit_criteria", self.exit_criteria, language)


@dataclass(slots=True, eq=False)
class BoardCard:
    """One open deal as the board shows it (treat as read-only; not frozen because
    frozen dataclasses take three times longer to build, and the board builds tens of thousands)."""

    id: int
    name: str
    company_id: int | None
    company: str | None
    amount_minor: int | None
    currency: str
    owner_id: int | None
    owner: str | None
    stage_id: int
    stage_entered_at: datetime
    source: str | None
    segment: str | None
    cohort: str | None
    contacts: str | None  # names, comma-separated
    task_title: str | None
    task_due: datetime | None
    search_text: str  # folded name, company and contact names, for the search box


@dataclass(frozen=True, slots=True)
class LostDealRow:
    id: int
    name: str
    company: str | None
    amount_minor: int | None
    currency: str
    owner: str | None
    stage_id: int
    lost_reason_id: int | None
    lost_comment: str | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class LostReasonRow:
    id: int
    text: str
    text_en: str | None
    group: str | None
    follow_up: str | None  # "reassign" | "reactivate" | None

    def label(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    name: str
    role: str


def fold(text: str) -> str:
    """Case- and ё-insensitive form of a text, for searching."""
    return text.casefold().replace("ё", "е")


def pipelines(session: Session, include_archived: bool = False) -> list[PipelineRow]:
    """The pipelines in order (an archived one only with ``include_archived``)."""
    q = select(Pipeline.id, Pipeline.key, Pipeline.kind, Pipeline.name_ru, Pipeline.name_en)
    if not include_archived:
        q = q.where(Pipeline.archived.is_(False))
    return [PipelineRow(*r) for r in session.execute(q.order_by(Pipeline.position, Pipeline.id))]


def board_stages(session: Session, pipeline_key: str) -> list[BoardStage]:
    """The pipeline's stages in order; an archived one only while open deals stand in it."""
    standing = select(Deal.id).where(Deal.stage_id == Stage.id, Deal.status == DealStatus.OPEN).exists()
    q = (
        select(Stage.id, Stage.key, Stage.name_ru, Stage.name_en, Stage.position, Stage.side_of_id, Stage.won,
               Stage.rot_days, Stage.description, Stage.exit_criteria, Stage.required_fields,
               Stage.probability_override, Stage.archived)
        .join(Pipeline, Pipeline.id == Stage.pipeline_id)
        .where(Pipeline.key == pipeline_key, Stage.archived.is_(False) | standing)
        .order_by(Stage.position)
    )
    return [BoardStage(*r[:10], tuple(r[10] or ()), r[11], bool(r[12])) for r in session.execute(q)]


def board_order(stages: Sequence[BoardStage]) -> list[BoardStage]:
    """Columns left to right: main stages by position, each side stage right after its main
    stage; won stages have no column (a won deal leaves the board through the Won zone)."""
    position = {s.id: s.position for s in stages}

    def key(s: BoardStage) -> tuple[int, bool, int]:
        main = position.get(s.side_of_id, s.position) if s.side_of_id else s.position
        return main, s.side_of_id is not None, s.position

    return sorted((s for s in stages if not s.won), key=key)


@dataclass(frozen=True, slots=True)
class StageTotals:
    stage_id: int
    count: int
    amount_minor: int


@lru_cache(maxsize=16)
def _cards_query(pipeline_key: str, targeted: bool) -> Select:
    """The cards query; ``targeted`` restricts it (subqueries too) to the ``ids`` parameter.

    Built once per pipeline and reused: constructing it costs more than running it for one deal.
    """
    ids = bindparam("ids", expanding=True)
    tasks = select(
        Task.deal_id, Task.title, Task.due_at,
        func.row_number().over(partition_by=Task.deal_id,
                               order_by=(Task.due_at.is_(None), Task.due_at, Task.id)).label("rank"),
    ).where(Task.done_at.is_(None))
    names = (
        select(deal_contacts.c.deal_id, func.aggregate_strings(Contact.full_name, ", ").label("names"))
        .join(Contact, Contact.id == deal_contacts.c.contact_id)
        .group_by(deal_contacts.c.deal_id)
    )
    if targeted:
        tasks = tasks.where(Task.deal_id.in_(ids))
        names = names.where(deal_contacts.c.deal_id.in_(ids))
    next_task = tasks.subquery()
    contact_names = names.subquery()
    q = (
        select(Deal.id, Deal.name, Deal.company_id, Company.name, Deal.amount_minor, Deal.currency, Deal.owner_id,
               User.name, Deal.stage_id, func.coalesce(Deal.stage_entered_at, Deal.created_at), Deal.source,
               Deal.segment, Deal.cohort, contact_names.c.names, next_task.c.title, next_task.c.due_at)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.owner_id)
        .outerjoin(contact_names, contact_names.c.deal_id == Deal.id)
        .outerjoin(next_task, and_(next_task.c.deal_id == Deal.id, next_task.c.rank == 1))
        .where(Pipeline.key == pipeline_key, Deal.status == DealStatus.OPEN)
    )
    return q.where(Deal.id.in_(ids)) if targeted else q


def board_cards(session: Session, pipeline_key: str, deal_ids: Collection[int] | None = None) -> list[BoardCard]:
    """Every open deal of the pipeline (or only ``deal_ids`` among them) as cards, in no order."""
    cards = []
    targeted = deal_ids is not None
    params = {"ids": list(deal_ids)} if targeted else {}
    for r in session.execute(_cards_query(pipeline_key, targeted), params):
        cards.append(BoardCard(*r, fold("\n".join(filter(None, (r[1], r[3], r[13]))))))
    return cards


def stage_totals(session: Session, pipeline_key: str) -> list[StageTotals]:
    """Open deals per stage and their amount (missing amounts count as 0)."""
    q = (
        select(Deal.stage_id, func.count(), func.coalesce(func.sum(Deal.amount_minor), 0))
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .where(Pipeline.key == pipeline_key, Deal.status == DealStatus.OPEN)
        .group_by(Deal.stage_id)
    )
    return [StageTotals(*r) for r in session.execute(q)]


def newest_cards(session: Session, pipeline_key: str, per_stage: int) -> list[BoardCard]:
    """The ``per_stage`` deals that entered each stage last: what the board shows before
    all cards have loaded (a few index look-ups per stage, then one query for the cards)."""
    stage_ids = session.scalars(
        select(Stage.id).join(Pipeline, Pipeline.id == Stage.pipeline_id).where(Pipeline.key == pipeline_key)
    ).all()
    pipeline_id = select(Pipeline.id).where(Pipeline.key == pipeline_key).scalar_subquery()
    ids: list[int] = []
    for stage_id in stage_ids:
        ids += session.scalars(
            select(Deal.id)
            .where(Deal.pipeline_id == pipeline_id, Deal.status == DealStatus.OPEN, Deal.stage_id == stage_id)
            .order_by(Deal.stage_entered_at.desc(), Deal.id.desc())
            .limit(per_stage)
        ).all()
    return board_cards(session, pipeline_key, ids) if ids else []


def lost_deals(session: Session, pipeline_key: str | None, ids: Collection[int] | None = None) -> list[LostDealRow]:
    """Every lost deal of the pipeline, latest loss first (or the lost deals with these ``ids``)."""
    q = (
        select(Deal.id, Deal.name, Company.name, Deal.amount_minor, Deal.currency, User.name, Deal.stage_id,
               Deal.lost_reason_id, Deal.lost_comment, Deal.closed_at)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(User, User.id == Deal.owner_id)
        .where(Deal.status == DealStatus.LOST)
        .order_by(Deal.closed_at.desc(), Deal.id.desc())
    )
    if pipeline_key is not None:
        q = q.where(Pipeline.key == pipeline_key)
    if ids is None:
        return [LostDealRow(*r) for r in session.execute(q)]
    wanted, rows = sorted(set(ids)), []
    for start in range(0, len(wanted), 500):  # stay under the database's bound-parameter limit
        rows += [LostDealRow(*r) for r in session.execute(q.where(Deal.id.in_(wanted[start:start + 500])))]
    return rows


def lost_by_reason(session: Session, pipeline_key: str) -> dict[int, tuple[int, int]]:
    """Per lost reason (0: none given) the pipeline's lost deals: (count, amount in minor units)."""
    q = (
        select(Deal.lost_reason_id, func.count(Deal.id), func.coalesce(func.sum(Deal.amount_minor), 0))
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .where(Pipeline.key == pipeline_key, Deal.status == DealStatus.LOST)
        .group_by(Deal.lost_reason_id)
    )
    return {reason or 0: (int(count), int(amount)) for reason, count, amount in session.execute(q)}


def lost_reasons(session: Session) -> list[LostReasonRow]:
    """The manager's list of active lost reasons, in order."""
    q = (select(LostReason.id, LostReason.text, LostReason.text_en, LostReason.group, LostReason.follow_up)
         .where(LostReason.active.is_(True)).order_by(LostReason.position, LostReason.id))
    return [LostReasonRow(*r) for r in session.execute(q)]


def team_users(session: Session) -> list[UserRow]:
    """Active users, by name: owners to filter by and to reassign to."""
    q = select(User.id, User.name, User.role).where(User.active.is_(True)).order_by(User.name)
    return [UserRow(*r) for r in session.execute(q)]


def company_choices(session: Session) -> list[tuple[int, str, str | None]]:
    """(id, name, website) of every company, by name: the quick-create picker."""
    return [tuple(r) for r in session.execute(select(Company.id, Company.name, Company.website)
                                              .order_by(Company.name))]
