"""The report view: Monthly, Weekly and Daily tabs like the team's old spreadsheets.

A month is read on the Monthly tab, a week on the Weekly, a day on the Daily; switching
tab keeps the date and changes the period's kind. The period picker (previous / next /
this period / type a label), the as-of moment, the pipeline and the owner choose what
is computed. Every number comes from the metrics engine, off the UI thread:

1. the frames are loaded once and cached (``FramesCache``; dropped when a ``Changes``
   touches deals, activities, plans, users or the funnel);
2. the period's report is computed and shown (the numbers, tables and its charts);
3. then the previous period and the trend (last 12 weeks / 7 days) are computed and the
   change column and trend charts fill in. Switching again cancels step 3.

Only the latest request is computed: clicking "next" five times computes the last one.
Exports (XLSX, PDF, CSV, JSON, PNG of a chart) write the report shown and keep it as a
snapshot; a reopened snapshot is exported again without making another snapshot.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from voronka.desktop.exports.bundle import add_context, main_report
from voronka.desktop.exports.sections import KIND_OF_TAB, TAB_OF_KIND, as_of_text, period_text
from voronka.metrics.periods import Period, parse_period, period_of
from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.errors import VoronkaError
from voronka.models.orm import User
from voronka.models.queries.team import team_members
from voronka.models.services.snapshots import save_snapshot, snapshot_report

from ..app_context import AppContext
from ..errors import describe, show_error
from ..executor import Job
from ..plain_text import plain_label
from ..worker import Task, start_task
from .background import run_in_background
from .charts import charts_for
from .drilldown import DrilldownDialog
from .frames_cache import FramesCache
from .snapshots_panel import SnapshotsPanel
from .tab import ReportTab

log = logging.getLogger(__name__)
KEEP_RESULTS = 24  # reports kept in memory, so going back and forth is instant
FORMATS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "json": "JSON (*.json)",
           "png": "PNG (*.png)"}
Key = tuple[int, str, str, datetime | None, int | None]


def _running(task: Task | Job | None) -> bool:
    return task is not None and task.running


class _StatusCorner(QWidget):
    """The busy bar and the status line beside the tabs. Its size is fixed, so a new message
    or the busy bar appearing never asks the tab widget (and the report in it) to re-lay
    out: Qt does not pass a fixed-size widget's geometry changes up to its parent."""

    WIDTH = 380

    def __init__(self, busy: QWidget, status: QLabel, parent: QWidget):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 4, 0)
        row.addWidget(status, 1)
        row.addWidget(busy)
        height = max(status.sizeHint().height(), busy.sizeHint().height())
        self.setFixedSize(self.WIDTH, height)


