"""What a report shows, as plain rows: the metric lines of each tab and the report's tables
with translated column titles. The report view, XLSX, PDF and CSV all read these, so a
table reads the same on screen and on paper.

Tabs follow the team's spreadsheets: a month is the monthly report, a week the weekly,
a day the daily; each tab lists the catalogue metrics whose ``reports`` include it.
Table columns the catalogue of columns below does not know are still shown (title: the
key), so a new engine column never disappears silently.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from voronka.metrics.formatting import change_of, moment_text, period_name, target_value_text

from ..roles import role_name

TAB_OF_KIND = {"month": "monthly", "week": "weekly", "day": "daily", "quarter": "monthly", "year": "monthly"}
KIND_OF_TAB = {"monthly": "month", "weekly": "week", "daily": "day"}  # a tab's own kind (quarters and
# years are read on the Monthly tab too)


@dataclass(frozen=True)
class MetricLine:
    id: str
    name: str
    formula: str
    kind: str  # money, ratio, count, days, number
    value: Any
    target: float | None
    target_text: str
    met: bool | None
    previous: Any
    change: float | None
    higher_is_better: bool | None
    in_progress: bool = False  # the period is still going on: judged by its pace, not ✔/✖
    pace: float | None = None  # metrics.judgement
    pace_kind: str = "ratio"
    above_band: bool = False  # a band metric above its band: neutral ↑, not ✖ (metrics.judgement)
    target_shown: str = ""  # the Target column: a band whole ("60–75 %"), else the target's value


ABOVE_BAND_NOTES = {  # what a value above its band means (metrics.judgement's decision)
    "reps_at_plan_share": QT_TRANSLATE_NOOP(
        "ReportJudgement", "More than 75 % of the people made their plan: nobody fell short, but the plans "
                           "are probably too easy. Raise them so that 60–75 % make it."),
    "in_outreach_sdr": QT_TRANSLATE_NOOP(
        "ReportJudgement", "More companies in work than the SDRs can keep touching: some will go without "
                           "follow-up. Reassign them or close the stale ones."),
    "in_outreach_ae": QT_TRANSLATE_NOOP(
        "ReportJudgement", "More open deals than the AEs can keep moving: some will go without "
                           "follow-up. Reassign them or close the stale ones."),
}


def above_band_word() -> str:
    """``выше диапазона`` / ``above the range``: a band metric above its band (not a miss)."""
    return QCoreApplication.translate("ReportJudgement", "above the range")


def above_band_note(metric_id: str) -> str:
    """Why a value above its band is not a miss, in the interface's language (or nothing)."""
    note = ABOVE_BAND_NOTES.get(metric_id)
    return QCoreApplication.translate("ReportJudgement", note) if note else ""


@dataclass(frozen=True)
class ColumnDef:
    key: str
    title: str  # source text, context "ReportTables"
    kind: str  # money, ratio, count, days, number, text

    def title_text(self) -> str:
        return QCoreApplication.translate("ReportTables", self.title)


def _c(key: str, title: str, kind: str) -> ColumnDef:
    return ColumnDef(key, title, kind)


