"""Report snapshots: every exported report is kept with the JSON it showed.

A snapshot stores the report object of ``spec/exchange.md`` exactly as it was shown,
so it can be reopened and compared later even after the data changed. Decisions:

- The period label, pipeline and as-of moment are taken from the report itself
  (``report["period"]``), never passed separately, so they cannot disagree with it.
- The view may add a ``"previous"`` key (``{"period": {...}, "metrics": {...}}``, the
  previous period's metrics it used for the "change" column); it is kept as is.
- ``format`` is the export format that made the snapshot (json/csv/xlsx/pdf/png).
- Who exported it is ``user_id`` (the app's "me"); an export from the command line has
  no team user, so it names the operating-system user in the report's ``exported_by``.
- Deleting a snapshot is allowed (a wrong export); it does not touch anything else.

Reads: ``snapshot_rows`` (the list without the heavy JSON) and ``snapshot_report``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..clock import local_now
from ..orm import ReportSnapshot, User
from .lookup import get_or_raise

FORMATS = ("json", "csv", "xlsx", "pdf", "png")


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    id: int
    pipeline_key: str
    period_label: str
    period_kind: str
    as_of: datetime
    created_at: datetime
    format: str
    user_id: int | None
    user_name: str | None
    owner_id: int | None  # the report's owner filter (None: the whole team)
    exported_by: str | None = None  # the report's own "exported_by" (command-line exports)

    @property
    def who(self) -> str | None:
        """The team user who exported it, else the name the export itself records."""
        return self.user_name or self.exported_by


def _period_of(report: Any) -> tuple[str, str, datetime]:
    """(pipeline key, period label, as-of) of a report object; InvalidValue if it is not one."""
    if not isinstance(report, dict) or not isinstance(report.get("period"), dict):
        raise errors.InvalidValue("report", "is not a report object (it has no period)")
    period = report["period"]
    label, as_of = period.get("label"), period.get("as_of")
    if not label or not as_of:
        raise errors.InvalidValue("report", "has no period label or as-of time")
    try:
        moment = datetime.fromisoformat(str(as_of))
    except ValueError as exc:
        raise errors.InvalidValue("report", f"as-of time {as_of!r} is not an ISO time") from exc
    return str(report.get("pipeline") or "sales"), str(label), moment.replace(tzinfo=None)


def save_snapshot(
    session: Session, *, report: dict[str, Any], format: str, user_id: int | None,
    at: datetime | None = None,
) -> Changes:
    """Keep ``report`` (as exported in ``format`` by ``user_id``) as a snapshot."""
    if format not in FORMATS:
        raise errors.InvalidValue("format", f"must be one of {', '.join(FORMATS)}")
    pipeline_key, label, as_of = _period_of(report)
    if user_id is not None:
        get_or_raise(session, User, user_id, "user")
    snap = ReportSnapshot(pipeline_key=pipeline_key, period_label=label, as_of=as_of, user_id=user_id,
                          created_at=at or local_now(), format=format, report=report)
    session.add(snap)
    session.flush()
    return Changes(snapshots=True, created=[snap.id])


def delete_snapshot(session: Session, snapshot_id: int) -> Changes:
    session.delete(get_or_raise(session, ReportSnapshot, snapshot_id, "snapshot"))
    return Changes(snapshots=True)


def snapshot_rows(session: Session, pipeline_key: str | None = None) -> list[SnapshotRow]:
    """All snapshots, newest first, without their report JSON (except the small period part)."""
    q = (select(ReportSnapshot.id, ReportSnapshot.pipeline_key, ReportSnapshot.period_label,
                ReportSnapshot.as_of, ReportSnapshot.created_at, ReportSnapshot.format,
                ReportSnapshot.user_id, User.name, ReportSnapshot.report["period"]["kind"],
                ReportSnapshot.report["owner_id"], ReportSnapshot.report["exported_by"])
         .outerjoin(User, User.id == ReportSnapshot.user_id)
         .order_by(ReportSnapshot.created_at.desc(), ReportSnapshot.id.desc()))
    if pipeline_key:
        q = q.where(ReportSnapshot.pipeline_key == pipeline_key)
    rows = []
    for sid, key, label, as_of, created, fmt, uid, uname, kind, owner, by in session.execute(q):
        rows.append(SnapshotRow(sid, key, label, str(kind or ""), as_of, created, fmt, uid, uname,
                                int(owner) if owner is not None else None, str(by) if by else None))
    return rows


def snapshot_report(session: Session, snapshot_id: int) -> dict[str, Any]:
    """The report object a snapshot keeps."""
    return get_or_raise(session, ReportSnapshot, snapshot_id, "snapshot").report
