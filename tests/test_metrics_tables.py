"""The report's tables: users (crediting), lost reasons, sources, cohorts, stage stays
and the merge/split advice (spec/metrics.md, "Tables in the report")."""
from __future__ import annotations

import pandas as pd
import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.metrics.stages_table import stage_win_rates, stay_stats
from metrics_history import ALEX, HELEN, STAGE_ID, History, t

T = t(10, 31, 18)
OCT = parse_period("2026-10")


def test_reaches_are_credited_to_whoever_moved_the_card_else_the_owner_then():
    h = History()
    d = h.deal(1, t(10, 2), "work_started")  # created by Sasha, its owner
    d.move("replied", t(10, 5), user=None)  # no user on the event: owner at the time, Sasha
    d.hand_to(ALEX, t(10, 6), user=HELEN)
    d.move("replied_positive", t(10, 8), user=ALEX)
    d.move("demo_run", t(10, 12), user=None)  # skips demo_appointed; owner then is Alex
    h.deal(2, t(10, 3), "work_started", user=HELEN)  # Helen created Sasha's deal
    users = {u["name"]: u for u in compute_report(h.frames(), OCT, as_of=T)["users"]}
    sasha, alex, helen = users["Sasha SDR"], users["Alex AE"], users["Helen Head"]
    assert (sasha["worked_count"], sasha["replied_count"], sasha["positive_count"]) == (1, 1, 0)
    assert (alex["positive_count"], alex["demos_appointed_count"], alex["demos_run_count"]) == (1, 1, 1)
    assert helen["worked_count"] == 1
    assert (sasha["open_count"], alex["open_count"], helen["open_count"]) == (1, 1, 0)  # owners as of T


def test_lost_reasons_group_deals_lost_in_the_period_by_reason_and_stage():
    h = History()
    h.deal(1, t(9, 1), "outreach_started", amount=10_000).lose(t(10, 5), reason=4)
    h.deal(2, t(9, 1), "outreach_started", amount=20_000).lose(t(10, 6), reason=4)
    h.deal(3, t(9, 1), "offer_sent", amount=500_000).lose(t(10, 7), reason=9)
    h.deal(4, t(9, 1)).lose(t(10, 8), reason=4)
    h.deal(5, t(9, 1), "offer_sent", amount=1_000).lose(t(9, 20), reason=9)  # September
    h.deal(6, t(9, 1), "replied").lose(t(10, 10), reason=4).reopen(t(10, 12))  # reopened
    (h.deal(7, t(9, 1), "replied", amount=7_000).lose(t(9, 25), reason=3).reopen(t(10, 2))
     .move("qualified", t(10, 3)).lose(t(10, 20), reason=5))
    rows = compute_report(h.frames(), OCT, as_of=T)["lost_reasons"]
    assert [(r["reason"], r["count"], r["amount"]) for r in rows] == [
        ("reason 4", 3, 30_000), ("reason 5", 1, 7_000), ("reason 9", 1, 500_000)]
    assert rows[0]["by_stage"] == {"unsorted": 1, "outreach_started": 2}
    assert rows[1]["by_stage"] == {"qualified": 1}  # where it was when lost the second time


def test_sources_table_counts_the_year_to_date_by_source():
    h = History()
    h.deal(1, t(2, 1), "work_started", source="outbound", amount=100_000).win(t(5, 1))
    h.deal(2, t(3, 1), "work_started", source="outbound").lose(t(4, 1))
    h.deal(3, t(4, 1), "work_started", source="inbound", amount=300_000).win(t(6, 1))
    h.deal(4, t(5, 1))  # no source
    h.deal(5, t(6, 1, year=2025), "work_started", source="partner", amount=50_000).win(t(1, 15))
    rows = compute_report(h.frames(), OCT, as_of=T)["sources"]
    assert rows == [
        {"source": "inbound", "worked_count_ytd": 1, "won_count_ytd": 1, "revenue_ytd": 300_000, "conv_client": 1.0},
        {"source": "outbound", "worked_count_ytd": 2, "won_count_ytd": 1, "revenue_ytd": 100_000, "conv_client": 0.5},
        # worked last year: won this year, but no cohort this year
        {"source": "partner", "worked_count_ytd": 0, "won_count_ytd": 1, "revenue_ytd": 50_000, "conv_client": None},
        {"source": None, "worked_count_ytd": 0, "won_count_ytd": 0, "revenue_ytd": 0, "conv_client": None},
    ]


