"""The lost reasons, sources and cohorts tables of the report.

- **lost_reasons**: one row per reason with deals lost in P — the reason and stage
  come from the lost event (the stage the deal was at when lost); rows by count, then
  reason.
- **sources**: one row per source among the deals that exist as of T (an empty source
  is the row ``null``): deals worked, won and revenue in Y, and ``conv_client``, the
  cohort conversion from work_started to signed within the source; rows by revenue,
  then name.
- **cohorts**: one row per cohort label among the deals that exist as of T: ``deals``,
  ``worked_count`` (reached work_started at or before T) and the conversions from
  work_started to replied, demo_run and signed — here the cohort is the label, not Y;
  rows by label.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .context import ReportContext
from .conversions import stage_times
from .figures import ratio
from .reached import NAT
from .revenue import lost_in, won_in


def _labels(ctx: ReportContext, column: str) -> pd.Series:
    if column not in ctx.deals:
        return pd.Series([None] * ctx.log.n_deals, dtype=object)
    values = ctx.deals[column].reset_index(drop=True).astype(object)
    return values.where(values.notna(), None)


def _reached(ctx: ReportContext, key: str) -> np.ndarray:
    times = stage_times(ctx, key)
    return np.zeros(ctx.log.n_deals, dtype=bool) if times is None else times != NAT


def lost_reasons_table(ctx: ReportContext) -> list[dict[str, object]]:
    lost = np.flatnonzero(lost_in(ctx, ctx.P))
    event = ctx.states.closing_event[lost]
    reason = ctx.log.reason[event]
    fallback = pd.to_numeric(ctx.deals["lost_reason_id"], errors="coerce").to_numpy("float64")[lost] \
        if "lost_reason_id" in ctx.deals else np.full(len(lost), np.nan)
    reason = np.where(np.isnan(reason), fallback, reason)
    col = ctx.log.col[event]
    col = np.where(col >= 0, col, ctx.states.col[lost])
    keys = np.asarray(ctx.layout.keys + ("",), dtype=object)[np.where(col >= 0, col, len(ctx.layout.keys))]
    frame = pd.DataFrame({"reason": reason, "stage": keys, "amount": ctx.amount0[lost]})
    texts = ctx.frames.lost_reasons.set_index("lost_reason_id")["text"] if len(ctx.frames.lost_reasons) \
        else pd.Series(dtype=object)
    rows = []
    for reason_id, group in frame.groupby("reason", dropna=False, sort=False):
        rid = None if pd.isna(reason_id) else int(reason_id)
        text = texts.get(rid) if rid is not None else None
        by_stage = group.groupby("stage", sort=False).size()
        order = [k for k in ctx.layout.keys if k in by_stage.index]
        rows.append({
            "lost_reason_id": rid,
            "reason": None if text is None or pd.isna(text) else str(text),
            "count": len(group),
            "amount": float(group["amount"].sum()),
            "by_stage": {k: int(by_stage[k]) for k in order},
        })
    rows.sort(key=lambda r: (-int(r["count"]), str(r["reason"] or "")))
    return rows


def _grouped(codes: np.ndarray, n: int, mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(codes[mask], weights=None if weights is None else weights[mask], minlength=n)


def sources_table(ctx: ReportContext) -> list[dict[str, object]]:
    exists = ctx.states.exists
    codes, names = pd.factorize(_labels(ctx, "source"), use_na_sentinel=False)
    n = len(names)
    work = stage_times(ctx, "work_started")
    worked = ctx.Y.has(work) if work is not None else np.zeros(ctx.log.n_deals, dtype=bool)
    signed = _reached(ctx, "signed")
    won = won_in(ctx, ctx.Y)
    present = _grouped(codes, n, exists)
    worked_n = _grouped(codes, n, worked)
    converted_n = _grouped(codes, n, worked & signed)
    won_n = _grouped(codes, n, won)
    revenue = _grouped(codes, n, won, ctx.amount0)
    rows = [{
        "source": names[i] if names[i] is not None and not pd.isna(names[i]) else None,
        "worked_count_ytd": int(worked_n[i]),
        "won_count_ytd": int(won_n[i]),
        "revenue_ytd": float(revenue[i]),
        "conv_client": ratio(int(converted_n[i]), int(worked_n[i])) if work is not None else None,
    } for i in range(n) if present[i] > 0]
    rows.sort(key=lambda r: (-float(r["revenue_ytd"]), r["source"] is None, str(r["source"] or "")))
    return rows


def cohorts_table(ctx: ReportContext) -> list[dict[str, object]]:
    labels = _labels(ctx, "cohort")
    exists = ctx.states.exists & labels.notna().to_numpy()
    codes, names = pd.factorize(labels, use_na_sentinel=False)
    n = len(names)
    worked = _reached(ctx, "work_started") & exists
    present = _grouped(codes, n, exists)
    worked_n = _grouped(codes, n, worked)
    has_work = stage_times(ctx, "work_started") is not None
    conv = {m: _grouped(codes, n, worked & _reached(ctx, key)) if has_work and stage_times(ctx, key) is not None
            else None
            for m, key in (("conv_reply", "replied"), ("conv_demo", "demo_run"), ("conv_client", "signed"))}
    rows = []
    for i in range(n):
        if present[i] == 0:
            continue
        row: dict[str, object] = {"cohort": str(names[i]), "deals": int(present[i]), "worked_count": int(worked_n[i])}
        row.update({m: None if v is None else ratio(int(v[i]), int(worked_n[i])) for m, v in conv.items()})
        rows.append(row)
    rows.sort(key=lambda r: str(r["cohort"]))
    return rows