TABLE_TITLES = {
    "stages": QT_TRANSLATE_NOOP("ReportTables", "Stages"),
    "users": QT_TRANSLATE_NOOP("ReportTables", "People"),
    "lost_reasons": QT_TRANSLATE_NOOP("ReportTables", "Lost reasons"),
    "sources": QT_TRANSLATE_NOOP("ReportTables", "Sources"),
    "cohorts": QT_TRANSLATE_NOOP("ReportTables", "Cohorts"),
    "revenue_by_month": QT_TRANSLATE_NOOP("ReportTables", "Revenue by month"),
    "reps": QT_TRANSLATE_NOOP("ReportTables", "Reps side by side"),
    "plan_decomposition": QT_TRANSLATE_NOOP("ReportTables", "Plan through the funnel"),
}
TABLE_COLUMNS: dict[str, list[ColumnDef]] = {
    "stages": [
        _c("stage", QT_TRANSLATE_NOOP("ReportTables", "Stage"), "text"),
        _c("open_count", QT_TRANSLATE_NOOP("ReportTables", "Open deals"), "count"),
        _c("open_amount", QT_TRANSLATE_NOOP("ReportTables", "Open amount"), "money"),
        _c("weighted_amount", QT_TRANSLATE_NOOP("ReportTables", "Weighted amount"), "money"),
        _c("win_rate", QT_TRANSLATE_NOOP("ReportTables", "Win rate"), "ratio"),
        _c("reached_count", QT_TRANSLATE_NOOP("ReportTables", "Reached in period"), "count"),
        _c("conversion_next", QT_TRANSLATE_NOOP("ReportTables", "Conversion to next (year-to-date cohort)"), "ratio"),
        _c("advice", QT_TRANSLATE_NOOP("ReportTables", "Advice"), "text"),
        _c("avg_days_in_stage", QT_TRANSLATE_NOOP("ReportTables", "Days in stage, mean"), "days"),
        _c("median_days_in_stage", QT_TRANSLATE_NOOP("ReportTables", "Days, median"), "days"),
        _c("p90_days_in_stage", QT_TRANSLATE_NOOP("ReportTables", "Days, 90th percentile"), "days"),
    ],
    "users": [
        _c("name", QT_TRANSLATE_NOOP("ReportTables", "Person"), "text"),
        _c("role", QT_TRANSLATE_NOOP("ReportTables", "Role"), "text"),
        _c("sales_actions", QT_TRANSLATE_NOOP("ReportTables", "Sales actions"), "count"),
        _c("call", QT_TRANSLATE_NOOP("ReportTables", "Calls"), "count"),
        _c("email", QT_TRANSLATE_NOOP("ReportTables", "E-mails"), "count"),
        _c("message", QT_TRANSLATE_NOOP("ReportTables", "Messages"), "count"),
        _c("meeting", QT_TRANSLATE_NOOP("ReportTables", "Meetings"), "count"),
        _c("actions_per_day", QT_TRANSLATE_NOOP("ReportTables", "Actions per day"), "number"),
        _c("worked_count", QT_TRANSLATE_NOOP("ReportTables", "Worked"), "count"),
        _c("replied_count", QT_TRANSLATE_NOOP("ReportTables", "Replied"), "count"),
        _c("positive_count", QT_TRANSLATE_NOOP("ReportTables", "Positive"), "count"),
        _c("demos_appointed_count", QT_TRANSLATE_NOOP("ReportTables", "Demos appointed"), "count"),
        _c("demos_run_count", QT_TRANSLATE_NOOP("ReportTables", "Demos run"), "count"),
        _c("won_count", QT_TRANSLATE_NOOP("ReportTables", "Won"), "count"),
        _c("revenue", QT_TRANSLATE_NOOP("ReportTables", "Revenue"), "money"),
        _c("open_count", QT_TRANSLATE_NOOP("ReportTables", "Open deals"), "count"),
        _c("plan_period", QT_TRANSLATE_NOOP("ReportTables", "Plan"), "money"),
        _c("plan_attainment_period", QT_TRANSLATE_NOOP("ReportTables", "Plan attainment"), "ratio"),
    ],
    "lost_reasons": [
        _c("reason", QT_TRANSLATE_NOOP("ReportTables", "Reason"), "text"),
        _c("count", QT_TRANSLATE_NOOP("ReportTables", "Deals"), "count"),
        _c("amount", QT_TRANSLATE_NOOP("ReportTables", "Amount"), "money"),
        _c("by_stage", QT_TRANSLATE_NOOP("ReportTables", "Lost at stage"), "text"),
    ],
    "sources": [
        _c("source", QT_TRANSLATE_NOOP("ReportTables", "Source"), "text"),
        _c("worked_count_ytd", QT_TRANSLATE_NOOP("ReportTables", "Worked this year"), "count"),
        _c("won_count_ytd", QT_TRANSLATE_NOOP("ReportTables", "Won this year"), "count"),
        _c("revenue_ytd", QT_TRANSLATE_NOOP("ReportTables", "Revenue this year"), "money"),
        _c("conv_client", QT_TRANSLATE_NOOP("ReportTables", "Win rate from work"), "ratio"),
    ],
    "cohorts": [
        _c("cohort", QT_TRANSLATE_NOOP("ReportTables", "Cohort"), "text"),
        _c("deals", QT_TRANSLATE_NOOP("ReportTables", "Deals"), "count"),
        _c("worked_count", QT_TRANSLATE_NOOP("ReportTables", "Worked"), "count"),
        _c("conv_reply", QT_TRANSLATE_NOOP("ReportTables", "Reply rate"), "ratio"),
        _c("conv_demo", QT_TRANSLATE_NOOP("ReportTables", "Demo rate"), "ratio"),
        _c("conv_client", QT_TRANSLATE_NOOP("ReportTables", "Win rate"), "ratio"),
    ],
    "revenue_by_month": [
        _c("month", QT_TRANSLATE_NOOP("ReportTables", "Month"), "text"),
        _c("revenue", QT_TRANSLATE_NOOP("ReportTables", "Revenue"), "money"),
        _c("revenue_prev_year", QT_TRANSLATE_NOOP("ReportTables", "Last year"), "money"),
        _c("plan", QT_TRANSLATE_NOOP("ReportTables", "Plan"), "money"),
        _c("revenue_ytd", QT_TRANSLATE_NOOP("ReportTables", "Revenue, cumulative"), "money"),
        _c("plan_ytd", QT_TRANSLATE_NOOP("ReportTables", "Plan, cumulative"), "money"),
    ],
    "reps": [
        _c("name", QT_TRANSLATE_NOOP("ReportTables", "Person"), "text"),
        _c("role", QT_TRANSLATE_NOOP("ReportTables", "Role"), "text"),
        _c("cohort", QT_TRANSLATE_NOOP("ReportTables", "Deals taken into work this year"), "count"),
        _c("conv_reply", QT_TRANSLATE_NOOP("ReportTables", "Reply rate"), "ratio"),
        _c("conv_positive", QT_TRANSLATE_NOOP("ReportTables", "Positive reply rate"), "ratio"),
        _c("conv_demo", QT_TRANSLATE_NOOP("ReportTables", "Demo rate"), "ratio"),
        _c("conv_client", QT_TRANSLATE_NOOP("ReportTables", "Win rate from work"), "ratio"),
        _c("won_count_ytd", QT_TRANSLATE_NOOP("ReportTables", "Won this year"), "count"),
        _c("revenue_ytd", QT_TRANSLATE_NOOP("ReportTables", "Revenue this year"), "money"),
        _c("avg_check_ytd", QT_TRANSLATE_NOOP("ReportTables", "Average deal this year"), "money"),
        _c("sales_cycle_days_ytd", QT_TRANSLATE_NOOP("ReportTables", "Sales cycle this year, days"), "days"),
        _c("win_rate_ytd", QT_TRANSLATE_NOOP("ReportTables", "Won of closed this year"), "ratio"),
        _c("plan_attainment_ytd", QT_TRANSLATE_NOOP("ReportTables", "Annual plan attainment"), "ratio"),
        _c("actions_per_day", QT_TRANSLATE_NOOP("ReportTables", "Actions per day"), "number"),
    ],
    "plan_decomposition": [
        _c("stage", QT_TRANSLATE_NOOP("ReportTables", "Stage"), "text"),
        _c("needed", QT_TRANSLATE_NOOP("ReportTables", "Needed this period"), "count"),
        _c("actual", QT_TRANSLATE_NOOP("ReportTables", "Reached this period"), "count"),
        _c("gap", QT_TRANSLATE_NOOP("ReportTables", "Gap"), "count"),
    ],
}
TEAM_MEDIAN = QT_TRANSLATE_NOOP("ReportTables", "Team median")
ADVICE = {"merge": QT_TRANSLATE_NOOP("ReportTables", "merge with the next step"), "split": QT_TRANSLATE_NOOP("ReportTables", "split to find the bottleneck")}
TABLES_OF_TAB = {
    "monthly": ("stages", "lost_reasons", "sources", "cohorts", "revenue_by_month", "reps", "plan_decomposition"),
    "weekly": ("stages", "users", "lost_reasons"),
    "daily": ("users", "stages", "lost_reasons"),
}


