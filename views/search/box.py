"""The search box in the main window's top bar (Ctrl+K): type, and deals, companies,
contacts and tasks appear grouped under it; ↑/↓ choose, Enter opens the card, Esc closes.

Every search runs on the database executor (never on the UI thread) under one key, so a
newer letter supersedes the search still waiting or running; an answer for a text that is
no longer in the box is dropped too. A record changed while the list is open (here or by a
colleague) re-runs the search.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QMainWindow

from voronka.models.changes import Changes
from voronka.models.queries.search import SearchHit, SearchResults, search_everything

from ..app_context import AppContext
from .model import SearchResultsModel
from .popup import SearchPopup

DELAY_MS = 90  # typing pauses shorter than this start no search
LIMIT_PER_KIND = 5


class SearchBox(QLineEdit):
    results_shown = Signal(object)  # SearchResults, once they are on screen

    def __init__(self, ctx: AppContext, window: QMainWindow):
        super().__init__(window)
        self.ctx = ctx
        self.main = window
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setMaximumWidth(440)
        self.key = f"global-search:{id(self)}"
        self.model = SearchResultsModel(ctx.language, self)
        self.popup = SearchPopup(self.model, window)
        self.popup.chosen.connect(self.open_hit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.wanted = False  # whether the list should show (typing or Ctrl+K; not after leaving the box)
        self.textEdited.connect(self._edited)
        self.shortcut = QShortcut(QKeySequence("Ctrl+K"), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.activate)
        ctx.changed.connect(self._on_changed)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.language = self.ctx.language
        self.setPlaceholderText(self.tr("Search: name, phone, e-mail, INN… (Ctrl+K)"))
        self.setToolTip(self.tr("Find deals, companies, contacts and tasks (Ctrl+K)"))

    # --- searching ------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self.wanted = True
        self.timer.start()

    def activate(self) -> None:
        """Ctrl+K: the box gets the keyboard, its text selected; earlier results come back."""
        self.wanted = True
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip() and self.model.text == self.text().strip():
            self._show_popup()

    def run_search(self) -> None:
        typed = self.text().strip()
        self.timer.stop()
        if not typed:
            self.ctx.executor.supersede(self.key)
            self.model.clear()
            self.popup.hide()
            return
        self.ctx.executor.query(search_everything, typed, LIMIT_PER_KIND, language=self.ctx.language,
                                key=self.key, owner=self, on_done=self._show_results)

    def _show_results(self, results: SearchResults) -> None:
        if results.text != self.text().strip():
            return  # the box says something else by now: a newer search is coming
        current = self.popup.current_hit()
        self.model.set_results(results)
        self._show_popup(keep=current)
        self.results_shown.emit(results)

    def _show_popup(self, keep: SearchHit | None = None) -> None:
        if not self.wanted:
            return  # the user went elsewhere meanwhile
        rows = self.model.hit_rows()
        kept = [r for r in rows if keep is not None and self.model.rows[r].hit is not None
                and (self.model.rows[r].hit.kind, self.model.rows[r].hit.record_id) == (keep.kind, keep.record_id)]
        self.popup.show_under(self)
        if rows:
            self.popup.select_row((kept or rows)[0])  # the hit chosen before a refresh stays chosen

    def _on_changed(self, changes: Changes) -> None:
        if self.popup.isVisible() and (changes.deals or changes.companies or changes.contacts
                                       or changes.tasks or changes.funnel):
            self.run_search()

    # --- keys and opening -----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.hit_rows():
            if not self.popup.isVisible():
                self.wanted = True
                self._show_popup()
                return
            step = 1 if key == Qt.Key.Key_Down else -1
            row = self.model.next_hit_row(self.popup.view.currentIndex().row(), step)
            if row is not None:
                self.popup.select_row(row)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive() or self.model.text != self.text().strip():
                self.run_search()  # Enter before the list caught up: search now, open nothing stale
                return
            hit = self.popup.current_hit()
            if hit is not None and self.popup.isVisible():
                self.open_hit(hit)
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.wanted = False
                self.popup.hide()
            else:
                self.clear()
                self.model.clear()
            return
        super().keyPressEvent(event)

    def open_hit(self, hit: SearchHit) -> None:
        """Show the record's card; a task opens its deal's card, or the Tasks page when it has no deal."""
        self.wanted = False
        self.popup.hide()
        if hit.kind != "task":
            self.ctx.open_record.emit(hit.kind, hit.record_id)
        elif hit.deal_id is not None:
            self.ctx.open_record.emit("deal", hit.deal_id)
        elif hasattr(self.main, "show_page"):
            self.main.show_page("tasks")
            page = self.main.page("tasks")
            if hasattr(page, "select_task"):
                page.select_task(hit.record_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.wanted = False
            self.popup.hide()
        super().focusOutEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Resize:
            self.popup.reposition()
        return False