def test_cohorts_table_keeps_lost_deals_and_follows_the_label_not_the_year():
    h = History()
    (h.deal(1, t(1, 5), "work_started", cohort="2026-S01", amount=1).move("replied", t(1, 10))
     .move("demo_run", t(1, 20)).win(t(2, 1)))
    h.deal(2, t(1, 6), "work_started", cohort="2026-S01").lose(t(1, 20))  # lost: still in the cohort
    h.deal(3, t(1, 7), cohort="2026-S01")  # never worked
    h.deal(4, t(12, 10, year=2025), "work_started", cohort="2025-S50").move("replied", t(12, 15, year=2025)).lose(t(1, 3))
    h.deal(5, t(2, 1), "work_started")  # no cohort label
    h.deal(6, t(11, 3), "work_started", cohort="2026-S44")  # created after T: not listed
    rows = compute_report(h.frames(), OCT, as_of=T)["cohorts"]
    assert rows == [
        {"cohort": "2025-S50", "deals": 1, "worked_count": 1, "conv_reply": 1.0, "conv_demo": 0.0, "conv_client": 0.0},
        {"cohort": "2026-S01", "deals": 3, "worked_count": 2, "conv_reply": 0.5, "conv_demo": 0.5, "conv_client": 0.5},
    ]


def stay_history() -> History:
    h = History()
    # unsorted 10 d, work_started 20 d, contacts_found 10 d (ends at the loss)
    h.deal(1, t(1, 1)).move("work_started", t(1, 11)).move("contacts_found", t(1, 31)).lose(t(2, 10))
    h.deal(2, t(2, 1)).move("work_started", t(2, 5)).win(t(2, 15))  # unsorted 4 d, work_started 10 d
    h.deal(3, t(3, 1)).move("work_started", t(3, 3))  # unsorted 2 d; work_started still running
    h.deal(4, t(12, 1, year=2025)).move("work_started", t(12, 21, year=2025))  # ended last year
    h.deal(5, t(1, 1)).win(t(3, 1), stage_row=False)  # unsorted until the win: 59 d
    return h


def test_stay_stats_summarise_stays_that_ended_this_year():
    stats = stay_stats(stay_history().frames(), pd.Timestamp(T))
    unsorted = stats.loc[STAGE_ID["unsorted"]]
    # stays 2, 4, 10, 59: mean 18.75, median 7, p90 = 10 + 0.7 × (59 − 10) = 44.3
    assert unsorted["avg_days"] == pytest.approx(18.75)
    assert unsorted["median_days"] == pytest.approx(7.0)
    assert unsorted["p90_days"] == pytest.approx(44.3)
    assert unsorted["stays"] == 4
    worked = stats.loc[STAGE_ID["work_started"]]
    assert (worked["avg_days"], worked["median_days"], worked["p90_days"]) == pytest.approx((15.0, 15.0, 19.0))
    assert stats.loc[STAGE_ID["contacts_found"], "avg_days"] == pytest.approx(10.0)
    assert pd.isna(stats.loc[STAGE_ID["signed"], "p90_days"])  # a won stage has no stays
    last_year = stay_stats(stay_history().frames(), pd.Timestamp(T), since=pd.Timestamp(2025, 1, 1))
    assert last_year.loc[STAGE_ID["unsorted"], "stays"] == 5  # with deal 4's 20 days