def table_title(key: str) -> str:
    return QCoreApplication.translate("ReportTables", TABLE_TITLES.get(key, key))


def tab_of(bundle: dict[str, Any]) -> str:
    return TAB_OF_KIND.get(bundle["period"]["kind"], "monthly")


def metric_lines(bundle: dict[str, Any], language: str, tab: str | None = None) -> list[MetricLine]:
    """The catalogue metrics of ``tab`` (default: the period's own) with value, target, change."""
    from voronka.metrics.catalogue import CATALOGUE
    from voronka.metrics.judgement import judge

    tab = tab or tab_of(bundle)
    metrics = bundle.get("metrics", {})
    targets = bundle.get("targets", {})
    previous = (bundle.get("previous") or {}).get("metrics", {})
    currency = bundle.get("currency") or "RUB"
    lines = []
    for m in CATALOGUE:
        if tab not in m.reports:
            continue
        value, target = metrics.get(m.id), targets.get(m.id)
        prev = previous.get(m.id)
        verdict = judge(m.id, value, target, bundle.get("period"))
        lines.append(MetricLine(m.id, m.name(language), m.formula(language), m.kind, value, target,
                                m.target_text_in(language) if target is not None else "",
                                verdict.met, prev, change_of(value, prev, m.kind),
                                m.higher_is_better, verdict.in_progress, verdict.pace, verdict.pace_kind,
                                verdict.above_band,
                                target_value_text(m.id, target, m.kind, language, currency)))
    return lines


