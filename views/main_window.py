"""The main window: a sidebar of pages, the undo/redo and database menus, the top bar with
the global search (Ctrl+K, ``views/search``), the status bar.

Pages are created the first time they are shown and rebuilt when the language changes.
The sidebar order, hidden items and the page opened at launch are per user (database
settings ``ui.sidebar``, ``ui.sidebar_hidden``, ``ui.start_page``); the window geometry
and last page are per machine (QSettings).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from voronka.models.changes import Changes

from .app_context import AppContext
from .errors import show_error
from .interpreter import favour_ui_thread, settle_startup_heap
from .pages import PAGE_KEYS, page_spec, preload_pages, sidebar_order
from .plain_text import plain_label

log = logging.getLogger(__name__)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        favour_ui_thread()  # the executors' threads give the interpreter back within 0.5 ms
        preload_pages()  # a page opened later never waits for its module's import
        self.auto_backup = None
        self.replaced = False  # set when another database took this window's place
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        # colours and spacing come from the theme's style sheet (resources/styles/voronka.qss)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = plain_label(parent=self)
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_reminders()
        self._build_menus()
        self._build_top_bar()
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        ctx.language_changed.connect(self._rebuild)
        ctx.user_changed.connect(lambda _u: self._rebuild())
        ctx.error.connect(lambda exc: show_error(self, exc))
        ctx.changed.connect(self._on_changed)
        ctx.open_record.connect(self._open_record)
        from .theme import theme_manager

        theme_manager().changed.connect(self._on_theme)
        from .undo.everywhere import install as undo_in_every_window

        undo_in_every_window()
        self._retranslate()
        self._fill_sidebar()
        geometry = ctx.settings.value("ui/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        self._open_initial_page()
        settle_startup_heap()  # every page's module is imported, the window built: out of the GC's walks

    def _build_reminders(self) -> None:
        """Due tasks: a bell in the status bar, a count on the Tasks entry, a tray notification."""
        from .reminders.bell import ReminderBell, ReminderTray, SidebarBadgeDelegate, tray_available
        from .reminders.watcher import ReminderWatcher

        self.reminders = ReminderWatcher(self.ctx, self)
        self.sidebar.setItemDelegate(SidebarBadgeDelegate(self.sidebar))
        self.bell = ReminderBell(self.reminders, lambda: self.show_page("tasks"), self)
        self.statusBar().addPermanentWidget(self.bell)
        self.reminders.updated.connect(lambda _due: self._show_badges())
        self.tray = ReminderTray(self.reminders, self, lambda: self.show_page("tasks")) if tray_available() else None
        self.reminders.start()

    def _show_badges(self) -> None:
        from .reminders.bell import BADGE_ROLE

        count = self.reminders.due.count
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            item.setData(BADGE_ROLE, count if item.data(KEY_ROLE) == "tasks" else 0)
            if item.data(KEY_ROLE) == "tasks":
                item.setToolTip(self.tr("%n task(s) due", "", count) if count else "")

    def badge_count(self, key: str) -> int:
        """The count the sidebar shows on a page's entry (0: none)."""
        from .reminders.bell import BADGE_ROLE

        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(KEY_ROLE) == key:
                return int(item.data(BADGE_ROLE) or 0)
        return 0

    def _open_initial_page(self) -> None:
        """The user's start page; ``"reports:weekly"`` opens a page on one of its tabs."""
        key, _, tab = (self.ctx.user_setting("ui.start_page") or "").partition(":")
        if key in PAGE_KEYS:
            self.show_page(key)
            if tab and hasattr(self.page(key), "show_tab"):
                self.page(key).show_tab(tab)
        else:
            self.show_page(self._initial_page())

    def _sidebar_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        from .start.customise import CustomiseDialog

        menu = QMenu(self)
        menu.addAction(self.tr("Customise…"), lambda: CustomiseDialog(self.ctx, self).exec())
        menu.exec(self.sidebar.mapToGlobal(pos))

    # --- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from .undo import undo_actions

        self.undo_action, self.redo_action = undo_actions(self.ctx.undo_stack, self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.guide_action = QAction(self)
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.file_menu = self.menuBar().addMenu("")
        from .database.file_menu import FileMenu

        self.file_actions = FileMenu(self, self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.page_actions: list[QAction] = []
        for n in range(1, 9):  # Ctrl+1 … Ctrl+8: the sidebar's pages in their order
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, row=n - 1: self._open_sidebar_row(row))
            self.addAction(action)
            self.page_actions.append(action)
        self._set_menu_icons()

    def _set_menu_icons(self) -> None:
        from .icons import icon

        for action, key in ((self.undo_action, "undo"), (self.redo_action, "redo"), (self.quit_action, "quit"),
                            (self.about_action, "about"), (self.guide_action, "guide"),
                            (self.shortcuts_action, "shortcuts"), (self.file_actions.import_action, "import")):
            action.setIcon(icon(key))

    def _build_top_bar(self) -> None:
        """The bar above the pages: the global search box (Ctrl+K) at its right."""
        from PySide6.QtWidgets import QSizePolicy, QToolBar

        from .search import SearchBox

        self.top_bar = QToolBar(self)
        self.top_bar.setObjectName("topBar")
        self.top_bar.setMovable(False)
        self.top_bar.setFloatable(False)
        self.top_bar.toggleViewAction().setEnabled(False)
        self.top_bar.setIconSize(QSize(18, 18))
        # the actions a user reaches for anywhere, with their keys in the tooltip (_tool_tips)
        for action in (self.file_actions.import_action, self.undo_action, self.redo_action):
            self.top_bar.addAction(action)
        spacer = QWidget(self.top_bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.top_bar.addWidget(spacer)
        self.search_box = SearchBox(self.ctx, self)
        self.top_bar.addWidget(self.search_box)
        self.top_bar.addAction(self.shortcuts_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.top_bar)
        self._step_texts = {"undo": "", "redo": ""}
        self.ctx.undo_stack.undoTextChanged.connect(self._on_undo_text)
        self.ctx.undo_stack.redoTextChanged.connect(self._on_redo_text)

    def _on_undo_text(self, text: str) -> None:
        self._step_texts["undo"] = text
        self._tool_tips()

    def _on_redo_text(self, text: str) -> None:
        self._step_texts["redo"] = text
        self._tool_tips()

    def _tool_tips(self) -> None:
        """Tooltips of the top bar's buttons: what they do (the step, for undo) and their keys."""
        def with_keys(text: str, action: QAction) -> str:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            return f"{text.replace('&', '')} ({keys})" if keys else text.replace("&", "")

        undo, redo = self._step_texts["undo"], self._step_texts["redo"]  # never ask a stack being deleted
        self.undo_action.setToolTip(with_keys(self.tr("Undo: %1").replace("%1", undo) if undo
                                              else self.tr("Undo"), self.undo_action))
        self.redo_action.setToolTip(with_keys(self.tr("Redo: %1").replace("%1", redo) if redo
                                              else self.tr("Redo"), self.redo_action))
        self.file_actions.import_action.setToolTip(with_keys(self.file_actions.import_action.text(),
                                                             self.file_actions.import_action))
        self.shortcuts_action.setToolTip(with_keys(self.shortcuts_action.text(), self.shortcuts_action))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Voronka — %1").replace("%1", database_name(self.ctx.db.location)))
        self.file_menu.setTitle(self.tr("&File"))
        self.file_actions.retranslate()
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Voronka"))
        self.guide_action.setText(self.tr("User &guide"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.top_bar.setWindowTitle(self.tr("Search"))
        self.search_box.retranslate()
        self._tool_tips()
        self._update_status()

    def _update_status(self) -> None:
        from voronka.models.queries.team import member_name

        who = self.ctx.query(member_name, self.ctx.user_id) or self.tr("nobody chosen (Settings → Team)")
        where = database_name(self.ctx.db.location, full=True)
        self.status_label.setText(self.tr("Database: %1 · I am: %2").replace("%1", where).replace("%2", who))

    def enable_auto_backup(self) -> None:
        """Make the daily backup of this database while the window is open (the app does;
        tests and scripts don't)."""
        from .database.backups import AutoBackup

        self.auto_backup = AutoBackup(self)

    def about_text(self) -> str:
        """What Help → About says: the version, the database, and where the log file is."""
        from voronka.models.paths import log_path

        path = log_path()
        log_line = self.tr("Log file (errors and their details): %1").replace("%1", str(path))
        if not path.exists():
            log_line += " " + self.tr("(not written yet: nothing has been logged)")
        return (self.tr("Voronka — an offline CRM for a small B2B sales team.\n"
                        "Every stage move is kept in an event log, so every metric is "
                        "computed from the data itself.")
                + "\n\n" + self.tr("Version: %1").replace("%1", app_version())
                + "\n" + self.tr("Database: %1").replace("%1", database_name(self.ctx.db.location, full=True))
                + "\n" + log_line)

    def about_box(self) -> QMessageBox:
        """Help → About, built but not shown (the fit test measures it)."""
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About Voronka"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        return box

    def _about(self) -> None:
        self.about_box().exec()

    def show_guide(self) -> None:
        from .help.guide import show_guide

        show_guide(self, self.ctx.language)

    def show_shortcuts(self) -> None:
        from .help.shortcuts import show_shortcuts

        show_shortcuts(self)

    def _open_sidebar_row(self, row: int) -> None:
        if 0 <= row < self.sidebar.count():
            self.show_page(self.sidebar.item(row).data(KEY_ROLE))

    def _on_theme(self, _theme: str) -> None:
        """A theme switch: icons and painted colours are made again (as after a language change)."""
        self._set_menu_icons()
        self._rebuild()

    # --- pages ------------------------------------------------------------------------
    def _initial_page(self) -> str:
        chosen = self.ctx.user_setting("ui.start_page")
        if chosen in PAGE_KEYS:
            return chosen
        last = self.ctx.settings.value("ui/last_page")
        return last if last in PAGE_KEYS else "start"

    def _fill_sidebar(self) -> None:
        order = sidebar_order(self.ctx.user_setting("ui.sidebar"), self.ctx.user_setting("ui.sidebar_hidden"))
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for key in order:
            spec = page_spec(key)
            item = QListWidgetItem(spec.icon(), spec.title_text())
            item.setData(KEY_ROLE, key)
            self.sidebar.addItem(item)
        self.sidebar.blockSignals(False)
        if hasattr(self, "reminders"):
            self._show_badges()

    def set_page_squeezable(self, squeezable: bool) -> None:
        """While a card panel is open beside the page, a page wider than what is left is
        clipped at its right edge instead of pushing the window past a laptop's screen."""
        self.stack.setMinimumWidth(480 if squeezable else 0)

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, created on first use."""
        if key not in self.pages:
            try:
                widget = page_spec(key).create(self.ctx, self.stack)
            except Exception as exc:
                log.exception("Could not open page %s", key)
                show_error(self, exc)
                widget = plain_label(self.tr("This page could not be opened: %1").replace("%1", str(exc)))
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(KEY_ROLE) == key:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)
        self.ctx.settings.setValue("ui/last_page", key)

    def current_page_key(self) -> str | None:
        for key, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return key
        return None

    def _on_sidebar(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_page(current.data(KEY_ROLE))

    def _rebuild(self) -> None:
        """Recreate every page (after a language or user change)."""
        key = self.current_page_key() or "start"
        for widget in self.pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self._retranslate()
        self._fill_sidebar()
        self.show_page(key)

    def _on_changed(self, changes: Changes) -> None:
        if changes.users or changes.settings:
            self._update_status()
            self._fill_sidebar()
            key = self.current_page_key()
            if key:
                self.show_page(key)

    def _open_record(self, kind: str, record_id: int) -> None:
        from .cards import open_card

        try:
            open_card(self.ctx, kind, record_id, self)
        except Exception as exc:
            show_error(self, exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None:
            self.tray.hide()
        self.reminders.timer.stop()
        self.ctx.settings.setValue("ui/geometry", self.saveGeometry())
        super().closeEvent(event)


def database_name(location: str, *, full: bool = False) -> str:
    """What the title bar calls a database: the file name (``full``: its path), or a server
    URL without its password."""
    if "://" in location:
        from voronka.models.db import shown_location

        return shown_location(location)
    from pathlib import Path

    from .shown_paths import home_short

    # a file in the home folder reads as "~/…": shorter, and the same on every computer of the user
    return home_short(location) if full else Path(location).name


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("voronka")
    except PackageNotFoundError:
        return "?"


def running_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and not widget.replaced:
            return widget
    return None
