"""The funnel as the reports read it after an edit of its stages (spec/funnel.md, second edition).

A merge does not rewrite the log: a stage B merged into A keeps its row and its entry
events, and every entry into B — past and future — is *read* as an entry into A (a deal
standing in B stands in A; a side stage of B becomes a side stage of A); B itself is left
out of the stages. A chain (C into B, then B into A) reads C as A. ``models.stage_merges``
does this for the loader; ``with_merge``, ``with_split`` and ``with_order`` apply
an edit not yet made to loaded frames, so the funnel editor's preview ("what the reports
will read afterwards") is computed by the same engine as the reports themselves
(``preview_rows``).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from voronka.models.frames import FunnelFrames
from voronka.models.stage_merges import read_as

SPLIT_STAGE_KEY = "new_stage"  # the key a previewed, not yet created stage goes by


def _stages_read_as(stages: pd.DataFrame, targets: dict[int, int]) -> pd.DataFrame:
    kept = stages[~stages["stage_id"].isin(list(targets))].copy()
    if "side_of_id" in kept:
        kept["side_of_id"] = read_as(pd.to_numeric(kept["side_of_id"], errors="coerce").to_numpy(), targets)
    return kept.reset_index(drop=True)


def _with_stage_column(frame: pd.DataFrame, targets: dict[int, int]) -> pd.DataFrame:
    if "stage_id" not in frame or not len(frame):
        return frame
    out = frame.copy()
    out["stage_id"] = read_as(pd.to_numeric(out["stage_id"], errors="coerce").to_numpy(), targets)
    return out


def _frames(frames: FunnelFrames, **changed: Any) -> FunnelFrames:
    """New frames (nothing derived carried over); the originals are left as they were."""
    return replace(frames, **changed)


def with_merge(frames: FunnelFrames, stage_id: int, into_id: int) -> FunnelFrames:
    """The frames as the reports read them once ``stage_id`` is merged into ``into_id``."""
    targets = {int(stage_id): int(into_id)}
    return _frames(frames, stages=_stages_read_as(frames.stages, targets),
                   deals=_with_stage_column(frames.deals, targets),
                   events=_with_stage_column(frames.events, targets))


def split_position(stages: pd.DataFrame, after_id: int) -> int:
    """Where a stage inserted after ``after_id`` goes: after it and its side stages."""
    side = pd.to_numeric(stages["side_of_id"], errors="coerce")
    block = stages[(stages["stage_id"] == after_id) | (side == after_id)]
    return int(block["position"].max()) + 1


def with_split(frames: FunnelFrames, after_id: int, name_ru: str, name_en: str) -> FunnelFrames:
    """The frames once a new stage is inserted after ``after_id``: nobody entered it yet, so
    past deals reach it only through the "reached" rule."""
    stages = frames.stages.copy()
    position = split_position(stages, after_id)
    stages.loc[stages["position"] >= position, "position"] += 1
    new = {column: None for column in stages.columns}
    new.update(stage_id=int(stages["stage_id"].max()) + 1, key=SPLIT_STAGE_KEY, position=position,
               side_of_id=np.nan, won=False, name_ru=name_ru, name_en=name_en)
    if "probability_override" in new:
        new["probability_override"] = np.nan
    if "rot_days" in new:
        new["rot_days"] = np.nan
    if "archived" in new:
        new["archived"] = False
    added = pd.concat([stages, pd.DataFrame([new]).astype(stages.dtypes.to_dict(), errors="ignore")],
                      ignore_index=True)
    return _frames(frames, stages=added.sort_values("position", kind="stable", ignore_index=True))


def with_order(frames: FunnelFrames, stage_ids: list[int]) -> FunnelFrames:
    """The frames once the stages stand in the order ``stage_ids``."""
    position = {int(s): i for i, s in enumerate(stage_ids, start=1)}
    stages = frames.stages.copy()
    stages["position"] = stages["stage_id"].map(position).astype("int64")
    return _frames(frames, stages=stages.sort_values("position", kind="stable", ignore_index=True))


def preview_rows(frames: FunnelFrames, period: Any, as_of: datetime | pd.Timestamp | None = None,
                 now: datetime | None = None) -> dict[str, Any]:
    """What the report reads from ``frames``: its stage rows (key, names, reached in P,
    conversion to the next stage, advice) and the catalogue's conversions."""
    from .conversions import CONVERSIONS, conversion_figures
    from .report import clean, report_context
    from .stages_table import stages_table

    ctx = report_context(frames, period, as_of, None, now)
    keep = ("key", "name_ru", "name_en", "reached_count", "conversion_next", "advice")
    figures = conversion_figures(ctx)
    return {
        "stages": clean([{k: row[k] for k in keep} for row in stages_table(ctx)]),
        "conversions": clean({m: figures[m] for m in CONVERSIONS}),
    }


def merge_preview(frames: FunnelFrames, stage_id: int, into_id: int, period: Any,
                  now: datetime | None = None) -> dict[str, Any]:
    """The report's stage rows and conversions now (``before``) and once merged (``after``)."""
    return {"before": preview_rows(frames, period, now=now),
            "after": preview_rows(with_merge(frames, stage_id, into_id), period, now=now)}


def split_preview(frames: FunnelFrames, stage_id: int, name_ru: str, name_en: str, period: Any,
                  now: datetime | None = None) -> dict[str, Any]:
    """The same for a new stage inserted after ``stage_id``."""
    return {"before": preview_rows(frames, period, now=now),
            "after": preview_rows(with_split(frames, stage_id, name_ru, name_en), period, now=now)}


def reorder_preview(frames: FunnelFrames, order: list[int], period: Any, now: datetime | None = None) -> dict[str, Any]:
    """The same for the stages put in ``order`` (past conversions read in the new order)."""
    return {"before": preview_rows(frames, period, now=now),
            "after": preview_rows(with_order(frames, order), period, now=now)}
