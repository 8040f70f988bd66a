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
_spares: dict[tuple[int, str], "CardWindow"] = {}  # (id of the AppContext, card kind): a closed window kept
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
        key = (id(card.ctx), card.kind)
        self.destroyed.connect(lambda *_a: _spares.pop(key, None) if _spares.get(key) is self else None)

    def _on_gone(self) -> None:
        self.card.form = None  # nothing left to save
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.card.form is not None and not self.card.maybe_save():
            event.ignore()
            return
        if self in _windows:
            _windows.remove(self)
        key = (id(self.card.ctx), self.card.kind)
        if self.card.record_id is not None and key not in _spares and not self.card.parked:
            # kept for the next record of its kind: opening a card then fills these widgets
            # instead of building a window, a header and a side again
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.card.park()
            _spares[key] = self
        super().closeEvent(event)

    def reuse(self, record_id: int) -> None:
        """Show ``record_id`` in this kept window (``take_spare`` handed it out)."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle("")
        _windows.append(self)
        self.card.show_record(record_id)


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


def take_spare(ctx: AppContext, kind: str, parent: QWidget | None) -> CardWindow | None:
    """A closed card window of ``kind`` kept for reuse (same application, same parent window and
    language), taken out of the spares; None when there is none."""
    import shiboken6

    window = _spares.get((id(ctx), kind))
    if window is None:
        return None
    if not (shiboken6.isValid(window) and shiboken6.isValid(window.card)) or window.card.ctx is not ctx:
        _spares.pop((id(ctx), kind), None)
        return None
    if window.parentWidget() is not parent or window.card.built_language != ctx.language:
        return None
    del _spares[(id(ctx), kind)]
    return window


def existing_window(kind: str, record_id: int) -> CardWindow | None:
    return next((w for w in _windows if w.card.kind == kind and w.card.record_id == record_id), None)


def open_windows() -> list[CardWindow]:
    return list(_windows)


def panel_of(main: QMainWindow) -> CardPanel:
    panel = main.findChild(CardPanel, "cardPanel")
    return panel if panel is not None else CardPanel(main)


def open_as(ctx: AppContext) -> str:
    return "panel" if ctx.user_setting("cards.open_as", "window", kept=True) == "panel" else "window"
