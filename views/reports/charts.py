"""The report's charts (pyqtgraph), drawn from a report bundle (``metrics.report_bundle``).

Every chart has axes with units, a legend where it draws more than one series, and hover
values (``ChartWidget`` finds the bar or point under the mouse). The legend sits in a row
of its own under the plot, never over a bar or a line; a title wider than the chart wraps;
charts whose categories have long names (stages, people) lay their bars horizontally, so
the names are read whole on the left axis. The same builders make
the PNG and PDF exports, so paper and screen show the same picture. Nothing here computes
a metric: the charts draw the engine's numbers; the only arithmetic is for drawing
(running totals of last year's revenue, month-over-month change of the revenue column).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip, QWidget

from voronka.views.exports.sections import is_main_stage, stage_name
from voronka.metrics.formatting import count as count_text, currency_sign, is_missing, month_short, period_name, short_period_name, value_text

from ..plain_text import as_rich_text, escape


def series(n: int) -> QColor:
    """The ``n``-th chart series' colour (from 0) in the current theme: the colours are the
    theme's (``views/theme.py``: series_1 … series_8), so a chart reads in the dark theme too."""
    from ..theme import series_colour

    return series_colour(n)


def _with_alpha(name: str, alpha: int) -> QColor:
    from ..theme import colour

    c = colour(name)
    c.setAlpha(alpha)
    return c


def text_colour() -> QColor:
    """Axis and label text in the current theme (views/theme.py)."""
    from ..theme import colour

    return colour("chart_text")

GRID_ALPHA = 0.25
LEGEND_ROW = 4  # PlotItem's grid: title 0, top axis 1, plot 2, bottom axis 3 — the legend under them
LEGEND_LINE = 22  # px a line of legend entries takes
TITLE_ROW = 30  # px of pyqtgraph's title row (one line)
TITLE_MARGIN = 8  # px kept around a title wrapped onto two lines
PLOT_MARGINS = (6.0, 2.0, 6.0, 2.0)  # px around a chart's title, axes and legend (left, top, right, bottom)



