"""The metric catalogue: every id of spec/metrics.md, names, and how targets are judged."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from voronka.metrics.catalogue import CATALOGUE, by_id, meets_target, target_for
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import History, t

# The project's own copy of the metric catalogue (shared/spec/metrics.md as of this edition).
SPEC = Path(__file__).resolve().parent / "data" / "spec" / "metrics.md"
EXPECTED_IDS = {
    "revenue", "revenue_prev", "revenue_growth", "plan_year", "plan_period", "revenue_ytd", "revenue_ytd_prev_year",
    "plan_attainment_ytd", "plan_attainment_period", "forecast_year", "pipeline_sufficiency", "forecast_run_rate",
    "won_count", "won_count_ytd", "avg_check", "avg_check_ytd", "sales_cycle_days", "cost_of_cycle_day",
    "conv_reply", "conv_positive", "conv_demo_appointed", "conv_demo", "conv_offer", "conv_client",
    "conv_demo_from_positive", "conv_client_from_demo", "sales_actions", "stuck_share_active", "stuck_share_all",
    "funnel_balance", "zero_amount_qualified", "open_count", "open_amount", "weighted_pipeline",
    "actions_per_day_sdr", "actions_per_day_ae", "worked_count", "worked_count_ytd", "replied_count",
    "positive_count", "demos_appointed_count", "demos_run_count", "demos_run_count_ytd", "offers_sent_count",
    "in_outreach_sdr", "in_outreach_ae", "lost_count", "lost_amount",
}
SECOND_EDITION_IDS = {
    "median_check", "median_check_ytd", "sales_velocity", "mrr", "mrr_new", "mrr_churned", "clients_active",
    "client_churn_rate", "arpa", "lifetime_months", "clv", "reps_at_plan_share", "needed_actions_per_day_sdr",
}


def test_catalogue_has_every_metric_of_the_spec_once():
    ids = [m.id for m in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert set(ids) == EXPECTED_IDS | SECOND_EDITION_IDS


def test_catalogue_matches_the_ids_written_in_the_spec_tables():
    spec_ids = set()
    for line in SPEC.read_text("utf-8").splitlines():
        if line.startswith("| `"):
            spec_ids.update(re.findall(r"`([a-z0-9_]+)`", line.split("|")[1]))
    # needed_actions_per_day_sdr is defined in the text of plan_decomposition, not in a table
    assert spec_ids | {"needed_actions_per_day_sdr"} == {m.id for m in CATALOGUE}


def test_the_json_report_has_every_second_edition_id_and_table():
    report = compute_report(History().frames(), parse_period("2026-Q3"), as_of=t(9, 30, 18))
    assert SECOND_EDITION_IDS <= set(report["metrics"])
    assert set(report["metrics"]) == {m.id for m in CATALOGUE}
    assert report["period"]["kind"] == "quarter"
    assert report["reps"] == [{"user_id": None, "name": None, "role": None, **{c: None for c in report["reps"][0]
                                                                              if c not in ("user_id", "name", "role")}}]
    assert [r["stage"] for r in report["plan_decomposition"]][::11] == ["work_started", "signed"]


def test_every_metric_has_names_formulas_and_a_report():
    for m in CATALOGUE:
        assert m.name_ru and m.name_en and m.formula_ru and m.formula_en, m.id
        assert m.kind in {"money", "ratio", "count", "days", "times", "number"}, m.id
        assert m.reports and m.reports <= {"monthly", "weekly", "daily"}, m.id
        assert (m.target is None) == (m.target_text == ""), m.id


def test_targets_are_judged_in_the_direction_the_spec_gives():
    assert meets_target("revenue_growth", 0.07) is True
    assert meets_target("revenue_growth", 0.05) is False
    assert meets_target("conv_reply", 0.25) is True  # ≥
    assert meets_target("stuck_share_active", 0.5) is False  # strictly below 50 %
    assert meets_target("stuck_share_all", 0.2) is True  # ≤ 20 %
    assert meets_target("funnel_balance", 0.7) is False  # strictly above 70 %
    assert meets_target("zero_amount_qualified", 0) is True
    assert meets_target("zero_amount_qualified", 1) is False
    assert meets_target("revenue", 1_000_000) is None  # no target
    assert meets_target("conv_demo", None) is None


def test_per_person_bands_scale_with_the_team():
    assert meets_target("in_outreach_sdr", 170) is True  # one person's load
    assert meets_target("in_outreach_sdr", 230) is False
    assert target_for("in_outreach_sdr", "week", people=2) == 300
    assert meets_target("in_outreach_sdr", 390, target=300) is True  # band 300..400 for two SDRs
    assert meets_target("in_outreach_sdr", 410, target=300) is False
    assert meets_target("in_outreach_ae", 74, target=75) is False
    assert target_for("in_outreach_sdr", "week", people=0) is None


def test_report_targets_follow_the_period_and_the_team():
    h = History().user(4, "Bob SDR", "sdr")
    week = compute_report(h.frames(), parse_period("2026-W43"), as_of=t(10, 26, 0))["targets"]
    month = compute_report(h.frames(), parse_period("2026-10"), as_of=t(10, 31))["targets"]
    assert month["revenue_growth"] == 0.06
    assert week["revenue_growth"] is None  # the 6 % is month over month
    assert week["in_outreach_sdr"] == 300  # 150 × 2 active SDRs
    assert week["in_outreach_ae"] == 75
    assert set(week) == {m.id for m in CATALOGUE if m.target is not None}


def test_by_id_names_an_unknown_metric():
    assert by_id("conv_demo").name("ru") == "Конверсия в демо"
    with pytest.raises(KeyError, match="no_such"):
        by_id("no_such")
