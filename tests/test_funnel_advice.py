"""The stage table's advice, second edition: stages that imported deals merely skipped get none,
and acting on a merge advice leaves the report reading the merged stage as its neighbour."""
from __future__ import annotations

from voronka.metrics.funnel_edits import with_merge
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from metrics_history import STAGE_ID, History, t

MARCH = parse_period("2026-03")


def test_stages_imported_deals_skipped_get_no_advice():
    h = History()
    for i in range(1, 41):  # a CRM with fewer stages: straight from "work started" to "replied"
        h.deal(i, t(1, 5), "work_started").move("replied", t(1, 6))
    stages = {r["key"]: r for r in compute_report(h.frames(), MARCH)["stages"]}
    for skipped in ("contacts_found", "outreach_started"):
        assert stages[skipped]["conversion_next"] == 1.0  # "reached" by skipping it
        assert stages[skipped]["advice"] is None


def test_after_acting_on_a_merge_advice_the_report_reads_the_merged_stage_as_its_neighbour():
    h = History()
    for i in range(1, 41):  # all find contacts; 10 start outreach
        deal = h.deal(i, t(1, 5), "work_started").move("contacts_found", t(1, 6))
        if i <= 10:
            deal.move("outreach_started", t(1, 7))
    frames = h.frames()
    before = {r["key"]: r for r in compute_report(frames, MARCH)["stages"]}
    assert before["work_started"]["advice"] == "merge"
    merged = compute_report(with_merge(frames, STAGE_ID["contacts_found"], STAGE_ID["work_started"]), MARCH)
    after = {r["key"]: r for r in merged["stages"]}
    assert "contacts_found" not in after
    assert after["work_started"]["reached_count"] == before["work_started"]["reached_count"]
    assert after["work_started"]["conversion_next"] == before["contacts_found"]["conversion_next"]