class ValueAxis(pg.AxisItem):
    """Tick labels as the report writes values (thin-space thousands, % for ratios)."""

    def __init__(self, kind: str, language: str, **kw: Any):
        super().__init__(orientation=kw.pop("orientation", "left"), **kw)
        self.kind, self.language = kind, language
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        # money ticks are bare numbers: the axis title carries the currency sign
        kind = "count" if self.kind == "money" else self.kind
        return [value_text(v, kind, self.language) for v in values]


    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph's names)
        """Counts tick at whole numbers only (no "0 0 1 1" on a small range)."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.kind != "count":
            return levels
        whole, seen = [], set()
        for spacing, offset in levels:
            spacing = max(1.0, float(round(spacing)))
            if spacing not in seen:
                seen.add(spacing)
                whole.append((spacing, offset))
        return whole


class CategoryAxis(pg.AxisItem):
    """A category axis whose bottom labels are fitted to their slot (re-fitted on every
    resize), so long names never run into each other: a time axis (months, weeks, days)
    shows every second or third label whole; other names are elided (the hover text of
    the bar says them whole)."""

    _labels: tuple[str, ...] = ()  # class defaults: Qt resizes the item inside __init__
    _shown: list[str] | None = None
    _thin = False

    def set_labels(self, labels: list[str], thin: bool = False) -> None:
        self._labels, self._shown, self._thin = tuple(labels), None, thin
        self._fit()

    def resizeEvent(self, event=None) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        labels = list(self._labels)
        ticks = list(enumerate(labels))
        if self.orientation == "bottom" and labels and self.geometry().width() > 0:
            slot = max(24, int(self.geometry().width() / len(labels)) - 8)
            metrics = QFontMetrics(self.style.get("tickFont") or self.font())
            widest = max(metrics.horizontalAdvance(text) for text in labels)
            step = next((k for k in (1, 2, 3, 4, 6) if widest <= slot * k + 8 * (k - 1)), None)
            if self._thin and step is not None:
                ticks = [(i, text) for i, text in ticks if i % step == 0]
            else:
                ticks = [(i, metrics.elidedText(text, Qt.TextElideMode.ElideRight, slot)) for i, text in ticks]
        if ticks != self._shown:
            self._shown = ticks
            self.setTicks([ticks])


class ChartWidget(pg.PlotWidget):
    """A white plot with hover values: bars (rectangles) and points register a text."""

    def __init__(self, title: str, y_kind: str, language: str, parent: QWidget | None = None,
                 horizontal: bool = False):
        axis = ValueAxis(y_kind, language, orientation="bottom" if horizontal else "left")
        axes = ({"bottom": axis, "left": CategoryAxis("left")} if horizontal
                else {"left": axis, "bottom": CategoryAxis("bottom")})
        from ..theme import colour

        self._plot_min_height, self._legend_extra = 0, 0  # before super(): pyqtgraph resizes while building
        # no context menu (``enableMenu``): the view box's menu is a dozen widgets a chart never shows
        super().__init__(parent, background=colour("chart"), axisItems=axes, enableMenu=False)
        self.title = title
        self.language = language
        self.horizontal = horizontal
        self._keep_room = None  # the view box's resize slot of ``keep_room_right``
        # the items drawn, by (kind, name, ordinal): a new drawing updates them in place
        # (``pooled``) instead of making new ones, and ``finish`` removes those not drawn again
        self._pool: dict[tuple, Any] = {}
        self._used: dict[tuple, Any] | None = None  # the drawing under way's items, in order (a reused chart)
        self._ordinals: dict[tuple, int] = {}
        self._bars: list[tuple[QRectF, str]] = []
        self._points: list[tuple[float, float, str]] = []
        item = self.getPlotItem()
        item.setTitle(escape(title), color=text_colour().name(), size="11pt")  # pyqtgraph labels are HTML
        # the title spans the axis column too, so a long title and long category labels
        # (Russian stage names) do not add up to a plot wider than its pane
        item.layout.removeItem(item.titleLabel)
        item.layout.addItem(item.titleLabel, 0, 0, 1, item.layout.columnCount())
        for name in ("left", "bottom"):
            ax = item.getAxis(name)
            ax.setPen(pg.mkPen(text_colour()))
            ax.setTextPen(pg.mkPen(text_colour()))
        item.showGrid(x=horizontal, y=not horizontal, alpha=GRID_ALPHA)
        item.setMenuEnabled(False)
        item.getViewBox().setMouseEnabled(False, False)
        self.setMinimumHeight(220)
        self.scene().sigMouseMoved.connect(self._hover)

    def legend(self, columns: int = 3) -> pg.LegendItem:
        """The chart's legend, in its own row under the plot (outside the data area, so it
        never covers a bar or a line); named items added later join it. ``columns`` is the
        most it uses: a narrow chart stacks the entries in fewer columns."""
        item = self.getPlotItem()
        if item.legend is None:
            legend = pg.LegendItem(colCount=columns, labelTextColor=text_colour(), horSpacing=8)
            item.layout.addItem(legend, LEGEND_ROW, 0, 1, item.layout.columnCount())
            item.layout.setAlignment(legend, Qt.AlignmentFlag.AlignHCenter)
            item.legend = legend  # PlotItem.addItem puts every named item into ``item.legend``
            self._legend_columns = columns
        return item.legend

    def keep_room_right(self, top: float, pixels: int) -> None:
        """Let the horizontal value axis run from 0 to ``top`` and leave ``pixels`` free on the
        right of the longest bar (for the value written beside it), whatever the chart's width."""
        vb = self.getPlotItem().getViewBox()

        def fit() -> None:
            width = vb.width()
            if width > 40:  # a narrow plot keeps a fifth for the bars, the labels the rest
                vb.setXRange(0, top * width / max(width - pixels, width / 5), padding=0)

        self._forget_room()
        vb.sigResized.connect(fit)
        self._keep_room = fit
        vb.setXRange(0, top * 1.35, padding=0)

    def _forget_room(self) -> None:
        if self._keep_room is not None:
            self.getPlotItem().getViewBox().sigResized.disconnect(self._keep_room)
            self._keep_room = None

    def reset(self, title: str, y_kind: str) -> None:
        """Start another drawing of the same kind of chart (``chart_for``) in this widget: the
        items drawn before are updated in place by the builder's ``pooled`` calls and those not
        drawn again go at ``finish``; the hover texts and fixed ranges go now. The widget, its
        axes and its place on screen stay: making a plot widget and its items costs far more
        than giving them new data."""
        item = self.getPlotItem()
        self._forget_room()
        pooled = {id(x) for x in self._pool.values()}
        for other in [x for x in item.items if id(x) not in pooled]:
            item.removeItem(other)  # added without ``pooled``: drawn anew each time
        self._used, self._ordinals = {}, {}
        self._bars.clear()
        self._points.clear()
        axis = item.getAxis("bottom" if self.horizontal else "left")
        if isinstance(axis, ValueAxis) and axis.kind != y_kind:
            axis.kind = y_kind
            axis.picture = None
        if title != self.title:
            self.title = title
            item.setTitle(escape(title), color=text_colour().name(), size="11pt")
        item.getViewBox().enableAutoRange()

    def pooled(self, kind: str, name: str | None, make: Callable[[], Any], update: Callable[[Any], None]) -> Any:
        """The drawing's next item of ``kind`` and ``name``: the one drawn in that place last
        time, given its new data by ``update``, or a new one from ``make`` (added to the plot;
        a named one joins the legend)."""
        ordinal = self._ordinals.get((kind, name), 0)
        self._ordinals[(kind, name)] = ordinal + 1
        key = (kind, name, ordinal)
        item = self._pool.get(key)
        if item is None:
            item = self._pool[key] = make()
            self.addItem(item)
        else:
            update(item)
        if self._used is not None:
            self._used[key] = item
        return item

    def finish(self) -> None:
        """End a drawing: the items of the last one not drawn again go; the title and the
        legend are fitted to the width again."""
        if self._used is not None:
            for key in [k for k in self._pool if k not in self._used]:
                self.removeItem(self._pool.pop(key))
            legend = self.getPlotItem().legend
            named = [item for item in self._used.values() if getattr(item, "name", lambda: None)()]
            if legend is not None and [sample.item for sample, _label in legend.items] != named:
                legend.clear()  # the entries in the order of this drawing, as a new chart has them
                for item in named:
                    legend.addItem(item, item.name())
            self._used = None
        self._wrap_title(self.width())
        self._fit_legend(self.width())

    def resizeEvent(self, event=None) -> None:  # noqa: N802 (Qt's name; pyqtgraph calls it with None)
        self._wrap_title(self.width())
        self._fit_legend(self.width())
        super().resizeEvent(event)

    def _wrap_title(self, width: int) -> None:
        """A title wider than the chart wraps onto a second line instead of widening the plot."""
        item = self.getPlotItem()
        if item is None:  # pyqtgraph resizes the widget before the plot exists
            return
        title = item.titleLabel
        text = title.item
        text.setTextWidth(-1)
        if width > 40 and text.boundingRect().width() > width - 16:
            text.setTextWidth(width - 16)
            option = text.document().defaultTextOption()
            option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            text.document().setDefaultTextOption(option)
        title.updateMin()
        # pyqtgraph keeps the title's row 30 px high: a second line stuck out over the chart's
        # top edge (the funnel's title touched the frame). The row grows to the text, with a margin.
        row = max(TITLE_ROW, int(text.boundingRect().height()) + TITLE_MARGIN)
        if title.maximumHeight() != row:
            title.setMaximumHeight(row)
            item.layout.setRowFixedHeight(0, row)
        title.resizeEvent(None)

    def _fit_legend(self, width: int) -> None:
        """As many legend columns as the width holds whole (at most the chart's own number)."""
        item = self.getPlotItem()
        legend = item.legend if item is not None else None
        if legend is None or not legend.items or width <= 40:
            return
        entry = max(sample.boundingRect().width() + label.itemRect().width() + 16
                    for sample, label in legend.items)
        columns = max(1, min(getattr(self, "_legend_columns", 3), len(legend.items), int((width - 16) // entry)))
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
        rows = -(-len(legend.items) // columns)
        extra = max(0, rows - 1) * LEGEND_LINE  # the plot keeps its height however many lines the legend has
        if extra != self._legend_extra:
            self._legend_extra = extra
            super().setMinimumHeight(self._plot_min_height + extra)

    def setMinimumHeight(self, height: int) -> None:  # noqa: N802 (Qt's name)
        """The chart's minimum height with a one-line legend; more legend lines add to it."""
        self._plot_min_height = height
        super().setMinimumHeight(height + self._legend_extra)

    def add_bar(self, rect: QRectF, text: str) -> None:
        self._bars.append((rect.normalized(), text))

    def add_point(self, x: float, y: float, text: str) -> None:
        self._points.append((x, y, text))

    def hover_text(self, x: float, y: float) -> str | None:
        """The text of the bar at data point (x, y), else of the nearest point within 12 px."""
        for rect, text in self._bars:
            if rect.contains(QPointF(x, y)):
                return text
        vb = self.getPlotItem().getViewBox()
        here = vb.mapViewToScene(QPointF(x, y))
        best, best_d = None, 12.0
        for px, py, text in self._points:
            p = vb.mapViewToScene(QPointF(px, py))
            d = ((p.x() - here.x()) ** 2 + (p.y() - here.y()) ** 2) ** 0.5
            if d < best_d:
                best, best_d = text, d
        return best

    def _hover(self, scene_pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return
        point = vb.mapSceneToView(scene_pos)
        text = self.hover_text(point.x(), point.y())
        if text:
            QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos).toPoint()), as_rich_text(text), self)
        else:
            QToolTip.hideText()

    def set_categories(self, axis: str, labels: list[str], thin: bool = False) -> None:
        """Name the categories on ``axis``; ``thin`` (months, weeks, days) lets a narrow chart
        label every second or third one whole instead of eliding them all."""
        item = self.getPlotItem().getAxis(axis)
        if isinstance(item, CategoryAxis):
            item.set_labels(labels, thin)
        else:
            item.setTicks([list(enumerate(labels))])

    def set_axis_label(self, axis: str, text: str) -> None:
        self.getPlotItem().setLabel(axis, escape(text), color=text_colour().name())


def chart_for(chart: "ChartWidget | None", title: str, y_kind: str, language: str,
              horizontal: bool = False) -> ChartWidget:
    """``chart`` emptied for a new drawing (``ChartWidget.reset``), or a new chart if there is
    none or it lies the other way (a horizontal chart has its axes the other way round)."""
    if chart is None or chart.horizontal != horizontal or chart.language != language:
        chart = ChartWidget(title, y_kind, language, horizontal=horizontal)
    else:
        chart.reset(title, y_kind)
    layout = chart.getPlotItem().layout
    if layout.getContentsMargins() != PLOT_MARGINS:  # stage names on the left axis kept off the frame
        layout.setContentsMargins(*PLOT_MARGINS)
    return chart


def _money_unit(bundle: dict[str, Any]) -> str:
    return currency_sign(bundle.get("currency"))


def _bars(chart: ChartWidget, xs: list[float], heights: list[float], width: float, colour: QColor,
          texts: list[str], name: str | None = None, horizontal: bool = False, base: list[float] | None = None) -> None:
    base = base or [0.0] * len(xs)
    name = escape(name) if name else name  # a legend entry is HTML: a person or reason is shown as typed
    if horizontal:
        opts = dict(x0=base, y=xs, width=heights, height=width, brush=colour, pen=pg.mkPen(None))
    else:
        opts = dict(x=xs, y0=base, height=heights, width=width, brush=colour, pen=pg.mkPen(None))
    if name:
        chart.legend()  # a named item joins the legend when added
    chart.pooled("hbars" if horizontal else "bars", name, lambda: pg.BarGraphItem(name=name, **opts),
                 lambda item: item.setOpts(**opts))
    for x, h, b, text in zip(xs, heights, base, texts):
        rect = QRectF(b, x - width / 2, h, width) if horizontal else QRectF(x - width / 2, b, width, h)
        chart.add_bar(rect, text)


def _line(chart: ChartWidget, xs: list[float], ys: list[float | None], colour: QColor, name: str,
          texts: list[str], dash: bool = False) -> None:
    if all(is_missing(y) for y in ys):
        return  # nothing to draw (and pyqtgraph cannot bound an all-empty series)
    pen = pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine)
    chart.legend()
    ys_plot = [float("nan") if is_missing(y) else float(y) for y in ys]
    style = dict(pen=pen, symbol="o", symbolSize=5, symbolBrush=colour, symbolPen=None, connect="finite")
    chart.pooled("line", escape(name), lambda: pg.PlotDataItem(xs, ys_plot, name=escape(name), **style),
                 lambda item: item.setData(xs, ys_plot, **style))
    for x, y, text in zip(xs, ys, texts):
        if not is_missing(y):
            chart.add_point(x, float(y), f"{name}: {text}")


def _target_line(chart: ChartWidget, value: float, text: str, colour: QColor | None = None,
                 horizontal: bool = False) -> None:
    if colour is None:
        from ..theme import colour as theme_colour

        colour = theme_colour("chart_target")
    # a vertical line's label hangs left of the line from the top, inside the plot
    anchors = [(1, 0), (1, 0)] if horizontal else [(1, 1), (1, 1)]
    pen = pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine)

    def update(line: pg.InfiniteLine) -> None:
        line.setValue(value)
        line.setPen(pen)

    chart.pooled("target", text, lambda: pg.InfiniteLine(
        pos=value, angle=90 if horizontal else 0, pen=pen, label=text,
        labelOpts={"color": colour, "position": 0.98 if horizontal else 0.95, "anchors": anchors}), update)


