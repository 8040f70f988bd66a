"""The stage table's advice, second edition: no "merge" on stages imported deals merely skipped."""
from __future__ import annotations

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import History, t

MARCH = parse_period("2026-03")


def test_no_merge_advice_towards_a_stage_the_imported_deals_skipped():
    h = History()
    for i in range(1, 41):  # a CRM with fewer stages: straight from "work started" to "replied"
        h.deal(i, t(1, 5), "work_started").move("replied", t(1, 6))
    stages = {r["key"]: r for r in compute_report(h.frames(), MARCH)["stages"]}
    assert stages["work_started"]["conversion_next"] == 1.0  # contacts_found reached by skipping it
    assert stages["work_started"]["advice"] is None
    assert "contacts_found" in stages and stages["contacts_found"]["advice"] is None


def test_merge_advice_stays_where_the_deals_took_both_steps():
    h = History()
    for i in range(1, 41):
        h.deal(i, t(1, 5), "work_started").move("contacts_found", t(1, 6)).move("replied", t(1, 7))
    stages = {r["key"]: r for r in compute_report(h.frames(), MARCH)["stages"]}
    assert stages["work_started"]["advice"] == "merge"
    assert stages["contacts_found"]["advice"] is None  # outreach_started was skipped by all
