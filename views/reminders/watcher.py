"""Asks the database which of my tasks are due — every minute and after a change of tasks,
settings or user — on the application's executor (never on the UI thread), and says so with
``updated(DueTasks)``; ``newly_due`` carries the tasks that were not due at the last look
(what a notification announces)."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.services.reminders import DueTasks, Reminder, due_tasks, snooze

from ..app_context import AppContext

CHECK_EVERY_MS = 60_000
AFTER_CHANGE_MS = 300  # a burst of changes (an import, a batch move) asks once


class ReminderWatcher(QObject):
    updated = Signal(object)  # DueTasks
    newly_due = Signal(list)  # list[Reminder]: due now, not at the previous look

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.due = DueTasks(0, (), 0)
        self._seen: set[int] | None = None  # task ids already announced (None: nothing looked at yet)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.soon = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.check)
        ctx.changed.connect(self._on_changed)
        ctx.user_changed.connect(self._on_user)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Ask again in the background (a newer question supersedes an older one)."""
        self.ctx.executor.query(due_tasks, self.ctx.user_id, local_now(), on_done=self._arrived,
                                owner=self, key=f"reminders:{id(self)}")

    def _arrived(self, due: DueTasks) -> None:
        self.due = due
        ids = due.task_ids
        if self._seen is not None:
            fresh = [r for r in due.reminders if r.task_id not in self._seen]
            if fresh:
                self.newly_due.emit(fresh)
        elif due.reminders:
            self.newly_due.emit(list(due.reminders))  # the first look after start: one summary
        self._seen = ids  # a snoozed task that comes back is announced again: that is the snooze
        self.updated.emit(due)

    def _on_changed(self, changes: Changes) -> None:
        if changes.tasks or changes.settings or changes.users or changes.deals and self.due.count:
            self.soon.start()

    def _on_user(self, _user_id: object) -> None:
        self._seen = None
        self.check()

    def snooze(self, choice: str, reminders: list[Reminder] | None = None) -> None:
        """Snooze ``reminders`` (all shown when None) for "10min", "1h" or "tomorrow"."""
        if self.ctx.user_id is None:
            return
        ids = [r.task_id for r in (reminders if reminders is not None else self.due.reminders)]
        if not ids:
            return
        self.ctx.executor.write(snooze, self.ctx.user_id, ids, choice, local_now(), owner=self)
