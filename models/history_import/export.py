"""Write one pipeline's history as the import folder of spec/exchange.md (the import's inverse).

``deal_id`` is the deal's ``external_id`` when it came from an import, else its id;
times are local ISO 8601 with ``T``; amounts use ``.``. What the format cannot say is
left out: owner changes after creation, reopenings, contacts and outcomes of
activities, activities on deals of other pipelines.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, select

from ..db import Database
from ..formula_guard import NEEDS_GUARD
from ..orm import Activity, Company, Deal, DealEvent, LostReason, Pipeline, Plan, Stage, User
from .reader import ACTIVITIES, DEALS, HISTORY, PLANS, USERS

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"


@dataclass
class ExportSummary:
    users: int
    deals: int
    stage_rows: int
    activities: int
    plans: int


def _frame(conn: Connection, query) -> pd.DataFrame:  # noqa: ANN001 - a select
    return pd.read_sql_query(query, conn)


def _times(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.strftime(TIME_FORMAT).fillna("")


def _amounts(minor: pd.Series) -> pd.Series:
    """Integer minor units → ``1250.50`` text (exact, no float rounding), empty when missing."""
    def text(v: object) -> str:
        if pd.isna(v):
            return ""
        units, cents = divmod(int(v), 100)
        return f"{units}.{cents:02d}"
    return minor.map(text)


NUMBER_COLUMNS = {"amount"}


def _write(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame``; its text cells guarded so that no name becomes a spreadsheet formula."""
    frame = frame.copy()
    for column in frame.columns:
        if column in NUMBER_COLUMNS or not pd.api.types.is_string_dtype(frame[column]):
            continue
        text = frame[column]
        marked = text.str.match(NEEDS_GUARD.pattern).fillna(False).astype(bool)
        if marked.any():
            frame[column] = text.where(~marked, "'" + text)
    frame.to_csv(path, index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def export_history(db: Database, folder: str | Path, pipeline_key: str = "sales") -> ExportSummary:
    """Write users.csv, deals.csv, stage_history.csv, activities.csv and plans.csv into ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with db.engine.connect() as conn:
        pipeline_id = conn.scalar(select(Pipeline.id).where(Pipeline.key == pipeline_key))
        users = _frame(conn, select(User.id, User.name, User.role).order_by(User.id))
        user_name = users.set_index("id")["name"]
        deals = _frame(conn, select(
            Deal.id, Deal.external_id, Deal.name, Company.name.label("company"), Company.website, Deal.amount_minor,
            Deal.currency, Deal.owner_id, Deal.source, Deal.segment, Deal.cohort, Deal.created_at,
            Deal.expected_close, Deal.status, Deal.closed_at, LostReason.text.label("lost_reason"),
        ).outerjoin(Company, Company.id == Deal.company_id).outerjoin(LostReason, LostReason.id == Deal.lost_reason_id)
            .where(Deal.pipeline_id == pipeline_id).order_by(Deal.id))
        file_id = deals["external_id"].fillna(deals["id"].astype(str))
        file_id.index = deals["id"]
        events = _frame(conn, select(DealEvent.deal_id, Stage.key.label("stage"), DealEvent.at, DealEvent.user_id)
                        .join(Deal, Deal.id == DealEvent.deal_id).join(Stage, Stage.id == DealEvent.stage_id)
                        .where(Deal.pipeline_id == pipeline_id, DealEvent.kind == "stage")
                        .order_by(DealEvent.deal_id, DealEvent.at, DealEvent.id))
        activities = _frame(conn, select(Activity.deal_id, Activity.user_id, Activity.type, Activity.at)
                            .outerjoin(Deal, Deal.id == Activity.deal_id)
                            .where((Activity.deal_id.is_(None)) | (Deal.pipeline_id == pipeline_id))
                            .order_by(Activity.at, Activity.id))
        plans = _frame(conn, select(Plan.year, Plan.month, Plan.user_id, Plan.amount_minor)
                       .order_by(Plan.year, Plan.month, Plan.user_id))

    _write(users[["name", "role"]], out / USERS)
    _write(pd.DataFrame({
        "deal_id": file_id.to_numpy(), "name": deals["name"], "company": deals["company"].fillna(""),
        "website": deals["website"].fillna(""), "amount": _amounts(deals["amount_minor"]),
        "currency": deals["currency"], "owner": deals["owner_id"].map(user_name).fillna(""),
        "source": deals["source"].fillna(""), "segment": deals["segment"].fillna(""),
        "cohort": deals["cohort"].fillna(""), "created_at": _times(deals["created_at"]),
        "expected_close": pd.to_datetime(deals["expected_close"]).dt.strftime("%Y-%m-%d").fillna(""),
        "status": deals["status"], "closed_at": _times(deals["closed_at"]),
        "lost_reason": deals["lost_reason"].fillna(""),
    }), out / DEALS)
    _write(pd.DataFrame({
        "deal_id": events["deal_id"].map(file_id), "stage": events["stage"], "entered_at": _times(events["at"]),
        "user": events["user_id"].map(user_name).fillna(""),
    }), out / HISTORY)
    _write(pd.DataFrame({
        "deal_id": activities["deal_id"].map(file_id).fillna(""),
        "user": activities["user_id"].map(user_name).fillna(""), "type": activities["type"],
        "at": _times(activities["at"]),
    }), out / ACTIVITIES)
    period = plans["year"].astype(str) + plans["month"].map(lambda m: "" if pd.isna(m) else f"-{int(m):02d}")
    _write(pd.DataFrame({"period": period, "user": plans["user_id"].map(user_name).fillna(""),
                         "amount": _amounts(plans["amount_minor"])}), out / PLANS)
    return ExportSummary(users=len(users), deals=len(deals), stage_rows=len(events), activities=len(activities),
                         plans=len(plans))
