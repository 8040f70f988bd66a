"""Ctrl+Z / Ctrl+Shift+Z in every window of the application, on the one undo stack.

The main window has Edit → Undo/Redo. Card windows and dialogs are top-level windows of their
own, where those shortcuts would not reach: when such a window first gets the focus, it gets
two hidden actions with the same keys, which undo or redo on the undo stack of the database
the window belongs to (the ``ctx`` of the nearest parent that has one). A text field keeps its
own Ctrl+Z for its text while it has the focus. Message boxes and file pickers get nothing:
they are part of one step, not a place to work.

No event filter: ``QGuiApplication.focusWindowChanged`` fires once per window switch.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

SKIPPED = (QMessageBox, QFileDialog, QProgressDialog, QInputDialog, QColorDialog, QFontDialog)
MARK = "voronkaUndoActions"


def context_of(widget: QWidget | None):
    """The context a window works on (anything with an ``undo_stack``): its own ``ctx`` or its
    card's, else its parents'; else the main window's. (No import of the context or the main
    window here: the undo package sits below both.)"""
    while widget is not None:
        for holder in (widget, getattr(widget, "card", None)):
            ctx = getattr(holder, "ctx", None)
            if hasattr(ctx, "undo_stack"):
                return ctx
        widget = widget.parentWidget()
    for top in QApplication.topLevelWidgets():
        ctx = getattr(top, "ctx", None)
        if isinstance(top, QMainWindow) and not getattr(top, "replaced", False) and hasattr(ctx, "undo_stack"):
            return ctx
    return None


def add_undo_shortcuts(window: QWidget) -> tuple[QAction, QAction] | None:
    """Give ``window`` Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) on its database's undo stack (once)."""
    if isinstance(window, (QMainWindow, *SKIPPED)) or window.property(MARK):
        return None
    window.setProperty(MARK, True)
    undo, redo = QAction(window), QAction(window)
    undo.setObjectName("undoEverywhere")
    redo.setObjectName("redoEverywhere")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])

    def step(forward: bool) -> None:
        ctx = context_of(window)
        if ctx is not None:
            ctx.undo_stack.redo() if forward else ctx.undo_stack.undo()

    undo.triggered.connect(lambda: step(False))
    redo.triggered.connect(lambda: step(True))
    window.addAction(undo)
    window.addAction(redo)
    return undo, redo


class UndoEverywhere(QObject):
    """Adds the undo shortcuts to each card window or dialog as it first gets the focus."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("undoEverywhere")
        app.focusWindowChanged.connect(self._on_focus_window)

    def _on_focus_window(self, _window) -> None:
        widget = QApplication.activeWindow()
        if widget is not None:
            add_undo_shortcuts(widget)


def install() -> None:
    """Once per application (the main window calls it)."""
    app = QApplication.instance()
    if app is not None and app.findChild(UndoEverywhere, "undoEverywhere") is None:
        UndoEverywhere(app)
