"""One report tab (monthly, weekly or daily): the metric lines, the charts, the tables.

``show_bundle`` fills it from a report bundle; it is called twice per period — first
with the report alone (numbers, tables, the charts of this period), then with the
previous period and the trend history (change column, trend charts) — and again each
time a colleague's change is counted in.

The UI thread never does much in one go (a window that stops answering for a tenth of a
second feels stuck): each chart widget is made once, in a slice of its own, and later
drawings only refill it; one chart is drawn per event-loop turn and put on screen in the
next; a chart whose figures did not change is not drawn again; a refresh keeps the
tables' column widths, which are measured from the formatted texts only for a new period.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from voronka.views.exports.sections import TABLES_OF_TAB, metric_lines, table, table_title

from ..fitting import fit_header, header_pad, text_margin, title_room
from ..one_slice import one_slice_per_turn, run_as_slice
from ..plain_text import plain_label
from ..tables.record_model import RecordFilterProxy
from .charts import ChartSpec, ChartWidget, charts_for
from .models import METRIC_ROLE, MetricsModel, ReportTableModel, drillable

log = logging.getLogger(__name__)
HISTORY_CHARTS = ("conversions", "actions_by_day")
CHART_GAP_MS = 16
CHART_HEIGHT = 300
TABLES_DELAY_MS = 30  # the metrics' paint goes between them and the tables' filling
FIT_ROWS = 40  # a column is as wide as the widest of its first rows (and its title)
FIT_MAX = 360  # px: a longer text is elided (its tooltip holds it whole)


def same_report(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two bundles are the same report (pipeline, period, owner), perhaps counted at
    different moments: a refresh rather than another report."""
    if a is None or b is None:
        return False
    return (a.get("pipeline") == b.get("pipeline") and a.get("owner_id") == b.get("owner_id")
            and (a.get("period") or {}).get("label") == (b.get("period") or {}).get("label"))


def fit_columns(view: QTableView, rows: int = FIT_ROWS, titles: bool = True, least: int = 0,
                most: int = FIT_MAX) -> None:
    """Each column as wide as its title (unless ``titles`` is False: they wrap) and the texts
    of its first ``rows`` rows, within ``least``..``most`` px. Measures the formatted texts
    with the font's metrics: ``resizeColumnsToContents`` asks the model and the style for
    every role of every cell, a long slice of the UI thread on a big table."""
    model, header = view.model(), view.horizontalHeader()
    cells, heads = view.fontMetrics(), header.fontMetrics()
    pad = 2 * text_margin(view) + 8
    head_pad = header_pad(header)
    shown = min(rows, model.rowCount())
    fonts: dict[str, QFontMetrics] = {}  # a row in its own font (the team median's bold) is measured in it

    def advance(row: int, col: int) -> int:
        index = model.index(row, col)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = cells if not isinstance(font, QFont) else fonts.setdefault(font.key(), QFontMetrics(font))
        return metrics.horizontalAdvance(str(index.data() or ""))

    for col in range(model.columnCount()):
        if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Interactive or view.isColumnHidden(col):
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        widest = max((advance(row, col) for row in range(shown)), default=0) + pad
        # a title wraps onto more lines, but a word of it never breaks: its longest word fits
        words = title.split() if not titles else [title]
        widest = max([widest] + [heads.horizontalAdvance(w) + head_pad for w in words])
        header.resizeSection(col, min(most, max(least, widest)))


