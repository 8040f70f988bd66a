"""A record table page (Deals, Companies, Contacts): search, filters, saved views, a column
chooser, "New", Export and the row count in the footer, over one ``LazyRecordModel``.

The database filters and sorts (``models.queries.table_search``) on the application's
executor; the model holds the ids and fetches rows by page as they come into view. A
change marks the changed rows stale and re-reads the ids in the background, keeping the
place in the list; a hidden page only remembers that it must.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.queries.abandon import Abandoned, abandoned_when
from voronka.models.queries.table_search import (
    TableFilter,
    TableSort,
    filter_choices,
    first_record_ids,
    record_count,
    record_ids,
)

from ..app_context import AppContext
from ..errors import show_error
from ..executor import Cancelled, Job
from ..fitting import text_margin
from ..plain_text import plain_label
from .export import ask_path, export_button, export_ids, exported_text
from .filter_bar import FilterBar
from .cell_delegate import CellTextDelegate
from .lazy_model import PAGE, Comparison, LazyRecordModel, compare_ids, positions_of
from .record_model import ID_ROLE, Column
from .saved_views import SavedView, load_views, put_view, save_views
from ..style_roles import set_role

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session


PAINT_WAIT_S = 0.1  # the longest the rest of a list waits for the first rows to be painted
FIRST_ROWS = 40  # rows read with a new list's first ids: a screenful


class RecordPage(QWidget):
    """Subclasses give the record kind, columns, the row fetch and which filters apply."""

    kind = ""  # "deal", "company", "contact": what double-click opens and what is queried
    filter_fields: tuple[str, ...] = ()
    default_sort = TableSort("name")
    ids_loaded = Signal()  # a new list of ids is shown (after a search, a filter, a sort or a change)
    exported = Signal(str, int)  # path, rows written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.filter = TableFilter()
        self.sort: TableSort | None = self.default_sort
        self.total = 0
        self._total_read = False
        self._superseded = threading.Event()
        self.loading = False
        self.counting = False
        self._stale = False
        self._sized = False
        self._views: list[SavedView] = []
        self.export_job: Job | None = None
        self.model = LazyRecordModel(ctx.executor, self.columns(), type(self).fetch_rows, self, language=ctx.language)
        self.model.sort_requested.connect(self._on_sort)
        self.model.rows_arrived.connect(self._size_columns_once)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.views_combo = QComboBox(self)
        self.views_combo.setToolTip(self.tr("Saved views: a filter, a sort and columns under a name"))
        self.views_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.views_combo.setMinimumContentsLength(12)
        self.views_combo.activated.connect(self._on_view_chosen)
        self.views_button = QToolButton(self)
        self.views_button.setText("⋯")
        self.views_button.setToolTip(self.tr("Save or delete a view"))
        self.views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        views_menu = QMenu(self.views_button)
        views_menu.addAction(self.tr("Save view as…"), self.ask_save_view)
        self.delete_view_action = views_menu.addAction(self.tr("Delete this view"), self.delete_current_view)
        self.views_button.setMenu(views_menu)
        self.filters_button = QToolButton(self)
        self.filters_button.setCheckable(True)
        self.filters_button.toggled.connect(self._show_filters)
        self.columns_button = QToolButton(self)
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)
        self.export_button = export_button(self, self.ask_export)
        self.filter_bar = FilterBar(self.filter_fields, ctx.language, self)
        self.filter_bar.setVisible(False)
        self.filter_bar.changed.connect(self._on_filter_bar)
        self.filters_button.setVisible(bool(self.filter_fields))
        self._update_filters_button()

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellTextDelegate(self.model, self.table))  # one call per cell painted
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(0)  # fit columns to the rows on screen, not to 1000 fetched rows
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._show_sort_indicator()
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._open)  # double-click or Enter opens the record's card
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.count_label = plain_label(parent=self)
        self.status_label = plain_label(parent=self)  # names the export's file
        from ..first_day.empty_state import EmptyState

        self.empty_state = EmptyState(ctx, self.table.viewport(), self.empty_purpose(), reset=self.reset_filters)
        set_role(self.status_label, "hint")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.views_combo)
        top.addWidget(self.views_button)
        top.addWidget(self.filters_button)
        top.addWidget(self.columns_button)
        top.addWidget(self.export_button)
        new_button = self.new_button()
        if new_button is not None:
            top.addWidget(new_button)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self._requery_soon = QTimer(self, singleShot=True, interval=250)  # a burst of changes: one re-read
        self._requery_soon.timeout.connect(lambda: self.requery(keep_place=True))
        ctx.changed.connect(self._on_changed)
        self._load_views()
        self._load_choices()
        self.requery()

    # --- for subclasses ---------------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    @staticmethod
    def fetch_rows(session: Session, ids: list[int]) -> list[Any]:
        """Worker thread: the rows of these ids (any order)."""
        raise NotImplementedError

    def wants_reload(self, changes: Changes) -> bool:
        return True

    def new_button(self) -> QWidget | None:
        """The "New …" button beside the search (the cards' own for companies and contacts)."""
        from ..cards import new_record_button

        return new_record_button(self.ctx, self.kind, self)

    def changed_ids(self, changes: Changes) -> set[int] | None:
        """The records whose rows ``changes`` touched; None: any row may show something changed."""
        return None

    def empty_purpose(self) -> str:
        """What the page is for, said while the database has none of its records."""
        return ""

    # --- reading the ids --------------------------------------------------------------------
    def requery(self, keep_place: bool = False) -> None:
        """Read the ids that pass the filter, in order, on the executor (a newer read supersedes).

        A new list (a search, a filter, a sort, the page opening) comes in two steps: the
        first screenful of rows, then every id and the count; ``loading`` is true until the
        first rows are shown, ``counting`` until all ids are. A re-read after a change
        (``keep_place``) reads every id at once to keep the place in the list."""
        kind, flt, sort, fetch = self.kind, self.filter, self.sort, type(self).fetch_rows
        self._stale = False
        self.loading = True
        self.counting = True
        key = f"table:{kind}:{id(self)}"
        self._superseded.set()  # a read still running for an older list stops (its answer is dropped anyway)
        superseded = self._superseded = threading.Event()

        def read_all(session: Session) -> tuple[list[int], int, dict[int, int]]:
            try:
                with abandoned_when(session, superseded.is_set):
                    ids = record_ids(session, kind, flt, sort)
                    return ids, record_count(session, kind), positions_of(ids)
            except Abandoned as exc:
                raise Cancelled() from exc

        if keep_place:
            before = self.model.ids  # compared with the new list on the worker, not on the UI thread

            def read_again(session: Session) -> tuple[tuple[list[int], int, dict[int, int]], Comparison]:
                result = read_all(session)
                return result, compare_ids(before, result[0], result[2])

            self.ctx.executor.query(read_again, on_done=lambda answer: self._on_ids(answer[0], [], True, answer[1]),
                                    owner=self, key=key)
            return

        formatted = self.model.formatter()

        def read_first(session: Session) -> tuple[list[int], list[Any], dict[int, tuple[str, ...]]]:
            try:
                with abandoned_when(session, superseded.is_set):
                    ids = first_record_ids(session, kind, flt, sort, PAGE)
                    if superseded.is_set():
                        raise Cancelled()
                    rows = fetch(session, ids[:FIRST_ROWS])  # the others come by page when scrolled to
            except Abandoned as exc:
                raise Cancelled() from exc
            if superseded.is_set():
                raise Cancelled()
            return ids, rows, formatted(rows)

        def first_arrived(result: tuple[list[int], list[Any], dict[int, tuple[str, ...]]]) -> None:
            ids, rows, texts = result
            self.model.set_ids(ids, rows, texts)
            self.loading = False
            if ids:
                self.empty_state.set_state("data")  # rows to show: no need to wait for the count
            self._size_columns_once()
            self._update_count()
            self.ids_loaded.emit()
            if len(ids) < PAGE and not self.total_needed():
                self._on_ids((ids, self.total, None), [], False)
                return
            # the rest once these rows are painted (a read running meanwhile slows the painting):
            # the job waits for the next turn of the event loop, at most PAINT_WAIT_S
            painted = threading.Event()

            def read_rest(session: Session) -> tuple[list[int], int, dict[int, int]]:
                deadline = time.monotonic() + PAINT_WAIT_S
                while not (painted.is_set() or superseded.is_set()) and time.monotonic() < deadline:
                    painted.wait(0.002)
                return read_all(session)

            self.ctx.executor.query(read_rest, on_done=lambda result: self._on_ids(result, [], False), owner=self,
                                    key=key)
            QTimer.singleShot(0, self, painted.set)

        self.ctx.executor.query(read_first, on_done=first_arrived, owner=self, key=key)

    def total_needed(self) -> bool:
        """Whether the footer's "of N" must be read again (not yet read: the page is new)."""
        return not self._total_read

    def _on_ids(self, result: tuple[list[int], int, dict[int, int] | None], first: list[Any], keep_place: bool,
                compared: Comparison | None = None) -> None:
        ids, self.total, positions = result
        self._total_read = True
        self.loading = False
        self.counting = False
        if keep_place:
            scroll = self.table.verticalScrollBar().value()
            self.model.reorder(ids, first, positions, compared)
            self.table.verticalScrollBar().setValue(scroll)
        else:
            self.model.extend_to(ids, positions)
            self._size_columns_once()
        self._update_count()
        self._update_empty_state()
        self.ids_loaded.emit()

    def _update_empty_state(self) -> None:
        from ..first_day.empty_state import DATA, EMPTY, FILTERED

        self.empty_state.set_state(EMPTY if not self.total else FILTERED if not self.model.rowCount() else DATA)

    def reset_filters(self) -> None:
        """Show every record again: no search, no filter (the sort and the columns stay)."""
        self.filter = TableFilter()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filter_bar.set_value(self.filter)
        self._update_filters_button()
        self.requery()

    def _size_columns_once(self) -> None:
        """Fit the columns to the first rows once; later reads keep the widths the user sees."""
        if self._sized or not self.model.rowCount() or not self.model.cached(0):
            return
        self._sized = True
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # measured at its own width first
        # measured from the texts the model holds, as resizeColumnsToContents would (its widest
        # cell or its title), without asking the model for every role of every cell: that took
        # 25-30 ms of the first rows' turn
        metrics = self.table.fontMetrics()
        pad = 2 * text_margin(self.table) + (2 if self.table.showGrid() else 1)
        on_screen = self.table.viewport().height() // max(1, self.table.verticalHeader().defaultSectionSize()) + 1
        rows = self.model.texts_of_rows(min(FIRST_ROWS, on_screen))
        for col in range(self.model.columnCount()):
            widest = max((metrics.horizontalAdvance(r[col]) for r in rows if r[col]), default=0)
            self.table.setColumnWidth(col, min(max(widest + pad, header.sectionSizeHint(col)), 320))
        # the last column fills what is left only when the others leave it at least its own width;
        # stretched into less it would cut its title ("Открытые сде")
        header.setStretchLastSection(header.length() <= self.table.viewport().width())

    def _on_search(self, text: str) -> None:
        self.filter = replace(self.filter, search=text)
        self.requery()

    def _on_filter_bar(self) -> None:
        self.filter = self.filter_bar.value(self.filter)
        self._update_filters_button()
        self.requery()

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        key = self.model.columns[column].key
        if not key:
            return
        sort = TableSort(key, order == Qt.SortOrder.DescendingOrder)
        if sort != self.sort:
            self.sort = sort
            self.requery(keep_place=False)

    def _show_sort_indicator(self) -> None:
        keys = [c.key for c in self.model.columns]
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if self.sort is not None and self.sort.column in keys:
            order = Qt.SortOrder.DescendingOrder if self.sort.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(keys.index(self.sort.column), order)
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _update_count(self) -> None:
        if self.counting:
            self.count_label.setText(self.tr("Counting…"))
            return
        shown = self.model.rowCount()
        text = self.tr("%1 of %2").replace("%1", f"{shown:,}".replace(",", "\u202f")).replace(
            "%2", f"{self.total:,}".replace(",", "\u202f"))
        self.count_label.setText(text)

    def _update_filters_button(self) -> None:
        active = self.filter_bar.active_count()
        self.filters_button.setText(self.tr("Filters") + (f" ({active})" if active else ""))

    # --- changes ----------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.users or changes.funnel:
            self._load_choices()
        if not self.wants_reload(changes):
            return
        self.model.mark_stale(self.changed_ids(changes))
        if self.isVisible():
            self._requery_soon.start()  # membership and order may have changed too
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.requery(keep_place=True)
        super().showEvent(event)

    def _show_filters(self, on: bool) -> None:
        self.filter_bar.setVisible(on)
        if on:
            self._load_choices()  # sources and segments in use now (not re-read on every change)

    def _load_choices(self) -> None:
        if not self.filter_fields:
            return
        kind = self.kind
        self.ctx.executor.query(lambda s: filter_choices(s, kind), on_done=self.filter_bar.set_choices, owner=self,
                                key=f"table-choices:{kind}:{id(self)}")

    # --- columns ----------------------------------------------------------------------------
    def visible_columns(self) -> list[int]:
        """Column numbers in the order shown, hidden ones left out."""
        header = self.table.horizontalHeader()
        order = sorted(range(self.model.columnCount()), key=header.visualIndex)
        return [c for c in order if not header.isSectionHidden(c)]

    def set_visible_columns(self, keys: Sequence[str]) -> None:
        """Show exactly these columns (by key), in this order; the others are hidden."""
        header = self.table.horizontalHeader()
        all_keys = [c.key for c in self.model.columns]
        wanted = [k for k in keys if k in all_keys] or all_keys
        for col, key in enumerate(all_keys):
            header.setSectionHidden(col, key not in wanted)
        for position, key in enumerate(wanted):
            header.moveSection(header.visualIndex(all_keys.index(key)), position)

    def _fill_columns_menu(self, menu: QMenu | None = None) -> QMenu:
        menu = menu or self.columns_menu
        menu.clear()
        header = self.table.horizontalHeader()
        visible = self.visible_columns()
        for col, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(not (col in visible and len(visible) == 1))  # one column always stays
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        return menu

    def _header_menu(self, point: QPoint) -> None:
        menu = self._fill_columns_menu(QMenu(self))
        menu.exec(self.table.horizontalHeader().mapToGlobal(point))

    # --- saved views ------------------------------------------------------------------------
    def current_view(self, name: str) -> SavedView:
        return SavedView(name, self.filter, self.sort,
                         tuple(self.model.columns[c].key for c in self.visible_columns()))

    def apply_view(self, view: SavedView | None) -> None:
        """Show a saved view (None: everything, as the page first opens)."""
        view = view or SavedView("", TableFilter(), self.default_sort, ())
        self.filter = view.filter
        self.sort = view.sort
        self.search.blockSignals(True)
        self.search.setText(view.filter.search)
        self.search.blockSignals(False)
        self.filter_bar.set_value(view.filter)
        self._update_filters_button()
        self.set_visible_columns(view.columns)
        self._show_sort_indicator()
        self.requery()

    def save_view(self, name: str) -> SavedView:
        view = self.current_view(name)
        self._views = put_view(self._views, view)
        save_views(self.ctx, self.kind, self._views)
        self._fill_views_combo(select=name)
        return view

    def delete_view(self, name: str) -> None:
        self._views = [v for v in self._views if v.name != name]
        save_views(self.ctx, self.kind, self._views)
        self._fill_views_combo()

    def ask_save_view(self) -> None:
        current = self.views_combo.currentData() or ""
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"), text=current)
        if ok and name.strip():
            try:
                self.save_view(name.strip())
            except Exception as exc:
                show_error(self, exc)

    def delete_current_view(self) -> None:
        name = self.views_combo.currentData()
        if name:
            try:
                self.delete_view(name)
            except Exception as exc:
                show_error(self, exc)

    def _load_views(self) -> None:
        self._views = load_views(self.ctx, self.kind)
        self._fill_views_combo()

    def _fill_views_combo(self, select: str | None = None) -> None:
        self.views_combo.blockSignals(True)
        self.views_combo.clear()
        self.views_combo.addItem(self.all_records_title(), None)
        for view in self._views:
            self.views_combo.addItem(view.name, view.name)
        index = self.views_combo.findData(select) if select else 0
        self.views_combo.setCurrentIndex(max(index, 0))
        self.views_combo.blockSignals(False)
        self.delete_view_action.setEnabled(bool(self._views))

    def all_records_title(self) -> str:
        return self.tr("All records")

    def _on_view_chosen(self, index: int) -> None:
        name = self.views_combo.itemData(index)
        self.apply_view(next((v for v in self._views if v.name == name), None))

    # --- export -----------------------------------------------------------------------------
    def ask_export(self, fmt: str) -> None:
        path = ask_path(self, fmt, f"{self.kind}s")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Job:
        """Write the rows shown — same filter, order and visible columns — on the executor."""
        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.status_label.setText(exported_text(count, path))
            self.exported.emit(str(path), count)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.status_label.setText("")
            show_error(self, exc)

        self.export_button.setEnabled(False)
        columns = [self.model.columns[c] for c in self.visible_columns()]
        ids: Any = self.model.ids
        if self.counting:  # only the first rows are here yet: the export reads every id itself
            kind, flt, sort = self.kind, self.filter, self.sort
            ids = lambda session: record_ids(session, kind, flt, sort)  # noqa: E731
            self.status_label.setText("")
        else:
            self.status_label.setText(self.tr("Exporting %1 rows…").replace("%1", str(len(self.model.ids))))
        self.export_job = export_ids(self.ctx, self, path, ids, columns, type(self).fetch_rows, done, failed)
        return self.export_job

    # --- opening ----------------------------------------------------------------------------
    def row_actions(self, row: Any) -> list[tuple[str, str, Callable[[], Any]]]:
        """Extra actions of a row's menu: (text, icon key, what to do). Pages add theirs."""
        return []

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of the row at ``index``: open its card, and the page's own actions."""
        row = self.model.record(index.row()) if index.isValid() else None
        if row is None:
            return None
        from ..icons import icon

        menu = QMenu(self)
        menu.addAction(self.tr("Open card"), lambda: self._open(index))
        extra = self.row_actions(row)
        if extra:
            menu.addSeparator()
        for text, icon_key, act in extra:
            menu.addAction(icon(icon_key), text, act)
        return menu

    def _row_menu(self, pos) -> None:
        menu = self.row_menu(self.table.indexAt(pos))
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def _open(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id is not None:
            self.ctx.open_record.emit(self.kind, int(record_id))


def value_of(attr: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, attr)
