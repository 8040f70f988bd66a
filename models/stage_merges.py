"""How the log reads after a merge of stages (spec/funnel.md, second edition): every entry into a
merged stage, past and future, is read as an entry into the stage it was merged into (chains
followed). The loader reads the database this way; ``metrics.funnel_edits`` previews an edit
not yet made the same way.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def merge_targets(stage_ids: np.ndarray, merged_into: np.ndarray) -> dict[int, int]:
    """stage id → the stage its entries are read as, for every merged stage (chains followed;
    a cycle, which the services never write, is broken by leaving the stage as it is)."""
    direct = {int(s): int(t) for s, t in zip(stage_ids, merged_into) if not pd.isna(t)}
    out: dict[int, int] = {}
    for stage in direct:
        seen, target = {stage}, direct[stage]
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        if target not in seen:
            out[stage] = target
    return out


def read_as(values: np.ndarray, targets: dict[int, int]) -> np.ndarray:
    """Stage ids (float, NaN for none) with every merged stage read as its target."""
    out = np.asarray(values, dtype="float64").copy()
    for stage, target in targets.items():
        out[out == stage] = target
    return out
