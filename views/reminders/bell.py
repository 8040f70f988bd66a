"""The reminders on screen: a bell in the status bar ("3 due", red: they ask for action) whose
menu lists the due tasks and snoozes them, a count on the Tasks entry of the sidebar, and a
tray notification when tasks fall due (where the desktop has a tray)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from voronka.models.services.reminders import DueTasks, Reminder

from ..icons import icon
from .watcher import ReminderWatcher

BADGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the count a sidebar item shows (0: none)
MENU_TASKS = 10


SNOOZES = (("10min", QT_TRANSLATE_NOOP("Reminders", "Snooze for 10 minutes")),
           ("1h", QT_TRANSLATE_NOOP("Reminders", "Snooze for an hour")),
           ("tomorrow", QT_TRANSLATE_NOOP("Reminders", "Snooze until tomorrow morning")))


def snooze_texts() -> list[tuple[str, str]]:
    return [(choice, QCoreApplication.translate("Reminders", text)) for choice, text in SNOOZES]


def reminder_line(reminder: Reminder, language: str) -> str:
    """One due task as the menu and the notification write it: title — deal (due time)."""
    fmt = "%d.%m %H:%M" if language == "ru" else "%Y-%m-%d %H:%M"
    where = f" — {reminder.deal_name}" if reminder.deal_name else ""
    return f"{reminder.title}{where} ({reminder.due_at.strftime(fmt)})"


class ReminderBell(QToolButton):
    """The status bar's bell: the count of due tasks, a menu of them, snooze."""

    def __init__(self, watcher: ReminderWatcher, open_tasks: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminderBadge")
        self.watcher = watcher
        self.open_tasks = open_tasks
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill_menu)
        watcher.updated.connect(self.show_due)
        self.show_due(watcher.due)

    def show_due(self, due: DueTasks) -> None:
        count = due.count
        self.setProperty("due", "true" if count else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setIcon(icon("bell_ring", role="alert") if count else icon("bell"))
        self.setText(self.tr("%n due", "", count) if count else "")
        tip = (self.tr("%n task(s) due: click to see them or snooze", "", count) if count
               else self.tr("No task is due"))
        if due.snoozed:
            tip += "\n" + self.tr("%n snoozed", "", due.snoozed)
        self.setToolTip(tip)

    def _fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        due = self.watcher.due
        language = self.watcher.ctx.language
        for reminder in due.reminders[:MENU_TASKS]:
            action = menu.addAction(reminder_line(reminder, language))
            if reminder.deal_id is not None:
                action.triggered.connect(lambda _c=False, d=reminder.deal_id: self.watcher.ctx.open_record.emit("deal", d))
            else:
                action.triggered.connect(self.open_tasks)
        if due.count > MENU_TASKS:
            more = menu.addAction(self.tr("… and %n more", "", due.count - MENU_TASKS))
            more.triggered.connect(self.open_tasks)
        if due.count:
            menu.addSeparator()
            for choice, text in snooze_texts():
                action = menu.addAction(icon("snooze"), text)
                action.setObjectName(f"snooze:{choice}")
                action.triggered.connect(lambda _c=False, c=choice: self.watcher.snooze(c))
            menu.addSeparator()
        menu.addAction(icon("tasks"), self.tr("Open the Tasks page"), self.open_tasks)


class SidebarBadgeDelegate(QStyledItemDelegate):
    """Paints a sidebar item, and its count (``BADGE_ROLE``) in a red pill on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE) or 0
        if not count:
            return
        from ..theme import colour

        text = str(count) if count < 1000 else "999+"
        fm = option.fontMetrics
        height = fm.height() + 2
        width = max(height, fm.horizontalAdvance(text) + 10)
        rect = QRect(option.rect.right() - width - 10, option.rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour("badge"))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class ReminderTray(QSystemTrayIcon):
    """The tray icon that announces tasks falling due (only where the desktop has a tray)."""

    def __init__(self, watcher: ReminderWatcher, window: QWidget, open_tasks: Callable[[], None]):
        super().__init__(window.windowIcon(), window)
        self.watcher = watcher
        self.window_ = window
        self.open_tasks = open_tasks
        menu = QMenu(window)
        for choice, text in snooze_texts():
            menu.addAction(text, lambda c=choice: watcher.snooze(c))
        menu.addSeparator()
        menu.addAction(self.tr("Open the Tasks page"), self._show_tasks)
        self.setContextMenu(menu)
        self.messageClicked.connect(self._show_tasks)
        self.activated.connect(lambda _reason: self._show_tasks())
        watcher.newly_due.connect(self.announce)
        watcher.updated.connect(lambda due: self.setToolTip(
            self.tr("Voronka: %n task(s) due", "", due.count) if due.count else self.tr("Voronka")))
        self.show()

    def announce(self, fresh: list[Reminder]) -> None:
        lines = [reminder_line(r, self.watcher.ctx.language) for r in fresh[:5]]
        if len(fresh) > 5:
            lines.append(self.tr("… and %n more", "", len(fresh) - 5))
        self.showMessage(self.tr("%n task(s) due", "", len(fresh)), "\n".join(lines),
                         QSystemTrayIcon.MessageIcon.Information, 15_000)

    def _show_tasks(self) -> None:
        self.window_.showNormal()
        self.window_.raise_()
        self.window_.activateWindow()
        self.open_tasks()


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()
