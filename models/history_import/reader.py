"""Read and check the history import folder (spec/exchange.md, "History import") into plain rows.

Nothing here touches the database: ``Target`` carries what the checks need to know
about it (stage keys, users, the team time zone). Every bad value becomes a
``Problem`` (file, line, column, what is wrong); the caller refuses the whole import
if there is any.

Decisions where the spec is silent:
* Files may start with a BOM; header names are matched case-insensitively; unknown
  columns and files are ignored; blank rows are skipped.
* A user named in a file must be in users.csv or already in the database.
* ``status`` empty means open. An open deal must not have ``closed_at``; only a lost
  deal has a ``lost_reason``.
* ``created_at`` may be empty (the first stage_history row is the creation) but not
  later than that row. No stage_history row may come after ``closed_at``; a row for
  the won stage is allowed only as the last row of a won deal.
* ``name`` empty: the ``{website} - {company}`` convention.
* The stage requirements (amount from "qualified" on) are not enforced: history is
  taken as it happened; the "zero amount after qualification" metric shows the gaps.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..fields.errors import FieldInvalid
from ..fields.web import normalise_domain
from ..formula_guard import unguard
from ..values.amounts import AmountFormat, AmountUnreadable, amount_to_minor, detect_amount_format, parse_amount
from ..orm import ActivityType, Role
from .problems import Problem

USERS, DEALS, HISTORY, ACTIVITIES, PLANS = (
    "users.csv", "deals.csv", "stage_history.csv", "activities.csv", "plans.csv")
REQUIRED_FILES = (DEALS, HISTORY)
REQUIRED_COLUMNS = {
    USERS: ("name", "role"),
    DEALS: ("deal_id",),
    HISTORY: ("deal_id", "stage", "entered_at"),
    ACTIVITIES: ("user", "type", "at"),
    PLANS: ("period", "amount"),
}
ROLES = frozenset(r.value for r in Role)
ACTIVITY_TYPES = frozenset(t.value for t in ActivityType)
STATUSES = ("open", "won", "lost")
EXTERNAL_ID_MAX = 100


@dataclass
class Target:
    """What the checks need to know about the database being imported into."""

    stage_keys: list[str]
    won_stage: str | None
    users: set[str]
    time_zone: ZoneInfo
    currency: str = "RUB"
    imported_deals: set[str] = field(default_factory=set)  # external ids already in the database


@dataclass(slots=True)
class UserRow:
    line: int
    name: str
    role: str


@dataclass(slots=True)
class DealRow:
    line: int
    deal_id: str
    name: str
    company: str
    website: str  # normalised domain, or empty
    amount_minor: int | None
    currency: str
    owner: str | None
    source: str | None
    segment: str | None
    cohort: str | None
    created_at: datetime | None
    expected_close: date | None
    status: str
    closed_at: datetime | None
    lost_reason: str | None


@dataclass(slots=True)
class StageRow:
    line: int
    stage: str
    entered_at: datetime
    user: str | None


@dataclass(slots=True)
class ActivityRow:
    line: int
    deal_id: str | None
    user: str
    type: str
    at: datetime


@dataclass(slots=True)
class PlanRow:
    line: int
    year: int
    month: int | None
    user: str | None
    amount_minor: int


@dataclass
class ImportData:
    users: list[UserRow]
    deals: dict[str, DealRow]
    history: dict[str, list[StageRow]]  # by deal_id, in time order (rows with a bad time left out)
    activities: list[ActivityRow]
    plans: list[PlanRow]


class FileRows:
    """The rows of one CSV file as dicts by lower-case header, with their line numbers."""

    def __init__(self, folder: Path, name: str, problems: list[Problem]):
        self.name = name
        self.problems = problems
        self.path = folder / name
        self.amount_format: AmountFormat | None = None

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        if not self.path.is_file():  # an optional file that is not there
            return
        text = self._text()
        if text is None:
            return
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if header is None:
            self.problem(1, "(header)", "the file is empty; it needs a header row")
            return
        columns = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED_COLUMNS[self.name] if c not in columns]
        for column in missing:
            self.problem(1, column, "missing column")
        if missing:
            return
        rows: list[tuple[int, dict[str, str]]] = []
        line = reader.line_num
        for values in reader:
            start, line = line + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            # unguard: our own export's text marks
            rows.append((start, {c: unguard(v.strip()) for c, v in zip(columns, values)}))
        # the separators of the amounts are decided from the column as a whole (models.values.amounts)
        self.amount_format = detect_amount_format(r.get("amount", "") for _, r in rows)
        yield from rows

    def _text(self) -> str | None:
        """The file as text (UTF-8, with or without BOM); anything else is a problem naming the encoding."""
        data = self.path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:200_000]).best()
            seems = f" (it looks like {best.encoding})" if best is not None else ""
            self.problem(0, "(file)", f"not UTF-8{seems}; save it as UTF-8 (CSV UTF-8) and import again")
            return None

    def problem(self, line: int, column: str, text: str) -> None:
        self.problems.append(Problem(self.name, line, column, text))


class Checker:
    """Parses values and records a problem for each bad one (returning None then)."""

    def __init__(self, target: Target, problems: list[Problem]):
        self.target = target
        self.problems = problems

    def add(self, file: str, line: int, column: str, text: str) -> None:
        self.problems.append(Problem(file, line, column, text))

    def time(self, file: str, line: int, column: str, text: str, required: bool = True) -> datetime | None:
        if not text:
            if required:
                self.add(file, line, column, "empty; a time is required (e.g. 2026-10-21 14:05:00)")
            return None
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            self.add(file, line, column, f"{text!r} is not an ISO 8601 time (e.g. 2026-10-21T14:05:00)")
            return None
        if value.tzinfo is not None:
            value = value.astimezone(self.target.time_zone).replace(tzinfo=None)
        return value

    def date(self, file: str, line: int, column: str, text: str) -> date | None:
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.add(file, line, column, f"{text!r} is not a date (YYYY-MM-DD)")
            return None

    def amount(self, file: str, line: int, column: str, text: str, fmt: AmountFormat | None = None) -> int | None:
        try:
            value = parse_amount(text, fmt)
        except AmountUnreadable as exc:
            self.add(file, line, column, f"{text!r} is not an amount: {exc.reason}")
            return None
        minor = None if value is None else amount_to_minor(value)
        if minor is not None and minor < 0:
            self.add(file, line, column, f"{text!r} is negative")
            return None
        return minor

    def website(self, file: str, line: int, column: str, text: str) -> str:
        """The normalised domain (``https://www.Acme.ru/x`` → ``acme.ru``), or empty."""
        if not text:
            return ""
        try:
            return normalise_domain(text, column)
        except FieldInvalid as exc:
            self.add(file, line, column, f"{text!r}: {exc.reason}")
            return ""

    def user(self, file: str, line: int, column: str, name: str, known: set[str]) -> str | None:
        if name and name not in known:
            self.add(file, line, column, f"no user {name!r} in users.csv or the database")
            return None
        return name or None

    def choice(self, file: str, line: int, column: str, text: str, allowed: Callable[[str], bool],
               listing: str) -> str | None:
        if not allowed(text):
            self.add(file, line, column, f"{text!r} is not one of: {listing}")
            return None
        return text


def read_users(rows: FileRows, check: Checker) -> list[UserRow]:
    out: list[UserRow] = []
    seen: set[str] = set()
    for line, r in rows:
        name, role = r.get("name", ""), r.get("role", "").lower()
        if not name:
            check.add(USERS, line, "name", "empty")
        elif name in seen:
            check.add(USERS, line, "name", f"user {name!r} is listed twice")
        elif check.choice(USERS, line, "role", role, ROLES.__contains__, ", ".join(sorted(ROLES))):
            out.append(UserRow(line, name, role))
        seen.add(name)
    return out


def read_deals(rows: FileRows, check: Checker, users: set[str]) -> dict[str, DealRow]:
    out: dict[str, DealRow] = {}
    for line, r in rows:
        deal_id = r.get("deal_id", "")
        if not deal_id:
            check.add(DEALS, line, "deal_id", "empty")
        elif len(deal_id) > EXTERNAL_ID_MAX:
            check.add(DEALS, line, "deal_id", f"longer than {EXTERNAL_ID_MAX} characters")
        elif deal_id in out:
            check.add(DEALS, line, "deal_id", f"deal {deal_id!r} is listed twice (first on line {out[deal_id].line})")
        name, company = r.get("name", ""), r.get("company", "")
        website = check.website(DEALS, line, "website", r.get("website", ""))
        if not (name or company or r.get("website")):
            check.add(DEALS, line, "name", "empty, and no company or website to name the deal after")
        currency = (r.get("currency", "") or check.target.currency).upper()
        if not (len(currency) == 3 and currency.isalpha()):
            check.add(DEALS, line, "currency", f"{currency!r} is not a three-letter currency code")
        status = (r.get("status", "") or "open").lower()
        check.choice(DEALS, line, "status", status, STATUSES.__contains__, ", ".join(STATUSES))
        closed_at = check.time(DEALS, line, "closed_at", r.get("closed_at", ""), required=False)
        if status in ("won", "lost") and closed_at is None and not r.get("closed_at"):
            check.add(DEALS, line, "closed_at", f"empty; a {status} deal needs the time it was closed")
        if status == "open" and r.get("closed_at"):
            check.add(DEALS, line, "closed_at", "an open deal has no closed_at")
        reason = r.get("lost_reason", "") or None
        if status == "lost" and not reason:
            check.add(DEALS, line, "lost_reason", "empty; a lost deal needs a reason")
        if status in ("open", "won") and reason:
            check.add(DEALS, line, "lost_reason", f"only a lost deal has a reason (status is {status})")
        row = DealRow(
            line=line, deal_id=deal_id, name=name, company=company, website=website,
            amount_minor=check.amount(DEALS, line, "amount", r.get("amount", ""), rows.amount_format),
            currency=currency,
            owner=check.user(DEALS, line, "owner", r.get("owner", ""), users),
            source=r.get("source") or None, segment=r.get("segment") or None, cohort=r.get("cohort") or None,
            created_at=check.time(DEALS, line, "created_at", r.get("created_at", ""), required=False),
            expected_close=check.date(DEALS, line, "expected_close", r.get("expected_close", "")),
            status=status, closed_at=closed_at, lost_reason=reason,
        )
        if deal_id and deal_id not in out:  # kept even when bad, so other files can refer to it
            out[deal_id] = row
    return out


def read_history(rows: FileRows, check: Checker, deals: dict[str, DealRow], users: set[str]
                 ) -> tuple[dict[str, list[StageRow]], set[str]]:
    """The rows by deal in time order, and every deal_id the file names (even on bad rows)."""
    stage_keys = set(check.target.stage_keys)
    out: dict[str, list[StageRow]] = {}
    named: set[str] = set()
    for line, r in rows:
        deal_id, stage = r.get("deal_id", ""), r.get("stage", "")
        named.add(deal_id)
        if deal_id not in deals:
            check.add(HISTORY, line, "deal_id", f"no deal {deal_id!r} in deals.csv")
        if stage not in stage_keys:
            check.add(HISTORY, line, "stage", f"{stage!r} is not a stage of the pipeline "
                                              f"({', '.join(check.target.stage_keys)})")
        at = check.time(HISTORY, line, "entered_at", r.get("entered_at", ""))
        user = check.user(HISTORY, line, "user", r.get("user", ""), users)
        if at is not None:
            out.setdefault(deal_id, []).append(StageRow(line, stage, at, user))
    for entries in out.values():
        entries.sort(key=lambda e: e.entered_at)
    return out, named


def check_deal_histories(check: Checker, deals: dict[str, DealRow], history: dict[str, list[StageRow]],
                         named: set[str]) -> None:
    won_stage = check.target.won_stage
    for deal_id, deal in deals.items():
        entries = history.get(deal_id)
        if not entries:
            if deal_id not in named:
                check.add(DEALS, deal.line, "deal_id", f"deal {deal_id!r} has no rows in stage_history.csv")
            continue
        if deal.created_at is not None and deal.created_at > entries[0].entered_at:
            check.add(DEALS, deal.line, "created_at",
                      f"later than the deal's first stage_history row (line {entries[0].line})")
        for i, e in enumerate(entries):
            if deal.closed_at is not None and e.entered_at > deal.closed_at:
                check.add(HISTORY, e.line, "entered_at", f"after the deal was closed ({deal.closed_at})")
            if e.stage == won_stage and (deal.status != "won" or i != len(entries) - 1):
                why = f"the deal's status is {deal.status}" if deal.status != "won" else "later rows follow it"
                check.add(HISTORY, e.line, "stage", f"enters the won stage {won_stage!r} but {why}")


def read_activities(rows: FileRows, check: Checker, deals: dict[str, DealRow], users: set[str]
                    ) -> list[ActivityRow]:
    out: list[ActivityRow] = []
    for line, r in rows:
        bad = len(check.problems)
        deal_id = r.get("deal_id", "") or None
        if deal_id is not None and deal_id not in deals and deal_id not in check.target.imported_deals:
            check.add(ACTIVITIES, line, "deal_id", f"no deal {deal_id!r} in deals.csv")
        user = r.get("user", "")
        if not user:
            check.add(ACTIVITIES, line, "user", "empty")
        check.user(ACTIVITIES, line, "user", user, users)
        kind = r.get("type", "").lower()
        check.choice(ACTIVITIES, line, "type", kind, ACTIVITY_TYPES.__contains__, ", ".join(sorted(ACTIVITY_TYPES)))
        at = check.time(ACTIVITIES, line, "at", r.get("at", ""))
        if len(check.problems) == bad and at is not None:
            out.append(ActivityRow(line, deal_id, user, kind, at))
    return out


def _period(text: str) -> tuple[int, int | None] | None:
    parts = text.split("-")
    if len(parts) not in (1, 2) or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    month = int(parts[1]) if len(parts) == 2 else None
    if month is not None and not 1 <= month <= 12:
        return None
    return int(parts[0]), month


def read_plans(rows: FileRows, check: Checker, users: set[str]) -> list[PlanRow]:
    out: list[PlanRow] = []
    seen: dict[tuple[int, int | None, str | None], int] = {}
    for line, r in rows:
        bad = len(check.problems)
        period = _period(r.get("period", ""))
        if period is None:
            check.add(PLANS, line, "period", f"{r.get('period', '')!r} is not a year (2026) or a month (2026-10)")
        user = check.user(PLANS, line, "user", r.get("user", ""), users)
        amount = check.amount(PLANS, line, "amount", r.get("amount", ""), rows.amount_format)
        if amount is None and len(check.problems) == bad:
            check.add(PLANS, line, "amount", "empty")
        if period is not None:
            key = (period[0], period[1], user)
            if key in seen:
                check.add(PLANS, line, "period", f"the same period and user as line {seen[key]}")
            seen.setdefault(key, line)
        if len(check.problems) == bad and period is not None and amount is not None:
            out.append(PlanRow(line, period[0], period[1], user, amount))
    return out


def read_folder(folder: Path, target: Target, problems: list[Problem]) -> ImportData:
    """Parse and check every file of ``folder``; bad values go to ``problems``."""
    check = Checker(target, problems)
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            check.add(name, 0, "(file)", f"missing: {name} is required in {folder}")
    if problems:
        return ImportData([], {}, {}, [], [])

    def rows(name: str) -> FileRows:
        return FileRows(folder, name, problems)

    users = read_users(rows(USERS), check)
    known = target.users | {u.name for u in users}
    deals = read_deals(rows(DEALS), check, known)
    history, named = read_history(rows(HISTORY), check, deals, known)
    check_deal_histories(check, deals, history, named)
    activities = read_activities(rows(ACTIVITIES), check, deals, known)
    plans = read_plans(rows(PLANS), check, known)
    return ImportData(users, deals, history, activities, plans)
