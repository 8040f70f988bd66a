"""Load one pipeline's history into ``models.frames.FunnelFrames`` for the metrics engine.

A handful of SQLAlchemy Core selects (stages, deals, events, activities, users, plans,
lost reasons, the team currency), each turned into columns with numpy. Rows come
straight from the DBAPI cursor of the same connection: building SQLAlchemy ``Row``
objects and parsing datetimes in Python would double the time on 100,000 deals.

- Events are those of the pipeline's deals; activities those of its deals plus the
  activities linked to no deal. ``kind`` and ``type`` are categoricals.
- The Client Success pipelines' deals and events come from the same reads
  (``FunnelFrames.success``, for recurring revenue; None when there is no such
  pipeline); a pipeline without ``billing_months`` counts as 12.
- A stage merged into another (``Stage.merged_into_id``) is left out of the stages, and
  every entry into it (and a deal standing in it) is read as the stage it was merged
  into (``models.stage_merges``): the log itself is never rewritten. ``archived`` tells
  the stages table which stages to show only while they have history in its windows.
- Money becomes float units (``amount_minor / 100``; missing stays NaN).
- Times are ``datetime64[ns]``. On SQLite they are read through ``julianday`` as
  whole milliseconds — SQLite's own date arithmetic is millisecond-precise, and every
  time the app writes is to the second.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Date, DateTime, Engine, Integer, cast, func, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from voronka.models.frames import FunnelFrames, SuccessFrames

from .db import Database
from .errors import NotFound
from .orm import Activity, Company, Deal, DealEvent, LostReason, Pipeline, Plan, Setting, Stage, User
from .orm.pipeline import PipelineKind
from .stage_merges import merge_targets, read_as
from .orm.activity import ActivityType
from .orm.event import EventKind
from .team_calendar import KEY as CALENDAR_KEY, CalendarSetting, work_calendar

EVENT_KINDS = [k.value for k in EventKind]
ACTIVITY_TYPES = [t.value for t in ActivityType]
DEAL_STATUSES = ["open", "won", "lost"]
DEFAULT_BILLING_MONTHS = 12  # the month_1 … month_12 template
_NAT = np.iinfo(np.int64).min
_MS_PER_DAY = 86_400_000.0
_UNIX_EPOCH_JD = 2440587.5
_SEP_TEXT = "\x1f"  # char(31), the unit separator, between texts
_NULL_TEXT = "\x1e"  # char(30) stands for NULL in a text column
_PIECE_CHARS = 200_000  # concatenated text parsed per C call (a few ms holding the interpreter lock)
_NULL_INT = -(2**62)  # stands for NULL in an integer column (times, money)
_NULL_ID = -1  # stands for NULL in an id column
_NULL_DATETIME = "0000-00-00 00:00:00.000000"  # stands for NULL in a time column (as wide as a value)
_NULL_DATE = "0000-00-00"

# (frame column, SQL expression, kind): kinds are int, id (nullable integer → float with NaN),
# float, money (integer minor units → float units), bool, str, time, code:<categories>.
Column = tuple[str, ColumnElement[Any], str]


class _Reader:
    """Runs Core selects on one connection and converts the columns by kind.

    On SQLite each select is wrapped in one ``group_concat`` per column: SQLite builds
    one string per column in a single pass and numpy parses it, which is several times
    faster than fetching 600,000 row tuples. Other databases (and a text that happens
    to contain the separators) take the plain path: rows from the DBAPI cursor.
    """

    def __init__(self, conn: Connection, fast: bool | None = None):
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.fast = self.sqlite if fast is None else fast and self.sqlite

    def time(self, col: ColumnElement[Any]) -> ColumnElement[Any]:
        if self.sqlite:  # milliseconds since the Unix epoch: no Python datetime per row
            return cast(func.round((func.julianday(col) - _UNIX_EPOCH_JD) * _MS_PER_DAY), Integer)
        return col

    @staticmethod
    def code(col: ColumnElement[Any], categories: Sequence[str]) -> ColumnElement[Any]:
        whens = " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(categories))  # fixed enum words
        name = col.compile(compile_kwargs={"literal_binds": True})
        return literal_column(f"CASE {name} {whens} ELSE -1 END")

    def rows(self, query: Any) -> list[tuple[Any, ...]]:
        compiled = query.compile(dialect=self.conn.dialect)
        params: Any = compiled.params
        if compiled.positional:
            params = tuple(params[name] for name in compiled.positiontup or ())
        cursor = self.conn.connection.cursor()
        try:
            cursor.execute(str(compiled), params)
            return cursor.fetchall()
        finally:
            cursor.close()

    def frame(self, columns: Sequence[Column], where: Callable[[Any], Any] | None = None,
              bulk: bool = False) -> pd.DataFrame:
        """The select's rows as a frame; ``bulk`` (a big table, row order not needed) may
        take the ``group_concat`` path."""
        def build(*exprs: Any) -> Any:
            query = select(*exprs)
            return where(query) if where is not None else query

        cols = self._concatenated(build, columns) if self.fast and bulk else None
        if cols is None:
            exprs = [(self.time(expr) if kind == "time" else expr).label(name) for name, expr, kind in columns]
            cols = self._fetched(build(*exprs), columns)
        return pd.DataFrame({name: self.convert(c, kind) for (name, _, kind), c in zip(columns, cols)})

    def _concatenated(self, build: Callable[..., Any], columns: Sequence[Column]) -> list[np.ndarray] | None:
        parts = []
        for _, col, kind in columns:
            if kind == "str":
                parts.append(func.group_concat(func.ifnull(col, literal_column("char(30)")),
                                               literal_column("char(31)")))
            elif kind == "time":  # fixed-width text, parsed by numpy without a separator
                parts.append(func.group_concat(func.ifnull(col, literal_column(f"'{_null_time(col)}'")),
                                               literal_column("''")))
            elif kind == "float":
                parts.append(func.group_concat(func.ifnull(col, literal_column("'nan'"))))
            elif kind in ("int", "bool") or kind.startswith("code:"):
                parts.append(func.group_concat(col))
            else:  # integers parse several times faster than floats; NULL is a sentinel
                null = _NULL_ID if kind == "id" else _NULL_INT  # ids are positive: a short sentinel
                parts.append(func.group_concat(func.ifnull(col, literal_column(str(null)))))
        parts.append(func.count())
        row = self.rows(build(*parts))[0]
        n = int(row[-1])
        out: list[np.ndarray] = []
        for (_, col, kind), text in zip(columns, row[:-1]):
            if n == 0:
                out.append(np.array([], dtype=object if kind == "str" else "float64"))
                continue
            if kind == "str":
                items: list[str] = []
                for piece in _pieces(text, _SEP_TEXT):
                    items.extend(piece.split(_SEP_TEXT))
                arr = np.array(items, dtype=object)
                arr[arr == _NULL_TEXT] = None
            elif kind == "time":
                parsed = _parse_fixed_times(text, n, len(_null_time(col)))
                if parsed is None:
                    return None  # not the format SQLAlchemy writes: take the plain path
                arr = parsed
            elif kind == "float":
                arr = _numbers(text, "float64")
            else:
                ints = _numbers(text, "int64")
                arr = ints.astype("float64")
                arr[ints == (_NULL_ID if kind == "id" else _NULL_INT)] = np.nan
            if len(arr) != n:
                return None  # a separator occurs in the data: take the plain path
            out.append(arr)
        return out

    def _fetched(self, query: Any, columns: Sequence[Column]) -> list[np.ndarray]:
        rows = self.rows(query)
        kinds = [kind for _, _, kind in columns]
        if rows and all(k != "str" for k in kinds) and (self.sqlite or "time" not in kinds):
            matrix = np.array(rows, dtype="float64")
            return [matrix[:, i] for i in range(len(columns))]
        if rows:
            return [np.array(c, dtype=object) for c in zip(*rows)]
        return [np.array([], dtype=object) for _ in columns]

    def convert(self, values: np.ndarray, kind: str) -> Any:
        """One column as the frames want it (see ``Column`` for the kinds)."""
        if kind == "int":
            return self.convert(values, "float").astype("int64")
        if kind in ("float", "id"):
            if values.dtype == object:
                return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy("float64")
            return values.astype("float64")
        if kind == "money":
            return self.convert(values, "float") / 100.0
        if kind == "bool":
            return self.convert(values, "float") == 1
        if kind == "str":
            return values.astype(object)
        if kind == "time":
            if values.dtype.kind == "M":
                return values.astype("datetime64[ns]")
            if values.dtype == object and not self.sqlite:
                return pd.to_datetime(pd.Series(values), errors="coerce").to_numpy("datetime64[ns]")
            ms = self.convert(values, "float")
            nan = np.isnan(ms)
            ns = np.where(nan, _NAT, np.where(nan, 0.0, ms).astype("int64") * 1_000_000)
            return ns.view("datetime64[ns]")
        if kind.startswith("code:"):
            categories = kind[5:].split(",")
            codes = self.convert(values, "float")
            codes = np.where(np.isnan(codes), -1, codes).astype("int64")
            return pd.Categorical.from_codes(codes, categories=categories)
        raise ValueError(kind)


def _pieces(text: str, sep: str, size: int | None = None) -> list[str]:
    """``text`` cut at ``sep`` into pieces of about ``size`` characters (the separators at the
    cuts dropped), so that splitting or parsing them piece by piece gives what the whole would.

    The loader runs on a worker thread while the window paints; one C call over the text of
    300,000 values (``split``, ``numpy.fromstring``) holds the interpreter lock for 30-60 ms,
    and the UI thread waits for it at its next call from Qt into Python. Piece by piece, the
    lock changes hands between the pieces."""
    size = size or _PIECE_CHARS
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.find(sep, start + size)
        if cut < 0:
            break
        pieces.append(text[start:cut])
        start = cut + len(sep)
    pieces.append(text[start:])
    return pieces


def _numbers(text: str, dtype: str) -> np.ndarray:
    """Comma-separated numbers parsed a piece at a time (see ``_pieces``)."""
    parts = [np.fromstring(piece, sep=",", dtype=dtype) for piece in _pieces(text, ",")]
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _null_time(col: ColumnElement[Any]) -> str:
    """Text standing for NULL in a time column, as wide as the values SQLAlchemy stores."""
    return _NULL_DATE if isinstance(col.type, Date) and not isinstance(col.type, DateTime) else _NULL_DATETIME


def _parse_fixed_times(text: str, n: int, width: int) -> np.ndarray | None:
    """``n`` concatenated ``YYYY-MM-DD[ HH:MM:SS.ffffff]`` texts → datetime64[ns] (year 0: NaT);
    None when the text is not exactly that.

    numpy's own ISO parser (``astype`` of fixed-width bytes, in C) reads them 20× faster
    than digit arithmetic in numpy; it refuses an impossible date (30 February) or another
    shape, and then the plain path reads the column."""
    if len(text) != n * width or not text.isascii():
        return None
    data = text.encode("ascii")
    raw = np.frombuffer(data, dtype=f"S{width}")
    if width > 10 and not np.isin(np.frombuffer(data, np.uint8)[10::width], (32, 84)).all():
        return None  # the date and the time are separated by a space or a T, nothing else
    null = (_NULL_DATE if width == len(_NULL_DATE) else _NULL_DATETIME).encode("ascii")
    missing = raw == null
    if missing.any():
        raw = np.where(missing, b"NaT", raw)
    try:
        return raw.astype("datetime64[us]" if width > len(_NULL_DATE) else "datetime64[D]").astype("datetime64[ns]")
    except ValueError:
        return None


def _connection(source: Database | Session | Connection | Engine) -> tuple[Connection, bool]:
    """A connection and whether we opened it (and must close it)."""
    if isinstance(source, Database):
        return source.engine.connect(), True
    if isinstance(source, Engine):
        return source.connect(), True
    if isinstance(source, Session):
        return source.connection(), False
    return source, False


def load_frames(source: Database | Session | Connection | Engine, pipeline_key: str = "sales") -> FunnelFrames:
    """Everything the metrics of ``pipeline_key`` need, as frames; ``NotFound`` for an unknown key."""
    conn, owned = _connection(source)
    try:
        return _load(_Reader(conn), pipeline_key)
    finally:
        if owned:
            conn.close()


def _load(r: _Reader, pipeline_key: str) -> FunnelFrames:
    found = r.rows(select(Pipeline.id).where(Pipeline.key == pipeline_key))
    if not found:
        raise NotFound("pipeline", pipeline_key)
    pipeline_id = int(found[0][0])
    billing = {int(pid): int(months or DEFAULT_BILLING_MONTHS) for pid, months in r.rows(
        select(Pipeline.id, Pipeline.billing_months).where(Pipeline.kind == PipelineKind.SUCCESS.value)
        .where(Pipeline.id != pipeline_id))}

    all_stages = r.frame([
        ("stage_id", Stage.id, "int"), ("key", Stage.key, "str"), ("position", Stage.position, "int"),
        ("side_of_id", Stage.side_of_id, "id"), ("won", Stage.won, "bool"), ("name_ru", Stage.name_ru, "str"),
        ("name_en", Stage.name_en, "str"), ("probability_override", Stage.probability_override, "float"),
        ("rot_days", Stage.rot_days, "id"), ("pipeline_id", Stage.pipeline_id, "int"),
        ("archived", Stage.archived, "bool"), ("merged_into_id", Stage.merged_into_id, "id"),
    ], lambda q: q.order_by(Stage.position, Stage.id))  # a small table: filtered here
    merged = merge_targets(all_stages["stage_id"].to_numpy(), all_stages.pop("merged_into_id").to_numpy())
    all_stages = _keep(all_stages, np.isin(all_stages["pipeline_id"].to_numpy(), [pipeline_id, *billing])
                       & ~all_stages["stage_id"].isin(list(merged)).to_numpy())
    if merged:
        all_stages["side_of_id"] = read_as(all_stages["side_of_id"].to_numpy(), merged)
    of_sales = all_stages["pipeline_id"].to_numpy() == pipeline_id
    stages = all_stages[of_sales].drop(columns="pipeline_id").reset_index(drop=True)

    deals = r.frame([
        ("deal_id", Deal.id, "int"), ("name", Deal.name, "str"), ("owner_id", Deal.owner_id, "id"),
        ("company_id", Deal.company_id, "id"),
        ("amount", Deal.amount_minor, "money"), ("created_at", Deal.created_at, "time"),
        ("expected_close", Deal.expected_close, "time"), ("source", Deal.source, "str"),
        ("segment", Deal.segment, "str"), ("cohort", Deal.cohort, "str"), ("status", Deal.status, "str"),
        ("stage_id", Deal.stage_id, "int"), ("closed_at", Deal.closed_at, "time"),
        ("lost_reason_id", Deal.lost_reason_id, "id"), ("pipeline_id", Deal.pipeline_id, "int"),
    ], bulk=True)
    # filtered here, not in SQL: with ``WHERE pipeline_id = ?`` SQLite walks the pipeline
    # index and looks every row up, twice the time of reading the table through
    if merged:
        deals["stage_id"] = read_as(deals["stage_id"].to_numpy(), merged).astype("int64")
    all_deals = deals
    deals = _keep(deals, deals["pipeline_id"].to_numpy() == pipeline_id).drop(columns="pipeline_id")
    deals = deals.sort_values("deal_id", ignore_index=True)
    # company names looked up here: a join costs SQLite a random read per deal
    companies = r.frame([("company_id", Company.id, "int"), ("company", Company.name, "str")], bulk=True)
    names = companies.set_index("company_id")["company"]
    deals.insert(4, "company", names.reindex(deals["company_id"]).to_numpy(dtype=object))
    deal_ids = deals["deal_id"].to_numpy()

    # Events and activities of every deal are read and filtered here: SQLite's
    # ``IN (subquery)`` would double the time of the biggest query.
    e = DealEvent
    events = r.frame([
        ("event_id", e.id, "int"), ("deal_id", e.deal_id, "int"),
        ("kind", r.code(e.kind, EVENT_KINDS), "code:" + ",".join(EVENT_KINDS)),
        ("at", e.at, "time"), ("user_id", e.user_id, "id"), ("stage_id", e.stage_id, "id"),
        ("owner_id", e.owner_id, "id"), ("lost_reason_id", e.lost_reason_id, "id"),
    ], bulk=True)
    if merged:
        events["stage_id"] = read_as(events["stage_id"].to_numpy(), merged)
    success = _success_frames(all_stages[~of_sales], all_deals, events, billing)
    events = _keep(events, _in_sorted(events["deal_id"].to_numpy(), deal_ids))

    a = Activity
    activities = r.frame([
        ("activity_id", a.id, "int"),
        ("type", r.code(a.type, ACTIVITY_TYPES), "code:" + ",".join(ACTIVITY_TYPES)),
        ("at", a.at, "time"), ("user_id", a.user_id, "id"), ("deal_id", a.deal_id, "id"),
    ], bulk=True)
    linked = activities["deal_id"].to_numpy()
    no_deal = np.isnan(linked)
    activities = _keep(activities, no_deal | _in_sorted(np.where(no_deal, -1, linked).astype("int64"), deal_ids))

    users = r.frame([
        ("user_id", User.id, "int"), ("name", User.name, "str"), ("role", User.role, "str"),
        ("active", User.active, "bool"),
    ], lambda q: q.order_by(User.id))
    plans = r.frame([
        ("year", Plan.year, "int"), ("month", Plan.month, "id"), ("user_id", Plan.user_id, "id"),
        ("amount", Plan.amount_minor, "money"),
    ])
    lost_reasons = r.frame([
        ("lost_reason_id", LostReason.id, "int"), ("text", LostReason.text, "str"),
        ("text_en", LostReason.text_en, "str"),
    ], lambda q: q.order_by(LostReason.position, LostReason.id))
    currency = r.rows(select(Setting.value).where(Setting.key == "team.currency", Setting.user_id.is_(None)))
    calendar = r.rows(select(Setting.value).where(Setting.key == CALENDAR_KEY, Setting.user_id.is_(None)))
    return FunnelFrames(
        pipeline_key=pipeline_key, stages=stages, deals=deals, events=events, activities=activities,
        users=users, plans=plans, lost_reasons=lost_reasons,
        currency=_json_text(currency[0][0]) if currency else "RUB", success=success,
        calendar=work_calendar(CalendarSetting.from_json(_json_value(calendar[0][0]) if calendar else None)),
    )


def _success_frames(stages: pd.DataFrame, deals: pd.DataFrame, events: pd.DataFrame,
                    billing: dict[int, int]) -> SuccessFrames | None:
    """The Client Success pipelines' deals and events (None when there is no such pipeline)."""
    if not billing:
        return None
    pipeline = deals["pipeline_id"].to_numpy()
    mine = _keep(deals, np.isin(pipeline, list(billing)))
    months = pd.Series(billing, dtype="float64").reindex(mine["pipeline_id"].to_numpy()).to_numpy()
    cs = pd.DataFrame({
        "deal_id": mine["deal_id"].to_numpy(), "pipeline_id": mine["pipeline_id"].to_numpy(),
        "amount": mine["amount"].to_numpy(), "billing_months": months, "owner_id": mine["owner_id"].to_numpy(),
    }).sort_values("deal_id", ignore_index=True)
    cs_events = _keep(events, _in_sorted(events["deal_id"].to_numpy(), cs["deal_id"].to_numpy()))
    return SuccessFrames(stages.drop(columns="pipeline_id").reset_index(drop=True), cs, cs_events)


