"""The integrity check users can run (``voronka check``): is the event log sound, and does
every deal's cached state equal its log?

For every deal, its events are read in id order (the order they were written) and
walked through the status machine: a stage entry, win or loss needs an open deal, a
reopen a closed one; event times never go back. The deal's cached ``stage_id``,
``stage_entered_at``, ``status``, ``closed_at``, ``lost_reason_id`` and ``owner_id``
must equal what its log says. On SQLite, ``PRAGMA integrity_check`` and
``foreign_key_check`` run too. Findings are plain English sentences (the command line's
language); an empty list means the database is sound.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from .orm import Deal, DealEvent, DealStatus, EventKind


@dataclass(frozen=True)
class Finding:
    deal_id: int | None  # None: the database file itself
    message: str

    def __str__(self) -> str:
        return f"deal {self.deal_id}: {self.message}" if self.deal_id is not None else self.message


@dataclass
class _Replayed:
    """A deal's state as its log says it is."""

    stage_id: int | None = None
    stage_entered_at: datetime | None = None
    status: str = DealStatus.OPEN
    closed_at: datetime | None = None
    lost_reason_id: int | None = None
    owner_id: int | None = None
    has_owner_event: bool = False


def _walk(deal_id: int, events: list[tuple[Any, ...]], out: list[Finding]) -> _Replayed:
    """Replay one deal's events (id, kind, at, stage_id, owner_id, lost_reason_id) in id order."""
    state = _Replayed()
    last_at: datetime | None = None
    last_id: int | None = None
    for event_id, kind, at, stage_id, owner_id, reason_id in events:
        if last_at is not None and at < last_at:
            out.append(Finding(deal_id, f"event {event_id} ({kind}, {at}) is written after event {last_id} "
                                        f"but dated earlier ({last_at})"))
        last_at, last_id = at, event_id
        if kind in (EventKind.STAGE, EventKind.WON, EventKind.LOST) and state.status != DealStatus.OPEN:
            out.append(Finding(deal_id, f"event {event_id} ({kind}) follows a {state.status} without a reopen"))
        if kind == EventKind.STAGE:
            state.stage_id, state.stage_entered_at = stage_id, at
        elif kind == EventKind.WON:
            state.status, state.closed_at, state.lost_reason_id = DealStatus.WON, at, None
        elif kind == EventKind.LOST:
            state.status, state.closed_at, state.lost_reason_id = DealStatus.LOST, at, reason_id
        elif kind == EventKind.REOPENED:
            if state.status == DealStatus.OPEN:
                out.append(Finding(deal_id, f"event {event_id} reopens a deal that is open"))
            state.status, state.closed_at, state.lost_reason_id = DealStatus.OPEN, None, None
        elif kind == EventKind.OWNER:
            state.owner_id, state.has_owner_event = owner_id, True
    if state.stage_id is None:
        out.append(Finding(deal_id, "its log has no stage entry"))
    return state


def _compare(deal: tuple[Any, ...], state: _Replayed, out: list[Finding]) -> None:
    deal_id, stage_id, entered, status, closed_at, reason_id, owner_id = deal
    cached = {"stage": stage_id, "stage entered at": entered, "status": status, "closed at": closed_at,
              "lost reason": reason_id}
    logged = {"stage": state.stage_id, "stage entered at": state.stage_entered_at, "status": state.status,
              "closed at": state.closed_at, "lost reason": state.lost_reason_id}
    if state.has_owner_event:
        cached["owner"], logged["owner"] = owner_id, state.owner_id
    if state.stage_id is None:
        del cached["stage"], cached["stage entered at"]
    for what, value in cached.items():
        if value != logged[what]:
            out.append(Finding(deal_id, f"its {what} is {value} but its log says {logged[what]}"))


def _grouped(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    current: int | None = None
    bucket: list[tuple[Any, ...]] = []
    for deal_id, *event in rows:
        if deal_id != current:
            if current is not None:
                yield current, bucket
            current, bucket = deal_id, []
        bucket.append(tuple(event))
    if current is not None:
        yield current, bucket


def check_deals(conn: Connection, deal_ids: Iterable[int] | None = None) -> list[Finding]:
    """Every finding about the deals' logs and cached state (all deals, or ``deal_ids``)."""
    ids = None if deal_ids is None else list(deal_ids)
    deals_q = select(Deal.id, Deal.stage_id, Deal.stage_entered_at, Deal.status, Deal.closed_at,
                     Deal.lost_reason_id, Deal.owner_id)
    events_q = (select(DealEvent.deal_id, DealEvent.id, DealEvent.kind, DealEvent.at, DealEvent.stage_id,
                       DealEvent.owner_id, DealEvent.lost_reason_id).order_by(DealEvent.deal_id, DealEvent.id))
    if ids is not None:
        deals_q = deals_q.where(Deal.id.in_(ids))
        events_q = events_q.where(DealEvent.deal_id.in_(ids))
    deals = {row[0]: tuple(row) for row in conn.execute(deals_q)}
    out: list[Finding] = []
    seen: set[int] = set()
    for deal_id, events in _grouped(conn.execute(events_q)):
        seen.add(deal_id)
        state = _walk(deal_id, events, out)
        if deal_id in deals:
            _compare(deals[deal_id], state, out)
    for deal_id in sorted(set(deals) - seen):
        out.append(Finding(deal_id, "its log has no events"))
    return out


def check_file(conn: Connection) -> list[Finding]:
    """SQLite's own checks of the file: page structure and foreign keys."""
    if conn.dialect.name != "sqlite":
        return []
    out = [Finding(None, f"SQLite integrity check: {text}")
           for (text,) in conn.exec_driver_sql("PRAGMA integrity_check") if text != "ok"]
    out += [Finding(None, f"a row of {table} (rowid {rowid}) points to a missing row of {parent}")
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return out


def check_database(conn: Connection) -> list[Finding]:
    """Everything ``voronka check`` reports: the file first, then every deal."""
    return check_file(conn) + check_deals(conn)
