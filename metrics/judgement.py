"""Whether a metric meets its target — fairly, for a period that is still going on.

A figure that grows through its period (revenue against the plan, growth against the
previous period, the share of reps at plan, sales actions per day including today) cannot
be judged before the period ends: on Monday morning the week's "0 actions a day" is not a
miss. While the report's as-of moment is inside its period, such a metric is *in
progress*: no ✔/✖, but its **pace**, where one means something:

- ``plan_attainment_period``: the attainment the period would end with at this speed,
  ``value ÷ share of the period's working days gone`` (0.42 after half the days → 84 %);
- ``revenue_growth``: the growth at this speed, ``(1 + value) ÷ share − 1``;
- ``actions_per_day_*``: the rate against its target, ``value ÷ target`` (already per day);
- ``reps_at_plan_share``: no pace (each rep's own plan is in progress too).

Every other metric (conversions, shares of open deals, coverage) describes the state at
the as-of moment and is judged as usual. The share of working days gone comes from the
report's ``period`` (``working_days`` up to T and ``working_days_total``, by the team's
calendar; ``models.workdays``).

**Bands** (``target_op == "band"``: ``reps_at_plan_share`` 60–75 %, ``in_outreach_sdr``
150–200 per SDR, ``in_outreach_ae`` 75–125 per AE, the per-role ones scaled to the team) are
shown whole wherever a target is shown (``metrics.formatting.target_value_text``: "60–75 %",
"300–400"), never as their lower bound. A value inside the band is ✔ met; below it ✖ missed;
**above it is not a miss and not a success either**: ``met`` is None and ``above_band`` True,
shown as "↑ выше диапазона" / "↑ above the range" in a neutral colour (never red), with what it
means in a note beside it (``views.exports.sections.ABOVE_BAND_NOTES``, translated):

- reps at plan above 75 %: the "everybody wins" rule (60–75 % of the team make the plan, so
  most win and the best still stand out) says the plans are too easy — raise them, nobody
  fell short;
- companies in work above the band: more than a person can keep touching — some will be
  left without follow-up; reassign or close the stale ones.

A period still going on keeps the in-progress rule first: reps at plan mid-month shows
«идёт», not ↑ (each rep's plan is in progress too). ``meets_target`` itself stays a plain
in-the-band test (False above), as programs reading it expect.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .catalogue import band_of, meets_target

PACED = frozenset({"plan_attainment_period", "revenue_growth", "reps_at_plan_share",
                   "actions_per_day_sdr", "actions_per_day_ae"})


@dataclass(frozen=True)
class Judgement:
    """``met``: ✔ (True), ✖ (False) or not judged (None); ``in_progress``: the period is still
    going on and the metric grows with it; ``pace`` (a share, read as a percentage) or None."""

    met: bool | None
    in_progress: bool = False
    pace: float | None = None
    pace_kind: str = "ratio"  # how the pace reads: "ratio" (84 %) or "change" (+4 %)
    above_band: bool = False  # a band metric above its band: neutral, neither ✔ nor ✖

    @property
    def pace_met(self) -> bool | None:
        """Whether the pace would meet the target (for colour only; never a ✖)."""
        if self.pace is None:
            return None
        return self.pace >= (0.0 if self.pace_kind == "change" else 1.0)


def in_progress(period: dict[str, Any]) -> bool:
    """Whether the report's as-of moment falls before its period's last second."""
    try:
        end = datetime.fromisoformat(str(period["end"]))
        as_of = datetime.fromisoformat(str(period["as_of"]))
    except (KeyError, ValueError):
        return False
    return as_of < end - timedelta(seconds=1)


def elapsed_share(period: dict[str, Any]) -> float | None:
    """The share of the period's working days gone by the as-of moment (today counted)."""
    done, total = period.get("working_days"), period.get("working_days_total")
    if not total or done is None:
        return None
    return min(1.0, float(done) / float(total))


def is_above_band(metric_id: str, value: Any, target: float | None) -> bool:
    """Whether a band metric's ``value`` lies above its band (``target``: the report's lower
    bound, default the catalogue's)."""
    band = band_of(metric_id, target)
    return band is not None and value is not None and float(value) > band[1]


def judge(metric_id: str, value: Any, target: float | None, period: dict[str, Any] | None) -> Judgement:
    """The judgement of one metric value of a report (``period``: the report's period dict)."""
    met = meets_target(metric_id, value, target=target)
    if metric_id not in PACED or period is None or not in_progress(period):
        if met is False and is_above_band(metric_id, value, target):
            return Judgement(None, above_band=True)
        return Judgement(met)
    if value is None:
        return Judgement(None, True)
    share = elapsed_share(period)
    if metric_id == "plan_attainment_period":
        return Judgement(None, True, float(value) / share if share else None)
    if metric_id == "revenue_growth":
        return Judgement(None, True, (1.0 + float(value)) / share - 1.0 if share else None, "change")
    if metric_id.startswith("actions_per_day") and target:
        return Judgement(None, True, float(value) / float(target))
    return Judgement(None, True)

