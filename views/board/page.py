"""The funnel board page: pipeline switcher, Board / Lost deals / Funnel rules, filters.

The chosen pipeline and the filter state are saved per user (database settings
``board.pipeline`` and ``board.filter``); the filter is saved a moment after the last
change, not on every keystroke.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from voronka.models.queries.board import PipelineRow, board_order, pipelines

from ..app_context import AppContext
from ..plain_text import plain_label
from .board_view import BoardView
from .filter_bar import FilterBar
from .filter_state import SETTING_KEY, BoardFilter

PIPELINE_SETTING = "board.pipeline"
SAVE_DELAY_MS = 600


class BoardPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pipelines: list[PipelineRow] = ctx.query(pipelines)
        self.pipeline_box = QComboBox(self)
        for p in self.pipelines:
            self.pipeline_box.addItem(p.name(ctx.language), p.key)
        self.tabs = QTabBar(self)
        self.tabs.addTab(self.tr("Board"))
        self.tabs.addTab(self.tr("Lost deals"))
        self.tabs.addTab(self.tr("Funnel rules"))
        self.status = plain_label(parent=self)
        self.filter_bar = FilterBar(ctx.user_id, self)
        self.board = BoardView(ctx, self)
        from ..first_day.empty_state import EmptyState

        self.empty_state = EmptyState(ctx, self.board.scroll.viewport(), self.tr(
            "The open deals of this pipeline, stage by stage. Drag a card to the next stage as the deal moves on, "
            "and onto Won or Lost when it closes."), add_deal=self.add_deal, reset=self.reset_filters, cover=False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board)
        self.lost_view: QWidget | None = None
        self.rules_view: QWidget | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pipeline:"), self))
        top.addWidget(self.pipeline_box)
        top.addSpacing(12)
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_filter)
        saved = BoardFilter.from_json(ctx.user_setting(SETTING_KEY))
        self.filter_bar.set_filter(saved)
        self.board.filter = saved
        self.filter_bar.changed.connect(self._on_filter)
        self.board.status_changed.connect(self._update_status)
        self.board.loaded.connect(self._fill_filter_options)
        self.board.opened.connect(self._fill_filter_options)  # the owners
        self.tabs.currentChanged.connect(self._on_tab)
        chosen = ctx.user_setting(PIPELINE_SETTING)
        index = max(0, self.pipeline_box.findData(chosen))
        self.pipeline_box.setCurrentIndex(index)
        self.pipeline_box.currentIndexChanged.connect(self._on_pipeline)
        if self.pipelines:
            self.board.open_pipeline(self.pipelines[index])
            self._fill_filter_options()

    @property
    def pipeline(self) -> PipelineRow:
        return self.pipelines[self.pipeline_box.currentIndex()]

    # --- filters ----------------------------------------------------------------------
    def _on_filter(self, state: BoardFilter) -> None:
        self.board.set_filter(state)
        self._save_timer.start()

    def save_filter(self) -> None:
        self._save_timer.stop()
        self.ctx.set_user_setting(SETTING_KEY, self.filter_bar.state.to_json())

    def _fill_filter_options(self) -> None:
        sources, segments, cohorts = self.board.filter_options()
        self.filter_bar.set_options(self.board.users, sources, segments, cohorts)

    def reset_filters(self) -> None:
        """Show every open deal again."""
        self.filter_bar.set_filter(BoardFilter())
        self._on_filter(BoardFilter())

    def add_deal(self) -> None:
        """Quick-create a deal in the first open stage of the pipeline shown."""
        stage = next((s for s in board_order(self.board.stages) if not s.archived and not s.won), None)
        if stage is not None:
            self.board.quick_create(stage.id)

    def _update_empty_state(self) -> None:
        from ..first_day.empty_state import DATA, EMPTY, FILTERED

        shown = self.board.shown_count()
        total = max(self.board.total_count(), shown)
        if not total and self.board.loading and self.board.pipeline is not None:
            return  # the newest cards are shown first: wait for the whole board before saying it is empty
        self.empty_state.set_state(EMPTY if not total else FILTERED if not shown else DATA)

    def _update_status(self) -> None:
        self._update_empty_state()
        if self.board.loading:
            self.status.setText(self.tr("Loading all deals…"))
            return
        shown, total = self.board.shown_count(), self.board.total_count()
        text = (self.tr("%1 open deals").replace("%1", str(total)) if self.board.filter.is_empty
                else self.tr("%1 of %2 open deals").replace("%1", str(shown)).replace("%2", str(total)))
        if self.board.figures_available is False:
            text += " · " + self.tr("win rates not available")
        self.status.setText(text)

    # --- pipeline and tabs ------------------------------------------------------------
    def _on_pipeline(self, index: int) -> None:
        if index < 0:
            return
        self.ctx.set_user_setting(PIPELINE_SETTING, self.pipeline.key)
        self.board.open_pipeline(self.pipeline)
        self._fill_filter_options()
        for view in (self.lost_view, self.rules_view):
            if view is not None:
                view.open_pipeline(self.pipeline)  # type: ignore[attr-defined]

    def _on_tab(self, index: int) -> None:
        self.filter_bar.setVisible(index == 0)
        if index == 0:
            self.stack.setCurrentWidget(self.board)
        elif index == 1:
            if self.lost_view is None:
                from .lost_view import LostDealsView

                self.lost_view = LostDealsView(self.ctx, self.board, self)
                self.lost_view.open_pipeline(self.pipeline)
                self.stack.addWidget(self.lost_view)
            self.stack.setCurrentWidget(self.lost_view)
        else:
            if self.rules_view is None:
                from .funnel_rules import FunnelRulesView

                self.rules_view = FunnelRulesView(self.ctx, self.board, self)
                self.rules_view.open_pipeline(self.pipeline)
                self.stack.addWidget(self.rules_view)
            self.stack.setCurrentWidget(self.rules_view)

    def hideEvent(self, event) -> None:
        if self._save_timer.isActive():
            self.save_filter()
        self.board.page_hidden()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.board.page_shown()
