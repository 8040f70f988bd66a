"""First guesses for the wizard: each column's field, each file's role, each stage/status value's target.

Guesses come from the header (Russian and English names of CRM exports and hand-kept
sheets) and, where the header says nothing, from the values (e-mails, phones, dates,
amounts, INNs, websites). Everything guessed is shown and can be corrected.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..values.dates import detect_date_format
from .fields import STEP_PREFIX, Field
from .preset import LOST, OPEN, SKIP, WON, FileMapping, Preset
from .sources import Cell, Table, cell_text

GUESS_SAMPLE = 2000  # values looked at per column

# (header pattern, field): the first pattern matching the normalised header wins.
_HEADER_RULES: list[tuple[str, Field]] = [
    (r"^(deal - )?(id|deal id|opportunity ?id|ид|номер сделки|id сделки)$", Field.DEAL_ID),
    (r"^(opportunityid|deal_id|external id)$", Field.DEAL_ID),
    (r"инн|^inn$|tax ?id|vat", Field.INN),
    (r"сайт|website|web site|url|домен|domain", Field.WEBSITE),
    (r"e-?mail|почта|эл\.? ?почта", Field.EMAIL),
    (r"телефон|phone|тел\.?$|mobile|мобильный", Field.PHONE),
    (r"валюта|currency|currencyisocode", Field.CURRENCY),
    (r"причина (отказа|провала|проигрыша)|lost reason|loss reason|reason lost", Field.LOST_REASON),
    (r"предполагаемая дата|ожидаемая дата|expected close|closedate|close date|плановая дата", Field.EXPECTED_CLOSE),
    (r"дата закрытия|closed? time|won time|lost time|дата (оплаты|выигрыша|проигрыша)|closed date|close time", Field.CLOSED_AT),
    (r"дата создания|created|создан[аоы]?$|дата первого контакта|createddate|add time|дата заявки", Field.CREATED),
    (r"^(deal - )?(stage|stagename|stage name)$|этап|стадия", Field.STAGE),
    (r"^(deal - )?status$|^статус|состояние|isclosed", Field.STATUS),
    (r"ответственный|менеджер|owner|ownerid|responsible|assigned|продавец|sales ?rep", Field.OWNER),
    (r"источник|source|канал|leadsource", Field.SOURCE),
    (r"сегмент|segment|^тип$|^type$|отрасль|industry", Field.SEGMENT),
    (r"сумма|бюджет|amount|value|стоимость|выручка|revenue|price|цена", Field.AMOUNT),
    (r"контакт|contact( person)?|лпр|contact name|фио", Field.CONTACT_NAME),
    (r"компания|организация|клиент|company|organi[sz]ation|account ?name|accountname|контрагент", Field.COMPANY),
    (r"название|сделка|deal ?name|title|^name$|opportunity name|наименование", Field.DEAL_NAME),
    (r"комментарий|примечание|comment|notes?|description|описание", Field.NOTES),
]
_RULES = [(re.compile(p), f) for p, f in _HEADER_RULES]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zа-я]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^[+()\d\s.-]{7,}(\s*(доб\.?|ext\.?|x)\s*\d+)?$", re.IGNORECASE)
_INN = re.compile(r"^\d{10}(\d{2})?$")
_SITE = re.compile(r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)
_DATE_HEADER = re.compile(r"дата|date|time|когда")

# Stage/status words → won/lost/open/skip.
_WON = re.compile(r"(^|\W)(won|closed won|успешн|выигр|оплачен|реализовано$|сделка успешна|win)", re.IGNORECASE)
_LOST = re.compile(r"(lost|closed lost|провал|проигр|отказ|не реализовано|закрыто и не|потерян|отклон)",
                   re.IGNORECASE)
_OPEN = re.compile(r"^(open|в работе|открыт|активн|in progress)", re.IGNORECASE)
_SKIP = re.compile(r"^(deleted|удален|удалён|спам|spam|дубл)", re.IGNORECASE)


def _norm(header: str) -> str:
    return re.sub(r"\s+", " ", header.strip().lower().replace("ё", "е"))


def field_from_header(header: str) -> Field | None:
    """The field a header names, or None when it names none of them."""
    h = _norm(header)
    for pattern, f in _RULES:
        if pattern.search(h):
            return f
    return None


def field_from_values(values: Sequence[Cell]) -> Field | None:
    """A field the values themselves show (most non-empty values e-mails, phones, INNs …)."""
    texts = [cell_text(v) for v in values if v not in (None, "")]
    if not texts:
        return None
    share = lambda rx: sum(1 for t in texts for part in [t.split(",")[0].strip()] if rx.match(part)) / len(texts)  # noqa: E731
    if share(_EMAIL) > 0.8:
        return Field.EMAIL
    if share(_INN) > 0.8:
        return Field.INN
    if detect_date_format(values).dates >= 0.8 * len(texts):
        return None
    if share(_PHONE) > 0.8 and not all(t.replace(".", "").isdigit() and len(t) < 7 for t in texts):
        return Field.PHONE
    if share(_SITE) > 0.8:
        return Field.WEBSITE
    return None


def guess_role(table: Table) -> str:
    """``history`` for a stage-change file, ``users`` for a people lookup, else ``deals``."""
    fields = [field_from_header(h) for h in table.headers]
    names = " ".join(_norm(h) for h in table.headers) + " " + table.name.lower()
    if "history" in names or "истори" in names:
        return "history"
    if len(table.headers) <= 4 and Field.STAGE not in fields and (
            "user" in table.name.lower() or "сотрудник" in table.name.lower() or "пользоват" in table.name.lower()):
        return "users"
    return "deals"


def guess_columns(table: Table, role: str = "deals", stage_keys: Sequence[str] = ()) -> dict[str, str]:
    """A target for every column of ``table`` in the given role (``skip`` when nothing fits)."""
    out: dict[str, str] = {}
    taken: Counter[str] = Counter()
    sample = table.rows[:GUESS_SAMPLE]
    for i, header in enumerate(table.headers):
        values = [r[i] for r in sample]
        f = field_from_header(header)
        if role == "history":
            f = {Field.STAGE: Field.STAGE, Field.DEAL_ID: Field.DEAL_ID, Field.OWNER: Field.OWNER}.get(f) if f else None
            if f is None and _DATE_HEADER.search(_norm(header)) and "close" not in _norm(header):
                f = Field.ENTERED_AT
            if f is None and i == 0:
                f = Field.DEAL_ID
        elif role == "users":
            f = Field.DEAL_ID if i == 0 else Field.USER_NAME if taken[Field.USER_NAME] == 0 and "name" in _norm(header) \
                or "имя" in _norm(header) or "фио" in _norm(header) else None
        else:
            if f is None and _DATE_HEADER.search(_norm(header)):
                f = None  # a date column naming no field: maybe a step (see guess_steps)
            elif f is None:
                f = field_from_values(values)
            if f == Field.CREATED and taken[Field.CREATED]:
                f = None
            if f in (Field.DEAL_NAME, Field.COMPANY, Field.STAGE, Field.STATUS, Field.DEAL_ID, Field.AMOUNT,
                     Field.OWNER, Field.CONTACT_NAME) and taken[f]:
                f = None  # a second such column: the head of sales decides
        target = f.value if f else Field.SKIP.value
        taken[target] += 1
        out[header] = target
    if role == "deals":
        for header, step in guess_steps(table, out, stage_keys).items():
            out[header] = STEP_PREFIX + step
    return out


def guess_steps(table: Table, columns: dict[str, str], stage_keys: Sequence[str]) -> dict[str, str]:
    """Date columns not mapped to anything that name a step ("Дата КП", "Дата демо"): header → stage key."""
    words = {
        "offer_sent": r"кп|коммерческ|proposal|offer|quote",
        "demo_run": r"демо|demo|презентац",
        "qualified": r"квалиф|qualif",
        "committed": r"согласован|договор|contract|commit",
        "test_started": r"тест|пилот|trial|pilot",
        "work_started": r"в работу|engage|начал",
    }
    out: dict[str, str] = {}
    for header, target in columns.items():
        if target != Field.SKIP or not _DATE_HEADER.search(_norm(header)):
            continue
        for key, pattern in words.items():
            if key in stage_keys and re.search(pattern, _norm(header)):
                out[header] = key
                break
    return out


def guess_value_target(value: str, stage_keys: Sequence[str], stage_names: dict[str, str] | None = None,
                       status: bool = False) -> str | None:
    """A stage key, ``won``/``lost``/``open``/``skip`` for one distinct stage or status value, or None."""
    v = value.strip()
    if _SKIP.search(v):
        return SKIP
    if _LOST.search(v):
        return LOST
    if _WON.search(v):
        return WON
    if status:
        return OPEN if _OPEN.search(v) else None
    low = _norm(v)
    for key, name in (stage_names or {}).items():
        if _norm(name) == low or key == low:
            return key
    return None


@dataclass
class GuessContext:
    """What the guesses know about the target pipeline: its stage keys and names (any language)."""

    stage_keys: list[str]
    stage_names: dict[str, str]  # name (ru or en) → key


def guess_preset(tables: Sequence[Table], stage_keys: Sequence[str] = (), name: str = "") -> Preset:
    """A first preset for these files: roles and columns guessed, no values mapped yet.

    Value maps (``stages``/``statuses``) are filled by ``models.importing.values.guess_values``
    once the distinct values are known.
    """
    files = []
    for t in tables:
        role = guess_role(t)
        files.append(FileMapping(role=role, columns=guess_columns(t, role, stage_keys), file_name=t.name,
                                 match=t.signature))
    if files and not any(f.role == "deals" for f in files):
        files[0].role = "deals"
    return Preset(name=name or (tables[0].path.stem if tables else ""), files=files,
                  source=re.sub(r"\W+", "-", (tables[0].path.stem if tables else "import").lower()).strip("-")
                  or "import")
