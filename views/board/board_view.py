"""The kanban board of one pipeline: a column per stage (side stages beside their main
stage), cards painted by a delegate, Won and Lost drop zones at the bottom.

Opening is in two steps so the first paint comes fast even with tens of thousands of
open deals, and nothing of it is read on the UI thread: the stages, the stage totals and
the newest cards of each stage come first from the database executor, then every open
card (filters apply to them in memory), then the stage figures (win rates, p90 stays)
from the metrics engine on the report's shared frames cache. The window never does it all
in one go: the columns are made two per turn of the event loop and handed their cards one
on-screen column per turn (each paints before the next fills), so it keeps answering.

A service's ``Changes`` updates only the deals it names, in the columns they leave and
enter (a move repaints its two columns); a plain move made in this window is placed from
what the service answered (``Changes.moved``) without reading the deal again; other deals
this window changed are read at once, those other people changed (the change feed) on the
executor, and a late answer never overwrites what was placed since; big changes (an
import) reload the board in the background.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QScrollArea, QVBoxLayout, QWidget

from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.services.deal_guard import SeenDeal
from voronka.models.queries.board import (
    TARGETED_RELOAD_LIMIT,
    BoardCard,
    BoardStage,
    PipelineRow,
    StageTotals,
    UserRow,
    board_cards,
    board_order,
    board_stages,
    newest_cards,
    stage_totals,
    team_users,
)

from ..app_context import AppContext
from ..errors import show_error
from ..held_changes import HeldChanges
from ..one_slice import run_as_slice
from .card_menu import CardMenu
from .column import COLUMN_WIDTH, SIDE_COLUMN_WIDTH, StageColumn
from .column_model import sort_key
from .column_view import DropZone
from .commands import BoardActions
from .filter_state import BoardFilter
from .stage_stats import StageFigures, days_between, load_stage_figures, probability, stuck_after_days

PREVIEW_PER_STAGE = 40
FILL_TURN_S = 0.012  # a turn of the event loop hands columns their cards for about this long
BUILD_TURN_S = 0.012  # a turn of the event loop makes columns for about this long (one at least)
log = logging.getLogger(__name__)


def group_by_stage(cards: list[BoardCard]) -> dict[int, list[BoardCard]]:
    out: dict[int, list[BoardCard]] = {}
    for card in sorted(cards, key=sort_key):
        out.setdefault(card.stage_id, []).append(card)
    return out


def options_of(cards: Iterable[BoardCard]) -> tuple[set[str], set[str], set[str]]:
    """The sources, segments and cohorts these cards have (the filter bar's choices)."""
    sources, segments, cohorts = set(), set(), set()
    for card in cards:
        sources.add(card.source)
        segments.add(card.segment)
        cohorts.add(card.cohort)
    return ({s for s in sources if s}, {s for s in segments if s}, {c for c in cohorts if c})


@dataclass(frozen=True)
class LoadedCards:
    """Every open card of a pipeline grouped by stage (sorted as the columns show them) and the
    filter bar's choices: prepared on the executor, so the window only hands the columns their lists."""

    by_stage: dict[int, list[BoardCard]]
    options: tuple[set[str], set[str], set[str]]

    @classmethod
    def of(cls, cards: list[BoardCard]) -> "LoadedCards":
        return cls(group_by_stage(cards), options_of(cards))


class BoardView(QWidget):
    loaded = Signal()  # every open card is in memory
    figures_loaded = Signal()
    status_changed = Signal()
    opened = Signal()  # the pipeline's stages and the team are in (the columns are being made)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.actions = BoardActions(ctx, self, self.deal_name, self.seen_state)
        self.pipeline: PipelineRow | None = None
        self.stages: list[BoardStage] = []
        self.columns: list[StageColumn] = []
        self.users: list[UserRow] = []
        self.filter = BoardFilter()
        self.currency = "RUB"  # the team's; headers sum deals in it
        self.figures: dict[int, StageFigures] = {}
        self.figures_available: bool | None = None  # None: not known yet
        self.loading = False
        self._column_of: dict[int, StageColumn] = {}
        self._stage_of: dict[int, int] = {}
        self._totals: dict[int, StageTotals] | None = None  # the stage totals while loading
        self._token = 0
        self._changed_while_loading: set[int] = set()
        self._options: tuple[set[str], set[str], set[str]] | None = None  # as gathered by the last load
        self._fill_seq = 0  # the newest fill of the columns (``_fill``); older ones stop
        self._build_seq = 0  # the newest set of columns being made (``_build_columns``)
        self._open_seq = 0  # the newest pipeline opened (``open_pipeline``); older answers are dropped
        self._unbuilt: list[BoardStage] = []  # stages whose columns are still to be made
        self._filling = False  # a fill has turns to come
        self._read_seq = 0  # the background reads of changed deals, numbered
        self._asked: dict[int, int] = {}  # deal id -> the newest background read asked for it
        self._held = HeldChanges()  # what changed while the board's page was not on screen
        self.strip = QWidget()
        # a column added on the right widens the strip: only what that uncovers is painted, not
        # every column again (the columns are made a few per turn)
        self.strip.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(4, 4, 4, 4)
        self.strip_layout.setSpacing(8)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.strip)
        from ..theme import colour_name  # red is kept for what needs action: Lost is neutral

        self.won_zone = DropZone(self.tr("Won — drop here"), colour_name("ok"), self)
        self.lost_zone = DropZone(self.tr("Lost — drop here"), colour_name("muted"), self)
        self.won_zone.deals_dropped.connect(lambda ids: self.actions.win(ids, self.offers_copy()))
        self.lost_zone.deals_dropped.connect(self.actions.lose)
        zones = QHBoxLayout()
        zones.addWidget(self.won_zone)
        zones.addWidget(self.lost_zone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(zones)
        ctx.changed.connect(self._on_changed)

    # --- opening ----------------------------------------------------------------------
    def open_pipeline(self, pipeline: PipelineRow) -> None:
        """Show ``pipeline``, everything read in the background: its stages, the team, the stage
        totals and the newest cards first (the columns are made and show them), then every open
        card."""
        self.pipeline = pipeline
        self.currency = self.ctx.team_setting("team.currency", "RUB")  # kept by the context: no read
        self.figures, self.figures_available = {}, None
        self._options = None
        self._build_columns([])  # the old pipeline's columns go now; the new ones come with its stages
        self._totals = None
        self._open_seq += 1
        self._open(pipeline.key, self._open_seq, self._token + 1)  # asked before the full load: answered first
        self.reload()

    def _open(self, key: str, seq: int, token: int) -> None:
        """The pipeline's stages and the team, the stage totals and each stage's newest cards (a
        few index look-ups), on the executor: the columns are made and fill in while every open
        card is still loading."""
        def read(session) -> tuple[list[UserRow], list[BoardStage], dict[int, StageTotals],
                                   dict[int, list[BoardCard]]]:
            totals = {t.stage_id: t for t in stage_totals(session, key)}
            return (team_users(session), board_stages(session, key), totals,
                    group_by_stage(newest_cards(session, key, PREVIEW_PER_STAGE)))

        def show(answer: tuple[list[UserRow], list[BoardStage], dict[int, StageTotals],
                               dict[int, list[BoardCard]]]) -> None:
            if seq != self._open_seq:
                return  # another pipeline was opened meanwhile
            self.users, stages, totals, by_stage = answer
            preview = token == self._token and self.loading  # not yet every card on the board
            if preview:
                self._totals = totals
            self._build_columns(stages, by_stage if preview else None)
            self.status_changed.emit()
            self.opened.emit()

        self.ctx.executor.query(read, on_done=show, owner=self)

    def reload(self) -> None:
        """Load every open card in the background, then the stage figures."""
        assert self.pipeline is not None
        self._token += 1
        self._asked.clear()  # the load reads every card after any read still on its way
        token, key, db = self._token, self.pipeline.key, self.ctx.db
        self.loading = True
        self._changed_while_loading.clear()
        self.status_changed.emit()

        def load(_progress) -> LoadedCards:
            with db.session() as session:
                return LoadedCards.of(board_cards(session, key))

        self._start(load, lambda result: self._on_loaded(token, result), lambda exc: self._on_load_failed(token, exc))

    def _start(self, fn, on_done, on_error) -> None:
        # on the application's executor: a board deleted meanwhile (language switch) just gets no answer
        self.ctx.executor.submit(fn, on_done=on_done, on_error=on_error, owner=self)

    def _on_loaded(self, token: int, loaded: LoadedCards) -> None:
        if token != self._token:
            return  # a newer load (another pipeline, a big change) is on its way
        self._options = loaded.options
        self._fill(loaded.by_stage, then=lambda: self._finish_loading(token))

    def _finish_loading(self, token: int) -> None:
        """Every column holds every card: the headers count them, the figures come next."""
        if token != self._token:
            return
        self._totals = None
        self.loading = False
        self._update_headers(self.columns)
        if self._changed_while_loading:
            # what changed while the cards were read or handed to the columns: read once more
            changed, self._changed_while_loading = set(self._changed_while_loading), set()
            self._read_in_background(changed)
        self.status_changed.emit()
        self.loaded.emit()
        if self.figures_available is None:
            self._load_figures(token)

    def _on_load_failed(self, token: int, exc: BaseException) -> None:
        if token != self._token:
            return
        self.loading = False
        self.status_changed.emit()
        show_error(self, exc)

    def _load_figures(self, token: int) -> None:
        assert self.pipeline is not None
        from ..executor import REPORTS
        from ..reports.frames_cache import FramesCache

        key, frames_of, now = self.pipeline.key, FramesCache.of(self.ctx).frames, local_now()

        def failed(exc: BaseException) -> None:
            # the board works without the figures (no weights, stuck only by rot days): say so, keep the trace
            log.error("Stage figures could not be computed", exc_info=exc)
            self._on_figures(token, None)

        # the report's shared frames (loaded once for the board, the report and the start page), on the
        # reports lane: computing them never delays a table's or the board's own reads
        self.ctx.executor.submit(lambda _job: load_stage_figures(frames_of, key, now), owner=self, lane=REPORTS,
                                 on_done=lambda figures: self._on_figures(token, figures), on_error=failed)

    def _on_figures(self, token: int, figures: dict[int, StageFigures] | None) -> None:
        if token != self._token:
            return
        self.figures_available = figures is not None
        self.figures = figures or {}
        self._apply_stage_rules()
        self.status_changed.emit()
        self.figures_loaded.emit()

    @property
    def settling(self) -> bool:
        """Columns are still being made or handed their cards (a few turns of the event loop)."""
        return bool(self._unbuilt) or self._filling

    # --- columns ----------------------------------------------------------------------
    def _build_columns(self, stages: list[BoardStage], cards: dict[int, list[BoardCard]] | None = None) -> None:
        """Make a column per stage over the next turns of the event loop, as many per turn as
        fit in ``BUILD_TURN_S`` (a column is a dozen widgets to make, style, lay out and paint:
        all at once held the window for a tenth of a second); each is handed its ``cards`` (the
        stage's newest, while every card still loads) as it is made."""
        self._fill_seq += 1  # a fill still under way was for the old columns
        self._build_seq += 1
        self._filling = False
        self._stage_of = {}
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        while self.strip_layout.count():
            self.strip_layout.takeAt(0)
        self.strip_layout.addStretch(1)
        self.stages = stages
        self.columns = []
        self._column_of = {}
        self._unbuilt = board_order(stages)
        # the strip is as wide as all its columns from the start: a column made later changes no
        # size (the scroll bar would appear midway, and every column made so far be laid out and
        # painted again at its new height)
        widths = [SIDE_COLUMN_WIDTH if s.side_of_id else COLUMN_WIDTH for s in self._unbuilt]
        margins = self.strip_layout.contentsMargins()
        self.strip.setMinimumWidth(sum(widths) + self.strip_layout.spacing() * max(0, len(widths) - 1)
                                   + margins.left() + margins.right())
        seq = self._build_seq
        if self._unbuilt:
            QTimer.singleShot(0, self, lambda: run_as_slice(self, lambda: self._build_more(seq, cards)))

    def _build_more(self, seq: int, cards: dict[int, list[BoardCard]] | None) -> None:
        if seq != self._build_seq:
            return  # another pipeline's columns are being made
        started = time.perf_counter()
        by_id = {s.id: s for s in self.stages}
        accepts = self._predicate()
        made = []
        while self._unbuilt and (not made or time.perf_counter() - started < BUILD_TURN_S):
            stage = self._unbuilt.pop(0)
            main = by_id.get(stage.side_of_id) if stage.side_of_id else None
            column = StageColumn(stage, main.name(self.ctx.language) if main else None, self.ctx.language,
                                 self.selected_ids, self.strip)
            self._wire(column)
            column.model.stuck_after_days = stuck_after_days(stage, self.figures)
            self.strip_layout.insertWidget(len(self.columns), column)
            self.columns.append(column)
            self._column_of[stage.id] = column
            if cards is not None:
                self._fill_column(column, cards.get(stage.id, []), accepts)
            made.append(column)
        self._update_headers(made)
        if self._unbuilt:
            QTimer.singleShot(0, self, lambda: run_as_slice(self, lambda: self._build_more(seq, cards)))

    def _wire(self, column: StageColumn) -> None:
        view = column.view
        view.deals_dropped.connect(self.drop)
        view.step_requested.connect(lambda ids, step, c=column: self.step(ids, c.stage, step))
        view.menu_requested.connect(lambda pos, c=column: self.show_menu(c, pos))
        view.neighbour_requested.connect(lambda step, c=column: self.focus_neighbour(c, step))
        view.open_requested.connect(lambda deal_id: self.ctx.open_record.emit("deal", deal_id))
        view.pressed_alone.connect(lambda c=column: self.clear_selection(except_column=c))
        column.quick_create_requested.connect(self.quick_create)

    def _apply_stage_rules(self, refilter: bool = True) -> None:
        """Stuck thresholds and header figures follow the stages' rules and figures."""
        for column in self.columns:
            column.model.stuck_after_days = stuck_after_days(column.stage, self.figures)
            column.view.viewport().update()
        if refilter and self.filter.stuck_only:
            self.set_filter(self.filter)
        else:
            self._update_headers(self.columns)

    def _fill(self, by_stage: dict[int, list[BoardCard]], then: Callable[[], None] | None = None) -> None:
        """Hand the columns their cards over several turns of the event loop: the columns on
        screen first, one per turn (each then paints before the next fills), the others a few
        at a time, so the window keeps answering; ``then`` runs once the last column is filled.
        A newer fill (or new columns) drops what is left of this one."""
        self._fill_seq += 1
        seq = self._fill_seq
        pending: list[tuple[StageColumn, bool]] | None = None
        self._filling = True

        def turn() -> None:
            nonlocal pending
            if seq != self._fill_seq:
                return  # a newer fill (another load, another pipeline) took over
            if self._unbuilt:  # columns are still being made: fill once every column is there
                QTimer.singleShot(0, self, lambda: run_as_slice(self, turn))
                return
            if pending is None:
                pending = self._columns_in_fill_order()
            started = time.perf_counter()
            filled: list[StageColumn] = []
            accepts = self._predicate()
            while pending:
                column, on_screen = pending.pop(0)
                self._fill_column(column, by_stage.get(column.stage.id, []), accepts)
                filled.append(column)
                if on_screen or time.perf_counter() - started > FILL_TURN_S:
                    break
            self._update_headers(filled)
            if pending:
                QTimer.singleShot(0, self, lambda: run_as_slice(self, turn))
                return
            self._filling = False
            if then is not None:
                then()

        turn()

    def _columns_in_fill_order(self) -> list[tuple[StageColumn, bool]]:
        """Every column, those the board's scroll area shows first (left to right), each with
        whether it is on screen."""
        viewport = self.scroll.viewport()
        left = self.scroll.horizontalScrollBar().value()
        right = left + viewport.width()
        shown = self.isVisible()
        order = [(c, shown and c.x() < right and c.x() + c.width() > left) for c in self.columns]
        return sorted(order, key=lambda pair: not pair[1])

    def _fill_column(self, column: StageColumn, cards: list[BoardCard], accepts) -> None:
        stage_id = column.stage.id
        for card in column.model.all_cards:
            if self._stage_of.get(card.id) == stage_id:
                del self._stage_of[card.id]
        selected = column.view.selected_here()
        column.model.set_cards(cards, accepts)
        for card in cards:
            self._stage_of[card.id] = stage_id
        self._select(column, selected)

    def _update_headers(self, columns: Sequence[StageColumn]) -> None:
        currency = self.currency
        filtered = not self.filter.is_empty
        for column in columns:
            model, stage = column.model, column.stage
            weight = probability(stage, self.figures)
            if self._totals is not None and not filtered:
                totals = self._totals.get(stage.id)
                count, amount = (totals.count, totals.amount_minor) if totals else (0, 0)
                column.set_figures(count, count, amount, currency, weight, False)
            else:
                column.set_figures(model.rowCount(), model.total_count, model.shown_amount_minor(), currency,
                                   weight, filtered)

    # --- filtering --------------------------------------------------------------------
    def is_stuck(self, card: BoardCard, now: datetime) -> bool:
        column = self._column_of.get(card.stage_id)
        limit = column.model.stuck_after_days if column else None
        return limit is not None and days_between(card.stage_entered_at, now) > limit

    def _predicate(self):
        return self.filter.predicate(self.ctx.user_id, self.is_stuck, local_now())

    def set_filter(self, state: BoardFilter) -> None:
        self.filter = state
        accepts = self._predicate()
        for column in self.columns:
            column.model.set_filter(accepts)
        self._update_headers(self.columns)
        self.status_changed.emit()

    def shown_count(self) -> int:
        return sum(c.model.rowCount() for c in self.columns)

    def total_count(self) -> int:
        if self._totals is not None:
            return sum(t.count for t in self._totals.values())
        return sum(c.model.total_count for c in self.columns)

    def filter_options(self) -> tuple[set[str], set[str], set[str]]:
        """The sources, segments and cohorts of the open cards (the filter bar's choices), as
        gathered when every card was loaded."""
        if self._options is not None:
            return self._options
        return options_of(c for column in self.columns for c in column.model.all_cards)

    # --- cards and selection ----------------------------------------------------------
    def card(self, deal_id: int) -> BoardCard | None:
        column = self._column_of.get(self._stage_of.get(deal_id, -1))
        if column is None:
            return None
        return column.model.card_of(deal_id)

    def deal_name(self, deal_id: int) -> str:
        card = self.card(deal_id)
        return card.name if card else f"#{deal_id}"

    def seen_state(self, deal_id: int) -> SeenDeal | None:
        """The deal as this board shows it: open, in its column's stage (None: not on the board)."""
        card = self.card(deal_id)
        return SeenDeal(card.stage_id, owner_id=card.owner_id, owner_seen=True) if card else None

    def column(self, stage_key: str) -> StageColumn:
        return next(c for c in self.columns if c.stage.key == stage_key)

    def selected_ids(self) -> list[int]:
        return [i for c in self.columns for i in c.view.selected_here()]

    def clear_selection(self, except_column: StageColumn | None = None) -> None:
        for column in self.columns:
            if column is not except_column:
                column.view.clearSelection()

    def _select(self, column: StageColumn, deal_ids: Sequence[int]) -> None:
        rows = [r for r in (column.model.row_of(i) for i in deal_ids) if r is not None]
        if not rows:
            return
        selection = QItemSelection()
        for row in rows:
            index = column.model.index(row)
            selection.select(index, index)
        column.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        first = column.model.index(min(rows))
        column.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        column.view.scrollTo(first)

    def _after(self, changes: Changes | None, deal_ids: Sequence[int] = (), stage_id: int | None = None) -> None:
        """After an action: keep the moved deals selected where they landed."""
        if changes is None or stage_id is None or stage_id not in self._column_of:
            return
        column = self._column_of[stage_id]
        self.clear_selection()
        self._select(column, deal_ids)
        column.view.setFocus()

    # --- moving -----------------------------------------------------------------------
    def stage(self, stage_id: int) -> BoardStage:
        return next(s for s in self.stages if s.id == stage_id)

    def drop(self, deal_ids: list[int], stage_id: int) -> Changes | None:
        """A drop of cards on a column: one domain call; the cards land at once."""
        ids = [i for i in deal_ids if self._stage_of.get(i) != stage_id]
        if not ids:
            return None
        changes = self.actions.move(ids, self.stage(stage_id))
        self._after(changes, ids, stage_id)
        return changes

    def step(self, deal_ids: list[int], from_stage: BoardStage, step: int) -> None:
        """Move to the next (+1) or previous (-1) main stage; into the won stage means a win."""
        mains = [s for s in self.stages if s.side_of_id is None]
        here = from_stage.side_of_id or from_stage.id
        i = next((n for n, s in enumerate(mains) if s.id == here), None)
        if i is None:
            return
        if from_stage.side_of_id and step < 0:
            target = mains[i]  # from a branch back to its main stage
        elif 0 <= i + step < len(mains):
            target = mains[i + step]
        else:
            return
        self.drop(deal_ids, target.id)

    def offers_copy(self) -> bool:
        return self.pipeline is not None and self.pipeline.kind == "sales"

    def quick_create(self, stage_id: int) -> None:
        from ..quick_create import QuickCreateDialog

        assert self.pipeline is not None
        dialog = QuickCreateDialog(self.ctx, self.pipeline.key, self.stage(stage_id), self)
        if dialog.exec() and dialog.created_id is not None:
            self._after(Changes(), [dialog.created_id], stage_id)

    # --- menus and keyboard -----------------------------------------------------------
    def show_menu(self, column: StageColumn, pos: QPoint) -> None:
        ids = self.selected_ids()
        menu = self.build_menu(column, ids)
        menu.exec(pos)

    def build_menu(self, column: StageColumn, ids: list[int]) -> QMenu:
        return CardMenu(self, column, ids)

    def focus_neighbour(self, column: StageColumn, step: int) -> None:
        i = self.columns.index(column) + step
        if not 0 <= i < len(self.columns):
            return
        target = self.columns[i]
        target.view.setFocus()
        if not target.view.currentIndex().isValid() and target.model.rowCount():
            self.clear_selection()
            target.view.setCurrentIndex(target.model.index(0))
        self.scroll.ensureWidgetVisible(target)

    # --- listening to changes ---------------------------------------------------------
    def page_shown(self) -> None:
        """The board's page is on screen again: act on what changed while it was not."""
        missed = self._held.shown()
        if missed is not None:
            self._on_changed(missed)

    def page_hidden(self) -> None:
        """The user left the board's page: changes wait until it is shown (not the Lost tab's
        switch — actions there act on the board at once)."""
        self._held.hidden()

    def _on_changed(self, changes: Changes) -> None:
        if self.pipeline is None or self._held.hold(changes):
            return
        if changes.funnel:
            self._reload_stages()
        if changes.users or changes.contacts:
            if changes.users:
                self.users = self.ctx.query(team_users)
            self.reload()
            return
        ids = set(changes.deals)
        by_company: set[int] = set()
        if changes.companies:
            by_company = {c.id for col in self.columns for c in col.model.all_cards
                          if c.company_id in changes.companies}
            ids |= by_company
        if not ids:
            return
        if self.loading:
            self._changed_while_loading |= ids
        if len(ids) > TARGETED_RELOAD_LIMIT:
            self.reload()
            return
        # this window's own plain moves need no read: the service said where each card went and when
        placed = {i: m for i, m in changes.moved.items() if i in changes.deals and i not in by_company}
        # the rest is read at once for this window's own action (the user waits to see its cards land,
        # selected), in the background for other people's (the change feed): never a read on the
        # window's time for what a colleague did
        self.refresh_deals(ids, placed, background=not changes.local)
        if self._totals is not None:  # still loading: the headers show the stage totals, read again
            self._read_in_background(set(), with_totals=True)

    def refresh_deals(self, deal_ids: set[int], placed: Mapping[int, tuple[int, datetime]] | None = None,
                      background: bool = False) -> None:
        """Reload these deals (one query) and move their cards between the affected columns.

        ``placed`` (deal id -> (stage id, entered at)): deals whose only change was that move
        (``Changes.moved``, this window's own); their cards are moved as they are, unread.
        ``background``: the others are read on the database executor and placed when the answer
        comes, unless something newer about a deal arrived meanwhile."""
        assert self.pipeline is not None
        fresh: dict[int, BoardCard | None] = {}
        for deal_id, (stage_id, entered_at) in (placed or {}).items():
            card = self.card(deal_id)
            if card is not None:
                fresh[deal_id] = replace(card, stage_id=stage_id, stage_entered_at=entered_at)
        unread = deal_ids - fresh.keys()
        if unread and background:
            self._place(fresh.keys(), fresh)
            self._read_in_background(unread)
            return
        if unread:
            fresh.update((c.id, c) for c in self.ctx.query(board_cards, self.pipeline.key, unread))
        self._place(deal_ids, fresh)

    def _read_in_background(self, deal_ids: set[int], with_totals: bool = False) -> None:
        """Read these deals' cards (and the stage totals) on the executor, then place them."""
        assert self.pipeline is not None
        self._read_seq += 1
        seq, token, key = self._read_seq, self._token, self.pipeline.key
        ids = set(deal_ids)
        for deal_id in ids:
            self._asked[deal_id] = seq

        def read(session) -> tuple[list[BoardCard], list[StageTotals] | None]:
            cards = board_cards(session, key, ids) if ids else []
            return cards, stage_totals(session, key) if with_totals else None

        def done(answer: tuple[list[BoardCard], list[StageTotals] | None]) -> None:
            if token != self._token:
                return  # a newer load reads every card anyway
            cards, totals = answer
            # a deal placed or asked for again since this read was asked is left to what is newer
            current = {i for i in ids if self._asked.get(i) == seq}
            for deal_id in current:
                del self._asked[deal_id]
            if current:
                self._place(current, {c.id: c for c in cards if c.id in current})
            if totals is not None and self._totals is not None:
                self._totals = {t.stage_id: t for t in totals}
                self._update_headers(self.columns)

        self.ctx.executor.query(read, on_done=done, owner=self)

    def _place(self, deal_ids: Iterable[int], fresh: Mapping[int, BoardCard | None]) -> None:
        """Put these deals' cards where ``fresh`` says (a deal missing from it leaves the board)."""
        touched: dict[int, StageColumn] = {}
        for deal_id in deal_ids:
            self._asked.pop(deal_id, None)  # newer than any read still on its way
            old = self._column_of.get(self._stage_of.pop(deal_id, -1))
            card = fresh.get(deal_id)
            new = self._column_of.get(card.stage_id) if card else None
            if old is not None and old is not new:
                old.model.remove(deal_id)
                touched[old.stage.id] = old
            if card is not None and new is not None:
                new.model.upsert(card)
                self._stage_of[deal_id] = card.stage_id
                touched[new.stage.id] = new
        if not touched:
            return
        for column in touched.values():
            column.view.doItemsLayout()  # now, not on the view's next timer: the move paints in one round
        self._update_headers(list(touched.values()))
        self.status_changed.emit()

    def _reload_stages(self) -> None:
        assert self.pipeline is not None
        stages = self.ctx.query(board_stages, self.pipeline.key)
        if [s.id for s in stages] != [s.id for s in self.stages] or any(
                a.side_of_id != b.side_of_id or a.won != b.won for a, b in zip(stages, self.stages)):
            self.open_pipeline(self.pipeline)
            return
        self.stages = stages
        by_id = {s.id: s for s in stages}
        for column in self.columns:
            column.model.set_stage(by_id[column.stage.id])
            column.fit_header()  # a renamed stage's title may take another line, or one fewer
            column.retranslate()
        self._apply_stage_rules()
