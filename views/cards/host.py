"""Where cards appear: a window of their own, or one side panel docked in the main window.

The choice is per user (setting ``cards.open_as``: "window" or "panel") and the ⇆ button
on every card flips it. Opening a record that already has a window raises that window.
A panel shows one card at a time; before it shows another, unsaved edits are offered
for saving. The panel never widens the window: its card sits in a scroll area, so the
card's own minimum width stays inside the panel (which keeps to ``PANEL_WIDTH``).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from ..app_context import AppContext
from .record_card import RecordCard

_windows: list["CardWindow"] = []  # open card windows (also keeps them alive)
PANEL_WIDTH = 520  # the panel's minimum: with the sidebar and a squeezed page, 1,280 px hold it


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
        self.setMinimumWidth(PANEL_WIDTH)
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self._main = main
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
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(card)
        old = self.widget()
        self.setWidget(scroll)
        if old is not None:
            old.deleteLater()
        self._squeeze(True)  # before showing: the window must not grow to fit page + card
        size = self._main.size()
        self.show()
        self.raise_()
        self._keep(size)
        QTimer.singleShot(0, self, lambda: self._keep(size))  # the main window's layout settles a moment later
        return True

    def _keep(self, size) -> None:  # noqa: ANN001 - a QSize
        """The panel takes its room from the page, not from the screen: the window keeps its size."""
        main = self._main
        if main.isVisible() and main.width() > size.width() and not main.isMaximized():
            main.resize(size)
        main.resizeDocks([self], [max(PANEL_WIDTH, int(size.width() * 0.42))], Qt.Orientation.Horizontal)


def existing_window(kind: str, record_id: int) -> CardWindow | None:
    return next((w for w in _windows if w.card.kind == kind and w.card.record_id == record_id), None)


def open_windows() -> list[CardWindow]:
    return list(_windows)


def panel_of(main: QMainWindow) -> CardPanel:
    panel = main.findChild(CardPanel, "cardPanel")
    return panel if panel is not None else CardPanel(main)


def open_as(ctx: AppContext) -> str:
    return "panel" if ctx.user_setting("cards.open_as", "window", kept=True) == "panel" else "window"
