"""The Tasks page's model: groups (overdue, today, upcoming, done) with their tasks under them.

Plain ``TaskRow`` values from one query; ``data()`` only reads them. Checking a task asks
``on_check(task_id, done, row)``; editing its title (F2) or due time asks ``on_edit(task_id,
values, row)`` — both go through a domain service and the undo stack, with the row as shown
(its version and values), so a task someone else changed since is not overwritten.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDateTime, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from voronka.models.clock import local_now
from voronka.models.queries.tasks import GROUPS, TaskRow, task_group
from voronka.views.cards.formatting import format_datetime
from ..theme import colour

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
EDITABLE = {0: "title", 4: "due_at"}  # column → the task field it edits
Index = QModelIndex | QPersistentModelIndex


class TaskTreeModel(QAbstractItemModel):
    def __init__(self, language: str, on_check: Callable[[int, bool, TaskRow], bool],
                 on_edit: Callable[[int, dict[str, Any], TaskRow], bool] | None = None, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.on_check = on_check
        self.on_edit = on_edit
        self.now = local_now()
        self.groups: list[tuple[str, list[TaskRow]]] = []
        self.titles = {"overdue": self.tr("Overdue"), "today": self.tr("Today"),
                       "upcoming": self.tr("Upcoming"), "done": self.tr("Done")}
        self.headers = [self.tr("Task"), self.tr("Deal"), self.tr("Company"), self.tr("Assignee"), self.tr("Due")]

    def set_rows(self, rows: list[TaskRow], now: datetime) -> None:
        self.beginResetModel()
        self.now = now
        by_group: dict[str, list[TaskRow]] = {g: [] for g in GROUPS}
        for row in rows:
            by_group[task_group(row, now)].append(row)
        by_group["done"].sort(key=lambda r: r.done_at, reverse=True)
        self.groups = [(g, by_group[g]) for g in GROUPS if by_group[g]]
        self.endResetModel()

    def group_index(self, key: str) -> QModelIndex:
        for i, (g, _rows) in enumerate(self.groups):
            if g == key:
                return self.index(i, 0)
        return QModelIndex()

    def task_count(self, key: str) -> int:
        return next((len(rows) for g, rows in self.groups if g == key), 0)

    # --- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def task(self, index: Index) -> TaskRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0 and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.internalId() != 0 and index.column() in EDITABLE and self.on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- data ----------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            key, rows = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{self.titles[key]} ({len(rows)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and key == "overdue":
                return colour("alert")
            if role == GROUP_ROLE:
                return key
            return None
        row = self.task(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.deal_name, row.company, row.assignee,
                    format_datetime(row.done_at or row.due_at, self.language))[col] or ""
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if row.done_at else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and col in EDITABLE:
            if col == 0:
                return row.title
            return QDateTime(row.due_at or self.now.replace(second=0, microsecond=0))
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.done_at:
                return colour("muted")
            if row.due_at and row.due_at < self.now and (col == 4 or task_group(row, self.now) == "today"):
                return colour("alert")
        if role == TASK_ID_ROLE:
            return row.id
        if role == DEAL_ID_ROLE:
            return row.deal_id
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and row.deal_id:
            return self.tr("Enter or double-click opens the deal; Space marks the task done")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.task(index)
        if row is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            return bool(self.on_check(row.id, Qt.CheckState(value) == Qt.CheckState.Checked, row))
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE or self.on_edit is None:
            return False
        if index.column() == 0:
            return bool(self.on_edit(row.id, {"title": str(value)}, row))
        due = value.toPython() if isinstance(value, QDateTime) else value
        return bool(self.on_edit(row.id, {"due_at": due.replace(second=0, microsecond=0)}, row))
