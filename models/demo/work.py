"""The team's daily work in the demo: sales actions (activities) and tasks.

Every working day each rep does a number of sales actions in the article's range
(SDR 25–35, AE 12–18; the head of sales and the CSM a few; the lead generator writes
notes, which are not sales actions), at working hours, each on a deal the rep was
working at that moment (the SDR from outreach to the hand-over, the AE from the
hand-over to the close) when one can be found, else on no deal (prospecting).

Tasks: a done task for part of the stage moves (the step that led there), and a next
task on most open deals, some of them overdue.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .calendar import DAY, Window, working_time
from .events import mover
from .history import OPEN, PATH, Histories
from .team import TEAM

# Per role: actions per working day (low, high), and the share of call/email/message/meeting/note.
ACTIONS_PER_DAY = {"sdr": (25, 35), "ae": (12, 18), "head_of_sales": (2, 5), "csm": (6, 10),
                   "lead_generator": (0, 3)}
ACTIVITY_TYPES = np.array(["call", "email", "message", "meeting", "note"], dtype=object)
TYPE_SHARE = {"sdr": (0.32, 0.42, 0.2, 0.06, 0.0), "ae": (0.35, 0.27, 0.08, 0.3, 0.0),
              "head_of_sales": (0.4, 0.1, 0.0, 0.5, 0.0), "csm": (0.4, 0.3, 0.1, 0.2, 0.0),
              "lead_generator": (0, 0, 0, 0, 1.0)}
OUTCOMES = {
    "call": np.array(["Дозвонился", "Не дозвонился", "Попросили перезвонить", "Секретарь не соединил"],
                     dtype=object),
    "meeting": np.array(["Проведена", "Перенесена"], dtype=object),
}
# The next step at each stage (the title of the task a rep sets there).
TASK_TITLES = np.array([
    "Проверить компанию и взять в работу", "Найти контакты ЛПР", "Отправить первое письмо",
    "Второе касание: звонок и письмо", "Выяснить потребность и договориться о демо",
    "Вернуться к клиенту через три месяца", "Квалифицировать: бюджет, сроки, ЛПР", "Назначить демо",
    "Провести демо", "Запустить тестирование", "Подготовить КП", "Обсудить КП с ЛПР",
    "Подписать договор", "Передать клиента в Client Success",
], dtype=object)
assert len(TASK_TITLES) == len(PATH)


@dataclass
class Activities:
    type: np.ndarray
    at: np.ndarray
    user: np.ndarray
    deal: np.ndarray  # deal number, -1 = none
    outcome: np.ndarray


@dataclass
class Tasks:
    title: np.ndarray
    deal: np.ndarray
    assignee: np.ndarray
    created: np.ndarray
    due: np.ndarray
    done: np.ndarray  # -1 = not done


def working_spans(h: Histories, member: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(deal, start, end) of the deals ``member`` was working, sorted by start."""
    cut_open = np.where(h.closed >= 0, h.closed, np.iinfo(np.int64).max)
    role = TEAM[member].role
    outreach = np.where(h.times[:, 3:] >= 0, h.times[:, 3:], np.iinfo(np.int64).max).min(axis=1)
    if role == "sdr":
        mine = (h.sdr == member) & (outreach < np.iinfo(np.int64).max)
        start, end = outreach, np.where(h.handover >= 0, h.handover, cut_open)
    elif role in ("ae", "head_of_sales"):
        mine = (h.handover >= 0) & ((h.ae == member) if role == "ae" else True)
        start, end = h.handover, cut_open
    elif role == "lead_generator":
        mine = h.source == 0
        start, end = h.created, np.minimum(outreach, cut_open)
    else:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    deal = np.flatnonzero(mine)
    order = np.argsort(start[deal], kind="stable")
    deal = deal[order]
    return deal, start[deal], end[deal]


