"""``voronka check``: silent on a sound database, one line per problem otherwise."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text

from voronka.desktop.cli import main
from voronka.models.integrity import check_database
from voronka.models.orm import Stage
from voronka.models.services.deals import create_deal, lose_deal, move_deal, reopen_deal

ROOT = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 10, 1, 10, 0)


def a_deal(db, **kw) -> int:
    deal = db.run(create_deal, name="acme.ru - Acme", user_id=1, at=T0, **kw).created[0]
    db.run(move_deal, deal, "replied", user_id=2, at=datetime(2026, 10, 2, 10, 0))
    return deal


def findings(db):
    with db.engine.connect() as conn:
        return [str(f) for f in check_database(conn)]


def sql(db, statement, **params):
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_a_database_written_by_the_services_has_no_findings(db):
    deal = a_deal(db)
    with db.session() as s:
        reason = s.scalar(text("SELECT id FROM lost_reasons LIMIT 1"))
    db.run(lose_deal, deal, reason_id=reason, user_id=1, at=datetime(2026, 10, 3))
    db.run(reopen_deal, deal, user_id=1, at=datetime(2026, 10, 4))
    assert findings(db) == []


def test_a_cached_stage_that_disagrees_with_the_log_is_found(db):
    deal = a_deal(db)
    with db.session() as s:
        other = s.scalar(select(Stage.id).where(Stage.key == "qualified"))
    sql(db, "UPDATE deals SET stage_id = :s, owner_id = 3 WHERE id = :d", s=other, d=deal)
    found = findings(db)
    assert any(f.startswith(f"deal {deal}: its stage is {other}") for f in found)
    assert any("its owner is 3 but its log says 1" in f for f in found)


def test_two_wins_without_a_reopen_and_events_out_of_time_order_are_found(db):
    deal = a_deal(db)
    sql(db, "INSERT INTO deal_events (deal_id, kind, at, user_id) VALUES (:d, 'won', '2026-10-05 10:00:00', 1),"
            " (:d, 'won', '2026-10-06 10:00:00', 2), (:d, 'stage', '2026-10-01 09:00:00', 2)", d=deal)
    found = findings(db)
    assert any("(won) follows a won without a reopen" in f for f in found)
    assert any("(stage) follows a won without a reopen" in f for f in found)
    assert any("is written after event" in f and "dated earlier" in f for f in found)


def test_a_reopen_of_an_open_deal_is_found(db):
    deal = a_deal(db)
    sql(db, "INSERT INTO deal_events (deal_id, kind, at, user_id) VALUES (:d, 'reopened', '2026-10-05', 1)", d=deal)
    assert any("reopens a deal that is open" in f for f in findings(db))


def test_the_command_prints_findings_and_exits_1_or_0_or_2(db, capsys, tmp_path):
    deal = a_deal(db)
    path = db.location
    assert main(["check", "--db", path]) == 0
    assert "No findings" in capsys.readouterr().out
    sql(db, "UPDATE deals SET status = 'won' WHERE id = :d", d=deal)
    assert main(["check", "--db", path]) == 1
    out = capsys.readouterr().out
    assert f"deal {deal}: its status is won but its log says open" in out
    assert main(["check", "--db", str(tmp_path / "missing.db")]) == 2
    assert not (tmp_path / "missing.db").exists()
    assert "voronka check:" in capsys.readouterr().err


def test_the_command_runs_as_a_module(db):
    a_deal(db)
    done = subprocess.run([sys.executable, "-m", "voronka.desktop.cli", "check", "--db", db.location],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "No findings" in done.stdout
