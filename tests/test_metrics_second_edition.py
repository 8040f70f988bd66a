"""Second-edition metrics on hand-built histories (spec/metrics.md, "Second edition"): the
median deal, sales velocity, recurring revenue, the reps table, the plan read backwards,
the share of reps at plan and the tightened advice. Every expected figure is worked out
by hand in the comments."""
from __future__ import annotations

import json

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.plan_decomposition import exact_ceil
from voronka.metrics.report import compute_report
from metrics_history import ALEX, HELEN, SASHA, History, t

MARCH = parse_period("2026-03")
RECURRING = ("mrr", "mrr_new", "mrr_churned", "clients_active", "client_churn_rate", "arpa", "lifetime_months", "clv")


# --- median deal and sales velocity --------------------------------------------------------------
def test_median_check_counts_a_missing_amount_as_zero():
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=100_000).win(t(3, 2))
    h.deal(2, t(1, 5), "work_started").win(t(3, 3))  # no amount: 0
    h.deal(3, t(1, 5), "work_started", amount=300_000).win(t(3, 4))
    h.deal(4, t(1, 5), "work_started", amount=50_000).win(t(2, 4))
    m = compute_report(h.frames(), MARCH)["metrics"]
    assert m["median_check"] == 100_000  # median of 0, 100k, 300k
    assert m["median_check_ytd"] == 75_000  # median of 0, 50k, 100k, 300k
    assert compute_report(h.frames(), parse_period("2026-01"))["metrics"]["median_check"] is None


def test_sales_velocity_is_open_qualified_deals_times_win_rate_times_check_over_cycle():
    h = History()
    # won in the last 365 days: 100k after 10 days of work, 300k after 30 → check 200k, cycle 20 days
    h.deal(1, t(1, 1), "work_started", amount=100_000).move("qualified", t(1, 5)).win(t(1, 11))
    h.deal(2, t(1, 1), "work_started", amount=300_000).move("qualified", t(1, 5)).win(t(1, 31))
    h.deal(3, t(1, 1), "work_started", amount=1).move("qualified", t(1, 5)).lose(t(2, 1))
    h.deal(4, t(1, 1), "work_started", amount=1).move("qualified", t(1, 5)).lose(t(2, 1))
    # open at T from qualified on: deals 5 (qualified), 6 (demo_run); deal 7 is before qualified
    h.deal(5, t(2, 1), "qualified")
    h.deal(6, t(2, 1), "demo_run")
    h.deal(7, t(2, 1), "replied")
    m = compute_report(h.frames(), MARCH)["metrics"]
    # win rate of qualified: 2 won of 4 closed → 0.5; 2 × 0.5 × 200k / 20 days = 10k a day
    assert m["sales_velocity"] == pytest.approx(10_000)
    h2 = History(overrides={"qualified": 0.8})
    h2.deal(1, t(1, 1), "work_started", amount=100_000).win(t(1, 11))
    h2.deal(5, t(2, 1), "qualified")
    assert compute_report(h2.frames(), MARCH)["metrics"]["sales_velocity"] == pytest.approx(1 * 0.8 * 100_000 / 10)


def test_sales_velocity_is_null_without_wins_in_the_last_year():
    h = History()
    h.deal(5, t(2, 1), "qualified")
    assert compute_report(h.frames(), MARCH)["metrics"]["sales_velocity"] is None


# --- recurring revenue ---------------------------------------------------------------------------
def success_history() -> History:
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=10)
    h.success_deal(101, t(1, 10), 120_000)  # A: 10k a month, active
    h.success_deal(102, t(3, 5), 60_000).lose(t(3, 20))  # B: 5k, lost in its first month
    h.success_deal(103, t(6, 1, year=2025), 240_000).move("month_2", t(7, 1, year=2025)) \
        .renew(t(6, 1))  # C: 20k, renewed after March: still active
    h.success_deal(104, t(9, 1, year=2025), 36_000).lose(t(2, 10))  # D: 3k, lost in February
    h.success_deal(105, t(4, 2), 1_000_000)  # created after March
    return h


def test_recurring_revenue_of_a_month():
    m = compute_report(success_history().frames(), MARCH)["metrics"]
    assert m["mrr"] == 30_000  # A and C active at 31 March
    assert m["clients_active"] == 2
    assert m["mrr_new"] == 5_000  # B, created in March
    assert m["mrr_churned"] == 5_000  # B, lost in its first month
    assert m["client_churn_rate"] == pytest.approx(0.5)  # B lost / A and C active at 1 March
    assert m["arpa"] == 15_000
    # active at the month starts Apr 2025 … Mar 2026: 0,0,0,1,1,1,2,2,2,2,3,2 → 16/12;
    # lost in the last 365 days: D and B → 12 × (16/12) / 2 = 8 months
    assert m["lifetime_months"] == pytest.approx(8.0)
    assert m["clv"] == pytest.approx(120_000)


