"""The deal's next steps: open tasks with a check box (Space completes the selected one) and
a line to add a task with a due time and an assignee. A list model, no widget per task."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QDateTime, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.clock import local_now
from voronka.models.changes import Changes
from voronka.models.errors import ChangedSince, EditConflict, VoronkaError
from voronka.models.queries.tasks import TaskRow
from voronka.models.services.tasks import add_task, complete_task, reopen_task, task_values, update_task

from ..app_context import AppContext
from ..errors import show_error
from ..undo import push_creation, push_guarded
from .formatting import format_datetime
from ..theme import colour


class TaskListModel(QAbstractListModel):
    """Tasks as checkable rows; checking one asks ``on_check(task_id, done, row shown)``."""

    def __init__(self, language: str, on_check, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.rows: list[TaskRow] = []
        self.on_check = on_check
        self.now = local_now()

    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = local_now()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [row.title]
            if row.due_at:
                parts.append(format_datetime(row.due_at, self.language))
            if row.assignee:
                parts.append(row.assignee)
            return " · ".join(parts)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.done_at else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and row.due_at and not row.done_at and row.due_at < self.now:
            return colour("alert")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self.rows[index.row()]
        return bool(self.on_check(row.id, done, row))


def _refused(ctx: AppContext, parent: QWidget | None, task_id: int, exc: VoronkaError) -> None:
    """Say why; a task someone else changed meanwhile is shown again as it is now."""
    show_error(parent, exc)
    if isinstance(exc, (ChangedSince, EditConflict)):
        ctx.changed.emit(Changes(tasks={task_id}))


def toggle_task(ctx: AppContext, parent: QWidget | None, task_id: int, done: bool, seen: TaskRow | None = None) -> bool:
    """Complete (or reopen) a task through the undo stack; errors are shown. ``seen``: the
    task as the screen showed it — one someone else completed or reopened since is refused."""
    do, undo = (complete_task, reopen_task) if done else (reopen_task, complete_task)
    seen_done = None if seen is None else seen.done_at is not None
    text = (QCoreApplication.translate("Tasks", "Complete a task") if done
            else QCoreApplication.translate("Tasks", "Reopen a task"))
    try:
        push_guarded(ctx, text, "task", task_id, ["done_at"], lambda s: do(s, task_id, seen_done=seen_done),
                     lambda s: undo(s, task_id))
    except VoronkaError as exc:
        _refused(ctx, parent, task_id, exc)
        return False
    return True


def edit_task_undoable(ctx: AppContext, parent: QWidget | None, task_id: int, values: dict[str, Any],
                       seen: TaskRow | None = None) -> bool:
    """Edit a task's title, due time or assignee through the undo stack; errors are shown.
    ``seen``: the task as the screen showed it — a field someone else changed differently
    since is refused (``EditConflict``), nothing is overwritten."""
    try:
        keys = list(values)
        old = {key: getattr(seen, key) for key in keys} if seen is not None else ctx.query(task_values, task_id, keys)
        if old == values:
            return True
        version = seen.version if seen is not None else None
        original = old if seen is not None else None
        push_guarded(ctx, QCoreApplication.translate("Tasks", "Edit a task"), "task", task_id, keys,
                     lambda s: update_task(s, task_id, values, seen_version=version, original=original),
                     lambda s: update_task(s, task_id, old))
    except VoronkaError as exc:
        _refused(ctx, parent, task_id, exc)
        return False
    return True


def add_task_undoable(ctx: AppContext, parent: QWidget, **values: Any) -> int | None:
    try:
        changes = push_creation(ctx, QCoreApplication.translate("Tasks", "Add a task"),
                                lambda: ctx.run(add_task, **values), kind="tasks")
    except VoronkaError as exc:
        show_error(parent, exc)
        return None
    return changes.created[0]


def tomorrow_morning() -> datetime:
    return (local_now() + timedelta(days=1)).replace(hour=10, minute=0, second=0)


class DealTasks(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id: int | None = None
        self.model = TaskListModel(ctx.language, lambda tid, done, row: toggle_task(ctx, self, tid, done, row),
                                   self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setMaximumHeight(90)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Next step"))
        self.title.setToolTip(self.tr("Next step, e.g. «Send the offer»"))
        self.title.returnPressed.connect(self.add)
        self.due = QDateTimeEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy HH:mm" if ctx.language == "ru" else "yyyy-MM-dd HH:mm")
        self.assignee = QComboBox(self)
        self.assignee.setToolTip(self.tr("Who does it"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add)
        # the next step on a line of its own, when/who/add under it: a card in the side panel
        # shows the assignee whole ("Елена Смирнова", not "Елена С")
        row = QHBoxLayout()
        row.addWidget(self.due)
        row.addWidget(self.assignee, 1)
        row.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        box.addWidget(self.title)
        box.addLayout(row)
        self._reset_due()

    def _reset_due(self) -> None:
        due = tomorrow_morning()
        self.due.setDateTime(QDateTime(due.date(), QTime(due.hour, due.minute)))

    def set_deal(self, deal_id: int | None, tasks: list[TaskRow], users: list[tuple[int, str]], owner_id: int | None) -> None:
        self.deal_id = deal_id
        self.model.set_rows([t for t in tasks if t.done_at is None])
        current = self.assignee.currentData()
        self.assignee.clear()
        for uid, name in users:
            self.assignee.addItem(name, uid)
        wanted = current if current is not None else (self.ctx.user_id or owner_id)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(wanted)))

    def add(self) -> None:
        title = self.title.text().strip()
        if not title or self.deal_id is None:
            self.title.setFocus()
            return
        due = self.due.dateTime().toPython()
        if add_task_undoable(self.ctx, self, title=title, assignee_id=self.assignee.currentData(),
                             deal_id=self.deal_id, due_at=due.replace(second=0, microsecond=0)) is not None:
            self.title.clear()
            self._reset_due()
