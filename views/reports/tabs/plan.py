"""The Plan tab: the period's plan read backwards through the funnel (``plan_decomposition``)
drawn next to what really happened, and what is still to do per working day.

The chart puts two bars on each main stage from Work started to Signed: the deals the plan
needs there this period and the deals that really got there. The table adds the gap, what
is still needed and how much of it falls on each working day left (``metrics.plan_today``).
Above them, one sentence each: the plan, the wins it needs, and the sales actions a day it
asks of each SDR against what they do now. A stage behind the plan is the only red.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QSplitter, QVBoxLayout, QWidget

from ...exports.sections import TABLE_COLUMNS, ColumnDef, stage_name
from ...exports.values import format_value, is_missing
from voronka.metrics.formatting import period_name, value_text
from voronka.metrics.periods import parse_period
from voronka.metrics.plan_today import plan_today, working_days_left

from ..charts import ChartWidget, chart_for, series, _bars
from ..models import ReportTableModel
from ..chart_slices import SlicedCharts
from ..tab import fit_columns, report_table_view, same_report, wrap_metric_names
from .base import SecondEditionTab, needs_action, needs_action_text, heading, note, wrap_header
from .mrr import legend_below

NEEDED, ACTUAL = 1, 0  # the chart's series (the theme's orange and blue: ``charts.series``)
STAGE_MIN = 170  # px the stage column keeps when the splitter narrows the table (longer names wrap)
PLAN_COLUMNS = list(TABLE_COLUMNS["plan_decomposition"]) + [
    ColumnDef("still_needed", QT_TRANSLATE_NOOP("ReportTables", "Still needed"), "count"),
    ColumnDef("per_day", QT_TRANSLATE_NOOP("ReportTables", "Per working day left"), "number"),
]


def plan_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Needed and actual deals at each main stage, first stage on top."""
    chart = chart_for(chart, QCoreApplication.translate("PlanTab", "The plan through the funnel and the real funnel"),
                        "count", language, horizontal=True)
    legend_below(chart, columns=2)
    rows = list(reversed(bundle.get("plan_decomposition") or []))
    names = [stage_name(bundle, str(r.get("stage")), language) for r in rows]
    ys = list(range(len(rows)))
    needed = [float(r.get("needed") or 0) for r in rows]
    actual = [float(r.get("actual") or 0) for r in rows]
    count = lambda v: format_value(v, "count", language)  # noqa: E731
    needed_name = QCoreApplication.translate("PlanTab", "Needed by the plan")
    actual_name = QCoreApplication.translate("PlanTab", "Reached")
    _bars(chart, [y + 0.19 for y in ys], needed, 0.36, series(NEEDED),
          [f"{n} · {needed_name}: {count(r.get('needed'))}" for n, r in zip(names, rows)], name=needed_name,
          horizontal=True)
    _bars(chart, [y - 0.19 for y in ys], actual, 0.36, series(ACTUAL),
          [f"{n} · {actual_name}: {count(r.get('actual'))}" for n, r in zip(names, rows)], name=actual_name,
          horizontal=True)
    chart.set_categories("left", names)
    chart.setXRange(0, (max(needed + actual, default=0) or 1) * 1.1, padding=0)
    chart.set_axis_label("bottom", QCoreApplication.translate("PlanTab", "deals this period"))
    return chart


