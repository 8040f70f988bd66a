"""The application context every screen gets: database, current user, language, undo stack,
and the one ``changed`` signal that carries a service's ``Changes`` to all screens.

Screens never refresh each other: they listen to ``changed`` and decide for themselves
(Anki's OpChanges shape).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from models.changes import Changes
from models.db import Database
from models.services.settings import get_setting, set_setting

from .errors import set_ui_language

T = TypeVar("T")


class AppContext(QObject):
    changed = Signal(object)  # models.changes.Changes
    error = Signal(object)  # an exception raised where no caller can show it (undo/redo)
    language_changed = Signal(str)
    user_changed = Signal(object)  # int | None
    open_record = Signal(str, int)  # ("deal" | "company" | "contact", id): show its card

    def __init__(self, db: Database, settings: QSettings, language: str = "ru", parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.language = language
        set_ui_language(language)
        self.undo_stack = QUndoStack(self)
        key = self._user_key()
        value = settings.value(key)
        self.user_id: int | None = int(value) if value not in (None, "") else None

    def _user_key(self) -> str:
        return f"databases/{self.db.location}/user_id"

    # --- running domain services ----------------------------------------------------------
    def run(self, service: Callable[..., Changes], *args: Any, **kwargs: Any) -> Changes:
        """Run one service in one transaction and announce what changed. Errors propagate."""
        changes = self.db.run(service, *args, **kwargs)
        if isinstance(changes, Changes) and not changes.empty:
            self.changed.emit(changes)
        return changes

    def query(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read-only query function ``fn(session, ...)``."""
        with self.db.session() as session:
            return fn(session, *args, **kwargs)

    def push_undoable(
        self, text: str, do: Callable[[], Changes], undo: Callable[[Changes], Changes]
    ) -> Changes:
        """Do an action now (errors propagate to the caller) and put it on the undo stack."""
        from .undo import ActionCommand

        changes = do()
        self.undo_stack.push(ActionCommand(self, text, do, undo, changes))
        return changes

    # --- who is using this laptop ---------------------------------------------------------
    def set_user(self, user_id: int | None) -> None:
        self.user_id = user_id
        self.settings.setValue(self._user_key(), "" if user_id is None else user_id)
        self.undo_stack.clear()
        self.user_changed.emit(user_id)

    # --- per-user settings stored in the database -----------------------------------------
    def user_setting(self, key: str, default: Any = None) -> Any:
        with self.db.session() as s:
            return get_setting(s, key, default, user_id=self.user_id)

    def set_user_setting(self, key: str, value: Any) -> None:
        self.db.run(set_setting, key, value, user_id=self.user_id)

    def team_setting(self, key: str, default: Any = None) -> Any:
        with self.db.session() as s:
            return get_setting(s, key, default)

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        set_ui_language(language)
        self.settings.setValue("ui/language", language)
        from desktop.i18n import install_language

        install_language(language)
        self.language_changed.emit(language)
