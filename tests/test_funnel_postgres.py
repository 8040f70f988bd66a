"""Funnel editing on a shared PostgreSQL server: a merge leaves the event log as it was and its
undo gives back the same report; a second laptop's change of the stage is never overwritten."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models import errors
from voronka.models.db import open_database
from voronka.models.loader import load_frames
from voronka.models.orm import Stage
from voronka.models.services.deals import create_deal, move_deal
from voronka.models.services.funnel_log import current_state
from voronka.models.services.funnel_merge import merge_stage, unmerge_stage
from voronka.models.services.funnel_stages import update_stage
from pg_server import PostgresServer

SASHA, ALEX = 1, 2


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


@pytest.fixture
def pg_db(server):
    from voronka.models.orm import User

    db = open_database(server.new_database(), language="en")
    with db.transaction() as s:
        s.add_all([User(name="Sasha SDR", role="sdr"), User(name="Alex AE", role="ae")])
    with db.transaction() as s:
        for i in range(24):
            deal = create_deal(s, name=f"deal {i}", user_id=SASHA, stage_key="work_started",
                               at=datetime(2026, 10, 1, 12)).created[0]
            move_deal(s, deal, "contacts_found", user_id=SASHA, at=datetime(2026, 10, 2, 12))
            if i < 20:
                move_deal(s, deal, "outreach_started", user_id=SASHA, at=datetime(2026, 10, 3, 12))
    yield db
    db.close()


def sid(db, key: str) -> int:
    with db.session() as s:
        return s.scalar(select(Stage.id).where(Stage.key == key, Stage.pipeline_id == 1))


def log_rows(db) -> list[tuple]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(text("SELECT * FROM deal_events ORDER BY id"))]


def report(db) -> dict:
    return compute_report(load_frames(db), parse_period("2026-10"), now=datetime(2026, 11, 15))


def test_a_merge_on_the_server_keeps_the_log_and_its_undo_the_report(pg_db):
    before, log = report(pg_db), log_rows(pg_db)
    stage = sid(pg_db, "contacts_found")
    pg_db.run(merge_stage, stage, sid(pg_db, "work_started"))
    merged = report(pg_db)
    assert "contacts_found" not in [r["key"] for r in merged["stages"]]
    assert log_rows(pg_db) == log
    with pg_db.session() as s:
        left = current_state(s, "stage", stage)
    pg_db.run(unmerge_stage, stage, seen=left)
    assert report(pg_db) == before and log_rows(pg_db) == log


def test_a_second_laptops_rename_on_the_server_is_not_overwritten(pg_db):
    stage = sid(pg_db, "replied")
    with pg_db.session() as s:
        seen = current_state(s, "stage", stage)
    other = open_database(pg_db.location)
    try:
        def rename(session):
            session.info["user_id"] = ALEX
            return update_stage(session, stage, {"name_en": "Answered"}, seen=seen)
        other.run(rename)
    finally:
        other.close()
    with pytest.raises(errors.FunnelChanged) as refused:
        pg_db.run(update_stage, stage, {"name_en": "Any reply"}, seen=seen)
    assert refused.value.who == "Alex AE"
    with pg_db.session() as s:
        assert s.get(Stage, stage).name_en == "Answered"
