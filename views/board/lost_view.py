"""The "Lost" view of a pipeline: lost deals grouped by reason, with the follow-up the
funnel article suggests — "no contacts found" / "no answer" go to another rep
(``follow_up == "reassign"``), losses to competitors are revisited (``"reactivate"``).

"Reactivate to stage…" reopens the selected deals in a chosen stage; "Reassign to…"
reopens them where they were lost under another owner. Both are one transaction and
undoable. The list reloads when deals change while it is shown (or on the next show).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.metrics.formatting import money_minor
from voronka.models.changes import Changes
from voronka.models.money import from_minor
from voronka.models.queries.board import LostDealRow, LostReasonRow, PipelineRow, lost_by_reason, lost_deals, lost_reasons
from voronka.models.queries.table_search import TableFilter, TableSort, record_ids

from ..app_context import AppContext
from ..errors import show_error
from ..tables.export import ask_path, export_button, export_ids, exported_text
from ..tables.lazy_model import PAGE, LazyRecordModel
from ..tables.record_model import ID_ROLE, Column
from voronka.models.queries.board import board_order

from .board_view import BoardView
from .formatting import money_text
from ..style_roles import set_role

LATEST_FIRST = TableSort("closed_at", descending=True)
ALL = -1
NO_REASON = 0


class LostDealsView(QWidget):
    loaded = Signal()  # the lost deals are on screen
    exported = Signal(str, int)  # path, rows written

    def __init__(self, ctx: AppContext, board: BoardView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.board = board
        self.pipeline: PipelineRow | None = None
        self.counts: dict[int, tuple[int, int]] = {}  # reason (0: none) → (deals, amount in minor units)
        self.sort = LATEST_FIRST
        self.loading = False
        self.reasons: dict[int, LostReasonRow] = {}
        self._stage_names: dict[int, str] = {}
        self._stale = False
        self.reason_list = QListWidget(self)
        self.reason_list.setMinimumWidth(380)
        self.reason_list.setWordWrap(True)
        self.reason_list.setSpacing(2)
        self.reason_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search lost deals…"))
        self.search.setClearButtonEnabled(True)
        self.reactivate = QToolButton(self)
        self.reactivate.setText(self.tr("Reactivate to stage…"))
        self.reactivate.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reassign = QToolButton(self)
        self.reassign.setText(self.tr("Reassign to…"))
        self.reassign.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.model = LazyRecordModel(ctx.executor, self._columns(), self.fetch_rows, self, language=ctx.language)
        self.model.sort_requested.connect(self._on_sort)
        self.search.textChanged.connect(lambda _text: self.requery())
        self.export = export_button(self, self.ask_export)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setResizeContentsPrecision(0)  # the rows on screen, not 1000 fetched ones
        self.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)  # latest losses first
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.ctx.open_record.emit("deal", int(index.data(ID_ROLE))))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        from ..first_day.empty_state import EmptyState

        self.empty_state = EmptyState(ctx, self.table.viewport(), self.tr(
            "Deals lost in this pipeline, grouped by reason: see why deals are lost, and win some back "
            "by reassigning or reactivating them. A deal lands here when it is dropped on Lost."),
            reset=self.reset_filters, offer_add=False)
        right = QWidget(self)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        actions.addWidget(self.reactivate)
        actions.addWidget(self.reassign)
        actions.addWidget(self.export)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hint)
        column.addLayout(actions)
        column.addWidget(self.table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.reason_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1000])  # the reasons wrap; the table keeps room for the reason column
        QVBoxLayout(self).addWidget(splitter)
        self.reason_list.currentItemChanged.connect(lambda *_: self._show_reason())
        ctx.changed.connect(self._on_changed)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Deal"), lambda r: r.name, key="name"),
            Column(self.tr("Company"), lambda r: r.company, key="company"),
            Column(self.tr("Amount"), lambda r: from_minor(r.amount_minor), align_right=True, key="amount",
                   text=lambda r: "" if r.amount_minor is None else money_minor(r.amount_minor, r.currency,
                                                                                self.ctx.language)),
            Column(self.tr("Lost at stage"), lambda r: self._stage_names.get(r.stage_id, ""), key="stage"),
            Column(self.tr("Reason"), lambda r: self._reason_label(r.lost_reason_id), key="reason"),
            Column(self.tr("Lost on"), lambda r: r.closed_at.date() if r.closed_at else None, key="closed_at"),
            Column(self.tr("Owner"), lambda r: r.owner, key="owner"),
            Column(self.tr("Comment"), lambda r: r.lost_comment, key="comment"),
        ]

    def _reason_label(self, reason_id: int | None) -> str:
        reason = self.reasons.get(reason_id or NO_REASON)
        return reason.label(self.ctx.language) if reason else self.tr("No reason given")

    # --- loading ----------------------------------------------------------------------
    def open_pipeline(self, pipeline: PipelineRow) -> None:
        self.pipeline = pipeline
        self.reload()

    @staticmethod
    def fetch_rows(session, ids: list[int]) -> list[LostDealRow]:
        return lost_deals(session, None, ids)

    def reload(self) -> None:
        """Read the reasons and their counts on the executor, then the chosen reason's deals."""
        assert self.pipeline is not None
        self._stale = False
        self.loading = True
        key = self.pipeline.key
        self.ctx.executor.query(lambda s: (lost_reasons(s), lost_by_reason(s, key)), on_done=self._show_reasons,
                                owner=self, key=f"lost-view:{id(self)}")

    def _show_reasons(self, loaded: tuple[list[LostReasonRow], dict[int, tuple[int, int]]]) -> None:
        reasons, self.counts = loaded
        self.reasons = {r.id: r for r in reasons}
        self._stage_names = {s.id: s.name(self.ctx.language) for s in self.board.stages}
        self.model.mark_stale()  # reason and stage names may have changed
        current = self.reason_list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else ALL
        counts = {reason: n for reason, (n, _amount) in self.counts.items()}
        amounts = {reason: amount for reason, (_n, amount) in self.counts.items()}
        self.reason_list.blockSignals(True)
        self.reason_list.clear()
        self._add_reason_item(ALL, self.tr("All lost deals"), sum(counts.values()), sum(amounts.values()), None)
        for reason_id, reason in self.reasons.items():
            if counts.get(reason_id):
                self._add_reason_item(reason_id, reason.label(self.ctx.language), counts[reason_id],
                                      amounts[reason_id], reason.follow_up)
        if counts.get(NO_REASON):
            self._add_reason_item(NO_REASON, self.tr("No reason given"), counts[NO_REASON], amounts[NO_REASON], None)
        self.reason_list.blockSignals(False)
        rows = [self.reason_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.reason_list.count())]
        self.reason_list.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._fill_menus()
        self._show_reason(keep_place=True)

    def current_filter(self) -> TableFilter:
        item = self.reason_list.currentItem()
        reason_id = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        return TableFilter(search=self.search.text(), pipeline_key=self.pipeline.key if self.pipeline else None,
                           lost_reason_id=None if reason_id == ALL else reason_id)

    def requery(self, keep_place: bool = False) -> None:
        """The chosen reason's lost deals, searched and sorted in SQL, on the executor."""
        if self.pipeline is None:
            return
        flt, sort, fetch = self.current_filter(), self.sort, self.fetch_rows
        self.loading = True

        def read(session) -> tuple[list[int], list[LostDealRow]]:
            ids = record_ids(session, "lost", flt, sort)
            return ids, fetch(session, ids[:PAGE])

        self.ctx.executor.query(read, on_done=lambda result: self._on_ids(result, keep_place), owner=self,
                                key=f"lost-ids:{id(self)}")

    def _on_ids(self, result: tuple[list[int], list[LostDealRow]], keep_place: bool) -> None:
        ids, first = result
        self.loading = False
        if keep_place:
            scroll = self.table.verticalScrollBar().value()
            self.model.reorder(ids, first)
            self.table.verticalScrollBar().setValue(scroll)
        else:
            self.model.set_ids(ids, first)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 240))
        self._update_buttons()
        self._update_empty_state()
        self.loaded.emit()

    def _update_empty_state(self) -> None:
        from ..first_day.empty_state import DATA, EMPTY, FILTERED

        lost = sum(n for n, _amount in self.counts.values())
        self.empty_state.set_state(EMPTY if not lost else FILTERED if not self.model.rowCount() else DATA)

    def reset_filters(self) -> None:
        """Every lost deal of the pipeline again: no search, all reasons."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.reason_list.blockSignals(True)
        self.reason_list.setCurrentRow(0)
        self.reason_list.blockSignals(False)
        self._show_reason()

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.sort = TableSort(self.model.columns[column].key, order == Qt.SortOrder.DescendingOrder)
        self.requery()

    def ask_export(self, fmt: str) -> None:
        path = ask_path(self, fmt, "lost-deals")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the lost deals shown (reason, search, sort) on the executor."""
        header = self.table.horizontalHeader()
        order = sorted(range(self.model.columnCount()), key=header.visualIndex)
        columns = [self.model.columns[c] for c in order if not header.isSectionHidden(c)]

        def done(count: int) -> None:
            self.hint.setText(exported_text(count, path))
            self.hint.setVisible(True)
            self.exported.emit(str(path), count)

        export_ids(self.ctx, self, path, self.model.ids, columns, self.fetch_rows, done,
                   lambda exc: show_error(self, exc))

    def _add_reason_item(self, reason_id: int, label: str, count: int, amount: int, follow_up: str | None) -> None:
        mark = {"reassign": " ⇄", "reactivate": " ↻"}.get(follow_up or "", "")
        text = self.tr("%1%2\ndeals: %3 · %4").replace("%1", label).replace("%2", mark).replace(
            "%3", str(count)).replace("%4", money_text(amount, self.board.currency, self.ctx.language))
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, reason_id)
        item.setToolTip(self._follow_up_text(follow_up))
        self.reason_list.addItem(item)

    def _follow_up_text(self, follow_up: str | None) -> str:
        if follow_up == "reassign":
            return self.tr("Often worth another try by another rep: select the deals and use “Reassign to…”.")
        if follow_up == "reactivate":
            return self.tr("Lost to a competitor: revisit them after product changes with “Reactivate to stage…”.")
        return ""

    def _show_reason(self, keep_place: bool = False) -> None:
        item = self.reason_list.currentItem()
        reason_id = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        reason = self.reasons.get(reason_id)
        self.hint.setText(self._follow_up_text(reason.follow_up if reason else None))
        self.hint.setVisible(bool(self.hint.text()))
        self.requery(keep_place)

    def _fill_menus(self) -> None:
        stages = QMenu(self.reactivate)
        for stage in board_order(self.board.stages):
            stages.addAction(stage.name(self.ctx.language), lambda s=stage: self.board.actions.reopen(
                self.selected_ids(), stage=s))
        self.reactivate.setMenu(stages)
        owners = QMenu(self.reassign)
        for user in self.board.users:
            owners.addAction(user.name, lambda u=user: self.board.actions.reopen(
                self.selected_ids(), owner=(u.id, u.name)))
        self.reassign.setMenu(owners)

    # --- selection and changes --------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [int(i.data(ID_ROLE)) for i in self.table.selectionModel().selectedRows()]

    def _update_buttons(self, *_args) -> None:
        has = bool(self.selected_ids())
        self.reactivate.setEnabled(has)
        self.reassign.setEnabled(has)

    def _on_changed(self, changes: Changes) -> None:
        if self.pipeline is None or not (changes.deals or changes.funnel or changes.users):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale and self.pipeline is not None:
            self.reload()
        super().showEvent(event)
