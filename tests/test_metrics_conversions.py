"""Stage reach counts and cohort conversions: skips count as passing, side stages, lost
deals stay in the cohort, as-of in the past (spec/metrics.md, spec/funnel.md)."""
from __future__ import annotations

import pytest

from voronka.metrics.drilldown import deals_behind
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import History, t

T = t(10, 31, 18)
OCT = parse_period("2026-10")


def conversion_history() -> History:
    h = History()
    (h.deal(1, t(3, 1), "work_started", amount=10_000).move("replied", t(3, 5)).move("replied_positive", t(3, 10))
     .move("demo_appointed", t(3, 15)).move("demo_run", t(3, 20)).move("offer_sent", t(4, 1)).win(t(4, 15)))
    h.deal(2, t(4, 1), "work_started").move("replied_negative", t(4, 5)).lose(t(4, 10))  # side stage
    # skip from outreach straight to demo_appointed, then lost: stays in every cohort it reached
    h.deal(3, t(10, 2), "work_started").move("outreach_started", t(10, 3)).move("demo_appointed", t(10, 7)).lose(t(10, 9))
    # worked last year: not in this year's work_started cohort, but in the replied_positive one
    (h.deal(4, t(12, 20, year=2025), "work_started").move("replied", t(1, 5)).move("replied_positive", t(1, 10))
     .move("demo_run", t(2, 1)))
    h.deal(5, t(5, 1))  # never worked
    h.deal(6, t(10, 20), "work_started").move("replied", t(11, 5))  # reply after T
    h.deal(7, t(6, 1), "work_started", amount=5_000).move("demo_run", t(6, 10)).win(t(7, 1), stage_row=False)
    h.deal(8, t(9, 1), "work_started").move("offer_sent", t(10, 15))
    return h


@pytest.fixture(scope="module")
def metrics():
    return compute_report(conversion_history().frames(), OCT, as_of=T)["metrics"]


def test_reach_counts_in_the_period_count_skips_and_losses(metrics):
    assert metrics["worked_count"] == 2  # 3 (2 Oct), 6 (20 Oct)
    assert metrics["worked_count_ytd"] == 6  # 1, 2, 3, 6, 7, 8 (4 was worked in 2025)
    assert metrics["replied_count"] == 2  # 3 (skip on 7 Oct, lost since), 8 (skip on 15 Oct); 6 replies after T
    assert metrics["positive_count"] == 2  # 3, 8
    assert metrics["demos_appointed_count"] == 2  # 3, 8
    assert metrics["demos_run_count"] == 1  # 8
    assert metrics["demos_run_count_ytd"] == 4  # 1 (20 Mar), 4 (1 Feb), 7 (10 Jun), 8 (15 Oct)
    assert metrics["offers_sent_count"] == 1  # 8


def test_cohort_conversions_from_work_started(metrics):
    # cohort: reached work_started this year = 1, 2, 3, 6, 7, 8 (6 deals)
    assert metrics["conv_reply"] == pytest.approx(5 / 6)  # all but 6; 2 via the side stage
    assert metrics["conv_positive"] == pytest.approx(4 / 6)  # 1, 3, 7, 8
    assert metrics["conv_demo_appointed"] == pytest.approx(4 / 6)  # 1, 3, 7, 8
    assert metrics["conv_demo"] == pytest.approx(3 / 6)  # 1, 7, 8
    assert metrics["conv_offer"] == pytest.approx(3 / 6)  # 1, 7 (won: reached every stage), 8
    assert metrics["conv_client"] == pytest.approx(2 / 6)  # 1, 7 (won with no signed row)


def test_second_variant_conversions(metrics):
    # reached replied_positive this year: 1, 3, 4, 7, 8 → demo_run: 1, 4, 7, 8
    assert metrics["conv_demo_from_positive"] == pytest.approx(4 / 5)
    # reached demo_run this year: 1, 4, 7, 8 → signed: 1, 7
    assert metrics["conv_client_from_demo"] == pytest.approx(2 / 4)


def test_conversion_numerator_drilldown_matches_the_cohort():
    frames = conversion_history().frames()
    assert deals_behind(frames, "conv_reply", OCT, T) == [1, 2, 3, 7, 8]
    assert deals_behind(frames, "conv_reply", OCT, T, part="denominator") == [1, 2, 3, 6, 7, 8]
    assert deals_behind(frames, "replied_count", OCT, T) == [3, 8]


def test_as_of_in_the_past_ignores_later_events():
    m = compute_report(conversion_history().frames(), OCT, as_of=t(10, 10))["metrics"]
    assert m["worked_count"] == 1  # only 3; 6 starts on 20 Oct
    assert m["replied_count"] == 1  # 3; 8 skips on 15 Oct
    assert m["offers_sent_count"] == 0
    # cohort as of 10 Oct: 1, 2, 3, 7, 8 → replied 1, 2, 3, 7
    assert m["conv_reply"] == pytest.approx(4 / 5)


def test_a_skip_counts_as_passing_every_stage_between():
    h = History()
    h.deal(1, t(10, 1), "outreach_started").move("demo_appointed", t(10, 6))
    report = compute_report(h.frames(), OCT, as_of=T)
    rows = {r["key"]: r for r in report["stages"]}
    for key in ("replied", "replied_positive", "qualified", "demo_appointed"):
        assert rows[key]["reached_count"] == 1, key
    assert rows["replied_negative"]["reached_count"] == 0  # a skip never enters the side branch
    assert rows["demo_run"]["reached_count"] == 0


def test_cohort_conversion_of_an_empty_cohort_is_null():
    h = History()
    h.deal(1, t(10, 1))  # unsorted only
    m = compute_report(h.frames(), OCT, as_of=T)["metrics"]
    assert m["conv_reply"] is None and m["conv_client_from_demo"] is None
    assert m["worked_count"] == 0
