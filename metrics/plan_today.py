"""What the plan still asks from the report's moment to the end of its period, per working day
(the Plan tab's "still to do" columns and the start page's plan tile).

Readings decided here:

- *Working days left* are the Monday–Friday dates of the period from the as-of moment's
  date (inclusive: today still counts) to its last day; none once the as-of moment is the
  period's last second or later (a past period asks nothing more).
- *Still needed* at a stage is ``needed − actual`` from ``plan_decomposition`` when
  positive, else 0 (the stage has done its share); null where ``needed`` is null.
- *A day* is ``still needed ÷ working days left``, null when no working day is left.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .periods import Period


def working_days_left(period: Period, as_of: datetime) -> int:
    """Working days of ``period`` from ``as_of``'s date on (see the module docstring)."""
    if as_of >= period.last_moment:
        return 0
    if as_of < period.start:
        return period.working_days(period.last_moment)
    return period.working_days(period.last_moment) - period.working_days(as_of - timedelta(days=1))


def plan_today(rows: list[dict[str, object]], period: Period, as_of: datetime) -> list[dict[str, object]]:
    """``plan_decomposition`` rows with ``still_needed`` and ``per_day`` added (new dicts)."""
    days = working_days_left(period, as_of)
    out = []
    for row in rows:
        needed, actual = row.get("needed"), row.get("actual") or 0
        still = None if needed is None else max(int(needed) - int(actual), 0)  # type: ignore[call-overload]
        out.append({**row, "still_needed": still,
                    "per_day": None if still is None or days == 0 else still / days})
    return out