def fit_to_width(view: QTableView, text_columns: list[int], rows: int = 200) -> None:
    """The table fits its view's width without a sideways scroll bar where it can: when the
    columns as fitted need more room than there is (Russian, 1,280 px, a long name), the
    figures' columns give up their spare pixels, never so many that a figure or a word of a
    title is cut; then the ``text_columns`` (names, roles, advice) wrap onto more lines, as
    narrow as their longest word, and the rows grow to hold them. With room enough every row
    is one line again. A table of more figures than the width holds still scrolls."""
    model, header = view.model(), view.horizontalHeader()
    shown, count = range(min(rows, model.rowCount())), header.count()
    if not shown or count == 0:
        return
    row_height = view.verticalHeader().defaultSectionSize()
    plain = view.fontMetrics()
    fonts: dict[str, QFontMetrics] = {}
    margin = 2 * text_margin(view)
    tight = margin + 4  # what a cell keeps around its text, and a little air
    title_pad = header_pad(header)
    texts = [[str(model.index(row, col).data() or "") for col in range(count)] for row in shown]
    metrics = []
    for row in shown:  # a row in its own font (the team median's bold) is measured in it
        font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
        metrics.append(fonts.setdefault(font.key(), QFontMetrics(font)) if isinstance(font, QFont) else plain)
    least = {}
    for col in range(count):
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        pieces = [(row, word) for row in shown for word in texts[row][col].split()] if col in text_columns \
            else [(row, texts[row][col]) for row in shown]
        least[col] = max([metrics[row].horizontalAdvance(piece) + tight for row, piece in pieces]
                         + [header.fontMetrics().horizontalAdvance(word) + title_pad for word in title.split()])
    bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    for _ in range(2):  # taller rows may bring a vertical scroll bar, which takes width
        room = view.viewport().width()
        if not view.verticalScrollBar().isVisible() and view.verticalHeader().length() > view.viewport().height():
            room -= bar
        over = header.length() - room
        figures = [col for col in range(count) if col not in text_columns and not view.isColumnHidden(col)]
        words = [col for col in text_columns if not view.isColumnHidden(col)]
        widths = {col: view.columnWidth(col) for col in figures + words}
        for givers_of in (figures, words):  # the figures' spare pixels first, then the texts wrap
            while over > 0:  # a pixel at a time from each, evenly
                givers = [col for col in givers_of if widths[col] > least[col]]
                if not givers:
                    break
                for col in givers[:over]:
                    widths[col] -= 1
                    over -= 1
        for col, width in widths.items():
            if width != view.columnWidth(col):
                view.setColumnWidth(col, width)
        wrap = any(metrics[row].horizontalAdvance(texts[row][col]) + margin > view.columnWidth(col)
                   for col in text_columns for row in shown)
        view.setWordWrap(wrap)
        for row in range(model.rowCount()):
            height = max(row_height, view.sizeHintForRow(row) + 6) if wrap else row_height
            if view.rowHeight(row) != height:
                view.setRowHeight(row, height)


def report_table_view(parent: QWidget) -> QTableView:
    """A read-only, sortable table of whole rows (the report's tables, the drill-down list)."""
    view = QTableView(parent)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # fitting columns measures the first rows only: a long cohort or people table must not
    # hold the UI thread for every one of its cells on each period switch
    view.horizontalHeader().setResizeContentsPrecision(40)
    view.setWordWrap(False)
    fit_header(view)  # titles wrap onto more lines, never cut
    return view


def wrap_metric_names(view: QTableView, column: int = 0, also: tuple[int, ...] = ()) -> None:
    """Long metric names ("Количество подписанных сделок накопленным итогом") wrap onto a
    second line of their row instead of being cut: a row is as tall as its name needs at the
    name column's width (and the ``also`` columns' texts at theirs), re-measured after the data
    or the column width changes."""
    view.setWordWrap(True)
    refit = QTimer(view, singleShot=True, interval=0)
    refit.timeout.connect(lambda: _fit_rows_to_names(view, (column, *also)))
    view.horizontalHeader().sectionResized.connect(lambda *_a: refit.start())
    model = view.model()  # set before: the rows follow its data
    for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted):
        signal.connect(lambda *_a: refit.start())


def _fit_rows_to_names(view: QTableView, columns: tuple[int, ...]) -> None:
    model, rows = view.model(), view.verticalHeader()
    margin = 2 * text_margin(view)
    widths = {column: max(1, view.columnWidth(column) - margin) for column in columns}
    metrics = view.fontMetrics()
    one_line = rows.defaultSectionSize()
    for row in range(model.rowCount()):
        lines = max(metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap),
                                         str(model.index(row, column).data() or "")).height()
                    for column, width in widths.items())
        view.setRowHeight(row, max(one_line, lines + 6))


NAMES_ROOM = 200  # px the metric names keep before the verdicts wrap


def narrow_verdicts(view: QTableView, column: int, names: int = 0) -> None:
    """When the value columns leave the metric names (the stretching ``names`` column) less than
    ``NAMES_ROOM``, the verdict column («идёт · темп +219 %») becomes as wide as its widest part,
    not its whole text: a long verdict wraps at its « · » onto a second line, so at 1,280 px the
    names keep the room they need (the row grows; ``wrap_metric_names(also=...)`` measures it)."""
    header = view.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != names and not view.isColumnHidden(c))
    if view.viewport().width() - others >= NAMES_ROOM:
        return
    model, metrics = view.model(), view.fontMetrics()
    pad = 2 * text_margin(view) + 8
    parts = [part for row in range(model.rowCount())
             for part in str(model.index(row, column).data() or "").replace(" · ", " ·\n").splitlines()]
    widest = max((metrics.horizontalAdvance(part) for part in parts), default=0) + pad
    if widest < header.sectionSize(column):
        header.resizeSection(column, max(widest, header.fontMetrics().horizontalAdvance(
            max(str(model.headerData(column, Qt.Orientation.Horizontal) or "").split() or [""], key=len)) + 12))


