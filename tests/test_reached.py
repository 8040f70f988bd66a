"""The "reached" rule of spec/funnel.md on skips, side stages, wins without entry and losses."""
from __future__ import annotations

import pandas as pd

from voronka.metrics.reached import reached_times

STAGES = pd.DataFrame(
    [
        # stage_id, key, position, side_of_id, won
        (1, "work_started", 1, None, False),
        (2, "outreach_started", 2, None, False),
        (3, "replied", 3, None, False),
        (4, "replied_negative", 4, 3, False),
        (5, "replied_positive", 5, None, False),
        (6, "demo_run", 6, None, False),
        (7, "signed", 7, None, True),
    ],
    columns=["stage_id", "key", "position", "side_of_id", "won"],
)


def ts(day: int) -> pd.Timestamp:
    return pd.Timestamp(2026, 10, day, 12)


def events(rows):
    return pd.DataFrame(rows, columns=["deal_id", "kind", "stage_id", "at"])


def test_skipping_stages_counts_as_passing_them():
    r = reached_times(events([(1, "stage", 1, ts(1)), (1, "stage", 6, ts(5))]), STAGES)
    assert r.loc[1, "outreach_started"] == ts(5)
    assert r.loc[1, "replied"] == ts(5)
    assert r.loc[1, "replied_positive"] == ts(5)
    assert r.loc[1, "demo_run"] == ts(5)
    assert pd.isna(r.loc[1, "signed"])
    # skipping does not mean entering the side branch
    assert pd.isna(r.loc[1, "replied_negative"])


def test_side_stage_counts_as_its_main_stage_only():
    r = reached_times(events([(1, "stage", 1, ts(1)), (1, "stage", 4, ts(3))]), STAGES)
    assert r.loc[1, "replied"] == ts(3)
    assert r.loc[1, "replied_negative"] == ts(3)
    assert pd.isna(r.loc[1, "replied_positive"])


def test_won_without_entry_row_reached_the_won_stage_at_won_time():
    r = reached_times(events([(1, "stage", 2, ts(1)), (1, "won", None, ts(9))]), STAGES)
    assert r.loc[1, "signed"] == ts(9)
    assert r.loc[1, "demo_run"] == ts(9)
    assert r.loc[1, "outreach_started"] == ts(1)


def test_lost_deal_and_going_back_never_undo_reaching():
    rows = [(1, "stage", 1, ts(1)), (1, "stage", 5, ts(2)), (1, "stage", 2, ts(3)), (1, "lost", 2, ts(4))]
    r = reached_times(events(rows), STAGES)
    assert r.loc[1, "replied_positive"] == ts(2)
    assert r.loc[1, "outreach_started"] == ts(2)  # earliest entry at eff >= 2


def test_as_of_ignores_later_events():
    rows = [(1, "stage", 1, ts(1)), (1, "stage", 6, ts(5))]
    r = reached_times(events(rows), STAGES, as_of=ts(3))
    assert r.loc[1, "work_started"] == ts(1)
    assert pd.isna(r.loc[1, "outreach_started"])
