"""A page with a search box over one sortable, filterable table of records."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from models.changes import Changes

from ..app_context import AppContext
from .record_model import ID_ROLE, Column, RecordFilterProxy, RecordTableModel


class RecordPage(QWidget):
    """Subclasses give the record kind, columns and the query that loads the rows."""

    kind = ""  # "deal", "company", "contact": what double-click opens

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RecordTableModel(self.columns(), self, language=ctx.language)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open)  # double-click or Enter opens the record's card
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        from ..cards import new_record_button

        new_button = new_record_button(ctx, self.kind, self)
        if new_button is not None:
            top.addWidget(new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self._stale = False
        ctx.changed.connect(self._on_changed)
        self.reload()

    # --- for subclasses ---------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def load(self) -> list[Any]:
        raise NotImplementedError

    def wants_reload(self, changes: Changes) -> bool:
        return True

    # ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.set_rows(self.load())
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))

    def _on_changed(self, changes: Changes) -> None:
        # A hidden table only remembers that it is stale: a move on the board must not pay
        # for reloading every deal of a page nobody is looking at.
        if self.wants_reload(changes):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def _update_count(self, *args: Any) -> None:
        self.count_label.setText(self.tr("%1 of %2").replace("%1", str(self.proxy.rowCount()))
                                 .replace("%2", str(self.model.rowCount())))

    def _open(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id is not None:
            self.ctx.open_record.emit(self.kind, int(record_id))


def value_of(attr: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, attr)