class ValueLabels(pg.GraphicsObject):
    """Texts beside data points (a bar's value), all drawn by one item at the font's size
    whatever the zoom: a ``pg.TextItem`` each took ~1.5 ms to make, a dozen of them a long
    slice of the UI thread. A label starts ``GAP`` px right of its point, centred on it
    vertically; the labels never widen the view's range (``dataBounds``)."""

    GAP = 4

    def __init__(self) -> None:
        super().__init__()
        self._labels: list[tuple[float, float, str]] = []
        self._colour = text_colour()  # the theme's when made (a paper chart's stays light)

    def set_labels(self, labels: list[tuple[float, float, str]]) -> None:
        self.prepareGeometryChange()
        self._labels = list(labels)
        self.update()

    def labels(self) -> list[tuple[float, float, str]]:
        return list(self._labels)

    def width_of(self, text: str) -> int:
        """The pixels a label takes beside its point."""
        return QFontMetrics(self._font()).horizontalAdvance(text) + 2 * self.GAP

    def _font(self) -> QFont:
        view = self.getViewWidget()
        return view.font() if view is not None else QFont()

    def dataBounds(self, axis, frac=1.0, orthoRange=None):  # noqa: N802,N803 (pyqtgraph's names)
        return None, None

    def viewRangeChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        self.prepareGeometryChange()  # the labels keep their pixel size: their data box changed

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        box = self.getViewBox()
        return box.viewRect() if box is not None else QRectF()

    def paint(self, painter, *_args) -> None:
        if not self._labels:
            return
        to_pixels = painter.transform()
        font = self._font()
        painter.save()
        painter.resetTransform()
        painter.setFont(font)
        painter.setPen(self._colour)
        metrics = QFontMetrics(font)
        middle = (metrics.ascent() - metrics.descent()) / 2
        for x, y, text in self._labels:
            at = to_pixels.map(QPointF(x, y))
            painter.drawText(QPointF(at.x() + self.GAP, at.y() + middle), text)
        painter.restore()


