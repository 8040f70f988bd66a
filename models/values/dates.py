"""Dates and times as files hold them: ISO, ``DD.MM.YYYY``, ``DD/MM/YYYY``, ``MM/DD/YYYY``,
Excel serial numbers and Excel date cells, each optionally with a time.

The day/month order is decided per column (``detect_date_format``): a value whose first
number is over 12 proves day-first, a second number over 12 proves month-first. A column
where every day and month is ≤ 12 and the separator is ``/`` or ``-`` is *ambiguous*: the
caller must ask (``DateDetection.ambiguous``). Dots are read day-first (``05.03.2026`` is
5 March): nobody writes month-first with dots.

Formats are named by readable patterns (``DateFormat``), which is what a preset stores.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_SERIAL_RANGE = (20_000, 80_000)  # 1954 … 2119: a plain number outside is no date
_TEXT = re.compile(
    r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
    r"(?:[ T,]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$")


class DateFormat(StrEnum):
    """The order of a column's dates (times are read whenever present)."""

    ISO = "YYYY-MM-DD"
    DMY = "DD.MM.YYYY"
    DMY_SLASH = "DD/MM/YYYY"
    MDY = "MM/DD/YYYY"
    EXCEL = "excel"  # serial day numbers (45678 = 2025-01-21)

    @property
    def order(self) -> str:
        return {"YYYY-MM-DD": "ymd", "DD.MM.YYYY": "dmy", "DD/MM/YYYY": "dmy", "MM/DD/YYYY": "mdy",
                "excel": "excel"}[self.value]


class DateUnreadable(ValueError):
    def __init__(self, text: str, reason: str):
        super().__init__(f"{text!r} is not a date: {reason}")
        self.text = text
        self.reason = reason


@dataclass
class DateDetection:
    """What a column's values say about their format.

    ``format`` is the best guess (None when no value looks like a date); ``ambiguous`` means
    every value reads both day-first and month-first, so a person must choose between
    ``candidates``. ``has_time``: some values carry a time of day.
    """

    format: DateFormat | None
    ambiguous: bool = False
    candidates: list[DateFormat] = field(default_factory=list)
    has_time: bool = False
    dates: int = 0  # values that look like dates
    others: int = 0  # non-empty values that do not


def _is_serial(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]
    if isinstance(value, str) and re.fullmatch(r"\d{5}(?:\.\d+)?", value.strip()):
        return EXCEL_SERIAL_RANGE[0] <= float(value) <= EXCEL_SERIAL_RANGE[1]
    return False


def detect_date_format(values: Iterable[object]) -> DateDetection:
    """Decide the format of a column of dates from all its values (cells or text)."""
    day_first = month_first = ymd = serial = 0
    neutral: dict[str, int] = {}
    seps: Counter[str] = Counter()
    has_time = False
    dates = others = 0
    for v in values:
        if v is None or v == "":
            continue
        if isinstance(v, datetime):
            dates += 1
            has_time = has_time or v.time() != time()
            continue
        if isinstance(v, date):
            dates += 1
            continue
        if _is_serial(v):
            serial += 1
            dates += 1
            has_time = has_time or float(v) % 1 != 0
            continue
        m = _TEXT.match(str(v).strip())
        if not m:
            others += 1
            continue
        dates += 1
        seps[m["sep"]] += 1
        has_time = has_time or bool(m["h"])
        a, b = int(m["a"]), int(m["b"])
        if len(m["a"]) == 4:
            ymd += 1
        elif a > 12 and b <= 12:
            day_first += 1
        elif b > 12 and a <= 12:
            month_first += 1
        else:
            neutral[m["sep"]] = neutral.get(m["sep"], 0) + 1
    if not dates:
        return DateDetection(None, others=others)
    detection = DateDetection(None, has_time=has_time, dates=dates, others=others)
    text = day_first + month_first + sum(neutral.values())
    if ymd >= max(text, serial, 1) or (ymd and not text and not serial):
        detection.format = DateFormat.ISO
    elif serial > text:
        detection.format = DateFormat.EXCEL
    elif day_first or month_first:
        if day_first >= month_first:
            detection.format = DateFormat.DMY if seps.most_common(1)[0][0] == "." else DateFormat.DMY_SLASH
        else:
            detection.format = DateFormat.MDY
    elif text:
        if set(neutral) == {"."}:
            detection.format = DateFormat.DMY
        else:
            detection.format = DateFormat.DMY_SLASH
            detection.ambiguous = True
            detection.candidates = [DateFormat.DMY_SLASH, DateFormat.MDY]
    else:  # only Excel date cells
        detection.format = DateFormat.ISO
    return detection