class ReportsPage(QWidget):
    shown = Signal(object)  # the bundle just put on screen (first the report, then with its context)
    exported = Signal(str, str)  # format, path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cache = FramesCache.of(ctx)
        self.period: Period = period_of("month", local_now())
        self.as_of: datetime | None = None
        self.owner_id: int | None = None
        self.pipeline_key = "sales"
        self.snapshot: dict[str, Any] | None = None
        self.results: OrderedDict[Key, dict[str, Any]] = OrderedDict()
        self._main_task: Job | None = None
        self._context_task: Job | None = None
        self._export_task: Task | None = None
        self._wanted = False
        self._dirty = False
        self.last_dialog: QWidget | None = None
        self._build_toolbar()
        self.tabs = QTabWidget(self)
        self.report_tabs: dict[str, ReportTab] = {}
        titles = {"monthly": self.tr("Monthly"), "weekly": self.tr("Weekly"), "daily": self.tr("Daily")}
        for tab in ("monthly", "weekly", "daily"):
            widget = ReportTab(tab, ctx.language, self.tabs)
            widget.drill_requested.connect(self.drill)
            self.report_tabs[tab] = widget
            self.tabs.addTab(widget, titles[tab])
        self.tabs.currentChanged.connect(self._on_tab)
        self.tabs.setCornerWidget(self.status_corner, Qt.Corner.TopRightCorner)
        self.tabs.setCornerWidget(self.kind_box, Qt.Corner.TopLeftCorner)  # the toolbar has no room left
        self.snapshots = SnapshotsPanel(ctx, self)
        self.snapshots.open_requested.connect(self.open_snapshot)
        self.snapshots.hide()
        self.banner = plain_label(parent=self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4d6; border: 1px solid #e0c36a; padding: 6px;")
        self.banner.hide()
        self.back_button = QPushButton(self.tr("Back to the live report"), self)
        self.back_button.clicked.connect(self.close_snapshot)
        self.back_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.back_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tabs)
        split.addWidget(self.snapshots)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addLayout(banner_row)
        layout.addWidget(split, 1)
        self._as_of_timer = QTimer(self, singleShot=True, interval=500)
        self._as_of_timer.timeout.connect(self._on_as_of)
        self._stale_timer = QTimer(self, singleShot=True, interval=400)
        self._stale_timer.timeout.connect(self.refresh)
        self.cache.invalidated.connect(self._on_invalidated)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # --- toolbar -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.prev_button.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        self.next_button.clicked.connect(lambda: self.set_period(self.period.next()))
        self.period_edit = QLineEdit(self)
        self.period_edit.setFixedWidth(96)
        self.period_edit.setToolTip(self.tr("Type a month (2026-10), an ISO week (2026-W43), a day (2026-10-21), "
                                            "a quarter (2026-Q3) or a year (2026), then Enter"))
        self.period_edit.returnPressed.connect(self._on_period_typed)
        self.period_dates = plain_label(parent=self)
        # the Monthly tab also reads quarters and years: this box picks which
        self.kind_box = QComboBox(self)
        for kind, title in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year"))):
            self.kind_box.addItem(title, kind)
        self.kind_box.setToolTip(self.tr("Read a month, a quarter or a year"))
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.today_button = QPushButton(self.tr("This period"), self)
        self.today_button.clicked.connect(lambda: self.set_period(period_of(self.period.kind, local_now())))
        self.now_box = QCheckBox(self.tr("as of now"), self)
        self.now_box.setChecked(True)
        self.now_box.setToolTip(self.tr("Untick to see the report as it stood at a past moment"))
        self.now_box.toggled.connect(self._on_now_toggled)
        self.as_of_edit = QDateTimeEdit(self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd.MM.yy HH:mm")
        self.as_of_edit.setDateTime(QDateTime(local_now()))
        self.as_of_edit.setEnabled(False)
        self.as_of_edit.dateTimeChanged.connect(lambda _dt: self._as_of_timer.start())
        self.pipeline_box = QComboBox(self)
        self._fill_pipelines()
        self.pipeline_box.currentIndexChanged.connect(self._on_pipeline)
        self.owner_box = QComboBox(self)
        for box in (self.pipeline_box, self.owner_box):  # a long name must not widen the window
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self._fill_owners()
        self.owner_box.currentIndexChanged.connect(self._on_owner)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(QMenu(self.export_button))
        self.export_button.menu().aboutToShow.connect(self._fill_export_menu)
        self.snapshots_button = QPushButton(self.tr("Snapshots"), self)
        self.snapshots_button.setCheckable(True)
        self.snapshots_button.toggled.connect(lambda on: self.snapshots.setVisible(on))
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(80)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = plain_label(parent=self)
        self.status.setStyleSheet("color: palette(mid);")
        # The status text changes on every step; a label sized by its text would re-lay out the
        # whole page each time (a 100 ms stall on a full report) and set the page's minimum width.
        # It lives beside the report's tabs, where the row is free, at a width of its own.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_corner = _StatusCorner(self.busy, self.status, self)
        self.toolbar = QHBoxLayout()
        for w in (self.prev_button, self.period_edit, self.next_button, self.period_dates, self.today_button):
            self.toolbar.addWidget(w)
        self.toolbar.addSpacing(12)
        for w in (self.now_box, self.as_of_edit):
            self.toolbar.addWidget(w)
        self.toolbar.addSpacing(12)
        self.toolbar.addWidget(QLabel(self.tr("Pipeline:"), self))
        self.toolbar.addWidget(self.pipeline_box)
        self.toolbar.addWidget(QLabel(self.tr("Whose:"), self))
        self.toolbar.addWidget(self.owner_box)
        self.toolbar.addStretch(1)
        for w in (self.export_button, self.snapshots_button):
            self.toolbar.addWidget(w)

    def _fill_pipelines(self) -> None:
        from voronka.models.queries.board import pipelines

        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for p in self.ctx.query(pipelines):
            if p.kind == "sales":
                self.pipeline_box.addItem(p.name_ru if self.ctx.language == "ru" else p.name_en, p.key)
        self.pipeline_box.setCurrentIndex(max(0, self.pipeline_box.findData(self.pipeline_key)))
        self.pipeline_box.blockSignals(False)

    def _fill_owners(self) -> None:
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("The whole team"), None)
        for m in self.ctx.query(team_members):
            if m.active:
                self.owner_box.addItem(m.name, m.id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(self.owner_id)))
        self.owner_box.blockSignals(False)

    def _update_controls(self) -> None:
        live = self.snapshot is None
        for w in (self.prev_button, self.next_button, self.period_edit, self.today_button, self.now_box,
                  self.pipeline_box, self.owner_box, self.kind_box):
            w.setEnabled(live)
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(self.period.kind)))
        self.kind_box.setVisible(TAB_OF_KIND[self.period.kind] == "monthly")
        self.kind_box.blockSignals(False)
        self.as_of_edit.setEnabled(live and not self.now_box.isChecked())
        period = self.snapshot["period"] if self.snapshot else None
        self.period_edit.setText(period["label"] if period else self.period.label)
        last = (self.period.end - timedelta(days=1)) if not period else None
        self.period_dates.setText(period_text(period).split(" ", 1)[1] if period else
                                  (f"({self.period.start:%d.%m} – {last:%d.%m.%Y})" if self.period.kind != "day"
                                   else f"({self._day_name(self.period.start)})"))

    def _day_name(self, day) -> str:
        """The weekday in the UI language (strftime's %A follows the C locale)."""
        language = QLocale.Language.Russian if self.ctx.language == "ru" else QLocale.Language.English
        return QLocale(language).dayName(day.isoweekday())

    # --- choosing what to compute ----------------------------------------------------------
    def current_tab(self) -> ReportTab:
        return self.report_tabs[TAB_OF_KIND[self.period.kind]]

    def key(self) -> Key:
        return (self.cache.version, self.pipeline_key, self.period.label, self.as_of, self.owner_id)

    def set_period(self, period: Period) -> None:
        self.period = period
        tab = self.report_tabs[TAB_OF_KIND[period.kind]]
        if self.tabs.currentWidget() is not tab:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(tab)
            self.tabs.blockSignals(False)
        self.refresh()

    def show_tab(self, tab: str) -> None:
        """Open on ``tab`` (monthly/weekly/daily): the period of that kind around the shown one."""
        if tab in KIND_OF_TAB:
            self.tabs.setCurrentWidget(self.report_tabs[tab])

    def _on_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        kind = KIND_OF_TAB[tab.tab]
        if self.snapshot is not None:
            return
        if kind != self.period.kind:
            anchor = min(self.period.end - timedelta(seconds=1), local_now())
            self.set_period(period_of(kind, anchor))

    def _on_kind(self, _index: int) -> None:
        kind = self.kind_box.currentData()
        if kind and kind != self.period.kind:
            anchor = min(self.period.end - timedelta(seconds=1), local_now())
            self.set_period(period_of(kind, anchor))

    def _on_period_typed(self) -> None:
        try:
            period = parse_period(self.period_edit.text())
        except VoronkaError as exc:
            self._say(describe(exc), error=True)
            return
        self.set_period(period)

    def _on_now_toggled(self, now: bool) -> None:
        self.as_of_edit.setEnabled(not now)
        self._on_as_of()

    def _on_as_of(self) -> None:
        self.as_of = None if self.now_box.isChecked() else self.as_of_edit.dateTime().toPython().replace(microsecond=0)
        self.refresh()

    def set_as_of(self, moment: datetime | None) -> None:
        self.now_box.blockSignals(True)
        self.now_box.setChecked(moment is None)
        self.now_box.blockSignals(False)
        if moment is not None:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDateTime(QDateTime(moment))
            self.as_of_edit.blockSignals(False)
        self.as_of = moment
        self.refresh()

    def _on_pipeline(self, _index: int) -> None:
        self.pipeline_key = self.pipeline_box.currentData() or "sales"
        self.refresh()

    def _on_owner(self, _index: int) -> None:
        self.owner_id = self.owner_box.currentData()
        self.refresh()

    def set_owner(self, owner_id: int | None) -> None:
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(owner_id)))

    # --- computing -----------------------------------------------------------------------
    def is_busy(self) -> bool:
        return _running(self._main_task) or _running(self._context_task)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "color: palette(mid);")

    def _set_busy(self) -> None:
        self.busy.setVisible(self.is_busy() or _running(self._export_task))

    def refresh(self) -> None:
        """Show the report the controls ask for: from memory, or computed in the background."""
        self._update_controls()
        if self.snapshot is not None:
            return
        key = self.key()
        bundle = self.results.get(key)
        if bundle is not None:
            self.results.move_to_end(key)
            self._show(bundle)
            if "previous" not in bundle:
                self._context_after_drawing(key, bundle)
            return
        self._cancel_context()
        if _running(self._main_task):
            self._wanted = True  # computed when the running one is done
            return
        self._start_main(key)

    def _start_main(self, key: Key) -> None:
        _version, pipeline, label, as_of, owner = key
        period, cache = parse_period(label), self.cache
        self._wanted = False
        self._say(self.tr("Counting…") if cache.cached(pipeline) else self.tr("Loading the history…"))

        def work(_progress) -> dict[str, Any]:
            return main_report(cache.frames(pipeline), period, as_of, owner)

        def done(report: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self._remember(key, report)
            self._set_busy()
            if self._wanted or key != self.key():
                self.refresh()
            else:
                self._show(report)
                self._context_after_drawing(key, report)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("Report failed", exc_info=exc)
            self._say(self.tr("The report could not be computed: %1").replace("%1", describe(exc)), error=True)
            self._set_busy()
            if self._wanted:
                self.refresh()

        self._main_task = run_in_background(self.ctx, work, done, failed, owner=self)
        self._set_busy()

    def _context_after_drawing(self, key: Key, report: dict[str, Any]) -> None:
        """Start the previous period and trend once this period's charts are drawn: computing
        while the UI thread draws would make both wait for each other (one interpreter lock)."""
        tab = self.current_tab()
        if not tab.drawing():
            self._start_context(key, report)
            return
        self._say(self.tr("As of %1 · counting the change and trend…").replace("%1", as_of_text(report["period"])))

        def go() -> None:
            tab.drawn.disconnect(go)
            if key == self.key() and self.snapshot is None and key not in self._complete_keys():
                self._start_context(key, report)
        tab.drawn.connect(go)

    def _complete_keys(self) -> set[Key]:
        return {k for k, b in self.results.items() if "previous" in b}

    def _start_context(self, key: Key, report: dict[str, Any]) -> None:
        _version, pipeline, label, as_of, owner = key
        period, cache = parse_period(label), self.cache
        self._cancel_context()
        self._say(self.tr("Counting the previous period and the trend…"))

        def work(progress) -> dict[str, Any]:
            return add_context(dict(report), cache.frames(pipeline), period, as_of, owner, progress)

        def done(bundle: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self._remember(key, bundle)
            self._set_busy()
            if key == self.key() and self.snapshot is None:
                self._show(bundle)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("Report context failed", exc_info=exc)
            self._say(self.tr("The previous period could not be computed: %1").replace("%1", describe(exc)), error=True)
            self._set_busy()

        self._context_task = run_in_background(self.ctx, work, done, failed, owner=self)
        self._set_busy()

    def _cancel_context(self) -> None:
        if _running(self._context_task):
            self._context_task.cancel()
            self._context_task = None
        self._set_busy()

    def _remember(self, key: Key, bundle: dict[str, Any]) -> None:
        self.results[key] = bundle
        self.results.move_to_end(key)
        while len(self.results) > KEEP_RESULTS:
            self.results.popitem(last=False)

    def _show(self, bundle: dict[str, Any]) -> None:
        tab = self.report_tabs[TAB_OF_KIND[bundle["period"]["kind"]]]
        if self.tabs.currentWidget() is not tab:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(tab)
            self.tabs.blockSignals(False)
        tab.show_bundle(bundle)
        if self.snapshot is None:
            self._say(self.tr("As of %1").replace("%1", as_of_text(bundle["period"])) if "previous" in bundle
                      else self.tr("As of %1 · counting the change and trend…").replace("%1", as_of_text(bundle["period"])))
        self.shown.emit(bundle)

    def current_bundle(self) -> dict[str, Any] | None:
        if self.snapshot is not None:
            return self.snapshot
        return self.results.get(self.key())

    def _on_invalidated(self) -> None:
        self.results.clear()
        if self.isVisible():
            self._stale_timer.start()
        else:
            self._dirty = True

    def _on_changed(self, changes: Changes) -> None:
        if changes.users:
            self._fill_owners()
        if changes.funnel:
            self._fill_pipelines()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()

    # --- drill-down ----------------------------------------------------------------------
    def drill(self, metric_id: str) -> None:
        """List the deals behind a number (computed in the background, shown in a dialog)."""
        from voronka.metrics.catalogue import by_id
        from voronka.metrics.drilldown import deals_behind

        source = self.snapshot or self.current_bundle()
        if source is None:
            return
        period = parse_period(source["period"]["label"])
        as_of = datetime.fromisoformat(source["period"]["as_of"])
        owner, pipeline, cache = source.get("owner_id"), source.get("pipeline", self.pipeline_key), self.cache
        title = f"{by_id(metric_id).name(self.ctx.language)} · {period.label}"

        def work(_progress) -> list[int]:
            return deals_behind(cache.frames(pipeline), metric_id, period, as_of, owner)

        def done(ids: list[int]) -> None:
            if not shiboken6.isValid(self):
                return
            self.last_dialog = DrilldownDialog(self.ctx, title, ids, self)
            self.last_dialog.show()

        start_task(self, work, on_done=done, on_error=lambda exc: show_error(self, exc),
                   title=self.tr("Finding the deals…"))

    # --- snapshots -----------------------------------------------------------------------
    def open_snapshot(self, snapshot_id: int) -> None:
        try:
            bundle = self.ctx.query(snapshot_report, snapshot_id)
        except VoronkaError as exc:
            show_error(self, exc)
            return
        self._cancel_context()
        self.snapshot = bundle
        period = bundle["period"]
        self.banner.setText(self.tr("Snapshot: %1, as of %2, %3. These are the numbers as they were exported.")
                            .replace("%1", period_text(period)).replace("%2", as_of_text(period))
                            .replace("%3", bundle.get("owner_name") or self.tr("the whole team")))
        self.banner.show()
        self.back_button.show()
        self._update_controls()
        self._say("")
        self._show(bundle)

    def close_snapshot(self) -> None:
        self.snapshot = None
        self.banner.hide()
        self.back_button.hide()
        self.refresh()

    # --- exports -------------------------------------------------------------------------
    def _fill_export_menu(self) -> None:
        menu = self.export_button.menu()
        menu.clear()
        menu.addAction(self.tr("Excel workbook (XLSX)…"), lambda: self.ask_export("xlsx"))
        menu.addAction(self.tr("Printable report (PDF)…"), lambda: self.ask_export("pdf"))
        menu.addAction(self.tr("Metrics as CSV…"), lambda: self.ask_export("csv"))
        menu.addAction(self.tr("Report as JSON…"), lambda: self.ask_export("json"))
        charts = menu.addMenu(self.tr("Chart as PNG"))
        for spec in charts_for(self.current_tab().tab):
            charts.addAction(spec.title_text(), lambda s=spec.id: self.ask_export("png", s))

    def exported_by(self) -> str | None:
        if self.ctx.user_id is None:
            return None
        return self.ctx.query(lambda s: getattr(s.get(User, self.ctx.user_id), "name", None))

    def ask_export(self, fmt: str, chart_id: str | None = None) -> None:
        bundle = self.current_bundle()
        if bundle is None:
            QMessageBox.information(self, self.tr("Export"), self.tr("Wait until the report is counted."))
            return
        name = f"voronka-{bundle['period']['label']}" + (f"-{chart_id}" if chart_id else "") + f".{fmt}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the report"), str(Path.home() / name),
                                                    FORMATS[fmt])
        if path:
            self.export(fmt, path, chart_id)

    def export(self, fmt: str, path: str | Path, chart_id: str | None = None) -> Task | None:
        """Write the report shown to ``path`` (completing it first if needed) and keep a snapshot."""
        bundle = self.current_bundle()
        if bundle is None:
            return None
        path = Path(path)
        language, who = self.ctx.language, self.exported_by()
        is_snapshot = self.snapshot is not None
        key, cache = self.key(), self.cache
        period, as_of, owner, pipeline = self.period, self.as_of, self.owner_id, self.pipeline_key

        def work(progress) -> dict[str, Any]:
            full = bundle
            if "previous" not in full and not is_snapshot:
                full = add_context(dict(bundle), cache.frames(pipeline), period, as_of, owner, progress)
            if fmt in ("xlsx", "csv", "json"):
                from voronka.desktop.commands.report import write_csv, write_json
                from voronka.desktop.exports.xlsx import write_xlsx

                if fmt == "xlsx":
                    write_xlsx(full, path, language, who)
                else:
                    path.write_bytes((write_csv if fmt == "csv" else write_json)(full, language))
            return full

        def done(full: dict[str, Any]) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy()
            try:
                if fmt == "pdf":
                    from voronka.desktop.exports.pdf import write_pdf

                    write_pdf(full, path, language, exported_by=who)
                elif fmt == "png":
                    from voronka.desktop.exports.png import write_png

                    write_png(full, chart_id or charts_for(self.current_tab().tab)[0].id, path, language)
                if not is_snapshot:
                    self._remember(key, full)
                    self.ctx.run(save_snapshot, report=full, format=fmt, user_id=self.ctx.user_id)
            except Exception as exc:
                show_error(self, exc)
                return
            self._say(self.tr("Exported to %1").replace("%1", str(path)))
            self.exported.emit(fmt, str(path))

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy()
                show_error(self, exc)

        self._export_task = start_task(self, work, on_done=done, on_error=failed, title=self.tr("Exporting…"))
        self._set_busy()
        return self._export_task