def _labels(chart: ChartWidget, labels: list[tuple[float, float, str]]) -> ValueLabels:
    """The chart's value labels: (x, y, text) each, drawn beside the point."""
    return chart.pooled("labels", None, lambda: _new_labels(labels), lambda item: item.set_labels(labels))


def _new_labels(labels: list[tuple[float, float, str]]) -> ValueLabels:
    item = ValueLabels()
    item.set_labels(labels)
    return item


# --- the charts -------------------------------------------------------------------------------
def funnel_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Deals reaching each main stage in the period; the percentage beside a bar is on the same
    basis (the next main stage's reaches in the period ÷ this stage's), and the tooltip adds
    the year-to-date cohort conversion to the next stage (the stage table's column)."""
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Funnel: deals reaching each main stage"), "count", language, horizontal=True)
    stages = bundle.get("stages", [])
    rows = [r for i, r in enumerate(stages) if is_main_stage(bundle, r, i == len(stages) - 1)]
    counts_in_order = [float(r.get("reached_count") or 0) for r in rows]
    period_next = [counts_in_order[i + 1] / counts_in_order[i] if i + 1 < len(rows) and counts_in_order[i] else None
                   for i in range(len(rows))]
    rows, period_next = list(reversed(rows)), list(reversed(period_next))  # first stage on top
    labels = [stage_name(bundle, r["key"], language) for r in rows]
    counts = [float(r.get("reached_count") or 0) for r in rows]
    texts = []
    for r, label, share in zip(rows, labels, period_next):
        conv = r.get("conversion_next")
        text = f"{label}: {value_text(r.get('reached_count'), 'count', language)}"
        if share is not None:
            text += " · " + QCoreApplication.translate("ReportCharts", "next stage this period: %1").replace("%1", value_text(share, "ratio", language))
        if not is_missing(conv):
            text += " · " + QCoreApplication.translate("ReportCharts", "year-to-date cohort conversion to next: %1").replace("%1", value_text(conv, "ratio", language))
        texts.append(text)
    _bars(chart, list(range(len(rows))), counts, 0.7, series(0), texts, horizontal=True)
    top = max(counts, default=0) or 1
    values = []
    for i, (count, share) in enumerate(zip(counts, period_next)):
        label = value_text(count, "count", language)
        if share is not None:
            label += "  → " + value_text(share, "ratio", language)
        values.append((count, i, label))
    beside = _labels(chart, values)
    widest = max((beside.width_of(text) for _x, _y, text in values), default=0)
    chart.set_categories("left", labels)
    chart.keep_room_right(top, widest + 6)  # the value beside the longest bar is read whole
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "deals"))
    return chart


