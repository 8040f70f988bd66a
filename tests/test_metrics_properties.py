"""Properties of the report on random small histories (hypothesis): conversions stay in
[0, 1], counts never exceed their cohort, the drill-down matches every count, a report
as of T ignores whatever happens after T, and row order does not matter."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voronka.metrics.catalogue import CATALOGUE
from voronka.metrics.drilldown import DENOMINATORS, NUMERATORS
from voronka.models.frames import FunnelFrames
from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report, report_context
from metrics_history import KEYS, History

OCT = parse_period("2026-10")
START = datetime(2026, 7, 1, 9)
OPEN_KEYS = [k for k in KEYS if k != "signed"]
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def histories(draw: st.DrawFn) -> tuple[History, datetime]:
    """A random history from July to December 2026 and an as-of moment T inside it."""
    h = History(overrides=draw(st.sampled_from([None, {"qualified": 0.4}])))
    for deal_id in range(1, draw(st.integers(0, 7)) + 1):
        at = START + timedelta(hours=draw(st.integers(0, 24 * 120)))
        d = h.deal(deal_id, at, draw(st.sampled_from(OPEN_KEYS)), owner=draw(st.sampled_from([1, 2, 3])),
                   amount=draw(st.one_of(st.none(), st.integers(0, 10**6))),
                   source=draw(st.sampled_from([None, "inbound", "outbound"])),
                   cohort=draw(st.sampled_from([None, "S1", "S2"])),
                   expected_close=draw(st.sampled_from([None, datetime(2026, 11, 30).date(), datetime(2027, 3, 1).date()])))
        status = "open"
        for action, gap, key in draw(st.lists(st.tuples(
                st.sampled_from(["move", "move", "win", "lose", "reopen", "hand"]),
                st.integers(0, 24 * 30), st.sampled_from(OPEN_KEYS)), max_size=6)):
            at += timedelta(hours=gap)
            if action == "move" and status == "open":
                d.move(key, at, user=draw(st.sampled_from([None, 1, 2])))
            elif action == "win" and status == "open":
                d.win(at, stage_row=draw(st.booleans()))
                status = "won"
            elif action == "lose" and status == "open":
                d.lose(at, reason=draw(st.integers(1, 5)))
                status = "lost"
            elif action == "reopen" and status != "open":
                d.reopen(at)
                status = "open"
            elif action == "hand":
                d.hand_to(draw(st.sampled_from([1, 2, 3])), at)
    for _ in range(draw(st.integers(0, 6))):
        h.activity(draw(st.sampled_from(["call", "email", "message", "meeting", "note"])),
                   START + timedelta(hours=draw(st.integers(0, 24 * 150))), draw(st.sampled_from([1, 2, 3])))
    as_of = START + timedelta(hours=draw(st.integers(24 * 60, 24 * 150)))
    return h, as_of


def cut_at(frames: FunnelFrames, as_of: datetime) -> FunnelFrames:
    """The same history as it stood at T: later events, activities and deals removed."""
    ev = frames.events
    existing = set(ev.loc[(ev["kind"] == "stage") & (ev["at"] <= as_of), "deal_id"])
    return FunnelFrames(
        frames.pipeline_key, frames.stages, frames.deals[frames.deals["deal_id"].isin(existing)],
        ev[(ev["at"] <= as_of) & ev["deal_id"].isin(existing)], frames.activities[frames.activities["at"] <= as_of],
        frames.users, frames.plans, frames.lost_reasons)


def shuffled(frames: FunnelFrames, seed: int) -> FunnelFrames:
    def mix(df: pd.DataFrame) -> pd.DataFrame:
        return df.sample(frac=1, random_state=seed).reset_index(drop=True)
    return FunnelFrames(frames.pipeline_key, mix(frames.stages), mix(frames.deals), mix(frames.events),
                        mix(frames.activities), mix(frames.users), frames.plans, mix(frames.lost_reasons))


def ratios(report: dict) -> list[float]:
    values = [report["metrics"][m.id] for m in CATALOGUE if m.id.startswith(("conv_", "stuck_share"))]
    values.append(report["metrics"]["funnel_balance"])
    values += [row[c] for row in report["stages"] for c in ("win_rate", "conversion_next")]
    values += [row[c] for row in report["cohorts"] for c in ("conv_reply", "conv_demo", "conv_client")]
    values += [row["conv_client"] for row in report["sources"]]
    return [v for v in values if v is not None]


@FAST
@given(histories())
def test_conversions_and_shares_are_fractions(case):
    h, as_of = case
    report = compute_report(h.frames(), OCT, as_of=as_of)
    json.dumps(report, allow_nan=False)
    assert all(0.0 <= v <= 1.0 for v in ratios(report))


@FAST
@given(histories())
def test_counts_never_exceed_their_cohort_and_the_drilldown_matches_them(case):
    h, as_of = case
    frames = h.frames()
    m = compute_report(frames, OCT, as_of=as_of)["metrics"]
    ctx = report_context(frames, OCT, as_of)  # what deals_behind uses, built once here
    existing = ctx.states.exists
    for metric_id, numerator in NUMERATORS.items():
        deals = numerator(ctx)
        if deals is None:
            continue
        if metric_id != "revenue_prev":  # as of the previous period's end
            assert not (deals & ~existing).any(), metric_id
        if metric_id in DENOMINATORS:
            assert not (deals & ~DENOMINATORS[metric_id](ctx)).any(), metric_id
        if metric_id.endswith("_count") or metric_id in ("zero_amount_qualified", "in_outreach_sdr", "in_outreach_ae"):
            assert int(deals.sum()) == m[metric_id], metric_id
    assert m["won_count"] <= m["won_count_ytd"] and m["worked_count"] <= m["worked_count_ytd"]
    assert m["demos_run_count"] <= m["demos_run_count_ytd"]
    assert m["open_count"] <= int(existing.sum())


@FAST
@given(histories())
def test_report_as_of_t_is_unchanged_by_anything_after_t(case):
    h, as_of = case
    frames = h.frames()
    assert compute_report(frames, OCT, as_of=as_of) == compute_report(cut_at(frames, as_of), OCT, as_of=as_of)


@FAST
@given(histories(), st.integers(0, 1000))
def test_row_order_of_the_frames_changes_nothing(case, seed):
    h, as_of = case
    frames = h.frames()
    assert compute_report(frames, OCT, as_of=as_of) == compute_report(shuffled(frames, seed), OCT, as_of=as_of)
