"""Loading a pipeline's history from the database (``models.loader``) and reporting on it."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models.errors import NotFound
from voronka.models.loader import _load, _Reader, load_frames
from voronka.models.orm import LostReason, Plan
from voronka.models.services.activities import log_activity
from voronka.models.services.deals import create_deal, lose_deal, move_deal, reopen_deal, win_deal

SASHA, ALEX = 1, 2


def at(month: int, day: int, hour: int = 12) -> datetime:
    return datetime(2026, month, day, hour)


@pytest.fixture
def history(db):
    """Three sales deals (won, lost, open), one Client Success deal, activities and plans."""
    with db.transaction() as s:
        won = create_deal(s, name="won", user_id=SASHA, stage_key="work_started", amount="125000.50",
                          source="outbound", cohort="2026-S40", at=at(9, 1)).created[0]
        move_deal(s, won, "replied", user_id=SASHA, at=at(9, 5))
        win_deal(s, won, user_id=ALEX, at=at(10, 5))
        lost = create_deal(s, name="lost \x1f odd", user_id=SASHA, stage_key="outreach_started", at=at(9, 2)).created[0]
        reason = s.query(LostReason).order_by(LostReason.position).first().id
        lose_deal(s, lost, reason_id=reason, user_id=SASHA, at=at(10, 7))
        open_ = create_deal(s, name="open", user_id=SASHA, owner_id=ALEX, amount=50_000,
                            expected_close=date(2026, 12, 1), at=at(10, 3)).created[0]
        reopen_target = create_deal(s, name="reopened", user_id=SASHA, at=at(9, 3)).created[0]
        lose_deal(s, reopen_target, reason_id=reason, user_id=SASHA, at=at(9, 20))
        reopen_deal(s, reopen_target, user_id=SASHA, at=at(10, 1))
        other = create_deal(s, name="client", user_id=SASHA, pipeline_key="success", at=at(10, 6)).created[0]
        log_activity(s, type="call", user_id=SASHA, deal_id=won, at=at(10, 2, 10))
        log_activity(s, type="email", user_id=SASHA, at=at(10, 2, 11))
        log_activity(s, type="note", user_id=SASHA, deal_id=open_, at=at(10, 2, 12))
        log_activity(s, type="meeting", user_id=ALEX, deal_id=other, at=at(10, 6))  # Client Success
        s.add_all([Plan(year=2026, month=None, user_id=None, amount_minor=1_200_000_00),
                   Plan(year=2026, month=10, user_id=ALEX, amount_minor=30_000_00)])
    return db, dict(won=won, lost=lost, open=open_, reopened=reopen_target, other=other, reason=reason)


def test_frames_hold_one_pipelines_deals_events_and_activities(history):
    db, ids = history
    f = load_frames(db)
    assert sorted(f.deals["deal_id"]) == sorted([ids["won"], ids["lost"], ids["open"], ids["reopened"]])
    deals = f.deals.set_index("deal_id")
    assert deals.at[ids["won"], "amount"] == 125000.50
    assert pd.isna(deals.at[ids["lost"], "amount"])
    assert deals.at[ids["lost"], "name"] == "lost \x1f odd"
    assert deals.at[ids["open"], "expected_close"] == pd.Timestamp(2026, 12, 1)
    assert deals.at[ids["won"], "closed_at"] == pd.Timestamp(at(10, 5))
    assert deals.at[ids["won"], "source"] == "outbound" and deals.at[ids["won"], "cohort"] == "2026-S40"
    assert str(f.events["at"].dtype) == "datetime64[ns]"
    assert ids["other"] not in set(f.events["deal_id"])
    won_events = f.events[f.events["deal_id"] == ids["won"]].sort_values("event_id")
    assert list(won_events["kind"].astype(str)) == ["stage", "owner", "stage", "stage", "won"]
    assert won_events["at"].iloc[-1] == pd.Timestamp(at(10, 5))
    assert won_events["user_id"].iloc[-1] == ALEX
    lost_event = f.events[(f.events["deal_id"] == ids["lost"]) & (f.events["kind"] == "lost")]
    assert lost_event["lost_reason_id"].iloc[0] == ids["reason"]
    assert sorted(f.activities["type"].astype(str)) == ["call", "email", "note"]  # not the CS meeting
    assert list(f.users["name"]) == ["Sasha SDR", "Alex AE", "Helen Head"]
    assert sorted(f.plans["amount"]) == [30_000, 1_200_000]
    assert len(f.lost_reasons) == 17 and f.currency == "RUB"
    assert list(f.stages["key"])[:2] == ["unsorted", "work_started"]


def test_plain_path_and_bulk_path_read_the_same_frames(history):
    db, _ = history
    fast = load_frames(db)
    with db.engine.connect() as conn:
        plain = _load(_Reader(conn, fast=False), "sales")
    for name in ("stages", "deals", "events", "activities", "users", "plans", "lost_reasons"):
        a = getattr(fast, name).sort_values(getattr(fast, name).columns[0], ignore_index=True)
        b = getattr(plain, name).sort_values(getattr(plain, name).columns[0], ignore_index=True)
        assert_frame_equal(a, b, check_dtype=False, obj=name)


@pytest.mark.parametrize("piece", [1, 7, 64])
def test_the_bulk_path_parsed_in_small_pieces_reads_the_same_frames(history, monkeypatch, piece):
    """The concatenated texts are split and parsed a piece at a time (the worker lets the UI
    thread have the interpreter between pieces): any piece size reads what the whole did."""
    import voronka.models.loader as loader

    db, _ = history
    whole = load_frames(db)
    monkeypatch.setattr(loader, "_PIECE_CHARS", piece)
    cut = load_frames(db)
    assert len(loader._pieces("1,22,333", ",")) == (3 if piece < 3 else 2 if piece < 6 else 1)
    for name in ("stages", "deals", "events", "activities", "users", "plans", "lost_reasons"):
        assert_frame_equal(getattr(cut, name), getattr(whole, name), obj=name)


def test_loaded_history_reports_like_the_services_wrote_it(history):
    db, ids = history
    report = compute_report(load_frames(db), parse_period("2026-10"), as_of=at(10, 31, 18))
    m = report["metrics"]
    assert m["revenue"] == 125000.50 and m["won_count"] == 1
    assert m["lost_count"] == 1  # the reopened deal's loss was in September and undone
    assert m["open_count"] == 2 and m["open_amount"] == 50_000
    assert m["sales_actions"] == 2  # call + email; the note is not, the CS meeting is another pipeline
    assert m["plan_period"] == 100_000  # 1.2M / 12
    users = {u["name"]: u for u in report["users"]}
    assert users["Alex AE"]["plan_period"] == 30_000
    assert users["Sasha SDR"]["won_count"] == 1  # owner at the won time, though Alex clicked "won"


def test_session_source_sees_the_open_transaction(history):
    db, _ = history
    with db.transaction() as s:
        create_deal(s, name="uncommitted", user_id=SASHA, at=at(10, 9))
        assert len(load_frames(s).deals) == 5


def test_unknown_pipeline_is_named(db):
    with pytest.raises(NotFound, match="nope"):
        load_frames(db, "nope")


def test_empty_database_loads_empty_frames(db):
    f = load_frames(db)
    assert f.deals.empty and f.events.empty and f.activities.empty
    assert len(f.stages) == 14
