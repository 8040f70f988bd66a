"""Files + preset → a ``Plan``: the deals with their parsed values and stage history, the people and
companies they name, and every problem. Reads the database only through ``matching``; writes nothing.

Decisions (each inconsistency is listed as a warning saying what was done):
* Several columns mapped to one field: the first non-empty value, in column order.
* Status: the status column's target if mapped, else ``won``/``lost`` from the stage column,
  else open. A row whose stage or status maps to ``skip`` is not a deal (counted as skipped).
* History: the rows of a history file (joined on the deal id) and the ``step:`` date columns,
  in time order; rows mapped to ``won``/``lost`` give the close time instead of a stage.
  A deal without history enters its current stage (or the first stage) when created;
  a deal whose history starts after its creation enters the pipeline's first stage then.
* Closed time: the mapped column, else the history's closing row, else the expected close
  (Salesforce's CloseDate), else the last history row (warning). A closed time on an open
  deal is ignored (counted).
* File ids: the deal id column, else a hash of the row's mapped values; remembered as
  ``<source>:<id>`` so a repeat import adds nothing.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from ..fields.errors import FieldInvalid
from ..fields.inn import normalise_inn
from ..fields.phone import normalise_phone
from ..fields.web import normalise_domain, normalise_email
from ..values.amounts import CURRENCY_MARKS, AmountUnreadable, detect_amount_format, parse_amount_full
from ..values.dates import DateFormat, DateUnreadable, date_reader, detect_date_format
from . import problems as pk
from .fields import CUSTOM_PREFIX, STEP_PREFIX, Field, is_date_target
from .preset import LOST, OPEN, SKIP, WON, FileMapping, Preset
from .problems import Problem
from .sources import Table, cell_text
from .target import Target
from .values import assign

EXTERNAL_ID_MAX = 100
NAME_MAX = 300


@dataclass(slots=True)
class CompanyRef:
    key: str
    name: str
    inn: str | None = None
    website: str | None = None
    segment: str | None = None
    source: str | None = None
    created: datetime | None = None
    existing_id: int | None = None  # a company found in the database (see matching)
    rows: int = 0


@dataclass(slots=True)
class ContactRef:
    key: str
    name: str
    company_key: str | None = None
    email: str | None = None
    email2: str | None = None
    phone: str | None = None
    phone2: str | None = None
    created: datetime | None = None
    existing_id: int | None = None
    rows: int = 0


@dataclass(slots=True)
class Entry:
    stage: str
    at: datetime
    user: str | None = None


@dataclass(slots=True)
class DealPlan:
    file_id: str
    ext_id: str
    file: str
    row: int
    name: str
    name_is_manual: bool
    company_key: str | None
    contact_key: str | None
    amount: Decimal | None
    currency: str
    owner: str | None
    source: str | None
    segment: str | None
    notes: str | None
    created: datetime
    expected_close: date | None
    status: str
    closed_at: datetime | None
    lost_reason: str | None
    stage: str  # the current stage key (the won stage for a won deal, the stage lost at for a lost one)
    entries: list[Entry]
    custom: dict[str, str] = field(default_factory=dict)


@dataclass
class Plan:
    preset: Preset
    deals: list[DealPlan] = field(default_factory=list)
    companies: dict[str, CompanyRef] = field(default_factory=dict)
    contacts: dict[str, ContactRef] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped_rows: int = 0
    already_imported: int = 0
    open_with_closed_time: int = 0
    custom_labels: dict[str, str] = field(default_factory=dict)  # custom field key → header
    owners: set[str] = field(default_factory=set)  # every owner/mover name the deals use
    duplicates: dict[str, Counter[str]] = field(default_factory=dict)  # companies/contacts → counts
    similar_companies: list[tuple[str, str, int]] = field(default_factory=list)


class _Columns:
    """Per table: column indices by target, parsed date/amount formats, and problem helpers."""

    def __init__(self, table: Table, mapping: FileMapping, preset: Preset, plan: Plan, zone: Any):
        self.table = table
        self.plan = plan
        self.preset = preset
        self.zone = zone
        self.by_target: dict[str, list[int]] = defaultdict(list)
        self.date_fmt: dict[int, str | None] = {}
        self.readers: dict[int, Any] = {}
        self.amount_fmt: dict[int, Any] = {}
        for header, target in mapping.columns.items():
            if target == Field.SKIP:
                continue
            if header not in table.headers:
                plan.problems.append(Problem(pk.UNKNOWN_COLUMN, f"the file has no column {header!r}",
                                             file=table.name, column=header, severity=pk.WARNING,
                                             fix=f"nothing is read into {target}"))
                continue
            i = table.headers.index(header)
            self.by_target[target].append(i)
            if is_date_target(target):
                chosen = mapping.date_formats.get(header)
                if chosen:
                    try:
                        DateFormat(chosen)
                    except ValueError:
                        plan.problems.append(Problem(pk.BAD_DATE, f"{chosen!r} is not a date format", file=table.name,
                                                     column=header))
                        chosen = None
                if chosen:
                    self.date_fmt[i] = chosen
                else:
                    d = detect_date_format(table.column(header))
                    self.date_fmt[i] = d.format.value if d.format else None
                    if d.ambiguous:
                        plan.problems.append(Problem(
                            pk.AMBIGUOUS_DATES, "every day and month is 12 or less: choose DD/MM/YYYY or MM/DD/YYYY",
                            file=table.name, column=header))
                self.readers[i] = date_reader(self.date_fmt[i], zone)
            elif target == Field.AMOUNT:
                self.amount_fmt[i] = detect_amount_format(table.column(header))

    def has(self, target: str) -> bool:
        return bool(self.by_target.get(target))

    def first(self, row: list[Any], target: str) -> tuple[Any, int]:
        """The first non-empty value of the columns mapped to ``target`` and its column index."""
        for i in self.by_target.get(target, ()):
            v = row[i]
            if v is not None and v != "":
                return v, i
        return None, -1

    def text(self, row: list[Any], target: str) -> str | None:
        for i in self.by_target.get(target, ()):
            v = row[i]
            if v is not None and v != "":
                return v if v.__class__ is str else cell_text(v).strip() or None  # str cells come stripped
        return None

    def bad(self, kind: str, n: int, i: int, value: Any, message: str, blocking: bool | None = None) -> None:
        refuse = self.preset.bad_values == "refuse" if blocking is None else blocking
        header = self.table.headers[i] if i >= 0 else ""
        self.plan.problems.append(Problem(
            kind, message, file=self.table.name, row=self.table.row_numbers[n], column=header,
            value=cell_text(value), severity=pk.ERROR if refuse else pk.WARNING,
            fix="" if refuse else "imported without this value", cell=self.table.cell_name(header, n) if header else ""))

    def date(self, row: list[Any], n: int, target: str) -> datetime | None:
        v, i = self.first(row, target)
        if v is None:
            return None
        return self.date_at(v, n, i)

    def date_at(self, v: Any, n: int, i: int) -> datetime | None:
        try:
            return self.readers[i](v)
        except DateUnreadable as exc:
            self.bad(pk.BAD_DATE, n, i, v, f"not a date: {exc.reason}")
            return None


def _currency(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip()
    code = CURRENCY_MARKS.get(t.lower())
    if code:
        return code
    return t.upper() if len(t) == 3 and t.isalpha() and t.isascii() else None


_RU_MOBILE = frozenset("3489")
_PHONE_CHARS = re.compile(r"[\d +\-().]+")
_NOT_DIGIT = re.compile(r"\D")
_PLAIN_EMAIL = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}")


def _email(text: str) -> str:
    """The normalised e-mail; plain ASCII addresses without the slower full check."""
    low = text.strip().lower()
    if _PLAIN_EMAIL.fullmatch(low) and ".." not in low and not low.startswith("."):
        return low
    return normalise_email(text)


@lru_cache(maxsize=65536)
def _phone(text: str) -> str:
    """E.164 of a phone; Russian numbers (+7/8 and ten digits) without the slow full check."""
    plain = _PHONE_CHARS.fullmatch(text) is not None
    digits = _NOT_DIGIT.sub("", text)
    if plain and len(digits) == 11 and digits[0] in "78" and digits[1] in _RU_MOBILE:
        return "+7" + digits[1:]
    if plain and len(digits) == 10 and digits[0] in _RU_MOBILE and not text.lstrip().startswith("+"):
        return "+7" + digits
    return normalise_phone(text)


def _row_hash(row: list[Any], cols: _Columns) -> str:
    parts = [f"{t}={cell_text(row[i])}" for t in sorted(cols.by_target) for i in cols.by_target[t]]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=200_000)
def _norm_company(name: str) -> str:
    low = name.lower().replace("ё", "е")
    low = re.sub(r"[«»\"'“”„]", " ", low)
    low = re.sub(r"\b(ооо|оао|зао|пао|ао|ип|нко|ано|фгуп|муп|llc|ltd|inc|gmbh|corp)\b\.?", " ", low)
    return " ".join(low.split())


class PlanBuilder:
    def __init__(self, conn: Connection | None, tables: Sequence[Table], preset: Preset, target: Target,
                 progress: Callable[[int, int], None] | None = None):
        self.conn = conn
        self.tables = tables
        self.preset = preset
        self.target = target
        self.progress = progress
        self.plan = Plan(preset=preset)
        self.company_index: dict[str, str] = {}  # inn:/site:/name: → company key
        self.contact_index: dict[str, str] = {}
        self.company_seen: dict[tuple[Any, ...], str] = {}  # the cells of a row → the company they gave
        self.contact_seen: dict[tuple[Any, ...], str] = {}

    # --- lookups from the other files -----------------------------------------------------------
    def users_lookup(self, pairs: list[tuple[Table, FileMapping]]) -> dict[str, str] | None:
        for table, mapping in pairs:
            if mapping.role != "users":
                continue
            cols = _Columns(table, mapping, self.preset, self.plan, self.target.time_zone)
            out: dict[str, str] = {}
            for row in table.rows:
                key, name = cols.text(row, Field.DEAL_ID), cols.text(row, Field.USER_NAME)
                if key and name:
                    out[key] = name
            return out
        return None

    def history_rows(self, pairs: list[tuple[Table, FileMapping]], users: dict[str, str] | None
                     ) -> dict[str, list[tuple[str | None, datetime, str | None, str, int]]]:
        """deal file id → [(target, at, user, file, row)] from the history files."""
        out: dict[str, list[tuple[str | None, datetime, str | None, str, int]]] = defaultdict(list)
        unmapped: Counter[str] = Counter()
        for table, mapping in pairs:
            if mapping.role != "history":
                continue
            cols = _Columns(table, mapping, self.preset, self.plan, self.target.time_zone)
            for needed in (Field.DEAL_ID, Field.STAGE, Field.ENTERED_AT):
                if not cols.has(needed):
                    self.plan.problems.append(Problem(pk.MISSING_FIELD, f"no column is mapped to {needed.value}",
                                                      file=table.name, column=needed.value))
            if not (cols.has(Field.DEAL_ID) and cols.has(Field.STAGE) and cols.has(Field.ENTERED_AT)):
                continue
            for n, row in enumerate(table.rows):
                deal_id = cols.text(row, Field.DEAL_ID)
                value = cols.text(row, Field.STAGE)
                at = cols.date(row, n, Field.ENTERED_AT)
                if not deal_id or not value or at is None:
                    continue
                target = self.preset.stages.get(value)
                if target is None:
                    unmapped[value] += 1
                    continue
                user = cols.text(row, Field.OWNER)
                if user and users is not None:
                    user = users.get(user, user)
                out[deal_id].append((target, at, user, table.name, table.row_numbers[n]))
        for value, count in unmapped.items():
            self.plan.problems.append(Problem(pk.UNMAPPED_VALUE, f"the stage {value!r} ({count} history rows) is "
                                              "mapped to no stage", column=Field.STAGE.value, value=value))
        return out

    # --- people and companies ---------------------------------------------------------------------
    def company(self, cols: _Columns, row: list[Any], n: int, created: datetime, segment: str | None,
                source: str | None) -> str | None:
        name = cols.text(row, Field.COMPANY)
        inn_raw, inn_i = cols.first(row, Field.INN)
        site_raw, site_i = cols.first(row, Field.WEBSITE)
        seen_key = (name, inn_raw, site_raw)
        key = self.company_seen.get(seen_key)
        if key is not None:  # the same company cells as an earlier row: the same company
            ref = self.plan.companies[key]
            ref.rows += 1
            if created < ref.created:
                ref.created = created
            return key
        problems_before = len(self.plan.problems)
        inn = site = None
        if inn_raw is not None:
            text = cell_text(inn_raw).strip()
            if isinstance(inn_raw, (int, float)) and len(text) in (9, 11):
                text = "0" + text  # a number cell lost the INN's leading zero
            try:
                inn = normalise_inn(text)
            except FieldInvalid as exc:
                cols.bad(pk.BAD_INN, n, inn_i, inn_raw, f"not an INN: {exc.reason}", blocking=False)
        if site_raw is not None:
            try:
                site = normalise_domain(cell_text(site_raw))
            except FieldInvalid as exc:
                cols.bad(pk.BAD_WEBSITE, n, site_i, site_raw, f"not a website: {exc.reason}", blocking=False)
        if not (name or inn or site):
            return None
        probes = ([f"inn:{inn}"] if inn else []) + ([f"site:{site}"] if site else []) + \
            ([f"name:{_norm_company(name)}"] if name and _norm_company(name) else [])
        key = next((self.company_index[p] for p in probes if p in self.company_index), None)
        if key is None:
            key = probes[0]
            self.plan.companies[key] = CompanyRef(key, (name or site or inn or "")[:NAME_MAX], inn, site, segment,
                                                  source, created)
        ref = self.plan.companies[key]
        ref.rows += 1
        ref.inn = ref.inn or inn
        ref.website = ref.website or site
        if ref.created is None or created < ref.created:
            ref.created = created
        for p in probes:
            self.company_index.setdefault(p, key)
        if len(self.plan.problems) == problems_before:
            self.company_seen[seen_key] = key
        return key

    def contact(self, cols: _Columns, row: list[Any], n: int, company_key: str | None, created: datetime) -> str | None:
        name = cols.text(row, Field.CONTACT_NAME)
        email_raw, _ = cols.first(row, Field.EMAIL)
        phone_raw, _ = cols.first(row, Field.PHONE)
        seen_key = (name, email_raw, phone_raw, company_key)
        key = self.contact_seen.get(seen_key)
        if key is not None:  # the same contact cells as an earlier row
            self.plan.contacts[key].rows += 1
            return key
        problems_before = len(self.plan.problems)
        emails: list[str] = []
        phones: list[str] = []
        raw, i = cols.first(row, Field.EMAIL)
        for part in (cell_text(raw).replace(";", ",").split(",") if raw is not None else []):
            if part.strip():
                try:
                    emails.append(_email(part))
                except FieldInvalid as exc:
                    cols.bad(pk.BAD_EMAIL, n, i, part, f"not an e-mail: {exc.reason}", blocking=False)
        raw, i = cols.first(row, Field.PHONE)
        for part in (cell_text(raw).replace(";", ",").split(",") if raw is not None else []):
            part = part.strip()
            if not part:
                continue
            main = part.lower().split("доб")[0].split("ext")[0].strip(" .,")
            try:
                phones.append(_phone(main))
            except FieldInvalid as exc:
                cols.bad(pk.BAD_PHONE, n, i, part, f"not a phone: {exc.reason}", blocking=False)
        if not (name or emails or phones):
            return None
        probes = [f"email:{e}" for e in emails] + [f"phone:{p}" for p in phones]
        if name:
            probes.append(f"name:{company_key or ''}:{name.lower()}")
        key = next((self.contact_index[p] for p in probes if p in self.contact_index), None)
        if key is None:
            key = probes[0]
            self.plan.contacts[key] = ContactRef(key, (name or (emails or phones)[0])[:NAME_MAX], company_key,
                                                 created=created)
        ref = self.plan.contacts[key]
        ref.rows += 1
        for e in emails:
            if ref.email is None:
                ref.email = e
            elif ref.email2 is None and e != ref.email:
                ref.email2 = e
        for p in phones:
            if ref.phone is None:
                ref.phone = p
            elif ref.phone2 is None and p != ref.phone:
                ref.phone2 = p
        ref.company_key = ref.company_key or company_key
        for p in probes:
            self.contact_index.setdefault(p, key)
        if len(self.plan.problems) == problems_before:
            self.contact_seen[seen_key] = key
        return key

    # --- deals ----------------------------------------------------------------------------------
    def build(self) -> Plan:
        pairs = assign(self.tables, self.preset)
        deals_pair = next(((t, m) for t, m in pairs if m.role == "deals"), None)
        if deals_pair is None:
            self.plan.problems.append(Problem(pk.MISSING_FIELD, "no file is mapped as the deals file"))
            return self.plan
        if self.target.stage(self.preset.lost_stage or "") is None and self.preset.lost_stage:
            self.plan.problems.append(Problem(pk.OTHER, f"the pipeline has no stage {self.preset.lost_stage!r}"))
        bad_targets = sorted({t for t in [*self.preset.stages.values(), *self.preset.statuses.values()]
                              if t not in (WON, LOST, OPEN, SKIP) and self.target.stage(t) is None})
        for t in bad_targets:
            self.plan.problems.append(Problem(pk.UNMAPPED_VALUE, f"{t!r} is not a stage of the pipeline "
                                              f"{self.target.pipeline_key!r}", value=t))
        users = self.users_lookup(pairs)
        history = self.history_rows(pairs, users)
        table, mapping = deals_pair
        cols = _Columns(table, mapping, self.preset, self.plan, self.target.time_zone)
        for target in cols.by_target:
            if target.startswith(STEP_PREFIX) and self.target.stage(target[len(STEP_PREFIX):]) is None:
                self.plan.problems.append(Problem(pk.UNMAPPED_VALUE, f"{target!r}: no such stage in the pipeline",
                                                  file=table.name, value=target))
            if target.startswith(CUSTOM_PREFIX):
                key = target[len(CUSTOM_PREFIX):]
                for i in cols.by_target[target]:
                    self.plan.custom_labels.setdefault(key, table.headers[i])
        if not (cols.has(Field.CREATED) or history or any(t.startswith(STEP_PREFIX) for t in cols.by_target)):
            self.plan.problems.append(Problem(pk.MISSING_FIELD, "no column is mapped to created (nor a history)",
                                              file=table.name, column=Field.CREATED.value))
        self.read_deals(table, cols, users, history)
        from .matching import match_existing

        if self.conn is not None:
            match_existing(self.conn, self.plan)
        return self.plan

    def read_deals(self, table: Table, cols: _Columns, users: dict[str, str] | None,
                   history: dict[str, list[tuple[str | None, datetime, str | None, str, int]]]) -> None:
        plan, preset, target = self.plan, self.preset, self.target
        stage_keys = target.stage_keys
        first_stage = stage_keys[0] if stage_keys else ""
        won_stage = target.won_stage
        lost_stage = preset.lost_stage if preset.lost_stage in stage_keys else first_stage
        unmapped: dict[tuple[str, str], int] = Counter()
        seen: dict[str, int] = {}
        steps = [(t[len(STEP_PREFIX):], i) for t, idx in cols.by_target.items() if t.startswith(STEP_PREFIX)
                 for i in idx]
        customs = [(t[len(CUSTOM_PREFIX):], i) for t, idx in cols.by_target.items() if t.startswith(CUSTOM_PREFIX)
                   for i in idx]
        has_id = cols.has(Field.DEAL_ID)
        total = len(table.rows)
        for n, row in enumerate(table.rows):
            if self.progress is not None and n % 5000 == 0:
                self.progress(n, total)
            line = table.row_numbers[n]
            # identity
            file_id = cols.text(row, Field.DEAL_ID) if has_id else _row_hash(row, cols)
            if not file_id:
                cols.bad(pk.NO_DEAL_ID, n, cols.by_target[Field.DEAL_ID][0], None, "the deal id is empty", True)
                continue
            if file_id in seen:
                if not has_id:
                    seen[file_id] += 1
                    file_id = f"{file_id}#{seen[file_id]}"
                else:
                    cols.bad(pk.DUPLICATE_DEAL_ID, n, cols.by_target[Field.DEAL_ID][0], file_id,
                             f"the deal id {file_id!r} is on row {seen[file_id]} too", True)
                    continue
            seen.setdefault(file_id, line if has_id else 1)
            ext_id = f"{preset.source}:{file_id}"
            if len(ext_id) > EXTERNAL_ID_MAX:
                cols.bad(pk.NO_DEAL_ID, n, cols.by_target[Field.DEAL_ID][0], file_id, "the deal id is too long", True)
                continue
            # stage and status
            stage_value = cols.text(row, Field.STAGE)
            status_value = cols.text(row, Field.STATUS)
            stage_t = preset.stages.get(stage_value) if stage_value else None
            status_t = preset.statuses.get(status_value) if status_value else None
            if stage_value and stage_t is None:
                unmapped[("stage", stage_value)] += 1
            if status_value and status_t is None:
                unmapped[("status", status_value)] += 1
            if SKIP in (stage_t, status_t):
                plan.skipped_rows += 1
                continue
            if ext_id in target.imported:
                plan.already_imported += 1
                continue
            if status_t in (OPEN, WON, LOST):
                status = status_t
            elif stage_t in (WON, LOST):
                status = stage_t
            else:
                status = OPEN
            current = stage_t if stage_t not in (None, WON, LOST, OPEN, SKIP) else None
            # times
            created = cols.date(row, n, Field.CREATED)
            closed = cols.date(row, n, Field.CLOSED_AT)
            expected_dt = cols.date(row, n, Field.EXPECTED_CLOSE)
            # history
            raw_entries: list[Entry] = []
            close_from_history: datetime | None = None
            for h_target, at, user, _f, _r in history.get(file_id, ()):
                if h_target in (WON, LOST):
                    close_from_history = at if close_from_history is None or at > close_from_history else \
                        close_from_history
                elif h_target not in (SKIP, OPEN):
                    raw_entries.append(Entry(h_target, at, user))
            for key, i in steps:
                v = row[i]
                if v is not None and v != "":
                    at = cols.date_at(v, n, i)
                    if at is not None:
                        raw_entries.append(Entry(key, at))
            raw_entries.sort(key=lambda e: e.at)
            if created is None:
                if raw_entries:
                    created = raw_entries[0].at
                else:
                    _, ci = cols.first(row, Field.CREATED)
                    cols.bad(pk.BAD_DATE, n, ci if ci >= 0 else (cols.by_target.get(Field.CREATED) or [-1])[0], None,
                             "no creation time", True)
                    continue
            entries = raw_entries
            if entries and entries[0].at < created:
                if preset.history_before_creation == "drop_rows":
                    entries = [e for e in entries if e.at >= created]
                    fix = "history rows before the creation left out"
                else:
                    created = entries[0].at
                    fix = "created at its first history row"
                plan.problems.append(Problem(pk.HISTORY_BEFORE_CREATION, "history before the deal was created",
                                             file=table.name, row=line, value=file_id, severity=pk.WARNING, fix=fix))
            if status == OPEN and current and entries and entries[-1].stage != current:
                if preset.stage_disagrees == "trust_history":
                    fix = f"left at {entries[-1].stage}"
                    current = entries[-1].stage
                else:
                    fix = f"moved to {current} after its last history row"
                    entries.append(Entry(current, entries[-1].at))
                plan.problems.append(Problem(pk.STAGE_DISAGREES, "the current stage is not the last history row's",
                                             file=table.name, row=line, value=stage_value or "",
                                             severity=pk.WARNING, fix=fix))
            if not entries or entries[0].at > created:
                start = current if not entries and current else (lost_stage if not entries and status == LOST
                                                                 else first_stage)
                entries.insert(0, Entry(start, created))
            # closing
            if status == OPEN:
                if closed is not None:
                    plan.open_with_closed_time += 1
                closed = None
            else:
                if closed is None:
                    closed = close_from_history or expected_dt
                if closed is None:
                    closed = entries[-1].at
                    plan.problems.append(Problem(pk.CLOSED_WITHOUT_TIME, f"a {status} deal without a closed time",
                                                 file=table.name, row=line, value=file_id, severity=pk.WARNING,
                                                 fix="closed at its last stage entry"))
                if closed < entries[-1].at:
                    plan.problems.append(Problem(pk.OTHER, "closed before its last stage entry", file=table.name,
                                                 row=line, value=file_id, severity=pk.WARNING,
                                                 fix="closed at its last stage entry"))
                    closed = entries[-1].at
            if status == WON:
                stage_now = won_stage or entries[-1].stage
            elif status == LOST:
                stage_now = current or entries[-1].stage
            else:
                stage_now = current or entries[-1].stage
            # amount and currency
            amount = None
            currency = None
            v, i = cols.first(row, Field.AMOUNT)
            if v is not None:
                try:
                    parsed = parse_amount_full(v, cols.amount_fmt.get(i))
                except AmountUnreadable as exc:
                    cols.bad(pk.BAD_AMOUNT, n, i, v, f"not an amount: {exc.reason}")
                    parsed = None
                if parsed is not None:
                    if parsed.value < 0:
                        cols.bad(pk.NEGATIVE_AMOUNT, n, i, v, "a negative amount")
                    else:
                        amount = parsed.value
                        currency = parsed.currency
            cur_text = cols.text(row, Field.CURRENCY)
            if cur_text:
                code = _currency(cur_text)
                if code is None:
                    _, ci = cols.first(row, Field.CURRENCY)
                    cols.bad(pk.BAD_CURRENCY, n, ci, cur_text, "not a currency code (RUB, USD, EUR …)")
                else:
                    currency = code
            currency = currency or cols.amount_fmt.get(i, None) and cols.amount_fmt[i].currency or preset.currency
            # people
            owner = cols.text(row, Field.OWNER)
            if owner and users is not None:
                if owner in users:
                    owner = users[owner]
                else:
                    _, oi = cols.first(row, Field.OWNER)
                    cols.bad(pk.UNKNOWN_USER, n, oi, owner, "not in the users file", False)
                    owner = None
            if owner:
                owner = owner[:200]
                plan.owners.add(owner)
            for e in entries:
                if e.user:
                    plan.owners.add(e.user)
            segment = cols.text(row, Field.SEGMENT)
            source = cols.text(row, Field.SOURCE)
            company_key = self.company(cols, row, n, created, segment, source)
            contact_key = self.contact(cols, row, n, company_key, created)
            name = cols.text(row, Field.DEAL_NAME)
            if not name and company_key:
                c = plan.companies[company_key]
                name = " - ".join(p for p in (c.website, c.name) if p)
            custom = {}
            for key, ci in customs:
                if key not in custom and row[ci] not in (None, ""):
                    custom[key] = cell_text(row[ci]).strip()
            plan.deals.append(DealPlan(
                file_id=file_id, ext_id=ext_id, file=table.name, row=line, name=(name or file_id)[:NAME_MAX],
                name_is_manual=bool(cols.text(row, Field.DEAL_NAME)), company_key=company_key, contact_key=contact_key,
                amount=amount, currency=currency, owner=owner, source=source and source[:100],
                segment=segment and segment[:100], notes=cols.text(row, Field.NOTES), created=created,
                expected_close=expected_dt.date() if expected_dt else None, status=status,
                closed_at=closed, lost_reason=(cols.text(row, Field.LOST_REASON) or None) if status == LOST else None,
                stage=stage_now, entries=entries, custom=custom))
        for (which, value), count in unmapped.items():
            plan.problems.append(Problem(pk.UNMAPPED_VALUE, f"the {which} {value!r} ({count} rows) is mapped to nothing",
                                         file=table.name, column=which, value=value))
        if self.progress is not None:
            self.progress(total, total)


def build_plan(conn: Connection | None, tables: Sequence[Table], preset: Preset, target: Target,
               progress: Callable[[int, int], None] | None = None) -> Plan:
    """Read the files through the preset into a plan (with problems); ``conn`` finds existing records."""
    return PlanBuilder(conn, tables, preset, target, progress).build()
