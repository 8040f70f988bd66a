"""Where cards appear: a window of their own, or one side panel docked in the main window.

The choice is per user (setting ``cards.open_as``: "window" or "panel") and the ⇆ button
on every card flips it. Opening a record that already has a window raises that window.
A panel shows one card at a time; before it shows another, unsaved edits are offered
for saving.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from ..app_context import AppContext
from .record_card import RecordCard

_windows: list["CardWindow"] = []  # open card windows (also keeps them alive)


class CardWindow(QWidget):
    """A top-level window holding one card."""

    def __init__(self, card: RecordCard, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.card = card
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.setParent(self)
        QVBoxLayout(self).addWidget(card)
        self.setWindowTitle(card.title.text())
        card.title_changed.connect(self.setWindowTitle)
        card.gone.connect(self._on_gone)
        self.resize(1100, 760)
        from ..undo.everywhere import add_undo_shortcuts

        add_undo_shortcuts(self)  # at once, not only on focus: offscreen windows never get it
        _windows.append(self)

    def _on_gone(self) -> None:
        self.card.form = None  # nothing left to save
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.card.form is not None and not self.card.maybe_save():
            event.ignore()
            return
        if self in _windows:
            _windows.remove(self)
        super().closeEvent(event)


class CardPanel(QDockWidget):
    """The side panel of the main window showing one card."""

    def __init__(self, main: QMainWindow):
        super().__init__(main)
        self.setObjectName("cardPanel")
        self.setWindowTitle(self.tr("Card"))
        self.card: RecordCard | None = None
        self.setMinimumWidth(560)
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self._squeeze = getattr(main, "set_page_squeezable", lambda _on: None)
        self.visibilityChanged.connect(self._squeeze)

    def show_card(self, card: RecordCard) -> bool:
        if self.card is not None:
            if not self.card.maybe_save():
                card.deleteLater()
                return False
            self.card.deleteLater()
        self.card = card
        card.splitter.setOrientation(Qt.Orientation.Vertical)  # narrow: the timeline goes under the fields
        card.gone.connect(self.hide)
        self.setWidget(card)
        self._squeeze(True)  # before showing: the window must not grow to fit page + card
        self.show()
        self.raise_()
        return True


def existing_window(kind: str, record_id: int) -> CardWindow | None:
    return next((w for w in _windows if w.card.kind == kind and w.card.record_id == record_id), None)


def open_windows() -> list[CardWindow]:
    return list(_windows)


def panel_of(main: QMainWindow) -> CardPanel:
    panel = main.findChild(CardPanel, "cardPanel")
    return panel if panel is not None else CardPanel(main)


def open_as(ctx: AppContext) -> str:
    return "panel" if ctx.user_setting("cards.open_as", "window") == "panel" else "window"
