"""Writing a plan: new members, lost reasons, custom fields, companies, contacts, deals with their
events, and the import batch that remembers every record it created (with a fingerprint of the
values written, so a revert can tell edited records from untouched ones).

Runs inside the caller's transaction; bulk Core inserts with explicit ids (as the history
import), so 100,000 deals take seconds.
"""
from __future__ import annotations

import hashlib
from datetime import datetime
from operator import itemgetter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Date, DateTime, func, insert, select, text
from sqlalchemy.orm import Session

from ..bulk import fast_bulk_load, insert_all, next_id
from ..bulk_triggers import insert_triggers_set_aside
from ..clock import local_now as now
from ..orm import (
    Company,
    Contact,
    CustomField,
    CustomFieldValue,
    Deal,
    DealEvent,
    ImportBatch,
    ImportRecord,
    LostReason,
    Setting,
    User,
    deal_contacts,
)
from ..values.amounts import amount_to_minor
from .build import Plan
from .preset import LOST, WON, Preset
from .service import ImportResult
from .target import Target

DEAL_FP = ("name", "company_id", "amount_minor", "currency", "owner_id", "source", "segment", "expected_close",
           "status", "stage_id", "closed_at", "lost_reason_id", "notes", "pipeline_id")
COMPANY_FP = ("name", "inn", "website", "segment", "source")
CONTACT_FP = ("full_name", "company_id", "email_work", "email_personal", "phone_work", "phone_personal")
USER_FP = ("name", "role", "active")
REASON_FP = ("text", "active")
FIELD_FP = ("key", "type", "retired")
VALUE_FP = ("field_id", "record_id", "value")
CHUNK = 10_000  # deals (and import records) written per executemany round
FINGERPRINTED = {"deal": (Deal, DEAL_FP), "company": (Company, COMPANY_FP), "contact": (Contact, CONTACT_FP),
                 "user": (User, USER_FP), "lost_reason": (LostReason, REASON_FP),
                 "custom_field": (CustomField, FIELD_FP), "custom_value": (CustomFieldValue, VALUE_FP)}


def _sqlite_time(value: Any) -> str:
    """What SQLAlchemy's SQLite DATETIME/DATE store (``2026-01-09 09:37:44.000000``, ``2026-01-09``), fast."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    return value.isoformat()


def fast_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert dict rows through the driver's executemany, skipping SQLAlchemy's per-row parameter
    building (the import writes hundreds of thousands of rows). Values go through each column
    type's bind processor, so they are stored exactly as an ORM insert would store them."""
    if not rows:
        return
    table = getattr(table, "__table__", table)
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    keys = list(compiled.positiontup) if compiled.positional else [
        c.key for c in table.columns if c.key in rows[0] or c.default is not None]
    defaults: dict[str, Any] = {}
    processors = []
    for k in keys:
        col = table.c[k]
        if k not in rows[0]:
            defaults[k] = col.default.arg if col.default is not None and not callable(col.default.arg) else None
        processors.append(_sqlite_time if dialect.name == "sqlite" and isinstance(col.type, (DateTime, Date))
                          else col.type.dialect_impl(dialect).bind_processor(dialect))
    if not compiled.positional:  # e.g. psycopg: named parameters, SQLAlchemy's own path is fine
        insert_all(conn, table, [{**defaults, **r} for r in rows])
        return
    if defaults:
        rows = [{**defaults, **r} for r in rows]
    getter = itemgetter(*keys)
    params = [getter(r) for r in rows] if len(keys) > 1 else [(getter(r),) for r in rows]
    converted = [(j, p) for j, p in enumerate(processors) if p is not None]
    if converted:
        out = []
        for values in params:
            values = list(values)
            for j, proc in converted:
                v = values[j]
                if v is not None:
                    values[j] = proc(v)
            out.append(tuple(values))
        params = out
    for i in range(0, len(params), 50_000):
        conn.exec_driver_sql(compiled.string, params[i:i + 50_000])


def fingerprint(values: Sequence[Any]) -> str:
    """A short hash of a record's values as written (the same values read back give the same hash)."""
    return hashlib.sha1(repr(tuple(values)).encode("utf-8")).hexdigest()


def _sync_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL: move each table's id sequence past the explicit ids just inserted."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                          f"COALESCE((SELECT MAX(id) FROM {table}), 1))"))