class ReportTab(QWidget):
    drill_requested = Signal(str)  # metric id
    funnel_change_requested = Signal(str, str)  # stage key, merge_previous / merge_next / split
    drawn = Signal()  # every queued chart is on screen: the UI thread is free again

    def __init__(self, tab: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tab = tab
        self.language = language
        self.bundle: dict[str, Any] | None = None
        self.metrics = MetricsModel(language, self)
        self.metrics_proxy = RecordFilterProxy(self)
        self.metrics_proxy.setSourceModel(self.metrics)
        self.metrics_view = report_table_view(self)
        self.metrics_view.setModel(self.metrics_proxy)
        self.metrics_view.setSortingEnabled(False)  # the catalogue order is the spreadsheet's order
        self.metrics_view.doubleClicked.connect(self._on_double_click)
        header = self.metrics_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the value columns are fitted to their texts when the numbers change (``fit_columns``):
        # ResizeToContents asked every cell's size hint, every role, on each change
        wrap_metric_names(self.metrics_view, also=(MetricsModel.STATUS,))
        self.chart_specs: list[ChartSpec] = charts_for(tab)
        self.charts: dict[str, QWidget] = {}
        self._chart_box = QWidget(self)
        self._chart_layout = QVBoxLayout(self._chart_box)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        for spec in self.chart_specs:
            holder = QLabel(self.tr("Counting…"), self._chart_box)
            holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            holder.setMinimumHeight(CHART_HEIGHT)
            self.charts[spec.id] = holder
            self._chart_layout.addWidget(holder)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self._chart_box)
        self.tables = QTabWidget(self)
        self.table_models: dict[str, ReportTableModel] = {}
        self.table_views: dict[str, QTableView] = {}
        for key in TABLES_OF_TAB[tab]:
            model = ReportTableModel(language, self)
            proxy = RecordFilterProxy(self)
            proxy.setSourceModel(model)
            view = report_table_view(self.tables)
            view.setModel(proxy)
            self.table_models[key] = model
            self.table_views[key] = view
            self.tables.addTab(view, table_title(key))
        self._unfitted: set[str] = set()
        self.tables.currentChanged.connect(lambda _index: self._fit_shown_table())
        stages_view = self.table_views.get("stages")
        if stages_view is not None:  # acting on the advice: the funnel editor with the change prepared
            stages_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            stages_view.customContextMenuRequested.connect(self._stage_menu)
            stages_view.doubleClicked.connect(self._on_stage_double_click)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.metrics_view)
        top.addWidget(chart_scroll)
        top.setStretchFactor(0, 5)
        top.setStretchFactor(1, 6)
        top.setSizes([780, 480])  # the metric names need room in Russian too (charts scroll)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(self.tables)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self._chart_queue: list[ChartSpec] = []
        self._blanks: dict[str, ChartWidget] = {}  # made, not on screen (a placeholder holds its place)
        self._drawn: dict[str, tuple] = {}  # chart id -> the inputs its picture shows
        # a gap between charts lets input and paint events in: making or filling one pyqtgraph
        # chart takes 15-40 ms, and back-to-back builds stalled the window for 100 ms and more
        self._installing = 0  # charts drawn and waiting for their own slice to go on screen
        self._was_shown = False
        self._paused = False  # hidden after being shown: no chart is built until shown again
        self._tables_new = False  # the tables wait for another report's rows: fit their columns
        self._tables_waiting = False  # the rows came while the tab was hidden: filled when shown
        self._tables_timer = QTimer(self, singleShot=True, interval=TABLES_DELAY_MS)
        self._tables_timer.timeout.connect(self._fill_tables)
        self._chart_timer = QTimer(self, singleShot=True, interval=CHART_GAP_MS)
        self._chart_timer.timeout.connect(self._build_next_chart)

    # --- filling ------------------------------------------------------------------------
    def show_bundle(self, bundle: dict[str, Any]) -> None:
        """Show a report bundle; without ``previous``/``history`` the trend parts wait (a
        refresh of the same report keeps the trend charts it has until the new ones come)."""
        complete = "previous" in bundle
        same = same_report(self.bundle, bundle)
        self.bundle = bundle
        currency = bundle.get("currency") or "RUB"
        self.metrics.currency = currency
        self.metrics.set_lines(metric_lines(bundle, self.language, self.tab), previous_known=complete)
        fit_columns(self.metrics_view, rows=200)  # every line: a value wider than the rest may be last
        narrow_verdicts(self.metrics_view, MetricsModel.STATUS)
        # the tables under the metrics are filled in a slice of their own (TABLES_DELAY_MS later):
        # the metrics, their paint and the tables were one 60 ms stall at 100,000 deals
        self._tables_new = self._tables_new or not same
        self._tables_timer.start()
        queue = []
        for spec in self.chart_specs:
            if spec.id in HISTORY_CHARTS and not complete:
                if not same:  # another report's trend must not stay on screen
                    self._placeholder(spec.id, self.tr("Counting the last periods…"))
                continue
            if self._drawn.get(spec.id) != spec.inputs(bundle):
                queue.append(spec)
        self._chart_queue = queue  # what an older bundle left to draw is out of date
        if not self._chart_timer.isActive():
            self._chart_timer.start()

    @one_slice_per_turn(timer="_tables_timer")
    def _fill_tables(self) -> None:
        """Put the shown bundle's tables in their models (``show_bundle`` asked, a slice earlier)."""
        bundle = self.bundle
        if bundle is None:
            return
        if self._paused:  # another page is on screen: filled when this tab is shown again
            self._tables_waiting = True
            return
        self._tables_waiting = False
        currency = bundle.get("currency") or "RUB"
        for key, model in self.table_models.items():
            model.currency = currency
            model.set_table(*table(bundle, key, self.language))
        if self._tables_new:
            # fitting a table's columns measures its texts: only the table on screen now, the
            # others when their tab is opened; a refresh keeps the widths (the user's too)
            self._tables_new = False
            self._unfitted = set(self.table_views)
            self._fit_shown_table()

    def _fit_shown_table(self) -> None:
        for key, view in self.table_views.items():
            if view is self.tables.currentWidget() and key in self._unfitted:
                self._unfitted.discard(key)
                fit_columns(view, titles=False)  # long titles wrap instead of widening their column
                title_room(view)

    def _placeholder(self, chart_id: str, text: str) -> None:
        """Put a text in the chart's place (the chart, if drawn, is kept aside to draw again)."""
        self._drawn.pop(chart_id, None)
        old = self.charts[chart_id]
        if isinstance(old, QLabel):
            old.setText(text)
            return
        label = plain_label(text, self._chart_box)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumHeight(CHART_HEIGHT)
        self._chart_layout.replaceWidget(old, label)
        old.hide()
        self.charts[chart_id] = label
        if isinstance(old, ChartWidget):
            self._blanks[chart_id] = old
        else:
            old.setParent(None)
            old.deleteLater()

    def _replace(self, chart_id: str, widget: QWidget) -> None:
        old = self.charts[chart_id]
        self._chart_layout.replaceWidget(old, widget)
        old.setParent(None)
        old.deleteLater()
        self.charts[chart_id] = widget

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._was_shown, self._paused = True, False
        if self._tables_waiting and not self._tables_timer.isActive():
            self._tables_timer.start()
        if self._chart_queue and not self._chart_timer.isActive():
            self._chart_timer.start()  # the charts left to draw when the user went elsewhere

    def hideEvent(self, event) -> None:
        self._paused = self._was_shown  # shown once, now another tab or page is: charts wait
        super().hideEvent(event)

    def _chart(self, chart_id: str) -> ChartWidget | None:
        shown = self.charts[chart_id]
        return shown if isinstance(shown, ChartWidget) else self._blanks.get(chart_id)

    @one_slice_per_turn(timer="_chart_timer")
    def _build_next_chart(self) -> None:
        """One slice of drawing: make the next chart's widget, or draw the next chart."""
        if self._paused and self._chart_queue:
            return  # drawn when this tab is on screen again (showEvent)
        # (no chart is made ahead while the first report is counted: the count holds the
        # interpreter most of the time, and a slice of the UI thread then takes several times longer)
        if not self._chart_queue or self.bundle is None:
            if self._tables_timer.isActive():
                self._chart_timer.start()  # "drawn" once the tables are filled too
                return
            self.drawn.emit()
            return
        spec = self._chart_queue[0]
        chart = self._chart(spec.id)
        if chart is None:
            self._make_blank(spec)  # a slice of its own: drawn into at the next turn
            self._chart_timer.start()
            return
        self._chart_queue.pop(0)
        bundle = self.bundle
        try:
            made = spec.build(bundle, self.language, chart)
            if made is not chart:  # the builder needed a chart of another shape: it takes the old one's place
                self._discard(spec.id)
                made.setParent(self._chart_box)
                made.hide()
                made.setMinimumHeight(CHART_HEIGHT)
                self._blanks[spec.id] = chart = made
            chart.finish()
        except Exception as exc:  # a chart that cannot be drawn says so in its place; the log keeps why
            log.exception("Chart %s failed", spec.id)
            self._placeholder(spec.id, self.tr("This chart could not be drawn: %1").replace("%1", str(exc)))
            self._discard(spec.id)  # half drawn: never drawn into again
            self._chart_timer.start()
            return
        self._drawn[spec.id] = spec.inputs(bundle)
        if chart is self.charts[spec.id]:
            self._chart_timer.start()  # on screen already: repainted with the next paint
            return
        # Drawn now, put on screen (layout and first paint) in a slice of its own, so input
        # and paint get in between the two halves of the work.
        self._installing += 1
        QTimer.singleShot(0, self, lambda: run_as_slice(self, lambda: self._install(spec.id, chart)))

    def _discard(self, chart_id: str) -> None:
        """Delete the chart kept aside for ``chart_id`` (one on screen is first put aside)."""
        if isinstance(self.charts[chart_id], ChartWidget):
            self._placeholder(chart_id, "")
        chart = self._blanks.pop(chart_id, None)
        if chart is not None:
            chart.setParent(None)
            chart.deleteLater()

    def _make_blank(self, spec: ChartSpec) -> None:
        chart = spec.blank(self.language, self._chart_box)
        chart.hide()
        chart.setMinimumHeight(CHART_HEIGHT)
        self._blanks[spec.id] = chart

    def _install(self, chart_id: str, chart: ChartWidget) -> None:
        self._installing -= 1
        if self._blanks.get(chart_id) is chart and chart_id in self._drawn:  # still what is to be shown
            del self._blanks[chart_id]
            self._replace(chart_id, chart)
            chart.show()
        self._chart_timer.start()  # the next chart, or "drawn" once the queue is empty

    def drawing(self) -> bool:
        return (bool(self._chart_queue) or self._chart_timer.isActive() or self._installing > 0
                or self._tables_timer.isActive() or self._tables_waiting)

    def charts_ready(self) -> bool:
        return not self._chart_queue and all(isinstance(w, ChartWidget) for w in self.charts.values())

    # --- reading ------------------------------------------------------------------------
    def shown_value(self, metric_id: str) -> str | None:
        """The text the metrics table shows for ``metric_id`` (None if not on this tab)."""
        for row in range(self.metrics.rowCount()):
            if self.metrics.line(row).id == metric_id:
                return self.metrics.data(self.metrics.index(row, MetricsModel.VALUE))
        return None

    def _on_double_click(self, index: QModelIndex) -> None:
        source = self.metrics_proxy.mapToSource(index)
        line = self.metrics.line(source.row())
        if drillable(line.id) and line.value is not None:
            self.drill_requested.emit(line.id)

    # --- acting on the stage table's advice -------------------------------------------------
    def stage_row_at(self, index: QModelIndex) -> dict[str, Any] | None:
        """The report's row of the stage at ``index`` of the stages table (None: no row)."""
        view = self.table_views.get("stages")
        if view is None or not index.isValid():
            return None
        source = view.model().mapToSource(index)
        key = self.table_models["stages"].rows[source.row()].get("key")
        return next((r for r in (self.bundle or {}).get("stages") or [] if r.get("key") == key), None)

    def stage_actions(self) -> dict[str, str]:
        return {"merge_previous": self.tr("Merge into the previous stage…"),
                "merge_next": self.tr("Merge into the next stage…"),
                "split": self.tr("Split this stage…")}

    def _stage_menu(self, pos) -> None:
        view = self.table_views["stages"]
        row = self.stage_row_at(view.indexAt(pos))
        if row is None:
            return
        menu = QMenu(view)
        advised = {"merge": "merge_next", "split": "split"}.get(row.get("advice") or "")
        for action, text in self.stage_actions().items():
            item = menu.addAction(text)
            item.triggered.connect(lambda _checked=False, a=action: self.funnel_change_requested.emit(row["key"], a))
            if action == advised:
                menu.setDefaultAction(item)
        menu.popup(view.viewport().mapToGlobal(pos))

    def _on_stage_double_click(self, index: QModelIndex) -> None:
        row = self.stage_row_at(index)
        advised = {"merge": "merge_next", "split": "split"}.get((row or {}).get("advice") or "")
        if row is not None and advised:
            self.funnel_change_requested.emit(row["key"], advised)

    def metric_id_at(self, row: int) -> str:
        return self.metrics_proxy.index(row, 0).data(METRIC_ROLE)
