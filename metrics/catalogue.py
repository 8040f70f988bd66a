"""The one catalogue of metric definitions (spec/metrics.md): names, formulas, targets.

The JSON report, the report view and the exports all read this catalogue; the values
themselves are computed in ``metrics.report``.

Target decisions:

- ``target_op`` says how a value is judged: ``>=``, ``>``, ``<``, ``<=``, ``==`` or
  ``band`` (``target`` .. ``target_max`` inclusive).
- ``revenue_growth``'s 6 % is a month-over-month target; it is not applied to weeks
  and days (``target_kinds``), so a weekly report shows no growth target.
- ``in_outreach_sdr`` (150–200 per SDR) and ``in_outreach_ae`` (75–125 per AE) are
  per-person bands while the metric counts the whole team's deals. The report's
  ``targets`` therefore hold the team's lower bound: 150 × active SDRs (75 × active
  AEs); ``meets_target(id, value, target=report_target)`` scales the upper bound the
  same way. Without a team target (``meets_target(id, value)``) the value is judged
  as one person's load.
- ``actions_per_day_*`` are already per person per working day (targets 30 and 15).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

MetricKind = Literal["money", "ratio", "count", "days", "times", "number"]  # how a value reads
# (metrics.formatting): times is a multiple (coverage 1,06×)
TargetOp = Literal[">=", ">", "<", "<=", "==", "band"]
MONTHLY, WEEKLY, DAILY = "monthly", "weekly", "daily"
ALL_PERIODS = frozenset({"month", "week", "day", "quarter", "year"})


@dataclass(frozen=True)
class MetricDef:
    """One metric: identity, names and formulas in both languages, and its target."""

    id: str
    name_ru: str
    name_en: str
    formula_ru: str
    formula_en: str
    target: float | None
    target_text: str
    higher_is_better: bool | None
    kind: MetricKind
    reports: frozenset[str]
    target_op: TargetOp = ">="
    target_max: float | None = None  # upper bound of a band
    per_role: str | None = None  # the band is per user of this role
    target_kinds: frozenset[str] = ALL_PERIODS  # period kinds the target applies to

    def name(self, language: str) -> str:
        return self.name_ru if language == "ru" else self.name_en

    def formula(self, language: str) -> str:
        return self.formula_ru if language == "ru" else self.formula_en

    def target_text_in(self, language: str) -> str:
        """The target as written for ``language``: a text written in both ("≥ 6 % в месяц /
        ≥ 6 % a month", "150–200 на SDR / per SDR") gives its own half, the numbers kept."""
        if " / " not in self.target_text:
            return self.target_text
        ru, en = self.target_text.split(" / ", 1)
        if language == "ru":
            return ru
        if not any(ch.isdigit() for ch in en):
            en = ru.split(" ", 1)[0] + " " + en  # "150–200" + "per SDR"
        return en


def _m(id: str, name_ru: str, name_en: str, formula_ru: str, formula_en: str, kind: MetricKind,
       reports: set[str], *, target: float | None = None, target_text: str = "",
       higher: bool | None = True, op: TargetOp = ">=", target_max: float | None = None,
       per_role: str | None = None, target_kinds: set[str] | None = None) -> MetricDef:
    return MetricDef(id, name_ru, name_en, formula_ru, formula_en, target, target_text, higher, kind,
                     frozenset(reports), op, target_max, per_role,
                     frozenset(target_kinds) if target_kinds else ALL_PERIODS)


M, W, D = MONTHLY, WEEKLY, DAILY
_WORK = "«Взяты в работу»"

CATALOGUE: tuple[MetricDef, ...] = (
    # --- monthly report ------------------------------------------------------------------
    _m("revenue", "Доход", "Revenue",
       "Сумма сделок, подписанных в периоде", "Sum of deals won in the period", "money", {M, W, D}),
    _m("revenue_prev", "Доход за прошлый период", "Previous revenue",
       "Доход предыдущего периода того же вида (на его конец)",
       "Revenue of the period of the same kind just before (as of its end)", "money", {M}),
    _m("revenue_growth", "Рост к прошлому периоду", "Growth",
       "Доход / доход прошлого периода − 1", "Revenue / previous revenue − 1", "ratio", {M},
       target=0.06, target_text="≥ 6 % в месяц / ≥ 6 % a month", target_kinds={"month"}),
    _m("plan_year", "Годовой план", "Annual plan",
       "План команды на год (или сумма месячных планов)", "Team plan for the year (or the sum of monthly plans)",
       "money", {M}, higher=None),
    _m("plan_period", "План периода", "Period plan",
       "Месячный план; неделя: годовой × 7 / дней в году; день: годовой / дней в году; "
       "квартал: сумма трёх месячных планов (если есть все три), иначе годовой / 4; год: годовой",
       "Monthly plan; week: annual × 7 / days in year; day: annual / days in year; "
       "quarter: the sum of its three monthly plans (if all three exist), else annual / 4; year: annual",
       "money", {M, W, D},
       higher=None),
    _m("revenue_ytd", "Доход накопленным итогом", "Revenue YTD",
       "Доход с 1 января по дату отчёта", "Revenue from 1 January to the report time", "money", {M}),
    _m("revenue_ytd_prev_year", "Доход за тот же период прошлого года", "Revenue YTD last year",
       "Доход с 1 января прошлого года по ту же дату прошлого года",
       "Revenue from 1 January last year to the same date last year", "money", {M}, higher=None),
    _m("plan_attainment_ytd", "Доход факт / план", "Revenue vs plan",
       "Доход накопленным итогом / годовой план", "Revenue YTD / annual plan", "ratio", {M}),
    _m("plan_attainment_period", "Выполнение плана периода", "Period plan attainment",
       "Доход / план периода", "Revenue / period plan", "ratio", {M, W, D},
       target=1.0, target_text="≥ 100 %"),
    _m("forecast_year", "Годовой доход, прогноз", "Annual forecast",
       "Доход накопленным итогом + Σ сумма × вероятность этапа по открытым сделкам, ожидаемым до 31 декабря",
       "Revenue YTD + Σ amount × stage probability over open deals expected to close by 31 December",
       "money", {M}),
    _m("pipeline_sufficiency", "Достаточность воронки", "Pipeline coverage",
       "Прогноз на год / годовой план", "Annual forecast / annual plan", "times", {M},
       target=2.0, target_text="≥ 2×"),
    _m("forecast_run_rate", "Прогноз по темпу", "Run-rate forecast",
       "Сделки на «Лид квалифицирован» × средний чек × вероятность × 365 / цикл продаж (за 365 дней)",
       "Deals at Lead qualified × average deal × win rate × 365 / sales cycle (last 365 days)",
       "money", {M}),
    _m("won_count", "Количество подписанных сделок", "Deals won",
       "Сделки, подписанные в периоде", "Deals won in the period", "count", {M, W}),
    _m("won_count_ytd", "Количество подписанных сделок накопленным итогом", "Deals won YTD",
       "Сделки, подписанные с 1 января", "Deals won since 1 January", "count", {M}),
    _m("avg_check", "Средний чек", "Average deal",
       "Доход / количество подписанных сделок", "Revenue / deals won", "money", {M}),
    _m("avg_check_ytd", "Средний чек накопленным итогом", "Average deal YTD",
       "Доход накопленным итогом / подписанные сделки с 1 января", "Revenue YTD / deals won YTD", "money", {M}),
    _m("sales_cycle_days", "Цикл продаж", "Sales cycle",
       f"Среднее число дней от {_WORK} до подписания по сделкам, подписанным в периоде",
       "Mean days from Work started to won over deals won in the period", "days", {M}, higher=False),
    _m("cost_of_cycle_day", "Стоимость дня цикла", "Cost of a cycle day",
       "Средний чек / цикл продаж", "Average deal / sales cycle", "money", {M}),
    _m("conv_reply", "Конверсия в ответ", "Reply rate",
       f"Доля сделок, взятых в работу с 1 января, дошедших до «Общий ответ получен»",
       "Share of deals that reached Work started this year that reached Replied", "ratio", {M, W},
       target=0.25, target_text="≥ 25 %"),
    _m("conv_positive", "Конверсия в положительный ответ", "Positive reply rate",
       "… дошедших до «Целевой контакт ответил положительно»", "… that reached Replied positive", "ratio",
       {M, W}, target=0.12, target_text="≥ 12 %"),
    _m("conv_demo_appointed", "Конверсия в назначенное демо", "Demo appointed rate",
       "… дошедших до «Демо назначено»", "… that reached Demo appointed", "ratio", {M, W, D},
       target=0.12, target_text="≥ 12 %"),
    _m("conv_demo", "Конверсия в демо", "Demo rate",
       "… дошедших до «Демо проведено»", "… that reached Demo run", "ratio", {M, W},
       target=0.10, target_text="≥ 10 %"),
    _m("conv_offer", "Конверсия в КП", "Offer rate",
       "… дошедших до «КП отправлено»", "… that reached Offer sent", "ratio", {M, W}),
    _m("conv_client", "Конверсия в клиента", "Win rate from work",
       "… дошедших до «Договор подписан»", "… that reached Signed", "ratio", {M, W},
       target=0.06, target_text="≥ 6 %"),
    _m("conv_demo_from_positive", "Конверсия в демо (вариант 2)", "Demo rate from positive reply",
       "Доля сделок с положительным ответом с 1 января, дошедших до «Демо проведено»",
       "Share of deals that reached Replied positive this year that reached Demo run", "ratio", {M, W}),
    _m("conv_client_from_demo", "Конверсия в клиента (вариант 2)", "Win rate from demo",
       "Доля сделок с проведённым демо с 1 января, дошедших до «Договор подписан»",
       "Share of deals that reached Demo run this year that reached Signed", "ratio", {M, W}),
    _m("sales_actions", "Действия продаж", "Sales actions",
       "Звонки, письма, сообщения и встречи в периоде", "Calls, e-mails, messages and meetings in the period",
       "count", {M, W, D}),
    _m("stuck_share_active", "Сделки без движения (в работе)", "Stuck, active stages",
       f"Доля открытых сделок от {_WORK} до «Договор подписан», не менявших этап 90 дней",
       "Share of open deals from Work started up to Signed with no stage change for 90 days", "ratio", {M},
       target=0.5, target_text="< 50 %", higher=False, op="<"),
    _m("stuck_share_all", "Сделки без движения (вся воронка)", "Stuck, all",
       "Доля всех открытых сделок, не менявших этап 90 дней",
       "Share of all open deals with no stage change for 90 days", "ratio", {M},
       target=0.2, target_text="≤ 20 %", higher=False, op="<="),
    _m("funnel_balance", "Сбалансированность воронки", "Funnel balance",
       "Открытые сделки до «Демо проведено» / все открытые сделки",
       "Open deals before Demo run / all open deals", "ratio", {M},
       target=0.7, target_text="> 70 %", op=">"),
    _m("zero_amount_qualified", "Сделки с нулевой суммой после квалификации", "Zero-amount deals after qualification",
       "Открытые сделки от «Лид квалифицирован» без суммы", "Open deals from Lead qualified on with no amount",
       "count", {M}, target=0.0, target_text="0", higher=False, op="=="),
    _m("open_count", "Сделки в воронке", "Open deals",
       "Открытые сделки", "Open deals", "count", {M, W}),
    _m("open_amount", "Сумма сделок в воронке", "Open amount",
       "Сумма открытых сделок", "Amount of open deals", "money", {M, W}),
    _m("weighted_pipeline", "Взвешенная воронка", "Weighted pipeline",
       "Σ сумма × вероятность этапа по открытым сделкам", "Σ amount × stage probability over open deals",
       "money", {M}),
    # --- second edition: checks, velocity, recurring revenue, reps, the plan backwards -----
    _m("median_check", "Медианный чек", "Median deal",
       "Медиана сумм сделок, подписанных в периоде (без суммы — 0)",
       "Median amount of deals won in the period (no amount counts as 0)", "money", {M}),
    _m("median_check_ytd", "Медианный чек накопленным итогом", "Median deal YTD",
       "Медиана сумм сделок, подписанных с 1 января", "Median amount of deals won since 1 January", "money", {M}),
    _m("sales_velocity", "Скорость продаж", "Sales velocity (money per day)",
       "Открытые сделки от «Лид квалифицирован» × вероятность этапа «Лид квалифицирован» × средний чек / "
       "цикл продаж (чек и цикл — за 365 дней)",
       "Open deals from Lead qualified on × Lead qualified win rate × average deal / sales cycle "
       "(deal and cycle over the last 365 days)", "money", {M}),
    _m("mrr", "MRR", "Monthly recurring revenue",
       "Σ месячных сумм активных сделок «Клиентского успеха» (сумма / месяцев в цикле оплаты)",
       "Σ monthly amount of active Client Success deals (amount / billing months)", "money", {M}),
    _m("mrr_new", "Новый MRR", "New MRR",
       "Σ месячных сумм сделок «Клиентского успеха», созданных в периоде",
       "Σ monthly amount of Client Success deals created in the period", "money", {M}),
    _m("mrr_churned", "Потерянный MRR", "Churned MRR",
       "Σ месячных сумм сделок «Клиентского успеха», потерянных в периоде",
       "Σ monthly amount of Client Success deals lost in the period", "money", {M}, higher=False),
    _m("clients_active", "Активные клиенты", "Active clients",
       "Открытые сделки «Клиентского успеха» на дату отчёта", "Open Client Success deals at the report time",
       "count", {M}),
    _m("client_churn_rate", "Отток клиентов", "Client churn",
       "Сделки «Клиентского успеха», потерянные в периоде / активные на его начало",
       "Client Success deals lost in the period / those active at its start", "ratio", {M}, higher=False),
    _m("arpa", "Средний доход на клиента в месяц", "ARPA",
       "MRR / активные клиенты", "MRR / active clients", "money", {M}),
    _m("lifetime_months", "Срок жизни клиента, мес.", "Client lifetime, months",
       "12 × среднее число активных клиентов на начало 12 последних месяцев / клиенты, потерянные за 365 дней",
       "12 × average active clients at the last 12 month starts / clients lost in the last 365 days",
       "number", {M}),
    _m("clv", "Ценность клиента", "CLV",
       "Средний доход на клиента в месяц × срок жизни клиента", "ARPA × client lifetime", "money", {M}),
    _m("reps_at_plan_share", "Доля выполнивших план", "Reps at plan",
       "Доля сотрудников с личным планом периода, выполнивших его",
       "Share of people with a personal period plan who made it", "ratio", {M},
       target=0.6, target_max=0.75, target_text="60–75 %", higher=None, op="band"),
    _m("needed_actions_per_day_sdr", "Нужно действий продаж в день на SDR", "Needed actions per day per SDR",
       f"Сделок нужно довести до {_WORK} по плану × действий продаж SDR на такую сделку с 1 января / "
       "(рабочие дни периода × активные SDR)",
       "Deals the plan needs at Work started × SDR sales actions per such deal this year / "
       "(working days of the period × active SDRs)", "number", {M}, higher=None),
    # --- weekly and daily figures --------------------------------------------------------
    _m("actions_per_day_sdr", "Действий продаж в день на SDR", "Actions per day per SDR",
       "Действия продаж SDR / (рабочие дни × активные SDR)", "SDR sales actions / (working days × active SDRs)",
       "number", {W, D}, target=30.0, target_text="≥ 30"),
    _m("actions_per_day_ae", "Действий продаж в день на AE", "Actions per day per AE",
       "Действия продаж AE / (рабочие дни × активные AE)", "AE sales actions / (working days × active AEs)",
       "number", {W, D}, target=15.0, target_text="≥ 15"),
    _m("worked_count", "Отработанные сделки", "Deals worked",
       f"Сделки, дошедшие до {_WORK} в периоде", "Deals that reached Work started in the period", "count", {W, D}),
    _m("worked_count_ytd", "Отработанные сделки накопленным итогом", "Deals worked YTD",
       f"Сделки, дошедшие до {_WORK} с 1 января", "Deals that reached Work started since 1 January", "count", {W}),
    _m("replied_count", "Ответившие компании", "Replied",
       "Сделки, дошедшие до «Общий ответ получен» в периоде (включая потерянные)",
       "Deals that reached Replied in the period (lost ones included)", "count", {W, D}),
    _m("positive_count", "Ответившие положительно", "Replied positive",
       "… до «Целевой контакт ответил положительно»", "… reached Replied positive", "count", {W, D}),
    _m("demos_appointed_count", "Назначенные демо", "Demos appointed",
       "… до «Демо назначено»", "… reached Demo appointed", "count", {W, D}),
    _m("demos_run_count", "Проведённые демо", "Demos run",
       "… до «Демо проведено»", "… reached Demo run", "count", {W, D}),
    _m("demos_run_count_ytd", "Проведённые демо накопленным итогом", "Demos run YTD",
       "… до «Демо проведено» с 1 января", "… reached Demo run since 1 January", "count", {W}),
    _m("offers_sent_count", "Отправленные КП", "Offers sent",
       "… до «КП отправлено»", "… reached Offer sent", "count", {W, D}),
    _m("in_outreach_sdr", "Компании в работе у SDR", "In outreach (SDR)",
       f"Открытые сделки от {_WORK} до «Демо назначено» включительно",
       "Open deals from Work started to Demo appointed inclusive", "count", {W},
       target=150.0, target_max=200.0, target_text="150–200 на SDR / per SDR", higher=None, op="band",
       per_role="sdr"),
    _m("in_outreach_ae", "Компании в работе у AE", "In outreach (AE)",
       "Открытые сделки от «Демо проведено» до «КП отправлено» включительно",
       "Open deals from Demo run to Offer sent inclusive", "count", {W},
       target=75.0, target_max=125.0, target_text="75–125 на AE / per AE", higher=None, op="band",
       per_role="ae"),
    _m("lost_count", "Потерянные сделки", "Deals lost",
       "Сделки, проигранные в периоде", "Deals lost in the period", "count", {W, D}, higher=False),
    _m("lost_amount", "Сумма потерянных сделок", "Lost amount",
       "Сумма сделок, проигранных в периоде", "Amount of deals lost in the period", "money", {W, D}, higher=False),
)

_BY_ID = {m.id: m for m in CATALOGUE}
METRIC_IDS: tuple[str, ...] = tuple(_BY_ID)


def by_id(metric_id: str) -> MetricDef:
    """The definition of ``metric_id``; ``KeyError`` naming it if there is none."""
    try:
        return _BY_ID[metric_id]
    except KeyError:
        raise KeyError(f"no metric {metric_id!r} in the catalogue") from None


def target_for(metric_id: str, period_kind: str = "month", people: int | None = None) -> float | None:
    """The target a report of ``period_kind`` shows; per-role bands are scaled to ``people``."""
    m = by_id(metric_id)
    if m.target is None or period_kind not in m.target_kinds:
        return None
    if m.per_role:
        return m.target * people if people else None
    return m.target


def band_of(metric_id: str, target: float | None = None) -> tuple[float, float] | None:
    """A band metric's ``(low, high)`` for ``target`` (the report's lower bound, e.g. a
    team-scaled one; default the catalogue's): the upper bound is scaled by the same factor.
    None for a metric that is not a band or has no target."""
    m = by_id(metric_id)
    low = m.target if target is None else target
    if m.target_op != "band" or low is None:
        return None
    high = m.target_max * (low / m.target) if m.target_max is not None and m.target else low
    return float(low), float(high)


def meets_target(metric_id: str, value: float | None, *, target: float | None = None) -> bool | None:
    """Whether ``value`` meets the metric's target; None when there is no value or no target.

    ``target`` overrides the catalogue target (pass the report's ``targets[id]``, e.g.
    a team-scaled band); a band's upper bound is scaled by the same factor.
    """
    m = by_id(metric_id)
    low = m.target if target is None else target
    if value is None or low is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if m.target_op == "band":
        low, high = band_of(metric_id, low) or (low, low)
        return low <= value <= high
    op = m.target_op
    return {
        ">=": value >= low, ">": value > low, "<": value < low, "<=": value <= low, "==": value == low,
    }[op]
