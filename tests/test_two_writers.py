"""Two writers on the same deals — two processes on one SQLite file, two on one PostgreSQL
database — then ``voronka check``: nothing invalid in the log, every refusal a domain
error reported to its caller, and every acknowledged action's events in the database.
A writer killed with SIGKILL loses none of the moves it acknowledged."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from voronka.models.db import open_database
from voronka.models.integrity import check_database
from voronka.models.orm import DealEvent
from voronka.models.services.deals import create_deal

from pg_server import PostgresServer

ROOT = Path(__file__).resolve().parents[1]
HAMMER = str(ROOT / "tests" / "hammer.py")
SECONDS = 4


def seed_deals(db, n=4) -> list[int]:
    return [db.run(create_deal, name=f"deal {i}", user_id=1, stage_key="work_started").created[0] for i in range(n)]


def event_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(DealEvent))


def two_writers(url: str, deals: list[int]) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, HAMMER, url, str(SECONDS), str(seed), str(user), *map(str, deals)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for seed, user in ((1, 1), (2, 2))]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def assert_sound(db, before: int, results: list[dict]) -> None:
    for result in results:
        assert result["driver_errors"] == []
        assert result["actions"] > 10
    refusals = sum(sum(r["refused"].values()) for r in results)
    assert refusals > 0, results  # the writers did get in each other's way, and were told so
    assert set().union(*(r["refused"] for r in results)) <= {
        "DealChanged", "EditConflict", "StageRequirementsMissing", "DatabaseBusy"}
    assert event_count(db) - before == sum(r["events"] for r in results)  # nothing written unreported
    with db.engine.connect() as conn:
        assert [str(f) for f in check_database(conn)] == []


def test_two_processes_on_one_sqlite_file_leave_a_sound_log(db):
    deals = seed_deals(db)
    before = event_count(db)
    results = two_writers(db.location, deals)
    assert_sound(db, before, results)
    done = subprocess.run([sys.executable, "-m", "voronka.desktop.cli", "check", "--db", db.location], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def server():
    pg = PostgresServer().start()
    yield pg
    pg.stop()


def test_two_connections_on_one_postgresql_database_leave_a_sound_log(server):
    url = server.new_database()
    db = open_database(url, language="en")
    try:
        from voronka.models.orm import User

        with db.transaction() as s:
            s.add_all([User(name="Sasha SDR", role="sdr"), User(name="Alex AE", role="ae")])
        deals = seed_deals(db)
        before = event_count(db)
        results = two_writers(url, deals)
        assert_sound(db, before, results)
    finally:
        db.close()


def test_moves_acknowledged_before_a_kill_9_are_all_kept(db):
    deal = seed_deals(db, 1)[0]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, HAMMER, "moves", db.location, str(deal)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acknowledged: list[int] = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acknowledged.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert len(acknowledged) >= 40, proc.stderr.read()
    with db.session() as s:
        kept = set(s.scalars(select(DealEvent.id).where(DealEvent.deal_id == deal)))
    assert set(acknowledged) <= kept
    with db.engine.connect() as conn:
        assert [str(f) for f in check_database(conn)] == []


def test_text_limits_are_the_same_on_postgresql(server):
    from voronka.models.fields import FieldsInvalid
    from voronka.models.services.deal_fields import save_deal_fields

    db = open_database(server.new_database(), language="en")
    try:
        with pytest.raises(FieldsInvalid) as caught:
            db.run(create_deal, name="x" * 301, user_id=None)
        assert [(p.field, p.code) for p in caught.value.problems] == [("name", "too_long")]
        deal = db.run(create_deal, name="ok", user_id=None).created[0]
        with pytest.raises(FieldsInvalid) as caught:
            db.run(save_deal_fields, deal, {"notes": "a\x00b"})
        assert [(p.field, p.code) for p in caught.value.problems] == [("notes", "nul_character")]
        db.run(create_deal, name="x" * 300, user_id=None)  # the limit itself fits
    finally:
        db.close()