def pick_deals(rng: np.random.Generator, at: np.ndarray, spans: tuple[np.ndarray, np.ndarray, np.ndarray],
               lookback_days: float = 90, tries: int = 10) -> np.ndarray:
    """For each time, a random deal whose span covers it (started in the last ``lookback_days``), or -1."""
    deal, start, end = spans
    result = np.full(len(at), -1, dtype=np.int64)
    if not len(deal):
        return result
    hi = np.searchsorted(start, at, side="right")
    lo = np.searchsorted(start, at - int(lookback_days * DAY), side="left")
    todo = np.flatnonzero(hi > lo)
    for _ in range(tries):
        if not len(todo):
            break
        idx = lo[todo] + (rng.random(len(todo)) * (hi[todo] - lo[todo])).astype(np.int64)
        ok = end[idx] > at[todo]
        result[todo[ok]] = deal[idx[ok]]
        todo = todo[~ok]
    return result


def daily_activities(rng: np.random.Generator, window: Window, h: Histories) -> Activities:
    days = window.working_days()
    parts = []
    for member, person in enumerate(TEAM):
        lo, hi = ACTIONS_PER_DAY[person.role]
        per_day = rng.integers(lo, hi + 1, len(days))
        day = np.repeat(days, per_day)
        # seconds too: one rep's actions rarely share a minute, never (in practice) a second
        at = np.sort(working_time(window, day + rng.random(len(day))) + rng.integers(0, 60, len(day)))
        kind = ACTIVITY_TYPES[rng.choice(len(ACTIVITY_TYPES), len(at), p=TYPE_SHARE[person.role])]
        deal = pick_deals(rng, at, working_spans(h, member))
        outcome = np.full(len(at), None, dtype=object)
        for t, options in OUTCOMES.items():
            here = np.flatnonzero(kind == t)
            outcome[here] = options[rng.integers(0, len(options), len(here))]
        parts.append((kind, at, np.full(len(at), member), deal, outcome))
    kind, at, user, deal, outcome = (np.concatenate(c) for c in zip(*parts))
    order = np.argsort(at, kind="stable")
    return Activities(type=kind[order], at=at[order], user=user[order], deal=deal[order], outcome=outcome[order])


def deal_tasks(rng: np.random.Generator, window: Window, h: Histories) -> Tasks:
    """Done tasks behind ~40 % of the stage moves (done by who moved the card), and a
    next task for the owner on ~85 % of open deals (due around the anchor day)."""
    t = h.times
    prev = np.full_like(t, -1)
    running = np.full(len(h), -1, dtype=np.int64)
    prev_col = np.full(t.shape, -1, dtype=np.int64)
    running_col = np.full(len(h), -1, dtype=np.int64)
    for c in range(t.shape[1]):
        prev[:, c], prev_col[:, c] = running, running_col
        entered = t[:, c] >= 0
        running = np.where(entered, t[:, c], running)
        running_col = np.where(entered, c, running_col)
    deal, col = np.nonzero((t >= 0) & (prev >= 0) & (rng.random(t.shape) < 0.4))
    done = t[deal, col]
    created = prev[deal, col]
    due = np.maximum(created, done - (rng.random(len(deal)) * DAY / 2).astype(np.int64)) // 60 * 60
    done_parts = (TASK_TITLES[prev_col[deal, col]], deal, mover(h, col, deal), created, due, done)

    open_deal = np.flatnonzero((h.status == OPEN) & (rng.random(len(h)) < 0.85))
    last = running[open_deal]
    due_open = working_time(window, window.days + rng.uniform(-8, 12, len(open_deal)))
    created_open = np.minimum(np.maximum(last, due_open - 5 * DAY), window.cut - 3600)
    open_parts = (TASK_TITLES[h.stage[open_deal]], open_deal, h.owner[open_deal], created_open, due_open,
                  np.full(len(open_deal), -1))
    title, deal, assignee, created, due, done = (np.concatenate(c) for c in zip(done_parts, open_parts))
    return Tasks(title=title, deal=deal, assignee=assignee, created=created, due=due, done=done)

