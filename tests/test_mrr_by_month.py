"""MRR month by month (``metrics.recurring.mrr_by_month``, the MRR tab's chart) on hand-built
Client Success histories; every expected figure is worked out by hand in the comments."""
from __future__ import annotations

import pytest

from voronka.metrics.periods import parse_period
from voronka.metrics.recurring import mrr_by_month
from voronka.metrics.report import compute_report, report_context
from metrics_history import History, t

MARCH = parse_period("2026-03")


def clients() -> History:
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=10)
    h.success_deal(101, t(1, 10), 120_000)  # A: 10k a month from 10 January, active
    h.success_deal(102, t(3, 5), 60_000).lose(t(3, 20))  # B: 5k, lost in its first month
    h.success_deal(103, t(6, 1, year=2025), 240_000).renew(t(6, 1))  # C: 20k from June 2025
    h.success_deal(104, t(9, 1, year=2025), 36_000).lose(t(2, 10))  # D: 3k, September to February
    return h


def months(frames, period=MARCH, as_of=None) -> dict[str, dict]:
    return {r["month"]: r for r in mrr_by_month(report_context(frames, period, as_of))}


def test_twelve_months_of_new_churned_and_net_mrr_ending_with_the_report_month():
    rows = months(clients().frames())
    assert list(rows) == [f"2025-{m:02d}" for m in range(4, 13)] + ["2026-01", "2026-02", "2026-03"]
    expected = {  # month: (MRR at its end, new, churned)
        "2025-04": (0, 0, 0), "2025-05": (0, 0, 0),
        "2025-06": (20_000, 20_000, 0),  # C starts
        "2025-07": (20_000, 0, 0), "2025-08": (20_000, 0, 0),
        "2025-09": (23_000, 3_000, 0),  # D starts
        "2025-10": (23_000, 0, 0), "2025-11": (23_000, 0, 0), "2025-12": (23_000, 0, 0),
        "2026-01": (33_000, 10_000, 0),  # A starts
        "2026-02": (30_000, 0, 3_000),  # D leaves
        "2026-03": (30_000, 5_000, 5_000),  # B comes and leaves in its first month
    }
    for month, (mrr, new, churned) in expected.items():
        row = rows[month]
        assert (row["mrr"], row["mrr_new"], row["mrr_churned"]) == (mrr, new, churned), month
        assert row["net"] == new - churned
    # with nobody reopened, each month's net is exactly the change of MRR
    values = list(rows.values())
    for before, after in zip(values, values[1:]):
        assert after["mrr"] - before["mrr"] == pytest.approx(after["net"])


def test_the_last_month_agrees_with_the_report_figures():
    frames = clients().frames()
    metrics = compute_report(frames, MARCH)["metrics"]
    last = months(frames)["2026-03"]
    assert (last["mrr"], last["mrr_new"], last["mrr_churned"]) == \
        (metrics["mrr"], metrics["mrr_new"], metrics["mrr_churned"])


def test_as_of_mid_month_the_current_month_stops_at_that_moment():
    rows = months(clients().frames(), as_of=t(3, 15))
    # B exists (created 5 March) and is not lost yet on 15 March: new 5k, no churn, MRR 35k
    assert (rows["2026-03"]["mrr"], rows["2026-03"]["mrr_new"], rows["2026-03"]["mrr_churned"]) == \
        (35_000, 5_000, 0)
    assert list(rows)[-1] == "2026-03" and len(rows) == 12


def test_a_client_lost_and_reopened_by_the_report_moment_is_not_churn():
    h = History()
    h.success_deal(101, t(1, 10), 12_000, billing_months=1).lose(t(2, 3)).reopen(t(3, 2))  # 12k a month
    rows = months(h.frames())
    assert rows["2026-02"]["mrr_churned"] == 0  # status as of T is open again
    assert rows["2026-02"]["mrr"] == 0  # but at the end of February it was not active
    assert rows["2026-03"]["mrr"] == 12_000


def test_no_client_success_pipeline_gives_no_months_and_an_empty_one_gives_zeros():
    h = History()
    h.deal(1, t(1, 5), "work_started", amount=10)
    assert months(h.frames()) == {}
    rows = months(h.success_pipeline().frames())
    assert len(rows) == 12 and all((r["mrr"], r["mrr_new"], r["mrr_churned"], r["net"]) == (0, 0, 0, 0)
                                   for r in rows.values())


def test_a_quarter_report_draws_the_twelve_months_up_to_its_as_of_month():
    rows = months(clients().frames(), parse_period("2025-Q4"))
    assert list(rows)[0] == "2025-01" and list(rows)[-1] == "2025-12"
    assert rows["2025-12"]["mrr"] == 23_000 and rows["2025-06"]["mrr_new"] == 20_000