class PlanWriter:
    def __init__(self, session: Session, plan: Plan, target: Target, preset: Preset,
                 progress: Callable[[int, int], None] | None = None):
        self.progress = progress
        self.session = session
        self.conn = session.connection()
        self.plan = plan
        self.target = target
        self.preset = preset
        self.records: list[tuple[str, int, int | None, str | None, str | None]] = []
        self.counts: dict[str, int] = {}

    def remember(self, kind: str, rows: list[dict[str, Any]], fp: Sequence[str], source: str | None = None) -> None:
        """Note the records a batch created: (kind, id, other id, file id, fingerprint of the values)."""
        for r in rows:
            self.records.append((kind, r["id"], None, r.get(source) if source else None,
                                 fingerprint([r.get(c) for c in fp])))

    def users(self) -> dict[str, int]:
        users = dict(self.target.users)
        first = next_id(self.conn, User.id)
        role = self.preset.owner_roles
        rows = [{"id": first + i, "name": name, "role": role.get(name, self.preset.owner_role), "active": True,
                 "created_at": now()}
                for i, name in enumerate(sorted(n for n in self.plan.owners if n not in users))]
        insert_all(self.conn, User, rows)
        users.update({r["name"]: r["id"] for r in rows})
        self.remember("user", rows, USER_FP)
        self.counts["users"] = len(rows)
        return users

    def lost_reasons(self) -> dict[str, int]:
        reasons = dict(self.target.lost_reasons)
        position = int(self.conn.scalar(select(func.coalesce(func.max(LostReason.position), -1))) or 0) + 1
        first = next_id(self.conn, LostReason.id)
        rows: list[dict[str, Any]] = []
        for d in self.plan.deals:
            if d.lost_reason and d.lost_reason.strip().lower() not in reasons:
                rid = first + len(rows)
                rows.append({"id": rid, "text": d.lost_reason.strip()[:300], "position": position + len(rows),
                             "active": True})
                reasons[d.lost_reason.strip().lower()] = rid
        insert_all(self.conn, LostReason, rows)
        self.remember("lost_reason", rows, REASON_FP)
        self.counts["lost_reasons"] = len(rows)
        return reasons

    def custom_fields(self) -> dict[str, int]:
        existing = dict(self.conn.execute(select(CustomField.key, CustomField.id)
                                          .where(CustomField.entity == "deal")).all())
        position = int(self.conn.scalar(select(func.coalesce(func.max(CustomField.position), -1))
                                        .where(CustomField.entity == "deal")) or 0) + 1
        first = next_id(self.conn, CustomField.id)
        rows = []
        for key, label in self.plan.custom_labels.items():
            if key not in existing:
                fid = first + len(rows)
                rows.append({"id": fid, "entity": "deal", "key": key[:64], "label_ru": label[:200],
                             "label_en": label[:200], "type": "text", "options": [], "block": "custom",
                             "position": position + len(rows), "pinned": False, "retired": False})
                existing[key] = fid
        insert_all(self.conn, CustomField, rows)
        self.remember("custom_field", rows, FIELD_FP)
        self.counts["custom_fields"] = len(rows)
        return existing

    def companies(self) -> dict[str, int | None]:
        used = {d.company_key for d in self.plan.deals if d.company_key}
        used |= {c.company_key for c in self.plan.contacts.values() if c.company_key}
        first = next_id(self.conn, Company.id)
        rows: list[dict[str, Any]] = []
        out: dict[str, int | None] = {}
        reused = 0
        for key in sorted(used):
            ref = self.plan.companies[key]
            if ref.existing_id is not None and self.preset.companies != "keep_both":
                out[key] = ref.existing_id if self.preset.companies == "merge" else None
                reused += self.preset.companies == "merge"
                continue
            cid = first + len(rows)
            rows.append({"id": cid, "name": ref.name, "inn": ref.inn, "website": ref.website, "segment": ref.segment,
                         "source": ref.source, "created_at": ref.created})
            out[key] = cid
        fast_insert(self.conn, Company, rows)
        self.remember("company", rows, COMPANY_FP)
        self.counts["companies"] = len(rows)
        self.counts["companies_found"] = reused
        return out

    def contacts(self, companies: dict[str, int | None]) -> dict[str, int | None]:
        used = {d.contact_key for d in self.plan.deals if d.contact_key}
        first = next_id(self.conn, Contact.id)
        rows: list[dict[str, Any]] = []
        out: dict[str, int | None] = {}
        reused = 0
        for key in sorted(used):
            ref = self.plan.contacts[key]
            if ref.existing_id is not None and self.preset.contacts != "keep_both":
                out[key] = ref.existing_id if self.preset.contacts == "merge" else None
                reused += self.preset.contacts == "merge"
                continue
            cid = first + len(rows)
            rows.append({"id": cid, "full_name": ref.name,
                         "company_id": companies.get(ref.company_key) if ref.company_key else None,
                         "email_work": ref.email, "email_personal": ref.email2, "phone_work": ref.phone,
                         "phone_personal": ref.phone2, "created_at": ref.created})
            out[key] = cid
        fast_insert(self.conn, Contact, rows)
        self.remember("contact", rows, CONTACT_FP)
        self.counts["contacts"] = len(rows)
        self.counts["contacts_found"] = reused
        return out

    def deals(self, users: dict[str, int], reasons: dict[str, int], companies: dict[str, int | None],
              contacts: dict[str, int | None], fields: dict[str, int]) -> tuple[list[int], int | None, int | None]:
        """Write the deals, their events, contact links and custom values, ``CHUNK`` deals at a time
        (so 100,000 deals never hold all their rows in memory at once)."""
        first_deal = next_id(self.conn, Deal.id)
        first_event = event_id = next_id(self.conn, DealEvent.id)
        value_id = next_id(self.conn, CustomFieldValue.id)
        deals = self.plan.deals
        totals = {"deals": 0, "events": 0, "links": 0, "custom_values": 0}
        for start in range(0, len(deals), CHUNK):
            if self.progress is not None:
                self.progress(start, len(deals))  # may raise to cancel: the transaction rolls back
            event_id, value_id = self._deal_chunk(deals[start:start + CHUNK], first_deal + start, event_id, value_id,
                                                  users, reasons, companies, contacts, fields, totals)
        self.counts.update(totals)
        last_event = event_id - 1 if event_id > first_event else None
        return list(range(first_deal, first_deal + len(deals))), (first_event if last_event else None), last_event

    def _deal_chunk(self, deals: list[Any], first_deal: int, event_id: int, value_id: int, users: dict[str, int],
                    reasons: dict[str, int], companies: dict[str, int | None], contacts: dict[str, int | None],
                    fields: dict[str, int], totals: dict[str, int]) -> tuple[int, int]:
        stages = {s.key: s.id for s in self.target.stages}
        won_stage = self.target.won_stage
        pipeline_id = self.target.pipeline_id
        deal_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        values: list[dict[str, Any]] = []
        file_ids: list[str] = []
        for n, d in enumerate(deals):
            deal_id = first_deal + n
            owner = users.get(d.owner) if d.owner else None

            def event(kind: str, at: Any, stage_id: int | None, user_id: int | None, owner_id: int | None = None,
                      lost_reason_id: int | None = None) -> None:
                nonlocal event_id
                event_rows.append({"id": event_id, "deal_id": deal_id, "kind": kind, "at": at, "user_id": user_id,
                                   "stage_id": stage_id, "owner_id": owner_id, "lost_reason_id": lost_reason_id,
                                   "comment": None})
                event_id += 1

            for i, e in enumerate(d.entries):
                mover = users.get(e.user) if e.user else owner
                event("stage", e.at, stages[e.stage], mover)
                if i == 0 and owner is not None:
                    event("owner", e.at, None, mover, owner_id=owner)
            last = d.entries[-1]
            stage_id, stage_entered = stages[last.stage], last.at
            reason_id = None
            if d.status == WON:
                if won_stage is not None and last.stage != won_stage:
                    stage_id, stage_entered = stages[won_stage], d.closed_at
                    event("stage", d.closed_at, stage_id, owner)
                event("won", d.closed_at, stage_id, owner)
            elif d.status == LOST:
                stage_id = stages[d.stage]
                reason_id = reasons.get(d.lost_reason.strip().lower()) if d.lost_reason else None
                event("lost", d.closed_at, stage_id, owner, lost_reason_id=reason_id)
            deal_rows.append({
                "id": deal_id, "pipeline_id": pipeline_id, "stage_id": stage_id, "name": d.name,
                "name_is_manual": d.name_is_manual,
                "company_id": companies.get(d.company_key) if d.company_key else None,
                "amount_minor": amount_to_minor(d.amount) if d.amount is not None else None,
                "currency": d.currency, "owner_id": owner, "source": d.source, "segment": d.segment,
                "created_at": d.created, "expected_close": d.expected_close, "status": d.status,
                "stage_entered_at": stage_entered, "closed_at": d.closed_at if d.status != "open" else None,
                "lost_reason_id": reason_id, "notes": d.notes, "external_id": d.ext_id,
            })
            file_ids.append(d.file_id)
            contact_id = contacts.get(d.contact_key) if d.contact_key else None
            if contact_id is not None:
                links.append({"deal_id": deal_id, "contact_id": contact_id})
            for key, value in d.custom.items():
                values.append({"id": value_id, "field_id": fields[key], "record_id": deal_id, "value": value})
                value_id += 1
        fast_insert(self.conn, Deal, deal_rows)
        fast_insert(self.conn, DealEvent, event_rows)
        fast_insert(self.conn, deal_contacts, links)
        fast_insert(self.conn, CustomFieldValue, values)
        for r, fid in zip(deal_rows, file_ids):
            r["file_id"] = fid
        self.remember("deal", deal_rows, DEAL_FP, source="file_id")
        self.remember("custom_value", values, VALUE_FP)
        self.records.extend(("deal_contact", link["deal_id"], link["contact_id"], None, None) for link in links)
        totals["deals"] += len(deal_rows)
        totals["events"] += len(event_rows)
        totals["links"] += len(links)
        totals["custom_values"] += len(values)
        return event_id, value_id

    def team_currency(self, currency: str | None) -> dict[str, Any]:
        """Set the team currency from the data; returns what it was (for a revert)."""
        if not currency:
            return {}
        row = self.session.scalar(select(Setting).where(Setting.key == "team.currency", Setting.user_id.is_(None)))
        before = row.value if row is not None else None
        if before == currency:
            return {}
        if row is None:
            self.session.add(Setting(key="team.currency", user_id=None, value=currency))
        else:
            row.value = currency
        self.session.flush()
        return {"team.currency": {"before": before, "after": currency}}