def test_stages_table_shows_stays_in_days():
    rows = {r["key"]: r for r in compute_report(stay_history().frames(), OCT, as_of=T)["stages"]}
    assert rows["unsorted"]["avg_days_in_stage"] == pytest.approx(18.75)
    assert rows["unsorted"]["median_days_in_stage"] == pytest.approx(7.0)
    assert rows["unsorted"]["p90_days_in_stage"] == pytest.approx(44.3)
    assert rows["signed"]["avg_days_in_stage"] is None


def test_board_win_rates_are_the_computed_ones():
    rates = stage_win_rates(stay_history().frames(), pd.Timestamp(T))
    assert rates[STAGE_ID["unsorted"]] == pytest.approx(2 / 3)  # 2 and 5 won, 1 lost
    assert rates[STAGE_ID["contacts_found"]] == pytest.approx(2 / 3)  # 1 lost; 2 and 5 skipped it to the win
    assert pd.isna(rates[STAGE_ID["replied_negative"]])


def test_advice_merges_a_step_nearly_all_pass_and_splits_one_most_fail():
    h = History()
    for i in range(1, 21):  # 20 deals, 4 taken into work, all 4 find contacts
        d = h.deal(i, t(2, 1))
        if i <= 4:
            d.move("work_started", t(2, 2)).move("contacts_found", t(2, 3))
    for i in range(21, 41):  # 20 deals at outreach, 19 get a reply
        d = h.deal(i, t(3, 1), "outreach_started")
        if i <= 39:
            d.move("replied", t(3, 2))
    rows = {r["key"]: r for r in compute_report(h.frames(), OCT, as_of=T)["stages"]}
    # unsorted cohort: all 40 deals (20 + the 20 created at outreach) → work_started: 4 + 20 = 24
    assert rows["unsorted"]["conversion_next"] == pytest.approx(24 / 40)
    assert rows["unsorted"]["advice"] is None
    assert rows["work_started"]["conversion_next"] == pytest.approx(1.0)  # 24 → contacts_found 24
    assert rows["work_started"]["advice"] is None  # second edition: only 4 of the 24 entered it themselves
    assert rows["contacts_found"]["advice"] is None  # its next stage (outreach) was reached by skipping only
    assert rows["outreach_started"]["conversion_next"] == pytest.approx(19 / 20)
    assert rows["outreach_started"]["advice"] == "merge"
    assert rows["replied"]["conversion_next"] == 0.0  # 19 replied, none positive
    assert rows["replied"]["advice"] is None  # cohort of 19 < 20
    assert rows["replied_negative"]["conversion_next"] is None  # side stage
    assert rows["signed"]["conversion_next"] is None  # last stage


def test_advice_split_when_fewer_than_a_quarter_pass():
    h = History()
    for i in range(1, 25):
        d = h.deal(i, t(2, 1), "work_started")
        if i <= 5:
            d.move("contacts_found", t(2, 2))
    rows = {r["key"]: r for r in compute_report(h.frames(), OCT, as_of=T)["stages"]}
    assert rows["work_started"]["conversion_next"] == pytest.approx(5 / 24)
    assert rows["work_started"]["advice"] == "split"


def test_stuck_limits_are_rot_days_else_the_p90_of_the_last_years_stays():
    from voronka.metrics.stuck import stuck_after_days, stuck_limits

    frames = stay_history().frames()
    frames.stages.loc[frames.stages["key"] == "contacts_found", "rot_days"] = 7
    limits = stuck_limits(frames, T)
    # unsorted, stays ended in the 365 days before 31 Oct 2026: 2, 4, 10, 20 (deal 4, Dec 2025), 59
    # p90 = 20 + 0.6 × (59 − 20) = 43.4
    assert limits[STAGE_ID["unsorted"]] == pytest.approx(43.4)
    assert limits[STAGE_ID["work_started"]] == pytest.approx(19.0)  # 10 and 20: 10 + 0.9 × 10
    assert limits[STAGE_ID["contacts_found"]] == 7.0  # the manager's rot days win over the 10-day history
    assert limits[STAGE_ID["signed"]] is None  # no stays, no rot days: nothing is stuck there
    assert stuck_after_days(0, None) is None and stuck_after_days(None, 12.5) == 12.5
