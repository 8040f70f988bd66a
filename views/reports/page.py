"""The report view: Monthly, Weekly and Daily tabs like the team's old spreadsheets.

A month is read on the Monthly tab (a quarter or a year too, picked beside the period), a
week on the Weekly, a day on the Daily; switching tab keeps the date and changes the
period's kind. The period picker (previous / next / this period / type a label), the
as-of moment, the pipeline and the owner choose what is computed; the page only holds
these widgets and draws what its ``ReportController`` (``controller.py``) computes,
exports and reopens from the snapshots.

A new tab: add ``(key, title)`` to ``TABS`` for a period tab (a ``ReportTab``), or call
``add_tab`` with any widget, which can follow ``shown`` to draw each bundle. The second
edition's tabs (MRR, Reps, Plan: ``tabs/``) are ``SecondEditionTab``s: they read the
Monthly tab's period (a month, a quarter or a year), stay on screen while the period
changes, and a week or a day brings back a month.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
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

from voronka.metrics.formatting import period_name
from voronka.metrics.periods import parse_period
from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.errors import VoronkaError
from voronka.models.queries.team import team_members

from ..app_context import AppContext
from ..errors import describe
from ..exports.sections import KIND_OF_TAB, TAB_OF_KIND, as_of_text, period_text
from ..fitting import FittedCombo
from ..one_slice import run_as_slice
from ..plain_text import as_rich_text, plain_label
from .charts import charts_for
from .controller import ReportController
from .period_edit import PeriodEdit
from .drilldown import DrilldownDialog
from .snapshots_panel import SnapshotsPanel
from .tab import ReportTab
from .tabs.base import SecondEditionTab
from .tabs.mrr import MrrTab
from .tabs.plan import PlanTab
from .tabs.reps import RepsTab
from ..style_roles import set_role

FORMATS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "json": "JSON (*.json)",
           "png": "PNG (*.png)"}
TAB_DELAY_MS = 25  # the page's first paint and the input waiting go before a tab is made (~20 ms)
STALE_DELAY_MS = 400  # the data changed: recount this long after the first change, at the soonest
# The tabs, in order: a period tab's key is its kind's tab (``TAB_OF_KIND``)
TABS = (
    ("monthly", QT_TRANSLATE_NOOP("ReportsPage", "Monthly")),
    ("weekly", QT_TRANSLATE_NOOP("ReportsPage", "Weekly")),
    ("daily", QT_TRANSLATE_NOOP("ReportsPage", "Daily")),
)
SECOND_EDITION_TABS = (
    ("mrr", QT_TRANSLATE_NOOP("ReportsPage", "MRR"), MrrTab),
    ("reps", QT_TRANSLATE_NOOP("ReportsPage", "Reps"), RepsTab),
    ("plan", QT_TRANSLATE_NOOP("ReportsPage", "Plan"), PlanTab),
)


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


class _LazyTabs(dict):
    """The page's tabs by key; a tab not made yet is made when asked for."""

    def __init__(self, make: Callable[[str], QWidget]):
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> QWidget:
        return self._make(key)