def write_plan(session: Session, plan: Plan, target: Target, preset: Preset, files: list[str], *,
               user_id: int | None = None, progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write ``plan`` and its import batch in the caller's transaction."""
    from .summary import main_currency

    w = PlanWriter(session, plan, target, preset, progress)
    conn = w.conn
    database_empty = not conn.scalar(select(func.count()).select_from(Deal))
    fast_bulk_load(conn)
    with insert_triggers_set_aside(conn):  # the search twins and counts: once for the batch, not per row
        users = w.users()
        reasons = w.lost_reasons()
        fields = w.custom_fields()
        companies = w.companies()
        contacts = w.contacts(companies)
        deal_ids, first_event, last_event = w.deals(users, reasons, companies, contacts, fields)
    settings_before: dict[str, Any] = {}
    main = main_currency(plan)
    if main and (target.currency is None or (database_empty and main != target.currency)):
        settings_before = w.team_currency(main)
    w.counts["already_imported"] = plan.already_imported
    w.counts["skipped_rows"] = plan.skipped_rows
    if not w.records and not settings_before:  # a repeat import: nothing new, no batch to list or revert
        return ImportResult(batch_id=0, counts=dict(w.counts))
    batch = ImportBatch(created_at=now(), user_id=user_id, preset_name=preset.name or None, source=preset.source,
                        pipeline_key=target.pipeline_key, files=list(files), counts=dict(w.counts),
                        first_event_id=first_event, last_event_id=last_event, settings_before=settings_before)
    session.add(batch)
    session.flush()
    first = next_id(conn, ImportRecord.id)
    keys = ("kind", "record_id", "other_id", "source_id", "fingerprint")
    for start in range(0, len(w.records), CHUNK):
        fast_insert(conn, ImportRecord, [dict(zip(keys, r), id=first + start + i, batch_id=batch.id)
                                         for i, r in enumerate(w.records[start:start + CHUNK])])
    _sync_sequences(conn, ["users", "lost_reasons", "custom_fields", "companies", "contacts", "deals",
                           "deal_events", "custom_field_values", "import_records"])
    result = ImportResult(batch_id=batch.id, counts=dict(w.counts))
    result.deals = set(deal_ids)
    result.companies = {r[1] for r in w.records if r[0] == "company"}
    result.contacts = {r[1] for r in w.records if r[0] == "contact"}
    result.users = bool(w.counts.get("users"))
    result.funnel = bool(w.counts.get("lost_reasons"))
    result.fields = bool(w.counts.get("custom_fields"))
    result.settings = bool(settings_before)
    result.created = [batch.id]
    return result


