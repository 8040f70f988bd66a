"""Every keyboard shortcut of the application, in one list the Help menu shows (F1).

The list is data, grouped by where the keys work; ``tests/test_help.py`` reads the code for
shortcuts (``setShortcut``, ``QKeySequence``, ``QShortcut``, key handlers named in
docstrings) and fails when one is missing here, so the list cannot drift from the code.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    keys: tuple[str, ...]  # portable text, e.g. "Ctrl+Shift+Z"
    what: str  # source text, translated in the "Shortcuts" context
    where: str  # group key of ``GROUPS``


GROUPS = {
    "everywhere": QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
    "board": QT_TRANSLATE_NOOP("Shortcuts", "Board"),
    "cards": QT_TRANSLATE_NOOP("Shortcuts", "Cards"),
    "tasks": QT_TRANSLATE_NOOP("Shortcuts", "Tasks"),
    "tables": QT_TRANSLATE_NOOP("Shortcuts", "Tables (deals, companies, contacts)"),
    "search": QT_TRANSLATE_NOOP("Shortcuts", "Search box"),
}

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(("F1",), QT_TRANSLATE_NOOP("Shortcuts", "This list of keyboard shortcuts"), "everywhere"),
    Shortcut(("Ctrl+K",), QT_TRANSLATE_NOOP("Shortcuts", "Search deals, companies, contacts and tasks"), "everywhere"),
    Shortcut(("Ctrl+1", "Ctrl+8"), QT_TRANSLATE_NOOP("Shortcuts", "Open the 1st … 8th page of the sidebar"), "everywhere"),
    Shortcut(("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo (also in card windows and dialogs)"), "everywhere"),
    Shortcut(("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "everywhere"),
    Shortcut(("Ctrl+I",), QT_TRANSLATE_NOOP("Shortcuts", "Import deals from files"), "everywhere"),
    Shortcut(("Ctrl+N",), QT_TRANSLATE_NOOP("Shortcuts", "New database"), "everywhere"),
    Shortcut(("Ctrl+O",), QT_TRANSLATE_NOOP("Shortcuts", "Open a database"), "everywhere"),
    Shortcut(("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit"), "everywhere"),
    Shortcut(("Alt+Right", "Alt+Left"), QT_TRANSLATE_NOOP("Shortcuts", "Move the selected deals one stage on / back"), "board"),
    Shortcut(("Ctrl+M", "Menu", "Shift+F10"), QT_TRANSLATE_NOOP("Shortcuts", "The menu of the selected deals (move, won, lost, reassign)"), "board"),
    Shortcut(("Left", "Right"), QT_TRANSLATE_NOOP("Shortcuts", "Go to the neighbouring column"), "board"),
    Shortcut(("Enter",), QT_TRANSLATE_NOOP("Shortcuts", "Open the deal's card"), "board"),
    Shortcut(("Ctrl+S",), QT_TRANSLATE_NOOP("Shortcuts", "Save the changed fields"), "cards"),
    Shortcut(("Alt+1", "Alt+5"), QT_TRANSLATE_NOOP("Shortcuts", "Log a call, e-mail, message, meeting or note"), "cards"),
    Shortcut(("Space",), QT_TRANSLATE_NOOP("Shortcuts", "Mark the selected task done (or open again)"), "tasks"),
    Shortcut(("Enter",), QT_TRANSLATE_NOOP("Shortcuts", "Open the task's deal"), "tasks"),
    Shortcut(("F2",), QT_TRANSLATE_NOOP("Shortcuts", "Edit the task's title or due time"), "tasks"),
    Shortcut(("Enter",), QT_TRANSLATE_NOOP("Shortcuts", "Open the record's card (also a double-click)"), "tables"),
    Shortcut(("Up", "Down"), QT_TRANSLATE_NOOP("Shortcuts", "Go through the results"), "search"),
    Shortcut(("Enter",), QT_TRANSLATE_NOOP("Shortcuts", "Open the chosen result"), "search"),
    Shortcut(("Esc",), QT_TRANSLATE_NOOP("Shortcuts", "Close the results; again: empty the box"), "search"),
)


def keys_text(shortcut: Shortcut) -> str:
    """The keys as this platform writes them ("Ctrl+1 … Ctrl+8", "Alt+Right / Alt+Left")."""
    native = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) or k for k in shortcut.keys]
    joiner = " … " if shortcut.keys[0][-1:].isdigit() and len(native) == 2 else " / "
    return joiner.join(native)


def listed_keys() -> set[str]:
    """Every key combination the list names, in portable text (ranges spelled out)."""
    out: set[str] = set()
    for shortcut in SHORTCUTS:
        out.update(shortcut.keys)
        first, *rest = shortcut.keys
        if rest and first[-1:].isdigit() and rest[-1][-1:].isdigit():  # "Alt+1" … "Alt+5"
            prefix = first[:-1]
            out.update(f"{prefix}{n}" for n in range(int(first[-1]), int(rest[-1][-1]) + 1))
    return out


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: the list, grouped, with a filter box."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        for group, title in GROUPS.items():
            top = QTreeWidgetItem(self.tree, [QCoreApplication.translate("Shortcuts", title)])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for shortcut in SHORTCUTS:
                if shortcut.where == group:
                    QTreeWidgetItem(top, [keys_text(shortcut), QCoreApplication.translate("Shortcuts", shortcut.what)])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)  # the longest description whole in Russian

    def texts(self) -> list[str]:
        """Every row shown: "keys — what" (tests and the filter read these)."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(g)
            for i in range(top.childCount()):
                item = top.child(i)
                if not item.isHidden():
                    out.append(f"{item.text(0)} — {item.text(1)}")
        return out

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(g)
            visible = 0
            for i in range(top.childCount()):
                item = top.child(i)
                hide = bool(needle) and needle not in f"{item.text(0)} {item.text(1)}".casefold()
                item.setHidden(hide)
                visible += not hide
            top.setHidden(visible == 0)


def show_shortcuts(parent: QWidget | None) -> ShortcutsDialog:
    """Show the list (one at a time: a second F1 raises the open one)."""
    window = parent.window() if parent is not None else None
    existing = window.findChild(ShortcutsDialog, "shortcutsDialog") if window is not None else None
    dialog = existing or ShortcutsDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