def progress_text(in_progress: bool, pace: float | None, pace_kind: str, language: str) -> str:
    """``идёт · темп 84 %`` for a metric whose period is still going on (else nothing)."""
    from voronka.metrics.formatting import percent

    if not in_progress:
        return ""
    word = QCoreApplication.translate("ReportJudgement", "in progress")
    if pace is None:
        return word
    shown = percent(pace, language, decimals=0, signed=pace_kind == "change")
    return f"{word} · " + QCoreApplication.translate("ReportJudgement", "pace %1").replace("%1", shown)


def status_text(line: MetricLine, language: str) -> str:
    """The judgement column: ``✔ met``, ``✖ missed``, ``↑ above the range`` (a band metric
    above its band), ``идёт · темп 84 %`` or nothing."""
    from voronka.metrics.formatting import target_mark

    if line.in_progress:
        return progress_text(True, line.pace, line.pace_kind, language)
    if line.above_band:
        return f"{target_mark(None, above_band=True)} {above_band_word()}"
    if line.met is None:
        return ""
    word = QCoreApplication.translate("ReportJudgement", "met") if line.met else \
        QCoreApplication.translate("ReportJudgement", "missed")
    return f"{target_mark(line.met)} {word}"


def stage_name(bundle: dict[str, Any], key: str, language: str) -> str:
    """A stage's name in ``language``: from the bundle's stage names, else the stage table's row."""
    names = (bundle.get("stage_names") or {}).get(key)
    if names and names.get(language):
        return names[language]
    for row in bundle.get("stages") or []:
        if row.get("key") == key:
            return row.get(f"name_{language}") or row.get("name_en") or key
    return key


def is_main_stage(bundle: dict[str, Any], row: dict[str, Any], last: bool) -> bool:
    """Whether a stage-table row is a main stage (a side stage has no conversion to the next;
    the bundle's ``stage_names`` say it outright when present)."""
    names = (bundle.get("stage_names") or {}).get(row.get("key"))
    if names is not None and "main" in names:
        return bool(names["main"])
    return last or row.get("conversion_next") is not None


def _flat_row(table: str, row: dict[str, Any], bundle: dict[str, Any], language: str) -> dict[str, Any]:
    out = dict(row)
    if table == "stages":
        out["stage"] = stage_name(bundle, row.get("key", ""), language)
        advice = row.get("advice")
        out["advice"] = QCoreApplication.translate("ReportTables", ADVICE[advice]) if advice in ADVICE else (advice or "")
    elif table in ("users", "reps"):
        out.update(row.get("actions_by_type") or {})
        role = row.get("role")
        out["role"] = role_name(role) if role else ""  # one word per role everywhere (views/roles.py)
        if table == "reps" and row.get("name") is None:  # the team median row
            out["name"] = QCoreApplication.translate("ReportTables", TEAM_MEDIAN)
    elif table == "plan_decomposition":
        out["stage"] = stage_name(bundle, row.get("stage", ""), language)
    elif table == "lost_reasons":
        parts = [f"{stage_name(bundle, k, language)}: {n}" for k, n in (row.get("by_stage") or {}).items() if n]
        out["by_stage"] = "; ".join(parts)
    return out


def table_columns(table: str, rows: list[dict[str, Any]]) -> list[ColumnDef]:
    """The known columns of ``table`` present in its rows, then any the app does not know."""
    known = TABLE_COLUMNS.get(table, [])
    present: set[str] = set().union(*(r.keys() for r in rows)) if rows else {c.key for c in known}
    columns = [c for c in known if c.key in present]
    hidden = {"key", "actions_by_type", "user_id", "stage_id", "lost_reason_id", "name_ru", "name_en"}
    known_keys = {c.key for c in known}
    for key in sorted(present - known_keys - hidden):
        sample = next((r[key] for r in rows if r.get(key) is not None), None)
        kind = "number" if isinstance(sample, (int, float)) and not isinstance(sample, bool) else "text"
        columns.append(ColumnDef(key, key, kind))
    return columns


def table(bundle: dict[str, Any], key: str, language: str) -> tuple[list[ColumnDef], list[dict[str, Any]]]:
    """Columns and flattened rows of one report table (stage names, roles, advice in words)."""
    rows = [_flat_row(key, r, bundle, language) for r in bundle.get(key) or []]
    return table_columns(key, rows), rows


def period_text(period: dict[str, Any], language: str = "ru") -> str:
    """The period as people say it: ``октябрь 2026``, ``неделя 49 · 30 нояб. – 6 дек.``."""
    return period_name(period, language)


def as_of_text(period: dict[str, Any], language: str = "ru") -> str:
    """The report's as-of moment: ``31 окт. 2026, 23:59``."""
    as_of = period.get("as_of")
    return moment_text(as_of, language) if as_of else ""