class PlanModel(ReportTableModel):
    """The decomposition rows; a stage behind the plan gets the page's one red."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            row, key = self.rows[index.row()], self.columns[index.column()].key
            if key == "gap" and not is_missing(row.get("gap")) and row["gap"] < 0:
                return QBrush(needs_action() if role == Qt.ItemDataRole.BackgroundRole else needs_action_text())
            return None
        return super().data(index, role)


class PlanTab(SecondEditionTab):
    tab = "plan"

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(language, parent)
        self.title = heading("", self)
        self.summary = note(self)
        self.summary.setStyleSheet("")
        self.model = PlanModel(language, self)
        self.view = report_table_view(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # funnel order
        wrap_header(self.view)
        wrap_metric_names(self.view)  # a long stage name wraps onto a second line, never "…"
        self.chart: QWidget = note(self)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.view)
        self.split.addWidget(self.chart)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([660, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.split, 1)
        self._slices = SlicedCharts(self, language, self._place)
        self._slices.drawn.connect(self.drawn)

    def rows(self, bundle: dict[str, Any]) -> list[dict[str, Any]]:
        """The decomposition with what is still to do from the report's moment (stage names in words)."""
        period = parse_period(bundle["period"]["label"])
        as_of = datetime.fromisoformat(bundle["period"]["as_of"])
        rows = plan_today(bundle.get("plan_decomposition") or [], period, as_of)
        return [{**r, "stage": stage_name(bundle, str(r.get("stage")), self.language)} for r in rows]

    def show_bundle(self, bundle: dict[str, Any]) -> None:
        fresh = not same_report(self.bundle, bundle)
        self.bundle = bundle
        self.title.setText(self.tr("The plan for %1, read backwards through the funnel")
                           .replace("%1", period_name(parse_period(bundle["period"]["label"]), self.language)))
        self.summary.setText(self.sentences(bundle))
        self.model.set_table(PLAN_COLUMNS, self.rows(bundle))  # the same columns keep their widths
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if fresh:
            # the titles wrap, the values set the width; the stage column (stretched) takes the
            # rest of the table and a long name wraps in its row ("Целевой контакт ответил положительно")
            fit_columns(self.view, titles=False, least=76, most=230)
            header = self.view.horizontalHeader()
            for col in range(1, self.model.columnCount()):
                header.resizeSection(col, min(header.sectionSize(col) + 4, 110))
            figures = sum(header.sectionSize(col) for col in range(1, self.model.columnCount()))
            self.view.setMinimumWidth(figures + STAGE_MIN + 2 * self.view.frameWidth()
                                      + self.view.verticalScrollBar().sizeHint().width())  # the splitter keeps it
        inputs = (bundle.get("plan_decomposition"), bundle.get("stage_names") or bundle.get("stages"))
        self._slices.draw("plan", plan_chart, bundle, inputs, horizontal=True)

    def _place(self, _key: str, chart: ChartWidget) -> None:
        self.split.replaceWidget(1, chart)
        self.chart.setParent(None)
        self.chart.deleteLater()
        self.chart = chart

    def drawing(self) -> bool:
        return self._slices.busy()

    def sentences(self, bundle: dict[str, Any]) -> str:
        lang, m = self.language, bundle.get("metrics", {})
        period = parse_period(bundle["period"]["label"])
        days = working_days_left(period, datetime.fromisoformat(bundle["period"]["as_of"]))
        plan = m.get("plan_period")
        if is_missing(plan) or not plan:
            return self.tr("There is no plan for %1: set one in Settings → Plans.").replace(
                "%1", period_name(period, lang))
        rows = bundle.get("plan_decomposition") or []
        won = next((r for r in rows[-1:]), {})
        first = next((r for r in rows[:1]), {})
        money = value_text(plan, "money", lang, bundle.get("currency"))
        parts = []
        if is_missing(won.get("needed")):
            parts.append(self.tr("Plan %1. There are no deals won in the last 365 days to tell how many wins it "
                                 "takes.").replace("%1", money))
        else:
            parts.append(self.tr("Plan %1: at the average deal of the last 365 days that is %2 deals won.")
                         .replace("%1", money).replace("%2", format_value(won.get("needed"), "count", lang)))
            if is_missing(first.get("needed")):
                parts.append(self.tr("This year's conversions cannot yet be read back to Work started."))
            else:
                parts.append(self.tr("Read back through this year's conversions, %1 deals must be taken into work.")
                             .replace("%1", format_value(first.get("needed"), "count", lang)))
        asked, done = m.get("needed_actions_per_day_sdr"), m.get("actions_per_day_sdr")
        if not is_missing(asked):
            parts.append(self.tr("Each SDR: %1 sales actions a working day (now %2).")
                         .replace("%1", format_value(asked, "number", lang))
                         .replace("%2", format_value(done, "number", lang)))
        parts.append(self.tr("%n working day(s) left.", "", days) if days else self.tr("The period is over."))
        return " ".join(parts)