def test_recurring_revenue_of_a_quarter_across_the_year_boundary():
    frames = success_history().frames()
    q1 = compute_report(frames, parse_period("2026-Q1"))["metrics"]
    assert q1["mrr_new"] == 15_000  # A and B
    assert q1["mrr_churned"] == 8_000  # D and B
    assert q1["client_churn_rate"] == pytest.approx(1.0)  # 2 lost / C and D active at 1 January
    q4 = compute_report(frames, parse_period("2025-Q4"))["metrics"]
    assert (q4["mrr"], q4["clients_active"], q4["mrr_new"], q4["mrr_churned"]) == (23_000, 2, 0, 0)
    assert q4["lifetime_months"] is None  # nobody lost in the year before


def test_billing_months_turn_the_amount_into_a_monthly_amount_and_a_reopened_client_is_active():
    h = History()
    h.success_deal(101, t(1, 10), 30_000, billing_months=3, pipeline_id=3)
    h.success_deal(102, t(1, 10), 12_000, billing_months=1, pipeline_id=4).lose(t(2, 1)).reopen(t(2, 15))
    m = compute_report(h.frames(), MARCH)["metrics"]
    assert m["mrr"] == 22_000  # 30k / 3 + 12k / 1
    assert m["mrr_churned"] == 0 and m["clients_active"] == 2


def test_recurring_figures_are_null_without_a_client_success_pipeline_and_zero_without_clients():
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=10)
    m = compute_report(h.frames(), MARCH)["metrics"]
    assert all(m[k] is None for k in RECURRING)
    m = compute_report(h.success_pipeline().frames(), MARCH)["metrics"]
    assert (m["mrr"], m["clients_active"], m["mrr_new"], m["mrr_churned"]) == (0, 0, 0, 0)
    assert all(m[k] is None for k in ("client_churn_rate", "arpa", "lifetime_months", "clv"))


# --- reps side by side ---------------------------------------------------------------------------
OLGA, IVAN = 4, 5


def reps_history() -> History:
    h = History().user(OLGA, "Olga SDR", "sdr").user(IVAN, "Ivan SDR", "sdr")
    # d1: Sasha starts the work and gets the reply, hands it to Alex, who runs the demo and wins
    h.deal(1, t(1, 5), owner=SASHA, amount=100_000).move("work_started", t(1, 6), SASHA) \
        .move("replied", t(1, 10), SASHA).hand_to(ALEX, t(1, 20)).move("demo_run", t(2, 1), ALEX).win(t(3, 1), ALEX)
    h.deal(2, t(1, 5), "work_started", owner=SASHA).lose(t(2, 15))  # Sasha's, lost
    h.deal(3, t(12, 1, year=2025), "qualified", owner=OLGA)  # Olga: an open deal, no cohort
    h.deal(4, t(1, 10), "work_started", owner=ALEX, user=SASHA, amount=300_000).win(t(3, 10))
    h.plan(2026, 800_000, user_id=ALEX)
    h.activity("call", t(3, 2), SASHA, n=44)
    h.activity("call", t(3, 2), IVAN, n=10)  # sales actions alone make no row
    return h