def revenue_cumulative_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Revenue so far this year against the plan and against last year, month by month."""
    unit = _money_unit(bundle)
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Revenue, cumulative: fact, plan, last year"), "money", language)
    rows = bundle.get("revenue_by_month") or []
    xs = list(range(len(rows)))
    fact = [r.get("revenue_ytd") for r in rows]
    plan = [r.get("plan_ytd") for r in rows]
    last, running = [], 0.0
    for r in rows:
        running += float(r.get("revenue_prev_year") or 0)
        last.append(running)
    chart.legend()
    fmt = lambda vals: [value_text(v, "money", language, bundle.get("currency")) for v in vals]  # noqa: E731
    _line(chart, xs, fact, series(0), QCoreApplication.translate("ReportCharts", "Fact"), fmt(fact))
    _line(chart, xs, plan, series(3), QCoreApplication.translate("ReportCharts", "Plan"), fmt(plan), dash=True)
    _line(chart, xs, last, series(5), QCoreApplication.translate("ReportCharts", "Last year"), fmt(last))
    chart.set_categories("bottom", [month_short(str(r.get("month", "")), language) for r in rows], thin=True)
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "month"))
    chart.set_axis_label("left", unit)
    return chart


def revenue_growth_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Revenue of each month and its change against the month before (target +6 %)."""
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Revenue growth by month"), "ratio", language)
    rows = bundle.get("revenue_by_month") or []
    growth: list[float | None] = []
    before = rows[-1].get("revenue_prev_year") if rows else None  # December of last year
    for r in rows:
        rev = r.get("revenue")
        growth.append(None if is_missing(rev) or is_missing(before) or not before else rev / before - 1)
        before = rev
    xs = [i for i, g in enumerate(growth) if g is not None]
    ups = [(i, g) for i, g in zip(range(len(growth)), growth) if g is not None and g >= 0]
    downs = [(i, g) for i, g in zip(range(len(growth)), growth) if g is not None and g < 0]
    text = lambda i, g: f"{period_name(str(rows[i].get('month')), language)}: {value_text(g, 'ratio', language)} · " + \
        value_text(rows[i].get("revenue"), "money", language, bundle.get("currency"))  # noqa: E731
    chart.legend()
    if ups:
        _bars(chart, [i for i, _ in ups], [g for _, g in ups], 0.6, series(2), [text(i, g) for i, g in ups],
              name=QCoreApplication.translate("ReportCharts", "Growth"))
    if downs:
        _bars(chart, [i for i, _ in downs], [g for _, g in downs], 0.6, series(3), [text(i, g) for i, g in downs],
              name=QCoreApplication.translate("ReportCharts", "Decline"))
    _target_line(chart, 0.06, QCoreApplication.translate("ReportCharts", "target +6 %"))
    chart.set_categories("bottom", [month_short(str(r.get("month", "")), language) for r in rows], thin=True)
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "month"))
    # axis titles are short enough to stand whole beside a 300-px chart (tests/test_chart_legends.py)
    chart.set_axis_label("left", QCoreApplication.translate("ReportCharts", "vs the month before"))
    if not xs:
        chart.setYRange(-0.1, 0.1)
    return chart


