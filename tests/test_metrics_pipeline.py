"""The open pipeline as of T, stage probabilities and the forecasts (spec/metrics.md)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from voronka.metrics.drilldown import deals_behind
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import History, t

T = t(10, 31, 18)  # T − 90 days = 2 Aug 2026 18:00
OCT = parse_period("2026-10")


def pipeline_history() -> History:
    h = History(overrides={"demo_run": 0.3, "committed": 0.8})
    h.deal(1, t(5, 1))  # unsorted since May: stuck, not an active stage
    h.deal(2, t(10, 1), "work_started")
    h.deal(3, t(7, 1), "replied_negative")  # side stage, eff = replied
    h.deal(4, t(8, 1), "qualified", amount=0)  # 1 Aug 12:00 is before T − 90 days
    h.deal(5, t(10, 20), "demo_run", amount=100_000)
    h.deal(6, t(6, 1), "offer_sent")  # no amount
    h.deal(7, t(10, 30), "committed", amount=200_000)
    h.deal(8, t(5, 1), "outreach_started").lose(t(10, 1))
    h.deal(9, t(5, 1), "work_started", amount=10_000).win(t(9, 1))
    h.deal(10, t(11, 5), "work_started")  # created after T: does not exist
    h.deal(11, t(3, 1), "work_started", amount=20_000).move("demo_run", t(10, 15))
    return h


@pytest.fixture(scope="module")
def metrics():
    return compute_report(pipeline_history().frames(), OCT, as_of=T)["metrics"]


def test_open_deals_and_amount_as_of_t(metrics):
    # open: 1–7 and 11 (8 lost, 9 won, 10 not created yet); amounts 0 + 100k + 200k + 20k
    assert metrics["open_count"] == 8
    assert metrics["open_amount"] == 320_000


def test_stuck_deals_have_not_changed_stage_for_90_days(metrics):
    # stuck: 1, 3, 4, 6 of 8 open deals
    assert metrics["stuck_share_all"] == pytest.approx(4 / 8)
    # active stages (eff 2..13): 2, 3, 4, 5, 6, 7, 11 — stuck 3, 4, 6
    assert metrics["stuck_share_active"] == pytest.approx(3 / 7)


def test_funnel_balance_and_zero_amounts_after_qualification(metrics):
    assert metrics["funnel_balance"] == pytest.approx(4 / 8)  # before demo_run: 1, 2, 3, 4
    assert metrics["zero_amount_qualified"] == 2  # deal 4 (0) and deal 6 (no amount)


def test_deals_in_outreach_by_role(metrics):
    assert metrics["in_outreach_sdr"] == 3  # work_started..demo_appointed: 2, 3 (side of replied), 4
    assert metrics["in_outreach_ae"] == 3  # demo_run..offer_sent: 5, 11, 6


def test_weighted_pipeline_uses_the_managers_override(metrics):
    # 100k × 0.3 + 20k × 0.3 + 200k × 0.8 (the other open deals have no amount)
    assert metrics["weighted_pipeline"] == 196_000


def test_as_of_in_the_past_ignores_later_events():
    m = compute_report(pipeline_history().frames(), OCT, as_of=t(10, 10))["metrics"]
    # as of 10 Oct: 5 and 7 not created, 11 still at work_started since 1 Mar, 8 already lost
    assert m["open_count"] == 6  # 1, 2, 3, 4, 6, 11
    # T − 90 days = 12 Jul 12:00: stuck 1, 3, 6, 11 (4 entered on 1 Aug)
    assert m["stuck_share_all"] == pytest.approx(4 / 6)


def test_drilldown_lists_the_deals_behind_a_count_and_a_share():
    frames = pipeline_history().frames()
    assert deals_behind(frames, "open_count", OCT, T) == [1, 2, 3, 4, 5, 6, 7, 11]
    assert deals_behind(frames, "stuck_share_active", OCT, T) == [3, 4, 6]
    assert deals_behind(frames, "stuck_share_active", OCT, T, part="denominator") == [2, 3, 4, 5, 6, 7, 11]
    assert deals_behind(frames, "zero_amount_qualified", OCT, T) == [4, 6]
    assert deals_behind(frames, "won_count_ytd", OCT, T) == [9]


def test_drilldown_refuses_a_figure_that_is_not_about_deals():
    from voronka.metrics.drilldown import NoDealList

    with pytest.raises(NoDealList, match="plan_year"):
        deals_behind(pipeline_history().frames(), "plan_year", OCT, T)
    with pytest.raises(NoDealList, match="no_such_metric"):
        deals_behind(pipeline_history().frames(), "no_such_metric", OCT, T)


def forecast_history() -> History:
    h = History(overrides={"demo_appointed": 0.8, "replied_negative": 0.5})
    h.deal(1, t(1, 10), "qualified", amount=100_000).win(t(3, 10))  # 59 days from qualified to won
    h.deal(2, t(2, 1), "qualified", amount=40_000).lose(t(4, 1))
    h.deal(3, t(9, 1), "qualified", amount=200_000, expected_close=date(2026, 12, 15))
    h.deal(4, t(9, 1), "qualified", amount=300_000, expected_close=date(2027, 2, 1))
    h.deal(5, t(9, 1), "qualified", amount=400_000)  # T + 59 days = 29 Dec: counts
    h.deal(6, t(9, 1), "demo_appointed", amount=50_000, expected_close=date(2026, 11, 30))
    h.deal(7, t(9, 1), "replied_negative", amount=70_000)  # no won deal entered it: no remaining time
    h.plan(2026, 200_000)
    return h


def test_annual_forecast_weights_deals_expected_to_close_this_year():
    m = compute_report(forecast_history().frames(), OCT, as_of=T)["metrics"]
    # win_rate(qualified) = 1 won / 2 closed = 0.5
    # revenue_ytd 100k + deal 3: 200k × 0.5 + deal 5: 400k × 0.5 + deal 6: 50k × 0.8 = 440k
    assert m["forecast_year"] == 440_000
    assert m["pipeline_sufficiency"] == pytest.approx(2.2)  # 440k / 200k
    # every open deal: 100k + 150k + 200k + 40k + deal 7: 70k × 0.5 = 525k
    assert m["weighted_pipeline"] == 525_000
    assert m["open_count"] == 5 and m["open_amount"] == 1_020_000


def test_run_rate_forecast():
    m = compute_report(forecast_history().frames(), OCT, as_of=T)["metrics"]
    # 3 open at qualified × avg check 100k (won in the last 365 days) × 0.5 × 365 / 59 days
    assert m["forecast_run_rate"] == pytest.approx(round(3 * 100_000 * 0.5 * 365 / 59, 2))


def test_stages_table_shows_computed_win_rate_and_weights_with_the_override():
    report = compute_report(forecast_history().frames(), OCT, as_of=T)
    rows = {r["key"]: r for r in report["stages"]}
    assert [r["key"] for r in report["stages"]][:3] == ["unsorted", "work_started", "contacts_found"]
    assert rows["qualified"]["win_rate"] == 0.5
    assert rows["qualified"]["open_count"] == 3 and rows["qualified"]["open_amount"] == 900_000
    assert rows["qualified"]["weighted_amount"] == 450_000
    # deal 1 skipped demo_appointed to the win: computed 1/1, but the weight is the override
    assert rows["demo_appointed"]["win_rate"] == 1.0
    assert rows["demo_appointed"]["weighted_amount"] == 40_000  # 50k × 0.8
    assert rows["replied_negative"]["win_rate"] is None  # nothing entered it and closed


def test_a_pipeline_without_the_default_stages_gives_null_for_their_metrics():
    from voronka.models.frames import STAGE_COLUMNS

    h = History()
    h.stages = pd.DataFrame([(1, "lead", 1, None, False, "Лид", "Lead", None, None),
                             (2, "deal", 2, None, False, "Сделка", "Deal", None, None),
                             (14, "paid", 3, None, True, "Оплачено", "Paid", None, None)], columns=STAGE_COLUMNS)
    h.deal(1, t(10, 1), amount=100)  # stage id 1: "lead"
    h.deal(2, t(10, 2), amount=300).win(t(10, 20))  # enters stage id 14, the won stage
    report = compute_report(h.frames(), OCT, as_of=T)
    m = report["metrics"]
    assert m["revenue"] == 300 and m["open_count"] == 1 and m["open_amount"] == 100
    assert m["conv_reply"] is None and m["worked_count"] is None and m["in_outreach_sdr"] is None
    assert m["stuck_share_active"] is None and m["forecast_run_rate"] is None and m["sales_cycle_days"] is None
    assert m["stuck_share_all"] == 0.0
    assert [r["key"] for r in report["stages"]] == ["lead", "deal", "paid"]
    assert report["stages"][0]["win_rate"] == 1.0  # closed: deal 2, won; deal 1 is still open