class ReportsPage(QWidget):
    """The report view's widgets: the toolbar, the tabs, the snapshot banner and panel. What is
    computed, and when, is the ``controller``'s (``ReportController``)."""

    shown = Signal(object)  # the bundle just put on screen (first the report, then with its context)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.controller = ReportController(ctx, self)
        self.exported = self.controller.exported  # format, path
        self._dirty = False
        self._owners_known = False  # the owner box holds the team (read on the executor)
        self.last_dialog: QWidget | None = None
        self._build_toolbar()
        self.tabs = QTabWidget(self)
        # the tabs are made when first shown (each is a dozen widgets and models: the page opens
        # in one short slice); until then an empty holder keeps the tab's place and title
        self.report_tabs: dict[str, QWidget] = _LazyTabs(self._make_tab)
        self._makers: dict[str, Callable[[], QWidget]] = {}
        for key, title in TABS:
            self._add_lazy(key, self.tr(title), lambda key=key: ReportTab(key, ctx.language, self.tabs))
        for key, title, kind in SECOND_EDITION_TABS:
            self._add_lazy(key, self.tr(title), lambda kind=kind: kind(ctx.language, self.tabs))
        self.tabs.currentChanged.connect(self._on_tab)
        self.tabs.setCornerWidget(self.status_corner, Qt.Corner.TopRightCorner)
        self._snapshots: SnapshotsPanel | None = None  # made when first asked for (``snapshots``)
        self.banner = plain_label(parent=self)
        self.banner.setWordWrap(True)
        set_role(self.banner, "notice")
        self.banner.setMargin(6)
        self.banner.hide()
        self.back_button = QPushButton(self.tr("Back to the live report"), self)
        self.back_button.clicked.connect(self.close_snapshot)
        self.back_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.back_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tabs)
        self._split = split
        split.setStretchFactor(0, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addLayout(banner_row)
        layout.addWidget(split, 1)
        from ..first_day.empty_state import EmptyState

        self.empty_state = EmptyState(ctx, self.tabs, self.tr(  # not the splitter: it takes children as panes
            "Conversions from stage to stage, the sales cycle, the plan and each rep's figures — all computed "
            "from the history of your deals. The reports fill in as soon as there are deals.")).follow_deals()
        self._as_of_timer = QTimer(self, singleShot=True, interval=500)
        self._as_of_timer.timeout.connect(self._on_as_of)
        self._stale_timer = QTimer(self, singleShot=True, interval=STALE_DELAY_MS)
        self._stale_timer.timeout.connect(self._stale_due)
        control = self.controller
        control.when_drawn = self._when_drawn
        control.changed.connect(self._update_controls)
        control.shown.connect(self._show)
        control.said.connect(self._say)
        control.busy_changed.connect(self.busy.setVisible)
        control.stale.connect(self._on_stale)
        control.drilled.connect(self._show_deals)
        ctx.changed.connect(self._on_changed)
        control.refresh()

    @property
    def snapshots(self) -> SnapshotsPanel:
        """The snapshots panel beside the tabs (made when first shown or asked for: it reads the
        database, which the page's opening need not wait for)."""
        if self._snapshots is None:
            panel = self._snapshots = SnapshotsPanel(self.ctx, self)
            panel.open_requested.connect(self.open_snapshot)
            panel.hide()
            self._split.addWidget(panel)
            self._split.setStretchFactor(1, 1)
        return self._snapshots

    def add_tab(self, key: str, title: str, widget: QWidget) -> None:
        """Add a tab. A period tab (``KIND_OF_TAB``: monthly, weekly, daily) is a ``ReportTab``
        and shows the bundles of its periods; any other widget can follow ``shown``."""
        self._connect_tab(widget)
        self.report_tabs[key] = widget
        self.tabs.addTab(widget, title)

    def _connect_tab(self, widget: QWidget) -> None:
        if isinstance(widget, ReportTab):
            widget.drill_requested.connect(self.drill)
            widget.funnel_change_requested.connect(self.open_funnel_change)
        if isinstance(widget, RepsTab):
            widget.drill_requested.connect(self.controller.drill_rep)

    def _add_lazy(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        holder = QWidget(self.tabs)
        holder.setProperty("lazy_tab", key)
        self._makers[key] = make
        self.tabs.addTab(holder, title)

    def _make_tab(self, key: str) -> QWidget:
        """Make the tab ``key`` in its holder's place (``report_tabs[key]`` does, when it is not made)."""
        make = self._makers.pop(key)  # KeyError: no such tab
        widget = make()
        self._connect_tab(widget)
        dict.__setitem__(self.report_tabs, key, widget)
        for index in range(self.tabs.count()):
            holder = self.tabs.widget(index)
            if holder.property("lazy_tab") == key:
                current, title = self.tabs.currentIndex(), self.tabs.tabText(index)
                self.tabs.blockSignals(True)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, widget, title)
                self.tabs.setCurrentIndex(current)
                self.tabs.blockSignals(False)
                holder.deleteLater()
                break
        return widget

    # --- toolbar -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        control = self.controller
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.prev_button.clicked.connect(lambda: control.set_period(control.period.previous()))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        self.next_button.clicked.connect(lambda: control.set_period(control.period.next()))
        self.period_edit = PeriodEdit(self)  # the period as people say it; a typed one goes there on Enter
        self.period_edit.setToolTip(self.tr("Type a month (2026-10), an ISO week (2026-W43), a day (2026-10-21), "
                                            "a quarter (2026-Q3) or a year (2026), then Enter"))
        self.period_edit.typed.connect(self._on_period_typed)
        self.period_dates = plain_label(parent=self)
        # the period's name takes the row's free room and never sets the page's width (a
        # long week name is elided; the tooltip holds it whole)
        self.period_dates.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.period_dates.setMinimumWidth(self.period_dates.fontMetrics().horizontalAdvance("неделя 49 · 30"))
        # the Monthly tab also reads quarters and years: this box picks which
        self.kind_box = QComboBox(self)
        for kind, title in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year"))):
            self.kind_box.addItem(title, kind)
        self.kind_box.setToolTip(self.tr("Read a month, a quarter or a year"))
        self.kind_box.currentIndexChanged.connect(self._on_kind)
        self.today_button = QPushButton(self.tr("This period"), self)
        self.today_button.clicked.connect(control.this_period)
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
        # each box as wide as its choice ("Вся команда" whole); the period's name beside the
        # arrows gives up the room (elided, with a tooltip), so the window keeps its width
        self.pipeline_box = FittedCombo(self)
        self._fill_pipelines()
        self.pipeline_box.currentIndexChanged.connect(self._on_pipeline)
        self.owner_box = FittedCombo(self)
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
        set_role(self.status, "hint")
        # The status text changes on every step; a label sized by its text would re-lay out the
        # whole page each time (a 100 ms stall on a full report) and set the page's minimum width.
        # It lives beside the report's tabs, where the row is free, at a width of its own.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_corner = _StatusCorner(self.busy, self.status, self)
        self.toolbar = QHBoxLayout()
        for w in (self.prev_button, self.period_edit, self.next_button):  # the name in the box, not twice
            self.toolbar.addWidget(w)
        # month, quarter or year beside the period it picks (on the Monthly tab, where the box
        # with a month's name is narrower than a week's: the row keeps its width)
        self.toolbar.addWidget(self.kind_box)
        monthly = TAB_OF_KIND[control.period.kind] == "monthly"  # set now: the first layout sets the width
        self.kind_box.setVisible(monthly)
        self.period_edit.fit_to(monthly, self.ctx.language)
        self.toolbar.addStretch(1)
        self.period_dates.hide()
        self.toolbar.addWidget(self.today_button)
        self.toolbar.addSpacing(12)
        for w in (self.now_box, self.as_of_edit):
            self.toolbar.addWidget(w)
        self.toolbar.addSpacing(12)
        # the boxes say what they hold ("Продажи", "Вся команда"); their tooltips name them
        self.pipeline_box.setToolTip(self.tr("Pipeline"))
        self.owner_box.setToolTip(self.tr("Whose numbers"))
        self.toolbar.addWidget(self.pipeline_box)
        self.toolbar.addWidget(self.owner_box)
        for w in (self.export_button, self.snapshots_button):
            self.toolbar.addWidget(w)

    def _fill_pipelines(self) -> None:
        """The sales pipelines in the box (read on the database executor)."""
        from voronka.models.queries.board import pipelines

        self.ctx.executor.query(pipelines, on_done=self._set_pipelines, owner=self, key=f"reports-pipelines-{id(self)}")

    def _set_pipelines(self, rows) -> None:
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for p in rows:
            if p.kind == "sales":
                self.pipeline_box.addItem(p.name_ru if self.ctx.language == "ru" else p.name_en, p.key)
        self.pipeline_box.setCurrentIndex(max(0, self.pipeline_box.findData(self.controller.pipeline_key)))
        self.pipeline_box.blockSignals(False)
        self.pipeline_box.updateGeometry()  # as wide as its choice (no signal told it while blocked)

    def _fill_owners(self) -> None:
        """The team in the owner box (read on the database executor); the whole team meanwhile."""
        if self.owner_box.count() == 0:
            self.owner_box.addItem(self.tr("The whole team"), None)
        self.ctx.executor.query(team_members, on_done=self._set_owners, owner=self, key=f"reports-owners-{id(self)}")

    def _set_owners(self, members) -> None:
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("The whole team"), None)
        for m in members:
            if m.active:
                self.owner_box.addItem(m.name, m.id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(self.controller.owner_id)))
        self.owner_box.blockSignals(False)
        self.owner_box.updateGeometry()
        self._owners_known = True

    def _update_controls(self) -> None:
        control = self.controller
        period, snapshot = control.period, control.snapshot
        live = snapshot is None
        for w in (self.prev_button, self.next_button, self.period_edit, self.today_button, self.now_box,
                  self.pipeline_box, self.owner_box, self.kind_box):
            w.setEnabled(live)
        shown = snapshot["period"] if snapshot else None
        named = parse_period(shown["label"]) if shown else period
        monthly = TAB_OF_KIND[period.kind] == "monthly"
        narrow = monthly and TAB_OF_KIND[named.kind] == "monthly"
        if narrow:  # the period box narrows before the kind box shows: the row never needs both widths
            self.period_edit.fit_to(True, self.ctx.language)
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(period.kind)))
        self.kind_box.setVisible(monthly)
        self.kind_box.blockSignals(False)
        self.period_edit.fit_to(narrow, self.ctx.language)
        self.as_of_edit.setEnabled(live and not self.now_box.isChecked())
        name = period_name(named, self.ctx.language)
        if named.kind == "day":
            name = f"{self._day_name(named.start)}, {name}"
        self.period_dates.setToolTip(name)
        self.period_dates.setText(name)
        self.period_edit.show_name(name)
        tab = self._tab_or_holder(period.kind)
        if live and self.tabs.currentWidget() is not tab:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(tab)
            self.tabs.blockSignals(False)
        self._update_banner()

    def _day_name(self, day) -> str:
        """The weekday in the UI language (strftime's %A follows the C locale)."""
        language = QLocale.Language.Russian if self.ctx.language == "ru" else QLocale.Language.English
        return QLocale(language).dayName(day.isoweekday())

    # --- what the user asks for ------------------------------------------------------------
    def current_tab(self) -> ReportTab:
        return self.report_tabs[TAB_OF_KIND[self.controller.period.kind]]

    def extra_tab(self) -> SecondEditionTab | None:
        """The second-edition tab on screen, if one is."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, SecondEditionTab) else None

    def _tab_for(self, kind: str) -> QWidget:
        """Where a period of ``kind`` is shown: the second-edition tab on screen if it reads that
        kind, else the kind's own period tab."""
        extra = self.extra_tab()
        return extra if extra is not None and kind in extra.kinds else self.report_tabs[TAB_OF_KIND[kind]]

    def _tab_or_holder(self, kind: str) -> QWidget:
        """``_tab_for(kind)``, or the holder of that tab if it is not made yet: it is made in the
        next turns of the event loop, ``TAB_DELAY_MS`` later: the page's opening, its first paint
        and the tab's making are three short slices (a zero delay queued the making ahead of the paint)."""
        extra = self.extra_tab()
        if extra is not None and kind in extra.kinds:
            return extra
        key = TAB_OF_KIND[kind]
        made = dict.get(self.report_tabs, key)
        if made is not None or key not in self._makers:
            return self.report_tabs[key]
        QTimer.singleShot(TAB_DELAY_MS, self, lambda: run_as_slice(self, lambda: self._make_pending(key)))
        return next(self.tabs.widget(i) for i in range(self.tabs.count())
                    if self.tabs.widget(i).property("lazy_tab") == key)

    def _make_pending(self, key: str) -> None:
        if key in self._makers:
            self.report_tabs[key]

    def show_tab(self, tab: str) -> None:
        """Open on ``tab`` (monthly/weekly/daily: the period of that kind around the shown one;
        mrr/reps/plan keep a month, quarter or year)."""
        if tab in self.report_tabs or tab in self._makers:
            self.tabs.setCurrentWidget(self.report_tabs[tab])

    def _on_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab is not None and tab.property("lazy_tab"):
            tab = self.report_tabs[tab.property("lazy_tab")]  # made now, in the holder's place
        control = self.controller
        if isinstance(tab, SecondEditionTab):
            bundle = control.current_bundle()
            if bundle is not None and bundle["period"]["kind"] in tab.kinds:
                tab.show_bundle(bundle)
            elif control.snapshot is None:
                control.set_kind("month")
            return
        kind = KIND_OF_TAB.get(getattr(tab, "tab", ""))
        if kind is None:
            return
        if control.snapshot is not None:
            if TAB_OF_KIND[control.snapshot["period"]["kind"]] == tab.tab and tab.bundle is not control.snapshot:
                tab.show_bundle(control.snapshot)
        elif kind == control.period.kind:
            control.refresh()  # back from a second-edition tab: draw what it showed meanwhile
        else:
            control.set_kind(kind)

    def _on_kind(self, _index: int) -> None:
        kind = self.kind_box.currentData()
        if kind:
            self.controller.set_kind(kind)

    def _on_period_typed(self, text: str) -> None:
        try:
            period = parse_period(text)
        except VoronkaError as exc:
            self._say(describe(exc), error=True)
            return
        self.controller.set_period(period)

    def _on_now_toggled(self, now: bool) -> None:
        self.as_of_edit.setEnabled(not now)
        self._on_as_of()

    def _on_as_of(self) -> None:
        self.controller.set_as_of(None if self.now_box.isChecked()
                                  else self.as_of_edit.dateTime().toPython().replace(microsecond=0))

    def set_as_of(self, moment: datetime | None) -> None:
        """Show the report as of ``moment`` (None: now), as if the user had set it."""
        self.now_box.blockSignals(True)
        self.now_box.setChecked(moment is None)
        self.now_box.blockSignals(False)
        if moment is not None:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDateTime(QDateTime(moment))
            self.as_of_edit.blockSignals(False)
        self.controller.set_as_of(moment)

    def _on_pipeline(self, _index: int) -> None:
        self.controller.set_pipeline(self.pipeline_box.currentData() or "sales")

    def _on_owner(self, _index: int) -> None:
        self.controller.set_owner(self.owner_box.currentData())

    def set_owner(self, owner_id: int | None) -> None:
        if self._owners_known:
            self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(owner_id)))
        else:  # the box shows the owner once the team is read
            self.controller.set_owner(owner_id)

    # --- showing -------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        set_role(self.status, "error" if error else "hint")
        self.status.setToolTip(as_rich_text(text))  # the corner is narrow: the whole line on hover

    def _show(self, bundle: dict[str, Any]) -> None:
        tab = self._tab_for(bundle["period"]["kind"])
        if self.tabs.currentWidget() is not tab:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(tab)
            self.tabs.blockSignals(False)
        tab.show_bundle(bundle)
        self.shown.emit(bundle)

    def _when_drawn(self, then) -> None:
        """Call ``then`` once the period's tab has drawn its charts."""
        tab = self.current_tab()
        if not tab.drawing():
            then()
            return

        def go() -> None:
            tab.drawn.disconnect(go)
            then()
        tab.drawn.connect(go)

    def _on_stale(self) -> None:
        if self.isVisible():
            # a colleague's every move makes the report stale: recount at most once per twice the
            # last count's time (not restarted by each change), so the window keeps most of the time
            if not self._stale_timer.isActive():
                self._stale_timer.start(max(STALE_DELAY_MS, int(2000 * self.controller.last_compute_s)))
        else:
            self._dirty = True

    def _stale_due(self) -> None:
        # the user may have left the page since the change: then recount when it is shown again, not
        # now (a count nobody sees would hold the interpreter while another page is being used)
        if self.isVisible():
            self.controller.refresh()
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
            self.controller.refresh()

    # --- drill-down ----------------------------------------------------------------------
    def drill(self, metric_id: str) -> None:
        """List the deals behind a number (computed in the background, shown in a dialog)."""
        self.controller.drill(metric_id)

    def _show_deals(self, title: str, ids: list[int]) -> None:
        self.last_dialog = DrilldownDialog(self.ctx, title, ids, self)
        self.last_dialog.show()

    def open_funnel_change(self, stage_key: str, action: str) -> None:
        """Settings → Funnel with the stage table's advice prepared (merge or split of ``stage_key``)."""
        from ..funnel.open import open_funnel_change

        open_funnel_change(self, self.controller.pipeline_key, stage_key, action)

    # --- snapshots -----------------------------------------------------------------------
    def open_snapshot(self, snapshot_id: int) -> None:
        self.controller.open_snapshot(snapshot_id)

    def close_snapshot(self) -> None:
        self.controller.close_snapshot()

    def _update_banner(self) -> None:
        bundle = self.controller.snapshot
        if bundle is None:
            self.banner.hide()
            self.back_button.hide()
            return
        period = bundle["period"]
        self.banner.setText(self.tr("Snapshot: %1, as of %2, %3. These are the numbers as they were exported.")
                            .replace("%1", period_text(period, self.ctx.language)).replace("%2", as_of_text(period, self.ctx.language))
                            .replace("%3", bundle.get("owner_name") or self.tr("the whole team")))
        self.banner.show()
        self.back_button.show()

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

    def ask_export(self, fmt: str, chart_id: str | None = None) -> None:
        bundle = self.controller.current_bundle()
        if bundle is None:
            QMessageBox.information(self, self.tr("Export"), self.tr("Wait until the report is counted."))
            return
        name = f"voronka-{bundle['period']['label']}" + (f"-{chart_id}" if chart_id else "") + f".{fmt}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the report"), str(Path.home() / name),
                                                    FORMATS[fmt])
        if path:
            self.controller.export(fmt, path, chart_id)
