"""Property tests (hypothesis): a quarter's additive figures are the sum of its months', and a
year's the sum of its quarters', when all are computed as of the same moment T — revenue,
deals won and lost, sales actions, stage reaches, new and churned MRR, the stage table's
reaches, the lost reasons and each person's figures."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import KEYS, History

START = datetime(2025, 12, 1, 9)
OPEN_KEYS = [k for k in KEYS if k != "signed"]
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ADDITIVE = ("revenue", "won_count", "lost_count", "lost_amount", "sales_actions", "worked_count", "replied_count",
            "positive_count", "demos_appointed_count", "demos_run_count", "offers_sent_count", "mrr_new",
            "mrr_churned")
USER_FIGURES = ("sales_actions", "worked_count", "replied_count", "won_count", "revenue")


@st.composite
def year_histories(draw: st.DrawFn) -> tuple[History, datetime]:
    """Sales and Client Success deals from December 2025 into January 2027, and a moment T."""
    h = History()
    span = 24 * 420
    for deal_id in range(1, draw(st.integers(0, 8)) + 1):
        at = START + timedelta(hours=draw(st.integers(0, span)))
        d = h.deal(deal_id, at, draw(st.sampled_from(OPEN_KEYS)), owner=draw(st.sampled_from([1, 2, 3])),
                   amount=draw(st.one_of(st.none(), st.integers(0, 10**6))))
        status = "open"
        for action, gap, key in draw(st.lists(st.tuples(
                st.sampled_from(["move", "move", "win", "lose", "reopen"]),
                st.integers(0, 24 * 90), st.sampled_from(OPEN_KEYS)), max_size=5)):
            at += timedelta(hours=gap)
            if action == "move" and status == "open":
                d.move(key, at, user=draw(st.sampled_from([None, 1, 2])))
            elif action == "win" and status == "open":
                d.win(at)
                status = "won"
            elif action == "lose" and status == "open":
                d.lose(at, reason=draw(st.integers(1, 5)))
                status = "lost"
            elif action == "reopen" and status != "open":
                d.reopen(at)
                status = "open"
    for deal_id in range(100, 100 + draw(st.integers(0, 5))):
        at = START + timedelta(hours=draw(st.integers(0, span)))
        d = h.success_deal(deal_id, at, draw(st.one_of(st.none(), st.integers(0, 10**6))),
                           billing_months=draw(st.sampled_from([1, 3, 12])))
        for action, gap in draw(st.lists(st.tuples(st.sampled_from(["lose", "reopen", "renew"]),
                                                   st.integers(0, 24 * 120)), max_size=3)):
            at += timedelta(hours=gap)
            getattr(d, action)(at)
    for _ in range(draw(st.integers(0, 6))):
        h.activity(draw(st.sampled_from(["call", "email", "note"])),
                   START + timedelta(hours=draw(st.integers(0, span))), draw(st.sampled_from([1, 2, 3])))
    as_of = START + timedelta(hours=draw(st.integers(24 * 60, span)))
    return h, as_of


def additive_figures(report: dict) -> Counter:
    """Every additive figure of a report, keyed so that sums can be compared."""
    out: Counter = Counter()
    for mid in ADDITIVE:
        out[("metric", mid)] += report["metrics"][mid] or 0
    for row in report["stages"]:
        out[("reached", row["key"])] += row["reached_count"]
    for row in report["lost_reasons"]:
        out[("lost", row["lost_reason_id"])] += row["count"]
        for key, n in row["by_stage"].items():
            out[("lost_at", key)] += n
    for row in report["users"]:
        for column in USER_FIGURES:
            out[("user", row["user_id"], column)] += row[column]
    return out


def assert_sum_of_parts(frames, whole: str, parts: list[str], as_of: datetime) -> None:
    total = additive_figures(compute_report(frames, parse_period(whole), as_of=as_of))
    summed: Counter = Counter()
    for label in parts:
        summed.update(additive_figures(compute_report(frames, parse_period(label), as_of=as_of)))
    for key in set(total) | set(summed):
        assert total[key] == pytest.approx(summed[key], abs=0.02), (whole, key)


@FAST
@given(year_histories(), st.sampled_from(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]))
def test_a_quarter_is_the_sum_of_its_months(history, quarter):
    h, as_of = history
    period = parse_period(quarter)
    assert_sum_of_parts(h.frames(), quarter, [m.label for m in period.months()], as_of)


@FAST
@given(year_histories())
def test_a_year_is_the_sum_of_its_quarters(history):
    h, as_of = history
    assert_sum_of_parts(h.frames(), "2026", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], as_of)