CONVERSIONS = ("conv_reply", "conv_positive", "conv_demo", "conv_client")


def conversions_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """The year's cohort conversions as of the end of each of the last weeks."""
    from voronka.metrics.catalogue import by_id

    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Conversions, last weeks"), "ratio", language)
    history = bundle.get("history") or []
    xs = list(range(len(history)))
    chart.legend()
    for n, mid in enumerate(CONVERSIONS):
        ys = [h["metrics"].get(mid) for h in history]
        _line(chart, xs, ys, series(n), by_id(mid).name(language), [value_text(y, "ratio", language) for y in ys])
    chart.set_categories("bottom", [short_period_name(h["label"], language) for h in history], thin=True)
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "week"))
    chart.set_axis_label("left", QCoreApplication.translate("ReportCharts", "of deals started this year"))
    return chart


def actions_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Sales actions per working day of each person against the targets (SDR 30, AE 15);
    one bar per person, first person on top, the names whole on the left axis."""
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Sales actions per person per day"), "number", language,
                        horizontal=True)
    people = [u for u in bundle.get("users", []) if u.get("role") in ("sdr", "ae", "lead_generator", "csm")
              or (u.get("sales_actions") or 0) > 0]
    people = list(reversed(people))  # the bottom row is drawn first
    chart.legend()
    for role, colour, name in (("sdr", series(0), QCoreApplication.translate("ReportCharts", "SDR")), ("ae", series(1), QCoreApplication.translate("ReportCharts", "AE")), (None, series(5), QCoreApplication.translate("ReportCharts", "others"))):
        idx = [i for i, u in enumerate(people) if (u.get("role") == role if role else u.get("role") not in ("sdr", "ae"))]
        if not idx:
            continue
        values = [float(people[i].get("actions_per_day") or 0) for i in idx]
        texts = [f"{people[i].get('name')}: {value_text(people[i].get('actions_per_day'), 'number', language)}"
                 for i in idx]
        _bars(chart, idx, values, 0.6, colour, texts, name=name, horizontal=True)
    _target_line(chart, 30, QCoreApplication.translate("ReportCharts", "SDR target 30"), series(0), horizontal=True)
    _target_line(chart, 15, QCoreApplication.translate("ReportCharts", "AE target 15"), series(1), horizontal=True)
    chart.set_categories("left", [str(u.get("name")) for u in people])
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "actions per working day"))
    top = max([float(u.get("actions_per_day") or 0) for u in people] + [30.0])
    chart.setXRange(0, top * 1.15, padding=0)
    return chart


def actions_by_day_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Each person's sales actions on each of the last days (comparing people and days)."""
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Sales actions by day and person"), "count", language)
    history = bundle.get("history") or []
    names = []
    for h in history:
        for u in h.get("users", []):
            if u.get("name") not in names and (u.get("sales_actions") or 0) > 0:
                names.append(u.get("name"))
    xs = list(range(len(history)))
    chart.legend()
    for n, name in enumerate(names):
        ys = [next((u.get("sales_actions") for u in h.get("users", []) if u.get("name") == name), None) for h in history]
        _line(chart, xs, ys, series(n), str(name), [value_text(y, "count", language) for y in ys])
    _target_line(chart, 30, QCoreApplication.translate("ReportCharts", "SDR target 30"), series(0))
    _target_line(chart, 15, QCoreApplication.translate("ReportCharts", "AE target 15"), series(1))
    chart.set_categories("bottom", [short_period_name(h["label"], language) for h in history], thin=True)
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "day"))
    chart.set_axis_label("left", QCoreApplication.translate("ReportCharts", "sales actions"))
    return chart


