"""The Tasks page: my tasks or the team's, grouped overdue / today / upcoming / done.

Space completes (or reopens) the selected task, Enter or double-click opens its deal;
a line on top adds a task. One tree model, no widget per task; the tasks are read on the
application's executor, never on the UI thread. Whose tasks are shown is
remembered per user (``tasks.scope``: "mine", "team" or a member's id).
"""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.queries.cards import user_choices
from voronka.models.queries.tasks import task_rows

from ..app_context import AppContext
from ..cards.deal_tasks import add_task_undoable, edit_task_undoable, toggle_task, tomorrow_morning
from ..errors import show_error
from ..tables.export import ask_path, export_button, export_rows, exported_text
from .model import DEAL_ID_ROLE, TASK_ID_ROLE, TaskTreeModel

DONE_DAYS = 7


class TaskTree(QTreeView):
    """Space toggles the current task, Enter opens its deal."""

    def __init__(self, page: "TasksPage"):
        super().__init__(page)
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and index.data(TASK_ID_ROLE) is not None:
            self.page.toggle(index)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.page.open_deal(index)
            return
        super().keyPressEvent(event)


class TasksPage(QWidget):
    loaded = Signal()  # the tasks read in the background are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self.scope = QComboBox(self)
        self.show_done = QCheckBox(self.tr("Show done (last %1 days)").replace("%1", str(DONE_DAYS)), self)
        self.show_done.setChecked(True)
        self.count_label = QLabel(self)
        self.model = TaskTreeModel(ctx.language, lambda tid, done, row: toggle_task(ctx, self, tid, done, row),
                                   lambda tid, values, row: edit_task_undoable(ctx, self, tid, values, row), self)
        self.tree = TaskTree(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.tree.doubleClicked.connect(self.open_deal)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        for column, width in ((1, 300), (2, 220), (3, 170), (4, 130)):
            self.tree.setColumnWidth(column, width)
        # F2 (or a click on the selected cell) edits the title or the due time; double-click opens the deal
        self.tree.setEditTriggers(QTreeView.EditTrigger.EditKeyPressed | QTreeView.EditTrigger.SelectedClicked)
        self.new_title = QLineEdit(self)
        self.new_title.setPlaceholderText(self.tr("New task — Enter adds it"))
        self.new_title.returnPressed.connect(self.add)
        self.new_due = QDateTimeEdit(self)
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("dd.MM.yyyy HH:mm" if ctx.language == "ru" else "yyyy-MM-dd HH:mm")
        self.new_assignee = QComboBox(self)
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self.add)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tasks of"), self))
        top.addWidget(self.scope)
        top.addWidget(self.show_done)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.export = export_button(self, self.ask_export)
        top.addWidget(self.export)
        adding = QHBoxLayout()
        adding.addWidget(self.new_title, 1)
        adding.addWidget(self.new_due)
        adding.addWidget(self.new_assignee)
        adding.addWidget(add)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(adding)
        box.addWidget(self.tree, 1)
        box.addWidget(QLabel(self.tr("Space marks the selected task done · Enter opens its deal · "
                                     "F2 edits the title or the due time"), self))
        from ..first_day.empty_state import EmptyState

        self.empty_state = EmptyState(ctx, self.tree.viewport(), self.tr(
            "Calls, meetings and follow-ups, grouped overdue, today and upcoming. Type a task in the line "
            "above; a deal's tasks are added on its card, so that no deal is left without a next step."),
            offer_add=False)
        self._fill_people()
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.show_done.toggled.connect(lambda _c: self.reload())
        ctx.changed.connect(self._on_changed)
        self._reset_due()
        self.reload()

    def _fill_people(self) -> None:
        users = self.ctx.query(user_choices)
        saved = self.ctx.user_setting("tasks.scope", "mine" if self.ctx.user_id else "team")
        self.scope.blockSignals(True)
        self.scope.clear()
        if self.ctx.user_id is not None:
            self.scope.addItem(self.tr("Mine"), "mine")
        self.scope.addItem(self.tr("The whole team"), "team")
        for user in users:
            if user.id != self.ctx.user_id:
                self.scope.addItem(user.text, user.id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(saved)))
        self.scope.blockSignals(False)
        self.new_assignee.clear()
        for user in users:
            self.new_assignee.addItem(user.text, user.id)
        self.new_assignee.setCurrentIndex(max(0, self.new_assignee.findData(self.ctx.user_id)))

    def _on_scope(self, _index: int) -> None:
        if self.ctx.user_id is not None:
            self.ctx.set_user_setting("tasks.scope", self.scope.currentData())
        self.reload()

    def _reset_due(self) -> None:
        due = tomorrow_morning()
        self.new_due.setDateTime(QDateTime(due.date(), QTime(due.hour, due.minute)))

    def assignee_filter(self) -> int | None:
        scope = self.scope.currentData()
        if scope == "mine":
            return self.ctx.user_id
        return None if scope == "team" else int(scope)

    def reload(self) -> None:
        """Read the tasks on the executor; the tree fills when they arrive (a newer read wins)."""
        now = local_now()
        done_since = now - timedelta(days=DONE_DAYS) if self.show_done.isChecked() else None
        assignee = self.assignee_filter()
        self.loading = True
        self.ctx.executor.query(lambda s: task_rows(s, assignee_id=assignee, done_since=done_since),
                                on_done=lambda rows: self._show(rows, now), owner=self, key=f"tasks-page:{id(self)}")

    def _show(self, rows: list, now) -> None:
        self.loading = False
        current = self.tree.currentIndex().data(TASK_ID_ROLE)
        self.model.set_rows(rows, now)
        self.tree.expandAll()
        for group in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(group, QModelIndex(), True)
        open_count = sum(self.model.task_count(g) for g in ("overdue", "today", "upcoming"))
        self.count_label.setText(self.tr("Open: %1 · overdue: %2").replace("%1", str(open_count))
                                 .replace("%2", str(self.model.task_count("overdue"))))
        if current is not None:
            self.select_task(current)
        has_tasks = any(self.model.rowCount(self.model.index(g, 0)) for g in range(self.model.rowCount()))
        self.empty_state.set_state("data" if has_tasks else "empty")
        self.loaded.emit()

    def shown_rows(self) -> tuple[list[str], list[list[str]]]:
        """The tasks as the tree shows them, group by group: headers and rows (the group first)."""
        model = self.model
        headers = [self.tr("Group")] + [model.headerData(c, Qt.Orientation.Horizontal)
                                        for c in range(model.columnCount())]
        rows = []
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            title = model.titles[model.groups[g][0]]  # "Overdue", without the count the tree adds
            for t in range(model.rowCount(group)):
                rows.append([title] + [model.index(t, c, group).data() or "" for c in range(model.columnCount())])
        return headers, rows

    def ask_export(self, fmt: str) -> None:
        path = ask_path(self, fmt, "tasks")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the tasks shown (whose, done or not, in the tree's order) on the executor."""
        headers, rows = self.shown_rows()
        export_rows(self.ctx, self, path, headers, rows,
                    lambda count: self.count_label.setText(exported_text(count, path)),
                    lambda exc: show_error(self, exc))

    def select_task(self, task_id: int) -> None:
        matches = self.model.match(self.model.index(0, 0), TASK_ID_ROLE, task_id, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if matches:
            self.tree.setCurrentIndex(matches[0])

    def _on_changed(self, changes: Changes) -> None:
        if changes.users:
            self._fill_people()
        if changes.tasks or changes.users or (changes.deals and self.model.groups):
            self.reload()

    # --- actions -------------------------------------------------------------------------------
    def toggle(self, index: QModelIndex) -> None:
        task = self.model.task(index.siblingAtColumn(0))
        if task is not None:
            toggle_task(self.ctx, self, task.id, task.done_at is None, task)

    def open_deal(self, index: QModelIndex) -> None:
        deal_id = index.siblingAtColumn(0).data(DEAL_ID_ROLE)
        if deal_id is not None:
            self.ctx.open_record.emit("deal", int(deal_id))

    def add(self) -> None:
        title = self.new_title.text().strip()
        if not title:
            return
        due = self.new_due.dateTime().toPython().replace(second=0, microsecond=0)
        if add_task_undoable(self.ctx, self, title=title, assignee_id=self.new_assignee.currentData(), due_at=due):
            self.new_title.clear()
            self._reset_due()
