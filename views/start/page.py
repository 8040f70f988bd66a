"""The start page: tiles each user arranges (add, remove, drag to reorder, resize).

The layout is kept per user in the database (``start.tiles``); a user who has not
arranged anything gets their role's defaults (``kinds.default_tiles``). Quick tiles
read the database directly; tiles on the report engine are computed together in one
background run on the cached frames, so opening the page never freezes the window.
"""
from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.queries.team import member, member_name
from voronka.models.services.preferences import save_start_tiles

from ..app_context import AppContext
from ..errors import describe, show_error
from ..plain_text import plain_label
from ..reports.frames_cache import FramesCache, ReportMemo, touches_report
from ..reports.background import run_in_background
from ..executor import Job
from ..held_changes import HeldChanges
from .customise import CustomiseDialog
from .grid import TileGrid
from .kinds import MENU_TITLES, default_tiles, make_tile, menu_title, new_spec
from .tile import Tile

log = logging.getLogger(__name__)
SETTING = "start.tiles"


class StartPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pipeline_key = "sales"
        self._task: Job | None = None
        self._pending = False
        self._generation = 0
        self.greeting = plain_label(parent=self)
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.greeting.setFont(font)
        self.add_button = QToolButton(self)
        self.add_button.setText(self.tr("Add tile"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_button)
        for kind in MENU_TITLES:
            add_menu.addAction(menu_title(kind), lambda k=kind: self.add_tile(k))
        self.add_button.setMenu(add_menu)
        self.reset_button = QPushButton(self.tr("Reset to defaults"), self)
        self.reset_button.clicked.connect(self.reset_tiles)
        self.customise_button = QPushButton(self.tr("Customise…"), self)
        self.customise_button.setToolTip(self.tr("The page opened at launch and the sidebar"))
        self.customise_button.clicked.connect(self.customise)
        head = QHBoxLayout()
        head.addWidget(self.greeting, 1)
        head.addWidget(self.add_button)
        head.addWidget(self.reset_button)
        head.addWidget(self.customise_button)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.grid = TileGrid(self)
        self.grid.order_changed.connect(self.save_tiles)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self._held = HeldChanges()  # what changed while another page was on screen
        from ..first_day.empty_state import EmptyState

        self.scroll = scroll
        self.empty_state = EmptyState(ctx, scroll.viewport(), self.tr(
            "Welcome to Voronka! Your working day starts here: today's tasks, deals without a next step, stuck deals "
            "and the plan. Bring in your team's deals and their history from Excel or another CRM, add the first "
            "deal by hand, or look around in a demo team first."))
        # on the first day the overlay covers the tiles: no scroll bar for tiles nobody sees
        self.empty_state.state_changed.connect(self._on_empty_state)
        self.empty_state.follow_deals()
        self._recompute = QTimer(self, singleShot=True, interval=300)
        self._recompute.timeout.connect(self._recompute_due)
        self._reports_missed = False  # a recount fell due while another page was on screen
        ctx.changed.connect(self._on_changed)
        self._update_header()
        self.load_tiles()

    def _on_empty_state(self, state: str) -> None:
        covered = state != "data"
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if covered
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if covered:
            self.scroll.verticalScrollBar().setValue(0)

    # --- layout ----------------------------------------------------------------------------
    def role(self) -> str | None:
        me = self.ctx.query(member, self.ctx.user_id)
        return me.role if me else None

    def _update_header(self) -> None:
        name = self.ctx.query(member_name, self.ctx.user_id)
        today = local_now().strftime("%d.%m.%Y")
        self.greeting.setText(self.tr("Hello, %1 · %2").replace("%1", name).replace("%2", today) if name
                              else self.tr("Hello · %1").replace("%1", today))
        self.hint.setVisible(self.ctx.user_id is None)
        self.hint.setText(self.tr("You see the team's start page. Choose who you are (Settings → Team) "
                                  "to arrange your own."))

    def specs(self) -> list[dict[str, Any]]:
        return [dict(t.spec) for t in self.grid.tiles]

    def load_tiles(self) -> None:
        saved = self.ctx.user_setting(SETTING) if self.ctx.user_id is not None else None
        specs = saved if isinstance(saved, list) and saved else default_tiles(self.role())
        tiles = [t for t in (make_tile(self.ctx, spec) for spec in specs) if t is not None]
        for tile in tiles:
            self._connect(tile)
        self.grid.set_tiles(tiles)
        self.refresh_all()

    def _connect(self, tile: Tile) -> None:
        tile.remove_requested.connect(self.remove_tile)
        tile.resize_requested.connect(self.grid.resize_tile)
        tile.options_changed.connect(self._on_options)

    def save_tiles(self) -> None:
        if self.ctx.user_id is None:
            return
        try:
            self.ctx.run(save_start_tiles, self.ctx.user_id, self.specs())
        except Exception as exc:
            show_error(self, exc)

    def add_tile(self, kind: str, **options: Any) -> Tile:
        if kind in ("yesterday", "no_next_step", "stuck", "plan_fact", "pipeline"):
            options.setdefault("scope", "team" if self.role() in (None, "head_of_sales") else "me")
        if kind == "metric":
            options.setdefault("metric", "revenue")
        tile = make_tile(self.ctx, new_spec(kind, **options))
        self._connect(tile)
        self.grid.add_tile(tile)
        self.save_tiles()
        self._refresh_tile(tile)
        return tile

    def remove_tile(self, tile: Tile) -> None:
        self.grid.remove_tile(tile)
        self.save_tiles()

    def reset_tiles(self) -> None:
        if self.ctx.user_id is not None:
            self.ctx.set_user_setting(SETTING, [])
        self.load_tiles()

    def customise(self) -> None:
        CustomiseDialog(self.ctx, self).exec()

    def _on_options(self, tile: Tile) -> None:
        self.save_tiles()
        self._refresh_tile(tile)

    # --- data ----------------------------------------------------------------------------
    def _refresh_tile(self, tile: Tile) -> None:
        if tile.needs_report:
            self._recompute.start()
        else:
            self._safe_refresh(tile)

    def _safe_refresh(self, tile: Tile) -> None:
        """Read the tile's quick data on the executor; a newer read of the same tile supersedes."""
        try:
            load = tile.loader()
        except Exception as exc:  # one broken tile must not take the page down; the log keeps it
            log.exception("Start page tile %s failed", tile.kind)
            tile.show_failure(describe(exc))
            return
        if load is None:
            return

        def failed(exc: BaseException) -> None:
            log.error("Start page tile %s failed", tile.kind, exc_info=exc)
            tile.show_failure(describe(exc))

        self.ctx.executor.query(load, on_done=tile.show_loaded, on_error=failed, owner=tile,
                                key=f"start-tile:{id(tile)}")

    def refresh_all(self) -> None:
        for tile in self.grid.tiles:
            if not tile.needs_report:
                self._safe_refresh(tile)
        self.refresh_reports()

    def report_running(self) -> bool:
        return self._task is not None and self._task.running

    def refresh_reports(self) -> None:
        """Compute every report tile in one background run (queued if one is running)."""
        if self.report_running():
            self._pending = True
            return
        jobs = [(tile, tile.job()) for tile in self.grid.tiles if tile.needs_report]
        if not jobs:
            return
        self._pending = False
        self._generation += 1
        generation = self._generation
        cache, pipeline = FramesCache.of(self.ctx), self.pipeline_key

        def work(progress) -> list[Any]:
            memo = ReportMemo(cache.frames(pipeline))
            now = local_now()
            results: list[Any] = []
            for i, (_tile, job) in enumerate(jobs):
                progress(i, len(jobs))
                try:
                    results.append(job(memo, now))
                except Exception as exc:  # shown on that tile (show_result side); logged there
                    results.append(exc)
            return results

        def done(results: list[Any]) -> None:
            if not shiboken6.isValid(self):
                return
            if generation == self._generation:
                for (tile, _job), result in zip(jobs, results):
                    if tile not in self.grid.tiles:
                        continue
                    if isinstance(result, Exception):
                        log.error("Start page tile %s failed", tile.kind, exc_info=result)
                        tile.show_failure(describe(result))
                    else:
                        tile.show_result(result)
            self._after_run()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("Start page figures failed", exc_info=exc)
            for tile, _job in jobs:
                if tile in self.grid.tiles:
                    tile.show_failure(describe(exc))
            self._after_run()

        self._task = run_in_background(self.ctx, work, done, failed, owner=self)

    def _after_run(self) -> None:
        if self._pending:
            self._recompute_due()

    def _recompute_due(self) -> None:
        # the user may have left the page since the change: recount when it is shown again, not now
        # (a count nobody sees would hold the interpreter while another page is being used)
        if self._held.holding:
            self._pending, self._reports_missed = False, True
        else:
            self.refresh_reports()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        missed = self._held.shown()
        if missed is not None:
            self._on_changed(missed)
        if self._reports_missed:
            self._reports_missed = False
            self._recompute.start()

    def hideEvent(self, event) -> None:
        self._held.hidden()
        super().hideEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if self._held.hold(changes):
            return
        if changes.users:
            self._update_header()
        for tile in self.grid.tiles:
            if not tile.needs_report and tile.wants_refresh(changes):
                self._safe_refresh(tile)
        if touches_report(changes) and not self._recompute.isActive():
            # not restarted by each change: a colleague's move every 100 ms must not postpone it for ever
            self._recompute.start()