def test_reps_table_compares_each_rep_with_the_team_median():
    rows = compute_report(reps_history().frames(), MARCH)["reps"]
    by_id = {r["user_id"]: r for r in rows}
    assert [r["user_id"] for r in rows] == [SASHA, ALEX, OLGA, None]  # Helen and Ivan have nothing in Y
    sasha, alex, olga, median = by_id[SASHA], by_id[ALEX], by_id[OLGA], rows[-1]
    # Sasha's cohort: d1 (he moved it), d2, d4 (he created it for Alex); d1 and d4 got further
    assert sasha["cohort"] == 3
    for column in ("conv_reply", "conv_positive", "conv_demo", "conv_client"):
        assert sasha[column] == pytest.approx(2 / 3), column
    assert (sasha["won_count_ytd"], sasha["revenue_ytd"], sasha["avg_check_ytd"]) == (0, 0, None)
    assert sasha["win_rate_ytd"] == 0.0  # d2, lost while his
    assert sasha["plan_attainment_ytd"] is None
    assert sasha["actions_per_day"] == pytest.approx(2.0)  # 44 calls / 22 working days of March
    assert alex["cohort"] == 0 and alex["conv_reply"] is None
    assert (alex["won_count_ytd"], alex["revenue_ytd"], alex["avg_check_ytd"]) == (2, 400_000, 200_000)
    assert alex["sales_cycle_days_ytd"] == pytest.approx((54 + 59) / 2)  # 6 Jan → 1 Mar, 10 Jan → 10 Mar
    assert alex["win_rate_ytd"] == 1.0
    assert alex["plan_attainment_ytd"] == pytest.approx(0.5)
    assert olga["name"] == "Olga SDR" and olga["cohort"] == 0 and olga["win_rate_ytd"] is None
    assert (median["name"], median["role"]) == (None, None)
    assert median["cohort"] == 0  # of 3, 0, 0
    assert median["conv_reply"] == pytest.approx(2 / 3)  # only Sasha has one
    assert median["win_rate_ytd"] == pytest.approx(0.5)  # of 0 and 1
    assert median["avg_check_ytd"] == 200_000
    assert median["actions_per_day"] == 0.0


def test_a_rep_who_owned_a_deal_only_before_it_closed_in_y_has_a_row():
    h = History()
    h.deal(1, t(11, 1, year=2025), "replied", owner=HELEN).hand_to(ALEX, t(1, 10))
    h.deal(2, t(11, 1, year=2025), "replied", owner=SASHA).lose(t(12, 1, year=2025))  # closed before Y
    rows = compute_report(h.frames(), MARCH)["reps"]
    assert [r["user_id"] for r in rows] == [ALEX, HELEN, None]


# --- the plan read backwards ---------------------------------------------------------------------
def decomposition_history() -> History:
    h = History()
    # 15 deals start work in January; 11 are won for 100k (10 in February, 1 in March), 4 lost
    for i in range(1, 16):
        d = h.deal(i, t(1, 5), "work_started", amount=100_000)
        if i <= 10:
            d.win(t(2, 10))
        elif i == 11:
            d.win(t(3, 5))
        else:
            d.lose(t(2, 10))
    h.plan(2026, 1_100_000, month=3)
    h.activity("call", t(1, 20), SASHA, n=300)  # 300 SDR actions in Y / 15 deals worked = 20 per deal
    return h


def test_plan_decomposition_reads_the_plan_back_through_the_funnel():
    report = compute_report(decomposition_history().frames(), MARCH)
    rows = {r["stage"]: r for r in report["plan_decomposition"]}
    assert [r["stage"] for r in report["plan_decomposition"]] == [
        "work_started", "contacts_found", "outreach_started", "replied", "replied_positive", "qualified",
        "demo_appointed", "demo_run", "test_started", "offer_sent", "committed", "signed"]
    # needed_won = ceil(1.1M / 100k) = 11; every stage after work_started converts 11 of 11
    assert rows["signed"] == {"stage": "signed", "needed": 11, "actual": 1, "gap": -10}
    assert rows["committed"] == {"stage": "committed", "needed": 11, "actual": 1, "gap": -10}
    # work_started converts 11 of 15: 11 / (11/15) is 15.000000000000002 in floating point, not 16
    assert rows["work_started"] == {"stage": "work_started", "needed": 15, "actual": 0, "gap": -15}
    # 15 deals × 20 actions each / (22 working days of March × 1 active SDR)
    assert report["metrics"]["needed_actions_per_day_sdr"] == pytest.approx(15 * 20 / 22)


def test_plan_decomposition_as_of_the_start_of_the_month_uses_the_whole_months_working_days():
    report = compute_report(decomposition_history().frames(), MARCH, as_of=t(3, 2, 9))
    # as of 2 March only 10 of the 15 are won: work_started needs ceil(11 / (10/15)) = 17 deals
    assert report["plan_decomposition"][0]["needed"] == 17
    assert report["metrics"]["needed_actions_per_day_sdr"] == pytest.approx(17 * 20 / 22)


def test_a_plan_with_no_history_gives_null_rows():
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=100_000)
    h.plan(2026, 1_200_000)
    report = compute_report(h.frames(), MARCH)
    assert all(r["needed"] is None and r["gap"] is None for r in report["plan_decomposition"])
    assert report["metrics"]["needed_actions_per_day_sdr"] is None
    assert compute_report(History().frames(), MARCH)["metrics"]["needed_actions_per_day_sdr"] is None


