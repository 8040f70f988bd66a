"""The application context every screen gets: database, current user, language, undo stack,
and the one ``changed`` signal that carries a service's ``Changes`` to all screens.

Screens never refresh each other: they listen to ``changed`` and decide for themselves
(Anki's OpChanges shape). What other windows or laptops commit arrives the same way
(``views.live_refresh``); what this window does is announced once, by ``run``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from voronka.models.change_feed import say_what_changed
from voronka.models.changes import Changes
from voronka.models.db import Database
from voronka.models.queries.settings import team_settings
from voronka.models.services.settings import get_setting, set_setting

from .errors import set_ui_language
from .executor import DbExecutor

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session

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
        from .undo import GuardedUndoStack

        self.undo_stack = GuardedUndoStack(self)
        self._joined: Session | None = None  # the open transaction of ``one_transaction``
        self._pending = Changes()
        self._on_commit: list[Callable[[], None]] = []
        # team settings (currency, time zone …) are read while painting results: kept here and
        # forgotten when any writer, here or elsewhere, announces a settings change
        self._team_settings: dict[str, Any] | None = None
        self._kept_user_settings: dict[tuple[int | None, str], Any] = {}  # ``user_setting(…, kept=True)``
        self.changed.connect(self._forget_team_settings)
        self.team_setting("team.currency")  # read them all now, while the database is surely there
        # background database work belongs to the application, never to a page (views/executor.py)
        self.executor = DbExecutor(db, self, report_error=self.error.emit, announce=self.changed.emit)
        key = self._user_key()
        value = settings.value(key)
        self.user_id: int | None = int(value) if value not in (None, "") else None
        db.acting_user_id = self.user_id  # who changed a record last (conflict view, undo checks)
        from .busy_wait import keep_painting

        db.set_interactive(keep_painting)  # a colleague's long write never freezes this window
        from .live_refresh import LiveRefresh

        self.live = LiveRefresh(self)  # other windows' and laptops' commits arrive as ``changed`` too

    def _user_key(self) -> str:
        return f"databases/{self.db.location}/user_id"

    # --- running domain services ----------------------------------------------------------
    def run(self, service: Callable[..., Changes], *args: Any, **kwargs: Any) -> Changes:
        """Run one service in one transaction and announce what changed. Errors propagate.

        Inside ``one_transaction`` the service joins that transaction instead, and what it
        changed is announced once that commits."""
        service = self._acting(service)
        if self._joined is not None:
            changes = service(self._joined, *args, **kwargs)
            if isinstance(changes, Changes):
                self._pending.merge(changes)
            return changes
        try:
            changes = self.db.run(service, *args, **kwargs)
        except Exception as exc:
            self._announce_found(exc)
            raise
        if isinstance(changes, Changes) and not changes.empty:
            changes.local = True
            self.changed.emit(changes)
        return changes

    def _acting(self, service: Callable[..., T]) -> Callable[..., T]:
        """``service`` with this laptop's user as the transaction's acting user (the last editor)."""
        def run(session: Session, *args: Any, **kwargs: Any) -> T:
            session.info["user_id"] = self.user_id
            return service(session, *args, **kwargs)
        return run

    @contextmanager
    def one_transaction(self) -> Iterator[Session]:
        """Every ``run`` inside is one transaction: all of it is written, or (on any error)
        none. ``changed`` and the ``on_commit`` callbacks follow the commit."""
        if self._joined is not None:
            yield self._joined
            return
        self._pending, self._on_commit = Changes(), []
        try:
            with self.db.transaction() as session:
                session.info["user_id"] = self.user_id  # stamped as the records' last editor
                say_what_changed(session, self._pending)  # merged into by every run, read at commit
                self._joined = session
                try:
                    yield session
                finally:
                    self._joined = None
        except BaseException as exc:
            self._on_commit = []
            self._announce_found(exc)  # after the rollback: what a refusal proved others changed
            raise
        hooks, self._on_commit = self._on_commit, []
        for hook in hooks:
            hook()
        if not self._pending.empty:
            self._pending.local = True
            self.changed.emit(self._pending)

    def _announce_found(self, exc: BaseException) -> None:
        """A refusal (``ChangedSince``) that knows what someone else changed says so, like live
        refresh would: a refused undo of a team setting proves the kept settings are stale."""
        found = getattr(exc, "found", None)
        if isinstance(found, Changes) and not found.empty:
            self.changed.emit(found)

    def on_commit(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` once the current ``one_transaction`` commits (at once outside one)."""
        if self._joined is None:
            hook()
        else:
            self._on_commit.append(hook)

    def query(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read-only query function ``fn(session, ...)``."""
        with self.db.session() as session:
            return fn(session, *args, **kwargs)

    def push_undoable(
        self, text: str, do: Callable[[], Changes], undo: Callable[[Changes], Changes],
        redo: Callable[[], Changes] | None = None,
    ) -> Changes:
        """Do an action now, in one transaction (errors propagate to the caller), and put
        it on the undo stack (``redo``: how to do it again, when not ``do``)."""
        from .undo import ActionCommand

        changes = self.in_one_transaction(do)
        self.undo_stack.push(ActionCommand(self, text, do, undo, changes, redo))
        return changes

    def in_one_transaction(self, action: Callable[[], T]) -> T:
        """``action()`` inside ``one_transaction``; a database another writer keeps locked is
        tried again a few times (each try rolled back), then ``DatabaseBusy``."""
        def once() -> T:
            with self.one_transaction():
                return action()

        if self._joined is not None:  # part of a bigger transaction: its owner retries
            return once()
        return self.db.when_busy(once)

    # --- who is using this laptop ---------------------------------------------------------
    def set_user(self, user_id: int | None) -> None:
        self.user_id = user_id
        self.db.acting_user_id = user_id
        self.settings.setValue(self._user_key(), "" if user_id is None else user_id)
        self.undo_stack.clear()
        self.user_changed.emit(user_id)

    # --- per-user settings stored in the database -----------------------------------------
    def user_setting(self, key: str, default: Any = None, *, kept: bool = False) -> Any:
        """This user's setting ``key``. ``kept``: read once and then kept (as team settings
        are) until it is set here, the user changes or a settings change is announced — for a
        setting asked on every click (e.g. where a card opens), a query the click need not wait for."""
        if kept and (self.user_id, key) in self._kept_user_settings:
            value = self._kept_user_settings[(self.user_id, key)]
            return default if value is None else value
        with self.db.session() as s:
            value = get_setting(s, key, None, user_id=self.user_id)
        if kept:
            self._kept_user_settings[(self.user_id, key)] = value
        return default if value is None else value

    def set_user_setting(self, key: str, value: Any) -> None:
        self._kept_user_settings.pop((self.user_id, key), None)
        self.db.run(set_setting, key, value, user_id=self.user_id)

    def team_setting(self, key: str, default: Any = None) -> Any:
        """A team-wide setting, read once and then kept until a settings change is announced
        (``changed`` with ``settings``), so screens may ask while showing a result."""
        if self._team_settings is None:
            with self.db.session() as s:
                self._team_settings = team_settings(s)
        return self._team_settings.get(key, default)

    def _forget_team_settings(self, changes: Changes) -> None:
        if changes.settings:
            self._team_settings = None
            self._kept_user_settings.clear()

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        set_ui_language(language)
        self.settings.setValue("ui/language", language)
        from voronka.views.i18n import install_language

        install_language(language)
        self.language_changed.emit(language)