def lost_reasons_chart(bundle: dict[str, Any], language: str, chart: ChartWidget | None = None) -> ChartWidget:
    """Deals lost in the period by the stage they were lost at, stacked by reason; one bar per
    stage, first stage on top, the stage names whole on the left axis."""
    chart = chart_for(chart, QCoreApplication.translate("ReportCharts", "Lost reasons by stage"), "count", language,
                        horizontal=True)
    reasons = sorted(bundle.get("lost_reasons") or [], key=lambda r: -(r.get("count") or 0))
    order = [s.get("key") for s in bundle.get("stages", [])]
    stage_keys = [k for k in order if any((r.get("by_stage") or {}).get(k) for r in reasons)]
    if not stage_keys:
        stage_keys = sorted({k for r in reasons for k in (r.get("by_stage") or {})})
    stage_keys = list(reversed(stage_keys))  # the bottom row is drawn first
    shown, rest = reasons[:6], reasons[6:]
    stacks = [(str(r.get("reason")), r.get("by_stage") or {}) for r in shown]
    if rest:
        merged: dict[str, int] = {}
        for r in rest:
            for k, n in (r.get("by_stage") or {}).items():
                merged[k] = merged.get(k, 0) + n
        stacks.append((QCoreApplication.translate("ReportCharts", "other reasons"), merged))
    base = [0.0] * len(stage_keys)
    ys = list(range(len(stage_keys)))
    chart.legend(columns=2)
    for n, (reason, by_stage) in enumerate(stacks):
        widths = [float(by_stage.get(k, 0)) for k in stage_keys]
        texts = [f"{stage_name(bundle, k, language)} · {reason}: {int(w)}" for k, w in zip(stage_keys, widths)]
        label = reason if len(reason) <= 48 else reason[:46] + "…"
        _bars(chart, ys, widths, 0.6, series(n), texts, name=label, base=list(base), horizontal=True)
        base = [b + w for b, w in zip(base, widths)]
    chart.set_categories("left", [stage_name(bundle, k, language) for k in stage_keys])
    chart.set_axis_label("bottom", QCoreApplication.translate("ReportCharts", "deals lost"))
    chart.setXRange(0, (max(base, default=0) or 1) * 1.1, padding=0)
    return chart


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title: str  # source text, context "ReportCharts"
    build: Callable[..., ChartWidget]  # (bundle, language, chart=None): draws into ``chart`` when given
    tabs: tuple[str, ...]
    reads: tuple[str, ...] = ()  # the bundle's keys the drawing depends on
    horizontal: bool = False  # the bars lie (category names on the left axis)

    def title_text(self) -> str:
        return QCoreApplication.translate("ReportCharts", self.title)

    def inputs(self, bundle: dict[str, Any]) -> tuple:
        """What of ``bundle`` this chart draws: the same inputs draw the same picture."""
        return tuple(bundle.get(key) for key in ("currency", *self.reads))

    def blank(self, language: str, parent: QWidget | None = None) -> ChartWidget:
        """An empty chart of this kind, to draw into later (``build(bundle, language, chart)``)."""
        chart = ChartWidget("", "count", language, parent, horizontal=self.horizontal)
        return chart


