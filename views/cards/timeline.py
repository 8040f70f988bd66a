"""The deal's timeline: stage moves, wins and losses, owner changes, activities and tasks,
newest first, in one list (model/view; rows are plain ``TimelineEntry`` values)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from voronka.models.queries.cards import TimelineEntry

from .formatting import format_datetime
from ..icons import tinted
from ..theme import colour

KIND_COLOURS = {  # the theme's colour names (views/theme.py); a lost deal is history, not a call to act: grey
    "stage": "series_1", "won": "ok", "lost": "muted", "reopened": "series_5", "owner": "series_6",
    "renewal": "series_7", "call": "series_2", "email": "event_email", "message": "series_7",
    "meeting": "event_meeting", "note": "muted", "task": "accent",
}
KIND_ICONS = {"stage": "moved", "won": "won", "lost": "lost", "reopened": "reopened", "owner": "owner",
              "renewal": "renewal", "call": "call", "email": "email", "message": "message", "meeting": "meeting",
              "note": "note", "task": "task"}


class TimelineModel(QAbstractListModel):
    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.entries: list[TimelineEntry] = []
        self._creation_row = -1
        self._icons: dict[str, QIcon] = {}  # made once, not in every data() call
        self.kinds = {
            "call": self.tr("Call"), "email": self.tr("E-mail"), "message": self.tr("Message"),
            "meeting": self.tr("Meeting"), "note": self.tr("Note"),
        }

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        stage_rows = [i for i, e in enumerate(entries) if e.kind == "stage"]
        self._creation_row = stage_rows[-1] if stage_rows else -1  # newest first: the last is the oldest
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = format_datetime(entry.at, self.language)
            who = f" · {entry.user}" if entry.user else ""
            return f"{when}{who}\n{self.describe(entry, index.row())}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(entry.kind)
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == "note":
            return colour("muted")  # a note reads quieter, in either theme
        return None

    def _icon(self, kind: str) -> QIcon | QColor:
        if kind not in KIND_ICONS:
            return colour(KIND_COLOURS.get(kind, "muted"))
        if kind not in self._icons:
            self._icons[kind] = tinted(KIND_ICONS[kind], colour(KIND_COLOURS[kind]).name())
        return self._icons[kind]

    def describe(self, e: TimelineEntry, row: int) -> str:
        ru = self.language == "ru"
        stage = (e.stage_ru if ru else e.stage_en) or ""
        other = (e.other_ru if ru else e.other_en) or ""
        if e.kind == "stage":
            text = self.tr("Created in «%1»") if row == self._creation_row else self.tr("Moved to «%1»")
            return text.replace("%1", stage)
        if e.kind == "won":
            return self.tr("Won")
        if e.kind == "lost":
            text = self.tr("Lost at «%1»: %2").replace("%1", stage).replace("%2", other)
            return text + (f" — {e.text}" if e.text else "")
        if e.kind == "reopened":
            return self.tr("Reopened")
        if e.kind == "owner":
            return self.tr("Owner: %1").replace("%1", other)
        if e.kind == "renewal":
            return self.tr("Renewed")
        if e.kind == "task":
            if e.done:
                return self.tr("Task done: %1").replace("%1", e.text or "")
            due = format_datetime(e.due_at, self.language)
            text = self.tr("Task set: %1").replace("%1", e.text or "")
            return text + (" — " + self.tr("due %1").replace("%1", due) if due else "")
        head = self.kinds.get(e.kind, e.kind)
        if e.outcome:
            head += f" — {e.outcome}"
        if other:
            head += " · " + self.tr("with %1").replace("%1", other)
        return head + (f"\n{e.text}" if e.text else "")


class TimelineView(QListView):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.timeline = TimelineModel(language, self)
        self.setModel(self.timeline)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
