"""What every funnel edit shares: the record of the edit, and the guard against a second writer.

Each funnel service checks, inside its own transaction and against the row as it is now
(locked ``FOR UPDATE`` on PostgreSQL; SQLite's write transaction holds the lock from its
``BEGIN IMMEDIATE``), that the stage, pipeline or lost reason still holds what the screen
showed (``seen``: a subset of its ``*_state``); otherwise it refuses with
``FunnelChanged``, naming who changed it last and when (from ``funnel_changes``). An undo
is the same service run with the values the action left as ``seen``, so it refuses
rather than revert a colleague's later edit. Every edit writes one ``FunnelChange``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..clock import local_now
from ..orm import FunnelChange, LostReason, Pipeline, Stage, User
from ..queries.funnel import PIPELINE_STATE, REASON_STATE, STAGE_STATE

TARGET_COLUMN = {Stage: "stage_id", Pipeline: "pipeline_id", LostReason: "lost_reason_id"}
WHAT = {Stage: "stage", Pipeline: "pipeline", LostReason: "lost_reason"}


def names_of(record: Any) -> dict[str, str]:
    """The record's name by language, for messages."""
    if isinstance(record, LostReason):
        return {"ru": record.text, "en": record.text_en or record.text}
    return {"ru": record.name_ru, "en": record.name_en}


def state_of(record: Any) -> dict[str, Any]:
    """The columns a screen shows of a stage, pipeline or lost reason (what ``seen`` holds)."""
    fields = STAGE_STATE if isinstance(record, Stage) else PIPELINE_STATE if isinstance(record, Pipeline) \
        else REASON_STATE
    out = {f: getattr(record, f) for f in fields}
    if "required_fields" in out:
        out["required_fields"] = list(out["required_fields"] or [])
    return out


def record_change(session: Session, kind: str, record: Any = None, detail: Mapping[str, Any] | None = None,
                  *, pipeline_id: int | None = None) -> FunnelChange:
    """Write who made which funnel edit, now (the acting user of the transaction)."""
    change = FunnelChange(at=local_now(), user_id=session.info.get("user_id"), kind=kind,
                          detail=dict(detail or {}))
    if record is not None:
        setattr(change, TARGET_COLUMN[type(record)], record.id)
        if isinstance(record, Stage):
            change.pipeline_id = record.pipeline_id
        change.detail.setdefault("names", names_of(record))
    if pipeline_id is not None:
        change.pipeline_id = pipeline_id
    session.add(change)
    return change


def last_change(session: Session, model: type, record_id: int) -> FunnelChange | None:
    column = getattr(FunnelChange, TARGET_COLUMN[model])
    return session.scalar(select(FunnelChange).where(column == record_id).order_by(FunnelChange.id.desc()).limit(1))


def refusal(session: Session, record: Any, what: str | None = None) -> errors.FunnelChanged:
    """``FunnelChanged`` for ``record``, naming its last editor when the record of edits knows."""
    model = type(record)
    change = last_change(session, model, record.id) if model in TARGET_COLUMN else None
    if what == "order" and isinstance(record, Pipeline):
        change = session.scalar(select(FunnelChange).where(FunnelChange.pipeline_id == record.id)
                                .order_by(FunnelChange.id.desc()).limit(1))
    who = session.scalar(select(User.name).where(User.id == change.user_id)) \
        if change is not None and change.user_id is not None else None
    return errors.FunnelChanged(what or WHAT[model], names_of(record), who, change.at if change else None)


def locked(session: Session, model: type, record_id: int, what: str) -> Any:
    """The row as it is now, locked until the transaction ends (``NotFound`` if gone)."""
    record = session.scalar(select(model).where(model.id == record_id).with_for_update()
                            .execution_options(populate_existing=True))
    if record is None:
        raise errors.NotFound(what, record_id)
    return record


def require_seen(session: Session, record: Any, seen: Mapping[str, Any] | None) -> None:
    """Refuse when any value in ``seen`` differs from the record now (None: no check)."""
    if not seen:
        return
    now = state_of(record)
    for key, value in seen.items():
        current = now.get(key)
        if key == "required_fields":
            value, current = list(value or []), list(current or [])
        if current != value:
            raise refusal(session, record)


def clean_name(value: Any, field: str) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise errors.FunnelEditRefused("empty_name", f"{field} cannot be empty.")
    return text


def current_state(session: Session, what: str, record_id: int) -> dict[str, Any] | None:
    """The state of a stage, pipeline or lost reason now (None: it is gone) — what an undo
    step carries as ``seen`` for the next step."""
    model = {"stage": Stage, "pipeline": Pipeline, "lost_reason": LostReason}[what]
    record = session.get(model, record_id, populate_existing=True)
    return None if record is None else state_of(record)
