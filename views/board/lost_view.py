"""The "Lost" view of a pipeline: lost deals grouped by reason, with the follow-up the
funnel article suggests — "no contacts found" / "no answer" go to another rep
(``follow_up == "reassign"``), losses to competitors are revisited (``"reactivate"``).

"Reactivate to stage…" reopens the selected deals in a chosen stage; "Reassign to…"
reopens them where they were lost under another owner. Both are one transaction and
undoable. The list reloads when deals change while it is shown (or on the next show).
"""
from __future__ import annotations

from collections import Counter, defaultdict

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

from models.changes import Changes
from models.money import from_minor
from models.queries.board import LostDealRow, LostReasonRow, PipelineRow, lost_deals, lost_reasons

from ..app_context import AppContext
from ..tables.record_model import ID_ROLE, Column, RecordFilterProxy, RecordTableModel
from .board_view import BoardView, board_order
from .formatting import money_text

LOST_ON = 4  # the column of the loss date: latest losses first
ALL = -1
NO_REASON = 0


class LostDealsView(QWidget):
    loaded = Signal()  # the lost deals are on screen

    def __init__(self, ctx: AppContext, board: BoardView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.board = board
        self.pipeline: PipelineRow | None = None
        self.rows: list[LostDealRow] = []
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
        self.hint.setStyleSheet("color: #4b5563;")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search lost deals…"))
        self.search.setClearButtonEnabled(True)
        self.reactivate = QToolButton(self)
        self.reactivate.setText(self.tr("Reactivate to stage…"))
        self.reactivate.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reassign = QToolButton(self)
        self.reassign.setText(self.tr("Reassign to…"))
        self.reassign.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.model = RecordTableModel(self._columns(), self, language=self.ctx.language)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LOST_ON, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.ctx.open_record.emit("deal", int(index.data(ID_ROLE))))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        right = QWidget(self)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        actions.addWidget(self.reactivate)
        actions.addWidget(self.reassign)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hint)
        column.addLayout(actions)
        column.addWidget(self.table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.reason_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 1000])
        QVBoxLayout(self).addWidget(splitter)
        self.reason_list.currentItemChanged.connect(lambda *_: self._show_reason())
        ctx.changed.connect(self._on_changed)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Deal"), lambda r: r.name),
            Column(self.tr("Company"), lambda r: r.company),
            Column(self.tr("Amount"), lambda r: from_minor(r.amount_minor), align_right=True),
            Column(self.tr("Lost at stage"), lambda r: self._stage_names.get(r.stage_id, "")),
            Column(self.tr("Reason"), lambda r: self._reason_label(r.lost_reason_id)),
            Column(self.tr("Lost on"), lambda r: r.closed_at.date() if r.closed_at else None),
            Column(self.tr("Owner"), lambda r: r.owner),
            Column(self.tr("Comment"), lambda r: r.lost_comment),
        ]

    def _reason_label(self, reason_id: int | None) -> str:
        reason = self.reasons.get(reason_id or NO_REASON)
        return reason.label(self.ctx.language) if reason else self.tr("No reason given")

    # --- loading ----------------------------------------------------------------------
    def open_pipeline(self, pipeline: PipelineRow) -> None:
        self.pipeline = pipeline
        self.reload()

    def reload(self) -> None:
        """Read the lost deals on the executor; a newer reload supersedes an unanswered one."""
        assert self.pipeline is not None
        self._stale = False
        key = self.pipeline.key
        self.ctx.executor.query(lambda s: (lost_reasons(s), lost_deals(s, key)), on_done=self._show_loaded,
                                owner=self, key=f"lost-view:{id(self)}")

    def _show_loaded(self, loaded: tuple[list[LostReasonRow], list[LostDealRow]]) -> None:
        reasons, self.rows = loaded
        self.reasons = {r.id: r for r in reasons}
        self._stage_names = {s.id: s.name(self.ctx.language) for s in self.board.stages}
        current = self.reason_list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else ALL
        counts = Counter(r.lost_reason_id or NO_REASON for r in self.rows)
        amounts: dict[int, int] = defaultdict(int)
        for r in self.rows:
            amounts[r.lost_reason_id or NO_REASON] += r.amount_minor or 0
        self.reason_list.blockSignals(True)
        self.reason_list.clear()
        self._add_reason_item(ALL, self.tr("All lost deals"), len(self.rows), sum(amounts.values()), None)
        for reason_id, reason in self.reasons.items():
            if counts[reason_id]:
                self._add_reason_item(reason_id, reason.label(self.ctx.language), counts[reason_id],
                                      amounts[reason_id], reason.follow_up)
        if counts[NO_REASON]:
            self._add_reason_item(NO_REASON, self.tr("No reason given"), counts[NO_REASON], amounts[NO_REASON], None)
        self.reason_list.blockSignals(False)
        rows = [self.reason_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.reason_list.count())]
        self.reason_list.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._fill_menus()
        self.loaded.emit()

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

    def _show_reason(self) -> None:
        item = self.reason_list.currentItem()
        reason_id = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        rows = self.rows if reason_id == ALL else [r for r in self.rows if (r.lost_reason_id or NO_REASON) == reason_id]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 240))
        reason = self.reasons.get(reason_id)
        self.hint.setText(self._follow_up_text(reason.follow_up if reason else None))
        self.hint.setVisible(bool(self.hint.text()))
        self._update_buttons()

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