def test_a_stage_no_deal_of_the_cohort_passed_nulls_it_and_every_row_before_it():
    h = History()
    h.deal(1, t(12, 1, year=2025), "work_started", amount=200_000).win(t(12, 20, year=2025))  # last year's win
    for i in range(2, 6):  # this year's cohort reaches demo_run, nobody signs
        h.deal(i, t(1, 5), "work_started").move("demo_run", t(1, 20))
    h.plan(2026, 390_000, month=3)
    rows = {r["stage"]: r for r in compute_report(h.frames(), MARCH)["plan_decomposition"]}
    assert rows["signed"]["needed"] == 2  # ceil(390k / 200k), even though c(signed) has no cohort
    assert all(rows[k]["needed"] is None for k in rows if k != "signed")


def test_weeks_and_days_have_no_plan_decomposition():
    frames = decomposition_history().frames()
    for label in ("2026-W10", "2026-03-03"):
        report = compute_report(frames, parse_period(label))
        assert report["plan_decomposition"] == [] and report["metrics"]["needed_actions_per_day_sdr"] is None
    assert len(compute_report(frames, parse_period("2026-Q1"))["plan_decomposition"]) == 12


@pytest.mark.parametrize("quotient, expected", [(11 / (11 / 15), 15), (15 / (3 / 11), 55), (3 / 0.6, 5),
                                                (10.2, 11), (7.000001, 8), (7.0000000001, 7), (0.0, 0)])
def test_ceil_is_taken_of_the_exact_quotient(quotient, expected):
    assert exact_ceil(quotient) == expected


# --- reps at plan ---------------------------------------------------------------------------------
def test_reps_at_plan_share_counts_only_people_with_a_personal_plan():
    h = History()
    h.deal(1, t(3, 1), "work_started", owner=SASHA, amount=100_000).win(t(3, 10))
    h.deal(2, t(3, 1), "work_started", owner=ALEX, amount=50_000).win(t(3, 10))
    h.plan(2026, 100_000, month=3, user_id=SASHA)  # made
    h.plan(2026, 100_000, month=3, user_id=ALEX)  # half
    m = compute_report(h.frames(), MARCH)
    assert m["metrics"]["reps_at_plan_share"] == 0.5
    assert m["targets"]["reps_at_plan_share"] == 0.6
    assert compute_report(History().frames(), MARCH)["metrics"]["reps_at_plan_share"] is None


# --- advice, tightened -----------------------------------------------------------------------------
def test_a_stage_most_deals_skipped_gives_no_advice():
    h = History()
    for i in range(1, 21):  # jumped from work_started to replied: contacts_found was skipped
        h.deal(i, t(1, 5), "work_started").move("replied", t(1, 6))
    for i in range(21, 41):  # entered contacts_found and outreach_started themselves
        h.deal(i, t(1, 5), "contacts_found").move("outreach_started", t(1, 6))
    stages = {r["key"]: r for r in compute_report(h.frames(), MARCH)["stages"]}
    assert stages["contacts_found"]["conversion_next"] == 1.0
    assert stages["contacts_found"]["advice"] == "merge"  # 20 of 40 entered it: exactly half
    h2 = History()
    for i in range(1, 22):
        h2.deal(i, t(1, 5), "work_started").move("replied", t(1, 6))
    for i in range(22, 42):
        h2.deal(i, t(1, 5), "contacts_found").move("outreach_started", t(1, 6))
    stages = {r["key"]: r for r in compute_report(h2.frames(), MARCH)["stages"]}
    assert stages["contacts_found"]["conversion_next"] == 1.0
    assert stages["contacts_found"]["advice"] is None  # 20 of 41 entered it


def test_the_report_passes_strict_json_with_every_new_table():
    report = compute_report(success_history().frames(), MARCH)
    assert {"reps", "plan_decomposition"} <= set(report)
    json.dumps(report, allow_nan=False)


def test_rep_drill_down_lists_the_deals_behind_a_row():
    from voronka.metrics.drilldown import deals_behind, rep_deals

    frames = reps_history().frames()
    assert rep_deals(frames, MARCH, SASHA) == [1, 2, 4]
    assert rep_deals(frames, MARCH, SASHA, stage="demo_run") == [1, 4]
    assert rep_deals(frames, MARCH, SASHA, stage="no_such_stage") == []
    assert rep_deals(frames, MARCH, ALEX, wins=True) == [1, 4]
    assert rep_deals(frames, MARCH, OLGA) == []
    assert deals_behind(frames, "median_check_ytd", MARCH) == [1, 4]