def date_reader(fmt: DateFormat | str | None = None, zone: ZoneInfo | None = None):
    """``parse_date`` with the format fixed, for reading a whole column: plain day-month-year
    and ISO text (without offsets) take a fast path, everything else goes to ``parse_date``."""
    fmt = DateFormat(fmt) if fmt else None
    fixed = None if fmt is None else ("mdy" if fmt.order == "mdy" else "dmy")
    fast = _FAST

    def read(value: object) -> datetime | None:
        if value.__class__ is str:
            m = fast.match(value)
            if m is not None:
                a, sep, b, c, h, mi, sec = m.groups()
                try:
                    if len(a) == 4:
                        return datetime(int(a), int(b), int(c), int(h or 0), int(mi or 0), int(sec or 0))
                    order = fixed or ("dmy" if sep == "." else None)
                    if order is not None and len(c) == 4:
                        day, month = (a, b) if order == "dmy" else (b, a)
                        return datetime(int(c), int(month), int(day), int(h or 0), int(mi or 0), int(sec or 0))
                except ValueError:
                    pass  # parse_date says what is wrong
        return parse_date(value, fmt, zone)

    return read


_FAST = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def parse_date(value: object, fmt: DateFormat | str | None = None, zone: ZoneInfo | None = None) -> datetime | None:
    """Read one value into a naive local datetime (midnight when there is no time); empty → None.

    Date cells and ISO text are read whatever ``fmt`` says; text in another order needs
    ``fmt`` (``DD/MM/YYYY`` …). A time with an offset is converted into ``zone``.
    Raises ``DateUnreadable``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is None or zone is None else value.astimezone(zone).replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, time):
        raise DateUnreadable(str(value), "a time without a date")
    fmt = DateFormat(fmt) if fmt else None
    if _is_serial(value) and (fmt in (None, DateFormat.EXCEL) or not isinstance(value, str)):
        moment = EXCEL_EPOCH + timedelta(days=float(value))
        return moment.replace(microsecond=0)
    if isinstance(value, (int, float)):
        raise DateUnreadable(str(value), "a number, not a date")
    text = str(value).strip()
    m = _TEXT.match(text)
    if not m:
        raise DateUnreadable(text, "not a date in any known format")
    a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
    if len(m["a"]) == 4:
        year, month, day = a, b, c
    else:
        order = fmt.order if fmt and fmt.order != "ymd" and fmt.order != "excel" else "dmy"
        if fmt is None and m["sep"] != "." and a <= 12 and b <= 12:
            raise DateUnreadable(text, "day and month could be either way; choose the column's format")
        day, month = (a, b) if order == "dmy" else (b, a)
        year = c if len(m["c"]) == 4 else 2000 + c if c < 70 else 1900 + c
    try:
        moment = datetime(year, month, day, int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError as exc:
        raise DateUnreadable(text, "no such day") from exc
    if m["tz"] and zone is not None:
        offset = datetime.fromisoformat("2000-01-01T00:00:00" + (
            "+00:00" if m["tz"] == "Z" else m["tz"][:3] + ":" + m["tz"][-2:])).tzinfo
        moment = moment.replace(tzinfo=offset).astimezone(zone).replace(tzinfo=None)
    return moment
