"""Write a checked history import into the database: all of it in one transaction, or nothing.

Events are written as the deal services would write them: a ``stage`` event per
stage_history row (by its ``user``, else the deal's owner), an ``owner`` event at
creation, for a won deal a ``won`` event at ``closed_at`` (after an entry into the won
stage at that moment when the history has no row for it), for a lost deal a ``lost``
event at ``closed_at`` at the stage it was in, with its reason. The deal's current
state columns follow from those events.

Idempotence and decisions:
* A deal's ``external_id`` is the file's ``deal_id``. A deal already imported is left
  as it is — its fields, history and status are not touched, even if the files now
  have more history for it (``ImportSummary.deals_with_newer_history`` counts those; a
  later version may apply them). It must be the same deal, though: if its creation
  time differs, the row is refused ("imported before with another history").
* Companies are found by website (normalised as on the cards), else by name (case-insensitive), among
  the existing ones and those created earlier in the same import.
* Users in users.csv that exist already keep their role; new ones are created.
* Lost reasons match the list by Russian or English text (case-insensitive); new
  ones are added at its end.
* Activities are skipped when one with the same deal, user, type and time exists.
  Plans are upserted by (year, month, user).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, func, select, update

from .. import errors
from ..bulk import fast_bulk_load, insert_all, next_id
from ..bulk_triggers import insert_triggers_set_aside
from ..db import Database
from ..orm import Activity, Company, Deal, DealEvent, LostReason, Pipeline, Plan, Setting, Stage, User
from ..services.deals import suggest_deal_name
from .problems import ImportRejected, Problem
from .reader import DEALS, DealRow, ImportData, Target, read_folder

DEFAULT_TIME_ZONE = "Europe/Moscow"


@dataclass
class ImportSummary:
    deals_created: int = 0
    deals_skipped: int = 0  # imported before: left as they are
    deals_with_newer_history: int = 0  # … although the files have other history for them
    events: int = 0
    companies_created: int = 0
    companies_reused: int = 0
    users_created: int = 0
    lost_reasons_added: int = 0
    activities_added: int = 0
    activities_skipped: int = 0
    plans_added: int = 0
    plans_updated: int = 0


@dataclass
class Catalogue:
    """What the writer looks up in the database, by the names the files use."""

    pipeline_id: int
    stages: dict[str, int]
    won_stage: str | None
    users: dict[str, int]
    reasons: dict[str, int]  # lower-case text (ru and en) → id
    imported: dict[str, tuple[int, datetime]] = field(default_factory=dict)  # external id → id, created_at


def _setting(conn: Connection, key: str, default: Any) -> Any:
    value = conn.scalar(select(Setting.value).where(Setting.key == key, Setting.user_id.is_(None)))
    return default if value is None else value


def load_catalogue(conn: Connection, pipeline_key: str) -> tuple[Target, Catalogue]:
    pipeline_id = conn.scalar(select(Pipeline.id).where(Pipeline.key == pipeline_key))
    if pipeline_id is None:
        raise errors.NotFound("pipeline", pipeline_key)
    stages = conn.execute(select(Stage.key, Stage.id, Stage.won).where(Stage.pipeline_id == pipeline_id)
                          .order_by(Stage.position)).all()
    won_stage = next((key for key, _id, won in stages if won), None)
    users = dict(conn.execute(select(User.name, User.id)).all())
    reasons: dict[str, int] = {}
    for text, text_en, reason_id in conn.execute(select(LostReason.text, LostReason.text_en, LostReason.id)):
        reasons.setdefault(text.lower(), reason_id)
        if text_en:
            reasons.setdefault(text_en.lower(), reason_id)
    imported = {
        ext: (deal_id, created) for ext, deal_id, created in
        conn.execute(select(Deal.external_id, Deal.id, Deal.created_at).where(Deal.external_id.is_not(None)))
    }
    try:
        zone = ZoneInfo(_setting(conn, "team.time_zone", DEFAULT_TIME_ZONE))
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(DEFAULT_TIME_ZONE)
    target = Target(stage_keys=[s.key for s in stages], won_stage=won_stage, users=set(users), time_zone=zone,
                    currency=str(_setting(conn, "team.currency", "RUB")), imported_deals=set(imported))
    catalogue = Catalogue(pipeline_id=pipeline_id, stages={s.key: s.id for s in stages}, won_stage=won_stage,
                          users=users, reasons=reasons, imported=imported)
    return target, catalogue


def check_already_imported(conn: Connection, data: ImportData, cat: Catalogue, problems: list[Problem],
                           summary: ImportSummary) -> None:
    """Refuse rows whose deal_id names another deal; count skipped deals with other history."""
    again = [d for d in data.deals.values() if d.deal_id in cat.imported]
    if not again:
        return
    stage_counts = dict(conn.execute(
        select(Deal.external_id, func.count(DealEvent.id)).join(DealEvent, DealEvent.deal_id == Deal.id)
        .where(Deal.external_id.is_not(None), DealEvent.kind == "stage").group_by(Deal.id)).all())
    for deal in again:
        entries = data.history.get(deal.deal_id) or []
        if not entries:
            continue
        created = cat.imported[deal.deal_id][1]
        expected = deal.created_at or entries[0].entered_at
        if created != expected:
            problems.append(Problem(DEALS, deal.line, "deal_id",
                                    f"deal {deal.deal_id!r} was imported before with another history "
                                    f"(created {created}, here {expected})"))
            continue
        summary.deals_skipped += 1
        if stage_counts.get(deal.deal_id, 0) != _stage_event_count(deal, entries, cat.won_stage):
            summary.deals_with_newer_history += 1


def _stage_event_count(deal: DealRow, entries: list[Any], won_stage: str | None) -> int:
    synthesised = deal.status == "won" and won_stage is not None and entries[-1].stage != won_stage
    return len(entries) + int(synthesised)


class HistoryWriter:
    """Writes the new users, reasons, companies, deals with their events, activities and plans."""

    def __init__(self, conn: Connection, cat: Catalogue, summary: ImportSummary):
        self.conn = conn
        self.cat = cat
        self.summary = summary

    def users(self, data: ImportData) -> None:
        new = [u for u in data.users if u.name not in self.cat.users]
        first = next_id(self.conn, User.id)
        rows = [{"id": first + i, "name": u.name, "role": u.role, "active": True} for i, u in enumerate(new)]
        insert_all(self.conn, User, rows)
        self.cat.users.update({r["name"]: r["id"] for r in rows})
        self.summary.users_created = len(rows)

    def lost_reasons(self, deals: list[DealRow]) -> None:
        position = int(self.conn.scalar(select(func.coalesce(func.max(LostReason.position), -1))) or 0) + 1
        first = next_id(self.conn, LostReason.id)
        rows = []
        for d in deals:
            if d.lost_reason and d.lost_reason.lower() not in self.cat.reasons:
                reason_id = first + len(rows)
                rows.append({"id": reason_id, "text": d.lost_reason, "position": position + len(rows),
                             "active": True})
                self.cat.reasons[d.lost_reason.lower()] = reason_id
        insert_all(self.conn, LostReason, rows)
        self.summary.lost_reasons_added = len(rows)

    def companies(self, deals: list[DealRow], created: dict[str, datetime]) -> dict[str, int | None]:
        by_site: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for company_id, name, website in self.conn.execute(select(Company.id, Company.name, Company.website)):
            if website:  # stored normalised (models.fields.web)
                by_site.setdefault(website.lower(), company_id)
            by_name.setdefault(name.strip().lower(), company_id)
        first = next_id(self.conn, Company.id)
        rows: list[dict[str, Any]] = []
        existing: set[int] = set()
        out: dict[str, int | None] = {}
        for d in deals:
            site = d.website
            company_id = (by_site.get(site) if site else None) or (
                by_name.get(d.company.lower()) if d.company else None)
            if company_id is None and (site or d.company):
                company_id = first + len(rows)
                rows.append({"id": company_id, "name": d.company or site, "website": site or None,
                             "segment": d.segment, "source": d.source, "created_at": created[d.deal_id]})
            elif company_id is not None and company_id < first:
                existing.add(company_id)
            if company_id is not None:
                if site:
                    by_site.setdefault(site, company_id)
                if d.company:
                    by_name.setdefault(d.company.lower(), company_id)
            out[d.deal_id] = company_id
        insert_all(self.conn, Company, rows)
        self.summary.companies_created, self.summary.companies_reused = len(rows), len(existing)
        return out

    def deals(self, data: ImportData, deals: list[DealRow]) -> dict[str, int]:
        created = {d.deal_id: d.created_at or data.history[d.deal_id][0].entered_at for d in deals}
        company_of = self.companies(deals, created)
        first_deal = next_id(self.conn, Deal.id)
        event_id = next_id(self.conn, DealEvent.id)
        deal_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        ids: dict[str, int] = {}
        stages, users, won_stage = self.cat.stages, self.cat.users, self.cat.won_stage
        for n, d in enumerate(deals):
            deal_id = first_deal + n
            ids[d.deal_id] = deal_id
            owner = users[d.owner] if d.owner else None
            entries = data.history[d.deal_id]
            events: list[dict[str, Any]] = []
            for e in entries:
                mover = users[e.user] if e.user else owner
                events.append({"kind": "stage", "at": e.entered_at, "stage_id": stages[e.stage], "user_id": mover})
                if owner is not None and len(events) == 1:  # made by whoever created the deal
                    events.append({"kind": "owner", "at": e.entered_at, "owner_id": owner, "user_id": mover})
            last_stage = entries[-1]
            stage_id, stage_entered = stages[last_stage.stage], last_stage.entered_at
            reason_id = None
            if d.status == "won":
                if won_stage is not None and last_stage.stage != won_stage:
                    stage_id, stage_entered = stages[won_stage], d.closed_at
                    events.append({"kind": "stage", "at": d.closed_at, "stage_id": stage_id, "user_id": owner})
                events.append({"kind": "won", "at": d.closed_at, "stage_id": stage_id, "user_id": owner})
            elif d.status == "lost":
                reason_id = self.cat.reasons[d.lost_reason.lower()] if d.lost_reason else None
                events.append({"kind": "lost", "at": d.closed_at, "stage_id": stage_id, "user_id": owner,
                               "lost_reason_id": reason_id})
            for ev in events:
                ev.setdefault("owner_id", None)
                ev.setdefault("lost_reason_id", None)
                ev.setdefault("stage_id", None)
                ev["id"], ev["deal_id"] = event_id, deal_id
                event_id += 1
            event_rows.extend(events)
            name = d.name or suggest_deal_name(Company(name=d.company or None, website=d.website or None))
            deal_rows.append({
                "id": deal_id, "pipeline_id": self.cat.pipeline_id, "stage_id": stage_id, "name": name,
                "name_is_manual": bool(d.name), "company_id": company_of[d.deal_id],
                "amount_minor": d.amount_minor, "currency": d.currency, "owner_id": owner, "source": d.source,
                "segment": d.segment, "cohort": d.cohort, "created_at": created[d.deal_id],
                "expected_close": d.expected_close, "status": d.status, "stage_entered_at": stage_entered,
                "closed_at": d.closed_at if d.status != "open" else None, "lost_reason_id": reason_id,
                "external_id": d.deal_id,
            })
        insert_all(self.conn, Deal, deal_rows)
        insert_all(self.conn, DealEvent, event_rows)
        self.summary.deals_created, self.summary.events = len(deal_rows), len(event_rows)
        return ids

    def activities(self, data: ImportData, deal_ids: dict[str, int]) -> None:
        existing = {tuple(r) for r in self.conn.execute(
            select(Activity.deal_id, Activity.user_id, Activity.type, Activity.at))}
        rows = []
        for a in data.activities:
            deal_id = deal_ids.get(a.deal_id) if a.deal_id else None
            if a.deal_id and deal_id is None:
                deal_id = self.cat.imported[a.deal_id][0]
            key = (deal_id, self.cat.users[a.user], a.type, a.at)
            if key in existing:
                self.summary.activities_skipped += 1
                continue
            existing.add(key)
            rows.append({"deal_id": key[0], "user_id": key[1], "type": a.type, "at": a.at})
        insert_all(self.conn, Activity, rows)
        self.summary.activities_added = len(rows)

    def plans(self, data: ImportData) -> None:
        existing = {(y, m, u): (plan_id, amount) for plan_id, y, m, u, amount in self.conn.execute(
            select(Plan.id, Plan.year, Plan.month, Plan.user_id, Plan.amount_minor))}
        new = []
        for p in data.plans:
            user_id = self.cat.users[p.user] if p.user else None
            found = existing.get((p.year, p.month, user_id))
            if found is None:
                new.append({"year": p.year, "month": p.month, "user_id": user_id, "amount_minor": p.amount_minor})
            elif found[1] != p.amount_minor:
                self.conn.execute(update(Plan).where(Plan.id == found[0]).values(amount_minor=p.amount_minor))
                self.summary.plans_updated += 1
        insert_all(self.conn, Plan, new)
        self.summary.plans_added = len(new)


def import_history(db: Database, folder: str | Path, pipeline_key: str = "sales") -> ImportSummary:
    """Import the history folder into ``pipeline_key`` (spec/exchange.md) in one transaction.

    Raises ``ImportRejected`` listing every bad row (nothing is written then) and
    ``NotFound`` for a missing folder or pipeline.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise errors.NotFound("folder", str(folder))
    summary = ImportSummary()
    with db.transaction() as session:
        conn = session.connection()
        target, cat = load_catalogue(conn, pipeline_key)
        problems: list[Problem] = []
        data = read_folder(folder, target, problems)
        if not problems:
            check_already_imported(conn, data, cat, problems, summary)
        if problems:
            raise ImportRejected(problems)
        fast_bulk_load(conn)
        new_deals = [d for d in data.deals.values() if d.deal_id not in cat.imported]
        writer = HistoryWriter(conn, cat, summary)
        with insert_triggers_set_aside(conn):  # the search twins and counts: once, not per row
            writer.users(data)
            writer.lost_reasons(new_deals)
            deal_ids = writer.deals(data, new_deals)
            writer.activities(data, deal_ids)
            writer.plans(data)
    return summary
