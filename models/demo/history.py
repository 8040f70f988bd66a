"""Demo deal histories: each deal's path through the sales funnel, its times and outcome.

Vectorised with numpy; the model, calibrated so cohort conversions from "work started"
land near the funnel article's targets (reply ≈ 30 %, demo ≈ 10 %, client ≈ 7 % of a
finished cohort, ≈ 6 % of a year-to-date one whose last weeks are still running):

* Deals are created on working days, more of them as the two years go on, fewer in
  January, May and August, more in March, September and December (metrics article).
* Outbound deals (most) start in the basket (``unsorted``) and are taken into work at
  the start of one of the next two-week sprints: that sprint is their cohort. Other
  sources start further on: inbound leads at ``replied``, event contacts at
  ``contacts_found``, partner and referral deals at ``work_started``.
* At each step a deal goes on with a probability that depends on its source and on the
  quality of its SDR (outreach steps) or AE (steps from the demo on). A reply is
  positive, negative (``replied_negative``, then lost) or stays a general reply.
* Reps skip cards over stages: an outbound deal may go from outreach straight to
  "demo appointed", tests and soft commits are often skipped.
* A deal that stops is lost after a while with a reason typical of its stage, or
  (rarely) left forgotten: those are the stuck deals of the metrics.
* Everything after the end of the window is cut off: deals whose next step or close
  would come later are open, at the stage they had reached.
* The SDR owns a deal from creation; at "demo appointed" the SDR hands it to an AE
  (an owner event). The lead generator moves outbound cards through the first stages.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .calendar import DAY, Sprints, Window, working_time
from .team import TEAM, members_with_role

PATH = ("unsorted", "work_started", "contacts_found", "outreach_started", "replied", "replied_negative",
        "replied_positive", "qualified", "demo_appointed", "demo_run", "test_started", "offer_sent",
        "committed", "signed")
COL = {key: i for i, key in enumerate(PATH)}
NEGATIVE, POSITIVE, QUALIFIED, HANDOVER, DEMO_RUN, SIGNED = (
    COL["replied_negative"], COL["replied_positive"], COL["qualified"], COL["demo_appointed"],
    COL["demo_run"], COL["signed"])
# The main chain: each step is (from column, to column).
CHAIN = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 6), (6, 7), (7, 8), (8, 9), (9, 10), (10, 11), (11, 12), (12, 13)]

SOURCES = ("outbound", "inbound", "partner", "event", "referral")
SOURCE_SHARE = (0.78, 0.05, 0.06, 0.06, 0.05)
START_COL = np.array([COL["unsorted"], COL["replied"], COL["work_started"], COL["contacts_found"],
                      COL["work_started"]])
# Probability of going on to each main column, by source (rows in SOURCES order).
_P = {
    1: (0.90, 1, 1, 1, 1),
    2: (0.86, 1, 0.95, 1, 0.95),
    3: (0.95, 1, 0.97, 0.97, 0.97),
    4: (0.29, 1, 0.45, 0.35, 0.50),          # any reply
    6: (0.40, 0.55, 0.45, 0.40, 0.50),       # a positive one, among replies
    7: (0.93, 0.95, 0.95, 0.95, 0.95),
    8: (0.94, 0.95, 0.95, 0.95, 0.95),
    9: (0.85, 0.87, 0.87, 0.87, 0.87),       # the demo happens
    10: (0.90, 0.90, 0.92, 0.90, 0.92),
    11: (0.90, 0.90, 0.92, 0.90, 0.92),
    12: (0.88, 0.88, 0.9, 0.88, 0.9),
    13: (0.92, 0.92, 0.94, 0.92, 0.94),
}
SDR_STEPS, AE_STEPS = {4, 6}, {10, 11, 12, 13}
NEGATIVE_SHARE = 0.8  # of the replies that are not positive
# Median days to enter each column from the previous stage (scaled by segment).
MEDIAN_DAYS = np.array([0, 0, 2, 1.5, 7, 0.3, 3, 2, 3, 7, 5, 18, 12, 10])
SEGMENT_PACE = np.array([0.8, 1.0, 1.5])  # SMB, Mid, Enterprise
LOSS_DAYS = np.array([45, 10, 7, 25, 12, 2, 10, 10, 7, 12, 14, 20, 20, 0])
STALL_SHARE = np.array([0.10, 0.03, 0.03, 0.03, 0.04, 0.0, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0])
AMOUNT_MEDIAN_RUB = np.array([450_000, 1_100_000, 2_200_000])
AMOUNT_RANGE_RUB = (300_000, 3_000_000)

# Lost reasons by the stage a deal is lost at: (1-based position in the default list, weight).
LOSS_REASONS: dict[int, tuple[tuple[int, float], ...]] = {
    0: ((1, 0.3), (2, 0.7)),
    1: ((2, 0.3), (3, 0.7)),
    2: ((3, 0.8), (4, 0.2)),
    3: ((4, 1.0),),
    4: ((4, 0.5), (5, 0.3), (6, 0.2)),
    5: ((8, 0.4), (6, 0.35), (5, 0.25)),
    6: ((5, 0.35), (6, 0.35), (7, 0.3)),
    7: ((5, 0.35), (6, 0.35), (7, 0.3)),
    8: ((4, 0.5), (6, 0.5)),
    9: ((6, 0.3), (7, 0.2), (8, 0.25), (11, 0.1), (14, 0.15)),
    10: ((6, 0.3), (7, 0.2), (8, 0.25), (11, 0.1), (14, 0.15)),
    11: ((9, 0.3), (10, 0.1), (11, 0.1), (12, 0.25), (13, 0.1), (14, 0.15)),
    12: ((9, 0.3), (10, 0.1), (11, 0.1), (12, 0.25), (13, 0.1), (14, 0.15)),
}
OPEN, WON, LOST = 0, 1, 2


@dataclass
class Histories:
    """One row per deal (sorted by creation). Times are seconds since the window start, -1 = none."""

    created: np.ndarray
    source: np.ndarray  # index into SOURCES
    company: np.ndarray  # company number
    segment: np.ndarray  # index into companies.SEGMENTS
    sdr: np.ndarray  # TEAM index
    ae: np.ndarray  # TEAM index
    times: np.ndarray  # (deals, len(PATH)): when each stage was entered, -1 = not (yet)
    stage: np.ndarray  # current column
    status: np.ndarray  # OPEN / WON / LOST
    closed: np.ndarray
    reason: np.ndarray  # 1-based position in the default lost reasons, 0 = none
    handover: np.ndarray  # when the AE became the owner
    amount_rub: np.ndarray  # NaN = not known yet
    expected_close: np.ndarray  # seconds (a day), -1 = none
    cohort: np.ndarray  # sprint label or None

    def __len__(self) -> int:
        return len(self.created)

    @property
    def owner(self) -> np.ndarray:
        return np.where(self.handover >= 0, self.ae, self.sdr)


def creation_times(rng: np.random.Generator, window: Window, n: int) -> np.ndarray:
    """Sorted creation times: working days, a growing trend and the Russian business seasons."""
    days = window.working_days()
    months = (np.datetime64(window.start.date()) + days.astype("timedelta64[D]")).astype("datetime64[M]")
    month_no = months.astype(np.int64) % 12 + 1
    season = np.ones(len(days))
    for month, factor in ((1, 0.7), (5, 0.8), (8, 0.8), (3, 1.15), (9, 1.15), (12, 1.1)):
        season[month_no == month] = factor
    weight = season * (1 + 0.8 * days / window.days)
    picked = days[np.searchsorted(np.cumsum(weight) / weight.sum(), rng.random(n))]
    return np.sort(working_time(window, picked + rng.random(n)))


def _lognormal(rng: np.random.Generator, median: np.ndarray, sigma: float = 0.6) -> np.ndarray:
    return median * np.exp(sigma * rng.standard_normal(median.shape))


def _choose_reasons(rng: np.random.Generator, stage: np.ndarray) -> np.ndarray:
    reason = np.zeros(len(stage), dtype=np.int64)
    for col, options in LOSS_REASONS.items():
        at = np.flatnonzero(stage == col)
        if len(at):
            ids, weights = zip(*options)
            reason[at] = rng.choice(ids, len(at), p=np.array(weights) / sum(weights))
    return reason


def simulate(rng: np.random.Generator, window: Window, n: int, segment_of_company: np.ndarray) -> Histories:
    """Generate ``n`` deal histories over ``window`` (see the module docstring)."""
    created = creation_times(rng, window, n)
    source = rng.choice(len(SOURCES), n, p=SOURCE_SHARE)
    n_comp = len(segment_of_company)
    company = rng.permutation(np.concatenate([np.arange(min(n, n_comp)),
                                              rng.integers(0, n_comp, max(0, n - n_comp))]))
    segment = segment_of_company[company]
    sdrs, aes = members_with_role("sdr"), members_with_role("ae")
    sdr = rng.choice(sdrs, n, p=[0.55, 0.45])
    ae = rng.choice(aes, n, p=[0.5, 0.5])
    quality = np.array([m.quality for m in TEAM])

    # 1. How far each deal gets (before the window cuts its future off).
    start = START_COL[source]
    far = start.copy()
    alive = np.ones(n, dtype=bool)
    negative = np.zeros(n, dtype=bool)
    for frm, to in CHAIN:
        here = np.flatnonzero(alive & (far == frm))
        p = np.asarray(_P[to])[source[here]]
        if to in SDR_STEPS:
            p = p * quality[sdr[here]]
        if to in AE_STEPS:
            p = p * quality[ae[here]]
        go = rng.random(len(here)) < np.minimum(p, 1.0)
        far[here[go]] = to
        alive[here[~go]] = False
        if frm == COL["replied"]:
            negative[here[~go]] = rng.random(int((~go).sum())) < NEGATIVE_SHARE

    # 2. Which stages it enters (skips never drop the first or the last one).
    cols = np.arange(len(PATH))
    visits = (cols >= start[:, None]) & (cols <= far[:, None]) & (cols != NEGATIVE)
    visits[:, NEGATIVE] = negative
    final = np.where(negative, NEGATIVE, far)

    def skip(columns: list[int], mask: np.ndarray) -> None:
        for c in columns:
            visits[mask & (start != c) & (final != c), c] = False

    skip([COL["contacts_found"]], (far >= 3) & (start <= 1) & (rng.random(n) < 0.10))
    skip([COL["replied"], POSITIVE, QUALIFIED], (source == 0) & (far >= HANDOVER) & (rng.random(n) < 0.2))
    skip([QUALIFIED], (far >= HANDOVER) & (rng.random(n) < 0.12))
    skip([COL["test_started"]], (far >= COL["offer_sent"]) & (rng.random(n) < 0.35))
    skip([COL["committed"]], (far == SIGNED) & (rng.random(n) < 0.15))

    # 3. When: creation, the sprint start for "work started", then a wait per stage.
    pace = SEGMENT_PACE[segment]
    days = np.full((n, len(PATH)), np.nan)
    last = created / DAY
    sprints = Sprints.of(window)
    for c in cols:
        entering = visits[:, c]
        if c == COL["work_started"]:
            extra = rng.choice(3, n, p=(0.6, 0.3, 0.1))
            when = sprints.next_start(created, extra) + rng.uniform(0, 0.2, n)
        else:
            when = last + _lognormal(rng, np.full(n, MEDIAN_DAYS[c]) * pace)
        when = np.where(start == c, created / DAY, when)
        days[entering, c] = when[entering]
        last = np.where(entering, days[:, c], last)
    times = np.full((n, len(PATH)), -1, dtype=np.int64)
    running = np.zeros(n, dtype=np.int64)
    for c in cols:  # working hours, and never earlier than the stage before
        entering = visits[:, c]
        secs = np.where(start == c, created, working_time(window, np.nan_to_num(days[:, c])))
        secs = np.maximum(secs, running)
        times[entering, c] = secs[entering]
        running = np.where(entering, secs, running)

    # 4. How it ends: won at the signature, lost a while after it stopped, or forgotten.
    won_full = far == SIGNED
    stalled = ~won_full & (rng.random(n) < STALL_SHARE[final])
    loss_at = working_time(window, last + _lognormal(rng, LOSS_DAYS[final] * pace.clip(max=1.2)))
    loss_at = np.maximum(loss_at, running + 600)
    close_full = np.where(won_full, times[:, SIGNED], np.where(stalled, -1, loss_at))

    # 5. Cut at the end of the window.
    cut = window.cut
    times[times >= cut] = -1
    stage = len(PATH) - 1 - np.argmax((times >= 0)[:, ::-1], axis=1)  # the latest entry
    status = np.full(n, OPEN)
    status[won_full & (times[:, SIGNED] >= 0)] = WON
    lost = ~won_full & ~stalled & (close_full < cut)
    status[lost] = LOST
    closed = np.where(status != OPEN, close_full, -1)
    reason = np.where(lost, _choose_reasons(rng, stage), 0)
    handover = times[:, HANDOVER]

    amount = np.exp(rng.normal(np.log(AMOUNT_MEDIAN_RUB[segment]), 0.3))
    amount = np.round(np.clip(amount, *AMOUNT_RANGE_RUB), -4)
    has_amount = (times[:, QUALIFIED:].max(axis=1) >= 0)
    amount_rub = np.where(has_amount, amount, np.nan)
    planned = np.where(close_full >= 0, close_full + (rng.normal(0, 12, n) * DAY).astype(np.int64),
                       running + 45 * DAY)
    expected_close = np.where(has_amount, np.maximum(planned, times[:, QUALIFIED:].max(axis=1)), -1)
    expected_close = expected_close // DAY * DAY

    worked = times[:, 1:].copy()
    worked[worked < 0] = np.iinfo(np.int64).max
    first_worked = worked.min(axis=1)
    cohort = np.where(first_worked < cut, sprints.label_at(np.minimum(first_worked, cut)), None)
    return Histories(
        created=created, source=source, company=company, segment=segment, sdr=sdr, ae=ae, times=times,
        stage=stage, status=status, closed=closed, reason=reason, handover=handover, amount_rub=amount_rub,
        expected_close=expected_close, cohort=cohort,
    )
