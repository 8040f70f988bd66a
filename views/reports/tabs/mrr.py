"""The MRR tab: recurring revenue from the Client Success pipelines.

Left, the eight recurring figures of the period (MRR, new and churned MRR, active
clients, client churn, ARPA, lifetime, CLV; formula and target in each tooltip) and the
month table; right, MRR month by month and its movement (new up, churned down, net as a
line), both with the legend under the plot so it never hides a bar. The months are the
bundle's ``mrr_by_month`` (``metrics.recurring.mrr_by_month``): the 12 calendar months
ending with the report's as-of month, the team's whatever the owner filter.
"""
from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from ...exports.sections import ColumnDef
from voronka.metrics.formatting import month_short, value_text
from voronka.metrics.recurring import RECURRING_IDS

from ..charts import ChartWidget, chart_for, _bars, _line, _money_unit, text_colour
from ...theme import colour
from ..models import MetricsModel, ReportTableModel
from ..chart_slices import SlicedCharts
from ..tab import fit_columns, report_table_view, same_report, wrap_metric_names
from ...fitting import title_room
from .base import SecondEditionTab, note, wrap_header



def series_colours() -> dict[str, QColor]:
    """The theme's colours of the MRR series: the accent for MRR and new MRR, muted grey for
    churned MRR (a loss to read, not a mark to act on: red stays for what needs action) and
    the text colour for the net line, so both themes draw them readable."""
    churned = colour("muted")
    churned.setAlpha(140)  # lighter than the net line drawn across it
    return {"level": colour("accent"), "new": colour("accent"), "churned": churned, "net": colour("chart_text")}

MONTH_COLUMNS = [
    ColumnDef("month", QT_TRANSLATE_NOOP("ReportTables", "Month"), "period"),  # "ноябрь 2026", not "2026-11"
    ColumnDef("mrr", QT_TRANSLATE_NOOP("ReportTables", "MRR at the month's end"), "money"),
    ColumnDef("mrr_new", QT_TRANSLATE_NOOP("ReportTables", "New MRR"), "money"),
    ColumnDef("mrr_churned", QT_TRANSLATE_NOOP("ReportTables", "Churned MRR"), "money"),
    ColumnDef("net", QT_TRANSLATE_NOOP("ReportTables", "Net new MRR"), "money"),
]


def legend_below(chart: ChartWidget, columns: int = 3) -> pg.LegendItem:
    """A legend in its own row under the plot (outside it): named items added later join it."""
    return chart.legend(columns)


def _month_labels(rows: list[dict[str, Any]], language: str) -> list[str]:
    """Short month names (the report's other month axes say them the same way)."""
    return [month_short(str(r.get("month", "")), language) for r in rows]


def mrr_level_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """MRR at the end of each of the 12 months."""
    unit = _money_unit(bundle)
    chart = chart_for(chart, QCoreApplication.translate("MrrTab", "MRR by month"), "money", language)
    legend_below(chart)
    rows = bundle.get("mrr_by_month") or []
    values = [r.get("mrr") for r in rows]
    currency = bundle.get("currency")
    _line(chart, list(range(len(rows))), values, series_colours()["level"], QCoreApplication.translate("MrrTab", "MRR at the month's end"),
          [f"{r.get('month')}: {value_text(v, 'money', language, currency)}" for r, v in zip(rows, values)])
    chart.set_categories("bottom", _month_labels(rows, language), thin=True)
    chart.set_axis_label("left", unit)
    top = max([float(v or 0) for v in values] + [1.0])
    chart.setYRange(0, top * 1.15, padding=0)
    return chart