_STAGES = ("stages", "stage_names")
CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("funnel", QT_TRANSLATE_NOOP("ReportCharts", "Funnel"), funnel_chart, ("monthly", "weekly"),
              _STAGES, horizontal=True),
    ChartSpec("revenue_cumulative", QT_TRANSLATE_NOOP("ReportCharts", "Cumulative revenue vs plan vs last year"),
              revenue_cumulative_chart, ("monthly",), ("revenue_by_month",)),
    ChartSpec("revenue_growth", QT_TRANSLATE_NOOP("ReportCharts", "Revenue growth by month"),
              revenue_growth_chart, ("monthly",), ("revenue_by_month",)),
    ChartSpec("conversions", QT_TRANSLATE_NOOP("ReportCharts", "Conversions over the last 12 weeks"),
              conversions_chart, ("weekly",), ("history",)),
    ChartSpec("actions", QT_TRANSLATE_NOOP("ReportCharts", "Sales actions per person per day"),
              actions_chart, ("weekly", "daily"), ("users",), horizontal=True),
    ChartSpec("actions_by_day", QT_TRANSLATE_NOOP("ReportCharts", "Sales actions by day and person"),
              actions_by_day_chart, ("daily",), ("history",)),
    ChartSpec("lost_reasons", QT_TRANSLATE_NOOP("ReportCharts", "Lost reasons by stage"),
              lost_reasons_chart, ("monthly", "weekly", "daily"), ("lost_reasons", *_STAGES), horizontal=True),
)


def charts_for(tab: str) -> list[ChartSpec]:
    return [c for c in CHARTS if tab in c.tabs]


def chart_spec(chart_id: str) -> ChartSpec:
    for c in CHARTS:
        if c.id == chart_id:
            return c
    raise KeyError(chart_id)
