"""`voronka demo`: a realistic, reproducible demo history whose events agree with the deals."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from sqlalchemy import select

from voronka.desktop.cli import main as cli
from voronka.metrics.reached import reached_times
from voronka.models.db import open_database
from voronka.models.demo import build_demo
from voronka.models.fields.inn import inn_checksum_ok
from voronka.models.fields.web import normalise_domain
from voronka.models.orm import Deal
from voronka.models.services.replay import replay_deal

ANCHOR = date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    build_demo(database, deals=3000, seed=7, anchor=ANCHOR)
    yield database
    database.close()


def frame(db, sql: str) -> pd.DataFrame:
    with db.engine.connect() as conn:
        return pd.read_sql_query(sql, conn)


def sales_frames(db) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    stages = frame(db, "SELECT s.id AS stage_id, s.key, s.position, s.side_of_id, s.won FROM stages s "
                       "JOIN pipelines p ON p.id = s.pipeline_id WHERE p.key = 'sales'")
    deals = frame(db, "SELECT d.* FROM deals d JOIN pipelines p ON p.id = d.pipeline_id WHERE p.key = 'sales'")
    events = frame(db, "SELECT e.* FROM deal_events e JOIN deals d ON d.id = e.deal_id "
                       "JOIN pipelines p ON p.id = d.pipeline_id WHERE p.key = 'sales'")
    events["at"] = pd.to_datetime(events["at"])
    return stages, deals, events


def test_cohort_conversions_land_near_the_article_targets(demo):
    stages, _deals, events = sales_frames(demo)
    reached = reached_times(events, stages)
    # a cohort that had time to finish: taken into work at least four months before the anchor
    cohort = reached[reached["work_started"] <= pd.Timestamp(ANCHOR - timedelta(days=120))]
    assert len(cohort) > 1500

    def conv(key: str) -> float:
        return float(cohort[key].notna().mean())

    assert 0.25 <= conv("replied") <= 0.35
    assert 0.08 <= conv("demo_run") <= 0.13
    assert 0.05 <= conv("signed") <= 0.08
    assert conv("replied_positive") < conv("replied")


def test_replaying_each_deals_events_gives_its_stored_state(demo):
    fields = ("stage_id", "stage_entered_at", "status", "closed_at", "lost_reason_id", "owner_id")
    with demo.session() as s:
        deals = s.scalars(select(Deal)).all()
        assert any(d.pipeline_id != deals[0].pipeline_id for d in deals)  # Client Success copies too
        stored = {d.id: tuple(getattr(d, f) for f in fields) for d in deals}
        with s.no_autoflush:
            for deal in deals:
                deal.stage_id = deal.owner_id = deal.lost_reason_id = -1  # replay must set them again
                deal.stage_entered_at = None
                replay_deal(s, deal)
        replayed = {d.id: tuple(getattr(d, f) for f in fields) for d in deals}
        s.rollback()
    differing = [i for i in stored if stored[i] != replayed[i]]
    assert not differing, f"{len(differing)} deals differ, e.g. {stored[differing[0]]} vs {replayed[differing[0]]}"


def test_history_is_realistic(demo):
    _stages, deals, events = sales_frames(demo)
    statuses = deals["status"].value_counts()
    assert {"open", "won", "lost"} <= set(statuses.index)
    won = deals[deals["status"] == "won"]
    assert won["amount_minor"].between(300_000_00, 3_000_000_00).all()
    lost = deals[deals["status"] == "lost"]
    assert lost["lost_reason_id"].notna().all()
    # a Russian team's demo (the database's language) names its sources and segments in Russian
    assert set(deals["source"]) == {"Холодный поиск", "Входящая заявка", "Партнёр", "Мероприятие", "Рекомендация"}
    assert set(deals["segment"]) == {"Малый бизнес", "Средний бизнес", "Крупный бизнес"}
    assert deals["cohort"].dropna().str.fullmatch(r"20\d\d-S\d\d").all()
    # a deal dragged over stages: entries skip at least one main stage
    kinds = events["kind"].value_counts()
    assert kinds["owner"] > len(deals)  # creation, plus the hand-over to an AE
    created = pd.to_datetime(deals["created_at"])
    assert created.min() >= pd.Timestamp(ANCHOR - timedelta(days=730))
    assert pd.to_datetime(events["at"]).max() < pd.Timestamp(ANCHOR)


def test_amounts_are_known_from_qualification_on(demo):
    rows = frame(demo, "SELECT d.amount_minor, d.expected_close, s.position FROM deals d "
                       "JOIN stages s ON s.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id "
                       "WHERE p.key = 'sales' AND d.status = 'open'")
    qualified_on = rows[rows["position"] >= 8]
    assert len(qualified_on) > 20
    assert (qualified_on["amount_minor"] > 0).all()
    assert qualified_on["expected_close"].notna().all()


def test_companies_have_valid_inns_websites_and_contacts(demo):
    companies = frame(demo, "SELECT id, name, website, inn FROM companies")
    assert all(len(inn) == 10 and inn_checksum_ok(inn) for inn in companies["inn"])
    assert all(normalise_domain(site) == site for site in companies["website"])
    assert companies["inn"].is_unique and companies["website"].is_unique
    per_company = frame(demo, "SELECT company_id, count(*) AS n FROM contacts GROUP BY company_id")["n"]
    assert per_company.between(1, 3).all() and len(per_company) == len(companies)
    names = frame(demo, "SELECT d.name, d.name_is_manual, c.name AS company FROM deals d "
                        "JOIN companies c ON c.id = d.company_id")
    # named as a team types a deal: «Северстрой — внедрение CRM», the brand of its company first
    brand = names["company"].str.extract("«(.+)»")[0]
    assert (names["name"].str.split(" — ").str[0] == brand).all()
    assert names["name"].str.fullmatch(r"[А-ЯЁ][^ ]* — [а-яё0-9][^-]*").all()
    assert names["name_is_manual"].all() and names["name"].nunique() > len(names) / 3


def test_reps_do_their_daily_sales_actions_and_open_deals_have_next_tasks(demo):
    per_day = frame(demo, "SELECT u.role, date(a.at) AS day, count(*) AS n FROM activities a "
                          "JOIN users u ON u.id = a.user_id WHERE a.type != 'note' GROUP BY u.id, day")
    sdr = per_day[per_day["role"] == "sdr"]["n"]
    ae = per_day[per_day["role"] == "ae"]["n"]
    assert sdr.between(25, 35).all() and 28 <= sdr.mean() <= 32
    assert ae.between(12, 18).all()
    open_tasks = frame(demo, "SELECT d.id, count(t.id) AS n, sum(t.due_at < '2026-06-15') AS overdue "
                             "FROM deals d LEFT JOIN tasks t ON t.deal_id = d.id AND t.done_at IS NULL "
                             "WHERE d.status = 'open' AND d.pipeline_id = 1 GROUP BY d.id")
    assert (open_tasks["n"] > 0).mean() > 0.75
    assert open_tasks["overdue"].sum() > 0


def test_plans_and_client_success_copies_exist(demo):
    plans = frame(demo, "SELECT year, month, user_id, amount_minor FROM plans")
    assert ((plans["month"].isna()) & (plans["user_id"].isna())).any()  # annual team plan
    assert ((plans["month"].notna()) & (plans["user_id"].isna())).any()  # monthly team plans
    assert plans["user_id"].notna().any()  # personal plans
    copies = frame(demo, "SELECT c.id, o.status AS origin_status FROM deals c "
                         "JOIN deals o ON o.id = c.origin_deal_id JOIN pipelines p ON p.id = c.pipeline_id "
                         "WHERE p.key = 'success'")
    assert len(copies) > 0 and (copies["origin_status"] == "won").all()


def test_same_seed_and_anchor_give_the_same_database(tmp_path):
    dumps = []
    for name in ("a.db", "b.db"):
        db = open_database(tmp_path / name)
        build_demo(db, deals=150, seed=3, anchor=ANCHOR)
        dumps.append([frame(db, f"SELECT * FROM {table} ORDER BY id")
                      for table in ("deals", "deal_events", "companies", "tasks", "activities")])
        db.close()
    for left, right in zip(*dumps):
        pd.testing.assert_frame_equal(left, right)


def test_demo_refuses_a_database_that_already_has_deals(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert cli(["demo", "--db", str(path), "--deals", "50", "--anchor", "2026-01-10"]) == 0
    assert "50 deals" in capsys.readouterr().out
    before = path.read_bytes()
    assert cli(["demo", "--db", str(path), "--deals", "50"]) == 2
    err = capsys.readouterr().err
    assert "already holds deals" in err
    assert path.read_bytes() == before


def test_the_metrics_engine_sees_a_team_near_the_targets(demo):
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report import compute_report
    from voronka.models.loader import load_frames

    # December 2025: the year-to-date cohort is all of 2025 (its last weeks not finished yet)
    metrics = compute_report(load_frames(demo), parse_period("2025-12"))["metrics"]
    assert 0.25 <= metrics["conv_reply"] <= 0.35
    assert 0.07 <= metrics["conv_demo"] <= 0.12
    assert 0.045 <= metrics["conv_client"] <= 0.08
    assert 25 <= metrics["actions_per_day_sdr"] <= 35
    assert 12 <= metrics["actions_per_day_ae"] <= 18
    assert metrics["revenue"] > 0 and metrics["plan_year"] > 0


def test_an_english_team_reads_its_demo_deals_in_english(tmp_path):
    db = open_database(tmp_path / "en.db", language="en")
    try:
        build_demo(db, deals=150, seed=3, anchor=ANCHOR)
        names = frame(db, "SELECT d.name, c.website FROM deals d JOIN companies c ON c.id = d.company_id")
    finally:
        db.close()
    assert names["name"].str.fullmatch(r"[A-Z][a-z0-9-]* — [a-z0-9A-Z][^—]*").all(), names["name"].head()
    # the brand is the website's name, capitalised: «Severstroy — CRM rollout» for severstroy.ru
    site_brand = names["website"].str.rsplit(".", n=1).str[0].str.replace(r"(\d+)$", r"-\1", regex=True)
    assert (names["name"].str.split(" — ").str[0].str.lower() == site_brand).all()
