"""The stages table of the report, and how long deals stay in each stage.

A **stay** runs from a deal entering a stage to its next entry event (whatever the
stage), or — for its latest entry — to its won/lost time when it is closed as of T.
Stays still running at T are left out, and a won stage has no stays. ``stay_stats``
summarises the stays that *ended* in a window (default: 1 January of T's year to T;
the report passes its year-to-date window): mean, median and 90th percentile of their
length in days (linear interpolation, as ``numpy.percentile``). The board uses
``p90_days`` as its default "stuck" threshold (``metrics.stuck``).

Per stage the table also gives open deals and amount, the weighted amount (open
amount × the stage probability: the manager's override where set, else the computed
win rate), the *computed* ``win_rate`` itself, the deals that reached the stage in P,
the cohort conversion to the next main stage (null for side stages and the last
stage) and the funnel article's ``advice``: ``merge`` when at least 90 % pass,
``split`` when fewer than 25 % do, given a cohort of at least 20 deals of which at
least half *entered* the stage with an entry event of their own (second edition: a
stage most deals skipped, as in data imported from a CRM with fewer stages, gives no
advice). A deal entered a stage if it has an entry event into that exact stage at or
before T (a later move back counts; entering a side stage is not entering its main
stage; a win counts as entering the won stage).

An **archived** stage (column ``archived`` of the stages frame, when present) keeps its
history: its row is shown while a deal entered it in P or in Y (at or before T) or a deal
stands in it at T; otherwise it is left out, and the conversion of the stage before it is
read to the next stage shown.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from .context import ReportContext, Window
from .figures import ratio
from voronka.models.frames import FunnelFrames
from .reached import NAT
from .periods import period_of
from .timeline import LOST_STATUS, NS_PER_DAY, STAGE, WON, WON_STATUS, DealStates, EventLog, ts_ns

ADVICE_MIN_COHORT = 20
MERGE_AT, SPLIT_BELOW = 0.9, 0.25
STAY_COLUMNS = ["avg_days", "median_days", "p90_days", "stays"]


def _stays(log: EventLog, states: DealStates, window: Window) -> pd.DataFrame:
    """Stays that ended in ``window`` (at or before T): columns ``col`` and ``days``."""
    idx = np.flatnonzero((log.kind == STAGE) & (log.col >= 0) & (log.at <= states.as_of))
    if not len(idx):
        return pd.DataFrame({"col": np.array([], "int64"), "days": np.array([], "float64")})
    deal = log.deal[idx]
    end = np.full(len(idx), NAT, dtype="int64")
    same_deal_next = np.zeros(len(idx), dtype=bool)
    same_deal_next[:-1] = deal[1:] == deal[:-1]
    end[:-1] = np.where(same_deal_next[:-1], log.at[idx[1:]], NAT)
    last = ~same_deal_next
    closed = (states.status[deal] == WON_STATUS) | (states.status[deal] == LOST_STATUS)
    end = np.where(last & closed, states.closed_at[deal], end)
    start = log.at[idx]
    col = log.col[idx]
    keep = (end != NAT) & (end >= start) & window.has(end) & ~log.layout.is_won[col]
    return pd.DataFrame({"col": col[keep], "days": (end[keep] - start[keep]) / NS_PER_DAY})


def _summary(stays: pd.DataFrame, log: EventLog) -> pd.DataFrame:
    grouped = stays.groupby("col")["days"]
    stats = pd.DataFrame({
        "avg_days": grouped.mean(), "median_days": grouped.median(), "p90_days": grouped.quantile(0.9),
        "stays": grouped.size(),
    }).reindex(range(len(log.layout.keys)))
    stats["stays"] = stats["stays"].fillna(0).astype("int64")
    stats.index = pd.Index(log.layout.stage_ids, name="stage_id")
    return stats[STAY_COLUMNS]


def _context_at(frames: FunnelFrames, as_of: datetime | pd.Timestamp) -> ReportContext:
    """A context as of ``as_of`` (its Y is 1 January of that year to ``as_of``)."""
    return ReportContext(frames, period_of("day", pd.Timestamp(as_of).to_pydatetime()), pd.Timestamp(as_of))


def stay_stats(frames: FunnelFrames, as_of: datetime | pd.Timestamp,
               since: datetime | pd.Timestamp | None = None) -> pd.DataFrame:
    """Per stage (index ``stage_id``): ``avg_days``, ``median_days``, ``p90_days`` (NaN when the
    stage has no ended stay) and ``stays``, over stays that ended in [since, as_of]
    (``since`` defaults to 1 January of ``as_of``'s year)."""
    ctx = _context_at(frames, as_of)
    window = ctx.Y if since is None else Window(ts_ns(since), ctx.T + 1)
    return _summary(_stays(ctx.log, ctx.states, window), ctx.log)


def stage_win_rates(frames: FunnelFrames, as_of: datetime | pd.Timestamp) -> pd.Series:
    """The computed win rate of each stage as of ``as_of`` (index ``stage_id``; NaN when no deal
    that reached the stage is closed). Overrides are not applied here."""
    ctx = _context_at(frames, as_of)
    return pd.Series(ctx.win_rate, index=pd.Index(ctx.layout.stage_ids, name="stage_id"), name="win_rate")


def report_stay_stats(ctx: ReportContext) -> pd.DataFrame:
    return _summary(_stays(ctx.log, ctx.states, ctx.Y), ctx.log)


def _number(value: float) -> float | None:
    return None if pd.isna(value) else float(value)


def entered_stages(ctx: ReportContext) -> np.ndarray:
    """deal row × stage column: whether the deal has an entry event into that exact stage at
    or before T (a won event counts as entering the won stage)."""
    log = ctx.log
    upto = log.at <= ctx.T
    out = np.zeros((log.n_deals, len(ctx.layout.keys)), dtype=bool)
    entry = upto & (log.kind == STAGE) & (log.col >= 0)
    out[log.deal[entry], log.col[entry]] = True
    if ctx.layout.won_col is not None:
        out[log.deal[upto & (log.kind == WON)], ctx.layout.won_col] = True
    return out


def advice(conversion_next: float | None, cohort: int, entered: int | None = None) -> str | None:
    """``merge``/``split``/None; ``entered`` is how many of the cohort entered the stage itself."""
    if conversion_next is None or cohort < ADVICE_MIN_COHORT:
        return None
    if entered is not None and 2 * entered < cohort:
        return None
    if conversion_next >= MERGE_AT:
        return "merge"
    if conversion_next < SPLIT_BELOW:
        return "split"
    return None


def shown_stages(ctx: ReportContext) -> np.ndarray:
    """Per stage column: whether the report shows it (every stage but an archived one that no
    deal entered in P or Y and none stands in at T)."""
    layout, log = ctx.layout, ctx.log
    shown = np.ones(len(layout.keys), dtype=bool)
    stages = ctx.frames.stages
    if "archived" not in stages or not len(layout.keys):
        return shown
    archived = stages.set_index("stage_id")["archived"].fillna(False).astype(bool)
    archived = archived.reindex(layout.stage_ids).fillna(False).to_numpy(dtype=bool)
    if not archived.any():
        return shown
    entry = (log.kind == STAGE) & (log.col >= 0) & (log.at <= ctx.T) & (ctx.P.has(log.at) | ctx.Y.has(log.at))
    used = np.zeros(len(layout.keys), dtype=bool)
    used[np.unique(log.col[entry])] = True
    standing = ctx.states.col[ctx.states.open & (ctx.states.col >= 0)]
    used[np.unique(standing)] = True
    return ~archived | used


def stages_table(ctx: ReportContext) -> list[dict[str, object]]:
    layout, st = ctx.layout, ctx.states
    stays = report_stay_stats(ctx)
    shown = shown_stages(ctx)
    main = [c for c in layout.main_cols if shown[c]]
    entered = entered_stages(ctx)
    names = ctx.frames.stages.set_index("stage_id")
    rows = []
    for c, key in enumerate(layout.keys):
        if not shown[c]:
            continue
        is_open = st.open & (st.col == c)
        open_amount = float(ctx.amount0[is_open].sum())
        conversion_next, cohort_size, entered_count = None, 0, 0
        if not layout.is_side[c] and c in main and main.index(c) + 1 < len(main):
            nxt = main[main.index(c) + 1]
            cohort = ctx.Y.has(ctx.reached[:, c])
            cohort_size = int(cohort.sum())
            entered_count = int((cohort & entered[:, c]).sum())
            conversion_next = ratio(int((cohort & (ctx.reached[:, nxt] != NAT)).sum()), cohort_size)
        stage_id = int(layout.stage_ids[c])
        row = stays.loc[stage_id]
        rows.append({
            "key": key,
            "name_ru": _text(names, stage_id, "name_ru"),
            "name_en": _text(names, stage_id, "name_en"),
            "open_count": int(is_open.sum()),
            "open_amount": open_amount,
            "weighted_amount": open_amount * float(ctx.weight[c]),
            "win_rate": _number(ctx.win_rate[c]),
            "reached_count": int(ctx.P.has(ctx.reached[:, c]).sum()),
            "conversion_next": conversion_next,
            "advice": advice(conversion_next, cohort_size, entered_count),
            "avg_days_in_stage": _number(row["avg_days"]),
            "median_days_in_stage": _number(row["median_days"]),
            "p90_days_in_stage": _number(row["p90_days"]),
        })
    return rows


def _text(names: pd.DataFrame, stage_id: int, column: str) -> str | None:
    if column not in names or stage_id not in names.index:
        return None
    value = names.at[stage_id, column]
    return None if pd.isna(value) else str(value)