def mrr_movement_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """New MRR up, churned MRR down and the net change as a line, month by month."""
    unit = _money_unit(bundle)
    chart = chart_for(chart, QCoreApplication.translate("MrrTab", "MRR movement: new, churned, net"), "money", language)
    legend_below(chart)
    rows = bundle.get("mrr_by_month") or []
    xs = list(range(len(rows)))
    money = lambda v: value_text(v, "money", language, bundle.get("currency"))  # noqa: E731
    new = [float(r.get("mrr_new") or 0) for r in rows]
    churned = [-float(r.get("mrr_churned") or 0) for r in rows]
    net = [r.get("net") for r in rows]
    new_name = QCoreApplication.translate("MrrTab", "New")
    churned_name = QCoreApplication.translate("MrrTab", "Churned")
    colours = series_colours()
    _bars(chart, xs, new, 0.6, colours["new"], [f"{r.get('month')} · {new_name}: {money(v)}" for r, v in zip(rows, new)],
          name=new_name)
    _bars(chart, xs, churned, 0.6, colours["churned"],
          [f"{r.get('month')} · {churned_name}: {money(-v)}" for r, v in zip(rows, churned)], name=churned_name)
    _line(chart, xs, net, colours["net"], QCoreApplication.translate("MrrTab", "Net"), [money(v) for v in net])
    chart.pooled("zero", None, lambda: pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(text_colour(), width=1)),
                 lambda _line: None)
    chart.set_categories("bottom", _month_labels(rows, language), thin=True)
    chart.set_axis_label("left", unit)
    high = max(new + [0.0]) or 1.0
    low = min(churned + [0.0])
    chart.setYRange(low * 1.15 if low else -high * 0.1, high * 1.15, padding=0)
    return chart


class MrrTab(SecondEditionTab):
    tab = "mrr"

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(language, parent)
        self.metrics = MetricsModel(language, self)
        self.metrics_view = report_table_view(self)
        self.metrics_view.setModel(self.metrics)
        self.metrics_view.setSortingEnabled(False)
        header = self.metrics_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the value columns are fitted to their texts when the numbers change (``fit_columns``):
        # ResizeToContents asked every cell's size hint, every role, on each change
        for col in (MetricsModel.TARGET, MetricsModel.STATUS):  # no recurring figure has a target
            self.metrics_view.setColumnHidden(col, True)
        wrap_metric_names(self.metrics_view)
        self.months = ReportTableModel(language, self)
        self.months_view = report_table_view(self)
        self.months_view.setModel(self.months)
        self.months_view.setSortingEnabled(False)
        wrap_header(self.months_view)
        self.empty = note(self)
        self.empty.setText(self.tr("The team has no Client Success pipeline, so there is no recurring revenue to "
                                   "show. MRR, churn and CLV are read from the deals of a Client Success pipeline "
                                   "(won deals can be copied there from the board)."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.charts: dict[str, QWidget] = {}
        self._chart_box = QWidget(self)
        self._chart_layout = QVBoxLayout(self._chart_box)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        for key in ("mrr_level", "mrr_movement"):
            holder = QLabel(self.tr("Counting…"), self._chart_box)
            holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.charts[key] = holder
            self._chart_layout.addWidget(holder, 1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.metrics_view)
        left.addWidget(self.months_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self._chart_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([620, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self._split = split
        self._slices = SlicedCharts(self, language, self._place)
        self._slices.drawn.connect(self.drawn)

    def show_bundle(self, bundle: dict[str, Any]) -> None:
        complete = "previous" in bundle
        fresh = not same_report(self.bundle, bundle)
        self.bundle = bundle
        self.metrics.currency = self.months.currency = bundle.get("currency") or "RUB"
        self.metrics.set_lines(self.lines(bundle, RECURRING_IDS), previous_known=complete)
        fit_columns(self.metrics_view, rows=200)  # every line: a value wider than the rest may be last
        rows = bundle.get("mrr_by_month") or []
        has_clients = bool(rows) or bundle.get("metrics", {}).get("mrr") is not None
        self.empty.setVisible(not has_clients)
        self._split.setVisible(has_clients)
        if not has_clients:
            return
        self.months.set_table(MONTH_COLUMNS, list(reversed(rows)))  # the latest month first
        if fresh:  # a refresh keeps the widths
            fit_columns(self.months_view, titles=False)
            title_room(self.months_view)  # "Чистый прирост MRR" on two lines, whole
        inputs = (bundle.get("currency"), rows)
        for key, build in (("mrr_level", mrr_level_chart), ("mrr_movement", mrr_movement_chart)):
            self._slices.draw(key, build, bundle, inputs)

    def _place(self, key: str, chart: ChartWidget) -> None:
        old = self.charts[key]
        self._chart_layout.replaceWidget(old, chart)
        old.setParent(None)
        old.deleteLater()
        self.charts[key] = chart

    def drawing(self) -> bool:
        return self._slices.busy()

    def shown_value(self, metric_id: str) -> str | None:
        for row in range(self.metrics.rowCount()):
            if self.metrics.line(row).id == metric_id:
                return self.metrics.data(self.metrics.index(row, MetricsModel.VALUE))
        return None
