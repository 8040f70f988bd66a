"""Small arithmetic on figures that may be missing: a value that cannot be computed is
None (never 0 for a zero denominator, never NaN)."""
from __future__ import annotations

import math

import numpy as np


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``; None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or is_nan(numerator) or is_nan(denominator):
        return None
    if denominator == 0:
        return None
    return float(numerator) / float(denominator)


def share(mask: np.ndarray, of: np.ndarray) -> float | None:
    """The share of the deals in ``of`` that are also in ``mask``; None for an empty ``of``."""
    return ratio(int((mask & of).sum()), int(of.sum()))


def mean(values: np.ndarray) -> float | None:
    """Mean of the values; None when there are none."""
    values = np.asarray(values, dtype="float64")
    values = values[~np.isnan(values)]
    return float(values.mean()) if len(values) else None


def is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def minus_one(value: float | None) -> float | None:
    return None if value is None else value - 1.0