def _in_sorted(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Which ``values`` occur in ``sorted_ids`` (sorted, unique). Ids are small positive
    integers, so a lookup table answers in one pass (a binary search per event costs
    ten times more at 600,000 events)."""
    if not len(sorted_ids):
        return np.zeros(len(values), dtype=bool)
    top = int(sorted_ids[-1])
    if sorted_ids[0] >= 0 and top <= 64 * (len(sorted_ids) + len(values)):
        table = np.zeros(top + 2, dtype=bool)
        table[sorted_ids] = True
        return table[np.clip(values, 0, top + 1)] & (values >= 0)
    i = np.clip(np.searchsorted(sorted_ids, values), 0, len(sorted_ids) - 1)
    return sorted_ids[i] == values


def _keep(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    return frame if mask.all() else frame[mask].reset_index(drop=True)


def _json_value(raw: Any) -> Any:
    """A JSON setting read without SQLAlchemy's JSON processor (text → value)."""
    if isinstance(raw, (str, bytes)):
        import json

        try:
            return json.loads(raw)
        except ValueError:
            return None
    return raw


def _json_text(raw: Any) -> str:
    """A JSON string setting read without SQLAlchemy's JSON processor (``'"RUB"'`` → ``RUB``)."""
    if isinstance(raw, str) and len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return raw[1:-1]
    return str(raw)
